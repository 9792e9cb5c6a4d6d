/* judge.h - apply policies to an attributed BOM: findings, verdicts per
 * component and for the machine (DESIGN.md §7). */
#ifndef HWBOM_JUDGE_H
#define HWBOM_JUDGE_H

#include "../output/bom.h"
#include "../vendor-db/db.h"
#include "policy.h"
#include "waiver.h"

/* Judge every component of b as of b->as_of, then the machine: the worst
 * component verdict, or unknown where a rule in force reaches a role that
 * no source read could witness. A finding a waiver in force excuses is
 * kept, marked waived, and does not count; waivers may be NULL. */
void judge_bom(struct bom *b, const struct db *db, const struct policy_set *set,
	       const struct waiver_set *waivers);

#endif
