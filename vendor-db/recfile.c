/* recfile.c - tokenizer for the record files (see recfile.h). */
#include "recfile.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/xmlstring.h>

#include "../output/alloc.h"
#include "../output/infile.h"

#define MAX_TOKENS 64

int rec_fail(const struct rec *r, struct hw_err *e, const char *fmt, ...)
{
	char buf[HW_ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return hw_fail(e, "%s:%u: %s", r->file, r->line, buf);
}

const char *rec_get(const struct rec *r, const char *key)
{
	for (size_t i = 0; i < r->nattrs; i++)
		if (!strcmp(r->keys[i], key))
			return r->vals[i];
	return NULL;
}

/* Whether the n bytes at s are all ASCII, which is valid UTF-8: most lines,
 * and much cheaper to tell than a full UTF-8 check. */
static int ascii(const char *s, size_t n)
{
	unsigned char any = 0;

	for (size_t i = 0; i < n; i++)
		any |= (unsigned char)s[i];
	return any < 0x80;
}

int rec_is_ident(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
		      s[n] == '-' || s[n] == '_' || s[n] == '.'))
			return 0;
	return n > 0 && n <= 64;
}

int rec_is_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1800 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

int rec_check(const struct rec *r, struct hw_err *e, size_t min, size_t max,
	      const char *const *allowed)
{
	if (r->nargs < min || r->nargs > max)
		return min == max ? rec_fail(r, e, "'%s' takes %zu argument%s, not %zu", r->verb,
					     min, min == 1 ? "" : "s", r->nargs)
				  : rec_fail(r, e, "'%s' takes %zu to %zu arguments, not %zu",
					     r->verb, min, max, r->nargs);
	for (size_t i = 0; i < r->nattrs; i++) {
		size_t k = 0;

		while (allowed[k] && strcmp(allowed[k], r->keys[i]))
			k++;
		if (!allowed[k])
			return rec_fail(r, e, "'%s' has no attribute '%s'", r->verb, r->keys[i]);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(r->keys[j], r->keys[i]))
				return rec_fail(r, e, "attribute '%s' given twice", r->keys[i]);
	}
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Read a quoted string starting at *p (on the opening quote) into *o;
 * returns -1 if it is not closed. */
static int read_quoted(char **p, char **o)
{
	char *s = *p + 1, *d = *o;

	while (*s && *s != '"') {
		if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
			s++;
		*d++ = *s++;
	}
	if (*s != '"')
		return -1;
	*d++ = '\0';
	*p = s + 1;
	*o = d;
	return 0;
}

/* Split one line (modified in place; tokens are written to out, which is as
 * large as the line) into r. */
static int parse_line(struct rec *r, char *line, char *out, const char **tok, const char **keys,
		      const char **vals, struct hw_err *e)
{
	size_t ntok = 0;
	char *p = line, *o = out;

	r->nargs = r->nattrs = 0;
	for (;;) {
		char *start = o, *eq = NULL;
		int quoted_whole;

		while (is_space(*p))
			p++;
		if (!*p)
			break;
		quoted_whole = *p == '"';
		if (quoted_whole) {
			if (read_quoted(&p, &o) < 0)
				return rec_fail(r, e, "unterminated quoted string");
		} else {
			while (*p && !is_space(*p)) {
				if (*p == '"') {
					if (!eq)
						return rec_fail(r, e, "stray '\"' in a token");
					if (read_quoted(&p, &o) < 0)
						return rec_fail(r, e, "unterminated quoted string");
					o--; /* keep collecting after the closing quote */
					continue;
				}
				if (*p == '=' && !eq)
					eq = o;
				*o++ = *p++;
			}
			*o++ = '\0';
		}
		if (*p && !is_space(*p))
			return rec_fail(r, e, "missing space after a quoted string");
		if (ntok == MAX_TOKENS)
			return rec_fail(r, e, "more than %d fields", MAX_TOKENS);
		ntok++;
		if (ntok == 1) {
			if (eq)
				return rec_fail(r, e, "a line must start with a word, not '%s'", start);
			r->verb = start;
		} else if (eq) {
			*eq = '\0';
			if (!rec_is_ident(start))
				return rec_fail(r, e, "bad attribute name '%s'", start);
			keys[r->nattrs] = start;
			vals[r->nattrs++] = eq + 1;
		} else {
			if (r->nattrs)
				return rec_fail(r, e, "argument '%s' after key=value attributes", start);
			tok[r->nargs++] = start;
		}
	}
	r->args = tok;
	r->keys = keys;
	r->vals = vals;
	return ntok ? 1 : 0;
}

