/* judging.h - what `hwbom scan` and `hwbom check` share: the judgement
 * options, loading the database, policies and waivers they name, and
 * judging a BOM with them (resolve, judge, say what judged it). */
#ifndef HWBOM_JUDGING_H
#define HWBOM_JUDGING_H

#include <getopt.h>

#include "../output/bom.h"
#include "../output/purchase.h"
#include "../vendor-db/db.h"
#include "policy.h"
#include "waiver.h"

#define MAX_POLICIES 32
#define FAIL_NEVER -1
enum { REQUIRE_NOTHING, REQUIRE_COMPLETE, REQUIRE_READ };

struct judging {
	const char *datadir, *overlay, *waivers, *profile, *as_of;
	const char *declaration; /* --declaration FILE: a purchase declaration */
	const char *policies[MAX_POLICIES];
	size_t npolicies;
	int fail_on; /* an enum verdict, or FAIL_NEVER */
	int require; /* --require: REQUIRE_NOTHING, _COMPLETE or _READ */

	/* loaded by judging_load() */
	struct db *db;
	struct policy_set set;
	struct waiver_set waiver_set;
	struct purchase purchase;
};

/* The judgement options, for a command's getopt_long table (ended by the
 * command's own); their codes start at JUDGING_OPT. */
enum { JUDGING_OPT = 1000, J_POLICY = JUDGING_OPT, J_PROFILE, J_ASOF, J_OVERLAY, J_WAIVERS,
       J_DATADIR, J_FAILON, J_DECLARATION, J_REQUIRE, J_END };
#define JUDGING_LONGOPTS                                         \
	{"policy", required_argument, NULL, J_POLICY},            \
	{"profile", required_argument, NULL, J_PROFILE},          \
	{"as-of", required_argument, NULL, J_ASOF},               \
	{"db-overlay", required_argument, NULL, J_OVERLAY},       \
	{"waivers", required_argument, NULL, J_WAIVERS},          \
	{"datadir", required_argument, NULL, J_DATADIR},          \
	{"fail-on", required_argument, NULL, J_FAILON},           \
	{"declaration", required_argument, NULL, J_DECLARATION},       \
	{"require", required_argument, NULL, J_REQUIRE}

/* The help lines of those options. */
extern const char judging_help[];

/* Defaults (fail on block); then judging_opt() for each option code in
 * [JUDGING_OPT, J_END); judging_check() once all are read (it prints what
 * is wrong and returns -1). */
void judging_init(struct judging *j);
int judging_opt(struct judging *j, int code, const char *arg);
int judging_check(struct judging *j);

/* Load the database (and overlay), the waivers, the policies and the
 * purchase declaration. */
int judging_load(struct judging *j, struct hw_err *e);
void judging_clear(struct judging *j);

/* Attribute and judge b as of b->as_of (its components given what the
 * declaration declares of them before judging), and record the database, the policies
 * and every source an attribution rests on. */
void judging_apply(const struct judging *j, struct bom *b);

/* The exit status b's verdict gives under --fail-on, and its coverage
 * under --require: 0 or EXIT_FOUND. */
int judging_status(const struct judging *j, const struct bom *b);
/* Why b falls short of --require (free with free()), or NULL. */
char *judging_unmet(const struct judging *j, const struct bom *b);

#endif
