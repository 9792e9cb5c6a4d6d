/* test_dmidecode_text.c - dmidecode's text back to SMBIOS structures, and
 * its names back to values, on text in memory. */
#include "testutil.h"

#include "../../probes/dmi/dmi_names.h"
#include "../../probes/dmi/dmidecode_text.h"

/* What the parser handed on: copies, since its strings live only during
 * the call. */
struct got {
	int n;
	unsigned type[16], handle[16];
	char str[16][DMI_NSTR][80];
	int has[16][DMI_NSTR];
	long long num[16][DMI_NNUM];
	char uuid[16][37], vendor[16][5], fw[16][32], oem[16][4][40];
	int noem[16];
};

static void on_rec(void *user, const struct dmi_rec *r)
{
	struct got *g = user;
	int i = g->n++;

	assert_true(i < 16);
	g->type[i] = r->type, g->handle[i] = r->handle;
	for (int k = 0; k < DMI_NSTR; k++)
		if ((g->has[i][k] = r->str[k] != NULL))
			snprintf(g->str[i][k], sizeof g->str[i][k], "%s", r->str[k]);
	memcpy(g->num[i], r->num, sizeof r->num);
	memcpy(g->uuid[i], r->uuid, sizeof r->uuid);
	memcpy(g->vendor[i], r->tpm_vendor, sizeof r->tpm_vendor);
	memcpy(g->fw[i], r->tpm_fw, sizeof r->tpm_fw);
	g->noem[i] = r->noem;
	for (int k = 0; k < r->noem && k < 4; k++)
		snprintf(g->oem[i][k], sizeof g->oem[i][k], "%s", r->oem[k]);
}

static int parse(const char *text, struct got *g, struct dmidecode_info *info, struct hw_err *e)
{
	memset(g, 0, sizeof *g);
	return dmidecode_parse("t.txt", text, strlen(text), on_rec, g, info, e);
}

static const char plain[] =
	"# dmidecode 3.5\n"
	"Getting SMBIOS data from sysfs.\n"
	"SMBIOS 3.2.0 present.\n"
	"Table at 0x7AE4F000.\n"
	"\n"
	"Handle 0x0001, DMI type 1, 27 bytes\n"
	"System Information\n"
	"\tManufacturer: HUAWEI\n"
	"\tProduct Name: MateBook: X Pro\n"
	"\tVersion: Not Specified\n"
	"\tSerial Number: <BAD INDEX>\n"
	"\tUUID: 4C444544-4200-1035-8052-B2C04F4B4E32\n"
	"\tWake-up Type: Power Switch\n"
	"\n"
	"Handle 0x0003, DMI type 3, 22 bytes\n"
	"Chassis Information\n"
	"\tManufacturer: HUAWEI\n"
	"\tType: Notebook\n"
	"\n"
	"Handle 0x0040, DMI type 4, 48 bytes\n"
	"Processor Information\n"
	"\tSocket Designation: U3E1\n"
	"\tType: Central Processor\n"
	"\tFamily: Core i7\n"
	"\tManufacturer: Intel(R) Corporation\n"
	"\tID: C1 06 08 00 FF FB EB BF\n"
	"\tFlags:\n"
	"\t\tFPU (Floating-point unit on-chip)\n"
	"\tStatus: Populated, Enabled\n"
	"\n"
	"Handle 0x0041, DMI type 4, 48 bytes\n"
	"Processor Information\n"
	"\tFamily: <OUT OF SPEC>\n"
	"\tStatus: Unpopulated\n"
	"\n"
	"Handle 0x000B, DMI type 11, 5 bytes\n"
	"OEM Strings\n"
	"\tString 1: Asset: 42\n"
	"\tString 2: <BAD INDEX>\n"
	"\n"
	"Handle 0x0011, DMI type 17, 84 bytes\n"
	"Memory Device\n"
	"\tSize: 16 GB\n"
	"\tLocator: DIMM_A1\n"
	"\tBank Locator: BANK 0\n"
	"\tType: DDR4\n"
	"\tType Detail: Synchronous\n"
	"\tManufacturer: Samsung\n"
	"\tPart Number: M378A1K43CB2-CTD    \n"
	"\tModule Manufacturer ID: Bank 11, Hex 0x91\n"
	"\n"
	"Handle 0x0012, DMI type 17, 84 bytes\n"
	"Memory Device\n"
	"\tSize: No Module Installed\n"
	"\n"
	"Handle 0x0013, DMI type 17, 40 bytes\n"
	"Memory Device\n"
	"\tSize: 512 kB\n"
	"\tType: Quantum\x1b[2J RAM\n"
	"\tModule Manufacturer ID: Unknown\n"
	"\n"
	"Handle 0x002B, DMI type 43, 31 bytes\n"
	"TPM Device\n"
	"\tVendor ID: IFX\n"
	"\tSpecification Version: 2.0\n"
	"\tFirmware Revision: 7.85\n"
	"\tDescription: TPM 2.0, ManufacturerID: IFX\n"
	"\n"
	"Handle 0x0020, DMI type 32, 20 bytes\n"
	"System Boot Information\n"
	"\tStatus: No errors detected\n"
	"\n"
	"Handle 0xFEFF, DMI type 127, 4 bytes\n"
	"End Of Table\n"
	"\n";

