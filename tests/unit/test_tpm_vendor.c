/* test_tpm_vendor.c - TPM manufacturer ids from sysfs caps and from a
 * TPM2_GetCapability exchange, on recorded bytes. */
#include "testutil.h"

#include "../../probes/tpm/tpm_vendor.h"

/* A TPM 2.0 (Infineon) answering GetCapability(TPM_PT_MANUFACTURER). */
static const unsigned char ifx[27] = {
	0x80, 0x01, 0x00, 0x00, 0x00, 0x1b, 0x00, 0x00, 0x00, 0x00, /* header, success */
	0x00,                                                       /* moreData */
	0x00, 0x00, 0x00, 0x06,                                     /* TPM_CAP_TPM_PROPERTIES */
	0x00, 0x00, 0x00, 0x01,                                     /* count */
	0x00, 0x00, 0x01, 0x05,                                     /* TPM_PT_MANUFACTURER */
	0x49, 0x46, 0x58, 0x00,                                     /* "IFX" */
};

static void test_command(void **state)
{
	static const unsigned char want[22] = {0x80, 0x01, 0, 0, 0, 22, 0, 0, 0x01, 0x7a, 0,
					       0,    0,    6, 0, 0, 1, 5, 0, 0, 0,    1};
	unsigned char cmd[22];

	(void)state;
	tpm2_getcap_manufacturer(cmd);
	assert_memory_equal(cmd, want, sizeof want);
}

static void test_response(void **state)
{
	unsigned char r[27];
	char v[5];

	(void)state;
	assert_int_equal(tpm2_parse_manufacturer(ifx, sizeof ifx, v), 0);
	assert_string_equal(v, "IFX");
	assert_int_equal(tpm2_parse_manufacturer(ifx, 20, v), -1); /* short */
	memcpy(r, ifx, sizeof r);
	r[9] = 0x01; /* an error code */
	assert_int_equal(tpm2_parse_manufacturer(r, sizeof r, v), -1);
	memcpy(r, ifx, sizeof r);
	r[22] = 0x06; /* another property */
	assert_int_equal(tpm2_parse_manufacturer(r, sizeof r, v), -1);
	memcpy(r, ifx, sizeof r);
	r[5] = 0xff; /* a size past the bytes */
	assert_int_equal(tpm2_parse_manufacturer(r, sizeof r, v), -1);
	memcpy(r, ifx, sizeof r);
	r[23] = 0x07; /* a control byte in the id */
	assert_int_equal(tpm2_parse_manufacturer(r, sizeof r, v), -1);
}

static void test_caps(void **state)
{
	static const char caps[] = "Manufacturer: 0x4E545A00\nTCG version: 1.2\n";
	static const char none[] = "TCG version: 1.2\n";
	char v[5];

	(void)state;
	assert_int_equal(tpm12_parse_caps(caps, sizeof caps - 1, v), 0);
	assert_string_equal(v, "NTZ");
	assert_int_equal(tpm12_parse_caps(none, sizeof none - 1, v), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_command),
		cmocka_unit_test(test_response),
		cmocka_unit_test(test_caps),
	};

	return cmocka_run_group_tests_name("tpm_vendor", tests, NULL, NULL);
}
