/* holding.h - look-through holdings: how much of an entity a kind of holder
 * owns on a date, over every ownership path, not only the chain of control.
 *
 * A path runs from the entity up its active owner edges and ends at the
 * first holder it meets (a holder's own owners are not looked through: the
 * holder counts whole). Its share is the product of the edge shares; the
 * holding is the sum over the paths, so a holder reached twice (a diamond)
 * counts twice, each path at its own product. A path with an edge of
 * unknown share makes the whole unknown; a path that meets no holder counts
 * for nothing, known or not. The database refuses cycles (db_finish()). */
#ifndef HWBOM_HOLDING_H
#define HWBOM_HOLDING_H

#include <stddef.h>

#include "db.h"

struct db_holding_path {
	const struct db_owner **edges; /* edges[0] owns the entity; the last one's parent is
	                                * the holder; none when the entity is a holder */
	size_t nedges;
	double share; /* percent; negative when an edge's share is unknown */
};

struct db_holding {
	double known; /* the sum over all the paths of known share, percent */
	int unknown;  /* a path to a holder has a share not known */
	int gave_up;  /* more than DB_HOLDING_MAX_PATHS paths: the list stops there (the
	               * sums above are over all of them all the same) */
	struct db_holding_path *paths; /* unknown first, then the largest first */
	size_t npaths, cappaths;
};

/* The sums are computed once per entity (linear in the edges, however many
 * paths a diamond makes); the paths are listed, for people, up to this. */
#define DB_HOLDING_MAX_PATHS 1000

/* Whether x is a holder, for db_holding(). */
typedef int (*db_holder_fn)(const struct db_entity *x, void *arg);

/* What the entities for which holder() says yes hold of x on date. Free
 * out with db_holding_free(). */
void db_holding(const struct db *db, const struct db_entity *x, const char *date,
                db_holder_fn holder, void *arg, struct db_holding *out);
void db_holding_free(struct db_holding *h);

/* A path for people, from the entity up: "lenovo <- legend-holdings 32.34%
 * <- cas-holdings 29.1%" ("?%" for an unknown share). Free with free(). */
char *db_holding_path_text(const struct db_holding_path *p, const char *entity);

#endif
