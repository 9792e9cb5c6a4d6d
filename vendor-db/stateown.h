/* stateown.h - the state-ownership test of P.L. 113-6 §516 ("owned,
 * directed or subsidized by" a state), on the database's facts: is an
 * entity owned or directed by the state of a country on a date?
 *
 * It is, in this order of evidence:
 *  (a) share: the state's entities (entities of that country whose control
 *      kind is government, soe-central, soe-local or state-fund) hold at
 *      least the threshold of it, looked through over every ownership path
 *      (holding.h);
 *  (b) control: its chain of control (db_controller()) passes through such
 *      an entity, or it is one;
 *  (c) finding: it, or an entity that controls it, is a member of that
 *      country on one of the given lists (official findings of state
 *      affiliation, such as the DoD 1260H list).
 * When none holds, the answer is unknown if a share on a path to a state
 * entity is not known, or if its ultimate controller is of that country
 * with control kind "unknown"; otherwise no. */
#ifndef HWBOM_STATEOWN_H
#define HWBOM_STATEOWN_H

#include "db.h"
#include "holding.h"

struct db_state_test {
	const char *country;   /* ISO 3166-1 alpha-2 of the state */
	double threshold;      /* percent, for (a) */
	char *const *findings; /* list ids for (c) */
	size_t nfindings;
};

enum db_state_kind {
	STATE_NO,
	STATE_SHARE,
	STATE_CONTROL,
	STATE_FINDING,
	STATE_UNKNOWN,
};

struct db_state_result {
	enum db_state_kind kind;
	struct db_holding holding; /* what the state's entities hold, always */
	/* STATE_CONTROL: the state entity in the chain of control; STATE_FINDING:
	 * the listed member; STATE_UNKNOWN: the controller whose control is
	 * unknown, or NULL when a share is */
	const struct db_entity *entity;
	const struct db_list *entry; /* STATE_FINDING: the membership */
};

/* Whether x is an entity of the state of country (its country, and a
 * control kind of a state body or a state-owned company). */
int db_is_state(const struct db_entity *x, const char *country);

/* Apply test t to x on date. Free r with db_state_result_free(). */
void db_state_test(const struct db *db, const struct db_entity *x, const char *date,
                   const struct db_state_test *t, struct db_state_result *r);
void db_state_result_free(struct db_state_result *r);

#endif
