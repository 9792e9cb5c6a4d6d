/* bom.c - the BOM model (see bom.h). */
#include "bom.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>


#include "alloc.h"
#include "roles.h"
#include "sanitize.h"

static const char *const verdict_names[] = {
	[VERDICT_CLEAN] = "clean",
	[VERDICT_INFO] = "info",
	[VERDICT_UNKNOWN] = "unknown",
	[VERDICT_REVIEW] = "review",
	[VERDICT_BLOCK] = "block",
};

const char *verdict_name(enum verdict v)
{
	return (unsigned)v < sizeof verdict_names / sizeof *verdict_names ? verdict_names[v] : "?";
}

int verdict_parse(const char *s, enum verdict *v)
{
	for (size_t i = 0; i < sizeof verdict_names / sizeof *verdict_names; i++)
		if (!strcmp(s, verdict_names[i])) {
			*v = (enum verdict)i;
			return 0;
		}
	return -1;
}

struct bom *bom_new(void)
{
	return xcalloc(1, sizeof(struct bom));
}

void bom_set(char **field, const char *value)
{
	free(*field);
	*field = hw_sanitize(value);
}

static void component_free(struct bom_component *c)
{
	for (size_t i = 0; i < c->nids; i++) {
		free(c->ids[i].ns);
		free(c->ids[i].value);
		free(c->ids[i].name);
	}
	for (size_t i = 0; i < c->nattrs; i++) {
		struct bom_attr *a = &c->attrs[i];
		free(a->role);
		free(a->key);
		free(a->entity);
		free(a->name);
		free(a->country);
		free(a->controller);
		free(a->source);
		free(a->overlay);
		free(a->inferred);
	}
	for (size_t i = 0; i < c->nfindings; i++) {
		struct bom_finding *f = &c->findings[i];
		free(f->policy);
		free(f->rule);
		free(f->role);
		free(f->entity);
		free(f->reason);
		free(f->waiver);
	}
	for (size_t i = 0; i < c->nprops; i++) {
		free(c->props[i].name);
		free(c->props[i].value);
	}
	free(c->props);
	free(c->ids);
	free(c->attrs);
	free(c->findings);
	free(c->kind);
	free(c->location);
	free(c->ref);
	free(c->name);
	free(c->description);
	free(c->firmware);
	free(c->unknown_reason);
	for (size_t i = 0; i < c->nunseen; i++)
		free(c->unseen[i]);
	free(c->unseen);
	free(c);
}

void bom_free(struct bom *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->ncomponents; i++)
		component_free(b->components[i]);
	for (size_t i = 0; i < b->ncoverage; i++) {
		free(b->coverage[i].source);
		free(b->coverage[i].state);
		free(b->coverage[i].detail);
	}
	for (size_t i = 0; i < b->nprops; i++) {
		free(b->props[i].name);
		free(b->props[i].value);
	}
	for (size_t i = 0; i < b->npolicies; i++) {
		struct bom_policy *p = &b->policies[i];

		for (size_t k = 0; k < p->nrules; k++)
			free(p->rules[k].id), free(p->rules[k].cite);
		free(p->rules), free(p->id), free(p->title), free(p->citation), free(p->edition);
	}
	for (size_t i = 0; i < b->nunseen; i++) {
		struct bom_unseen *u = &b->unseen[i];

		free(u->role), free(u->reason), free(u->detail), free(u->collect);
	}
	free(b->unseen);
	free(b->policies);
	free(b->components);
	free(b->coverage);
	free(b->props);
	free(b->machine);
	free(b->as_of);
	free(b);
}

static int location_taken(const struct bom *b, const char *kind, const char *location)
{
	for (size_t i = 0; i < b->ncomponents; i++)
		if (!strcmp(b->components[i]->location, location) &&
		    !strcmp(b->components[i]->kind, kind))
			return 1;
	return 0;
}

