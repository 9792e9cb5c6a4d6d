/* test_lspci_text.c - lspci's text by its grammar: both layouts, numbers
 * and names, what lspci leaves out, and the faults named by line. */
#include "testutil.h"

#include "../../probes/pci/lspci_text.h"
#include "../../probes/pci/pci_names.h"

/* Parse text; the return code, with t filled and e holding the message. */
static int parse(const char *text, struct lspci_text *t, struct hw_err *e)
{
	memset(t, 0, sizeof *t);
	memset(e, 0, sizeof *e);
	return lspci_text_parse("t.lspci", text, strlen(text), t, e);
}

/* The message of a text that must fail. */
static const char *fault(const char *text)
{
	static struct hw_err e;
	struct lspci_text t;

	hw_err_clear(&e);
	assert_int_equal(parse(text, &t, &e), -1);
	lspci_text_free(&t);
	return e.msg;
}

static void test_headers_nnv(void **state)
{
	static const char text[] =
	    "0000:3b:00.0 Ethernet controller [0200]: Huawei Technologies Co., Ltd. Hi1822 "
	    "Family (4*25GE) [19e5:1822] (rev 45)\n"
	    "\tSubsystem: Huawei Technologies Co., Ltd. Device [19e5:d139]\n"
	    "\tFlags: bus master, fast devsel, latency 0\n"
	    "\tCapabilities: [b0] MSI-X: Enable+ Count=32 Masked-\n"
	    "\t\tVector table: BAR=2 offset=00000000\n"
	    "\tKernel driver in use: hinic\n"
	    "\n"
	    "0000:7c:00.0 PCI bridge [0604]: Huawei Technologies Co., Ltd. HiSilicon PCI-PCI "
	    "Bridge [19e5:a121] (rev 21) (prog-if 00 [Normal decode])\n"
	    "\tFlags: bus master, fast devsel, latency 0\n"
	    "\n"
	    "10000:01:00.0 Non-Volatile memory controller [0108]: Samsung Electronics Co Ltd "
	    "Device [144d:a808] (prog-if 02 [NVM Express])\n"
	    "\tSubsystem: Samsung Electronics Co Ltd SSD 970 EVO [144d:a801]\n";
	struct lspci_text t;
	struct hw_err e;
	const struct lspci_dev *d;

	(void)state;
	assert_int_equal(parse(text, &t, &e), 0);
	assert_int_equal(t.layout, LSPCI_HEADERS);
	assert_int_equal(t.numeric, 1);
	assert_int_equal(t.subsystems, 1);
	assert_int_equal(t.n, 3);
	d = &t.devs[0];
	assert_int_equal(d->line, 1);
	assert_int_equal(d->domain, 0);
	assert_int_equal(d->bus, 0x3b);
	assert_int_equal(d->vendor, 0x19e5);
	assert_int_equal(d->device, 0x1822);
	assert_int_equal(d->subvendor, 0x19e5);
	assert_int_equal(d->subdevice, 0xd139);
	assert_int_equal(d->class_id, 0x0200);
	assert_int_equal(d->rev, 0x45);
	assert_int_equal(d->progif, 0); /* -v prints only a non-zero or named one */
	assert_string_equal(d->class_name, "Ethernet controller");
	assert_string_equal(d->vendor_device,
	                    "Huawei Technologies Co., Ltd. Hi1822 Family (4*25GE)");
	assert_string_equal(d->driver, "hinic");
	d = &t.devs[1];
	assert_int_equal(d->subvendor, -1);
	assert_int_equal(d->rev, 0x21);
	assert_int_equal(d->progif, 0);
	assert_string_equal(d->vendor_device,
	                    "Huawei Technologies Co., Ltd. HiSilicon PCI-PCI Bridge");
	d = &t.devs[2];
	assert_int_equal(d->domain, 0x10000); /* more than four digits of domain */
	assert_int_equal(d->progif, 2);
	assert_int_equal(d->rev, 0); /* lspci prints no "(rev 00)" */
	lspci_text_free(&t);
}

