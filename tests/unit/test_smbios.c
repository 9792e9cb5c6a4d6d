/* test_smbios.c - SMBIOS entry points and the structure walk, on bytes. */
#include "testutil.h"

#include "../../probes/dmi/smbios.h"

struct seen {
	int types[16], n, warnings;
	char first_string[64], warning[256];
};

static void on_struct(void *user, const struct smbios_struct *s)
{
	struct seen *x = user;

	if (x->n < 16)
		x->types[x->n] = s->type;
	if (!x->n && smbios_string(s, 1))
		snprintf(x->first_string, sizeof x->first_string, "%s", smbios_string(s, 1));
	x->n++;
}

static void on_warn(void *user, const char *fmt, ...)
{
	struct seen *x = user;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(x->warning, sizeof x->warning, fmt, ap);
	va_end(ap);
	x->warnings++;
}

static void test_entry_points(void **state)
{
	uint8_t ep3[24] = "_SM3_", ep2[31] = "_SM_";
	struct smbios_ep ep;
	const char *why = NULL;
	uint8_t sum = 0;

	(void)state;
	ep3[6] = 24, ep3[7] = 3, ep3[8] = 7;
	ep3[0x0C] = 0x10, ep3[0x10] = 0x20;
	for (int i = 0; i < 24; i++)
		sum = (uint8_t)(sum + ep3[i]);
	ep3[5] = (uint8_t)-sum;
	assert_int_equal(smbios_entry_point(ep3, sizeof ep3, &ep, &why), 0);
	assert_int_equal(ep.major, 3);
	assert_int_equal(ep.minor, 7);
	assert_int_equal(ep.table_len, 16);
	assert_int_equal(ep.table_addr, 0x20);
	ep3[9] ^= 1; /* any byte changed: the checksum fails */
	assert_int_equal(smbios_entry_point(ep3, sizeof ep3, &ep, &why), -1);
	assert_string_equal(why, "SMBIOS 3 entry point checksum is wrong");
	assert_int_equal(smbios_entry_point(ep3, 10, &ep, &why), -1);
	assert_string_equal(why, "no SMBIOS entry point (_SM_ or _SM3_)");
	/* 2.1: both checksums */
	ep2[5] = 31;
	memcpy(ep2 + 0x10, "_DMI_", 5);
	assert_int_equal(smbios_entry_point(ep2, sizeof ep2, &ep, &why), -1);
}

static void test_walk(void **state)
{
	/* type 0 with two strings, type 1 with none, type 127 */
	static const uint8_t t[] = {0, 5, 0, 0, 1, 'A', 'c', 'm', 'e', 0, '1', 0, 0,
				    1, 4, 1, 0, 0, 0,
				    127, 4, 0xff, 0xfe, 0, 0,
				    2, 4, 2, 0, 0, 0}; /* after the end: not read */
	struct seen x = {0};

	(void)state;
	assert_int_equal(smbios_walk(t, sizeof t, on_struct, on_warn, &x), 2);
	assert_int_equal(x.types[0], 0);
	assert_int_equal(x.types[1], 1);
	assert_string_equal(x.first_string, "Acme");
	assert_int_equal(x.warnings, 0);
}

static void test_hostile(void **state)
{
	static const uint8_t short_len[] = {0, 2, 0, 0, 0, 0};
	static const uint8_t past_end[] = {1, 255, 1, 0, 0, 0, 0, 0};
	static const uint8_t unterminated[] = {2, 4, 2, 0, 'A', 'c', 'm', 'e'};
	struct seen x = {0};

	(void)state;
	assert_int_equal(smbios_walk(short_len, sizeof short_len, on_struct, on_warn, &x), 0);
	assert_string_equal(x.warning, "structure of type 0 at offset 0 has length 2; table ends here");
	memset(&x, 0, sizeof x);
	assert_int_equal(smbios_walk(past_end, sizeof past_end, on_struct, on_warn, &x), 0);
	assert_string_equal(x.warning,
			    "structure of type 1 (handle 0x0001) runs past the end of the table");
	memset(&x, 0, sizeof x);
	assert_int_equal(smbios_walk(unterminated, sizeof unterminated, on_struct, on_warn, &x), 0);
	assert_int_equal(x.warnings, 1);
	memset(&x, 0, sizeof x);
	assert_int_equal(smbios_walk(short_len, 3, on_struct, on_warn, &x), 0); /* < 4 bytes */
	assert_int_equal(x.warnings, 0);
}

static void test_fields(void **state)
{
	static const uint8_t t[] = {1, 6, 1, 0, 2, 0x34, 'X', 0, 'Y', 0, 0};
	struct smbios_struct s = {0};

	(void)state;
	s.type = 1, s.len = 6, s.data = t;
	s.strings[0] = "X", s.strings[1] = "Y", s.nstrings = 2;
	assert_string_equal(smbios_str_at(&s, 4), "Y");
	assert_int_equal(smbios_byte(&s, 5), 0x34);
	assert_int_equal(smbios_byte(&s, 6), -1); /* past the formatted area */
	assert_int_equal(smbios_word(&s, 5), -1);
	assert_null(smbios_string(&s, 0));
	assert_null(smbios_string(&s, 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entry_points),
		cmocka_unit_test(test_walk),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_fields),
	};

	return cmocka_run_group_tests_name("smbios", tests, NULL, NULL);
}