struct bom_component *bom_add_component(struct bom *b, const char *kind, const char *location)
{
	struct bom_component *c = xcalloc(1, sizeof *c);

	bom_set(&c->kind, kind);
	bom_set(&c->location, location);
	/* the same place twice (a DIMM locator firmware repeats, a structure
	 * listed twice): the second is "LOCATION #2", so bom-refs stay unique;
	 * "" is a component whose place a reader sets later */
	if (*location && location_taken(b, c->kind, c->location)) {
		char *again = NULL;

		for (unsigned n = 2; !again || location_taken(b, c->kind, again); n++) {
			free(again);
			again = xasprintf("%s #%u", c->location, n);
		}
		free(c->location);
		c->location = again;
	}
	GROW(b->components, b->capcomponents, b->ncomponents);
	b->components[b->ncomponents++] = c;
	return c;
}

void bom_remove_component(struct bom *b, size_t i)
{
	component_free(b->components[i]);
	memmove(&b->components[i], &b->components[i + 1],
		(b->ncomponents - i - 1) * sizeof *b->components);
	b->ncomponents--;
}

int bom_serial_placeholder(const char *s)
{
	static const char *const words[] = {
		"not specified", "to be filled by o.e.m.", "to be filled by oem", "default string",
		"system serial number", "chassis serial number", "base board serial number",
		"serial number", "serial", "none", "n/a", "na", "unknown", "not available",
		"not applicable", "0123456789", "123456789", "1234567890", "empty", NULL,
	};
	size_t n, same;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	/* "", "--", "0", "00000000", "FFFFFFFF", "XXXXXXXX", "........" */
	for (same = 0; same < n && s[same] == s[0] && strchr("0-.FfXx", s[0]); same++)
		;
	if (same == n)
		return 1;
	if (n > 6 && !strncasecmp(s, "SerNum", 6))
		return 1;
	for (const char *const *w = words; *w; w++)
		if (strlen(*w) == n && !strncasecmp(s, *w, n))
			return 1;
	return 0;
}

void bom_add_id(struct bom_component *c, const char *ns, const char *value, const char *name)
{
	size_t nn = strlen(ns);

	/* a placeholder serial names no part: left out */
	if (nn >= 7 && !strcmp(ns + nn - 7, ".serial") && value && bom_serial_placeholder(value))
		return;
	GROW(c->ids, c->capids, c->nids);
	bom_set(&c->ids[c->nids].ns, ns);
	bom_set(&c->ids[c->nids].value, value);
	bom_set(&c->ids[c->nids].name, name);
	c->nids++;
}

const char *bom_id_value(const struct bom_component *c, const char *ns)
{
	const struct bom_id *id = bom_get_id(c, ns);

	return id ? id->value : NULL;
}

const struct bom_id *bom_get_id(const struct bom_component *c, const char *ns)
{
	for (size_t i = 0; i < c->nids; i++)
		if (!strcmp(c->ids[i].ns, ns))
			return &c->ids[i];
	return NULL;
}

struct bom_attr *bom_add_attr(struct bom_component *c, const char *role, const char *key)
{
	struct bom_attr *a;

	GROW(c->attrs, c->capattrs, c->nattrs);
	a = &c->attrs[c->nattrs++];
	bom_set(&a->role, role);
	bom_set(&a->key, key);
	return a;
}

const struct bom_attr *bom_find_attr(const struct bom_component *c, const char *role)
{
	for (size_t i = 0; i < c->nattrs; i++)
		if (!strcmp(c->attrs[i].role, role))
			return &c->attrs[i];
	return NULL;
}

const struct bom_attr *bom_find_part(const struct bom_component *c, int part)
{
	for (size_t i = 0; i < c->nattrs; i++) {
		const struct role *r = role_find(c->attrs[i].role);

		if (r && (int)r->part == part)
			return &c->attrs[i];
	}
	return NULL;
}

