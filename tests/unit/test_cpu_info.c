/* test_cpu_info.c - processor designers from recorded CPUID values and
 * /proc/cpuinfo texts. */
#include "testutil.h"

#include "../../probes/cpu/cpu_info.h"

static void test_cpuid(void **state)
{
	/* leaf 1 EAX as these processors report it */
	static const struct {
		const char *vendor;
		unsigned eax1, family, model, stepping;
	} rec[] = {
		{"GenuineIntel", 0x00050654, 6, 0x55, 4},  /* Xeon Skylake-SP */
		{"AuthenticAMD", 0x00830F10, 0x17, 0x31, 0}, /* EPYC Rome */
		{"HygonGenuine", 0x00900F01, 0x18, 0x00, 1}, /* Hygon C86 7285 */
		{"  Shanghai  ", 0x000307B0, 7, 0x3B, 0}, /* Zhaoxin KX-U6780A */
		{"CentaurHauls", 0x000006FE, 6, 0x0F, 0xE}, /* VIA Nano */
	};

	(void)state;
	for (size_t i = 0; i < sizeof rec / sizeof *rec; i++) {
		struct cpu_info ci;

		cpu_from_cpuid(rec[i].vendor, rec[i].eax1, &ci);
		assert_string_equal(ci.vendor, rec[i].vendor);
		assert_int_equal(ci.family, rec[i].family);
		assert_int_equal(ci.model, rec[i].model);
		assert_int_equal(ci.stepping, rec[i].stepping);
		assert_int_equal(ci.implementer, -1);
	}
}

static void test_cpuinfo(void **state)
{
	static const char x86[] = "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n"
				  "model\t\t: 85\nmodel name\t: Intel(R) Xeon(R) Gold 6130 CPU\n"
				  "stepping\t: 4\n\nprocessor\t: 1\nvendor_id\t: Other\n";
	static const char zx[] = "vendor_id\t:   Shanghai  \ncpu family\t: 7\nmodel\t\t: 59\n";
	static const char arm[] = "processor\t: 0\nCPU implementer\t: 0x48\nCPU part\t: 0xd01\n";
	static const char loongson[] = "system type\t: generic-loongson-machine\n\nprocessor\t: 0\n"
				       "cpu model\t: Loongson-3A5000\n";
	static const char none[] = "processor\t: 0\nBogoMIPS\t: 100\n";
	struct cpu_info ci;

	(void)state;
	assert_int_equal(cpu_parse_cpuinfo(x86, sizeof x86 - 1, &ci), 0);
	assert_string_equal(ci.vendor, "GenuineIntel"); /* the first processor's */
	assert_int_equal(ci.family, 6);
	assert_int_equal(ci.model, 85);
	assert_int_equal(ci.stepping, 4);
	assert_string_equal(ci.model_name, "Intel(R) Xeon(R) Gold 6130 CPU");
	assert_int_equal(cpu_parse_cpuinfo(zx, sizeof zx - 1, &ci), 0);
	assert_string_equal(ci.vendor, "  Shanghai  "); /* blanks kept */
	assert_int_equal(cpu_parse_cpuinfo(arm, sizeof arm - 1, &ci), 0);
	assert_int_equal(ci.implementer, 0x48);
	assert_int_equal(ci.part, 0xd01);
	assert_string_equal(ci.vendor, "");
	assert_int_equal(cpu_parse_cpuinfo(loongson, sizeof loongson - 1, &ci), 0);
	assert_string_equal(ci.model_name, "Loongson-3A5000");
	assert_string_equal(ci.vendor, "");
	assert_int_equal(cpu_parse_cpuinfo(none, sizeof none - 1, &ci), -1);
}

/* A cpuinfo saved with CR LF line ends reads as the same: no CR in any
 * value (it would make "GenuineIntel\r" an unknown vendor), and a line of
 * only CR ends the first processor's block like an empty one. */
static void test_cpuinfo_crlf(void **state)
{
	static const char x86[] = "processor\t: 0\r\nvendor_id\t: GenuineIntel\r\n"
				  "cpu family\t: 6\r\nmodel\t\t: 85\r\n"
				  "model name\t: Intel(R) Xeon(R) Gold 6130 CPU\r\n\r\n"
				  "vendor_id\t: Other\r\n";
	static const char zx[] = "vendor_id\t:   Shanghai  \r\n";
	struct cpu_info ci;

	(void)state;
	assert_int_equal(cpu_parse_cpuinfo(x86, sizeof x86 - 1, &ci), 0);
	assert_string_equal(ci.vendor, "GenuineIntel");
	assert_int_equal(ci.family, 6);
	assert_int_equal(ci.model, 85);
	assert_string_equal(ci.model_name, "Intel(R) Xeon(R) Gold 6130 CPU");
	assert_int_equal(cpu_parse_cpuinfo(zx, sizeof zx - 1, &ci), 0);
	assert_string_equal(ci.vendor, "  Shanghai  ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpuid),
		cmocka_unit_test(test_cpuinfo),
		cmocka_unit_test(test_cpuinfo_crlf),
	};

	return cmocka_run_group_tests_name("cpu_info", tests, NULL, NULL);
}
