/* test_recfile.c - the record-file tokenizer shared by database and policies. */
#include "testutil.h"

#include "../../vendor-db/recfile.h"

/* Collects the records of one parse as "verb|arg|arg|k=v|..." lines. */
struct collect {
	char out[4096];
};

static int collect(void *user, const struct rec *r, struct hw_err *e)
{
	struct collect *c = user;
	size_t n = strlen(c->out);

	(void)e;
	n += (size_t)snprintf(c->out + n, sizeof c->out - n, "%u:%s", r->line, r->verb);
	for (size_t i = 0; i < r->nargs; i++)
		n += (size_t)snprintf(c->out + n, sizeof c->out - n, "|%s", r->args[i]);
	for (size_t i = 0; i < r->nattrs; i++)
		n += (size_t)snprintf(c->out + n, sizeof c->out - n, "|%s=%s", r->keys[i],
				      r->vals[i]);
	snprintf(c->out + n, sizeof c->out - n, "\n");
	return 0;
}

static int parse(const char *text, struct collect *c, struct hw_err *e)
{
	memset(c, 0, sizeof *c);
	return recfile_parse("t.db", text, strlen(text), collect, c, e);
}

static void expect_error(const char *text, const char *msg)
{
	struct collect c;
	struct hw_err e = {0};

	assert_int_equal(parse(text, &c, &e), -1);
	assert_string_equal(e.msg, msg);
}

static void test_tokens(void **state)
{
	struct collect c;
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(parse("# comment\n"
			       "\n"
			       "   # indented comment\n"
			       "entity  huawei\tname=\"Huawei Technologies Co., Ltd.\" country=CN\r\n"
			       "alias huawei \"HUAWEI \\\"TECH\\\" \\\\ x\" src=a,b\n"
			       "source s url=https://x.org/a#frag title=\"\"\n"
			       "last no-newline",
			       &c, &e),
			 0);
	assert_string_equal(c.out, "4:entity|huawei|name=Huawei Technologies Co., Ltd.|country=CN\n"
				   "5:alias|huawei|HUAWEI \"TECH\" \\ x|src=a,b\n"
				   "6:source|s|url=https://x.org/a#frag|title=\n"
				   "7:last|no-newline\n");
}

static void test_errors_name_file_and_line(void **state)
{
	(void)state;
	expect_error("ok line\nentity x name=\"open\n", "t.db:2: unterminated quoted string");
	expect_error("entity \"x\"y\n", "t.db:1: missing space after a quoted string");
	expect_error("entity x\"y\n", "t.db:1: stray '\"' in a token");
	expect_error("entity a=1 huawei\n", "t.db:1: argument 'huawei' after key=value attributes");
	expect_error("k=v rest\n", "t.db:1: a line must start with a word, not 'k=v'");
	expect_error("entity x Bad=1\n", "t.db:1: bad attribute name 'Bad'");
	expect_error("\n\nentity \xff\n", "t.db:3: line is not valid UTF-8");
}

static void test_nul_and_long_lines(void **state)
{
	struct collect c;
	struct hw_err e = {0};
	char *big = malloc(REC_LINE_MAX + 10);

	(void)state;
	assert_int_equal(recfile_parse("t.db", "a\nb\0c\n", 6, collect, &c, &e), -1);
	assert_string_equal(e.msg, "t.db:2: NUL byte in line");
	memset(big, 'x', REC_LINE_MAX + 9);
	big[REC_LINE_MAX + 9] = '\0';
	assert_int_equal(parse(big, &c, &e), -1);
	assert_string_equal(e.msg, "t.db:1: line longer than 4095 bytes");
	free(big);
}

static void test_dates(void **state)
{
	(void)state;
	assert_true(rec_is_date("2019-08-13"));
	assert_true(rec_is_date("2024-02-29"));
	assert_true(rec_is_date("2000-02-29"));
	assert_false(rec_is_date("1900-02-29"));
	assert_false(rec_is_date("2023-02-29"));
	assert_false(rec_is_date("2023-04-31"));
	assert_false(rec_is_date("2023-13-01"));
	assert_false(rec_is_date("2023-1-01"));
	assert_false(rec_is_date("20230101"));
	assert_false(rec_is_date("2023-01-01x"));
}

static int check_cb(void *user, const struct rec *r, struct hw_err *e)
{
	static const char *const allowed[] = {"src", "note", NULL};

	(void)user;
	return rec_check(r, e, 1, 2, allowed);
}

static void test_check(void **state)
{
	struct hw_err e = {0};
	const char *t1 = "id a src=x\nid a b c\n", *t2 = "id a bad=1\n", *t3 = "id a src=1 src=2\n";

	(void)state;
	assert_int_equal(recfile_parse("p", t1, strlen(t1), check_cb, NULL, &e), -1);
	assert_string_equal(e.msg, "p:2: 'id' takes 1 to 2 arguments, not 3");
	assert_int_equal(recfile_parse("p", t2, strlen(t2), check_cb, NULL, &e), -1);
	assert_string_equal(e.msg, "p:1: 'id' has no attribute 'bad'");
	assert_int_equal(recfile_parse("p", t3, strlen(t3), check_cb, NULL, &e), -1);
	assert_string_equal(e.msg, "p:1: attribute 'src' given twice");
}

static void test_missing_file(void **state)
{
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(recfile_read("/nonexistent/x.db", check_cb, NULL, &e), -1);
	assert_string_equal(e.msg, "/nonexistent/x.db: No such file or directory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_errors_name_file_and_line),
		cmocka_unit_test(test_nul_and_long_lines),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests_name("recfile", tests, NULL, NULL);
}
