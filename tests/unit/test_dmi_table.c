/* test_dmi_table.c - binary SMBIOS structures to struct dmi_rec, and the
 * components dmi_build() makes of them. */
#include "testutil.h"

#include "../../probes/dmi/dmi_build.h"
#include "../../probes/dmi/dmi_table.h"

static int warnings;

static void on_warn(void *user, const char *fmt, ...)
{
	(void)user, (void)fmt;
	warnings++;
}

/* A structure of len bytes at data, with nstrings strings. */
static struct smbios_struct mk(const uint8_t *data, uint8_t len, const char *const *strings,
			       int nstrings)
{
	struct smbios_struct s = {.type = data[0], .len = len, .data = data};

	s.handle = (uint16_t)(data[2] | data[3] << 8);
	for (int i = 0; i < nstrings; i++)
		s.strings[s.nstrings++] = strings[i];
	return s;
}

/* §7.2.1: the first three fields little-endian from SMBIOS 2.6 on only;
 * all 00 or all FF is no UUID */
static void test_uuid(void **state)
{
	uint8_t t[0x1B] = {1, 0x1B, 1, 0, 1, 0, 0, 0,
			   0x44, 0x45, 0x44, 0x4C, 0x00, 0x42, 0x35, 0x10,
			   0x80, 0x52, 0xB2, 0xC0, 0x4F, 0x4B, 0x4E, 0x32};
	static const char *const str[] = {"Acme"};
	struct smbios_struct s = mk(t, sizeof t, str, 1);
	struct dmi_rec r;

	(void)state;
	dmi_table_rec(&r, &s, 0x0206, on_warn, NULL);
	assert_string_equal(r.uuid, "4c444544-4200-1035-8052-b2c04f4b4e32");
	assert_string_equal(r.str[DMI_MANUFACTURER], "Acme");
	dmi_table_rec(&r, &s, 0x0205, on_warn, NULL);
	assert_string_equal(r.uuid, "4445444c-0042-3510-8052-b2c04f4b4e32");
	memset(t + 8, 0xff, 16);
	dmi_table_rec(&r, &s, 0x0300, on_warn, NULL);
	assert_string_equal(r.uuid, "");
	s.len = 0x18; /* too short for the UUID */
	memset(t + 8, 0x11, 16);
	dmi_table_rec(&r, &s, 0x0300, on_warn, NULL);
	assert_string_equal(r.uuid, "");
}

/* §7.44: a TPM 2.0's firmware is the two halves of its first dword; a TPM
 * 1.2's the revMajor.revMinor of its TPM_VERSION, as dmidecode prints it */
static void test_tpm(void **state)
{
	uint8_t t[0x1F] = {43, 0x1F, 0x2B, 0, 'I', 'F', 'X', 0, 2, 0, 0x55, 0, 0x07, 0};
	static const char *const str[] = {"TPM"};
	struct smbios_struct s = mk(t, sizeof t, str, 1);
	struct dmi_rec r;

	(void)state;
	t[0x12] = 1;
	dmi_table_rec(&r, &s, 0x0300, on_warn, NULL);
	assert_string_equal(r.tpm_vendor, "IFX");
	assert_string_equal(r.tpm_fw, "7.85");
	assert_int_equal(r.num[DMI_TPM_SPEC], 2);
	assert_string_equal(r.str[DMI_DESCRIPTION], "TPM");
	t[8] = 1, t[0x0A] = 1, t[0x0B] = 2, t[0x0C] = 3, t[0x0D] = 19;
	dmi_table_rec(&r, &s, 0x0300, on_warn, NULL);
	assert_string_equal(r.tpm_fw, "3.19");
	s.len = 0x1A; /* too short: nothing */
	dmi_table_rec(&r, &s, 0x0300, on_warn, NULL);
	assert_int_equal(r.type, DMI_TYPE_NONE);
}

/* §7.18.5: sizes in MB, KB, extended; 0 is an empty slot; and the
 * builder's component */
