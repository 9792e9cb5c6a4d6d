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

static void judge_attr(struct bom_component *c, const struct bom_attr *a, const struct db *db,
		       const struct policy *p, const struct policy_rule *r, const char *as_of)
{
	const struct db_entity *x, *member;
	const struct db_list *entry;
	char *reason;

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
	if (!x || !db_covered(db, x, r->list, r->reach, as_of, &member, &entry))
		return;
	if (member == x)
		reason = xasprintf("%s is on list %s since %s (%s)", x->id, r->list, entry->from,
				   r->cite);
	else
		reason = xasprintf("%s is tied to %s, on list %s since %s; the rule reaches %s (%s)",
				   x->id, member->id, r->list, entry->from,
				   r->reach == REACH_AFFILIATES ? "affiliates" : "subsidiaries",
				   r->cite);
	bom_add_finding(c, r->severity, p->id, r->id, a->role, x->id, reason);
	free(reason);
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

void judge_bom(struct bom *b, const struct db *db, const struct policy_set *set)
{
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
							   b->as_of);
			}
		b->verdict = worse(b->verdict, c->verdict);
	}
	judge_coverage(b, set);
}