static void test_headers_terse_and_numbers(void **state)
{
	static const char nn[] = "00:1f.6 Ethernet controller [0200]: Intel Corporation Ethernet "
	                         "Connection (7) I219-LM [8086:15bb] (rev 10)\r\n";
	static const char n[] = "00:00.0 0600: 8086:2020 (rev 04)\n\tSubsystem: 17aa:1044\n";
	struct lspci_text t;
	struct hw_err e;

	(void)state;
	assert_int_equal(parse(nn, &t, &e), 0);
	assert_int_equal(t.subsystems, 0);      /* lspci -nn alone never shows them */
	assert_int_equal(t.devs[0].progif, -1); /* nor the programming interface */
	assert_int_equal(t.devs[0].vendor, 0x8086);
	assert_int_equal(t.devs[0].rev, 0x10);
	assert_null(t.devs[0].subsystem);
	lspci_text_free(&t);
	assert_int_equal(parse(n, &t, &e), 0);
	assert_int_equal(t.numeric, 1);
	assert_int_equal(t.devs[0].class_id, 0x0600);
	assert_null(t.devs[0].class_name);
	assert_int_equal(t.devs[0].subdevice, 0x1044);
	lspci_text_free(&t);
}

static void test_machine(void **state)
{
	static const char vmmnn[] =
	    "Slot:\t00:00.0\nClass:\tHost bridge [0600]\n"
	    "Vendor:\tIntel Corporation [8086]\n"
	    "Device:\tSky Lake-E DMI3 Registers [2020]\n"
	    "SVendor:\tLenovo [17aa]\nSDevice:\tDevice [1044]\nRev:\t04\n"
	    "ProgIf:\t00\nDriver:\tskx_uncore\nNUMANode:\t0\n\n"
	    "Slot:\t5e:00.0\nClass:\tNon-Volatile memory controller [0108]\n"
	    "Vendor:\tSamsung Electronics Co Ltd [144d]\nDevice:\tNVMe [a808]\n"
	    "ProgIf:\t02\n";
	/* older lspci: the slot under "Device:" */
	static const char old[] = "Device:\t00:00.0\nClass:\tPCI bridge [0604]\n"
	                          "Vendor:\tHuawei Technologies Co., Ltd. [19e5]\n"
	                          "Device:\tHiSilicon PCIe Root Port with Gen4 [a120]\nRev:\t21\n";
	static const char names[] = "Slot:\t00:02.0\nClass:\tVGA compatible controller\n"
	                            "Vendor:\tAdvanced Micro Devices, Inc. [AMD/ATI]\n"
	                            "Device:\tRenoir\nSVendor:\tLenovo\nSDevice:\tDevice 380d\n";
	struct lspci_text t;
	struct hw_err e;

	(void)state;
	assert_int_equal(parse(vmmnn, &t, &e), 0);
	assert_int_equal(t.layout, LSPCI_MACHINE);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.devs[0].vendor, 0x8086);
	assert_int_equal(t.devs[0].subdevice, 0x1044);
	assert_string_equal(t.devs[0].subdevice_name, "Device");
	assert_string_equal(t.devs[0].driver, "skx_uncore");
	assert_int_equal(t.devs[1].line, 12);
	assert_int_equal(t.devs[1].rev, 0);
	assert_int_equal(t.devs[1].progif, 2);
	assert_int_equal(t.devs[1].subvendor, -1);
	lspci_text_free(&t);
	assert_int_equal(parse(old, &t, &e), 0);
	assert_int_equal(t.devs[0].device, 0xa120);
	assert_int_equal(t.devs[0].progif, 0);
	lspci_text_free(&t);
	assert_int_equal(parse(names, &t, &e), 0);
	assert_int_equal(t.numeric, 0);
	assert_int_equal(t.devs[0].vendor, -1);
	/* a name in brackets is a name, never an id */
	assert_string_equal(t.devs[0].vendor_name, "Advanced Micro Devices, Inc. [AMD/ATI]");
	assert_string_equal(t.devs[0].subdevice_name, "Device 380d");
	lspci_text_free(&t);
}

