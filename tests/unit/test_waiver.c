/* test_waiver.c - loading waiver files and finding the waiver of a finding. */
#include "testutil.h"

#include "../../scanner/waiver.h"

static const char text[] =
	"# a comment\n"
	"waiver a rule=p/r1 entity=huawei approved-by=\"CO\" ref=R-1 date=2024-01-01 "
	"expires=2025-01-01\n"
	"waiver b rule=p/* component=pci:0000:3c:00.0 approved-by=CO ref=R-2 date=2024-06-01\n";

static int load(const char *t, struct waiver_set *set, struct hw_err *e)
{
	char *path = write_temp("waivers", t, strlen(t));
	int rc = waiver_load(set, path, e);

	unlink(path);
	free(path);
	return rc;
}

static void test_find(void **state)
{
	struct waiver_set set = {0};
	struct hw_err e = {0};
	const struct waiver *w;
	int expired = -1;

	(void)state;
	assert_int_equal(load(text, &set, &e), 0);
	assert_int_equal(set.n, 2);
	/* by entity, in force */
	w = waiver_find(&set, "p", "r1", "huawei", "pci:0000:01:00.0", "2024-06-01", &expired);
	assert_non_null(w);
	assert_string_equal(w->id, "a");
	assert_int_equal(expired, 0);
	/* another rule, another entity, another policy: nothing */
	assert_null(waiver_find(&set, "p", "r2", "huawei", "pci:x", "2024-06-01", &expired));
	assert_null(waiver_find(&set, "p", "r1", "zte", "pci:x", "2024-06-01", &expired));
	assert_null(waiver_find(&set, "q", "r1", "huawei", "pci:x", "2024-06-01", &expired));
	/* expiry is exclusive, and an expired waiver is returned as such */
	w = waiver_find(&set, "p", "r1", "huawei", "pci:x", "2025-01-01", &expired);
	assert_non_null(w);
	assert_int_equal(expired, 1);
	/* before it was granted it does not exist */
	assert_null(waiver_find(&set, "p", "r1", "huawei", "pci:x", "2023-12-31", &expired));
	/* by component, any rule of the policy; in force wins over expired */
	w = waiver_find(&set, "p", "r9", "zte", "pci:0000:3c:00.0", "2024-06-01", &expired);
	assert_non_null(w);
	assert_string_equal(w->id, "b");
	w = waiver_find(&set, "p", "r1", "huawei", "pci:0000:3c:00.0", "2026-01-01", &expired);
	assert_string_equal(w->id, "b");
	assert_int_equal(expired, 0);
	assert_null(waiver_find(NULL, "p", "r1", "huawei", "pci:x", "2024-06-01", &expired));
	waiver_set_clear(&set);
}

static void expect_error(const char *t, const char *msg)
{
	struct waiver_set set = {0};
	struct hw_err e = {0};
	const char *colon;

	assert_int_equal(load(t, &set, &e), -1);
	colon = strchr(e.msg, ':'); /* after the temporary file's name */
	assert_non_null(colon);
	assert_string_equal(colon + 1, msg);
	waiver_set_clear(&set);
}

static void test_malformed(void **state)
{
	(void)state;
	expect_error("waiver a rule=p entity=x approved-by=c ref=r date=2024-01-01\n",
		     "1: waiver needs rule=POLICY/RULE (or POLICY/*)");
	expect_error("waiver a rule=p/r entity=x component=y approved-by=c ref=r date=2024-01-01\n",
		     "1: waiver needs one of entity=ENTITY or component=BOM-REF");
	expect_error("waiver a rule=p/r entity=x ref=r date=2024-01-01\n",
		     "1: waiver needs approved-by= and ref=");
	expect_error("waiver a rule=p/r entity=x approved-by=c ref=r date=2024-02-30\n",
		     "1: waiver needs date=YYYY-MM-DD");
	expect_error("waiver a rule=p/r entity=x approved-by=c ref=r date=2024-01-01 "
		     "expires=2024-01-01\n",
		     "1: expires= must be a date after date=");
	expect_error("exception a\n", "1: unknown record 'exception' (waiver)");
	expect_error("waiver a rule=p/r entity=x approved-by=c ref=r date=2024-01-01 color=red\n",
		     "1: 'waiver' has no attribute 'color'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