int recfile_parse(const char *name, const char *buf, size_t len, rec_fn fn, void *user,
		  struct hw_err *e)
{
	const char *tok[MAX_TOKENS], *keys[MAX_TOKENS], *vals[MAX_TOKENS];
	char line[REC_LINE_MAX + 1], out[REC_LINE_MAX + 1];
	struct rec r = {.file = name};
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t raw = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		size_t n = raw;
		const char *p;
		int got;

		r.line++;
		if (n && buf[pos + n - 1] == '\r')
			n--;
		if (n > REC_LINE_MAX)
			return rec_fail(&r, e, "line longer than %d bytes", REC_LINE_MAX);
		if (memchr(buf + pos, '\0', n))
			return rec_fail(&r, e, "NUL byte in line");
		memcpy(line, buf + pos, n);
		line[n] = '\0';
		if (!ascii(line, n) && !xmlCheckUTF8((const unsigned char *)line))
			return rec_fail(&r, e, "line is not valid UTF-8");
		pos += raw + (nl ? 1 : 0);
		for (p = line; is_space(*p); p++)
			;
		if (*p == '#' || !*p)
			continue;
		got = parse_line(&r, line, out, tok, keys, vals, e);
		if (got < 0)
			return -1;
		if (got && fn(user, &r, e) < 0)
			return -1;
	}
	return 0;
}

int recfile_slurp(const char *path, char **bufp, size_t *lenp, struct hw_err *e)
{
	FILE *f = infile_fopen(path, e);
	struct stat st;
	char *buf = NULL;
	size_t len = 0, cap = 0;

	if (!f)
		return -1;
	/* a regular file is read in one go; sysfs attributes and pipes
	 * (whose size says nothing) grow as they come */
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (unsigned long long)st.st_size <= REC_FILE_MAX)
		cap = (size_t)st.st_size + 1;
	buf = xmalloc(cap ? cap : 4096);
	cap = cap ? cap : 4096;
	for (;;) {
		size_t n = fread(buf + len, 1, cap - len, f);

		len += n;
		if (len > REC_FILE_MAX) {
			fclose(f);
			free(buf);
			return hw_fail(e, "%s: larger than %u MiB", path, REC_FILE_MAX >> 20);
		}
		if (n == 0 || ferror(f))
			break;
		if (len == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return hw_fail(e, "%s: read error", path);
	}
	fclose(f);
	*bufp = buf;
	*lenp = len;
	return 0;
}

int recfile_read(const char *path, rec_fn fn, void *user, struct hw_err *e)
{
	char *buf;
	size_t len;
	int rc;

	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	rc = recfile_parse(path, buf, len, fn, user, e);
	free(buf);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **recfile_list_dir(const char *dir, const char *suffix, size_t *np, struct hw_err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0, cap = 0, slen = strlen(suffix);
	char **names = NULL;

	if (!d) {
		hw_fail(e, "%s: %s", dir, strerror(errno));
		return NULL;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (len > slen && !strcmp(de->d_name + len - slen, suffix) && de->d_name[0] != '.') {
			GROW(names, cap, n);
			names[n++] = xasprintf("%s/%s", dir, de->d_name);
		}
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, name_cmp);
	if (!names)
		names = xcalloc(1, sizeof *names);
	*np = n;
	return names;
}