static void test_names_only_and_noise(void **state)
{
	static const char text[] =
	    "$ sudo lspci -v\n\n"
	    "00:00.0 Host bridge: Intel Corporation Haswell-ULT DRAM Controller (rev 0b)\n"
	    "\tSubsystem: Lenovo Device 2214\n"
	    "\tFlags: bus master, fast devsel, latency 0\n"
	    "00: 86 80 04 0a 06 00 90 20 0b 00 00 06 00 00 00 00\n"
	    "10: 00 00 00 00 00 00 00 00 pcilib: sysfs_read_vpd: read failed\n"
	    "00 00 00 00\n"
	    "lspci: Unable to load libkmod resources: error -2\n";
	struct lspci_text t;
	struct hw_err e;

	(void)state;
	assert_int_equal(parse(text, &t, &e), 0);
	assert_int_equal(t.numeric, 0);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.devs[0].line, 3);
	assert_string_equal(t.devs[0].class_name, "Host bridge");
	assert_string_equal(t.devs[0].vendor_device,
	                    "Intel Corporation Haswell-ULT DRAM Controller");
	assert_string_equal(t.devs[0].subsystem, "Lenovo Device 2214");
	assert_int_equal(t.devs[0].rev, 0x0b);
	assert_int_equal(e.nwarnings, 1); /* lspci's own message */
	hw_err_clear(&e);
	lspci_text_free(&t);
}

static void test_cut_short(void **state)
{
	static const char text[] =
	    "00:00.0 Host bridge [0600]: Intel Corporation Xeon E7 v2 [8086:0e00] (rev 04)\n"
	    "1f:0f.2 System peripheral [0880]: Intel Corporation Xeon E7 v2/Xeon E5 v2/Core i7 "
	    "Integrated Memory Controller 0 Channel Target Address Decoder Registers [808... "
	    "(rev 04)\n";
	struct lspci_text t;
	struct hw_err e;

	(void)state;
	assert_int_equal(parse(text, &t, &e), 0);
	assert_int_equal(t.numeric, 1);
	assert_int_equal(t.cut, 1);
	assert_int_equal(t.devs[1].vendor, -1);
	assert_int_equal(t.devs[1].class_id, 0x0880);
	assert_int_equal(t.devs[1].rev, 4);
	assert_non_null(strstr(t.devs[1].vendor_device, "[808..."));
	assert_int_equal(e.nwarnings, 1);
	assert_non_null(strstr(e.warnings[0], "t.lspci:2: lspci cut this line short"));
	hw_err_clear(&e);
	lspci_text_free(&t);
}

