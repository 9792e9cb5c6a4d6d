/* judge.c - findings and verdicts (see judge.h). */
#include "judge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../output/roles.h"
#include "../vendor-db/match.h"
#include "../vendor-db/names.h"
#include "../vendor-db/stateown.h"
#include "unseen.h"
#include "resolve.h"

static enum verdict worse(enum verdict a, enum verdict b)
{
	return a > b ? a : b;
}

/* Whether an entity is covered depends only on the entity and the rule (the
 * date is the BOM's): a machine with thousands of components asks about a
 * few dozen entities, so the answers are kept. */
#define MEMO_SIZE 1024

struct memo {
	struct memo_slot {
		const struct db_entity *x;
		const struct policy_rule *r;
		int covered;  /* 1 covered, 0 not, -1 unknown */
		char *reason; /* why it is covered or unknown, made once */
	} slot[MEMO_SIZE];
};

static void memo_free(struct memo *m)
{
	for (size_t i = 0; i < MEMO_SIZE; i++)
		free(m->slot[i].reason);
	free(m);
}

/* "x <- parent 51% [src] <- ..." up its chain of control on date, to
 * member or top, whichever comes first (or to its controller); *reached
 * is the entity it ends on. Free with free(). */
static char *chain(const struct db *db, const struct db_entity *x,
		   const struct db_entity *member, const struct db_entity *top, const char *date,
		   const struct db_entity **reached)
{
	char *s = xstrdup(x->id), *t;
	const struct db_owner *o;

	for (int depth = 0; depth < 16 && x != top && x != member && (o = db_parent_edge(db, x, date));
	     depth++) {
		char share[32];

		if (o->share >= 0)
			snprintf(share, sizeof share, " %g%%", o->share);
		else
			share[0] = '\0';
		t = xasprintf("%s <- %s%s [%s]", s, o->parent, share, o->fact.src ? o->fact.src : "");
		free(s);
		s = t;
		if (!(x = db_entity(db, o->parent)))
			break;
	}
	*reached = x;
	return s;
}

/* Why x is covered by r: the same words for every component it makes. The
 * evidence: the list entry and its source, and for coverage through
 * ownership, the chains of control that tie x to the member. */
static char *why(const struct db *db, const struct db_entity *x, const struct policy_rule *r,
		 const char *as_of, const struct db_entity *member, const struct db_list *entry)
{
	const char *src = entry->fact.src ? entry->fact.src : "";
	const struct db_entity *top, *reached, *ignored;
	char *mine, *theirs = NULL, *s;

	if (member == x)
		return xasprintf("%s is on list %s since %s [%s] (%s)", x->id, r->list, entry->from,
				 src, r->cite);
	top = db_controller(db, member, as_of);
	mine = chain(db, x, member, top, as_of, &reached);
	/* an affiliate: the member's own chain up to the controller they share */
	if (reached != member)
		theirs = chain(db, member, NULL, top, as_of, &ignored);
	s = xasprintf("%s%s%s; %s is on list %s since %s [%s]; the rule reaches %s (%s)", mine,
		      theirs ? "; " : "", theirs ? theirs : "", member->id, r->list, entry->from, src,
		      r->reach == REACH_AFFILIATES ? "affiliates" : "subsidiaries", r->cite);
	free(mine), free(theirs);
	return s;
}

/* Whether x is covered by the list rule r; *reason is why. */
static int list_test(const struct db *db, const struct db_entity *x,
		     const struct policy_rule *r, const char *as_of, char **reason)
{
	const struct db_entity *member;
	const struct db_list *entry;

	if (!db_covered(db, x, r->list, r->reach, as_of, &member, &entry))
		return 0;
	*reason = why(db, x, r, as_of, member, entry);
	return 1;
}

