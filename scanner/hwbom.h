/* hwbom.h - the command's subcommands and shared helpers. */
#ifndef HWBOM_HWBOM_H
#define HWBOM_HWBOM_H

#ifndef HWBOM_VERSION
#define HWBOM_VERSION "0.0.0-dev"
#endif
#ifndef HWBOM_DATADIR
#define HWBOM_DATADIR "/usr/local/share/hwbom"
#endif
#ifndef HWBOM_PCI_IDS
#define HWBOM_PCI_IDS "/usr/share/misc/pci.ids"
#endif
#ifndef HWBOM_PNP_IDS
#define HWBOM_PNP_IDS "/usr/share/hwdata/pnp.ids"
#endif
#ifndef HWBOM_IEEE_DIR
#define HWBOM_IEEE_DIR "/usr/share/ieee-data"
#endif
#ifndef HWBOM_USB_IDS
#define HWBOM_USB_IDS "/usr/share/misc/usb.ids"
#endif

/* Exit statuses (hwbom(1)). */
#define EXIT_FOUND 1 /* something reached --fail-on */
#define EXIT_BAD 2   /* usage error, unreadable or malformed input */

#include <stdio.h>

#include "../output/err.h"
#include "../vendor-db/db.h"

int cmd_scan(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_policy(int argc, char **argv);
int cmd_capture(int argc, char **argv);

/* Print a database string to stdout, sanitised (an overlay may hold anything). */
void print_str(const char *s);
/* Print the sources of a src= list, one per line, with their titles. */
void print_sources(const struct db *db, const char *src);

/* The installed data directory, or vendor-db/ beside an uninstalled binary. */
const char *default_datadir(void);
/* Load the .db files of DATADIR/data, then overlay (may be NULL), and check
 * the whole. */
int load_db(const char *datadir, const char *overlay, struct db *db, struct hw_err *e);

/* Today's date, UTC, as YYYY-MM-DD. */
void today_utc(char buf[11]);
/* For `hwbom CMD SUB ...`: with no SUB, or -h/--help, print usage and
 * return the exit status; otherwise -1 (go on). */
int subcommand_help(int argc, char **argv, void (*usage)(FILE *));
/* Check an --as-of argument; -1 with the error printed when it is no date. */
int as_of_arg(const char *arg, const char **as_of);

/* Print s and a newline to stdout, escaped for the terminal (termsafe.h;
 * newlines kept). */
void print_line(const char *s);

/* Print "hwbom: " and the message to stderr, whole, on one line, escaped
 * for the terminal (termsafe.h). */
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
