/* db.c - load, check and query the origin database (see db.h). */
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "../output/alloc.h"
#include "holding.h"
#include "names.h"
#include "recfile.h"


struct db {
	struct db_source *sources;
	size_t nsources, capsources;
	struct db_entity *entities;
	size_t nentities, capentities;
	struct db_list *lists;
	size_t nlists, caplists;
	struct db_alias *aliases;
	size_t naliases, capaliases;
	struct db_owner *owners;
	size_t nowners, capowners;
	struct db_ident *idents;
	size_t nidents, capidents;
	struct db_dies *dies; /* dies and partno records, in file order */
	size_t ndies, capdies;

	struct db_placeholder *placeholders;
	size_t nplaceholders, capplaceholders;
	struct db_model *models;
	size_t nmodels, capmodels;

	char **files; /* names records point into */
	size_t nfiles, capfiles;

	/* legal names and aliases, by each form of key (enum db_key_form) */
	struct name_ix {
		char *key;          /* the key of a name or alias */
		const char *entity; /* NULL when two entities share the key */
		const char *src;    /* sources of the record that gave the name */
	} *names[DB_KEY_FORMS];
	size_t nnames[DB_KEY_FORMS], capnames[DB_KEY_FORMS];
	/* ownership edges by child, for the cycle check and name ties */

	EVP_MD_CTX *sha; /* the fingerprint, over every file read */
	char fingerprint[2 * 32 + 1];
	int finished;
};

static const char *const control_kinds[] = {
	"soe-central", "soe-local", "state-fund", "state-stake", "private",
	"public",      "subsidiary", "government", "unknown",    NULL,
};

static const char *const namespaces[] = {
	"pci", "usb", "oui", "pnp", "jedec", "cpuid", "arm", "tpm", "smbios", NULL,
};

struct db *db_new(void)
{
	struct db *db = xcalloc(1, sizeof *db);

	db->sha = EVP_MD_CTX_new();
	if (!db->sha || !EVP_DigestInit_ex(db->sha, EVP_sha256(), NULL))
		abort(); /* alloc.h: out of memory aborts */
	return db;
}

static void fact_free(struct db_fact *f)
{
	free(f->src);
	free(f->note);
}

static void source_free(struct db_source *s)
{
	free(s->id), free(s->date), free(s->title), free(s->url), fact_free(&s->fact);
}

static void entity_free(struct db_entity *x)
{
	free(x->id), free(x->name), free(x->country), free(x->control), fact_free(&x->fact);
}

static void ident_free(struct db_ident *x)
{
	free(x->key), free(x->entity), fact_free(&x->fact);
}

void db_free(struct db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->nsources; i++)
		source_free(&db->sources[i]);
	for (size_t i = 0; i < db->nentities; i++)
		entity_free(&db->entities[i]);
	for (size_t i = 0; i < db->nlists; i++) {
		struct db_list *l = &db->lists[i];
		free(l->entity), free(l->list), free(l->from), free(l->to), free(l->edition);
		fact_free(&l->fact);
	}
	for (size_t i = 0; i < db->naliases; i++) {
		struct db_alias *a = &db->aliases[i];
		free(a->entity), free(a->name), fact_free(&a->fact);
	}
	for (size_t i = 0; i < db->nowners; i++) {
		struct db_owner *o = &db->owners[i];
		free(o->parent), free(o->child), free(o->from), free(o->to), fact_free(&o->fact);
	}
	for (size_t i = 0; i < db->nidents; i++)
		ident_free(&db->idents[i]);
	for (size_t i = 0; i < db->nplaceholders; i++) {
		struct db_placeholder *p = &db->placeholders[i];
		free(p->name), free(p->key), fact_free(&p->fact);
	}
	for (size_t i = 0; i < db->nmodels; i++) {
		struct db_model *m = &db->models[i];
		free(m->prefix), free(m->entity), fact_free(&m->fact);
	}
	for (size_t i = 0; i < db->nfiles; i++)
		free(db->files[i]);
	for (int f = 0; f < DB_KEY_FORMS; f++) {
		for (size_t i = 0; i < db->nnames[f]; i++)
			free(db->names[f][i].key);
		free(db->names[f]);
	}
	free(db->sources), free(db->entities), free(db->lists), free(db->aliases);
	for (size_t i = 0; i < db->ndies; i++)
		free(db->dies[i].prefix), free(db->dies[i].entity), fact_free(&db->dies[i].fact);
	free(db->owners), free(db->idents), free(db->files), free(db->dies);
	free(db->placeholders), free(db->models);
	EVP_MD_CTX_free(db->sha);
	free(db);
}

/* --- reading ----------------------------------------------------------- */

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

/* Where r was read and its note; for a fact (is_fact) also its sources:
 * src= is required and lists source ids (their existence is checked in
 * db_finish()); verified= is yes or no. */
static int take_fact(const struct rec *r, struct hw_err *e, int is_fact, struct db_fact *f)
{
	const char *src = rec_get(r, "src"), *v = rec_get(r, "verified");

	memset(f, 0, sizeof *f);
	f->file = r->file;
	f->line = r->line;
	if (v && strcmp(v, "yes") && strcmp(v, "no"))
		return rec_fail(r, e, "verified= must be yes or no, not '%s'", v);
	f->unverified = v && !strcmp(v, "no");
	if (is_fact) {
		char *copy, *tok, *save;
		int rc = 0;

		if (!src || !*src)
			return rec_fail(r, e, "'%s' needs src= naming its source", r->verb);
		copy = xstrdup(src);
		for (tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save))
			if (!rec_is_ident(tok))
				rc = rec_fail(r, e, "bad source id '%s' in src=", tok);
		free(copy);
		if (rc)
			return -1;
		f->src = xstrdup(src);
	}
	f->note = xstrdup(rec_get(r, "note"));
	return 0;
}