/* list, with the ids of the comma-separated more not yet in it. */
static char *add_sources(char *list, const char *more)
{
	char *copy = xstrdup(more), *tok, *save;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t n = strlen(tok);
		const char *at = list;
		char *t;

		while ((at = strstr(at, tok)) &&
		       !((at == list || at[-1] == ',') && (at[n] == ',' || !at[n])))
			at += n;
		if (at)
			continue;
		t = xasprintf("%s%s%s", list, *list ? "," : "", tok);
		free(list);
		list = t;
	}
	free(copy);
	return list;
}

/* The paths of a holding for a reason: the first few, each with its share,
 * and the sources of their edges. */
static char *holding_text(const struct db_holding *h, const struct db_entity *x)
{
	enum { SHOWN = 4 };
	char *s = xstrdup(""), *src = xstrdup(""), *t;

	for (size_t i = 0; i < h->npaths && i < SHOWN; i++) {
		char *p = db_holding_path_text(&h->paths[i], x->id);

		if (h->paths[i].share < 0)
			t = xasprintf("%s%s%s = ?", s, i ? "; " : "", p);
		else
			t = xasprintf("%s%s%s = %.4g%%", s, i ? "; " : "", p, h->paths[i].share);
		free(p), free(s);
		s = t;
		for (size_t k = 0; k < h->paths[i].nedges; k++)
			src = add_sources(src, h->paths[i].edges[k]->fact.src);
	}
	if (h->npaths > SHOWN) {
		t = xasprintf("%s; and %zu more paths", s, h->npaths - SHOWN);
		free(s);
		s = t;
	}
	if (h->gave_up) {
		t = xasprintf("%s; more than %d paths, not all listed", s, DB_HOLDING_MAX_PATHS);
		free(s);
		s = t;
	}
	t = *src ? xasprintf("%s [%s]", s, src) : xstrdup(s);
	free(s), free(src);
	return t;
}

/* Whether x passes the state-ownership rule r (stateown.h): 1, 0, or -1
 * when the database cannot say; *reason is why (not for 0). */
static int state_test(const struct db *db, const struct db_entity *x,
		      const struct policy_rule *r, const char *as_of, char **reason)
{
	struct db_state_test t = {r->country, r->threshold, r->findings, r->nfindings};
	struct db_state_result res;
	char *paths;
	int rc = 1;

	db_state_test(db, x, as_of, &t, &res);
	switch (res.kind) {
	case STATE_SHARE:
		paths = holding_text(&res.holding, x);
		*reason = xasprintf("%s state share %.4g%% on %s (at least %g%%): %s (%s)", r->country,
				    res.holding.known, as_of, r->threshold, paths, r->cite);
		free(paths);
		break;
	case STATE_CONTROL:
		if (res.entity == x)
			*reason = xasprintf("%s is a %s state entity (control %s) [%s] (%s)", x->id,
					    r->country, x->control, x->fact.src, r->cite);
		else
			*reason = xasprintf("%s is controlled by %s, a %s state entity (control %s) "
					    "[%s] (%s)",
					    x->id, res.entity->id, r->country, res.entity->control,
					    res.entity->fact.src, r->cite);
		break;
	case STATE_FINDING:
		*reason = xasprintf("%s%s%s is on list %s since %s, a finding of %s state "
				    "affiliation [%s] (%s)",
				    x->id, res.entity == x ? "" : ", controlled by ",
				    res.entity == x ? "" : res.entity->id, res.entry->list,
				    res.entry->from, r->country, res.entry->fact.src, r->cite);
		break;
	case STATE_LARGEST:
		paths = db_state_chain_text(db, x, &res.chain, as_of);
		*reason = xasprintf("%s's chain of largest holders ends in %s, a %s state entity "
				    "(control %s): %s [%s] (%s)",
				    x->id, res.entity->id, r->country, res.entity->control, paths,
				    res.entity->fact.src, r->cite);
		free(paths);
		break;
	case STATE_UNKNOWN:
		rc = -1;
		if (res.entity) {
			*reason = xasprintf("%s%s (%s) has control kind unknown: its state "
					    "ownership cannot be judged [%s] (%s)",
					    res.entity == x ? "" : "its ultimate controller ",
					    res.entity->id, res.entity->country, res.entity->fact.src,
					    r->cite);
		} else {
			paths = holding_text(&res.holding, x);
			*reason = xasprintf("%s state share on %s not known (%.4g%% known, at "
					    "least %g%% needed): %s (%s)",
					    r->country, as_of, res.holding.known, r->threshold, paths,
					    r->cite);
			free(paths);
		}
		break;
	case STATE_NO:
		rc = 0;
		break;
	}
	db_state_result_free(&res);
	return rc;
}

