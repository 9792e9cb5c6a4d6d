/* resolve.h - turn raw identifiers into attributions (role, entity,
 * evidence) with the origin database, as of a date. */
#ifndef HWBOM_RESOLVE_H
#define HWBOM_RESOLVE_H

#include "../output/bom.h"
#include "../vendor-db/db.h"

/* Add attributions to every component of b (replacing none: call once). */
void resolve_bom(struct bom *b, const struct db *db, const char *as_of);

/* Whether an unresolved attribution's name says that its string names
 * nobody (a placeholder, a JEDEC id of no maker, a name of several
 * unrelated entities) rather than a maker the database lacks. */
int resolve_names_nobody(const char *name);

#endif
