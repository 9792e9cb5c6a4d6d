/* holding.c - look-through holdings over every ownership path (holding.h). */
#include "holding.h"

#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"

#define MAX_DEPTH 64 /* longer than any real chain; db_finish() refused cycles */

struct walk {
	const struct db *db;
	const char *date;
	db_holder_fn holder;
	void *arg;
	const struct db_owner *stack[MAX_DEPTH];
	size_t steps;
	struct db_holding *out;
};

static void add_path(struct walk *w, size_t depth, double share)
{
	struct db_holding *h = w->out;
	struct db_holding_path *p;

	GROW(h->paths, h->cappaths, h->npaths);
	p = &h->paths[h->npaths++];
	p->nedges = depth;
	p->edges = depth ? xcalloc(depth, sizeof *p->edges) : NULL;
	if (depth)
		memcpy(p->edges, w->stack, depth * sizeof *p->edges);
	p->share = share;
	if (share < 0)
		h->unknown = 1;
	else
		h->known += share;
}

/* x is reached by the depth edges on the stack, with share so far (negative:
 * unknown). */
static void walk(struct walk *w, const struct db_entity *x, size_t depth, double share)
{
	const struct db_owner *o;
	size_t n;

	if (w->holder(x, w->arg)) {
		add_path(w, depth, share);
		return;
	}
	o = db_owner_edges(w->db, x, &n);
	for (size_t i = 0; i < n; i++, o++) {
		const struct db_entity *p;

		if (!db_owner_active(o, w->date) || !(p = db_entity(w->db, o->parent)))
			continue;
		if (depth == MAX_DEPTH || ++w->steps > DB_HOLDING_MAX_STEPS) {
			w->out->gave_up = w->out->unknown = 1;
			return;
		}
		w->stack[depth] = o;
		walk(w, p, depth + 1, share < 0 || o->share < 0 ? -1 : share * o->share / 100);
	}
}

static int path_cmp(const void *a, const void *b)
{
	const struct db_holding_path *x = a, *y = b;

	/* unknown (negative) first, then the largest */
	if ((x->share < 0) != (y->share < 0))
		return x->share < 0 ? -1 : 1;
	return (x->share < y->share) - (x->share > y->share);
}

void db_holding(const struct db *db, const struct db_entity *x, const char *date,
                db_holder_fn holder, void *arg, struct db_holding *out)
{
	struct walk w = {.db = db, .date = date, .holder = holder, .arg = arg, .out = out};

	memset(out, 0, sizeof *out);
	walk(&w, x, 0, 100);
	if (out->npaths > 1)
		qsort(out->paths, out->npaths, sizeof *out->paths, path_cmp);
}

void db_holding_free(struct db_holding *h)
{
	for (size_t i = 0; i < h->npaths; i++)
		free(h->paths[i].edges);
	free(h->paths);
	memset(h, 0, sizeof *h);
}

char *db_holding_path_text(const struct db_holding_path *p, const char *entity)
{
	char *s = xstrdup(entity);

	for (size_t i = 0; i < p->nedges; i++) {
		const struct db_owner *o = p->edges[i];
		char *t = o->share < 0 ? xasprintf("%s <- %s ?%%", s, o->parent)
		                       : xasprintf("%s <- %s %g%%", s, o->parent, o->share);

		free(s);
		s = t;
	}
	return s;
}
