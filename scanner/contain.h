/* contain.h - prove that a tree to be read as --root cannot lead outside
 * itself.
 *
 * The probes (and libpci) read a --root tree with plain path names, so the
 * kernel follows whatever symbolic links the tree holds. Before any of them
 * reads it, every link in the part of the tree they read (sys/, proc/ and
 * the top level) is resolved here component by component, relative to a
 * descriptor of the root, never through realpath(), whose failure on a
 * long path would look like a harmless dead link: a link is accepted only
 * when its resolution is proved to stay inside. What cannot be proved
 * (too long, too many links, an error on the way) is refused, as are
 * FIFOs, devices and sockets in that part of the tree: a probe would hang
 * on them, or read a device of the machine that judges. */
#ifndef HWBOM_CONTAIN_H
#define HWBOM_CONTAIN_H

#include "../output/err.h"

#define CONTAIN_PATH_MAX  1024     /* bytes of a path below the root, links resolved */
#define CONTAIN_DEPTH_MAX 64       /* directories below the root */
#define CONTAIN_LINKS_MAX 40       /* links followed in one resolution, as Linux */
#define CONTAIN_ENTRIES_MAX 1000000u /* entries looked at in one tree */

/* Check the tree at root: all of it when whole, else the links at its top
 * and everything under sys/ and proc/ (what the probes read). 0 when it is
 * proved contained, else -1 with e set to "SHOWN: link "REL" -> "TARGET"
 * leads out of WHAT" (or why it cannot be proved), REL relative to root.
 * shown names the tree to the user (the archive it came from), what says
 * what it is ("the capture", "the tree"). A root that is the system's /
 * holds nothing outside it: not walked. */
int contain_check(const char *root, int whole, const char *shown, const char *what,
		  struct hw_err *e);

#endif
