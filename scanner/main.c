/* main.c - hwbom: who made, assembled and owns the hardware in a machine,
 * and whether a procurement rule covers them. Dispatches subcommands. */
#define _GNU_SOURCE /* vasprintf */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "cleanup.h"
#include "../output/termsafe.h"
#include "hwbom.h"

static void usage(FILE *f)
{
	fputs("Usage: hwbom COMMAND [OPTION]...\n"
	      "Hardware bill of materials with origin: who made, assembled and owns each\n"
	      "part of a machine, judged against procurement rules (NDAA 889, ...).\n"
	      "\n"
	      "Commands:\n"
	      "  scan      scan this machine (or recorded data) and write its CycloneDX BOM\n"
	      "  check     judge saved BOMs anew with today's database and policies\n"
	      "  diff      compare a delivered machine's BOM with the expected one or an order\n"
	      "  db        look up, check and count the origin database\n"
	      "  policy    list the policies and show what one holds\n"
	      "  capture   copy what the probes read here, to scan it elsewhere\n"
	      "\n"
	      "Options:\n"
	      "  -h, --help     show this help (hwbom COMMAND --help for a command's)\n"
	      "  -V, --version  show the version\n"
	      "\n"
	      "Exit status: 0 nothing reached --fail-on; 1 something did; 2 usage error or\n"
	      "bad input. See hwbom(1).\n",
	      f);
}

/* One line on stderr, whole however long, with whatever came from outside
 * (file names, archive members, link targets, device strings) escaped:
 * no control character or bidirectional override reaches the terminal, and
 * no newline can forge a second message. */
static void vmsg(const char *what, const char *fmt, va_list ap)
{
	char *raw, *safe;

	if (vasprintf(&raw, fmt, ap) < 0) {
		fputs("hwbom: out of memory\n", stderr);
		return;
	}
	safe = hw_term_escape(raw, 0);
	fprintf(stderr, "hwbom: %s%s\n", what, safe);
	free(raw);
	free(safe);
}

void msg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
}

void msg_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("warning: ", fmt, ap);
	va_end(ap);
}

void print_line(const char *s)
{
	char *safe = hw_term_escape(s, 1);

	puts(safe);
	free(safe);
}

/* At exit, however the command ends (--help exits from the option parser):
 * what was written to standard output must have been written, else exit
 * status 2, as for any output error (> /dev/full, a closed pipe's reader
 * gone). */
static void close_stdout(void)
{
	int failed = ferror(stdout); /* a write that failed before, already flushed */

	errno = 0;
	if (fclose(stdout) != 0 && errno != EBADF)
		failed = 1;
	if (failed) {
		msg_error("standard output: %s", errno && errno != EBADF ? strerror(errno)
								  : "write error");
		fflush(stderr);
		_exit(EXIT_BAD);
	}
}

int main(int argc, char **argv)
{
	int rc;

	cleanup_init();
	atexit(close_stdout);
	if (argc < 2) {
		usage(stderr);
		return EXIT_BAD;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
		printf("hwbom %s\n", HWBOM_VERSION);
		return 0;
	}
	LIBXML_TEST_VERSION;
	if (!strcmp(argv[1], "scan")) {
		rc = cmd_scan(argc - 1, argv + 1);
	} else if (!strcmp(argv[1], "check")) {
		rc = cmd_check(argc - 1, argv + 1);
	} else if (!strcmp(argv[1], "diff")) {
		rc = cmd_diff(argc - 1, argv + 1);
	} else if (!strcmp(argv[1], "db")) {
		rc = cmd_db(argc - 1, argv + 1);
	} else if (!strcmp(argv[1], "policy")) {
		rc = cmd_policy(argc - 1, argv + 1);
	} else if (!strcmp(argv[1], "capture")) {
		rc = cmd_capture(argc - 1, argv + 1);
	} else {
		msg_error("unknown command '%s' (try 'hwbom --help')", argv[1]);
		rc = EXIT_BAD;
	}
	xmlCleanupParser();
	return rc;
}
