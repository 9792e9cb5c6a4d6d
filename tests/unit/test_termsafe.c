/* test_termsafe.c - what a terminal would obey is escaped. */
#include "testutil.h"

#include "../../output/termsafe.h"

static void check(const char *in, int keep_newlines, const char *want)
{
	char *got = hw_term_escape(in, keep_newlines);

	assert_string_equal(got, want);
	free(got);
}

static void test_plain_kept(void **state)
{
	(void)state;
	check("Intel Corporation", 0, "Intel Corporation");
	check("Caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80", 0, "Caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80");
	check("a\\b", 0, "a\\b");
	check("", 0, "");
}

static void test_controls(void **state)
{
	(void)state;
	check("\x1b[2Jx", 0, "\\x1B[2Jx");
	check("a\rb\tc\x7f", 0, "a\\x0Db\\x09c\\x7F");
	check("one\ntwo", 0, "one\\x0Atwo");
	check("one\ntwo", 1, "one\ntwo");
	check("x\xC2\x9B" "31m", 0, "x\\u009B31m"); /* C1 CSI */
}

static void test_bidi_and_separators(void **state)
{
	(void)state;
	check("txt\xE2\x80\xAE" "exe.", 0, "txt\\u202Eexe.");
	check("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", 0, "\\u202A\\u202B\\u202C\\u202D");
	check("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9", 0, "\\u2066\\u2067\\u2068\\u2069");
	check("\xD8\x9C\xE2\x80\x8E\xE2\x80\x8F", 0, "\\u061C\\u200E\\u200F");
	check("a\xE2\x80\xA8" "b\xE2\x80\xA9", 0, "a\\u2028b\\u2029");
	check("\xE2\x80\xA6", 0, "\xE2\x80\xA6"); /* U+2026, a neighbour: kept */
}

static void test_not_utf8(void **state)
{
	(void)state;
	check("\xbf\xbf", 0, "\\xBF\\xBF");
	check("\xC0\xAF", 0, "\\xC0\\xAF");
	check("\xED\xA0\x80", 0, "\\xED\\xA0\\x80");
	check("cut \xE2\x80", 0, "cut \\xE2\\x80");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_kept),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_bidi_and_separators),
		cmocka_unit_test(test_not_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
