/* test_policy.c - policy files, and resolve + judge on a BOM built by hand. */
#include "testutil.h"

#include <sys/stat.h>

#include "../../scanner/judge.h"
#include "../../scanner/policy.h"
#include "../../scanner/resolve.h"

static const char world[] =
	"source s date=2020-01-01 title=T\n"
	"entity holding name=Holding country=CN control=private src=s\n"
	"entity huawei name=\"Huawei Technologies Co., Ltd.\" country=CN control=subsidiary src=s\n"
	"entity device name=\"Huawei Device\" country=CN control=subsidiary src=s\n"
	"entity intel name=\"Intel Corporation\" country=US control=public src=s\n"
	"owner holding huawei share=100 src=s\n"
	"owner holding device share=100 src=s\n"
	"list huawei ndaa889 from=2019-08-13 src=s\n"
	"id pci:19e5 huawei src=s\n"
	"id pci:8086 intel src=s\n"
	"id pci:1234 device src=s\n";

static const char policy[] =
	"# test policy\n"
	"policy p889 title=\"T\" citation=\"C\" edition=2019-08-13 src=s\n"
	"rule covered list=ndaa889 reach=affiliates roles=chip-vendor,card-assembler severity=block "
	"from=2019-08-13 cite=\"889\" src=s\n";

struct fx {
	struct db *db;
	struct policy_set set;
	char *dbpath, *polpath;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct hw_err e = {0};

	f->db = db_new();
	f->dbpath = write_temp("pdb", world, strlen(world));
	f->polpath = write_temp("policy", policy, strlen(policy));
	if (db_load_file(f->db, f->dbpath, &e) < 0 || db_finish(f->db, &e) < 0 ||
	    policy_load_file(&f->set, f->polpath, f->db, &e) < 0)
		fail_msg("%s", e.msg);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	policy_set_clear(&f->set);
	db_free(f->db);
	unlink(f->dbpath), unlink(f->polpath);
	free(f->dbpath), free(f->polpath);
	free(f);
	return 0;
}

static struct bom_component *pci(struct bom *b, const char *loc, const char *v, const char *sv)
{
	struct bom_component *c = bom_add_component(b, "pci", loc);

	bom_add_id(c, "pci.vendor", v, "Registry Name");
	if (sv)
		bom_add_id(c, "pci.subvendor", sv, "Sub Registry Name");
	return c;
}

static struct bom *judge(struct fx *f, const char *date)
{
	struct bom *b = bom_new();

	bom_set(&b->as_of, date);
	bom_set_coverage(b, "pci", "read", NULL);
	pci(b, "0000:00:00.0", "8086", "8086"); /* Intel, same subsystem: no assembler */
	pci(b, "0000:01:00.0", "19e5", NULL);    /* Huawei chip */
	pci(b, "0000:02:00.0", "8086", "19e5");  /* Intel chip on a Huawei card */
	pci(b, "0000:03:00.0", "1234", NULL);    /* a Huawei affiliate */
	pci(b, "0000:04:00.0", "8086", "abcd");  /* card maker not in the database */
	resolve_bom(b, f->db, date);
	judge_bom(b, f->db, &f->set, NULL);
	return b;
}

static void test_load_policy(void **state)
{
	struct fx *f = *state;
	const struct policy_rule *r = &f->set.policies[0].rules[0];

	assert_int_equal(f->set.npolicies, 1);
	assert_string_equal(f->set.policies[0].id, "p889");
	assert_int_equal(r->reach, REACH_AFFILIATES);
	assert_int_equal(r->severity, VERDICT_BLOCK);
	assert_int_equal(r->nroles, 2);
	assert_true(policy_rule_applies(r, "2019-08-13", "card-assembler"));
	assert_false(policy_rule_applies(r, "2019-08-12", "card-assembler"));
	assert_false(policy_rule_applies(r, "2024-01-01", "device-vendor"));
}

static void test_attributions(void **state)
{
	struct fx *f = *state;
	struct bom *b = judge(f, "2024-01-01");
	const struct bom_attr *a;

	assert_int_equal(b->components[0]->nattrs, 1);
	a = bom_find_attr(b->components[2], "card-assembler");
	assert_string_equal(a->entity, "huawei");
	assert_string_equal(a->country, "CN");
	assert_string_equal(a->controller, "holding");
	assert_string_equal(a->key, "pci:19e5");
	assert_string_equal(a->source, "s");
	a = bom_find_attr(b->components[4], "card-assembler");
	assert_null(a->entity);
	assert_null(a->country);
	assert_string_equal(a->name, "Sub Registry Name");
	bom_free(b);
}