static void test_quoted(void **state)
{
	static const char mmnn[] =
	    "0000:3b:00.0 \"Ethernet controller [0200]\" \"Intel Corporation [8086]\" "
	    "\"Ethernet Controller X710 for 10GbE SFP+ [1572]\" -r02 \"Huawei Technologies "
	    "Co., Ltd. [19e5]\" \"Ethernet 2-port X710 10Gb SFP+ Adapter SP330 [d11c]\"\n"
	    "0000:7c:00.0 \"PCI bridge [0604]\" \"Huawei Technologies Co., Ltd. [19e5]\" "
	    "\"HiSilicon PCI-PCI Bridge [a121]\" -r21 -p01 \"\" \"\"\n";
	static const char mm[] = "00:02.0 \"VGA compatible controller\" \"Intel Corporation\" "
	                         "\"HD Graphics \"Kaby\" Lake\" -r04 \"Lenovo\" \"Device 3804\"\n";
	struct lspci_text t;
	struct hw_err e;

	(void)state;
	assert_int_equal(parse(mmnn, &t, &e), 0);
	assert_int_equal(t.layout, LSPCI_QUOTED);
	assert_int_equal(t.numeric, 1);
	assert_int_equal(t.subsystems, 1);
	assert_int_equal(t.devs[0].vendor, 0x8086);
	assert_int_equal(t.devs[0].device, 0x1572);
	assert_int_equal(t.devs[0].subvendor, 0x19e5);
	assert_int_equal(t.devs[0].subdevice, 0xd11c);
	assert_int_equal(t.devs[0].rev, 2);
	assert_int_equal(t.devs[0].progif, 0); /* -p only when not 0 */
	assert_int_equal(t.devs[1].progif, 1);
	assert_int_equal(t.devs[1].subvendor, -1); /* "" "": no subsystem */
	assert_null(t.devs[1].subvendor_name);
	lspci_text_free(&t);
	/* names only; lspci escapes no quote inside a name */
	assert_int_equal(parse(mm, &t, &e), 0);
	assert_int_equal(t.numeric, 0);
	assert_string_equal(t.devs[0].device_name, "HD Graphics \"Kaby\" Lake");
	assert_string_equal(t.devs[0].subvendor_name, "Lenovo");
	assert_string_equal(t.devs[0].subdevice_name, "Device 3804");
	lspci_text_free(&t);
	assert_string_equal(fault("00:02.0 \"VGA\" \"Intel [8086]\" \"HD [5916]\" -x04\n"),
	                    "t.lspci:1: not -rRR or -pPP between the device and the subsystem of "
	                    "an lspci -m line");
	assert_string_equal(fault("00:02.0 \"VGA\" \"Intel [8086]\" \"HD [5916\n"),
	                    "t.lspci:1: a string without its closing quote (truncated?)");
	assert_string_equal(fault("00:02.0 \"VGA [0300]\" \"Intel [8086]\"\n"),
	                    "t.lspci:1: an lspci -m line has a class, a vendor and a device, then "
	                    "a subsystem vendor and device");
	assert_string_equal(
	    fault("00:02.0 \"VGA [0300]\" \"Intel [8086]\" \"HD [5916]\" "
	          "\"Lenovo\" \"Device [3804]\"\n"),
	    "t.lspci:1: a string without its numeric [id], though the file has them");
	assert_string_equal(fault("00:02.0 \"VGA [0300]\" \"Intel [8086]\" \"HD [5916]\"\n"
	                          "00:03.0 Audio device [0403]: Intel [8086:160c]\n"),
	                    "t.lspci:2: a line of lspci -m must follow the address with a quoted "
	                    "class");
}

/* lspci -tvnn of a desktop: bridges with buses behind them, siblings on
 * the lines below, a second root bus. */
static void test_tree(void **state)
{
	static const char text[] =
	    "-+-[0000:00]-+-00.0  Intel Corporation DRAM Controller [8086:0100]\n"
	    " |           +-1c.0-[01]--\n"
	    " |           +-1c.1-[02-03]--+-00.0  Qualcomm Atheros AR9285 [168c:002b]\n"
	    " |           |               \\-00.1-[03]----00.0  Realtek RTL8111 [10ec:8168]\n"
	    " |           \\-1f.0  Intel Corporation H61 LPC Controller [8086:1c5c]\n"
	    " \\-[0001:80]---00.0  Huawei Hi1822 [19e5:1822]\n";
	static const struct {
		unsigned domain, bus, dev, func;
		long vendor;
	} want[] = {
	    {0, 0, 0, 0, 0x8086},    {0, 0, 0x1c, 0, -1},     {0, 0, 0x1c, 1, -1},
	    {0, 2, 0, 0, 0x168c},    {0, 2, 0, 1, -1},        {0, 3, 0, 0, 0x10ec},
	    {0, 0, 0x1f, 0, 0x8086}, {1, 0x80, 0, 0, 0x19e5},
	};
	struct lspci_text t;
	struct hw_err e;

	(void)state;
	assert_int_equal(parse(text, &t, &e), 0);
	assert_int_equal(t.layout, LSPCI_TREE);
	assert_int_equal(t.numeric, 1);
	assert_int_equal(t.subsystems, 0);
	assert_int_equal(t.n, sizeof want / sizeof *want);
	for (size_t i = 0; i < t.n; i++) {
		assert_int_equal(t.devs[i].domain, want[i].domain);
		assert_int_equal(t.devs[i].bus, want[i].bus);
		assert_int_equal(t.devs[i].dev, want[i].dev);
		assert_int_equal(t.devs[i].func, want[i].func);
		assert_int_equal(t.devs[i].vendor, want[i].vendor);
		assert_int_equal(t.devs[i].class_id, -1);
		assert_int_equal(t.devs[i].rev, -1);
	}
	assert_string_equal(t.devs[5].vendor_device, "Realtek RTL8111");
	lspci_text_free(&t);
}

