/* outfile.h - output written whole or not at all: a temporary file in the
 * target's directory, renamed over the target only once everything is
 * written and flushed. */
#ifndef HWBOM_OUTFILE_H
#define HWBOM_OUTFILE_H

#include <stdio.h>

#include "../output/err.h"

struct outfile {
	char *path; /* NULL for standard output */
	char *tmp;
	FILE *f;
};

/* Open path ("-" or NULL: standard output); o->f is the stream to write. */
int outfile_open(struct outfile *o, const char *path, struct hw_err *e);
/* Flush, sync and rename into place; on failure the target is untouched. */
int outfile_commit(struct outfile *o, struct hw_err *e);
/* Drop what was written (the target is untouched). */
void outfile_abort(struct outfile *o);

#endif
