/* capture.c - `hwbom capture`: copy what the probes read on this machine
 * into a directory or a tar.gz, to be judged elsewhere with
 * `hwbom scan --root` (DESIGN.md §9). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../output/alloc.h"
#include "../probes/pci/pci_dump.h"
#include "../probes/probe.h"
#include "archive.h"
#include "cleanup.h"
#include "contain.h"
#include "hwbom.h"
#include "outfile.h"
#include "snapshot.h"

struct capture_opts {
	const char *out, *from;
	int quiet;
};

static void usage(FILE *f)
{
	fputs("Usage: hwbom capture -o DIR|FILE.tar.gz [OPTION]...\n"
	      "Copy what hwbom's probes read on this machine, to judge it elsewhere with\n"
	      "hwbom scan --root DIR|FILE.tar.gz. Only those files are copied: sysfs\n"
	      "attributes (DIR/sys stands for /sys), /proc/cpuinfo, SMBIOS tables, EDIDs,\n"
	      "and pci.dump, the PCI configuration space in lspci -xxx format. MANIFEST\n"
	      "says what was copied and what could not be read (without root: the SMBIOS\n"
	      "tables, serial numbers, SPD EEPROMs). No host name and no user data; of\n"
	      "MAC addresses only the permanent hardware addresses the net probe uses.\n"
	      "\n"
	      "Options:\n"
	      "  -o, --output DIR    write a directory, which must not exist or be empty\n"
	      "  -o FILE.tar.gz      write one gzip-compressed tar file (also .tgz)\n"
	      "  --from DIR          capture a recorded tree instead of this machine\n"
	      "                      (DIR/sys, DIR/proc: as scan --root reads it)\n"
	      "  -q, --quiet         do not print warnings or the summary\n"
	      "  -h, --help          show this help\n"
	      "\n"
	      "Output is written whole or not at all. Exit status: 0 captured; 2 usage\n"
	      "error, or the output cannot be written.\n",
	      f);
}

static int parse_opts(int argc, char **argv, struct capture_opts *o)
{
	enum { O_FROM = 256 };
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"from", required_argument, NULL, O_FROM},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o->out = optarg; break;
		case O_FROM: o->from = optarg; break;
		case 'q': o->quiet = 1; break;
		case 'h': usage(stdout); exit(0);
		default: fputs("Try 'hwbom capture --help'.\n", stderr); return -1;
		}
	}
	if (optind < argc) {
		msg_error("unexpected argument '%s' (try 'hwbom capture --help')", argv[optind]);
		return -1;
	}
	if (!o->out || !*o->out) {
		msg_error("capture: give the output with -o DIR or -o FILE.tar.gz");
		return -1;
	}
	return 0;
}

/* The output path without trailing slashes. Free with free(). */
static char *trim_slashes(const char *path)
{
	char *p = xstrdup(path);
	size_t n = strlen(p);

	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	return p;
}

static int is_tar_gz(const char *path)
{
	size_t n = strlen(path);

	return (n > 7 && !strcmp(path + n - 7, ".tar.gz")) || (n > 4 && !strcmp(path + n - 4, ".tgz"));
}

/* Refuse an output that exists and is not an empty directory (for a
 * directory), or that is a directory (for an archive). */
static int check_output(const char *out, int archive, struct hw_err *e)
{
	struct stat st;
	struct dirent *de;
	int full = 0;
	DIR *d;

	if (stat(out, &st) < 0)
		return errno == ENOENT ? 0 : hw_fail(e, "%s: %s", out, strerror(errno));
	if (archive)
		return S_ISDIR(st.st_mode) ? hw_fail(e, "%s: is a directory", out) : 0;
	if (!S_ISDIR(st.st_mode))
		return hw_fail(e, "%s: exists and is not a directory", out);
	if (!(d = opendir(out)))
		return hw_fail(e, "%s: %s", out, strerror(errno));
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			full = 1;
	closedir(d);
	/* an empty directory is replaced by the rename */
	return full ? hw_fail(e, "%s: exists and is not empty (give a new directory)", out) : 0;
}