static void test_plain(void **state)
{
	struct got g;
	struct dmidecode_info info;
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(parse(plain, &g, &info, &e), 0);
	assert_int_equal(info.version, 0x0302);
	assert_string_equal(info.tool, "3.5");
	assert_int_equal(info.nstructs, 11);
	assert_true(info.seen[127] && info.seen[32] && !info.seen[0]);
	/* type 32 is not kept: 9 structures handed on */
	assert_int_equal(g.n, 9);
	/* 1: a value holding ": " is whole; Not Specified and <BAD INDEX> are
	 * no string; the UUID in lower case */
	assert_int_equal(g.type[0], 1);
	assert_int_equal(g.handle[0], 1);
	assert_string_equal(g.str[0][DMI_MANUFACTURER], "HUAWEI");
	assert_string_equal(g.str[0][DMI_PRODUCT], "MateBook: X Pro");
	assert_false(g.has[0][DMI_VERSION]);
	assert_false(g.has[0][DMI_SERIAL]);
	assert_string_equal(g.uuid[0], "4c444544-4200-1035-8052-b2c04f4b4e32");
	/* 3: chassis type by name, §7.4.1 */
	assert_int_equal(g.num[1][DMI_CHASSIS_TYPE], 0x0A);
	/* 4: family, signature (first dword of ID), status */
	assert_int_equal(g.num[2][DMI_CPU_FAMILY], 0xC6);
	assert_int_equal(g.num[2][DMI_CPU_SIGNATURE], 0x000806C1);
	assert_int_equal(g.num[2][DMI_POPULATED], 1);
	assert_int_equal(g.num[3][DMI_CPU_FAMILY], DMI_NONE);
	assert_int_equal(g.num[3][DMI_POPULATED], 0);
	/* 11: the strings there are */
	assert_int_equal(g.noem[4], 1);
	assert_string_equal(g.oem[4][0], "Asset: 42");
	/* 17: size in MB, the type by name, the JEDEC bank and code, the part
	 * number with its blanks (the builder trims) */
	assert_int_equal(g.num[5][DMI_SIZE_MB], 16384);
	assert_int_equal(g.num[5][DMI_MEM_TYPE], 0x1A);
	assert_int_equal(g.num[5][DMI_MODULE_ID], 0x910A);
	assert_string_equal(g.str[5][DMI_BANK], "BANK 0");
	assert_string_equal(g.str[5][DMI_PART], "M378A1K43CB2-CTD    ");
	assert_int_equal(g.num[6][DMI_SIZE_MB], DMI_NONE);
	assert_int_equal(g.num[7][DMI_SIZE_MB], 0); /* 512 kB: as the tables' KB bit */
	assert_int_equal(g.num[7][DMI_MEM_TYPE], DMI_NONE);
	assert_int_equal(g.num[7][DMI_MODULE_ID], 0);
	/* 43 */
	assert_string_equal(g.vendor[8], "IFX");
	assert_int_equal(g.num[8][DMI_TPM_SPEC], 2);
	assert_string_equal(g.fw[8], "7.85");
	assert_string_equal(g.str[8][DMI_DESCRIPTION], "TPM 2.0, ManufacturerID: IFX");
	/* warned: <BAD INDEX>, <OUT OF SPEC>, an unknown name, with the line */
	assert_int_equal(e.nwarnings, 3);
	assert_string_equal(e.warnings[0], "dmi: t.txt:11: structure type 1 (handle 0x0001): Serial "
					   "Number: <BAD INDEX>, a string index past the strings");
	assert_non_null(strstr(e.warnings[1], "t.txt:33: structure type 4 (handle 0x0041): Family: "
					      "<OUT OF SPEC>"));
	/* a control byte quoted from the file is not passed to a terminal */
	assert_non_null(strstr(e.warnings[2], "Type: unknown name \"Quantum\xef\xbf\xbd[2J RAM\""));
	hw_err_clear(&e);
}