static int take_date(const struct rec *r, struct hw_err *e, const char *key, char **out)
{
	const char *v = rec_get(r, key);

	*out = NULL;
	if (!v)
		return 0;
	if (!rec_is_date(v))
		return rec_fail(r, e, "%s=%s is not a date (YYYY-MM-DD)", key, v);
	*out = xstrdup(v);
	return 0;
}

/* from= and to= of r, to after from; from is required when need_from. */
static int take_period(const struct rec *r, struct hw_err *e, int need_from, char **from,
		       char **to)
{
	*to = NULL;
	if (take_date(r, e, "from", from) < 0)
		return -1;
	if (need_from && !*from)
		return rec_fail(r, e, "'%s' needs from=", r->verb);
	if (take_date(r, e, "to", to) < 0) {
		free(*from);
		return -1;
	}
	if (*from && *to && strcmp(*from, *to) >= 0) {
		free(*from), free(*to);
		return rec_fail(r, e, "to= is not after from=");
	}
	return 0;
}

static int ident_arg(const struct rec *r, struct hw_err *e, size_t i, const char *what)
{
	if (!rec_is_ident(r->args[i]))
		return rec_fail(r, e, "bad %s id '%s' (lower-case letters, digits, '-', '_', '.')",
				what, r->args[i]);
	return 0;
}

static int rec_source(struct db *db, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"date", "title", "url", "note", NULL};
	struct db_source s = {0};

	if (rec_check(r, e, 1, 1, keys) < 0 || ident_arg(r, e, 0, "source") < 0)
		return -1;
	if (!rec_get(r, "title") || !*rec_get(r, "title"))
		return rec_fail(r, e, "source '%s' needs title=", r->args[0]);
	if (take_date(r, e, "date", &s.date) < 0)
		return -1;
	if (!s.date)
		return rec_fail(r, e, "source '%s' needs date=", r->args[0]);
	take_fact(r, e, 0, &s.fact); /* no verified= allowed: cannot fail */
	s.id = xstrdup(r->args[0]);
	s.title = xstrdup(rec_get(r, "title"));
	s.url = xstrdup(rec_get(r, "url"));
	GROW(db->sources, db->capsources, db->nsources);
	db->sources[db->nsources++] = s;
	return 0;
}

static int rec_entity(struct db *db, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"name", "country", "control", "src",
					   "note", "verified", NULL};
	const char *country = rec_get(r, "country"), *control = rec_get(r, "control");
	struct db_entity x = {0};

	if (rec_check(r, e, 1, 1, keys) < 0 || ident_arg(r, e, 0, "entity") < 0)
		return -1;
	if (!rec_get(r, "name") || !*rec_get(r, "name"))
		return rec_fail(r, e, "entity '%s' needs name=", r->args[0]);
	if (!country || strlen(country) != 2 || country[0] < 'A' || country[0] > 'Z' ||
	    country[1] < 'A' || country[1] > 'Z')
		return rec_fail(r, e, "entity '%s' needs country= as two capital letters (ISO 3166-1)",
				r->args[0]);
	if (!control || !in_list(control, control_kinds))
		return rec_fail(r, e, "entity '%s': control= must be one of soe-central, soe-local, "
				      "state-fund, state-stake, private, public, subsidiary, government, "
				      "unknown",
				r->args[0]);
	if (take_fact(r, e, 1, &x.fact) < 0)
		return -1;
	x.id = xstrdup(r->args[0]);
	x.name = xstrdup(rec_get(r, "name"));
	x.country = xstrdup(country);
	x.control = xstrdup(control);
	GROW(db->entities, db->capentities, db->nentities);
	db->entities[db->nentities++] = x;
	return 0;
}

static int rec_alias(struct db *db, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"src", "note", "verified", NULL};
	struct db_alias a = {0};

	if (rec_check(r, e, 2, 2, keys) < 0 || ident_arg(r, e, 0, "entity") < 0 ||
	    take_fact(r, e, 1, &a.fact) < 0)
		return -1;
	a.entity = xstrdup(r->args[0]);
	a.name = xstrdup(r->args[1]);
	GROW(db->aliases, db->capaliases, db->naliases);
	db->aliases[db->naliases++] = a;
	return 0;
}

static int rec_list(struct db *db, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"from", "to", "edition", "src", "note", "verified", NULL};
	struct db_list l = {0};

	if (rec_check(r, e, 2, 2, keys) < 0 || ident_arg(r, e, 0, "entity") < 0 ||
	    ident_arg(r, e, 1, "list") < 0 || take_period(r, e, 1, &l.from, &l.to) < 0)
		return -1;
	if (take_fact(r, e, 1, &l.fact) < 0) {
		free(l.from), free(l.to);
		return -1;
	}
	l.entity = xstrdup(r->args[0]);
	l.list = xstrdup(r->args[1]);
	l.edition = xstrdup(rec_get(r, "edition"));
	GROW(db->lists, db->caplists, db->nlists);
	db->lists[db->nlists++] = l;
	return 0;
}

static int rec_owner(struct db *db, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"share", "control", "from", "to",
					   "src",   "note",    "verified", NULL};
	struct db_owner o = {.share = -1, .control = -1};
	const char *share = rec_get(r, "share"), *control = rec_get(r, "control");

	if (rec_check(r, e, 2, 2, keys) < 0 || ident_arg(r, e, 0, "entity") < 0 ||
	    ident_arg(r, e, 1, "entity") < 0)
		return -1;
	if (!strcmp(r->args[0], r->args[1]))
		return rec_fail(r, e, "'%s' cannot own itself", r->args[0]);
	if (share) {
		char *end;

		o.share = strtod(share, &end);
		if (*end || end == share || !(o.share >= 0 && o.share <= 100))
			return rec_fail(r, e, "share=%s is not a percentage (0 to 100)", share);
	}
	if (control) {
		if (strcmp(control, "yes") && strcmp(control, "no"))
			return rec_fail(r, e, "control= must be yes or no, not '%s'", control);
		o.control = !strcmp(control, "yes");
	}
	if (take_period(r, e, 0, &o.from, &o.to) < 0)
		return -1;
	if (take_fact(r, e, 1, &o.fact) < 0) {
		free(o.from), free(o.to);
		return -1;
	}
	o.parent = xstrdup(r->args[0]);
	o.child = xstrdup(r->args[1]);
	GROW(db->owners, db->capowners, db->nowners);
	db->owners[db->nowners++] = o;
	return 0;
}