/* The first function cut short decides nothing: the next one says the
 * file has ids. */
static void test_cut_first(void **state)
{
	static const char text[] =
	    "00:00.0 Host bridge [0600]: Intel Corporation Xeon E7 v2 Integrated Memory "
	    "Controller [808...\n"
	    "00:01.0 PCI bridge [0604]: Intel Corporation Root Port [8086:0e02] (rev 04)\n";
	static const char names[] = "00:00.0 Host bridge: Intel Corporation Xeon...\n"
	                            "00:01.0 PCI bridge: Intel Corporation Root Port (rev 04)\n";
	struct lspci_text t;
	struct hw_err e;

	(void)state;
	assert_int_equal(parse(text, &t, &e), 0);
	assert_int_equal(t.numeric, 1);
	assert_int_equal(t.cut, 1);
	assert_int_equal(t.devs[0].vendor, -1);
	assert_int_equal(t.devs[0].class_id, 0x0600);
	assert_int_equal(t.devs[1].vendor, 0x8086);
	hw_err_clear(&e);
	lspci_text_free(&t);
	assert_int_equal(parse(names, &t, &e), 0);
	assert_int_equal(t.numeric, 0);
	assert_string_equal(t.devs[1].vendor_device, "Intel Corporation Root Port");
	hw_err_clear(&e);
	lspci_text_free(&t);
}