/* dmidecode -u: the structure's own bytes, through the binary decoder */
static void test_dump(void **state)
{
	static const char text[] =
		"SMBIOS 3.7.0 present.\r\n"
		"Handle 0x0001, DMI type 1, 27 bytes\r\n"
		"\tHeader and Data:\r\n"
		"\t\t01 1B 01 00 01 02 00 04 44 45 44 4C 00 42 35 10\r\n"
		"\t\t80 52 B2 C0 4F 4B 4E 32 06 05 06\r\n"
		"\tStrings:\r\n"
		"\t\t48 75 61 77 65 69 00\r\n"
		"\t\tHuawei\r\n"
		"\t\t54 61 69 53 68 61 6E 20 32 30 30 20 28 4D 6F 64\r\n"
		"\t\t65 6C 20 32 32 38 30 29 00\r\n"
		"\t\tTaiShan 200 (Model 2280)\r\n"
		"\r\n";
	struct got g;
	struct dmidecode_info info;
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(parse(text, &g, &info, &e), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.str[0][DMI_MANUFACTURER], "Huawei");
	assert_string_equal(g.str[0][DMI_PRODUCT], "TaiShan 200 (Model 2280)");
	assert_false(g.has[0][DMI_VERSION]); /* string 0 */
	assert_string_equal(g.uuid[0], "4c444544-4200-1035-8052-b2c04f4b4e32");
	/* strings 4, 6 and 5 of 2: the binary decoder's warnings, at the
	 * Handle line */
	assert_int_equal(e.nwarnings, 3);
	assert_non_null(strstr(e.warnings[0], "t.txt:2: structure type 1 (handle 0x0001): string 4"));
	hw_err_clear(&e);
}

/* Not dmidecode's text, or broken: -1, file and line, nothing handed on. */
static void test_errors(void **state)
{
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{"", "t.txt:1: no SMBIOS structure"},
		{"# dmidecode 3.4\nSMBIOS 3.0 present.\n", "t.txt:1: no SMBIOS structure"},
		{"# No SMBIOS nor DMI entry point found, sorry.\nHandle 1\n",
		 "t.txt:2: malformed structure header"},
		{"00:00.0 Host bridge: Intel\n", "t.txt:1: not dmidecode output"},
		{"BIOS Information\n\tVendor: X\n", "t.txt:1: \"BIOS Information\" without a Handle line"},
		{"Handle 0x0001, DMI type 1, 27 bytes\nSystem Information\n\tManufacturer: A\n"
		 "Handle 0x2, DMI type 2, 8 bytes\n",
		 "t.txt:4: malformed structure header"},
		{"Handle 0x0002, DMI type 256, 8 bytes\n", "t.txt:1: malformed structure header: the type"},
		{"SMBIOS 3.0 present.\nHandle ", "t.txt:2: malformed structure header"}, /* fuzz */
		{"Handle 0x0002, DMI type 2, 3 bytes\n", "t.txt:1: malformed structure header: the length"},
		{"Handle 0x0001, DMI type 1, 4 bytes\nSystem\n\tVendor: A\0B\n", "t.txt:3: a NUL byte"},
		{"Handle 0x0001, DMI type 1, 6 bytes\n\tHeader and Data:\n\t\t01 06 01 00 01\n"
		 "\tStrings:\n\t\t41 00\n\t\tA\n",
		 "t.txt:1: the Header and Data bytes of handle 0x0001 do not match"},
		{"Handle 0x0001, DMI type 1, 5 bytes\n\tHeader and Data:\n\t\t01 05 01 00 01\n"
		 "\tStrings:\n\t\t41 42\n",
		 "t.txt:1: the strings of handle 0x0001 end inside a string"},
		{"Handle 0x0001, DMI type 1, 5 bytes\n\tHeader and Data:\n\t\t01 05 01 00 0X\n",
		 "t.txt:3: expected hex bytes"},
		{"Handle 0xFEFF, DMI type 127, 4 bytes\nEnd Of Table\n\nmore\n",
		 "t.txt:4: text after the End Of Table"},
	};
	struct got g;
	struct dmidecode_info info;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct hw_err e = {0};
		size_t len = strlen(cases[i].text);

		if (strstr(cases[i].text, "\tVendor: A"))
			len += 3; /* past the NUL */
		memset(&g, 0, sizeof g);
		assert_int_equal(dmidecode_parse("t.txt", cases[i].text, len, on_rec, &g, &info, &e),
				 -1);
		if (!strstr(e.msg, cases[i].msg))
			fail_msg("case %zu: \"%s\" does not hold \"%s\"", i, e.msg, cases[i].msg);
		assert_int_equal(g.n, 0); /* a structure before the fault is not handed on */
		hw_err_clear(&e);
	}
}