static void test_memory(void **state)
{
	uint8_t t[0x30] = {17, 0x30, 0x11, 0};
	static const char *const str[] = {"DIMM_A1", "BANK 0", "Samsung", "S1", "P1  "};
	struct smbios_struct s = mk(t, sizeof t, str, 5);
	struct dmi_rec r;
	struct bom *bom = bom_new();
	struct dmi_builder b = {.bom = bom};

	(void)state;
	t[0x10] = 1, t[0x11] = 2, t[0x17] = 3, t[0x18] = 4, t[0x1A] = 5, t[0x12] = 0x1A;
	t[0x0C] = 0x00, t[0x0D] = 0x20; /* 8192 MB */
	t[0x2C] = 0x80, t[0x2D] = 0xCE; /* JEDEC bank 1 (parity bit set), 0xCE */
	dmi_table_rec(&r, &s, 0x0302, on_warn, NULL);
	assert_int_equal(r.num[DMI_SIZE_MB], 8192);
	assert_int_equal(r.num[DMI_MEM_TYPE], 0x1A);
	dmi_build(&b, &r);
	assert_int_equal(bom->ncomponents, 1);
	assert_string_equal(bom->components[0]->location, "DIMM_A1");
	assert_string_equal(bom_get_id(bom->components[0], "jedec")->value, "1:ce");
	assert_string_equal(bom_get_id(bom->components[0], "smbios.part-number")->value, "P1");
	assert_string_equal(bom_get_id(bom->components[0], "smbios.bank")->value, "BANK 0");
	t[0x0C] = 0x00, t[0x0D] = 0x82; /* bit 15: 512 KB */
	dmi_table_rec(&r, &s, 0x0302, on_warn, NULL);
	assert_int_equal(r.num[DMI_SIZE_MB], 0);
	t[0x0C] = 0xFF, t[0x0D] = 0x7F, t[0x1C] = 0x00, t[0x1D] = 0x80; /* extended: 32768 */
	dmi_table_rec(&r, &s, 0x0302, on_warn, NULL);
	assert_int_equal(r.num[DMI_SIZE_MB], 32768);
	t[0x0C] = 0xFF, t[0x0D] = 0xFF;
	dmi_table_rec(&r, &s, 0x0302, on_warn, NULL);
	assert_int_equal(r.num[DMI_SIZE_MB], DMI_SIZE_UNKNOWN);
	t[0x0C] = 0, t[0x0D] = 0;
	dmi_table_rec(&r, &s, 0x0302, on_warn, NULL);
	assert_int_equal(r.num[DMI_SIZE_MB], DMI_NONE);
	dmi_build(&b, &r); /* an empty slot is no component */
	assert_int_equal(bom->ncomponents, 1);
	bom_free(bom);
}

/* §7.5: Processor Family 2 when the family is 0xFE; an unpopulated socket
 * is no component; a string index past the strings is warned about */
static void test_processor(void **state)
{
	uint8_t t[0x2A] = {4, 0x2A, 0x40, 0, 1, 0, 0xFE, 2, 0x01, 0x0F, 0x90, 0x00};
	static const char *const str[] = {"CPU0", "HiSilicon"};
	struct smbios_struct s = mk(t, sizeof t, str, 2);
	struct dmi_rec r;
	struct bom *bom = bom_new();
	struct dmi_builder b = {.bom = bom};

	(void)state;
	t[0x10] = 3; /* version: string 3 of 2 */
	t[0x18] = 0x41;
	t[0x28] = 0x01, t[0x29] = 0x01;
	warnings = 0;
	dmi_table_rec(&r, &s, 0x0302, on_warn, NULL);
	assert_int_equal(warnings, 1);
	assert_null(r.str[DMI_VERSION]);
	assert_int_equal(r.num[DMI_CPU_FAMILY], 0x101);
	assert_int_equal(r.num[DMI_CPU_SIGNATURE], 0x00900F01);
	dmi_build(&b, &r);
	assert_int_equal(bom->ncomponents, 1);
	assert_string_equal(bom->components[0]->location, "CPU0");
	assert_string_equal(bom_get_id(bom->components[0], "cpu.family")->value, "0101");
	t[0x18] = 0x00;
	dmi_table_rec(&r, &s, 0x0302, on_warn, NULL);
	assert_int_equal(r.num[DMI_POPULATED], 0);
	dmi_build(&b, &r);
	assert_int_equal(bom->ncomponents, 1);
	bom_free(bom);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uuid),
		cmocka_unit_test(test_tpm),
		cmocka_unit_test(test_memory),
		cmocka_unit_test(test_processor),
	};

	return cmocka_run_group_tests_name("dmi_table", tests, NULL, NULL);
}