static int write_pci_dump(const char *from, const char *dir, int *nfunc, struct hw_err *e)
{
	char *path = xasprintf("%s/pci.dump", dir);
	FILE *f = fopen(path, "w");
	int n;

	if (!f) {
		hw_fail(e, "%s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	n = pci_dump_write(*from ? from : NULL, f, e);
	if (fclose(f) == EOF && n >= 0)
		n = hw_fail(e, "%s: %s", path, strerror(errno));
	if (n == 0)
		unlink(path); /* no PCI: no dump */
	free(path);
	*nfunc = n;
	return n < 0 ? -1 : 0;
}

static int write_manifest(const char *dir, const struct capture_opts *o, const struct snapshot *s,
			  int nfunc, const struct hw_err *warn, struct hw_err *e)
{
	char *path = xasprintf("%s/MANIFEST", dir), stamp[32];
	FILE *f = fopen(path, "w");
	time_t t = time(NULL);
	struct tm tm;
	int rc = 0;

	if (!f) {
		rc = hw_fail(e, "%s: %s", path, strerror(errno));
		free(path);
		return rc;
	}
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(f, "# hwbom capture: the files hwbom's probes read, to be judged with\n"
		   "# hwbom scan --root. sys/ stands for /sys, proc/ for /proc; pci.dump is\n"
		   "# the PCI configuration space as lspci -xxx prints it. A file that could\n"
		   "# not be read is empty and listed as not-read.\n");
	fprintf(f, "hwbom-version: %s\n", HWBOM_VERSION);
	fprintf(f, "date: %s\n", stamp);
	fprintf(f, "source: %s\n", o->from ? "a recorded tree (--from)" : "the live machine");
	fprintf(f, "privileges: %s\n", geteuid() == 0 ? "root" : "not root");
	for (size_t i = 0; probe_table[i] && i < SNAPSHOT_MAX_PROBES; i++)
		fprintf(f, "captured: %s %zu file%s\n", probe_table[i]->name, s->files[i],
			s->files[i] == 1 ? "" : "s");
	fprintf(f, "links: %zu\n", s->nlinks);
	if (nfunc > 0)
		fprintf(f, "pci-dump: pci.dump, %d function%s\n", nfunc, nfunc == 1 ? "" : "s");
	else
		fprintf(f, "pci-dump: none (no PCI function found)\n");
	for (size_t i = 0; i < s->nunread; i++)
		fprintf(f, "not-read: %s\n", s->unread[i]);
	for (size_t i = 0; i < warn->nwarnings; i++)
		fprintf(f, "warning: pci.dump: %s\n", warn->warnings[i]);
	if (fclose(f) == EOF)
		rc = hw_fail(e, "%s: %s", path, strerror(errno));
	free(path);
	return rc;
}

/* Copy, dump and describe into the new directory tmp. */
static int fill(const char *tmp, const struct capture_opts *o, struct snapshot *s, int *nfunc,
		struct hw_err *warn, struct hw_err *e)
{
	const char *from = o->from ? o->from : "";

	if (snapshot_copy(from, tmp, s, e) < 0)
		return -1;
	if (write_pci_dump(from, tmp, nfunc, warn) < 0) {
		memcpy(e->msg, warn->msg, sizeof e->msg);
		return -1;
	}
	return write_manifest(tmp, o, s, *nfunc, warn, e);
}

/* The archive's top directory: its file name without .tar.gz or .tgz. */
static char *archive_prefix(const char *out)
{
	char *copy = xstrdup(out), *base = xstrdup(basename(copy));
	size_t n = strlen(base);

	if (n > 7 && !strcmp(base + n - 7, ".tar.gz"))
		base[n - 7] = '\0';
	else if (n > 4 && !strcmp(base + n - 4, ".tgz"))
		base[n - 4] = '\0';
	free(copy);
	return base;
}

static int commit_archive(const char *tmp, const char *out, struct hw_err *e)
{
	char *part = cleanup_beside(out), *prefix = archive_prefix(out);
	int fd = cleanup_mkstemp(part), rc = 0;

	if (fd < 0) {
		rc = hw_fail(e, "%s: cannot create a temporary file beside it: %s", out,
			     strerror(errno));
		goto out;
	}
	if (archive_write_tree(tmp, prefix, fd, e) < 0) {
		rc = -1;
	} else if (outfile_mode(fd, out), fsync(fd) < 0) {
		rc = hw_fail(e, "%s: %s", part, strerror(errno));
	}
	if (close(fd) < 0 && !rc)
		rc = hw_fail(e, "%s: %s", part, strerror(errno));
	if (!rc && rename(part, out) < 0)
		rc = hw_fail(e, "%s: %s", out, strerror(errno));
	if (rc)
		cleanup_remove(part);
	else
		cleanup_forget(part);
out:
	free(part), free(prefix);
	return rc;
}

int cmd_capture(int argc, char **argv)
{
	struct capture_opts o = {0};
	struct hw_err e = {0}, warn = {0};
	struct snapshot s = {0};
	struct stat st;
	char *out = NULL, *tmp = NULL;
	int rc = EXIT_BAD, archive, nfunc = 0, made = 0;

	if (parse_opts(argc, argv, &o) < 0)
		return EXIT_BAD;
	out = trim_slashes(o.out);
	archive = archive_name(out);
	if (archive && !is_tar_gz(out)) {
		hw_fail(&e, "%s: an archive is written as .tar.gz or .tgz", out);
		goto done;
	}
	if (o.from && stat(o.from, &st) < 0) {
		hw_fail(&e, "--from %s: %s", o.from, strerror(errno));
		goto done;
	}
	if (o.from && !S_ISDIR(st.st_mode)) {
		hw_fail(&e, "--from %s: not a directory", o.from);
		goto done;
	}
	if (check_output(out, archive, &e) < 0)
		goto done;
	/* built beside the output, renamed into place when whole */
	tmp = cleanup_beside(out);
	if (!cleanup_mkdtemp(tmp)) {
		hw_fail(&e, "%s: cannot create a temporary directory beside it: %s", out,
			strerror(errno));
		goto done;
	}
	made = 1;
	/* what is written is proved inside itself, as scan --root will ask */
	if (fill(tmp, &o, &s, &nfunc, &warn, &e) < 0 ||
	    contain_check(tmp, 1, out, "the capture", &e) < 0)
		goto done;
	if (archive) {
		if (commit_archive(tmp, out, &e) < 0)
			goto done;
	} else {
		mode_t mask = umask(0);

		umask(mask);
		if (chmod(tmp, 0777 & ~mask) < 0 || rename(tmp, out) < 0) {
			hw_fail(&e, "%s: %s", out, strerror(errno));
			goto done;
		}
		cleanup_forget(tmp);
		made = 0;
	}
	rc = 0;
	if (!o.quiet) {
		size_t files = 0;

		for (size_t i = 0; i < SNAPSHOT_MAX_PROBES; i++)
			files += s.files[i];
		for (size_t i = 0; i < warn.nwarnings; i++)
			msg_warning("pci.dump: %s", warn.warnings[i]);
		printf("%s: %zu files, %zu links, %d PCI functions in pci.dump; %zu not read%s\n",
		       out, files, s.nlinks, nfunc, s.nunread, s.nunread ? " (see MANIFEST)" : "");
	}
done:
	if (made)
		cleanup_remove(tmp);
	if (rc == EXIT_BAD)
		msg_error("%s", e.msg);
	snapshot_clear(&s);
	hw_err_clear(&e);
	hw_err_clear(&warn);
	free(tmp), free(out);
	return rc;
}
