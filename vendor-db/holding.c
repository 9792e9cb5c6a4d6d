/* holding.c - look-through holdings over every ownership path (holding.h). */
#include "holding.h"

#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"

/* The sums over every path are memoised per entity (what x's owners hold
 * of x does not depend on how x was reached), so a diamond of n levels costs
 * n steps, not 2^n. Only the listing of paths, for people, walks paths one
 * by one, and stops after DB_HOLDING_MAX_PATHS of them. */
struct memo {
	double known;  /* over x's paths whose every share is known */
	char reach;    /* some path of x meets a holder */
	char unknown;  /* a path of x to a holder has a share not known */
	char state;    /* 0 not yet, 1 being computed, 2 done */
};

struct walk {
	const struct db *db;
	const char *date;
	db_holder_fn holder;
	void *arg;
	struct memo *memo; /* by the entity's place in db_entities() */
	const struct db_owner **stack; /* DB_MAX_CHAIN edges */
	struct db_holding *out;
};

static const struct memo *sum(struct walk *w, const struct db_entity *x)
{
	size_t nent;
	struct memo *m = &w->memo[x - db_entities(w->db, &nent)];
	const struct db_owner *o;
	size_t n;

	if (m->state)
		return m; /* done; or a cycle, which db_finish() refused */
	m->state = 1;
	if (w->holder(x, w->arg)) {
		m->known = 100;
		m->reach = 1;
		m->state = 2;
		return m;
	}
	o = db_owner_edges(w->db, x, &n);
	for (size_t i = 0; i < n; i++, o++) {
		const struct db_entity *p;
		const struct memo *pm;

		if (!db_owner_active(o, w->date) || !(p = db_entity(w->db, o->parent)))
			continue;
		pm = sum(w, p);
		/* a path that meets no holder counts for nothing, known or not */
		if (!pm->reach)
			continue;
		m->reach = 1;
		if (o->share < 0)
			m->unknown = 1;
		else
			m->known += o->share * pm->known / 100;
		m->unknown |= pm->unknown;
	}
	m->state = 2;
	return m;
}

static void add_path(struct walk *w, size_t depth, double share)
{
	struct db_holding *h = w->out;
	struct db_holding_path *p;

	if (h->npaths == DB_HOLDING_MAX_PATHS) {
		h->gave_up = 1;
		return;
	}
	GROW(h->paths, h->cappaths, h->npaths);
	p = &h->paths[h->npaths++];
	p->nedges = depth;
	p->edges = depth ? xcalloc(depth, sizeof *p->edges) : NULL;
	if (depth)
		memcpy(p->edges, w->stack, depth * sizeof *p->edges);
	p->share = share;
}

/* List the paths: x is reached by the depth edges on the stack, with share
 * so far (negative: unknown). Only branches the memo says reach a holder are
 * walked, so every step leads to a path listed. */
static void walk(struct walk *w, const struct db_entity *x, size_t depth, double share)
{
	const struct db_owner *o;
	size_t n;

	if (w->holder(x, w->arg)) {
		add_path(w, depth, share);
		return;
	}
	o = db_owner_edges(w->db, x, &n);
	for (size_t i = 0; i < n && !w->out->gave_up; i++, o++) {
		const struct db_entity *p;
		const struct memo *pm;

		if (!db_owner_active(o, w->date) || !(p = db_entity(w->db, o->parent)))
			continue;
		pm = sum(w, p);
		if (!pm->reach || depth >= DB_MAX_CHAIN)
			continue;
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
	const struct memo *m;

	memset(out, 0, sizeof *out);
	w.memo = xcalloc(db_count_entities(db), sizeof *w.memo);
	w.stack = xcalloc(DB_MAX_CHAIN, sizeof *w.stack);
	m = sum(&w, x);
	out->known = m->known;
	out->unknown = m->unknown;
	walk(&w, x, 0, 100);
	free(w.memo);
	free(w.stack);
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
