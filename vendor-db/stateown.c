/* stateown.c - the §516 state-ownership test (stateown.h). */
#include "stateown.h"

#include <string.h>


int db_is_state(const struct db_entity *x, const char *country)
{
	static const char *const kinds[] = {"government", "soe-central", "soe-local", "state-fund",
	                                    NULL};

	if (strcmp(x->country, country))
		return 0;
	for (const char *const *k = kinds; *k; k++)
		if (!strcmp(x->control, *k))
			return 1;
	return 0;
}

static int is_state(const struct db_entity *x, void *country)
{
	return db_is_state(x, country);
}

void db_state_test(const struct db *db, const struct db_entity *x, const char *date,
                   const struct db_state_test *t, struct db_state_result *r)
{
	const struct db_entity *p = x, *top = x;

	memset(r, 0, sizeof *r);
	db_holding(db, x, date, is_state, (void *)t->country, &r->holding);
	/* a tiny tolerance, so that 25% of 40% is 10% */
	if (r->holding.known + 1e-9 >= t->threshold) {
		r->kind = STATE_SHARE;
		return;
	}
	for (int depth = 0; p && depth <= DB_MAX_CHAIN; depth++, p = db_parent(db, p, date)) {
		if (db_is_state(p, t->country)) {
			r->kind = STATE_CONTROL;
			r->entity = p;
			return;
		}
		top = p;
	}
	for (size_t i = 0; i < t->nfindings; i++) {
		const struct db_entity *m;
		const struct db_list *l;

		if (db_covered(db, x, t->findings[i], REACH_SUBSIDIARIES, date, &m, &l) &&
		    !strcmp(m->country, t->country)) {
			r->kind = STATE_FINDING;
			r->entity = m;
			r->entry = l;
			return;
		}
	}
	if (r->holding.unknown) {
		r->kind = STATE_UNKNOWN;
	} else if (!strcmp(top->country, t->country) && !strcmp(top->control, "unknown")) {
		r->kind = STATE_UNKNOWN;
		r->entity = top;
	}
}

void db_state_result_free(struct db_state_result *r)
{
	db_holding_free(&r->holding);
}
