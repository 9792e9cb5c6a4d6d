/* db.h - the origin database: entities, ownership, list memberships and
 * identifier maps, each fact with its sources (vendor-db/README.md).
 *
 * Load with db_load_file()/db_load_dir(), then db_finish() once, which
 * resolves references, checks the whole and builds the indexes; query after
 * that. The database knows nothing of probes or policies. */
#ifndef HWBOM_DB_H
#define HWBOM_DB_H

#include <stdint.h>
#include <stddef.h>

#include "../output/err.h"

/* What every record carries: where it was read, and for a fact its
 * sources and whether they were checked. */
struct db_fact {
	char *src;      /* source ids, comma-separated (NULL for a source record) */
	int unverified; /* verified=no */
	char *note;
	const char *file;
	unsigned line;
	int overlay; /* read from a user's overlay (db_load_overlay()) */
	int dropped; /* replaced by an overlay record: not used */
};

struct db_source {
	char *id, *date, *title, *url;
	struct db_fact fact;
};

/* The longest chain of owners above an entity that the database accepts:
 * db_finish() refuses a longer one, so every walk up the owners can follow
 * it whole. Real chains have a handful of links. */
#define DB_MAX_CHAIN 10000

struct db_entity {
	char *id, *name, *country, *control;
	struct db_fact fact;
};

struct db_list {
	char *entity, *list, *from, *to, *edition;
	struct db_fact fact;
};

struct db_alias {
	char *entity, *name;
	struct db_fact fact;
};

struct db_owner {
	char *parent, *child, *from, *to;
	double share; /* percent; negative when unknown */
	int control;  /* 1 "control=yes", 0 "control=no", -1 not said */
	struct db_fact fact;
};

struct db_ident {
	char *key; /* "pci:19e5" */
	char *entity;
	struct db_fact fact;
};

/* A DRAM maker whose memory modules carry only its own dies ("dies"
 * records), or a memory part-number scheme that names the die maker
 * ("partno" records): what a die-maker attribution is inferred from when no
 * SPD EEPROM was read (vendor-db/README.md). */
struct db_dies {
	char *prefix; /* partno: the part numbers it starts; NULL for dies */
	char *entity;
	struct db_fact fact;
};

/* placeholder "STRING": a string that names nobody (placeholders.db). */
struct db_placeholder {
	char *name, *key; /* as written; its name_key() without blanks */
	struct db_fact fact;
};

/* model "PREFIX" ENTITY: disk model strings starting with PREFIX. */
struct db_model {
	char *prefix, *entity;
	struct db_fact fact;
};

/* The forms of a name's key the names are indexed by. */
enum db_key_form {
	DB_KEY_NAME,    /* name_key() (names.h) */
	DB_KEY_COMPACT, /* the same without blanks: "great wall" -> "greatwall" */
	DB_KEY_FIRST,   /* its first word */
	DB_KEY_FORMS,
};

struct db;

/* How far a list reaches from its direct members (see db_covered()). */
enum db_reach {
	REACH_SELF,         /* the listed entity only */
	REACH_SUBSIDIARIES, /* and the entities it controls, directly or not */
	REACH_AFFILIATES,   /* and everything under the same ultimate control */
};

/* Free with db_free(). */
struct db *db_new(void);
void db_free(struct db *db);

/* Read one file, or every *.db file of a directory in name order. */
int db_load_file(struct db *db, const char *path, struct hw_err *e);
/* Read a user's overlay: its entities, sources and identifier mappings
 * replace shipped ones of the same id (a correction), the rest adds. */
int db_load_overlay(struct db *db, const char *path, struct hw_err *e);
int db_load_dir(struct db *db, const char *dir, struct hw_err *e);
/* Resolve and check everything loaded: unknown references, duplicate ids,
 * identifiers mapped twice, ownership cycles, dates out of order. */
int db_finish(struct db *db, struct hw_err *e);

/* The SHA-256 (libcrypto) of the files read, in the order read, as 64
 * hex digits: for the BOM to say which database judged it. */
const char *db_fingerprint(const struct db *db);

const struct db_entity *db_entity(const struct db *db, const char *id);
const struct db_source *db_source(const struct db *db, const char *id);
/* Whether every id of a comma-separated source list is a known source;
 * if not, the first unknown one is copied to bad. */