static void test_verdicts(void **state)
{
	struct fx *f = *state;
	struct bom *b = judge(f, "2024-01-01");
	struct bom_component **c = b->components;

	assert_int_equal(c[0]->verdict, VERDICT_CLEAN);
	assert_int_equal(c[0]->nfindings, 0);
	assert_int_equal(c[1]->verdict, VERDICT_BLOCK);
	assert_int_equal(c[1]->nfindings, 1);
	assert_string_equal(c[1]->findings[0].role, "chip-vendor");
	assert_string_equal(c[1]->findings[0].entity, "huawei");
	assert_string_equal(c[1]->findings[0].policy, "p889");
	assert_string_equal(c[1]->findings[0].rule, "covered");
	assert_int_equal(c[2]->verdict, VERDICT_BLOCK);
	assert_string_equal(c[2]->findings[0].role, "card-assembler");
	assert_int_equal(c[3]->verdict, VERDICT_BLOCK);
	assert_string_equal(c[3]->findings[0].entity, "device");
	assert_string_equal(c[3]->findings[0].reason,
			    "device <- holding 100% [s]; huawei <- holding 100% [s]; huawei is on "
			    "list ndaa889 since 2019-08-13 [s]; the rule reaches affiliates (889)");
	assert_int_equal(c[4]->verdict, VERDICT_UNKNOWN);
	assert_string_equal(c[4]->unknown_reason, "card-assembler pci:abcd (Sub Registry Name) is "
						  "not in the origin database");
	assert_int_equal(b->verdict, VERDICT_BLOCK);
	bom_free(b);
}

static void test_before_the_law(void **state)
{
	struct fx *f = *state;
	struct bom *b = judge(f, "2019-01-01");

	/* no rule in force: nothing to find, nothing unknown */
	for (size_t i = 0; i < b->ncomponents; i++) {
		assert_int_equal(b->components[i]->verdict, VERDICT_CLEAN);
		assert_int_equal(b->components[i]->nfindings, 0);
	}
	assert_int_equal(b->verdict, VERDICT_CLEAN);
	bom_free(b);
}

static void test_unseen_roles_are_coverage_not_verdict(void **state)
{
	struct fx *f = *state;
	struct bom *b = bom_new();

	bom_set(&b->as_of, "2024-01-01");
	/* PCI never read: the rule's roles are unseen, the coverage partial;
	 * the verdict is of what was read (nothing), not unknown */
	judge_bom(b, f->db, &f->set, NULL);
	assert_int_equal(b->verdict, VERDICT_CLEAN);
	assert_int_equal(b->nunseen, 2);
	assert_string_equal(b->unseen[0].role, "chip-vendor");
	assert_string_equal(b->unseen[0].reason, "not-in-input");
	assert_non_null(strstr(b->unseen[0].collect, "lspci -nnv"));
	assert_string_equal(b->unseen[1].role, "card-assembler");
	bom_free(b);

	b = bom_new();
	bom_set(&b->as_of, "2024-01-01");
	bom_set_coverage(b, "pci", "absent", NULL); /* read, nothing there: seen */
	judge_bom(b, f->db, &f->set, NULL);
	assert_int_equal(b->verdict, VERDICT_CLEAN);
	assert_int_equal(b->nunseen, 0);
	bom_free(b);
}

static void expect_policy_error(struct fx *f, const char *text, const char *msg)
{
	char *path = write_temp("badpolicy", text, strlen(text));
	struct policy_set set = {0};
	struct hw_err e = {0};
	const char *colon;

	assert_int_equal(policy_load_file(&set, path, f->db, &e), -1);
	colon = strchr(e.msg, ':');
	assert_non_null(colon);
	assert_string_equal(colon + 1, msg);
	policy_set_clear(&set);
	unlink(path);
	free(path);
}

