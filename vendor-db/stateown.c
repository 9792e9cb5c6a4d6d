/* stateown.c - the §516 state-ownership test (stateown.h). */
#include "stateown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"

#define MAX_CHAIN 64

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

/* The weight of an edge in the chain: control=yes outranks any share; an
 * edge of unknown share without control is not compared (-1). */
static double weight(const struct db_owner *o)
{
	if (o->control == 1)
		return 1000;
	return o->share;
}

void db_largest_chain(const struct db *db, const struct db_entity *x, const char *date,
		      const char *country, struct db_state_chain *out)
{
	memset(out, 0, sizeof *out);
	while (x && out->nedges < DB_STATE_CHAIN_MAX) {
		size_t n, ntied = 0, nstate = 0;
		const struct db_owner *o = db_owner_edges(db, x, &n), *best = NULL;
		double w = -1;

		if (country && db_is_state(x, country))
			return;
		for (size_t i = 0; i < n; i++) {
			double wi;

			if (!db_owner_active(&o[i], date) || (wi = weight(&o[i])) < 0 || wi == 0)
				continue;
			if (wi > w + 1e-9)
				best = &o[i], w = wi, ntied = 1;
			else if (wi > w - 1e-9)
				ntied++;
		}
		if (!best)
			return; /* the top: nobody holds a known share of x */
		if (ntied > 1) {
			const struct db_owner *state = NULL;

			for (size_t i = 0; i < n; i++) {
				const struct db_entity *p;

				if (!db_owner_active(&o[i], date) || weight(&o[i]) < w - 1e-9 ||
				    weight(&o[i]) > w + 1e-9)
					continue;
				p = db_entity(db, o[i].parent);
				if (p && country && db_is_state(p, country))
					nstate++, state = &o[i];
			}
			out->tie = 1;
			if (nstate != ntied)
				return;
			best = state; /* every tied holder is the state's: it ends there */
		}
		out->edges[out->nedges++] = best;
		x = db_entity(db, best->parent);
	}
}

char *db_state_chain_text(const struct db *db, const struct db_entity *x,
			  const struct db_state_chain *c, const char *date)
{
	char *s = xstrdup(x->id), *t;

	for (size_t i = 0; i < c->nedges; i++) {
		const struct db_owner *o = c->edges[i];

		if (o->control == 1 && o->share < 0)
			t = xasprintf("%s <- %s (control)", s, o->parent);
		else
			t = xasprintf("%s <- %s %.4g%%", s, o->parent, o->share);
		free(s);
		s = t;
	}
	if (c->tie) {
		const struct db_entity *at = c->nedges ? db_entity(db, c->edges[c->nedges - 1]->parent) : x;
		size_t n;
		const struct db_owner *o = at ? db_owner_edges(db, at, &n) : NULL;
		double w = -1;

		for (size_t i = 0; o && i < n; i++)
			if (db_owner_active(&o[i], date) && weight(&o[i]) > w)
				w = weight(&o[i]);
		t = xasprintf("%s (then a tie for the largest share, %.4g%%)", s, w);
		free(s);
		s = t;
	}
	return s;
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
	db_largest_chain(db, x, date, t->country, &r->chain);
	if (r->chain.nedges) {
		const struct db_entity *end =
			db_entity(db, r->chain.edges[r->chain.nedges - 1]->parent);

		if (end && db_is_state(end, t->country)) {
			r->kind = STATE_LARGEST;
			r->entity = end;
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
