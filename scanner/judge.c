/* judge.c - findings and verdicts (see judge.h). */
#include "judge.h"

#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../output/roles.h"

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
		int covered;
		const struct db_entity *member;
		const struct db_list *entry;
		char *reason; /* why it is covered, made once */
	} slot[MEMO_SIZE];
};

static void memo_free(struct memo *m)
{
	for (size_t i = 0; i < MEMO_SIZE; i++)
		free(m->slot[i].reason);
	free(m);
}

/* Why x is covered by r: the same words for every component it makes. */
static char *why(const struct db_entity *x, const struct policy_rule *r,
		 const struct db_entity *member, const struct db_list *entry)
{
	if (member == x)
		return xasprintf("%s is on list %s since %s (%s)", x->id, r->list, entry->from,
				 r->cite);
	return xasprintf("%s is tied to %s, on list %s since %s; the rule reaches %s (%s)", x->id,
			 member->id, r->list, entry->from,
			 r->reach == REACH_AFFILIATES ? "affiliates" : "subsidiaries", r->cite);
}

/* Whether x is covered by r, and if so why (*reason: the memo's, or a new
 * string in *owned when the memo is full). */
static int covered(struct memo *m, const struct db *db, const struct db_entity *x,
		   const struct policy_rule *r, const char *as_of, const char **reason,
		   char **owned)
{
	size_t h = ((size_t)x / sizeof *x * 31 + (size_t)r / sizeof *r) % MEMO_SIZE;
	const struct db_entity *member;
	const struct db_list *entry;

	*owned = NULL;
	for (size_t k = 0; k < MEMO_SIZE; k++, h = (h + 1) % MEMO_SIZE) {
		struct memo_slot *s = &m->slot[h];

		if (!s->x) {
			s->x = x, s->r = r;
			s->covered = db_covered(db, x, r->list, r->reach, as_of, &s->member, &s->entry);
			if (s->covered)
				s->reason = why(x, r, s->member, s->entry);
		}
		if (s->x == x && s->r == r) {
			*reason = s->reason;
			return s->covered;
		}
	}
	if (!db_covered(db, x, r->list, r->reach, as_of, &member, &entry)) /* full */
		return 0;
	*reason = *owned = why(x, r, member, entry);
	return 1;
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

	if (!a->entity) {
		/* a rule needs this entity and the database cannot name it */
		if (!c->unknown_reason) {
			reason = xasprintf("%s %s (%s) is not in the origin database", a->role,
					   a->key, a->name ? a->name : "no name");
			bom_set(&c->unknown_reason, reason);
			free(reason);
		}
		c->verdict = worse(c->verdict, VERDICT_UNKNOWN);
		return;
	}
	x = db_entity(db, a->entity);
	if (!x || !covered(m, db, x, r, as_of, &why_covered, &owned))
		return;
	f = bom_add_finding(c, r->severity, p->id, r->id, a->role, x->id, why_covered);
	free(owned);
	if (waive(f, c, waivers, as_of))
		c->verdict = worse(c->verdict, r->severity);
}

static int role_covered(const struct bom *b, const char *role)
{
	const struct role *r = role_find(role);

	for (const char *const *s = r ? r->sources : NULL; s && *s; s++) {
		const struct bom_coverage *cv = bom_get_coverage(b, *s);

		/* partial: some fields unreadable (serials), the names seen */
		if (cv && (!strcmp(cv->state, "read") || !strcmp(cv->state, "absent") ||
			   !strcmp(cv->state, "partial")))
			return 1;
	}
	return 0;
}

/* Roles some rule in force needs but no source read could witness. */
static void judge_coverage(struct bom *b, const struct policy_set *set)
{
	for (const struct role *role = roles; role->name; role++) {
		int needed = 0;

		for (size_t i = 0; i < set->npolicies && !needed; i++)
			for (size_t j = 0; j < set->policies[i].nrules && !needed; j++)
				needed = policy_rule_applies(&set->policies[i].rules[j], b->as_of,
							     role->name);
		if (needed && !role_covered(b, role->name)) {
			bom_add_prop(b, "hwbom:unseen", role->name);
			b->verdict = worse(b->verdict, VERDICT_UNKNOWN);
		}
	}
}

void judge_bom(struct bom *b, const struct db *db, const struct policy_set *set,
	       const struct waiver_set *waivers)
{
	struct memo *m = xcalloc(1, sizeof *m);

	b->verdict = VERDICT_CLEAN;
	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *c = b->components[i];

		c->verdict = VERDICT_CLEAN;
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