/* test=headquartered: whether x's headquarters are in the rule's country. */
static int headquartered_test(const struct db_entity *x, const struct policy_rule *r,
			      char **reason)
{
	if (strcmp(x->country, r->country))
		return 0;
	*reason = xasprintf("%s is headquartered in %s [%s] (%s)", x->id, x->country, x->fact.src,
			    r->cite);
	return 1;
}

static int evaluate(const struct db *db, const struct db_entity *x,
		    const struct policy_rule *r, const char *as_of, char **reason)
{
	*reason = NULL;
	return r->test == TEST_STATE  ? state_test(db, x, r, as_of, reason)
	       : r->test == TEST_HQ ? headquartered_test(x, r, reason)
				     : list_test(db, x, r, as_of, reason);
}

/* Whether x is covered by r (1, 0, -1 unknown), and if so why (*reason:
 * the memo's, or a new string in *owned when the memo is full). */
static int covered(struct memo *m, const struct db *db, const struct db_entity *x,
		   const struct policy_rule *r, const char *as_of, const char **reason,
		   char **owned)
{
	size_t h = ((size_t)x / sizeof *x * 31 + (size_t)r / sizeof *r) % MEMO_SIZE;
	int rc;

	*owned = NULL;
	for (size_t k = 0; k < MEMO_SIZE; k++, h = (h + 1) % MEMO_SIZE) {
		struct memo_slot *s = &m->slot[h];

		if (!s->x) {
			s->x = x, s->r = r;
			s->covered = evaluate(db, x, r, as_of, &s->reason);
		}
		if (s->x == x && s->r == r) {
			*reason = s->reason;
			return s->covered;
		}
	}
	rc = evaluate(db, x, r, as_of, owned); /* full */
	*reason = *owned;
	return rc;
}

/* Apply a waiver to the finding f just made; whether it still counts. */
static int waive(struct bom_finding *f, const struct bom_component *c,
		 const struct waiver_set *waivers, const char *as_of)
{
	char *ref = bom_ref(c), *note;
	int expired;
	const struct waiver *w = waiver_find(waivers, f->policy, f->rule, f->entity, ref, as_of,
					     &expired);

	free(ref);
	if (!w)
		return 1;
	if (expired)
		note = xasprintf("waiver %s (%s, approved by %s) expired on %s", w->id, w->ref,
				 w->approved_by, w->expires);
	else
		note = xasprintf("waived by %s (%s, approved by %s on %s%s%s)", w->id, w->ref,
				 w->approved_by, w->date, w->expires ? ", until " : "",
				 w->expires ? w->expires : "");
	bom_set(&f->waiver, note);
	f->waived = !expired;
	free(note);
	return expired;
}

static void judge_attr(struct bom_component *c, const struct bom_attr *a, const struct db *db,
		       const struct policy *p, const struct policy_rule *r, const char *as_of,
		       struct memo *m, const struct waiver_set *waivers)
{
	const struct db_entity *x;
	struct bom_finding *f;
	const char *why_covered;
	char *reason, *owned;
	int rc;

