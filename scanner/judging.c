/* judging.c - the judgement options and their loading (see judging.h). */
#include "judging.h"

#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../probes/net/oui.h"
#include "hwbom.h"
#include "judge.h"
#include "resolve.h"

const char judging_help[] =
	"  --policy ID|FILE    apply this policy (repeatable; default: every policy\n"
	"                      in DATADIR/policies)\n"
	"  --profile NAME      apply the policies of a profile (DATADIR/policies/\n"
	"                      profiles: us-federal, dod, cjs)\n"
	"  --as-of DATE        judge as of DATE, YYYY-MM-DD (default: today, UTC)\n"
	"  --db-overlay FILE   local database records; they replace shipped ones of the\n"
	"                      same name or key\n"
	"  --waivers FILE      exceptions: findings a waiver in force names are kept,\n"
	"                      marked waived, and do not count\n"
	"  --datadir DIR       database and policies (default " HWBOM_DATADIR ",\n"
	"                      or vendor-db/ beside an uninstalled hwbom)\n"
	"  --fail-on LEVEL     exit 1 when a verdict reaches LEVEL: block (default),\n"
	"                      review, unknown, info or never\n"
	"  --declaration FILE  a purchase declaration: the country of production and\n"
	"                      category it declares of the components it matches feed\n"
	"                      the country-of-production rules (FCC Covered List)\n";

void judging_init(struct judging *j)
{
	memset(j, 0, sizeof *j);
	j->fail_on = VERDICT_BLOCK;
}

int judging_opt(struct judging *j, int code, const char *arg)
{
	enum verdict level;

	switch (code) {
	case J_POLICY:
		if (j->npolicies == MAX_POLICIES) {
			msg_error("at most %d --policy options", MAX_POLICIES);
			return -1;
		}
		j->policies[j->npolicies++] = arg;
		return 0;
	case J_PROFILE: j->profile = arg; return 0;
	case J_ASOF: return as_of_arg(arg, &j->as_of);
	case J_OVERLAY: j->overlay = arg; return 0;
	case J_WAIVERS: j->waivers = arg; return 0;
	case J_DATADIR: j->datadir = arg; return 0;
	case J_DECLARATION: j->declaration = arg; return 0;
	case J_FAILON:
		if (!strcmp(arg, "never")) {
			j->fail_on = FAIL_NEVER;
		} else if (verdict_parse(arg, &level) < 0 || level < VERDICT_INFO) {
			msg_error("--fail-on %s: use block, review, unknown, info or never", arg);
			return -1;
		} else {
			j->fail_on = (int)level;
		}
		return 0;
	}
	return -1;
}

int judging_check(struct judging *j)
{
	if (j->profile && j->npolicies) {
		msg_error("--profile and --policy: give one or the other");
		return -1;
	}
	if (!j->datadir)
		j->datadir = default_datadir();
	return 0;
}

int judging_load(struct judging *j, struct hw_err *e)
{
	char *dir;
	int rc = 0;

	j->db = db_new();
	if (load_db(j->datadir, j->overlay, j->db, e) < 0)
		return -1;
	if (j->waivers && waiver_load(&j->waiver_set, j->waivers, e) < 0)
		return -1;
	if (j->declaration && purchase_read(j->declaration, &j->purchase, e) < 0)
		return -1;
	dir = xasprintf("%s/policies", j->datadir);
	if (j->profile)
		rc = policy_load_profile(&j->set, dir, j->profile, j->db, e);
	else if (!j->npolicies)
		rc = policy_load_dir(&j->set, dir, j->db, e);
	for (size_t i = 0; !rc && i < j->npolicies; i++)
		rc = policy_load(&j->set, dir, j->policies[i], j->db, e);
	free(dir);
	if (!rc && !j->set.npolicies)
		rc = hw_fail(e, "no policy to judge with");
	return rc;
}