static void test_bad_policies(void **state)
{
	struct fx *f = *state;
	static const char head[] = "policy x title=T citation=C edition=2020-01-01 src=s\n";
	char buf[1024];

#define BAD(line, msg)                                                 \
	do {                                                           \
		snprintf(buf, sizeof buf, "%s%s", head, line);         \
		expect_policy_error(f, buf, msg);                      \
	} while (0)
	BAD("rule r list=l reach=all roles=* severity=block from=2020-01-01 cite=c src=s\n",
	    "2: rule needs reach=self, subsidiaries or affiliates");
	BAD("rule r list=l reach=self roles=chip-maker severity=block from=2020-01-01 cite=c src=s\n",
	    "2: unknown role 'chip-maker'");
	BAD("rule r list=l reach=self roles=* severity=unknown from=2020-01-01 cite=c src=s\n",
	    "2: rule needs severity=block, review or info");
	BAD("rule r list=l reach=self roles=* severity=info from=2020-01-01 to=2019-01-01 cite=c src=s\n",
	    "2: to= must be a date after from=");
	BAD("rule r list=l reach=self roles=* severity=info from=2020-01-01 cite=c src=zz\n",
	    "2: unknown source 'zz'");
	BAD("policy y title=T citation=C edition=2020-01-01 src=s\n",
	    "2: one policy per file (already read 'x')");
	BAD("", " policy 'x' has no rules");
#undef BAD
}

/* Profiles: which policies, with which severities; bad files named by line. */
static void test_profiles(void **state)
{
	struct fx *f = *state;
	char dir[64], sub[128], path[192], cmd[256];
	struct policy_set set = {0};
	struct hw_err e = {0};
	FILE *fp;

	strcpy(dir, "/tmp/hwbom-test-profiles-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/profiles", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(path, sizeof path, "%s/p889.policy", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(policy, fp);
	fclose(fp);
#define PROFILE(name, text)                                                  \
	do {                                                                 \
		snprintf(path, sizeof path, "%s/%s.profile", sub, name);     \
		fp = fopen(path, "w");                                       \
		assert_non_null(fp);                                         \
		fputs(text, fp);                                             \
		fclose(fp);                                                  \
	} while (0)
	PROFILE("soft", "profile soft title=T\nuse p889 severity=review rules=covered\n");
	PROFILE("plain", "profile plain title=T\nuse p889\n");
	PROFILE("nouse", "use p889\n");
	PROFILE("halfsev", "profile h title=T\nuse p889 severity=review\n");
	PROFILE("badpol", "profile b title=T\nuse nosuch\n");
	PROFILE("typo", "profile t title=T\nuse p889 severity=info rules=coverd\n");
	assert_int_equal(policy_load_profile(&set, dir, "soft", f->db, &e), 0);
	assert_int_equal(set.npolicies, 1);
	assert_int_equal(set.policies[0].rules[0].severity, VERDICT_REVIEW);
	policy_set_clear(&set);
	assert_int_equal(policy_load_profile(&set, dir, "plain", f->db, &e), 0);
	assert_int_equal(set.policies[0].rules[0].severity, VERDICT_BLOCK);
	policy_set_clear(&set);
	assert_int_equal(policy_load_profile(&set, dir, "nouse", f->db, &e), -1);
	assert_non_null(strstr(e.msg, "nouse.profile:1: 'use' before 'profile'"));
	policy_set_clear(&set);
	assert_int_equal(policy_load_profile(&set, dir, "halfsev", f->db, &e), -1);
	assert_non_null(strstr(e.msg, "halfsev.profile:2: severity= and rules= go together"));
	policy_set_clear(&set);
	assert_int_equal(policy_load_profile(&set, dir, "badpol", f->db, &e), -1);
	assert_non_null(strstr(e.msg, "badpol.profile:2: "));
	assert_non_null(strstr(e.msg, "nosuch.policy"));
	policy_set_clear(&set);
	assert_int_equal(policy_load_profile(&set, dir, "typo", f->db, &e), -1);
	assert_non_null(strstr(e.msg, "typo.profile:2: policy 'p889' has no rule 'coverd'"));
	policy_set_clear(&set);
	assert_int_equal(policy_load_profile(&set, dir, "../x", f->db, &e), -1);
	policy_set_clear(&set);
#undef PROFILE
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_load_policy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attributions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_verdicts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_before_the_law, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unseen_roles_are_coverage_not_verdict, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_policies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_profiles, setup, teardown),
	};

	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