static void test_faults(void **state)
{
	char *big = malloc(LSPCI_LINE_MAX + 64);
	const char nul[] = "00:00.0 Host bridge [0600]: Intel\0 [8086:0e00]\n";
	struct lspci_text t;
	struct hw_err e = {0};

	(void)state;
	assert_string_equal(fault(""), "t.lspci: no PCI function in it: not lspci output");
	assert_string_equal(fault("\n\n"), "t.lspci: no PCI function in it: not lspci output");
	assert_string_equal(fault("hello\n"),
	                    "t.lspci:1: not lspci output: expected a function such as '00:1f.6 "
	                    "Ethernet controller [0200]: ...' or an lspci -vmm record "
	                    "('Slot:<TAB>00:1f.6')");
	assert_string_equal(fault("-[0000:00]-+-00.0  Intel [8086:0100]\n"
	                          "           \\-1c.0-[01]--*\n"),
	                    "t.lspci:2: not a line of an lspci -t tree");
	/* a branch that hangs from no bus */
	assert_string_equal(fault("-+-1c.0\n"), "t.lspci:1: not a line of an lspci -t tree");
	/* cut inside a line, and a header without its class separator */
	assert_string_equal(fault("00:00.0 Host bridge [0600]: Intel [8086:0e00]\n\tFlags: bus"),
	                    "t.lspci:2: the file ends inside this line: truncated");
	assert_string_equal(fault("00:00.0 Host bridge [06\n"),
	                    "t.lspci:1: no ': ' after the device class: not a line of lspci "
	                    "output (truncated?)");
	/* ids in one line, not the next: a damaged line */
	assert_string_equal(fault("00:00.0 Host bridge [0600]: Intel [8086:0e00]\n"
	                          "00:01.0 PCI bridge [0604]: Intel [8z86:0e02]\n"),
	                    "t.lspci:2: no numeric [vendor:device] ids here, though the functions "
	                    "before had them (a damaged line?)");
	assert_string_equal(fault("00:00.0 Host bridge [0600]: Intel [8086:0e00]\n"
	                          "\tSubsystem: Hewlett-Packard Company Device\n"),
	                    "t.lspci:2: no numeric [vendor:device] ids on the Subsystem: line, "
	                    "though the file has them");
	assert_string_equal(fault("00:00.0 Host bridge [0600]: Intel [8086:0e00]\n"
	                          "\tSubsystem: HP [103c:18a8]\n\tSubsystem: HP [103c:18a8]\n"),
	                    "t.lspci:3: a second Subsystem: line for the same function");
	assert_string_equal(fault("00:00.0 Host bridge [0600]: Intel [8086:0e00]\n"
	                          "0000:00:00.0 Host bridge [0600]: Intel [8086:0e00]\n"),
	                    "t.lspci:2: 0000:00:00.0 again (first at line 1)");
	assert_string_equal(fault("\tSubsystem: HP [103c:18a8]\n"),
	                    "t.lspci:1: not lspci output: expected a function such as '00:1f.6 "
	                    "Ethernet controller [0200]: ...' or an lspci -vmm record "
	                    "('Slot:<TAB>00:1f.6')");
	assert_string_equal(fault("00:00.0 Host bridge [0600]: Intel [8086:0e00]\nrubbish\n"),
	                    "t.lspci:2: not a line of lspci output");
	/* -vmm: records that lack what every function has */
	assert_string_equal(fault("Slot:\t00:00.0\nClass:\tHost bridge [0600]\n"
	                          "Vendor:\tIntel Corporation [8086]\n"),
	                    "t.lspci:1: the record of 0000:00:00.0 has no Device: (truncated?)");
	assert_string_equal(fault("Slot:\t00:00.0\nClass:\tHost bridge [0600]\n"
	                          "Vendor:\tIntel Corporation [8086]\nDevice:\tX [0e00]\n"
	                          "SVendor:\tHP [103c]\n"),
	                    "t.lspci:1: the record of 0000:00:00.0 has no SDevice: after its "
	                    "SVendor: (truncated?)");
	assert_string_equal(fault("Class:\tHost bridge [0600]\n"),
	                    "t.lspci:1: not lspci output: expected a function such as '00:1f.6 "
	                    "Ethernet controller [0200]: ...' or an lspci -vmm record "
	                    "('Slot:<TAB>00:1f.6')");
	/* a blank line ends a record: what follows is no part of it */
	assert_string_equal(fault("Slot:\t00:00.0\nClass:\tHost bridge [0600]\n\n"
	                          "Vendor:\tIntel Corporation [8086]\n"),
	                    "t.lspci:1: the record of 0000:00:00.0 has no Vendor: (truncated?)");
	assert_string_equal(fault("Slot:\t00:00.0\nClass:\tHost bridge [0600]\n"
	                          "Vendor:\tIntel Corporation [8086]\nDevice:\tX [0e00]\n\n"
	                          "Slot:\t00:01.0\nVendor:\tIntel Corporation [8086]\n"
	                          "Device:\tX [0e00]\n"),
	                    "t.lspci:6: the record of 0000:00:01.0 has no Class: with a numeric "
	                    "[class] id (truncated?)");
	assert_string_equal(fault("Slot:\t00:00.0\nRev:\tzz\n"), "t.lspci:2: not two hex digits");
	assert_string_equal(fault("Slot:\t00:00.0\nthis is no tag\n"),
	                    "t.lspci:2: not a 'Tag:<TAB>value' line of lspci -vmm");
	assert_string_equal(fault("Slot:\t00:00.0\nVendor:\tA [8086]\nVendor:\tB [8086]\n"),
	                    "t.lspci:3: a second field of this name in the same record");
	assert_string_equal(fault("Slot:\t00:20.0\nClass:\tX\n"),
	                    "t.lspci:1: a record of lspci -vmm must begin with Slot: and a PCI "
	                    "address");
	/* hostile bytes */
	memset(&t, 0, sizeof t);
	assert_int_equal(lspci_text_parse("t.lspci", nul, sizeof nul - 1, &t, &e), -1);
	assert_string_equal(e.msg, "t.lspci:1: a NUL byte: not lspci text");
	lspci_text_free(&t);
	hw_err_clear(&e);
	assert_non_null(big);
	memcpy(big, "00:00.0 Host bridge [0600]: ", 28);
	memset(big + 28, 'A', LSPCI_LINE_MAX);
	memcpy(big + 28 + LSPCI_LINE_MAX, " [8086:0e00]\n", 14);
	assert_string_equal(fault(big), "t.lspci:1: line longer than 4096 bytes: not lspci text");
	free(big);
}

