/* match.c - the one matcher of maker names (see match.h). */
#include "match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

static int found(struct db_match *m, const struct db_entity *x, const char *src,
		 enum db_match_how how, const char *key)
{
	m->entity = x;
	m->src = src;
	m->how = how;
	snprintf(m->used, sizeof m->used, "%s", key);
	return 1;
}

/* key in its name and compact forms; *shared set when it names two
 * unrelated entities. */
static int by_key(const struct db *db, char *key, struct db_match *m, enum db_match_how how,
		  int *shared)
{
	const char *src = NULL;
	const struct db_entity *x;
	char *o = key, compact[256];
	size_t n = 0;
	int sh = 0;

	if ((x = db_lookup_key(db, DB_KEY_NAME, key, &src, &sh)))
		return found(m, x, src, how, key);
	*shared |= sh;
	for (; *o && n + 1 < sizeof compact; o++)
		if (*o != ' ')
			compact[n++] = *o;
	compact[n] = '\0';
	if ((x = db_lookup_key(db, DB_KEY_COMPACT, compact, &src, &sh)))
		return found(m, x, src, how == MATCH_NAME ? MATCH_COMPACT : how, compact);
	*shared |= sh;
	return 0;
}

enum db_match_how db_match_name(const struct db *db, const char *name, struct db_match *m)
{
	char *key;
	int shared = 0, one_word;
	size_t len;

	memset(m, 0, sizeof *m);
	if ((m->placeholder = db_placeholder(db, name))) {
		snprintf(m->used, sizeof m->used, "%s", m->placeholder->key);
		return m->how = MATCH_PLACEHOLDER;
	}
	key = name_key(name);
	one_word = !strchr(key, ' ');
	snprintf(m->used, sizeof m->used, "%s", key);
	if (by_key(db, key, m, MATCH_NAME, &shared))
		goto out;
	if (shared) { /* the whole name is two entities': none of them */
		m->how = MATCH_SHARED;
		goto out;
	}
	/* "Advanced Micro Devices, Inc. [AMD]": pci.ids' short form in
	 * brackets is a word of the key like any other, so the leading
	 * words find the name */
	for (len = strlen(key); len > 0; len--)
		if (key[len] == ' ') {
			key[len] = '\0';
			if (by_key(db, key, m, MATCH_LEADING, &shared))
				goto out;
		}
	if (one_word && strlen(key) >= 4) {
		const char *src = NULL;
		int sh = 0;
		const struct db_entity *x = db_lookup_key(db, DB_KEY_FIRST, key, &src, &sh);

		if (x) {
			found(m, x, src, MATCH_FIRST_WORD, key);
			goto out;
		}
		shared |= sh;
	}
	m->how = shared ? MATCH_SHARED : MATCH_NONE;
out:
	free(key);
	return m->how;
}

const char *db_match_how_text(enum db_match_how how)
{
	switch (how) {
	case MATCH_PLACEHOLDER: return "a placeholder, naming nobody";
	case MATCH_SHARED: return "the name of several unrelated entities, naming none of them";
	case MATCH_NAME: return "by name";
	case MATCH_COMPACT: return "by name, blanks ignored";
	case MATCH_LEADING: return "by its leading words";
	case MATCH_FIRST_WORD: return "by the first word of the entity's name";
	case MATCH_NONE: break;
	}
	return "not in the database";
}
