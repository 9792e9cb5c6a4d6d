/* test_holding.c - look-through holdings over every path (holding.h), the
 * §516 state-ownership test (stateown.h), and test=state-owned rules. */
#include "testutil.h"

#include "../../scanner/policy.h"
#include "../../vendor-db/holding.h"
#include "../../vendor-db/stateown.h"

/* A diamond: top holds a and b, which both hold x; state holds top. A
 * chain of unknown share: u holds y with no share, and state holds u. A
 * private holder with an unknown share counts for nothing. */
static const char world[] = "source s date=2020-01-01 title=T\n"
                            "entity state name=State country=CN control=government src=s\n"
                            "entity fund name=Fund country=CN control=state-fund src=s\n"
                            "entity usgov name=\"US body\" country=US control=government src=s\n"
                            "entity top name=Top country=CN control=state-stake src=s\n"
                            "entity a name=A country=CN control=public src=s\n"
                            "entity b name=B country=CN control=public src=s\n"
                            "entity x name=X country=CN control=public src=s\n"
                            "entity u name=U country=CN control=public src=s\n"
                            "entity y name=Y country=CN control=public src=s\n"
                            "entity priv name=Priv country=CN control=private src=s\n"
                            "entity z name=Z country=US control=public src=s\n"
                            "entity sub name=Sub country=CN control=subsidiary src=s\n"
                            "entity listed name=Listed country=CN control=private src=s\n"
                            "entity lsub name=LSub country=CN control=subsidiary src=s\n"
                            "entity dark name=Dark country=CN control=unknown src=s\n"
                            "entity ddark name=DDark country=CN control=subsidiary src=s\n"
                            "owner state top share=50 src=s\n"
                            "owner top a share=40 src=s\n"
                            "owner top b share=20 src=s\n"
                            "owner a x share=25 src=s\n"
                            "owner b x share=25 src=s\n"
                            "owner fund x share=1 from=2022-01-01 src=s\n"
                            "owner state u share=100 src=s\n"
                            "owner u y src=s\n"
                            "owner priv z src=s\n"
                            "owner usgov z share=30 src=s\n"
                            "owner fund sub share=5 control=yes src=s\n"
                            "owner listed lsub share=60 src=s\n"
                            "list listed 1260h from=2021-01-01 src=s\n"
                            "owner dark ddark share=100 src=s\n";

static struct db *db;