void judging_clear(struct judging *j)
{
	policy_set_clear(&j->set);
	waiver_set_clear(&j->waiver_set);
	purchase_clear(&j->purchase);
	db_free(j->db);
	j->db = NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether a component of b is declared of one of r's categories. */
static int declared_in(const struct bom *b, const struct policy_rule *r)
{
	for (size_t i = 0; i < b->ncomponents; i++) {
		const char *cat = bom_get_cprop(b->components[i], "declared.category");

		for (size_t k = 0; cat && k < r->ncategories; k++)
			if (!strcmp(cat, r->categories[k]))
				return 1;
	}
	return 0;
}

/* Say in the BOM what judged it: database, policies, and every source an
 * attribution rests on (sorted, once each). */
static void add_provenance(struct bom *b, const struct db *db, const struct policy_set *set)
{
	char **ids = NULL;
	size_t n = 0, cap = 0;

	bom_add_prop(b, "hwbom:db:fingerprint", db_fingerprint(db));
	for (size_t i = 0; i < set->npolicies; i++) {
		const struct policy *p = &set->policies[i];
		char *v = xasprintf("%s %s", p->id, p->edition);
		struct bom_policy *bp = bom_add_policy(b, p->id, p->title, p->citation, p->edition);

		bom_add_prop(b, "hwbom:policy", v);
		free(v);
		for (size_t k = 0; k < p->nrules; k++)
			bom_add_rule(bp, p->rules[k].id, p->rules[k].cite,
				     policy_rule_applies(&p->rules[k], b->as_of, NULL));
		for (size_t k = 0; k < p->nrules; k++)
			if (p->rules[k].test == TEST_PRODUCED)
				bp->rules[k].blind = !declared_in(b, &p->rules[k]);
	}
	for (size_t i = 0; i < b->ncomponents; i++)
		for (size_t k = 0; k < b->components[i]->nattrs; k++) {
			const char *src = b->components[i]->attrs[k].source;
			char *copy, *tok, *save;

			if (!src)
				continue;
			copy = xstrdup(src);
			for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
				GROW(ids, cap, n);
				ids[n++] = xstrdup(tok);
			}
			free(copy);
		}
	if (n > 1)
		qsort(ids, n, sizeof *ids, cmp_str);
	for (size_t i = 0; i < n; i++) {
		const struct db_source *s = db_source(db, ids[i]);

		if (s && (i == 0 || strcmp(ids[i], ids[i - 1]))) {
			char *name = xasprintf("hwbom:source:%s", s->id);
			char *v = xasprintf("%s (%s)%s%s", s->title, s->date, s->url ? " " : "",
					    s->url ? s->url : "");

			bom_add_prop(b, name, v);
			free(name), free(v);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/* A BOM another tool wrote gives a NIC's MAC address, not its registrant
 * (foreign_map.c): look it up in the IEEE registries, as the net probe
 * does, so that the registrant can be attributed. A registry that cannot
 * be read leaves the registrant unknown. */
static void foreign_oui(struct bom *b)
{
	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *c = b->components[i];
		const char *mac = bom_id_value(c, "mac");
		struct oui_hit hit;
		struct hw_err e = {0};

		if (!mac || !bom_get_cprop(c, "foreign.ref") || bom_get_cprop(c, "oui.registry"))
			continue;
		for (size_t k = 0; k < c->nids; k++)
			if (!strcmp(c->ids[k].ns, "oui") && !c->ids[k].name &&
			    oui_lookup(HWBOM_IEEE_DIR, mac, &hit, &e) == 1) {
				for (char *p = hit.prefix; *p; p++)
					*p = (char)(*p >= 'A' && *p <= 'F' ? *p - 'A' + 'a' : *p);
				bom_set(&c->ids[k].value, hit.prefix);
				bom_set(&c->ids[k].name, hit.org);
				bom_add_cprop(c, "oui.registry", hit.registry);
				if (*hit.country)
					bom_add_cprop(c, "oui.country", hit.country);
			}
		hw_err_clear(&e);
	}
}

void judging_apply(const struct judging *j, struct bom *b)
{
	foreign_oui(b);
	resolve_bom(b, j->db, b->as_of);
	if (j->purchase.nitems) {
		/* after resolving: an item may name its maker as an entity */
		unsigned *got = xcalloc(j->purchase.nitems, sizeof *got);

		free(purchase_match(&j->purchase, b, got));
		free(got);
	}
	judge_bom(b, j->db, &j->set, &j->waiver_set);
	add_provenance(b, j->db, &j->set);
	if (j->profile)
		bom_add_prop(b, "hwbom:profile", j->profile);
}

int judging_status(const struct judging *j, const struct bom *b)
{
	return j->fail_on != FAIL_NEVER && (int)b->verdict >= j->fail_on ? EXIT_FOUND : 0;
}
