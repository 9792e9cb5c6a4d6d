/* test_pci_check.c - the checks on recorded PCI input, on the project's
 * fixtures (tests/fixtures/pci/README.md says what each holds). */
#include "testutil.h"

#include "../../probes/pci_check.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_dumps),
		cmocka_unit_test(test_malformed_dumps),
		cmocka_unit_test(test_offset_past_config_space),
		cmocka_unit_test(test_sysfs_trees),
	};

	return cmocka_run_group_tests_name("pci_check", tests, NULL, NULL);
}
