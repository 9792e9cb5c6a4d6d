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
 *      affiliation, such as the DoD 1260H list);
 *  (d) largest holder: its largest holder, followed up the chain of
 *      largest holders (each entity's active owner edge with the largest
 *      known share, any size; control=yes edges count as the largest),
 *      ends in such an entity: how a company is usually described as
 *      state-directed (Lenovo <- Legend Holdings 32% <- CAS Holdings 29%).
 *      A tie for the largest share is followed only if every tied holder
 *      is a state entity (then the chain ends there); otherwise the chain
 *      stops at the tie, which is said (db_state_result.tie). The chain
 *      ends at an entity with no owner of known share (a private or
 *      widely held top): then (d) does not hold.
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
	STATE_LARGEST,
	STATE_UNKNOWN,
};

#define DB_STATE_CHAIN_MAX 16

/* The chain of largest holders: edges[0] is x's largest holder's edge. */
struct db_state_chain {
	const struct db_owner *edges[DB_STATE_CHAIN_MAX];
	size_t nedges;
	int tie; /* the chain stopped at two or more holders of the same share */
};

struct db_state_result {
	enum db_state_kind kind;
	struct db_holding holding; /* what the state's entities hold, always */
	/* STATE_CONTROL: the state entity in the chain of control; STATE_FINDING:
	 * the listed member; STATE_UNKNOWN: the controller whose control is
	 * unknown, or NULL when a share is */
	const struct db_entity *entity;
	const struct db_list *entry; /* STATE_FINDING: the membership */
	struct db_state_chain chain;  /* (d), whatever the result */
};

/* The chain of largest holders of x on date (see (d) above), stopping at
 * a state entity of country (country may be NULL: to the top). */
void db_largest_chain(const struct db *db, const struct db_entity *x, const char *date,
                      const char *country, struct db_state_chain *out);
/* The chain for people: "lenovo <- legend-holdings 32.34% <- cas-holdings
 * 29.1%" (a tie adds "(tie at N% ...)"). Free with free(). */
char *db_state_chain_text(const struct db *db, const struct db_entity *x,
                          const struct db_state_chain *c, const char *date);

/* Whether x is an entity of the state of country (its country, and a
 * control kind of a state body or a state-owned company). */
int db_is_state(const struct db_entity *x, const char *country);

/* Apply test t to x on date. Free r with db_state_result_free(). */
void db_state_test(const struct db *db, const struct db_entity *x, const char *date,
                   const struct db_state_test *t, struct db_state_result *r);
void db_state_result_free(struct db_state_result *r);

#endif
