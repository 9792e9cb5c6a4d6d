/* snapshot.h - copy what the probes read from a root into a directory, so
 * that `hwbom scan --root` of the copy judges as a scan of the original
 * (hwbom capture). What to copy is each probe's `reads` list (probe.h):
 * regular files are copied, the directories on the way made, and every
 * symbolic link on the way recreated as a relative link with its target
 * copied the same way. Nothing else is copied. */
#ifndef HWBOM_SNAPSHOT_H
#define HWBOM_SNAPSHOT_H

#include <stddef.h>

#include "../output/err.h"

#define SNAPSHOT_MAX_PROBES 32

struct snapshot {
	size_t files[SNAPSHOT_MAX_PROBES]; /* regular files copied, per probe_table row */
	size_t nlinks, ndirs;
	char **unread; /* "REL: reason" of files that exist but could not be read */
	size_t nunread, capunread;
};

/* Copy into the directory to (which exists) what the probes read under
 * from ("" for the live machine's /, else a directory). A file that
 * cannot be read is made empty and without permissions, and listed in
 * s->unread: the probes take an empty file for one they could not read.
 * -1 with e set when the copy cannot be written. */
int snapshot_copy(const char *from, const char *to, struct snapshot *s, struct hw_err *e);
void snapshot_clear(struct snapshot *s);

/* Remove the tree at path (files, links, directories; links not
 * followed; past PATH_MAX) and forget it if it was registered as a
 * temporary (cleanup.h). */
int snapshot_remove(const char *path);

#endif
