/* check.c - `hwbom check`: judge saved BOMs anew.
 *
 * Each BOM's components and identifiers are read back (output/bom_read.c),
 * attributed with today's database and judged with today's policies as of
 * --as-of, and, with -o DIR or --in-place, written again. One line per file
 * says what changed. Files are independent: a worker thread per core takes
 * the next one; the lines are printed in the order the files were given. A
 * file that cannot be read is reported and the others go on. */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../output/alloc.h"
#include "../output/bom_read.h"
#include "../output/infile.h"
#include "../output/termsafe.h"
#include "../output/cyclonedx.h"
#include "hwbom.h"
#include "judging.h"
#include "outfile.h"

#define MAX_JOBS 64

struct check_opts {
	struct judging j;
	const char *outdir;
	int in_place, verbose, quiet, jobs;
	char as_of[11];
};

/* One file's outcome, made by a worker, printed by the main thread. */
struct result {
	char *line;  /* the summary line (and -v's detail), or NULL on error */
	char *error; /* what went wrong, or NULL */
	char **warnings;
	size_t nwarnings;
	int status; /* 0, EXIT_FOUND or EXIT_BAD */
	int done;
};

struct pool {
	const struct check_opts *o;
	char **files;
	size_t nfiles, next;
	struct result *results;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

static void usage(FILE *f)
{
	fputs("Usage: hwbom check [OPTION]... BOM.xml...\n"
	      "  or:  hwbom check [OPTION]... -     (the BOMs' names on standard input)\n"
	      "Judge saved hwbom BOMs anew: read each BOM's components and identifiers,\n"
	      "attribute them with the current database, judge them with the current\n"
	      "policies, and say in one line per file what changed.\n"
	      "\n"
	      "Output (without either, nothing is written):\n"
	      "  -o, --output DIR    write each new BOM to DIR/NAME (DIR is created)\n"
	      "  --in-place          replace each BOM by its new one, whole or not at all\n"
	      "  -v, --verbose       list each new and cleared finding under its file's line\n"
	      "  -q, --quiet         do not print the lines of unchanged files, nor warnings\n"
	      "  -j, --jobs N        judge N files at a time (default: the processors online)\n"
	      "\n"
	      "Judgement (as for hwbom scan):\n",
	      f);
	fputs(judging_help, f);
	fputs("  -h, --help          show this help\n"
	      "\n"
	      "Exit status: 0 nothing reached --fail-on; 1 some BOM did; 2 usage error, or a\n"
	      "file that is not a BOM hwbom wrote (the others are still judged).\n",
	      f);
}

static int parse_opts(int argc, char **argv, struct check_opts *o)
{
	enum { O_INPLACE = 256 };
	static const struct option longopts[] = {
		JUDGING_LONGOPTS,
		{"output", required_argument, NULL, 'o'},
		{"in-place", no_argument, NULL, O_INPLACE},
		{"verbose", no_argument, NULL, 'v'},
		{"quiet", no_argument, NULL, 'q'},
		{"jobs", required_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char *end;
	long n;
	int c;

	judging_init(&o->j);
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:vqj:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o->outdir = optarg; break;
		case O_INPLACE: o->in_place = 1; break;
		case 'v': o->verbose = 1; break;
		case 'q': o->quiet = 1; break;
		case 'j':
			n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > MAX_JOBS) {
				msg_error("--jobs %s: a number from 1 to %d", optarg, MAX_JOBS);
				return -1;
			}
			o->jobs = (int)n;
			break;
		case 'h': usage(stdout); exit(0);
		default:
			if (c >= JUDGING_OPT && c < J_END) {
				if (judging_opt(&o->j, c, optarg) < 0)
					return -1;
				break;
			}
			fputs("Try 'hwbom check --help'.\n", stderr);
			return -1;
		}
	}
	if (o->outdir && o->in_place) {
		msg_error("-o and --in-place: give one or the other");
		return -1;
	}
	if (optind == argc) {
		msg_error("no BOM to check (try 'hwbom check --help')");
		return -1;
	}
	if (!o->jobs) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);

		o->jobs = cpus < 1 ? 1 : cpus > MAX_JOBS ? MAX_JOBS : (int)cpus;
	}
	if (o->j.as_of)
		snprintf(o->as_of, sizeof o->as_of, "%s", o->j.as_of);
	else
		today_utc(o->as_of);
	return judging_check(&o->j);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append to *s (a growing string) the lines of old not in new, marked. */
static void lines_missing(char **s, char mark, const struct bom_saved *old,
			  const struct bom_saved *new, size_t *count)
{
	for (size_t i = 0; i < old->nfindings; i++) {
		if (new->nfindings && bsearch(&old->findings[i], new->findings, new->nfindings,
					      sizeof(char *), cmp_str))
			continue;
		if (i && !strcmp(old->findings[i], old->findings[i - 1]))
			continue;
		(*count)++;
		if (s) {
			char *t = xasprintf("%s\n  %c %s", *s, mark, old->findings[i]);

			free(*s);
			*s = t;
		}
	}
}