	if (!a->entity && a->key && !strcmp(a->key, "none") &&
	    (!strcmp(a->role, "card-assembler") || !strcmp(a->role, "tpm-maker"))) {
		/* the part was read, but not what would name this role (lspci
		 * text without subsystems, a TPM that did not say): unseen, not
		 * unknown */
		bom_add_cunseen(c, a->role);
		return;
	}
	if (!a->entity) {
		/* a rule needs this entity and the database cannot name it */
		if (!c->unknown_reason) {
			/* key "none": no identifier was read at all (resolve.c) */
			const char *v = a->key ? strchr(a->key, ':') : NULL;
			struct db_match nm = {0};

			if (!a->name && v)
				db_match_name(db, v + 1, &nm);
			/* a placeholder, a shared name or an empty JEDEC id names
			 * nobody: it is no gap of the database */
			reason = a->key && !strcmp(a->key, "none")
					 ? xasprintf("%s not known: no identifier of its maker was read",
						     a->role)
				 : nm.how == MATCH_PLACEHOLDER || nm.how == MATCH_SHARED
					 ? xasprintf("%s not known: %s is %s", a->role, a->key,
						     db_match_how_text(nm.how))
				 : a->name && resolve_names_nobody(a->name)
					 ? xasprintf("%s not known: %s is %s", a->role, a->key, a->name)
					 : xasprintf("%s %s (%s) is not in the origin database", a->role,
						     a->key, a->name ? a->name : "no name");
			bom_set(&c->unknown_reason, reason);
			free(reason);
		}
		c->verdict = worse(c->verdict, VERDICT_UNKNOWN);
		return;
	}
	x = db_entity(db, a->entity);
	if (!x)
		return;
	if (r->unless) {
		/* a finding or an unknown answer of the other rule silences this one */
		rc = covered(m, db, x, &p->rules[r->unless - 1], as_of, &why_covered, &owned);
		free(owned);
		if (rc)
			return;
	}
	if (!(rc = covered(m, db, x, r, as_of, &why_covered, &owned)))
		return;
	if (rc < 0) {
		/* the rule needs a fact the database does not have */
		if (!c->unknown_reason) {
			reason = xasprintf("%s/%s: %s", p->id, r->id, why_covered);
			bom_set(&c->unknown_reason, reason);
			free(reason);
		}
		free(owned);
		c->verdict = worse(c->verdict, VERDICT_UNKNOWN);
		return;
	}
	f = bom_add_finding(c, r->severity, p->id, r->id, a->role, x->id, why_covered);
	free(owned);
	if (waive(f, c, waivers, as_of))
		c->verdict = worse(c->verdict, r->severity);
}

static int role_covered(const struct bom *b, const char *role)
{
	const struct role *r = role_find(role);
	const struct bom_coverage *unseen = bom_get_coverage(b, role);

	/* a source that read but could not show this role (lshw without PCI
	 * subsystem ids: the card assembler) records the role as unseen */
	if (unseen && !strcmp(unseen->state, "unseen"))
		return 0;
	for (const char *const *s = r ? r->sources : NULL; s && *s; s++) {
		const struct bom_coverage *cv = bom_get_coverage(b, *s);

		/* partial: some fields unreadable (serials), the names seen */
		if (cv && (!strcmp(cv->state, "read") || !strcmp(cv->state, "absent") ||
			   !strcmp(cv->state, "partial")))
			return 1;
	}
	return 0;
}

static int role_needed(const struct policy_set *set, const char *as_of, const char *role)
{
	for (size_t i = 0; i < set->npolicies; i++)
		for (size_t j = 0; j < set->policies[i].nrules; j++)
			if (policy_rule_applies(&set->policies[i].rules[j], as_of, role))
				return 1;
	return 0;
}

/* Roles a part of its kind has that only some sources show: a memory
 * module's DRAM die maker (SPD EEPROMs). */
static void judge_part_coverage(struct bom_component *c, const struct policy_set *set,
				const char *as_of)
{
	if (!strcmp(c->kind, "memory") && !bom_find_attr(c, "die-maker") &&
	    role_needed(set, as_of, "die-maker"))
		bom_add_cunseen(c, "die-maker");
}

