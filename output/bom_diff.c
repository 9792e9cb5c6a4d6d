/* bom_diff.c - the acceptance comparison (see bom_diff.h). */
#include "bom_diff.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static const char *const kind_names[DIFF_NKINDS] = {
	[DIFF_MISSING] = "missing",         [DIFF_ADDED] = "added",
	[DIFF_SUBSTITUTED] = "substituted", [DIFF_MOVED] = "moved",
	[DIFF_CHANGED] = "changed",         [DIFF_SERIAL] = "serial",
	[DIFF_FIRMWARE] = "firmware",       [DIFF_ATTRIBUTION] = "attribution",
	[DIFF_VERDICT] = "verdict",
};

const char *diff_kind_name(enum diff_kind k)
{
	return (unsigned)k < DIFF_NKINDS ? kind_names[k] : "?";
}

int diff_kind_parse(const char *s, enum diff_kind *k)
{
	if (!strcmp(s, "serials")) {
		*k = DIFF_SERIAL;
		return 0;
	}
	for (int i = 0; i < DIFF_NKINDS; i++)
		if (!strcmp(s, kind_names[i])) {
			*k = (enum diff_kind)i;
			return 0;
		}
	return -1;
}

static void add(struct bom_diff *d, unsigned ignore, enum diff_kind k, const char *ref,
		const char *what, const char *expected, const char *actual)
{
	struct diff_entry *x;

	if (ignore & (1u << k)) {
		d->ignored++;
		return;
	}
	GROW(d->entries, d->cap, d->n);
	x = &d->entries[d->n++];
	x->kind = k;
	x->ref = xstrdup(ref);
	x->what = xstrdup(what);
	x->expected = xstrdup(expected);
	x->actual = xstrdup(actual);
}

/* --- what an identifier says ----------------------------------------------- */

enum id_class { ID_PART, ID_MINOR, ID_SERIAL, ID_FIRMWARE };

/* Identifiers that vary from unit to unit, that change with firmware, or
 * that refine the part without making it another; the rest (makers,
 * models, part numbers) say which part it is. */
static enum id_class id_class(const struct bom_component *c, const char *ns)
{
	static const char *const minor[] = {
		"pci.revision", "pci.class", "usb.revision", "usb.class", "usb.interface-classes",
		"cpu.family", "cpu.model", "cpu.stepping", "cpu.signature", "tpm.spec",
		"edid.year", "edid.week", "edid.model-year", "memory.size-mb", "memory.type", NULL,
	};
	size_t n = strlen(ns);

	if (!strcmp(ns, "mac") || (n >= 7 && !strcmp(ns + n - 7, ".serial")) ||
	    (n >= 5 && !strcmp(ns + n - 5, ".uuid")))
		return ID_SERIAL;
	if (!strcmp(c->kind, "bios") && (!strcmp(ns, "smbios.version") || !strcmp(ns, "smbios.date")))
		return ID_FIRMWARE;
	for (size_t i = 0; minor[i]; i++)
		if (!strcmp(ns, minor[i]))
			return ID_MINOR;
	return ID_PART;
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Whether the part identifiers of a and b are the same. */
static int same_part(const struct bom_component *a, const struct bom_component *b)
{
	if (strcmp(a->kind, b->kind))
		return 0;
	for (int side = 0; side < 2; side++) {
		const struct bom_component *x = side ? b : a, *y = side ? a : b;

		for (size_t i = 0; i < x->nids; i++)
			if (id_class(x, x->ids[i].ns) == ID_PART &&
			    !same(x->ids[i].value, bom_id_value(y, x->ids[i].ns)))
				return 0;
	}
	return 1;
}

/* "NAME (ns=value ...)" of the part identifiers: what a person reads of a
 * missing or added component. Free with free(). */
static char *describe(const struct bom_component *c)
{
	size_t cap = 256, n;
	char *s = xmalloc(cap);
	int any = 0;

	n = (size_t)snprintf(s, cap, "%s", c->name ? c->name : c->kind);
	for (size_t i = 0; i < c->nids; i++) {
		const struct bom_id *id = &c->ids[i];
		size_t need = n + strlen(id->ns) + strlen(id->value) + 8;

		if (id_class(c, id->ns) != ID_PART)
			continue;
		if (need > cap)
			s = xrealloc(s, cap = need * 2);
		n += (size_t)snprintf(s + n, cap - n, "%s%s=%s", any ? " " : " (", id->ns, id->value);
		any = 1;
	}
	if (any)
		strcpy(s + n, ")"); /* need left room for it */
	return s;
}

/* --- two BOMs ---------------------------------------------------------------- */

static void compare(const struct bom_component *e, const struct bom_component *a,
		    unsigned ignore, struct bom_diff *d)
{
	char *ref = bom_ref(a);
	int substituted = !same_part(e, a);

	if (substituted) {
		char *de = describe(e), *da = describe(a);

		add(d, ignore, DIFF_SUBSTITUTED, ref, NULL, de, da);
		free(de), free(da);
	}
	/* the other identifiers, on either side; of another part, only its
	 * serial and firmware */
	for (int side = 0; side < 2; side++) {
		const struct bom_component *x = side ? a : e, *y = side ? e : a;

		for (size_t i = 0; i < x->nids; i++) {
			const char *ns = x->ids[i].ns, *other = bom_id_value(y, ns);
			enum id_class cl = id_class(x, ns);

			if (same(x->ids[i].value, other) || (side && other))
				continue; /* equal, or seen from the other side */
			if (cl != ID_PART && !(substituted && cl == ID_MINOR)) {
				enum diff_kind k = cl == ID_SERIAL     ? DIFF_SERIAL
						   : cl == ID_FIRMWARE ? DIFF_FIRMWARE
								       : DIFF_CHANGED;

				add(d, ignore, k, ref, ns, side ? other : x->ids[i].value,
				    side ? x->ids[i].value : other);
			}
		}
	}
	if (!same(e->firmware, a->firmware))
		add(d, ignore, DIFF_FIRMWARE, ref, "firmware", e->firmware, a->firmware);
	/* attributions: by role, on either side */
	for (int side = 0; side < 2; side++) {
		const struct bom_component *x = side ? a : e, *y = side ? e : a;

		for (size_t i = 0; i < x->nattrs; i++) {
			const struct bom_attr *ax = &x->attrs[i], *ay = bom_find_attr(y, ax->role);
			const char *vx = ax->entity ? ax->entity : "unknown";
			const char *vy = !ay ? NULL : ay->entity ? ay->entity : "unknown";

			if ((side && ay) || same(vx, vy))
				continue;
			add(d, ignore, DIFF_ATTRIBUTION, ref, ax->role, side ? vy : vx, side ? vx : vy);
		}
	}
	if (e->verdict != a->verdict)
		add(d, ignore, DIFF_VERDICT, ref, NULL, verdict_name(e->verdict),
		    verdict_name(a->verdict));
	free(ref);
}

/* The actual components sorted by a key, for lookups by binary search;
 * next[k] is, for the run of one key starting at k, the first place that
 * may still be unused. */
struct keyed {
	char *key;
	size_t j;
};

struct index {
	struct keyed *v;
	size_t n, *next;
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int r = strcmp(x->key, y->key);

