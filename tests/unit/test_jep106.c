/* test_jep106.c - every form of JEP106 id real BIOSes write into the
 * Manufacturer string of SMBIOS type 17 (probes/memory/jep106.h). Each
 * string below was seen in real machines' dmidecode output. */
#include "testutil.h"

#include "../../probes/memory/jep106.h"

static void is(const char *s, int want, unsigned mb, unsigned mc, unsigned db, unsigned dc)
{
	struct jep106 mod, dram;
	int got = jep106_parse(s, &mod, &dram);

	if (got != want)
		fail_msg("\"%s\": flags %d, expected %d", s, got, want);
	if (mod.bank != mb || mod.code != mc)
		fail_msg("\"%s\": module %u:%02x, expected %u:%02x", s, mod.bank, mod.code, mb, mc);
	if (dram.bank != db || dram.code != dc)
		fail_msg("\"%s\": dram %u:%02x, expected %u:%02x", s, dram.bank, dram.code, db, dc);
}

#define F JEP106_FORM
#define M JEP106_MODULE
#define D JEP106_DRAM

static void test_dmidecode_form(void **state)
{
	(void)state;
	is("Bank 1, Hex 0xCE", F | M, 1, 0xce, 0, 0);
	is("Bank 11, Hex 0x91", F | M, 11, 0x91, 0, 0);
	is("Bank 6, Hex 0x9B", F | M, 6, 0x9b, 0, 0);
	/* seen: a bank past JEP106's, and an even-parity code */
	is("Bank 128, Hex 0xFF", F, 0, 0, 0, 0);
	is("Bank 1, Hex 0x00", F, 0, 0, 0, 0);
	is("Bank 1, Hex 0xCE and more", 0, 0, 0, 0, 0);
}

static void test_four_digits(void **state)
{
	(void)state;
	is("80CE", F | M, 1, 0xce, 0, 0);       /* Samsung, parity bit in the count */
	is("0x802C", F | M, 1, 0x2c, 0, 0);     /* Apple's: Micron */
	is("0443", F | M, 5, 0x43, 0, 0);       /* bare: bank 5 0x43 (Ramaxel) */
	is("859B", F | M, 6, 0x9b, 0, 0);       /* Crucial */
	is("029E", F | M, 3, 0x9e, 0, 0);       /* Corsair */
	is("8A91", F | M, 11, 0x91, 0, 0);      /* CXMT */
	is("0x80AD  ", F | M, 1, 0xad, 0, 0);   /* padded with blanks */
	is("0000", F, 0, 0, 0, 0);              /* nobody */
	is("0080", F, 0, 0, 0, 0);              /* 0x80 is no code */
	is("ABCD", F, 0, 0, 0, 0);              /* a bank of 44: no */
	is("00CD", F | M, 1, 0xcd, 0, 0);       /* count without its parity bit */
	is("80CC", F, 0, 0, 0, 0);              /* 0xCC has even parity */
	is("80CG", 0, 0, 0, 0, 0);
}

static void test_twelve_digits(void **state)
{
	(void)state;
	/* Dell: module maker, 0000, DRAM maker */
	is("86D300008A91", F | M | D, 7, 0xd3, 11, 0x91);
	is("80AD000080AD", F | M | D, 1, 0xad, 1, 0xad);
	is("859B0000802C", F | M | D, 6, 0x9b, 1, 0x2c);  /* Crucial module, Micron dies */
	is("04CB000080AD", F | M | D, 5, 0xcb, 1, 0xad);  /* ADATA module, Hynix dies */
	/* an all-zero module half: the dies' maker alone */
	is("000000008A91", F | D, 0, 0, 11, 0x91);
	/* no die maker */
	is("80AD00000000", F | M, 1, 0xad, 0, 0);
	is("000000000000", F, 0, 0, 0, 0);
	/* a middle pair that is not zero is not read */
	is("00AD009780AD", F | M | D, 1, 0xad, 1, 0xad);
	is("0x80CE000080CE", F | M | D, 1, 0xce, 1, 0xce);
}

static void test_continuation_form(void **state)
{
	(void)state;
	is("AD00000000000000", F | M, 1, 0xad, 0, 0);
	is("7F7F9E0000000000", F | M, 3, 0x9e, 0, 0);
	is("7F98000000000000", F | M, 2, 0x98, 0, 0);
	is("0xCE00000000000000", F | M, 1, 0xce, 0, 0);
	is("0000000000000000", F, 0, 0, 0, 0);
	is("7F7F7F7F7F7F7F7F", F, 0, 0, 0, 0);
	is("CE000000000000AB", 0, 0, 0, 0, 0); /* not zero-padded: some number */
}

static void test_not_a_form(void **state)
{
	(void)state;
	is("Samsung", 0, 0, 0, 0, 0);
	is("Hynix/Hyundai", 0, 0, 0, 0, 0);
	is("", 0, 0, 0, 0, 0);
	is("0x", 0, 0, 0, 0, 0);
	is("80C", 0, 0, 0, 0, 0);
	is("80CE00", 0, 0, 0, 0, 0);  /* 6 digits: no known form */
	is("009C360B0000", F, 0, 0, 0, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dmidecode_form),  cmocka_unit_test(test_four_digits),
		cmocka_unit_test(test_twelve_digits),   cmocka_unit_test(test_continuation_form),
		cmocka_unit_test(test_not_a_form),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
