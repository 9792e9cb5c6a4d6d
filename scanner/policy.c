/* policy.c - load policy files (see policy.h; syntax in
 * vendor-db/policies/README.md). */
#include "policy.h"

#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../output/purchase.h"
#include "../output/roles.h"
#include "../vendor-db/recfile.h"

struct load {
	struct policy_set *set;
	struct policy *cur;
	const struct db *db;
};

static int check_src(const struct load *l, const struct rec *r, struct hw_err *e)
{
	const char *src = rec_get(r, "src");
	char bad[65];

	if (!src || !*src)
		return rec_fail(r, e, "'%s' needs src= naming its source", r->verb);
	if (!db_sources_known(l->db, src, bad))
		return rec_fail(r, e, "unknown source '%s'", bad);
	return 0;
}

static int rec_policy(struct load *l, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"title", "citation", "edition", "src", "note", NULL};
	struct policy *p;

	if (l->cur)
		return rec_fail(r, e, "one policy per file (already read '%s')", l->cur->id);
	if (rec_check(r, e, 1, 1, keys) < 0)
		return -1;
	if (!rec_is_ident(r->args[0]))
		return rec_fail(r, e, "bad policy id '%s'", r->args[0]);
	for (size_t i = 0; i < l->set->npolicies; i++)
		if (!strcmp(l->set->policies[i].id, r->args[0]))
			return rec_fail(r, e, "policy '%s' is loaded twice", r->args[0]);
	if (!rec_get(r, "title") || !rec_get(r, "citation"))
		return rec_fail(r, e, "policy needs title= and citation=");
	if (!rec_get(r, "edition") || !rec_is_date(rec_get(r, "edition")))
		return rec_fail(r, e, "policy needs edition=YYYY-MM-DD");
	if (check_src(l, r, e) < 0)
		return -1;
	GROW(l->set->policies, l->set->cappolicies, l->set->npolicies);
	p = &l->set->policies[l->set->npolicies++];
	p->id = xstrdup(r->args[0]);
	p->title = xstrdup(rec_get(r, "title"));
	p->citation = xstrdup(rec_get(r, "citation"));
	p->edition = xstrdup(rec_get(r, "edition"));
	p->src = xstrdup(rec_get(r, "src"));
	l->cur = p;
	return 0;
}

static int parse_roles(struct policy_rule *pr, const struct rec *r, struct hw_err *e)
{
	const char *list = rec_get(r, "roles");
	char *copy, *tok, *save;
	size_t cap = 0;

	if (!list)
		return rec_fail(r, e, "rule needs roles= (a comma-separated list, or *)");
	if (!strcmp(list, "*"))
		return 0;
	copy = xstrdup(list);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!role_find(tok)) {
			rec_fail(r, e, "unknown role '%s'", tok);
			free(copy);
			return -1;
		}
		GROW(pr->roles, cap, pr->nroles);
		pr->roles[pr->nroles++] = xstrdup(tok);
	}
	free(copy);
	if (!pr->nroles)
		return rec_fail(r, e, "roles= is empty");
	return 0;
}

static void rule_free(struct policy_rule *pr)
{
	for (size_t i = 0; i < pr->nroles; i++)
		free(pr->roles[i]);
	for (size_t i = 0; i < pr->nfindings; i++)
		free(pr->findings[i]);
	free(pr->roles), free(pr->id), free(pr->list), free(pr->from), free(pr->to);
	free(pr->cite), free(pr->country), free(pr->findings);
	for (size_t i = 0; i < pr->ncategories; i++)
		free(pr->categories[i]);
	free(pr->categories);
}

/* reach= values, in the order of enum db_reach */
static const char *const reaches[] = {"self", "subsidiaries", "affiliates"};

const char *policy_reach_name(enum db_reach reach)
{
	return (size_t)reach < sizeof reaches / sizeof *reaches ? reaches[reach] : "?";
}

/* list= and reach= of a list rule. */
static int parse_list(struct policy_rule *pr, const struct rec *r, struct hw_err *e)
{
	const char *reach = rec_get(r, "reach");
	size_t k;

	if (rec_get(r, "country") || rec_get(r, "threshold") || rec_get(r, "findings"))
		return rec_fail(r, e, "country=, threshold= and findings= go with test=state-owned");
	if (rec_get(r, "categories") || rec_get(r, "home"))
		return rec_fail(r, e, "categories= and home= go with test=produced-abroad");
	if (!rec_get(r, "list") || !rec_is_ident(rec_get(r, "list")))
		return rec_fail(r, e, "rule needs list= naming a list, or test=state-owned");
	for (k = 0; reach && k < 3 && strcmp(reach, reaches[k]); k++)
		;
	if (!reach || k == 3)
		return rec_fail(r, e, "rule needs reach=self, subsidiaries or affiliates");
	pr->list = xstrdup(rec_get(r, "list"));
	pr->reach = (enum db_reach)k;
	return 0;
}