/* "coverage complete", or "coverage partial (ROLE, ...)". Free with free(). */
static char *coverage_text(const struct bom *b)
{
	char *s = xstrdup(b->nunseen ? "coverage partial (" : "coverage complete"), *t;

	for (size_t i = 0; i < b->nunseen; i++) {
		t = xasprintf("%s%s%s%s", s, i ? ", " : "", b->unseen[i].role,
			      i + 1 == b->nunseen ? ")" : "");
		free(s);
		s = t;
	}
	return s;
}

/* "FILE: OLD -> NEW, N new, M cleared; COVERAGE" (or "FILE: VERDICT,
 * unchanged; COVERAGE"). */
static char *summary(const struct check_opts *o, const char *path, struct bom_saved *old,
		     const struct bom *b)
{
	struct bom_saved now = {0};
	size_t added = 0, cleared = 0;
	/* a file name is anyone's: no newline of its own in the report */
	char *detail = xstrdup(""), *line, *cov = coverage_text(b), *safe = hw_term_escape(path, 0);

	bom_judgement_lines(b, &now);
	if (old->nfindings > 1)
		qsort(old->findings, old->nfindings, sizeof(char *), cmp_str);
	if (now.nfindings > 1)
		qsort(now.findings, now.nfindings, sizeof(char *), cmp_str);
	lines_missing(o->verbose ? &detail : NULL, '+', &now, old, &added);
	lines_missing(o->verbose ? &detail : NULL, '-', old, &now, &cleared);
	if (!added && !cleared && old->verdict == b->verdict)
		line = o->quiet ? NULL
				: xasprintf("%s: %s, unchanged; %s", safe, verdict_name(b->verdict), cov);
	else
		line = xasprintf("%s: %s -> %s, %zu new, %zu cleared; %s%s", safe,
				 verdict_name(old->verdict), verdict_name(b->verdict), added, cleared,
				 cov, detail);
	free(detail), free(cov), free(safe);
	bom_saved_clear(&now);
	return line;
}

/* Whether the file at path holds exactly the n bytes of buf. */
static int same_content(const char *path, const char *buf, size_t n)
{
	struct hw_err io = {0};
	FILE *f = infile_fopen(path, &io);
	char chunk[65536];
	size_t off = 0, got;
	int same = f != NULL;

	while (same && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		same = off + got <= n && !memcmp(chunk, buf + off, got);
		off += got;
	}
	if (f)
		same = same && !ferror(f) && off == n, fclose(f);
	return same;
}

/* b as CycloneDX, in memory: *buf (free()), *n bytes. */
static int render(struct bom *b, const struct cdx_opts *co, const char *path, char **buf,
		  size_t *n, struct hw_err *e)
{
	FILE *mem = open_memstream(buf, n);
	int rc;

	if (!mem)
		return hw_fail(e, "%s: out of memory", path);
	rc = cyclonedx_write(b, mem, co, e);
	if (fclose(mem) != 0 && !rc)
		rc = hw_fail(e, "%s: out of memory", path);
	if (rc < 0) {
		free(*buf);
		*buf = NULL;
	}
	return rc;
}

/* Write the new BOM to -o DIR, or over path (--in-place). It keeps the
 * saved BOM's serial number; if it is not byte for byte the saved one, its
 * version goes up by one (CycloneDX: a modified BOM counts up); if it is,
 * --in-place leaves the file alone (a fleet's BOMs mostly do not change). */
static int write_new(const struct check_opts *o, const char *path, struct bom *b,
		     const struct bom_saved *old, struct hw_err *e)
{
	struct cdx_opts co = {.tool_version = HWBOM_VERSION, .serial = old->serial,
			      .version = old->bom_version};
	struct outfile out;
	char *target, *copy, *buf = NULL;
	size_t n = 0;
	int rc, same;

	if (render(b, &co, path, &buf, &n, e) < 0)
		return -1;
	same = same_content(path, buf, n);
	if (!same) {
		free(buf);
		co.version++;
		if (render(b, &co, path, &buf, &n, e) < 0)
			return -1;
	}
	if (o->in_place) {
		target = xstrdup(path);
	} else {
		copy = xstrdup(path);
		target = xasprintf("%s/%s", o->outdir, basename(copy));
		free(copy);
	}
	if (o->in_place && same) {
		rc = 0;
	} else if ((rc = outfile_open(&out, target, e)) == 0) {
		if (fwrite(buf, 1, n, out.f) != n) {
			outfile_abort(&out);
			rc = hw_fail(e, "%s: writing failed", target);
		} else {
			rc = outfile_commit(&out, e);
		}
	}
	free(buf);
	free(target);
	return rc;
}

static void check_one(const struct check_opts *o, const char *path, struct result *r)
{
	struct bom *b = bom_new();
	struct bom_saved old = {0};
	struct hw_err e = {0};

	if (bom_read(path, b, &old, &e) < 0)
		goto fail;
	bom_set(&b->as_of, o->as_of);
	judging_apply(&o->j, b);
	if ((o->outdir || o->in_place) && write_new(o, path, b, &old, &e) < 0)
		goto fail;
	r->line = summary(o, path, &old, b);
	r->status = judging_status(&o->j, b);
	goto out;
fail:
	r->error = xstrdup(e.msg);
	r->status = EXIT_BAD;
out:
	r->warnings = e.warnings, r->nwarnings = e.nwarnings;
	e.warnings = NULL, e.nwarnings = 0;
	hw_err_clear(&e);
	bom_saved_clear(&old);
	bom_free(b);
}

