/* datadir.c - what the commands share: where the database and the policies
 * are, loading the database with a user's overlay, today's date, and the
 * start of a subcommand's option parsing. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../output/alloc.h"
#include "../vendor-db/recfile.h"
#include "hwbom.h"

/* The default data directory: the installed one, or, for a binary run from
 * the source tree (./hwbom), the tree's vendor-db/. */
const char *default_datadir(void)
{
	static char tree[4096];
	struct stat st;
	ssize_t n;

	if (stat(HWBOM_DATADIR "/data", &st) == 0)
		return HWBOM_DATADIR;
	n = readlink("/proc/self/exe", tree, sizeof tree - sizeof "/vendor-db/data");
	if (n > 0) {
		char *slash;

		tree[n] = '\0';
		slash = strrchr(tree, '/');
		strcpy(slash ? slash : tree, "/vendor-db/data");
		if (stat(tree, &st) == 0 && S_ISDIR(st.st_mode)) {
			tree[strlen(tree) - strlen("/data")] = '\0';
			return tree;
		}
	}
	return HWBOM_DATADIR;
}

int load_db(const char *datadir, const char *overlay, struct db *db, struct hw_err *e)
{
	char *dir = xasprintf("%s/data", datadir);
	struct stat st;
	int rc;

	if (stat(dir, &st) < 0)
		rc = hw_fail(e, "no database in %s: %s (give --datadir DIR, or make install)", dir,
			     strerror(errno));
	else
		rc = db_load_dir(db, dir, e);
	free(dir);
	if (!rc && overlay)
		rc = db_load_overlay(db, overlay, e);
	if (!rc)
		rc = db_finish(db, e);
	return rc;
}

void today_utc(char buf[11])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

int subcommand_help(int argc, char **argv, void (*usage)(FILE *))
{
	if (argc >= 2 && strcmp(argv[1], "-h") && strcmp(argv[1], "--help"))
		return -1;
	usage(argc < 2 ? stderr : stdout);
	return argc < 2 ? EXIT_BAD : 0;
}

int as_of_arg(const char *arg, const char **as_of)
{
	if (!rec_is_date(arg)) {
		msg_error("--as-of %s: not a date (YYYY-MM-DD)", arg);
		return -1;
	}
	*as_of = arg;
	return 0;
}