/* country=, threshold= and findings= of a state-ownership rule. */
static int parse_state(struct policy_rule *pr, const struct rec *r, struct hw_err *e)
{
	const char *c = rec_get(r, "country"), *th = rec_get(r, "threshold");
	const char *fl = rec_get(r, "findings");
	char *end;
	size_t cap = 0;

	if (rec_get(r, "list") || rec_get(r, "reach") || rec_get(r, "categories") ||
	    rec_get(r, "home"))
		return rec_fail(r, e, "test=state-owned takes no list=, reach=, categories= or home=");
	if (!c || strlen(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z')
		return rec_fail(r, e, "test=state-owned needs country= as two capital letters");
	if (!th || !*th)
		return rec_fail(r, e, "test=state-owned needs threshold= (a percentage)");
	pr->threshold = strtod(th, &end);
	if (*end || !(pr->threshold > 0 && pr->threshold <= 100))
		return rec_fail(r, e, "threshold=%s is not a percentage above 0, at most 100", th);
	pr->country = xstrdup(c);
	for (const char *at = fl ? fl : ""; *at;) {
		size_t n = strcspn(at, ",");
		char *id = xasprintf("%.*s", (int)n, at);

		if (!rec_is_ident(id)) {
			rec_fail(r, e, "bad list id '%s' in findings=", id);
			free(id);
			return -1;
		}
		GROW(pr->findings, cap, pr->nfindings);
		pr->findings[pr->nfindings++] = id;
		at += n + (at[n] == ',');
	}
	return 0;
}

/* country= of a headquarters rule. */
static int parse_hq(struct policy_rule *pr, const struct rec *r, struct hw_err *e)
{
	const char *c = rec_get(r, "country");

	if (rec_get(r, "list") || rec_get(r, "reach") || rec_get(r, "categories") ||
	    rec_get(r, "home") || rec_get(r, "threshold") || rec_get(r, "findings"))
		return rec_fail(r, e, "test=headquartered takes only country= (and unless=)");
	if (!c || strlen(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z')
		return rec_fail(r, e, "test=headquartered needs country= as two capital letters");
	pr->country = xstrdup(c);
	return 0;
}

/* categories= and home= of a country-of-production rule. */
static int parse_produced(struct policy_rule *pr, const struct rec *r, struct hw_err *e)
{
	const char *home = rec_get(r, "home"), *cats = rec_get(r, "categories");
	size_t cap = 0;

	if (rec_get(r, "list") || rec_get(r, "reach") || rec_get(r, "country") ||
	    rec_get(r, "threshold") || rec_get(r, "findings"))
		return rec_fail(r, e, "test=produced-abroad takes only categories= and home=");
	if (!home || strlen(home) != 2 || home[0] < 'A' || home[0] > 'Z' || home[1] < 'A' ||
	    home[1] > 'Z')
		return rec_fail(r, e, "test=produced-abroad needs home= as two capital letters");
	if (!cats || !*cats)
		return rec_fail(r, e, "test=produced-abroad needs categories=");
	for (const char *at = cats; *at;) {
		size_t n = strcspn(at, ",");
		char *c = xasprintf("%.*s", (int)n, at);
		size_t k;

		for (k = 0; purchase_categories[k] && strcmp(purchase_categories[k], c); k++)
			;
		if (!purchase_categories[k]) {
			rec_fail(r, e, "unknown category '%s' (uas, uas-component, consumer-router, "
				       "inverter, robot)", c);
			free(c);
			return -1;
		}
		GROW(pr->categories, cap, pr->ncategories);
		pr->categories[pr->ncategories++] = c;
		at += n + (at[n] == ',');
	}
	pr->country = xstrdup(home);
	return 0;
}

static int rec_rule(struct load *l, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"list",     "reach",      "test",   "country",
					   "threshold", "findings", "categories", "home",
					   "unless",   "roles",     "severity",   "from",   "to",
					   "cite",     "src",       "note",       NULL};
	const char *sev = rec_get(r, "severity"), *test = rec_get(r, "test");
	const char *from = rec_get(r, "from"), *to = rec_get(r, "to");
	struct policy_rule pr = {0};

	if (!l->cur)
		return rec_fail(r, e, "'rule' before 'policy'");
	if (rec_check(r, e, 1, 1, keys) < 0)
		return -1;
	if (!rec_is_ident(r->args[0]))
		return rec_fail(r, e, "bad rule id '%s'", r->args[0]);
	if (test && strcmp(test, "state-owned") && strcmp(test, "produced-abroad") &&
	    strcmp(test, "headquartered"))
		return rec_fail(r, e, "unknown test '%s' (state-owned, produced-abroad, "
				      "headquartered, or list= without test=)", test);
	pr.test = !test				 ? TEST_LIST
		  : !strcmp(test, "state-owned")	 ? TEST_STATE
		  : !strcmp(test, "headquartered") ? TEST_HQ
						 : TEST_PRODUCED;
	if ((pr.test == TEST_STATE	 ? parse_state(&pr, r, e)
	     : pr.test == TEST_PRODUCED ? parse_produced(&pr, r, e)
	     : pr.test == TEST_HQ	 ? parse_hq(&pr, r, e)
					: parse_list(&pr, r, e)) < 0) {
		rule_free(&pr);
		return -1;
	}
	if (!sev || verdict_parse(sev, &pr.severity) < 0 ||
	    !(pr.severity == VERDICT_INFO || pr.severity == VERDICT_REVIEW ||
	      pr.severity == VERDICT_BLOCK)) {
		rule_free(&pr);
		return rec_fail(r, e, "rule needs severity=block, review or info");
	}
	if (!from || !rec_is_date(from) || (to && (!rec_is_date(to) || strcmp(from, to) >= 0)) ||
	    !rec_get(r, "cite")) {
		rule_free(&pr);
		if (!from || !rec_is_date(from))
			return rec_fail(r, e, "rule needs from=YYYY-MM-DD");
		if (to && (!rec_is_date(to) || strcmp(from, to) >= 0))
			return rec_fail(r, e, "to= must be a date after from=");
		return rec_fail(r, e, "rule needs cite= (the provision it enforces)");
	}
	if (pr.test == TEST_PRODUCED && rec_get(r, "roles")) {
		rule_free(&pr);
		return rec_fail(r, e, "test=produced-abroad reaches components, not roles: no roles=");
	}
	if (check_src(l, r, e) < 0 || (pr.test != TEST_PRODUCED && parse_roles(&pr, r, e) < 0)) {
		rule_free(&pr);
		return -1;
	}
	for (size_t i = 0; i < l->cur->nrules; i++)
		if (!strcmp(l->cur->rules[i].id, r->args[0])) {
			rule_free(&pr);
			return rec_fail(r, e, "rule '%s' is defined twice", r->args[0]);
		}
	if (rec_get(r, "unless")) {
		const char *u = rec_get(r, "unless");
		size_t i;

		for (i = 0; i < l->cur->nrules && strcmp(l->cur->rules[i].id, u); i++)
			;
		if ((test && pr.test != TEST_HQ) || i == l->cur->nrules) {
			rule_free(&pr);
			return test && pr.test != TEST_HQ
				       ? rec_fail(r, e, "unless= goes with list= and test=headquartered rules")
				    : rec_fail(r, e, "unless=%s names no earlier rule of '%s'", u,
					       l->cur->id);
		}
		pr.unless = i + 1;
	}
	pr.id = xstrdup(r->args[0]);
	pr.from = xstrdup(from);
	pr.to = xstrdup(to);
	pr.cite = xstrdup(rec_get(r, "cite"));
	GROW(l->cur->rules, l->cur->caprules, l->cur->nrules);
	l->cur->rules[l->cur->nrules++] = pr;
	return 0;
}

static int on_record(void *user, const struct rec *r, struct hw_err *e)
{
	if (!strcmp(r->verb, "policy"))
		return rec_policy(user, r, e);
	if (!strcmp(r->verb, "rule"))
		return rec_rule(user, r, e);
	return rec_fail(r, e, "unknown record '%s' (policy or rule)", r->verb);
}

int policy_load_file(struct policy_set *set, const char *path, const struct db *db,
		     struct hw_err *e)
{
	struct load l = {.set = set, .db = db};

	if (recfile_read(path, on_record, &l, e) < 0)
		return -1;
	if (!l.cur)
		return hw_fail(e, "%s: no 'policy' record", path);
	if (!l.cur->nrules)
		return hw_fail(e, "%s: policy '%s' has no rules", path, l.cur->id);
	return 0;
}

int policy_load(struct policy_set *set, const char *dir, const char *name, const struct db *db,
		struct hw_err *e)
{
	size_t n = strlen(name);
	char *path;
	int rc;

	if (strchr(name, '/') || (n > 7 && !strcmp(name + n - 7, ".policy")))
		return policy_load_file(set, name, db, e);
	if (!rec_is_ident(name))
		return hw_fail(e, "'%s' is neither a policy id nor a .policy file", name);
	path = xasprintf("%s/%s.policy", dir, name);
	rc = policy_load_file(set, path, db, e);
	free(path);
	return rc;
}

int policy_load_dir(struct policy_set *set, const char *dir, const struct db *db,
		    struct hw_err *e)
{
	size_t n;
	char **names = recfile_list_dir(dir, ".policy", &n, e);
	int rc = 0;

	if (!names)
		return hw_prefix(e, "cannot read the policies");
	for (size_t i = 0; i < n; i++) {
		if (!rc)
			rc = policy_load_file(set, names[i], db, e);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* --- profiles ------------------------------------------------------------ */

struct profile_load {
	struct policy_set *set;
	const char *dir;
	const struct db *db;
	int seen; /* the 'profile' record */
};

/* use POLICY [severity=S rules=RULE,...|*]: load a policy, raising or
 * lowering the severity of the rules named. */
static int rec_use(struct profile_load *l, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"severity", "rules", "note", NULL};
	const char *sev = rec_get(r, "severity"), *rules = rec_get(r, "rules");
	enum verdict v = VERDICT_CLEAN;
	struct policy *p;
	struct hw_err inner = {0};

	if (!l->seen)
		return rec_fail(r, e, "'use' before 'profile'");
	if (rec_check(r, e, 1, 1, keys) < 0)
		return -1;
	if (!rec_is_ident(r->args[0]))
		return rec_fail(r, e, "bad policy id '%s'", r->args[0]);
	if (!sev != !rules)
		return rec_fail(r, e, "severity= and rules= go together");
	if (sev && (verdict_parse(sev, &v) < 0 ||
		    !(v == VERDICT_INFO || v == VERDICT_REVIEW || v == VERDICT_BLOCK)))
		return rec_fail(r, e, "severity=block, review or info");
	if (policy_load(l->set, l->dir, r->args[0], l->db, &inner) < 0)
		return rec_fail(r, e, "%s", inner.msg);
	p = &l->set->policies[l->set->npolicies - 1];
	if (!rules)
		return 0;
	if (!strcmp(rules, "*")) {
		for (size_t i = 0; i < p->nrules; i++)
			p->rules[i].severity = v;
		return 0;
	}
	/* every rule named must exist: a typo would silently keep the default */
	for (const char *at = rules; *at;) {
		size_t n = strcspn(at, ","), i;

		for (i = 0; i < p->nrules; i++)
			if (strlen(p->rules[i].id) == n && !strncmp(p->rules[i].id, at, n))
				break;
		if (i == p->nrules)
			return rec_fail(r, e, "policy '%s' has no rule '%.*s'", p->id, (int)n, at);
		p->rules[i].severity = v;
		at += n + (at[n] == ',');
	}
	return 0;
}

static int on_profile_record(void *user, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"title", "note", NULL};
	struct profile_load *l = user;

	if (!strcmp(r->verb, "use"))
		return rec_use(l, r, e);
	if (strcmp(r->verb, "profile"))
		return rec_fail(r, e, "unknown record '%s' (profile or use)", r->verb);
	if (l->seen)
		return rec_fail(r, e, "a second 'profile' record");
	if (rec_check(r, e, 1, 1, keys) < 0)
		return -1;
	if (!rec_get(r, "title"))
		return rec_fail(r, e, "profile needs title=");
	l->seen = 1;
	return 0;
}

int policy_load_profile(struct policy_set *set, const char *dir, const char *name,
			const struct db *db, struct hw_err *e)
{
	struct profile_load l = {.set = set, .dir = dir, .db = db};
	char *path;
	int rc;

	if (!rec_is_ident(name))
		return hw_fail(e, "'%s' is not a profile name", name);
	path = xasprintf("%s/profiles/%s.profile", dir, name);
	rc = recfile_read(path, on_profile_record, &l, e);
	if (!rc && !l.seen)
		rc = hw_fail(e, "%s: no 'profile' record", path);
	free(path);
	return rc;
}

void policy_set_clear(struct policy_set *set)
{
	for (size_t i = 0; i < set->npolicies; i++) {
		struct policy *p = &set->policies[i];

		for (size_t j = 0; j < p->nrules; j++)
			rule_free(&p->rules[j]);
		free(p->rules), free(p->id), free(p->title), free(p->citation);
		free(p->edition), free(p->src);
	}
	free(set->policies);
	memset(set, 0, sizeof *set);
}

int policy_rule_applies(const struct policy_rule *r, const char *date, const char *role)
{
	if (strcmp(r->from, date) > 0 || (r->to && strcmp(date, r->to) >= 0))
		return 0;
	if (r->test == TEST_PRODUCED)
		return !role; /* it reaches components, not the roles in them */
	if (!r->roles || !role)
		return 1;
	for (size_t i = 0; i < r->nroles; i++)
		if (!strcmp(r->roles[i], role))
			return 1;
	return 0;
}