/* Every valid fixture made by the real lspci parses, with the functions of
 * the dump it was made from. */
static void test_fixtures(void **state)
{
	static const struct {
		const char *file;
		size_t n;
		int numeric, layout;
	} f[] = {
	    {"huawei-taishan.nnvvv", 6, 1, LSPCI_HEADERS},
	    {"huawei-taishan.Dnnv", 6, 1, LSPCI_HEADERS},
	    {"huawei-taishan.vmm", 6, 0, LSPCI_MACHINE},
	    {"intel-on-lenovo.vmmnnk", 4, 1, LSPCI_MACHINE},
	    {"intel-on-lenovo.nnk", 4, 1, LSPCI_HEADERS},
	    {"clean-dell.nnvv", 3, 1, LSPCI_HEADERS},
	    {"crlf", 6, 1, LSPCI_HEADERS},
	    {"huawei-taishan.mmnn", 6, 1, LSPCI_QUOTED},
	    {"intel-on-lenovo.mm", 4, 0, LSPCI_QUOTED},
	    {"huawei-taishan.tvnn", 6, 1, LSPCI_TREE},
	    {"clean-dell.tv", 3, 0, LSPCI_TREE},
	};

	(void)state;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		char path[256];
		struct lspci_text t = {0};
		struct hw_err e = {0};

		snprintf(path, sizeof path, FIXTURES "/lspci/%s.lspci", f[i].file);
		assert_int_equal(lspci_text_load(path, &t, &e), 0);
		assert_int_equal(t.n, f[i].n);
		assert_int_equal(t.numeric, f[i].numeric);
		assert_int_equal((int)t.layout, f[i].layout);
		lspci_text_free(&t);
		hw_err_clear(&e);
	}
}

/* The vendor names that tell "VENDOR DEVICE" apart in names-only text:
 * every unindented vendor line of pci.ids, and nothing else. */
static void test_vendor_names(void **state)
{
	char **v;
	size_t n;
	struct hw_err e = {0};
	int huawei = 0;

	(void)state;
	assert_int_equal(pci_names_vendors(FIXTURES "/pci.ids", &v, &n, &e), 0);
	assert_int_equal(n, 8);
	for (size_t i = 0; i < n; i++) {
		huawei |= !strcmp(v[i], "Huawei Technologies Co., Ltd.");
		assert_null(strchr(v[i], '\t'));
		assert_int_not_equal(strncmp(v[i], "Network controller", 18), 0);
		free(v[i]);
	}
	free(v);
	assert_true(huawei);
	assert_int_equal(pci_names_vendors(FIXTURES "/no-such.ids", &v, &n, &e), -1);
	assert_null(v);
	hw_err_clear(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_headers_nnv),  cmocka_unit_test(test_headers_terse_and_numbers),
	    cmocka_unit_test(test_machine),      cmocka_unit_test(test_names_only_and_noise),
	    cmocka_unit_test(test_quoted),       cmocka_unit_test(test_tree),
	    cmocka_unit_test(test_cut_short),    cmocka_unit_test(test_cut_first),
	    cmocka_unit_test(test_faults),       cmocka_unit_test(test_fixtures),
	    cmocka_unit_test(test_vendor_names),
	};

	return cmocka_run_group_tests_name("lspci_text", tests, NULL, NULL);
}