static int valid_key(const char *key)
{
	const char *colon = strchr(key, ':');
	size_t nslen;
	char ns[16];

	if (!colon || !colon[1])
		return 0;
	nslen = (size_t)(colon - key);
	if (nslen >= sizeof ns)
		return 0;
	memcpy(ns, key, nslen);
	ns[nslen] = '\0';
	if (!in_list(ns, namespaces))
		return 0;
	if (!strcmp(ns, "pci") || !strcmp(ns, "usb")) {
		if (strlen(colon + 1) != 4)
			return 0;
		for (const char *p = colon + 1; *p; p++)
			if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
				return 0;
	}
	return 1;
}

static int rec_id(struct db *db, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"src", "note", "verified", NULL};
	struct db_ident x = {0};

	if (rec_check(r, e, 2, 2, keys) < 0 || ident_arg(r, e, 1, "entity") < 0)
		return -1;
	if (!valid_key(r->args[0]))
		return rec_fail(r, e, "bad identifier '%s' (NS:KEY, NS one of pci usb oui pnp "
				      "jedec cpuid arm tpm smbios; pci and usb keys are 4 "
				      "lower-case hex digits)",
				r->args[0]);
	if (take_fact(r, e, 1, &x.fact) < 0)
		return -1;
	x.key = xstrdup(r->args[0]);
	x.entity = xstrdup(r->args[1]);
	GROW(db->idents, db->capidents, db->nidents);
	db->idents[db->nidents++] = x;
	return 0;
}

/* dies ENTITY src=...: its modules carry only its own DRAM dies.
 * partno PREFIX ENTITY src=...: module part numbers starting PREFIX are
 * that maker's scheme, which names its dies. */
static int rec_dies(struct db *db, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"src", "note", "verified", NULL};
	int partno = !strcmp(r->verb, "partno");
	size_t ent = partno ? 1 : 0;
	struct db_dies x = {0};

	if (rec_check(r, e, ent + 1, ent + 1, keys) < 0 || ident_arg(r, e, ent, "entity") < 0)
		return -1;
	if (partno && (strlen(r->args[0]) < 3 || strlen(r->args[0]) > 32))
		return rec_fail(r, e, "partno prefix '%s': 3 to 32 characters", r->args[0]);
	if (take_fact(r, e, 1, &x.fact) < 0)
		return -1;
	x.prefix = partno ? xstrdup(r->args[0]) : NULL;
	x.entity = xstrdup(r->args[ent]);
	GROW(db->dies, db->capdies, db->ndies);
	db->dies[db->ndies++] = x;
	return 0;
}

static char *form_key(const char *name, enum db_key_form f);

/* placeholder "STRING": a string firmware leaves where a maker's name
 * belongs; matched by its key, which must have letters or digits. */
static int rec_placeholder(struct db *db, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"src", "note", "verified", NULL};
	struct db_placeholder p = {0};

	if (rec_check(r, e, 1, 1, keys) < 0)
		return -1;
	p.key = form_key(r->args[0], DB_KEY_COMPACT);
	if (!*p.key) {
		free(p.key);
		return rec_fail(r, e, "placeholder \"%s\" has no letter or digit (such strings "
				      "are placeholders anyway)",
				r->args[0]);
	}
	if (take_fact(r, e, 1, &p.fact) < 0) {
		free(p.key);
		return -1;
	}
	p.name = xstrdup(r->args[0]);
	GROW(db->placeholders, db->capplaceholders, db->nplaceholders);
	db->placeholders[db->nplaceholders++] = p;
	return 0;
}

/* model "PREFIX" ENTITY: a disk's model string that starts with PREFIX
 * (ASCII case ignored) names ENTITY. */
static int rec_model(struct db *db, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"src", "note", "verified", NULL};
	struct db_model m = {0};
	size_t n = strlen(r->args[0]);

	if (rec_check(r, e, 2, 2, keys) < 0 || ident_arg(r, e, 1, "entity") < 0)
		return -1;
	if (n < 2 || n > 63 || r->args[0][0] == ' ')
		return rec_fail(r, e, "model prefix \"%s\": 2 to 63 bytes, not starting with a blank",
				r->args[0]);
	if (take_fact(r, e, 1, &m.fact) < 0)
		return -1;
	m.prefix = xstrdup(r->args[0]);
	m.entity = xstrdup(r->args[1]);
	GROW(db->models, db->capmodels, db->nmodels);
	db->models[db->nmodels++] = m;
	return 0;
}

static int on_record(void *user, const struct rec *r, struct hw_err *e)
{
	static const struct {
		const char *verb;
		int (*fn)(struct db *, const struct rec *, struct hw_err *);
	} verbs[] = {
		{"source", rec_source}, {"entity", rec_entity}, {"alias", rec_alias},
		{"list", rec_list},     {"owner", rec_owner},   {"id", rec_id},
		{"dies", rec_dies},     {"partno", rec_dies},
		{"placeholder", rec_placeholder}, {"model", rec_model},
	};

	for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
		if (!strcmp(r->verb, verbs[i].verb))
			return verbs[i].fn(user, r, e);
	return rec_fail(r, e,
			"unknown record '%s' (source, entity, alias, list, owner, id, dies, partno, "
			"placeholder or model)",
			r->verb);
}

