/* test_pci_check.c - the checks on recorded PCI input, on the project's
 * fixtures (tests/fixtures/pci/README.md says what each holds). */
#include "testutil.h"

#include "../../probes/pci/pci_check.h"
#include "../../probes/pci/pci_names.h"

#define PCI FIXTURES "/pci/"

static void expect_dump_error(const char *name, const char *msg)
{
	struct hw_err e = {0};
	char path[512], want[HW_ERR_MAX];

	snprintf(path, sizeof path, PCI "%s", name);
	snprintf(want, sizeof want, "%s%s", path, msg);
	assert_int_equal(pci_check_dump(path, &e), -1);
	assert_string_equal(e.msg, want);
}

static void test_valid_dumps(void **state)
{
	static const char *const good[] = {"huawei-taishan.dump", "intel-on-lenovo.dump",
					   "clean-dell.dump", "crlf.dump", "vvv.dump"};
	struct hw_err e = {0};
	char path[512];

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		snprintf(path, sizeof path, PCI "%s", good[i]);
		if (pci_check_dump(path, &e) < 0)
			fail_msg("%s", e.msg);
	}
}

static void test_malformed_dumps(void **state)
{
	(void)state;
	expect_dump_error("bad-truncated.dump",
			  ":7: device 5e:00.0 has 32 bytes of configuration space, at least 64 are "
			  "needed (file truncated?)");
	expect_dump_error("bad-cut-line.dump", ":5: last line has no newline (file truncated?)");
	expect_dump_error("bad-garbage.dump",
			  ":1: control bytes in line (binary data, not an lspci dump)");
	expect_dump_error("bad-empty.dump",
			  ": no PCI device found (expected the output of lspci -x, -xxx or -xxxx)");
	expect_dump_error("bad-token.dump", ":4: malformed hex data at column 23: \"zz 00 00 00 00 0\"");
	expect_dump_error("bad-long-line.dump", ":6: line longer than 253 characters");
	expect_dump_error("bad-no-data.dump",
			  ":1: device 3b:00.0 has no hex data (make the dump with lspci -x, -xxx or "
			  "-xxxx)");
	expect_dump_error("bad-header-only-text.dump",
			  ":1: device 00:00.0 has no hex data (make the dump with lspci -x, -xxx or "
			  "-xxxx)");
	expect_dump_error("does-not-exist.dump", ": No such file or directory");
}

static void test_offset_past_config_space(void **state)
{
	static const char dump[] = "00:00.0 Host bridge\n"
				   "00: 86 80 57 0d 00 00 00 00 00 00 00 06 00 00 00 00\n"
				   "10: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n"
				   "20: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n"
				   "30: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n"
				   "1000: 00\n";
	char *path = write_temp("dump", dump, sizeof dump - 1);
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(pci_check_dump(path, &e), -1);
	assert_non_null(strstr(e.msg, ":6: offset 0x1000 is past the 4096 bytes"));
	unlink(path);
	free(path);
}

static void test_sysfs_trees(void **state)
{
	struct hw_err e = {0};

	(void)state;
	if (pci_check_sysfs(FIXTURES "/root/huawei-server/sys/bus/pci/devices", &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(pci_check_sysfs(FIXTURES "/root/bad-missing-device/sys/bus/pci/devices",
					 &e),
			 -1);
	assert_string_equal(e.msg, FIXTURES "/root/bad-missing-device/sys/bus/pci/devices/"
					    "0000:00:01.0/device: No such file or directory");
}

static char *read_fd(int fd)
{
	char *buf = calloc(1, 65536);
	ssize_t n = pread(fd, buf, 65535, 0);

	assert_true(n >= 0);
	return buf;
}

static void test_names_subset(void **state)
{
	static const char ids[] = "#\tVersion: test\n"
				  "\n"
				  "1028  Dell\n"
				  "\t0869  Vostro 3470 \r\n"
				  "8086  Intel Corporation\n"
				  "\t1521  I350 Gigabit Network Connection\n"
				  "\t\t17aa 1074  ThinkServer I350-T4 AnyFabric\n"
				  "19e5  Huawei Technologies Co., Ltd.\n"
				  "\t1822  Hi1822 Family (4*25GE)\n"
				  "C 02  Network controller\n"
				  "\t00  Ethernet controller\n";
	const uint16_t want[] = {0x8086, 0x17aa};
	char *path = write_temp("ids", ids, sizeof ids - 1), *got;
	struct hw_err e = {0};
	int fd;

	(void)state;
	fd = pci_names_subset(path, want, 2, &e);
	if (fd < 0)
		fail_msg("%s", e.msg);
	got = read_fd(fd);
	assert_string_equal(got, "#\tVersion: test\n"
				 "8086  Intel Corporation\n"
				 "\t1521  I350 Gigabit Network Connection\n"
				 "\t\t17aa 1074  ThinkServer I350-T4 AnyFabric\n"
				 "C 02  Network controller\n"
				 "\t00  Ethernet controller\n");
	free(got);
	close(fd);
	unlink(path);
	free(path);
}

static void test_names_malformed(void **state)
{
	static const char *const bad[] = {
		"8086  Intel\n\t\t\t1234  three tabs\n",
		"8086  Intel\nxyz\n",
		"8086\n",
		"8086  Intel\n\t152  short id\n",
		"C 0x  Bad class\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *path = write_temp("badids", bad[i], strlen(bad[i]));
		struct hw_err e = {0};
		char want[512];

		assert_int_equal(pci_names_subset(path, NULL, 0, &e), -1);
		snprintf(want, sizeof want, "%s:%d: not a line of the pci.ids format", path,
			 i == 2 || i == 4 ? 1 : 2);
		assert_string_equal(e.msg, want);
		unlink(path);
		free(path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_dumps),
		cmocka_unit_test(test_malformed_dumps),
		cmocka_unit_test(test_offset_past_config_space),
		cmocka_unit_test(test_sysfs_trees),
		cmocka_unit_test(test_names_subset),
		cmocka_unit_test(test_names_malformed),
	};

	return cmocka_run_group_tests_name("pci_check", tests, NULL, NULL);
}