static int setup(void **state)
{
	struct hw_err e = {0};
	char *path = write_temp("hdb", world, strlen(world));

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

static int cn_state(const struct db_entity *x, void *arg)
{
	(void)arg;
	return db_is_state(x, "CN");
}

/* Both arms of the diamond count: 50% x (40% x 25% + 20% x 25%) = 7.5%. */
static void test_diamond(void **state)
{
	struct db_holding h;
	char *t;

	(void)state;
	db_holding(db, db_entity(db, "x"), "2021-06-01", cn_state, NULL, &h);
	assert_false(h.unknown);
	assert_int_equal(h.npaths, 2);
	assert_true(h.known > 7.4999 && h.known < 7.5001);
	/* the larger path first */
	t = db_holding_path_text(&h.paths[0], "x");
	assert_string_equal(t, "x <- a 25% <- top 40% <- state 50%");
	free(t);
	db_holding_free(&h);
	/* from 2022 a third path, straight to a state fund */
	db_holding(db, db_entity(db, "x"), "2022-06-01", cn_state, NULL, &h);
	assert_int_equal(h.npaths, 3);
	assert_true(h.known > 8.4999 && h.known < 8.5001);
	db_holding_free(&h);
}

/* An unknown share on a path to a state entity: unknown, not zero; on a
 * path to nobody: nothing. */
static void test_unknown_shares(void **state)
{
	struct db_holding h;
	char *t;

	(void)state;
	db_holding(db, db_entity(db, "y"), "2021-06-01", cn_state, NULL, &h);
	assert_true(h.unknown);
	assert_int_equal(h.npaths, 1);
	assert_true(h.paths[0].share < 0);
	t = db_holding_path_text(&h.paths[0], "y");
	assert_string_equal(t, "y <- u ?% <- state 100%");
	free(t);
	db_holding_free(&h);
	db_holding(db, db_entity(db, "z"), "2021-06-01", cn_state, NULL, &h);
	assert_false(h.unknown);
	assert_int_equal(h.npaths, 0);
	assert_true(h.known == 0);
	db_holding_free(&h);
	/* a state entity holds itself whole */
	db_holding(db, db_entity(db, "state"), "2021-06-01", cn_state, NULL, &h);
	assert_int_equal(h.npaths, 1);
	assert_int_equal(h.paths[0].nedges, 0);
	assert_true(h.known == 100);
	db_holding_free(&h);
}

/* The controller's look-through share sums its paths too. */
static void test_lookthrough_share(void **state)
{
	(void)state;
	assert_true(db_lookthrough_share(db, db_entity(db, "lsub"), "2021-06-01") == 60);
	assert_true(db_lookthrough_share(db, db_entity(db, "sub"), "2021-06-01") == 5);
	assert_true(db_lookthrough_share(db, db_entity(db, "x"), "2021-06-01") == 100);
}

static enum db_state_kind kind(const char *id, double threshold, const char *date)
{
	char *findings[] = {"1260h"};
	struct db_state_test t = {"CN", threshold, findings, 1};
	struct db_state_result r;
	enum db_state_kind k;

	db_state_test(db, db_entity(db, id), date, &t, &r);
	k = r.kind;
	db_state_result_free(&r);
	return k;
}

static void test_state_test(void **state)
{
	(void)state;
	/* the threshold is inclusive: 7.5% passes 7.5, not 7.6 */
	assert_int_equal(kind("x", 7.5, "2021-06-01"), STATE_SHARE);
	assert_int_equal(kind("x", 7.6, "2021-06-01"), STATE_NO);
	assert_int_equal(kind("x", 7.6, "2022-06-01"), STATE_SHARE);
	/* unknown share on the way, nothing else: unknown */
	assert_int_equal(kind("y", 10, "2021-06-01"), STATE_UNKNOWN);
	/* a US state body is not the PRC */
	assert_int_equal(kind("z", 10, "2021-06-01"), STATE_NO);
	/* 5%, but a state fund controls it */
	assert_int_equal(kind("sub", 10, "2021-06-01"), STATE_CONTROL);
	assert_int_equal(kind("state", 10, "2021-06-01"), STATE_SHARE);
	/* a finding reaches what the member controls, from its date */
	assert_int_equal(kind("lsub", 10, "2021-06-01"), STATE_FINDING);
	assert_int_equal(kind("lsub", 10, "2020-06-01"), STATE_NO);
	/* a PRC controller whose control is not known */
	assert_int_equal(kind("ddark", 10, "2021-06-01"), STATE_UNKNOWN);
}

/* Load a one-rule policy; returns 0 or -1 with e set. */
static int load_rule(const char *rule, struct policy_set *set, struct hw_err *e)
{
	char text[1024], *path;
	int rc;

	snprintf(text, sizeof text, "policy p title=T citation=C edition=2020-01-01 src=s\n%s\n",
	         rule);
	path = write_temp("hpol", text, strlen(text));
	rc = policy_load_file(set, path, db, e);
	unlink(path);
	free(path);
	return rc;
}

static void test_rule_syntax(void **state)
{
	static const struct {
		const char *rule, *msg;
	} bad[] = {
	    {"rule r test=state-owned threshold=10 roles=* severity=review from=2020-01-01 cite=c "
	     "src=s",
	     "needs country="},
	    {"rule r test=state-owned country=CN roles=* severity=review from=2020-01-01 cite=c "
	     "src=s",
	     "needs threshold="},
	    {"rule r test=state-owned country=CN threshold=0 roles=* severity=review "
	     "from=2020-01-01 cite=c src=s",
	     "threshold=0 is not a percentage"},
	    {"rule r test=state-owned country=CN threshold=10x roles=* severity=review "
	     "from=2020-01-01 cite=c src=s",
	     "threshold=10x is not a percentage"},
	    {"rule r test=state-owned country=CN threshold=10 list=x roles=* severity=review "
	     "from=2020-01-01 cite=c src=s",
	     "takes no list=, reach="},
	    {"rule r test=state-owned country=CN threshold=10 findings=1260h,BAD roles=* "
	     "severity=review from=2020-01-01 cite=c src=s",
	     "bad list id 'BAD' in findings="},
	    {"rule r test=owned roles=* severity=review from=2020-01-01 cite=c src=s",
	     "unknown test 'owned'"},
	    {"rule r list=x reach=self threshold=10 roles=* severity=review from=2020-01-01 cite=c "
	     "src=s",
	     "go with test=state-owned"},
	};
	struct policy_set set = {0};
	struct hw_err e = {0};
	char two[512];

	(void)state;
	/* unless= names an earlier rule, and goes with list rules */
	snprintf(two, sizeof two, "%s\n%s",
	         "rule a list=x reach=self unless=b roles=* severity=info from=2020-01-01 cite=c "
	         "src=s",
	         "rule b list=y reach=self roles=* severity=info from=2020-01-01 cite=c src=s");
	assert_int_equal(load_rule(two, &set, &e), -1);
	assert_non_null(strstr(e.msg, ":2: unless=b names no earlier rule of 'p'"));
	policy_set_clear(&set);
	snprintf(two, sizeof two, "%s\n%s",
	         "rule b list=y reach=self roles=* severity=info from=2020-01-01 cite=c src=s",
	         "rule a test=state-owned country=CN threshold=10 unless=b roles=* severity=info "
	         "from=2020-01-01 cite=c src=s");
	assert_int_equal(load_rule(two, &set, &e), -1);
	assert_non_null(strstr(e.msg, ":3: unless= goes with list= and test=headquartered rules"));
	policy_set_clear(&set);
	snprintf(two, sizeof two, "%s\n%s",
	         "rule b test=state-owned country=CN threshold=10 roles=* severity=review "
	         "from=2020-01-01 cite=c src=s",
	         "rule a list=x reach=self unless=b roles=* severity=info from=2020-01-01 cite=c "
	         "src=s");
	assert_int_equal(load_rule(two, &set, &e), 0);
	assert_int_equal(set.policies[0].rules[1].unless, 1);
	policy_set_clear(&set);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		memset(&e, 0, sizeof e);
		assert_int_equal(load_rule(bad[i].rule, &set, &e), -1);
		if (!strstr(e.msg, bad[i].msg) || !strstr(e.msg, ":2: "))
			fail_msg("rule %zu: '%s' does not say '%s' at line 2", i, e.msg,
			         bad[i].msg);
		policy_set_clear(&set);
	}
	assert_int_equal(load_rule("rule r test=state-owned country=CN threshold=9.9 "
	                           "findings=1260h,fcc-covered roles=* severity=review "
	                           "from=2020-01-01 cite=c src=s",
	                           &set, &e),
	                 0);
	assert_int_equal(set.policies[0].rules[0].test, TEST_STATE);
	assert_true(set.policies[0].rules[0].threshold == 9.9);
	assert_int_equal(set.policies[0].rules[0].nfindings, 2);
	assert_string_equal(set.policies[0].rules[0].findings[1], "fcc-covered");
	policy_set_clear(&set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_diamond),           cmocka_unit_test(test_unknown_shares),
	    cmocka_unit_test(test_lookthrough_share), cmocka_unit_test(test_state_test),
	    cmocka_unit_test(test_rule_syntax),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
