/* infile.h - open a file the user (or a capture) named, as a regular file.
 *
 * Every reader of a named file opens it here, so that none can hang or
 * never end: a FIFO would block the scan until someone writes to it, a
 * device (/dev/zero, /dev/urandom) would feed it forever, a directory or a
 * socket reads as nothing useful. The open itself never blocks (O_NONBLOCK,
 * cleared once the file is known to be regular). */
#ifndef HWBOM_INFILE_H
#define HWBOM_INFILE_H

#include <stdio.h>

#include "err.h"

/* A read-only descriptor of the regular file at path (close it), or -1 with
 * e set: "PATH: REASON" for a missing or unreadable file, "PATH: a FIFO, not
 * a regular file" (a device, a directory, a socket) for the rest. */
int infile_open(const char *path, struct hw_err *e);

/* The same as a stream (fclose it); NULL with e set. */
FILE *infile_fopen(const char *path, struct hw_err *e);

/* What the mode's file type is, for messages: "a FIFO", "a character
 * device", ...; NULL for a regular file. */
const char *infile_kind(unsigned mode);

#endif