int db_load_file(struct db *db, const char *path, struct hw_err *e)
{
	char *buf, *name;
	size_t len;
	int rc;

	if (db->finished)
		return hw_fail(e, "%s: database already finished", path);
	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	if (!EVP_DigestUpdate(db->sha, buf, len)) {
		free(buf);
		return hw_fail(e, "%s: SHA-256 of the database failed", path);
	}
	/* records keep a pointer to their file name for later messages */
	name = xstrdup(path);
	GROW(db->files, db->capfiles, db->nfiles);
	db->files[db->nfiles++] = name;
	rc = recfile_parse(name, buf, len, on_record, db, e);
	free(buf);
	return rc;
}

int db_load_overlay(struct db *db, const char *path, struct hw_err *e)
{
	size_t ns = db->nsources, ne = db->nentities, ni = db->nidents, nl = db->nlists;
	size_t no = db->nowners, na = db->naliases, np = db->nplaceholders, nm = db->nmodels;
	int rc = db_load_file(db, path, e);

	for (size_t i = np; i < db->nplaceholders; i++)
		db->placeholders[i].fact.overlay = 1;
	for (size_t i = nm; i < db->nmodels; i++)
		db->models[i].fact.overlay = 1;
	for (size_t i = ns; i < db->nsources; i++)
		db->sources[i].fact.overlay = 1;
	for (size_t i = ne; i < db->nentities; i++)
		db->entities[i].fact.overlay = 1;
	for (size_t i = ni; i < db->nidents; i++)
		db->idents[i].fact.overlay = 1;
	for (size_t i = nl; i < db->nlists; i++)
		db->lists[i].fact.overlay = 1;
	for (size_t i = no; i < db->nowners; i++)
		db->owners[i].fact.overlay = 1;
	for (size_t i = na; i < db->naliases; i++)
		db->aliases[i].fact.overlay = 1;
	return rc;
}

