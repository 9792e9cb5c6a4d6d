/* recfile.h - read the record files of the origin database and the policies.
 *
 * One record per line: a verb, positional arguments, then key=value
 * attributes; '#' starts a comment line; double quotes group a token, with
 * \" and \\ inside. vendor-db/README.md is the user-facing description.
 * Every error names the file and the line. */
#ifndef HWBOM_RECFILE_H
#define HWBOM_RECFILE_H

#include <stddef.h>

#include "../output/err.h"

#define REC_LINE_MAX 4095
#define REC_FILE_MAX (64u << 20)

struct rec {
	const char *file;
	unsigned line;
	const char *verb;
	const char **args; /* positional arguments after the verb */
	size_t nargs;
	const char **keys; /* attribute keys, in line order */
	const char **vals;
	size_t nattrs;
};

/* Called once per record; return -1 with e set to stop. The strings live
 * until the callback returns: copy what you keep. */
typedef int (*rec_fn)(void *user, const struct rec *r, struct hw_err *e);

/* Read a whole file (at most REC_FILE_MAX bytes) into *buf (free with
 * free()) and its size into *len; -1 with e set if it cannot be read. */
int recfile_slurp(const char *path, char **buf, size_t *len, struct hw_err *e);
/* Read a whole file; -1 with "FILE:LINE: ..." in e on the first error. */
int recfile_read(const char *path, rec_fn fn, void *user, struct hw_err *e);
/* The same on len bytes in memory, reported under the name `name`. */
int recfile_parse(const char *name, const char *buf, size_t len, rec_fn fn, void *user,
		  struct hw_err *e);

/* The paths "DIR/NAME" of the files in dir whose name ends in suffix (hidden
 * ones left out), sorted; *n is their number. NULL with e set if dir cannot
 * be read. Free each path and the array with free(). */
char **recfile_list_dir(const char *dir, const char *suffix, size_t *n, struct hw_err *e);

/* The value of attribute key, or NULL. */
const char *rec_get(const struct rec *r, const char *key);
/* Fail with "FILE:LINE: fmt" (always -1). */
int rec_fail(const struct rec *r, struct hw_err *e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Check that every attribute of r is in the NULL-terminated list allowed and
 * that r has between min and max positional arguments. */
int rec_check(const struct rec *r, struct hw_err *e, size_t min, size_t max,
	      const char *const *allowed);
/* Whether s is a valid identifier: [a-z0-9._-]+, at most 64 bytes. */
int rec_is_ident(const char *s);
/* Whether s is a valid YYYY-MM-DD date. */
int rec_is_date(const char *s);

#endif
