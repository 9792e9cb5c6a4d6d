/* cleanup.h - temporaries that never outlive the process that made them.
 *
 * hwbom makes three kinds of temporary: an output file or capture built
 * beside its target and renamed into place, and the unpacked copy of a
 * capture archive under $TMPDIR. Each is named PREFIX-PID-XXXXXX (the
 * prefix says what made it, the PID which process), and registered here
 * while it exists:
 *  - SIGINT, SIGTERM, SIGHUP and SIGQUIT remove what is registered, then
 *    end the process as the signal would have;
 *  - a temporary left by a process that is gone (SIGKILL, a power cut) is
 *    recognised by its name and removed by the next hwbom that makes one
 *    in the same directory, when it belongs to the same user.
 * Removal never follows a link, and works on trees whose paths are longer
 * than PATH_MAX (down to CLEANUP_DEPTH_MAX directories). */
#ifndef HWBOM_CLEANUP_H
#define HWBOM_CLEANUP_H

#define CLEANUP_SLOTS     8    /* temporaries registered at once */
#define CLEANUP_DEPTH_MAX 1024 /* directories below a temporary that are removed */

/* The prefixes: beside an output (hidden), and under $TMPDIR. */
#define CLEANUP_BESIDE ".hwbom-tmp"
#define CLEANUP_ROOT   "hwbom-root"

/* Install the signal handlers (once, from main, on the thread that makes
 * and removes the temporaries). */
void cleanup_init(void);

/* "DIR/PREFIX-PID-XXXXXX" for the directory of target ("." when it has
 * none): a template for cleanup_mkstemp() or cleanup_mkdtemp(), short
 * whatever target's name (a 250-byte name still has a temporary). Free it. */
char *cleanup_beside(const char *target);
/* "DIR/PREFIX-PID-XXXXXX" in the directory dir. Free it. */
char *cleanup_in(const char *dir, const char *prefix);

/* mkstemp()/mkdtemp() of template, registered before any signal can come
 * between; the descriptor (-1) or template (NULL) with errno set. Stale
 * temporaries of the same prefix in the same directory are removed first. */
int cleanup_mkstemp(char *template);
char *cleanup_mkdtemp(char *template);

/* The temporary at path is no longer ours to remove (renamed into place). */
void cleanup_forget(const char *path);
/* Remove the temporary at path (a file or a tree) and forget it; 0, or -1
 * when something of it could not be removed. */
int cleanup_remove(const char *path);

/* Remove the file or tree at name in the directory dirfd (AT_FDCWD), not
 * following links; async-signal-safe. -1 if anything is left. */
int cleanup_rmtree(int dirfd, const char *name);

#endif
