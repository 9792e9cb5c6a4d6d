/* match.h - the one matcher of maker names: what a manufacturer string
 * (SMBIOS, a disk's model, a registry's name) names, used alike by the
 * scan's resolver and by `hwbom db lookup smbios:NAME`. */
#ifndef HWBOM_MATCH_H
#define HWBOM_MATCH_H

#include "db.h"

enum db_match_how {
	MATCH_NONE,        /* names no entity the database knows */
	MATCH_PLACEHOLDER, /* a placeholder (placeholders.db): names nobody */
	MATCH_SHARED,      /* its key is two unrelated entities' names: nobody */
	MATCH_NAME,        /* the key of a legal name or alias */
	MATCH_COMPACT,     /* the same without blanks ("GreatWall") */
	MATCH_LEADING,     /* its leading words ("TSINGHUA TONGFANG COMPUTER") */
	MATCH_FIRST_WORD,  /* one word, the first of one entity's name ("Hygon") */
};

struct db_match {
	const struct db_entity *entity; /* NULL unless how >= MATCH_NAME */
	const char *src;                /* sources of the name record matched */
	enum db_match_how how;
	char used[256];                 /* the key that matched (or was tried) */
	const struct db_placeholder *placeholder; /* for MATCH_PLACEHOLDER */
};

/* Match name, in this order: a placeholder names nobody; then the name's key
 * among the names and aliases; the key without blanks; the longest run of
 * its leading words that is a name's key (either form); for one word of
 * four or more letters, the first word of exactly one entity's names (or of
 * entities that own one another: the owned one). Returns m->how. */
enum db_match_how db_match_name(const struct db *db, const char *name, struct db_match *m);

/* What the matcher did, in words, for messages ("leading words"). */
const char *db_match_how_text(enum db_match_how how);

#endif
