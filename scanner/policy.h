/* policy.h - policies are data (the .policy files of vendor-db/policies/): which lists
 * they enforce, on which roles, from when, with which severity. This file
 * loads them; judge.c applies them. */
#ifndef HWBOM_POLICY_H
#define HWBOM_POLICY_H

#include <stddef.h>

#include "../output/bom.h"
#include "../output/err.h"
#include "../vendor-db/db.h"

/* What a rule tests of an attributed entity. */
enum policy_test {
	TEST_LIST,  /* membership of list, directly or through reach */
	TEST_STATE, /* ownership or direction by a state (stateown.h): test=state-owned */
	TEST_PRODUCED, /* a component of a category produced outside a country:
			* test=produced-abroad (the FCC Covered List's category entries) */
	TEST_HQ,       /* an entity headquartered in a country: test=headquartered */
};

struct policy_rule {
	char *id;
	enum policy_test test;
	char *list;           /* TEST_LIST: list id entities must be on (vendor-db `list` records) */
	enum db_reach reach;  /* TEST_LIST: whether subsidiaries and affiliates count */
	char *country;        /* TEST_STATE: the state; TEST_PRODUCED: the home country;
			       * TEST_HQ: the country (ISO 3166-1 alpha-2) */
	char **categories;    /* TEST_PRODUCED: the declared categories it reaches */
	size_t ncategories;
	double threshold;     /* TEST_STATE: look-through share, percent */
	char **findings;      /* TEST_STATE: lists whose members the state is found to direct */
	size_t nfindings;
	size_t unless;        /* TEST_LIST, TEST_HQ: 1 + the index of an earlier rule of the policy
			       * whose finding or unknown answer silences this one (unless=),
			       * or 0 */
	char **roles;         /* roles it reaches; NULL means every role */
	size_t nroles;
	enum verdict severity; /* VERDICT_INFO, _REVIEW or _BLOCK */
	char *from, *to;       /* in force from (inclusive) to (exclusive); to may be NULL */
	char *cite;            /* the provision, for people */
};

struct policy {
	char *id, *title, *citation, *edition, *src;
	struct policy_rule *rules;
	size_t nrules, caprules;
};

struct policy_set {
	struct policy *policies;
	size_t npolicies, cappolicies;
};

/* Load one policy file; sources it cites must be in db. */
int policy_load_file(struct policy_set *set, const char *path, const struct db *db,
		     struct hw_err *e);
/* Load `name`: a file path if it contains '/' or ends in ".policy", else
 * DIR/name.policy. */
int policy_load(struct policy_set *set, const char *dir, const char *name, const struct db *db,
		struct hw_err *e);
/* Load every *.policy in dir, in name order. */
int policy_load_dir(struct policy_set *set, const char *dir, const struct db *db,
		    struct hw_err *e);
/* Load the policies of profile `name`, DIR/profiles/NAME.profile: "profile
 * NAME title=..." then "use POLICY [severity=S rules=RULE,...|*]" lines. */
int policy_load_profile(struct policy_set *set, const char *dir, const char *name,
			const struct db *db, struct hw_err *e);
void policy_set_clear(struct policy_set *set);

/* "self", "subsidiaries" or "affiliates", as written in a rule. */
const char *policy_reach_name(enum db_reach reach);

/* Whether rule r is in force on date and reaches role (any role: NULL; a
 * test=produced-abroad rule reaches no role, only components). */
int policy_rule_applies(const struct policy_rule *r, const char *date, const char *role);

#endif