struct bom_finding *bom_add_finding(struct bom_component *c, enum verdict severity,
				    const char *policy, const char *rule, const char *role,
				    const char *entity, const char *reason)
{
	struct bom_finding *f;

	GROW(c->findings, c->capfindings, c->nfindings);
	f = &c->findings[c->nfindings++];
	memset(f, 0, sizeof *f);
	f->severity = severity;
	bom_set(&f->policy, policy);
	bom_set(&f->rule, rule);
	bom_set(&f->role, role);
	bom_set(&f->entity, entity);
	bom_set(&f->reason, reason);
	return f;
}

void bom_set_coverage(struct bom *b, const char *source, const char *state, const char *detail)
{
	struct bom_coverage *cv = (struct bom_coverage *)bom_get_coverage(b, source);

	if (!cv) {
		GROW(b->coverage, b->capcoverage, b->ncoverage);
		cv = &b->coverage[b->ncoverage++];
		bom_set(&cv->source, source);
	}
	bom_set(&cv->state, state);
	bom_set(&cv->detail, detail);
}

const struct bom_coverage *bom_get_coverage(const struct bom *b, const char *source)
{
	for (size_t i = 0; i < b->ncoverage; i++)
		if (!strcmp(b->coverage[i].source, source))
			return &b->coverage[i];
	return NULL;
}

void bom_add_prop(struct bom *b, const char *name, const char *value)
{
	GROW(b->props, b->capprops, b->nprops);
	bom_set(&b->props[b->nprops].name, name);
	bom_set(&b->props[b->nprops].value, value);
	b->nprops++;
}

void bom_add_cprop(struct bom_component *c, const char *name, const char *value)
{
	GROW(c->props, c->capprops, c->nprops);
	bom_set(&c->props[c->nprops].name, name);
	bom_set(&c->props[c->nprops].value, value);
	c->nprops++;
}

void bom_del_cprop(struct bom_component *c, const char *name)
{
	size_t k = 0;

	for (size_t i = 0; i < c->nprops; i++) {
		if (!strcmp(c->props[i].name, name)) {
			free(c->props[i].name);
			free(c->props[i].value);
			continue;
		}
		c->props[k++] = c->props[i];
	}
	/* the slots left behind are empty again, as bom_add_cprop() expects */
	if (k < c->nprops)
		memset(c->props + k, 0, (c->nprops - k) * sizeof *c->props);
	c->nprops = k;
}

const char *bom_get_cprop(const struct bom_component *c, const char *name)
{
	for (size_t i = 0; i < c->nprops; i++)
		if (!strcmp(c->props[i].name, name))
			return c->props[i].value;
	return NULL;
}

static char *base_ref(const struct bom_component *c)
{
	size_t n = strlen(c->kind);

	if (!strncmp(c->location, c->kind, n) && c->location[n] == ':')
		return xstrdup(c->location);
	return xasprintf("%s:%s", c->kind, c->location);
}

char *bom_ref(const struct bom_component *c)
{
	return c->ref ? xstrdup(c->ref) : base_ref(c);
}

struct base {
	char *ref;
	size_t i;
};

static int base_cmp(const void *a, const void *b)
{
	const struct base *x = a, *y = b;
	int r = strcmp(x->ref, y->ref);

	return r ? r : (x->i > y->i) - (x->i < y->i);
}

static int is_base(const struct base *v, size_t n, const char *ref)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = strcmp(v[mid].ref, ref);

		if (!r)
			return 1;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Sort the base refs (with their place, so a repeat's order is the BOM's);
 * in each run of one base, the first keeps it and the others take
 * BASE#2, BASE#3, ... skipping any that is some component's own base.
 * Two names BASE#K are the same only for the same BASE and K (the last '#'
 * splits them), so they cannot meet: O(n log n), no hash needed. */