int db_sources_known(const struct db *db, const char *src, char bad[65]);
/* The mapping of one identifier key ("pci:19e5"), or NULL. */
const struct db_ident *db_lookup(const struct db *db, const char *key);

/* The entity whose legal name or alias matches name (names.h), or NULL when
 * none does or several do; *src (if src is not NULL) is set to the sources
 * of the name or alias record that matched. */
const struct db_entity *db_lookup_name(const struct db *db, const char *name, const char **src);

/* The "dies" record of a module maker, or NULL when its modules may carry
 * other makers' dies. */
const struct db_dies *db_own_dies(const struct db *db, const char *entity);
/* The "partno" record whose prefix starts part number pn (the longest), or
 * NULL. */
const struct db_dies *db_partno(const struct db *db, const char *pn);
/* The entity whose names (legal or alias) have key in the given form, or
 * NULL; *shared (if not NULL) is set when two unrelated entities have it
 * (then it names nobody). The key must already be in that form. */
const struct db_entity *db_lookup_key(const struct db *db, enum db_key_form f, const char *key,
				      const char **src, int *shared);

/* The placeholder record whose key is name's (name_key() without blanks:
 * "O.E.M." and "OEM" meet), or NULL; a name with no
 * letter or digit is a placeholder too (a record with name "" and no
 * file). The matcher for names is match.h's db_match_name(). */
const struct db_placeholder *db_placeholder(const struct db *db, const char *name);
/* The model record with the longest prefix of model (ASCII case ignored),
 * or NULL. */
const struct db_model *db_model(const struct db *db, const char *model);

/* Whether an edge holds on date (YYYY-MM-DD): from <= date < to. */
int db_owner_active(const struct db_owner *o, const char *date);
/* Whether an edge gives control: control=yes, or a share above 50. */
int db_owner_controls(const struct db_owner *o);
/* The edge by which e's controlling parent holds it on date, or NULL. */
const struct db_owner *db_parent_edge(const struct db *db, const struct db_entity *e,
				     const char *date);
/* The entity that controls e on date, or NULL. */
const struct db_entity *db_parent(const struct db *db, const struct db_entity *e,
				  const char *date);
/* The top of e's chain of control on date (e itself when nobody controls it). */
const struct db_entity *db_controller(const struct db *db, const struct db_entity *e,
				      const char *date);
/* The share the top of e's chain of control holds in e on date, looked
 * through: over every ownership path from e up to it (not only the chain
 * of control), the sum of the products of the shares along each path, in
 * percent (100 when e is its own controller); negative when a share on a
 * path to it is unknown. See holding.h for the paths themselves. */
double db_lookthrough_share(const struct db *db, const struct db_entity *e, const char *date);

/* The ownership edges whose child is e (active or not, in file order):
 * *n gets their count; NULL when there are none. */
const struct db_owner *db_owner_edges(const struct db *db, const struct db_entity *e, size_t *n);

/* Whether e is covered by list on date under the given reach. On success
 * *member is the direct member the coverage comes from (e itself, a
 * controlling parent or an affiliate) and *entry its membership. */
int db_covered(const struct db *db, const struct db_entity *e, const char *list,
	       enum db_reach reach, const char *date, const struct db_entity **member,
	       const struct db_list **entry);

/* The records themselves, in load order (entities, sources and identifiers
 * sorted by id once finished), for `hwbom db` and tests: *n gets the count. */
const struct db_entity *db_entities(const struct db *db, size_t *n);
const struct db_ident *db_idents(const struct db *db, size_t *n);
const struct db_owner *db_owners(const struct db *db, size_t *n);
const struct db_list *db_lists(const struct db *db, size_t *n);
const struct db_alias *db_aliases(const struct db *db, size_t *n);
const struct db_placeholder *db_placeholders(const struct db *db, size_t *n);
const struct db_model *db_models(const struct db *db, size_t *n);

/* Counts, for `hwbom db stats` and tests. */
size_t db_count_entities(const struct db *db);
size_t db_count_idents(const struct db *db);
size_t db_count_owners(const struct db *db);
size_t db_count_sources(const struct db *db);

#endif