static void test_long_line(void **state)
{
	static const char head[] =
		"Handle 0x0001, DMI type 1, 27 bytes\nSystem Information\n\tManufacturer: ";
	size_t n = DMIDECODE_LINE_MAX + 100;
	char *text = malloc(sizeof head + n);
	struct got g;
	struct dmidecode_info info;
	struct hw_err e = {0};

	(void)state;
	assert_non_null(text);
	memcpy(text, head, sizeof head - 1);
	memset(text + sizeof head - 1, 'A', n);
	text[sizeof head - 1 + n] = '\0';
	assert_int_equal(parse(text, &g, &info, &e), -1);
	assert_string_equal(e.msg, "t.txt:3: line longer than 65536 bytes");
	hw_err_clear(&e);
	free(text);
}

/* Lines that are no "Key: value" (hw-probe hashes some) and a last line
 * without its end are warned about; the rest is read. */
static void test_lenient(void **state)
{
	static const char text[] = "Handle 0x0001, DMI type 1, 27 bytes\n"
				   "System Information\n"
				   "\t652333D94A2324E6AE9B6FDC969BC712\n"
				   "\tManufacturer: Acme";
	struct got g;
	struct dmidecode_info info;
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(parse(text, &g, &info, &e), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.str[0][DMI_MANUFACTURER], "Acme");
	assert_false(info.seen[127]);
	assert_int_equal(e.nwarnings, 2);
	assert_string_equal(e.warnings[0], "dmi: t.txt:3: structure type 1 (handle 0x0001): not "
					   "\"Key: value\"; skipped");
	assert_string_equal(e.warnings[1],
			    "dmi: t.txt:4: the last line has no end: the file may be cut short");
	hw_err_clear(&e);
}

/* dmidecode on a machine without SMBIOS: no structure, and no error */
static void test_no_smbios(void **state)
{
	struct got g;
	struct dmidecode_info info;
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(parse("# dmidecode 3.4\n# No SMBIOS nor DMI entry point found, sorry.\n",
			       &g, &info, &e),
			 0);
	assert_int_equal(info.no_smbios, 1);
	assert_int_equal(info.nstructs, 0);
	assert_int_equal(g.n, 0);
}

/* Names dmidecode prints for several values say nothing of one. */
static void test_names(void **state)
{
	(void)state;
	assert_int_equal(dmi_name_value(DMI_ENUM_FAMILY, "ARMv8"), 0x101);
	assert_int_equal(dmi_name_value(DMI_ENUM_FAMILY, "Core 2 or K7"), 0xBE);
	assert_int_equal(dmi_name_value(DMI_ENUM_FAMILY, "K7"), 0xBE);
	assert_int_equal(dmi_name_value(DMI_ENUM_FAMILY, "Loongson 3A"), 0x25D);
	assert_int_equal(dmi_name_value(DMI_ENUM_FAMILY, "68000"), 0x62); /* first in the table */
	assert_int_equal(dmi_name_value(DMI_ENUM_FAMILY, "z/Architecture"), 0xCC);
	assert_int_equal(dmi_name_value(DMI_ENUM_FAMILY, "ARM"), -1); /* 0x103 and 0x118 */
	assert_int_equal(dmi_name_value(DMI_ENUM_FAMILY, "<OUT OF SPEC>"), -1);
	assert_int_equal(dmi_name_value(DMI_ENUM_MEMTYPE, "DDR5"), 0x22);
	assert_int_equal(dmi_name_value(DMI_ENUM_MEMTYPE, "Unknown"), 0x02);
	assert_int_equal(dmi_name_value(DMI_ENUM_MEMTYPE, "Reserved"), -1); /* 0x15 to 0x17 */
	assert_int_equal(dmi_name_value(DMI_ENUM_CHASSIS, "Rack Mount Chassis"), 0x17);
	assert_int_equal(dmi_name_value(DMI_ENUM_CHASSIS, "rack mount chassis"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_lenient),
		cmocka_unit_test(test_no_smbios),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests_name("dmidecode_text", tests, NULL, NULL);
}
