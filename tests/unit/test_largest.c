/* test_largest.c - §516's largest-holder chain (stateown.h, test (d)): a
 * chain that ends in a state body, a tie, a state body at the top of a
 * long chain, a private top; and test=headquartered rules. */
#include "testutil.h"

#include "../../scanner/policy.h"
#include "../../vendor-db/stateown.h"

static const char world[] =
	"source s date=2020-01-01 title=T\n"
	/* Lenovo as it is usually described: Legend 32% <- CAS Holdings 29% */
	"entity cas name=CAS country=CN control=government src=s\n"
	"entity legend name=Legend country=CN control=public src=s\n"
	"entity lenovo name=Lenovo country=CN control=public src=s\n"
	"entity fund name=Fund country=HK control=public src=s\n"
	"owner legend lenovo share=32 src=s\n"
	"owner fund lenovo share=8 src=s\n"
	"owner cas legend share=29 src=s\n"
	/* a tie at the top: a state fund and a private holder, 30% each */
	"entity sf name=SF country=CN control=state-fund src=s\n"
	"entity pv name=PV country=CN control=private src=s\n"
	"entity tied name=Tied country=CN control=public src=s\n"
	"owner sf tied share=30 src=s\n"
	"owner pv tied share=30 src=s\n"
	/* a tie of two state bodies */
	"entity sf2 name=SF2 country=CN control=soe-local src=s\n"
	"entity tied2 name=Tied2 country=CN control=public src=s\n"
	"owner sf tied2 share=30 src=s\n"
	"owner sf2 tied2 share=30 src=s\n"
	/* a state body at the top of a long chain of small stakes */
	"entity gov name=Gov country=CN control=government src=s\n"
	"entity m2 name=M2 country=CN control=public src=s\n"
	"entity m1 name=M1 country=CN control=public src=s\n"
	"entity deep name=Deep country=CN control=public src=s\n"
	"owner m1 deep share=20 src=s\n"
	"owner m2 m1 share=40 src=s\n"
	"owner gov m2 share=15 src=s\n"
	"owner pv m2 share=10 src=s\n"
	/* a private top */
	"entity h2 name=H2 country=CN control=private src=s\n"
	"entity h1 name=H1 country=CN control=public src=s\n"
	"entity ptop name=PTop country=CN control=public src=s\n"
	"owner h1 ptop share=30 src=s\n"
	"owner h2 h1 share=45 src=s\n"
	"owner gov h1 share=5 src=s\n"
	/* the largest stake ended: the chain follows the edges of the date */
	"entity was name=Was country=CN control=public src=s\n"
	"owner gov was share=40 to=2020-01-01 src=s\n"
	"owner h2 was share=20 src=s\n";

static struct db *db;

static int setup(void **state)
{
	struct hw_err e = {0};
	char *path = write_temp("ldb", world, strlen(world));

	(void)state;
	db = db_new();
	if (db_load_file(db, path, &e) < 0 || db_finish(db, &e) < 0)
		fail_msg("%s", e.msg);
	unlink(path);
	free(path);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_free(db);
	return 0;
}

/* The test's answer for id at threshold on 2024-01-01, the chain as text
 * in chain (when asked). */
static enum db_state_kind kind(const char *id, double threshold, char **chain)
{
	struct db_state_test t = {"CN", threshold, NULL, 0};
	struct db_state_result r;
	const struct db_entity *x = db_entity(db, id);
	enum db_state_kind k;

	assert_non_null(x);
	db_state_test(db, x, "2024-01-01", &t, &r);
	k = r.kind;
	if (chain)
		*chain = db_state_chain_text(db, x, &r.chain, "2024-01-01");
	db_state_result_free(&r);
	return k;
}

static void test_chain(void **state)
{
	char *c;

	(void)state;
	/* 32% x 29% = 9.28% looked through: below 10%, but the chain of
	 * largest holders ends in CAS */
	assert_int_equal(kind("lenovo", 10, &c), STATE_LARGEST);
	assert_string_equal(c, "lenovo <- legend 32% <- cas 29%");
	free(c);
	/* at 9% the share test, the stronger one, answers first */
	assert_int_equal(kind("lenovo", 9, NULL), STATE_SHARE);
}

static void test_tie(void **state)
{
	char *c;
	struct db_state_chain ch;

	(void)state;
	/* a state fund ties with a private holder: not followed, and said */
	assert_int_equal(kind("tied", 70, &c), STATE_NO);
	assert_string_equal(c, "tied (then a tie for the largest share, 30%)");
	free(c);
	db_largest_chain(db, db_entity(db, "tied"), "2024-01-01", "CN", &ch);
	assert_int_equal(ch.nedges, 0);
	assert_true(ch.tie);
	/* every tied holder is the state's: it ends there */
	assert_int_equal(kind("tied2", 70, NULL), STATE_LARGEST);
}

static void test_state_at_top(void **state)
{
	char *c;

	(void)state;
	/* 20% x 40% x 15% = 1.2%: only the chain sees the state */
	assert_int_equal(kind("deep", 10, &c), STATE_LARGEST);
	assert_string_equal(c, "deep <- m1 20% <- m2 40% <- gov 15%");
	free(c);
	/* a state body is itself at the top of nothing: the share test */
	assert_int_equal(kind("gov", 10, NULL), STATE_SHARE);
}

static void test_private_top(void **state)
{
	char *c;
	struct db_state_chain ch;

	(void)state;
	/* h1's largest holder is private h2 (45%), not the state's 5% */
	assert_int_equal(kind("ptop", 10, &c), STATE_NO);
	assert_string_equal(c, "ptop <- h1 30% <- h2 45%");
	free(c);
	db_largest_chain(db, db_entity(db, "ptop"), "2024-01-01", NULL, &ch);
	assert_int_equal(ch.nedges, 2);
	assert_false(ch.tie);
	/* an edge that ended does not count */
	assert_int_equal(kind("was", 10, NULL), STATE_NO);
}

static int load_rules(const char *rules, struct hw_err *e)
{
	char text[2048], *path;
	struct policy_set set = {0};
	int rc;

	snprintf(text, sizeof text, "policy p title=T citation=C edition=2020-01-01 src=s\n%s", rules);
	path = write_temp("lpol", text, strlen(text));
	rc = policy_load_file(&set, path, db, e);
	unlink(path);
	free(path);
	policy_set_clear(&set);
	return rc;
}

static void test_headquartered_rule(void **state)
{
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(load_rules("rule o test=state-owned country=CN threshold=10 roles=* "
				    "severity=review from=2013-03-26 cite=C src=s\n"
				    "rule hq test=headquartered country=CN unless=o roles=* "
				    "severity=info from=2013-03-26 cite=C src=s\n",
				    &e),
			 0);
	assert_int_equal(load_rules("rule hq test=headquartered roles=* severity=info "
				    "from=2013-03-26 cite=C src=s\n",
				    &e),
			 -1);
	assert_non_null(strstr(e.msg, "needs country="));
	hw_err_clear(&e);
	assert_int_equal(load_rules("rule hq test=headquartered country=CN threshold=10 roles=* "
				    "severity=info from=2013-03-26 cite=C src=s\n",
				    &e),
			 -1);
	assert_non_null(strstr(e.msg, "takes only country="));
	hw_err_clear(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_tie),
		cmocka_unit_test(test_state_at_top),
		cmocka_unit_test(test_private_top),
		cmocka_unit_test(test_headquartered_rule),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
