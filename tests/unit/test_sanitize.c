/* test_sanitize.c - the one sanitiser for hostile strings. */
#include "testutil.h"

#include <libxml/chvalid.h>
#include <libxml/xmlstring.h>

#include "../../output/sanitize.h"

#define FFFD "\xEF\xBF\xBD"

static void check(const char *in, size_t len, const char *want)
{
	char *got = hw_sanitize_n(in, len);

	assert_string_equal(got, want);
	free(got);
}

static void test_plain_text_unchanged(void **state)
{
	(void)state;
	check("Intel Corporation", 17, "Intel Corporation");
	check("", 0, "");
	assert_null(hw_sanitize(NULL));
}

static void test_valid_multibyte_kept(void **state)
{
	(void)state;
	check("Caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80", 14, "Caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80");
}

static void test_control_bytes_replaced(void **state)
{
	(void)state;
	check("AB\x01" "CD", 5, "AB" FFFD "CD");
	check("a\tb\nc\rd", 7, "a" FFFD "b" FFFD "c" FFFD "d");
	check("\x1b[31mred", 8, FFFD "[31mred"); /* a terminal escape cannot pass */
	check("x\x7fy", 3, "x" FFFD "y");
	check("x\xC2\x85y", 4, "x" FFFD "y"); /* C1 NEL */
}

static void test_nul_inside_buffer(void **state)
{
	(void)state;
	check("AB\0CD", 5, "AB" FFFD "CD");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	check("AB\xff\xfe" "CD", 6, "AB" FFFD FFFD "CD");
	check("\xdf", 1, FFFD);              /* Latin-1 sharp s: truncated sequence */
	check("\x80x", 2, FFFD "x");         /* lone continuation byte */
	check("\xE4\xB8", 2, FFFD FFFD);     /* sequence cut at the end */
	check("\xC0\x80", 2, FFFD FFFD);     /* overlong NUL: never a raw NUL */
	check("a\xC0\xAF" "b", 4, "a" FFFD FFFD "b");      /* overlong '/' */
	check("\xE0\x80\xAF", 3, FFFD FFFD FFFD);          /* 3-byte overlong '/' */
	check("\xF0\x80\x80\xAF", 4, FFFD FFFD FFFD FFFD); /* 4-byte overlong '/' */
	check("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD); /* U+110000, above U+10FFFF */
	check("\xF7\xBF\xBF\xBF", 4, FFFD FFFD FFFD FFFD); /* U+1FFFFF */
	check("\xF4\x8F\xBF\xBD", 4, "\xF4\x8F\xBF\xBD");  /* U+10FFFD, the last Char */
}

/* Continuation bytes that libxml2's decoder takes for a 2-byte character
 * (BF BF is read as U+07FF): every one of them must be replaced. */
static void test_stray_continuation_bytes(void **state)
{
	(void)state;
	check("\xbf\xbf", 2, FFFD FFFD);
	check("a\xbf\xbf" "b", 4, "a" FFFD FFFD "b");
	check("\x80\x80\x80", 3, FFFD FFFD FFFD);
	check("\xA9\xC3", 2, FFFD FFFD);          /* a character's halves swapped */
	check("\xC3\xC3\xA9", 3, FFFD "\xC3\xA9"); /* a lead without its tail */
	check("\xE4\x41\xAD", 3, FFFD "A" FFFD);  /* a tail byte missing mid-sequence */
	check("\xF0\x9F\x41\x80", 4, FFFD FFFD "A" FFFD);
	check("\xE4\xB8\xC0", 3, FFFD FFFD FFFD);
}

static void test_overlongs_every_length(void **state)
{
	(void)state;
	check("\xC1\xBF", 2, FFFD FFFD);         /* U+007F in two bytes */
	check("\xE0\x9F\xBF", 3, FFFD FFFD FFFD); /* U+07FF in three */
	check("\xF0\x8F\xBF\xBF", 4, FFFD FFFD FFFD FFFD); /* U+FFFF in four */
	check("\xE0\xA0\x80", 3, "\xE0\xA0\x80"); /* U+0800, the shortest form */
	check("\xF0\x90\x80\x80", 4, "\xF0\x90\x80\x80"); /* U+10000 */
}

static void test_c0_c1_controls_every_one(void **state)
{
	char in[3], want[8];

	(void)state;
	for (int c = 0; c < 0x20; c++) {
		in[0] = (char)c;
		check(in, 1, FFFD);
	}
	for (int c = 0x80; c <= 0x9F; c++) {
		in[0] = '\xC2', in[1] = (char)c;
		check(in, 2, FFFD);
	}
	in[0] = '\xC2', in[1] = '\xA0'; /* U+00A0 follows C1: kept */
	snprintf(want, sizeof want, "\xC2\xA0");
	check(in, 2, want);
}

static void test_surrogates_and_nonchars(void **state)
{
	(void)state;
	check("\xED\xA0\x80", 3, FFFD FFFD FFFD); /* U+D800, CESU-style */
	check("\xED\xBF\xBF", 3, FFFD FFFD FFFD); /* U+DFFF */
	check("\xED\xA0\xBD\xED\xB8\x80", 6, FFFD FFFD FFFD FFFD FFFD FFFD); /* a pair */
	check("\xED\x9F\xBF", 3, "\xED\x9F\xBF");  /* U+D7FF, just below: kept */
	check("a\xEF\xBF\xBF", 4, "a" FFFD); /* U+FFFF */
	check("a\xEF\xBF\xBE", 4, "a" FFFD); /* U+FFFE is not an XML Char */
}

static void test_long_string_cut_on_boundary(void **state)
{
	char in[4096 + 1];
	char *got;
	size_t n;
	int len;

	(void)state;
	/* 2-byte characters so that the cut could land inside one */
	for (size_t i = 0; i < 4096; i += 2)
		in[i] = '\xC3', in[i + 1] = '\xA9';
	in[4096] = '\0';
	got = hw_sanitize(in);
	n = strlen(got);
	assert_true(n <= HW_STR_MAX + 3);
	assert_true(n > HW_STR_MAX - 4);
	assert_memory_equal(got + n - 3, "\xE2\x80\xA6", 3);
	assert_int_not_equal(xmlCheckUTF8((const unsigned char *)got), 0);
	len = (int)n;
	for (int i = 0; i < len;) {
		int l = len - i;
		int c = xmlGetUTF8Char((const unsigned char *)got + i, &l);

		assert_true(c > 0 && xmlIsCharQ(c));
		i += l;
	}
	free(got);
}

static void test_exactly_max_not_cut(void **state)
{
	char in[HW_STR_MAX + 1];
	char *got;

	(void)state;
	memset(in, 'a', HW_STR_MAX);
	in[HW_STR_MAX] = '\0';
	got = hw_sanitize(in);
	assert_int_equal(strlen(got), HW_STR_MAX);
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_unchanged),
		cmocka_unit_test(test_valid_multibyte_kept),
		cmocka_unit_test(test_control_bytes_replaced),
		cmocka_unit_test(test_nul_inside_buffer),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_surrogates_and_nonchars),
		cmocka_unit_test(test_stray_continuation_bytes),
		cmocka_unit_test(test_overlongs_every_length),
		cmocka_unit_test(test_c0_c1_controls_every_one),
		cmocka_unit_test(test_long_string_cut_on_boundary),
		cmocka_unit_test(test_exactly_max_not_cut),
	};

	return cmocka_run_group_tests_name("sanitize", tests, NULL, NULL);
}
