/* outfile.h - output written whole or not at all: a temporary file in the
 * target's directory, renamed over the target only once everything is
 * written and flushed. A target that exists and is not a regular file
 * (/dev/null, a FIFO, /dev/stdout) is written directly: renaming over it
 * would replace a device with a file. */
#ifndef HWBOM_OUTFILE_H
#define HWBOM_OUTFILE_H

#include <stdio.h>

#include "../output/err.h"

struct outfile {
	char *path; /* NULL when writing directly (stdout, devices, pipes) */
	char *tmp;
	FILE *f;
	int close_f; /* f was opened here for a direct write */
};

/* Open path ("-" or NULL: standard output); o->f is the stream to write.
 * The temporary is DIR/.hwbom-tmp-PID-XXXXXX (cleanup.h: removed on
 * signals, or by the next run if this one is killed). */
int outfile_open(struct outfile *o, const char *path, struct hw_err *e);
/* Flush, sync and rename into place; on failure the target is untouched. */
int outfile_commit(struct outfile *o, struct hw_err *e);
/* Drop what was written (the target is untouched). */
void outfile_abort(struct outfile *o);

/* Give the new file open at fd, about to replace path, path's owner (where
 * permitted) and mode; when path does not exist, 0666 less the umask. */
void outfile_mode(int fd, const char *path);

#endif