	return r ? r : (x->j > y->j) - (x->j < y->j);
}

static void index_sort(struct index *ix)
{
	if (ix->n > 1)
		qsort(ix->v, ix->n, sizeof *ix->v, keyed_cmp);
	ix->next = xcalloc(ix->n + 1, sizeof *ix->next);
	for (size_t k = 0; k < ix->n; k++)
		ix->next[k] = k;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void index_free(struct index *ix)
{
	for (size_t k = 0; k < ix->n; k++)
		free(ix->v[k].key);
	free(ix->v), free(ix->next);
}

/* A key for same_part(): the kind and the set of its part identifiers
 * (ns=value, sorted, each once). same_part() implies equal keys, so only
 * components with the key of a component can be its part; equal keys are
 * still checked with same_part(). The separators are control characters,
 * which sanitised strings never hold. Free with free(). */
static char *part_key(const struct bom_component *c)
{
	char **v = xcalloc(c->nids + 1, sizeof *v), *key;
	size_t n = 0, len = strlen(c->kind) + 1, o;

	for (size_t i = 0; i < c->nids; i++)
		if (id_class(c, c->ids[i].ns) == ID_PART)
			v[n++] = xasprintf("%s\x1f%s", c->ids[i].ns, c->ids[i].value);
	if (n > 1)
		qsort(v, n, sizeof *v, str_cmp);
	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + 1;
	key = xmalloc(len + 1);
	o = (size_t)sprintf(key, "%s", c->kind);
	for (size_t i = 0; i < n; i++) {
		if (!i || strcmp(v[i], v[i - 1]))
			o += (size_t)sprintf(key + o, "\x1e%s", v[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return key;
}

/* The first unused actual component with key (and, with check_part, the
 * same part as e), in BOM order, or (size_t)-1; used ones at the front of
 * the run are skipped for good. */
static size_t take(struct index *ix, const char *key, const char *used, const struct bom *actual,
		   const struct bom_component *e, int check_part)
{
	size_t lo = 0, hi = ix->n, first;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(ix->v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == ix->n || strcmp(ix->v[lo].key, key))
		return (size_t)-1;
	first = lo;
	while (ix->next[first] < ix->n && !strcmp(ix->v[ix->next[first]].key, key) &&
	       used[ix->v[ix->next[first]].j])
		ix->next[first]++;
	for (size_t t = ix->next[first]; t < ix->n && !strcmp(ix->v[t].key, key); t++) {
		size_t j = ix->v[t].j;

		if (!used[j] && (!check_part || same_part(e, actual->components[j])))
			return j;
	}
	return (size_t)-1;
}

/* Match through sorted indexes (by bom-ref, unique in each BOM; by part
 * key): first the same slot, then the same part elsewhere, each expected
 * component in order taking the first unused actual one, as a pairwise
 * search would, in O(n log n) rather than O(n^2). */
void bom_diff(const struct bom *expected, const struct bom *actual, unsigned ignore,
	      struct bom_diff *d)
{
	size_t ne = expected->ncomponents, na = actual->ncomponents;
	char *used = xcalloc(na + 1, 1), *found = xcalloc(ne + 1, 1);
	char **refs = xcalloc(na + 1, sizeof *refs);
	struct index by_ref = {xcalloc(na + 1, sizeof *by_ref.v), na, NULL};
	struct index by_part = {xcalloc(na + 1, sizeof *by_part.v), na, NULL};

	for (size_t j = 0; j < na; j++) {
		refs[j] = bom_ref(actual->components[j]);
		by_ref.v[j] = (struct keyed){xstrdup(refs[j]), j};
		by_part.v[j] = (struct keyed){part_key(actual->components[j]), j};
	}
	index_sort(&by_ref);
	index_sort(&by_part);
	/* the same slot */
	for (size_t i = 0; i < ne; i++) {
		char *ref = bom_ref(expected->components[i]);
		size_t j = take(&by_ref, ref, used, actual, expected->components[i], 0);

		if (j != (size_t)-1) {
			compare(expected->components[i], actual->components[j], ignore, d);
			used[j] = found[i] = 1;
		}
		free(ref);
	}
	/* the same part elsewhere */
	for (size_t i = 0; i < ne; i++) {
		char *key, *ref;
		size_t j;

		if (found[i])
			continue;
		key = part_key(expected->components[i]);
		j = take(&by_part, key, used, actual, expected->components[i], 1);
		free(key);
		if (j == (size_t)-1)
			continue;
		ref = bom_ref(expected->components[i]);
		add(d, ignore, DIFF_MOVED, refs[j], "location", ref, refs[j]);
		compare(expected->components[i], actual->components[j], ignore, d);
		used[j] = found[i] = 1;
		free(ref);
	}
	for (size_t i = 0; i < ne; i++)
		if (!found[i]) {
			char *ref = bom_ref(expected->components[i]);
			char *what = describe(expected->components[i]);

			add(d, ignore, DIFF_MISSING, ref, NULL, what, NULL);
			free(ref), free(what);
		}
	for (size_t j = 0; j < na; j++)
		if (!used[j]) {
			char *what = describe(actual->components[j]);

			add(d, ignore, DIFF_ADDED, refs[j], NULL, NULL, what);
			free(what);
		}
	if (expected->verdict != actual->verdict)
		add(d, ignore, DIFF_VERDICT, "machine", NULL, verdict_name(expected->verdict),
		    verdict_name(actual->verdict));
	index_free(&by_ref);
	index_free(&by_part);
	for (size_t j = 0; j < na; j++)
		free(refs[j]);
	free(refs), free(used), free(found);
}

/* --- a purchase declaration ------------------------------------------------ */

static char *item_text(const struct purchase_item *it)
{
	return xasprintf("%s %s%s%s%s%s", it->kind, it->vendor, it->device ? ":" : "",
			 it->device ? it->device : "", it->model ? " " : "", it->model ? it->model : "");
}

void bom_diff_declaration(const struct purchase *p, struct bom *actual, unsigned ignore,
			  struct bom_diff *d)
{
	size_t na = actual->ncomponents;
	unsigned *got = xcalloc(p->nitems + 1, sizeof *got);
	char *used = purchase_match(p, actual, got);

	for (size_t i = 0; i < p->nitems; i++) {
		const struct purchase_item *it = &p->items[i];
		char ref[32];

		snprintf(ref, sizeof ref, "item %zu", i + 1);
		if (got[i] < it->quantity) {
			char *want = item_text(it), *n = xasprintf("%u of %u", it->quantity - got[i],
								   it->quantity);

			add(d, ignore, DIFF_MISSING, ref, n, want, NULL);
			free(want), free(n);
		}
	}
	for (size_t j = 0; p->complete && j < na; j++) {
		const struct bom_component *c = actual->components[j];
		int listed = 0;

		for (size_t i = 0; i < p->nitems && !listed; i++)
			listed = !strcmp(p->items[i].kind, c->kind);
		if (!used[j] && listed) {
			char *ref = bom_ref(c), *what = describe(c);

			add(d, ignore, DIFF_ADDED, ref, "not declared", NULL, what);
			free(ref), free(what);
		}
	}
	free(used), free(got);
}

void bom_diff_clear(struct bom_diff *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->entries[i].ref);
		free(d->entries[i].what);
		free(d->entries[i].expected);
		free(d->entries[i].actual);
	}
	free(d->entries);
	memset(d, 0, sizeof *d);
}