void bom_unique_refs(struct bom *b)
{
	size_t n = 0;
	struct base *v = xcalloc(b->ncomponents + 1, sizeof *v);

	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *c = b->components[i];

		free(c->ref);
		c->ref = NULL;
		if (c->kind && c->location)
			v[n++] = (struct base){base_ref(c), i};
	}
	if (n > 1)
		qsort(v, n, sizeof *v, base_cmp);
	for (size_t k = 0, next = 2; k < n; k++) {
		struct bom_component *c = b->components[v[k].i];

		if (!k || strcmp(v[k].ref, v[k - 1].ref)) {
			c->ref = xstrdup(v[k].ref);
			next = 2;
			continue;
		}
		for (;; next++) {
			char *ref = xasprintf("%s#%zu", v[k].ref, next);

			if (!is_base(v, n, ref)) {
				c->ref = ref;
				next++;
				break;
			}
			free(ref);
		}
	}
	for (size_t k = 0; k < n; k++)
		free(v[k].ref);
	free(v);
}

/* Insertion sort by kind: stable, and components arrive nearly grouped. */
void bom_sort(struct bom *b)
{
	for (size_t i = 1; i < b->ncomponents; i++) {
		struct bom_component *c = b->components[i];
		size_t j = i;

		while (j > 0 && strcmp(b->components[j - 1]->kind, c->kind) > 0) {
			b->components[j] = b->components[j - 1];
			j--;
		}
		b->components[j] = c;
	}
}

struct bom_policy *bom_add_policy(struct bom *b, const char *id, const char *title,
				  const char *citation, const char *edition)
{
	struct bom_policy *p;

	GROW(b->policies, b->cappolicies, b->npolicies);
	p = &b->policies[b->npolicies++];
	memset(p, 0, sizeof *p);
	bom_set(&p->id, id);
	bom_set(&p->title, title);
	bom_set(&p->citation, citation);
	bom_set(&p->edition, edition);
	return p;
}

void bom_add_rule(struct bom_policy *p, const char *id, const char *cite, int in_force)
{
	struct bom_rule *r;

	GROW(p->rules, p->caprules, p->nrules);
	r = &p->rules[p->nrules++];
	memset(r, 0, sizeof *r);
	bom_set(&r->id, id);
	bom_set(&r->cite, cite);
	r->in_force = in_force;
}

char *bom_finding_str(const struct bom_finding *f)
{
	return xasprintf("%s %s/%s %s %s", verdict_name(f->severity), f->policy, f->rule, f->role,
			 f->entity);
}

char *bom_waiver_str(const struct bom_finding *f)
{
	return f->waiver ? xasprintf("%s/%s %s %s: %s", f->policy, f->rule, f->role, f->entity,
				     f->waiver)
			 : NULL;
}

void bom_add_unseen(struct bom *b, const char *role, const char *reason, const char *detail,
		    const char *collect)
{
	struct bom_unseen *u;

	if (bom_get_unseen(b, role))
		return;
	GROW(b->unseen, b->capunseen, b->nunseen);
	u = &b->unseen[b->nunseen++];
	memset(u, 0, sizeof *u);
	bom_set(&u->role, role);
	bom_set(&u->reason, reason);
	bom_set(&u->detail, detail);
	bom_set(&u->collect, collect);
}

const struct bom_unseen *bom_get_unseen(const struct bom *b, const char *role)
{
	for (size_t i = 0; i < b->nunseen; i++)
		if (!strcmp(b->unseen[i].role, role))
			return &b->unseen[i];
	return NULL;
}

void bom_add_cunseen(struct bom_component *c, const char *role)
{
	if (bom_cunseen(c, role))
		return;
	GROW(c->unseen, c->capunseen, c->nunseen);
	c->unseen[c->nunseen++] = hw_sanitize(role);
}

int bom_cunseen(const struct bom_component *c, const char *role)
{
	for (size_t i = 0; i < c->nunseen; i++)
		if (!strcmp(c->unseen[i], role))
			return 1;
	return 0;
}