static void *worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		size_t i;
		struct result r = {0};

		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->nfiles)
			return NULL;
		check_one(p->o, p->files[i], &r);
		pthread_mutex_lock(&p->lock);
		r.done = 1;
		p->results[i] = r;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
}

/* Print the files' results in order as they come in; the worst status. */
static int report(const struct check_opts *o, struct pool *p)
{
	int worst = 0;

	for (size_t i = 0; i < p->nfiles; i++) {
		struct result r;

		pthread_mutex_lock(&p->lock);
		while (!p->results[i].done)
			pthread_cond_wait(&p->cond, &p->lock);
		r = p->results[i];
		memset(&p->results[i], 0, sizeof r);
		pthread_mutex_unlock(&p->lock);
		for (size_t k = 0; k < r.nwarnings; k++) {
			if (!o->quiet)
				msg_warning("%s: %s", p->files[i], r.warnings[k]);
			free(r.warnings[k]);
		}
		free(r.warnings);
		if (r.error)
			msg_error("%s", r.error);
		else if (r.line)
			print_line(r.line);
		free(r.line), free(r.error);
		if (r.status == EXIT_BAD || (r.status == EXIT_FOUND && worst == 0))
			worst = r.status;
	}
	fflush(stdout);
	return worst;
}

/* -o DIR: made if missing; two files of one name would overwrite each other. */
static int check_outdir(const struct check_opts *o, char **files, size_t n)
{
	struct stat st;
	char **names;
	int rc = 0;

	if (!o->outdir)
		return 0;
	if (mkdir(o->outdir, 0777) < 0 && errno != EEXIST) {
		msg_error("%s: cannot create: %s", o->outdir, strerror(errno));
		return -1;
	}
	if (stat(o->outdir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		msg_error("%s: not a directory", o->outdir);
		return -1;
	}
	names = xcalloc(n, sizeof *names);
	for (size_t i = 0; i < n; i++) {
		char *copy = xstrdup(files[i]);

		names[i] = xstrdup(basename(copy));
		free(copy);
	}
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 1; i < n && !rc; i++)
		if (!strcmp(names[i], names[i - 1])) {
			msg_error("two BOMs named %s would both be written to %s", names[i],
				  o->outdir);
			rc = -1;
		}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static void free_list(char **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		free(list[i]);
	free(list);
}

/* "-": the files to check, one per line, from f (a fleet's list can be
 * longer than a command line may be). NULL, with a message, when there
 * is none or it cannot be read. */
static char **read_list(FILE *f, size_t *n)
{
	char **list = NULL, *line = NULL;
	size_t cap = 0, len = 0;
	ssize_t got;

	*n = 0;
	while ((got = getline(&line, &len, f)) >= 0) {
		while (got && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		if (!got)
			continue;
		GROW(list, cap, *n);
		list[(*n)++] = xstrdup(line);
	}
	free(line);
	if (ferror(f) || !*n) {
		msg_error(ferror(f) ? "-: cannot read the list of BOMs from standard input"
				    : "-: no BOM listed on standard input");
		free_list(list, *n);
		return NULL;
	}
	return list;
}

int cmd_check(int argc, char **argv)
{
	struct check_opts o = {0};
	struct hw_err e = {0};
	struct pool p = {0};
	pthread_t threads[MAX_JOBS];
	char **listed = NULL;
	int nthreads = 0, rc;

	if (parse_opts(argc, argv, &o) < 0)
		return EXIT_BAD;
	p.o = &o;
	p.files = argv + optind;
	p.nfiles = (size_t)(argc - optind);
	if (p.nfiles == 1 && !strcmp(p.files[0], "-")) {
		if (!(p.files = read_list(stdin, &p.nfiles)))
			return EXIT_BAD;
		listed = p.files;
	}
	if (check_outdir(&o, p.files, p.nfiles) < 0 || judging_load(&o.j, &e) < 0) {
		if (e.msg[0])
			msg_error("%s", e.msg);
		hw_err_clear(&e);
		judging_clear(&o.j);
		free_list(listed, p.nfiles);
		return EXIT_BAD;
	}
	p.results = xcalloc(p.nfiles, sizeof *p.results);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	if ((size_t)o.jobs > p.nfiles)
		o.jobs = (int)p.nfiles;
	for (int i = 0; i < o.jobs; i++)
		if (pthread_create(&threads[nthreads], NULL, worker, &p) == 0)
			nthreads++;
	if (!nthreads)
		worker(&p);
	rc = report(&o, &p);
	for (int i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	pthread_mutex_destroy(&p.lock);
	pthread_cond_destroy(&p.cond);
	free(p.results);
	judging_clear(&o.j);
	free_list(listed, p.nfiles);
	return rc;
}