int db_load_dir(struct db *db, const char *dir, struct hw_err *e)
{
	size_t n;
	char **names = recfile_list_dir(dir, ".db", &n, e);
	int rc = 0;

	if (!names)
		return hw_prefix(e, "cannot read the database");
	if (!n)
		rc = hw_fail(e, "%s: no *.db files in the database directory", dir);
	for (size_t i = 0; i < n; i++) {
		if (!rc)
			rc = db_load_file(db, names[i], e);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* --- checking and indexing --------------------------------------------- */

static int entity_cmp(const void *a, const void *b)
{
	return strcmp(((const struct db_entity *)a)->id, ((const struct db_entity *)b)->id);
}

static int source_cmp(const void *a, const void *b)
{
	return strcmp(((const struct db_source *)a)->id, ((const struct db_source *)b)->id);
}

static int ident_cmp(const void *a, const void *b)
{
	return strcmp(((const struct db_ident *)a)->key, ((const struct db_ident *)b)->key);
}

/* For sorting before the duplicate checks: records with the same name in
 * the order they were read, shipped ones first, so that a shipped record
 * sits next to at most the first overlay record of its name and the
 * message names the earlier line. */
static int fact_order(const struct db_fact *a, const struct db_fact *b)
{
	int r;

	if (a->overlay != b->overlay)
		return a->overlay - b->overlay;
	r = strcmp(a->file, b->file);
	return r ? r : (a->line > b->line) - (a->line < b->line);
}

#define SORTER(name, type, field)                                               \
	static int name(const void *a, const void *b)                           \
	{                                                                       \
		const type *x = a, *y = b;                                      \
		int r = strcmp(x->field, y->field);                             \
		return r ? r : fact_order(&x->fact, &y->fact);                  \
	}
SORTER(entity_sort, struct db_entity, id)
SORTER(source_sort, struct db_source, id)
SORTER(ident_sort, struct db_ident, key)
#undef SORTER

const struct db_entity *db_entity(const struct db *db, const char *id)
{
	struct db_entity key = {.id = (char *)id};

	return db->nentities ? bsearch(&key, db->entities, db->nentities, sizeof key, entity_cmp)
			     : NULL;
}

const struct db_source *db_source(const struct db *db, const char *id)
{
	struct db_source key = {.id = (char *)id};

	return db->nsources ? bsearch(&key, db->sources, db->nsources, sizeof key, source_cmp)
			    : NULL;
}

const struct db_ident *db_lookup(const struct db *db, const char *k)
{
	struct db_ident key = {.key = (char *)k};

	return db->nidents ? bsearch(&key, db->idents, db->nidents, sizeof key, ident_cmp) : NULL;
}

int db_sources_known(const struct db *db, const char *src, char bad[65])
{
	char *copy = xstrdup(src), *tok, *save;
	int known = 1;

	for (tok = strtok_r(copy, ",", &save); tok && known; tok = strtok_r(NULL, ",", &save))
		if (!db_source(db, tok)) {
			snprintf(bad, 65, "%s", tok);
			known = 0;
		}
	free(copy);
	return known;
}

/* Every source a fact cites must exist. */
static int check_fact(const struct db *db, const struct db_fact *f, struct hw_err *e)
{
	char bad[65];

	if (f->src && !db_sources_known(db, f->src, bad))
		return hw_fail(e, "%s:%u: unknown source '%s'", f->file, f->line, bad);
	return 0;
}

static int owner_cmp(const void *a, const void *b)
{
	const struct db_owner *x = a, *y = b;
	int r = strcmp(x->child, y->child);

	/* ties keep file order: by where they were read */
	if (r)
		return r;
	r = strcmp(x->fact.file, y->fact.file);
	return r ? r : (x->fact.line > y->fact.line) - (x->fact.line < y->fact.line);
}

/* One past the last edge; NULL when there is none (NULL + 0 is undefined). */
static const struct db_owner *owners_end(const struct db *db)
{
	return db->nowners ? db->owners + db->nowners : NULL;
}

/* The first edge whose child is id (edges are sorted by child), or NULL. */
static const struct db_owner *first_edge(const struct db *db, const char *id)
{
	size_t lo = 0, hi = db->nowners;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(db->owners[mid].child, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < db->nowners && !strcmp(db->owners[lo].child, id) ? &db->owners[lo] : NULL;
}

static int check_sources(const struct db *db, struct hw_err *e)
{
	for (size_t i = 0; i < db->nentities; i++)
		if (check_fact(db, &db->entities[i].fact, e) < 0)
			return -1;
	for (size_t i = 0; i < db->nlists; i++)
		if (check_fact(db, &db->lists[i].fact, e) < 0)
			return -1;
	for (size_t i = 0; i < db->naliases; i++)
		if (check_fact(db, &db->aliases[i].fact, e) < 0)
			return -1;
	for (size_t i = 0; i < db->nowners; i++)
		if (check_fact(db, &db->owners[i].fact, e) < 0)
			return -1;
	for (size_t i = 0; i < db->nidents; i++)
		if (check_fact(db, &db->idents[i].fact, e) < 0)
			return -1;
	for (size_t i = 0; i < db->ndies; i++)
		if (check_fact(db, &db->dies[i].fact, e) < 0)
			return -1;
	return 0;
}

/* The edge of a cycle to blame: an overlay's before a shipped one (that is
 * the line the user can fix), then the first read. */
static int blame_before(const struct db_owner *a, const struct db_owner *b)
{
	int r;

	if (a->fact.overlay != b->fact.overlay)
		return a->fact.overlay;
	r = strcmp(a->fact.file, b->fact.file);
	return r ? r < 0 : a->fact.line < b->fact.line;
}

/* Refuse ownership cycles and chains longer than DB_MAX_CHAIN, over every
 * edge whatever its dates: one depth-first walk up from each entity with the
 * usual three colours (white not seen, grey on the path being walked, black
 * done), so each entity and edge is seen once: linear, however the graph is
 * shaped. The edges are sorted by child already; the walk keeps its own
 * stack, so a long chain cannot overflow the C one. */
static int check_owner_graph(struct db *db, struct hw_err *e)
{
	enum { WHITE, GREY, BLACK };
	struct frame {
		size_t x;                 /* the entity */
		const struct db_owner *o; /* its next edge to look at */
		const struct db_owner *in; /* the edge it was reached by, or NULL */
	};
	size_t n = db->nentities, top = 0;
	const struct db_owner *end = owners_end(db);
	char *colour = xcalloc(n, 1);
	size_t *height = xcalloc(n, sizeof *height); /* edges in the longest chain above */
	struct frame *st = xcalloc(n, sizeof *st);
	int rc = 0;

	for (size_t root = 0; root < n && !rc; root++) {
		if (colour[root] != WHITE)
			continue;
		colour[root] = GREY;
		st[top++] = (struct frame){root, first_edge(db, db->entities[root].id), NULL};
		while (top && !rc) {
			struct frame *f = &st[top - 1];
			const char *child = db->entities[f->x].id;
			const struct db_owner *o = f->o;
			size_t p;

			if (!o || o >= end || strcmp(o->child, child)) {
				/* every owner seen: done */
				colour[f->x] = BLACK;
				top--;
				if (top && height[f->x] + 1 > height[st[top - 1].x])
					height[st[top - 1].x] = height[f->x] + 1;
				continue;
			}
			f->o = o + 1;
			p = (size_t)(db_entity(db, o->parent) - db->entities);
			if (colour[p] == GREY) {
				/* back on the path: the edges from p's frame up are a cycle */
				const struct db_owner *bad = o;

				for (size_t k = top; k-- > 0 && st[k].x != p;)
					if (st[k].in && blame_before(st[k].in, bad))
						bad = st[k].in;
				rc = hw_fail(e, "%s:%u: ownership cycle: %s already owns %s, directly or not",
					     bad->fact.file, bad->fact.line, bad->child, bad->parent);
			} else if (colour[p] == BLACK) {
				if (height[p] + 1 > height[f->x])
					height[f->x] = height[p] + 1;
			} else {
				colour[p] = GREY;
				st[top++] = (struct frame){p, first_edge(db, o->parent), o};
			}
			if (!rc && height[f->x] > DB_MAX_CHAIN)
				rc = hw_fail(e, "%s:%u: a chain of more than %d owners above %s (the most "
						"the database takes)",
					     o->fact.file, o->fact.line, DB_MAX_CHAIN, child);
		}
	}
	free(colour), free(height), free(st);
	return rc;
}

/* Whether target is above from, over every edge whatever its dates: a walk
 * that visits each entity once (edges sorted by child). */
static int reaches(const struct db *db, const char *from, const char *target)
{
	size_t n = db->nentities, top = 0;
	const struct db_owner *end = owners_end(db);
	char *seen = xcalloc(n, 1);
	const char **st = xcalloc(n + 1, sizeof *st);
	int found = 0;

	st[top++] = from;
	while (top && !found) {
		const char *x = st[--top];

		for (const struct db_owner *o = first_edge(db, x); o && o < end && !strcmp(o->child, x);
		     o++) {
			const struct db_entity *p = db_entity(db, o->parent);
			size_t k = (size_t)(p - db->entities);

			if (!strcmp(o->parent, target)) {
				found = 1;
				break;
			}
			if (!seen[k]) {
				seen[k] = 1;
				st[top++] = p->id;
			}
		}
	}
	free(seen), free(st);
	return found;
}

/* The key of a name in one form: name_key(); the same without its blanks
 * ("Great Wall" and "GreatWall" meet); or its first word. */
static char *form_key(const char *name, enum db_key_form f)
{
	char *key = name_key(name), *o = key;

	if (f == DB_KEY_COMPACT) {
		for (const char *p = key; *p; p++)
			if (*p != ' ')
				*o++ = *p;
		*o = '\0';
	} else if (f == DB_KEY_FIRST) {
		key[strcspn(key, " ")] = '\0';
	}
	return key;
}

static void add_name(struct db *db, enum db_key_form f, const char *name, const char *entity,
		     const char *src)
{
	char *key = form_key(name, f);

	if (!*key) {
		free(key);
		return;
	}
	GROW(db->names[f], db->capnames[f], db->nnames[f]);
	db->names[f][db->nnames[f]].key = key;
	db->names[f][db->nnames[f]].entity = entity;
	db->names[f][db->nnames[f]].src = src;
	db->nnames[f]++;
}

static int name_cmp(const void *a, const void *b)
{
	const struct name_ix *x = a, *y = b;
	int r = strcmp(x->key, y->key);

	return r ? r : strcmp(x->entity, y->entity);
}

/* Legal names and aliases by match key. A key two entities share names the
 * one the other owns (a device saying "Huawei" means the operating company,
 * not its holding), and neither when they are not so related. */
static void index_names(struct db *db, enum db_key_form f)
{
	size_t o = 0;
	struct name_ix *names;

	for (size_t i = 0; i < db->nentities; i++)
		add_name(db, f, db->entities[i].name, db->entities[i].id, db->entities[i].fact.src);
	for (size_t i = 0; i < db->naliases; i++)
		add_name(db, f, db->aliases[i].name, db_entity(db, db->aliases[i].entity)->id,
			 db->aliases[i].fact.src);
	names = db->names[f];
	if (db->nnames[f] > 1)
		qsort(names, db->nnames[f], sizeof *names, name_cmp);
	for (size_t i = 0; i < db->nnames[f]; i++) {
		if (o && !strcmp(names[o - 1].key, names[i].key)) {
			struct name_ix *kept = &names[o - 1];
			const char *other = names[i].entity;

			if (kept->entity && strcmp(kept->entity, other)) {
				if (reaches(db, other, kept->entity)) {
					kept->entity = other; /* other is owned by kept */
					kept->src = names[i].src;
				}
				else if (!reaches(db, kept->entity, other))
					kept->entity = NULL;
			}
			free(names[i].key);
			continue;
		}
		names[o++] = names[i];
	}
	db->nnames[f] = o;
}

const struct db_entity *db_lookup_key(const struct db *db, enum db_key_form f, const char *key,
				      const char **src, int *shared)
{
	size_t lo = 0, hi = db->nnames[f];
	const struct name_ix *names = db->names[f];

	if (shared)
		*shared = 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = strcmp(key, names[mid].key);

		if (!r) {
			const struct db_entity *x = names[mid].entity ? db_entity(db, names[mid].entity)
								      : NULL;

			if (x && src)
				*src = names[mid].src;
			if (!x && shared)
				*shared = 1;
			return x;
		}
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct db_entity *db_lookup_name(const struct db *db, const char *name, const char **src)
{
	char *key = name_key(name);
	const struct db_entity *x = db_lookup_key(db, DB_KEY_NAME, key, src, NULL);

	free(key);
	return x;
}

static int placeholder_cmp(const void *a, const void *b)
{
	const struct db_placeholder *x = a, *y = b;
	int r = strcmp(x->key, y->key);

	return r ? r : fact_order(&x->fact, &y->fact);
}

const struct db_placeholder *db_placeholder(const struct db *db, const char *name)
{
	char *key = form_key(name, DB_KEY_COMPACT);
	size_t lo = 0, hi = db->nplaceholders;
	const struct db_placeholder *hit = NULL;
	static const struct db_placeholder blank = {.name = "", .key = ""};

	if (!*key)
		hit = &blank;
	while (!hit && lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = strcmp(key, db->placeholders[mid].key);

		if (!r)
			hit = &db->placeholders[mid];
		else if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	free(key);
	return hit;
}

const struct db_model *db_model(const struct db *db, const char *model)
{
	const struct db_model *best = NULL;
	size_t bestlen = 0;

	/* a few hundred prefixes, one disk at a time: a scan suffices */
	for (size_t i = 0; i < db->nmodels; i++) {
		size_t n = strlen(db->models[i].prefix);

		/* the longest; of two the same, a user's overlay */
		if ((n > bestlen || (best && n == bestlen && db->models[i].fact.overlay &&
				     !best->fact.overlay)) &&
		    !strncasecmp(model, db->models[i].prefix, n))
			best = &db->models[i], bestlen = n;
	}
	return best;
}

const struct db_placeholder *db_placeholders(const struct db *db, size_t *n)
{
	*n = db->nplaceholders;
	return db->placeholders;
}

const struct db_model *db_models(const struct db *db, size_t *n)
{
	*n = db->nmodels;
	return db->models;
}

/* Two records with the same id: when one is an overlay's and the other
 * shipped, the overlay's wins and the other is dropped (1); otherwise it is
 * a conflict (0). */
static int overrides(struct db_fact *a, struct db_fact *b)
{
	if (a->overlay == b->overlay)
		return 0;
	(a->overlay ? b : a)->dropped = 1;
	return 1;
}

/* Remove the dropped records of a sorted array, keeping the order. */
#define COMPACT(arr, n, freefn)                                          \
	do {                                                             \
		size_t o_ = 0;                                           \
		for (size_t i_ = 0; i_ < (n); i_++) {                    \
			if ((arr)[i_].fact.dropped)                      \
				freefn(&(arr)[i_]);                      \
			else                                             \
				(arr)[o_++] = (arr)[i_];                 \
		}                                                        \
		(n) = o_;                                                \
	} while (0)

int db_finish(struct db *db, struct hw_err *e)
{
	if (db->finished)
		return 0;
	if (db->nsources)
		qsort(db->sources, db->nsources, sizeof *db->sources, source_sort);
	for (size_t i = 1; i < db->nsources; i++)
		if (!strcmp(db->sources[i].id, db->sources[i - 1].id) &&
		    !overrides(&db->sources[i - 1].fact, &db->sources[i].fact))
			return hw_fail(e, "%s:%u: source '%s' is already defined at %s:%u",
				       db->sources[i].fact.file, db->sources[i].fact.line, db->sources[i].id,
				       db->sources[i - 1].fact.file, db->sources[i - 1].fact.line);
	COMPACT(db->sources, db->nsources, source_free);
	if (db->nentities)
		qsort(db->entities, db->nentities, sizeof *db->entities, entity_sort);
	for (size_t i = 1; i < db->nentities; i++)
		if (!strcmp(db->entities[i].id, db->entities[i - 1].id) &&
		    !overrides(&db->entities[i - 1].fact, &db->entities[i].fact))
			return hw_fail(e, "%s:%u: entity '%s' is already defined at %s:%u",
				       db->entities[i].fact.file, db->entities[i].fact.line,
				       db->entities[i].id, db->entities[i - 1].fact.file,
				       db->entities[i - 1].fact.line);
	COMPACT(db->entities, db->nentities, entity_free);
	if (db->nidents)
		qsort(db->idents, db->nidents, sizeof *db->idents, ident_sort);
	for (size_t i = 1; i < db->nidents; i++) {
		struct db_ident *a = &db->idents[i - 1], *b = &db->idents[i];

		if (!strcmp(a->key, b->key) && !overrides(&a->fact, &b->fact))
			return hw_fail(e, "%s:%u: '%s' is already mapped at %s:%u", b->fact.file, b->fact.line,
				       b->key, a->fact.file, a->fact.line);
	}
	COMPACT(db->idents, db->nidents, ident_free);
	if (db->nplaceholders > 1)
		qsort(db->placeholders, db->nplaceholders, sizeof *db->placeholders, placeholder_cmp);
	for (size_t i = 1; i < db->nplaceholders; i++) {
		struct db_placeholder *a = &db->placeholders[i - 1], *b = &db->placeholders[i];

		if (!strcmp(a->key, b->key) && !overrides(&a->fact, &b->fact))
			return hw_fail(e, "%s:%u: placeholder \"%s\" is already listed at %s:%u (as \"%s\")",
				       b->fact.file, b->fact.line, b->name, a->fact.file, a->fact.line,
				       a->name);
	}
	for (size_t i = 0; i < db->nplaceholders; i++)
		if (check_fact(db, &db->placeholders[i].fact, e) < 0)
			return -1;
	for (size_t i = 0; i < db->nmodels; i++) {
		const struct db_model *m = &db->models[i];

		if (check_fact(db, &m->fact, e) < 0)
			return -1;
		if (!db_entity(db, m->entity))
			return hw_fail(e, "%s:%u: model \"%s\" names unknown entity '%s'", m->fact.file,
				       m->fact.line, m->prefix, m->entity);
		for (size_t j = 0; j < i; j++)
			if (!strcasecmp(db->models[j].prefix, m->prefix) &&
			    db->models[j].fact.overlay == m->fact.overlay)
				return hw_fail(e, "%s:%u: model \"%s\" is already listed at %s:%u",
					       m->fact.file, m->fact.line, m->prefix,
					       db->models[j].fact.file, db->models[j].fact.line);
	}
	if (check_sources(db, e) < 0)
		return -1;
	for (size_t i = 0; i < db->nidents; i++)
		if (!db_entity(db, db->idents[i].entity))
			return hw_fail(e, "%s:%u: '%s' maps to unknown entity '%s'",
				       db->idents[i].fact.file, db->idents[i].fact.line, db->idents[i].key,
				       db->idents[i].entity);
	for (size_t i = 0; i < db->nlists; i++)
		if (!db_entity(db, db->lists[i].entity))
			return hw_fail(e, "%s:%u: list '%s' names unknown entity '%s'",
				       db->lists[i].fact.file, db->lists[i].fact.line, db->lists[i].list,
				       db->lists[i].entity);
	for (size_t i = 0; i < db->naliases; i++)
		if (!db_entity(db, db->aliases[i].entity))
			return hw_fail(e, "%s:%u: alias \"%s\" names unknown entity '%s'",
				       db->aliases[i].fact.file, db->aliases[i].fact.line, db->aliases[i].name,
				       db->aliases[i].entity);
	/* an edge is blamed on an overlay before a shipped one, since that is
	 * the line the user can fix */
	for (size_t n = 0; n < 2 * db->nowners; n++) {
		const struct db_owner *o = &db->owners[n % db->nowners];

		if (o->fact.overlay != (n < db->nowners))
			continue;
		if (!db_entity(db, o->parent) || !db_entity(db, o->child))
			return hw_fail(e, "%s:%u: owner %s -> %s names unknown entity '%s'", o->fact.file,
				       o->fact.line, o->parent, o->child,
				       db_entity(db, o->parent) ? o->child : o->parent);
	}
	if (db->nowners > 1)
		qsort(db->owners, db->nowners, sizeof *db->owners, owner_cmp);
	for (size_t i = 0; i < db->ndies; i++)
		if (!db_entity(db, db->dies[i].entity))
			return hw_fail(e, "%s:%u: %s names unknown entity '%s'", db->dies[i].fact.file,
				       db->dies[i].fact.line, db->dies[i].prefix ? "partno" : "dies",
				       db->dies[i].entity);
	if (check_owner_graph(db, e) < 0)
		return -1;
	for (int f = 0; f < DB_KEY_FORMS; f++)
		index_names(db, (enum db_key_form)f);
	{
		unsigned char md[EVP_MAX_MD_SIZE];
		unsigned n = 0;

		if (!EVP_DigestFinal_ex(db->sha, md, &n) || n != 32)
			return hw_fail(e, "SHA-256 of the database failed");
		for (unsigned i = 0; i < n; i++)
			snprintf(db->fingerprint + 2 * i, 3, "%02x", md[i]);
	}
	db->finished = 1;
	return 0;
}

const char *db_fingerprint(const struct db *db)
{
	return db->fingerprint;
}

const struct db_dies *db_own_dies(const struct db *db, const char *entity)
{
	for (size_t i = 0; entity && i < db->ndies; i++)
		if (!db->dies[i].prefix && !db->dies[i].fact.dropped &&
		    !strcmp(db->dies[i].entity, entity))
			return &db->dies[i];
	return NULL;
}

const struct db_dies *db_partno(const struct db *db, const char *pn)
{
	const struct db_dies *best = NULL;

	for (size_t i = 0; pn && i < db->ndies; i++) {
		const char *p = db->dies[i].prefix;

		if (p && !strncmp(pn, p, strlen(p)) && (!best || strlen(p) > strlen(best->prefix)))
			best = &db->dies[i];
	}
	return best;
}

/* --- ownership and lists ----------------------------------------------- */

int db_owner_active(const struct db_owner *o, const char *date)
{
	return (!o->from || strcmp(o->from, date) <= 0) && (!o->to || strcmp(date, o->to) < 0);
}

int db_owner_controls(const struct db_owner *o)
{
	return o->control >= 0 ? o->control : o->share > 50;
}

const struct db_owner *db_parent_edge(const struct db *db, const struct db_entity *x,
				     const char *date)
{
	const struct db_owner *o = first_edge(db, x->id), *end = owners_end(db);

	for (; o && o < end && !strcmp(o->child, x->id); o++)
		if (db_owner_active(o, date) && db_owner_controls(o))
			return o;
	return NULL;
}

const struct db_entity *db_parent(const struct db *db, const struct db_entity *x,
				  const char *date)
{
	const struct db_owner *o = db_parent_edge(db, x, date);

	return o ? db_entity(db, o->parent) : NULL;
}

const struct db_entity *db_controller(const struct db *db, const struct db_entity *x,
				      const char *date)
{
	const struct db_entity *p;

	/* db_finish() refused cycles and chains longer than this */
	for (int depth = 0; depth < DB_MAX_CHAIN && (p = db_parent(db, x, date)); depth++)
		x = p;
	return x;
}

const struct db_owner *db_owner_edges(const struct db *db, const struct db_entity *x, size_t *n)
{
	const struct db_owner *first = first_edge(db, x->id), *o = first;

	for (*n = 0; o && o < db->owners + db->nowners && !strcmp(o->child, x->id); o++)
		(*n)++;
	return first;
}

static int is_entity(const struct db_entity *x, void *target)
{
	return x == target;
}

double db_lookthrough_share(const struct db *db, const struct db_entity *x, const char *date)
{
	const struct db_entity *top = db_controller(db, x, date);
	struct db_holding h;
	double share;

	db_holding(db, x, date, is_entity, (void *)top, &h);
	share = h.unknown ? -1 : h.known;
	db_holding_free(&h);
	return share;
}

static int list_active(const struct db_list *l, const char *date)
{
	return strcmp(l->from, date) <= 0 && (!l->to || strcmp(date, l->to) < 0);
}

static const struct db_list *membership(const struct db *db, const struct db_entity *x,
					const char *list, const char *date)
{
	for (size_t i = 0; i < db->nlists; i++) {
		const struct db_list *l = &db->lists[i];

		if (!strcmp(l->entity, x->id) && !strcmp(l->list, list) && list_active(l, date))
			return l;
	}
	return NULL;
}

int db_covered(const struct db *db, const struct db_entity *x, const char *list,
	       enum db_reach reach, const char *date, const struct db_entity **member,
	       const struct db_list **entry)
{
	const struct db_entity *top, *p = x;
	const struct db_list *l;

	/* nearest first: the entity itself, then its controlling parents */
	for (int depth = 0; p && depth <= DB_MAX_CHAIN; depth++) {
		if ((l = membership(db, p, list, date))) {
			*member = p;
			*entry = l;
			return 1;
		}
		if (reach == REACH_SELF)
			return 0;
		p = db_parent(db, p, date);
	}
	if (reach != REACH_AFFILIATES)
		return 0;
	/* then anything under the same ultimate control */
	top = db_controller(db, x, date);
	for (size_t i = 0; i < db->nlists; i++) {
		const struct db_entity *m;

		l = &db->lists[i];
		if (strcmp(l->list, list) || !list_active(l, date))
			continue;
		m = db_entity(db, l->entity);
		if (m && db_controller(db, m, date) == top) {
			*member = m;
			*entry = l;
			return 1;
		}
	}
	return 0;
}

size_t db_count_entities(const struct db *db)
{
	return db->nentities;
}

size_t db_count_idents(const struct db *db)
{
	return db->nidents;
}

size_t db_count_owners(const struct db *db)
{
	return db->nowners;
}

size_t db_count_sources(const struct db *db)
{
	return db->nsources;
}

const struct db_entity *db_entities(const struct db *db, size_t *n)
{
	*n = db->nentities;
	return db->entities;
}

const struct db_ident *db_idents(const struct db *db, size_t *n)
{
	*n = db->nidents;
	return db->idents;
}

const struct db_owner *db_owners(const struct db *db, size_t *n)
{
	*n = db->nowners;
	return db->owners;
}

const struct db_list *db_lists(const struct db *db, size_t *n)
{
	*n = db->nlists;
	return db->lists;
}

const struct db_alias *db_aliases(const struct db *db, size_t *n)
{
	*n = db->naliases;
	return db->aliases;
}
