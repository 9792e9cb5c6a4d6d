/* archive.h - a capture as one file: a gzip-compressed tar, written and
 * read through libarchive. */
#ifndef HWBOM_ARCHIVE_H
#define HWBOM_ARCHIVE_H

#include "../output/err.h"

/* Whether path names an archive by its ending (.tar.gz, .tgz, .tar.bz2,
 * .tar.xz, .tar). */
int archive_name(const char *path);

/* Write the tree under dir (files, directories, symbolic links) as a
 * tar.gz to the open file descriptor fd, each entry named prefix/REL.
 * Owners are written as 0 and without names. */
int archive_write_tree(const char *dir, const char *prefix, int fd, struct hw_err *e);

/* Extract the archive at path into the existing directory dir: regular
 * files, directories and symbolic links only; an entry with an absolute
 * name or "..", or a link that leads out of dir, is an error (a capture
 * must not make a scan read the machine it runs on). */
int archive_extract(const char *path, const char *dir, struct hw_err *e);

/* For scan --root FILE: extract the archive at path into a new private
 * directory under $TMPDIR (else /tmp), put in *tmp (remove it with
 * snapshot_remove() and free it). Returns the root to read, to free: *tmp,
 * or the one directory at its top when the archive holds one (a capture's
 * NAME/, or any tree packed with its directory). NULL with e set. */
char *archive_unpack(const char *path, char **tmp, struct hw_err *e);

#endif