static void add_unseen(struct bom *b, const char *role, const struct bom_component *c)
{
	struct unseen_why w;

	unseen_explain(b, role, c, &w);
	bom_add_unseen(b, role, w.reason, w.detail, w.collect);
	free(w.detail);
}

/* The machine's coverage: each role some rule in force reaches that a part
 * that was read lacks, or that no source read could show. It is not the
 * verdict: what was not seen is said apart from what was found. */
static void judge_coverage(struct bom *b, const struct policy_set *set)
{
	for (const struct role *role = roles; role->name; role++) {
		const struct bom_component *lacking = NULL;
		int shown = 0;

		if (!role_needed(set, b->as_of, role->name))
			continue;
		for (size_t i = 0; i < b->ncomponents && !lacking; i++) {
			const struct bom_component *c = b->components[i];

			if (bom_cunseen(c, role->name))
				lacking = c;
			else if (bom_find_attr(c, role->name))
				shown = 1;
		}
		if (lacking)
			add_unseen(b, role->name, lacking);
		else if (!shown && !role_covered(b, role->name))
			add_unseen(b, role->name, NULL);
	}
}

/* A rule on where a component was produced (the FCC Covered List's
 * category entries): it reaches the components a purchase declaration
 * places in one of its categories (declared.category); produced outside
 * its home country, they are covered; with no declared country, unknown. */
static void judge_produced(struct bom_component *c, const struct policy *p,
			   const struct policy_rule *r, const char *as_of,
			   const struct waiver_set *waivers)
{
	const char *cat = bom_get_cprop(c, "declared.category");
	const char *where = bom_get_cprop(c, "declared.country-of-production");
	struct bom_finding *f;
	char *why;
	size_t k;

	for (k = 0; cat && k < r->ncategories && strcmp(r->categories[k], cat); k++)
		;
	if (!cat || k == r->ncategories)
		return;
	if (!where) {
		if (!c->unknown_reason) {
			why = xasprintf("%s/%s: declared a %s, with no country of production", p->id,
					r->id, cat);
			bom_set(&c->unknown_reason, why);
			free(why);
		}
		c->verdict = worse(c->verdict, VERDICT_UNKNOWN);
		return;
	}
	if (!strcmp(where, r->country))
		return;
	why = xasprintf("declared a %s produced in %s, not %s (%s)", cat, where, r->country, r->cite);
	f = bom_add_finding(c, r->severity, p->id, r->id, "produced-in", where, why);
	free(why);
	if (waive(f, c, waivers, as_of))
		c->verdict = worse(c->verdict, r->severity);
}

void judge_bom(struct bom *b, const struct db *db, const struct policy_set *set,
	       const struct waiver_set *waivers)
{
	struct memo *m = xcalloc(1, sizeof *m);

	b->verdict = VERDICT_CLEAN;
	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *c = b->components[i];

		c->verdict = VERDICT_CLEAN;
		judge_part_coverage(c, set, b->as_of);
		for (size_t pi = 0; pi < set->npolicies; pi++)
			for (size_t ri = 0; ri < set->policies[pi].nrules; ri++) {
				const struct policy_rule *r = &set->policies[pi].rules[ri];

				if (r->test == TEST_PRODUCED && policy_rule_applies(r, b->as_of, NULL))
					judge_produced(c, &set->policies[pi], r, b->as_of, waivers);
			}
		for (size_t k = 0; k < c->nattrs; k++)
			for (size_t pi = 0; pi < set->npolicies; pi++) {
				const struct policy *p = &set->policies[pi];

				for (size_t ri = 0; ri < p->nrules; ri++)
					if (policy_rule_applies(&p->rules[ri], b->as_of,
								c->attrs[k].role))
						judge_attr(c, &c->attrs[k], db, p, &p->rules[ri],
							   b->as_of, m, waivers);
			}
		b->verdict = worse(b->verdict, c->verdict);
	}
	judge_coverage(b, set);
	memo_free(m);
}
