#define _GNU_SOURCE /* memmem */
/* oui.c - the IEEE MAC registries (see oui.h). Each file is CSV with a
 * header line: Registry,Assignment,Organization Name,Organization Address;
 * fields may be double-quoted. */
#include "oui.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../output/alloc.h"
#include "../../output/infile.h"
#include "oui_index.h"

/* The next CSV field of the line [*p, end) into out (at most n-1 bytes). */
static void csv_field(const char **p, const char *end, char *out, size_t n)
{
	size_t o = 0;
	int quoted = *p < end && **p == '"';

	if (quoted)
		(*p)++;
	while (*p < end) {
		char c = **p;

		if (quoted && c == '"') {
			if (*p + 1 < end && (*p)[1] == '"') {
				(*p)++; /* "" inside quotes */
			} else {
				quoted = 0;
				(*p)++;
				continue;
			}
		} else if (!quoted && c == ',') {
			(*p)++;
			break;
		}
		if (o + 1 < n)
			out[o++] = c;
		(*p)++;
	}
	out[o] = '\0';
}

/* The country of an address: its last two-capital-letter word. */
static void country_of(const char *addr, char out[3])
{
	out[0] = '\0';
	for (const char *p = addr; *p; p++)
		if ((p == addr || p[-1] == ' ') && isupper((unsigned char)p[0]) &&
		    isupper((unsigned char)p[1]) && (p[2] == ' ' || !p[2]))
			out[0] = p[0], out[1] = p[1], out[2] = '\0';
}

/* Map a registry read-only: several megabytes, of which one line is read. */
static int map_file(const char *path, char **buf, size_t *len, struct hw_err *e)
{
	int fd = infile_open(path, e);
	struct stat st;

	*len = 0;
	*buf = NULL;
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return hw_fail(e, "%s: not a file", path);
	}
	if (st.st_size > 0) {
		void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);

		if (m == MAP_FAILED) {
			close(fd);
			return hw_fail(e, "%s: %s", path, strerror(errno));
		}
		*buf = m;
		*len = (size_t)st.st_size;
	}
	close(fd);
	return 0;
}

/* Whether the registry line [p, end) assigns the first plen digits of mac;
 * if so, fill *hit from it. */
static int line_hit(const char *p, const char *end, const char *mac, size_t plen,
		    struct oui_hit *hit)
{
	char field[512], addr[512];

	csv_field(&p, end, hit->registry, sizeof hit->registry);
	csv_field(&p, end, field, sizeof field);
	if (strlen(field) != plen || strncasecmp(field, mac, plen))
		return 0;
	snprintf(hit->prefix, sizeof hit->prefix, "%.9s", field);
	csv_field(&p, end, hit->org, sizeof hit->org);
	csv_field(&p, end, addr, sizeof addr);
	country_of(addr, hit->country);
	return 1;
}

/* Search one registry for the prefix of mac of its length: the assignment
 * is found with memmem (",30FBB8,"), and only that line is parsed. This is
 * the way without an index (see oui_index.h). */
static int search(const char *path, const char *mac, size_t plen, struct oui_hit *hit,
		  struct hw_err *e)
{
	char *buf, needle[16];
	size_t len;
	int found = 0;

	needle[0] = ',';
	for (size_t i = 0; i < plen; i++)
		needle[1 + i] = (char)toupper((unsigned char)mac[i]);
	needle[1 + plen] = ',';
	needle[2 + plen] = '\0';
	if (map_file(path, &buf, &len, e) < 0)
		return -1;
	for (const char *at = buf; !found && len && (at = memmem(at, len - (size_t)(at - buf), needle,
							  plen + 2));
	     at++) {
		const char *p = at, *end;

		while (p > buf && p[-1] != '\n')
			p--;
		end = memchr(at, '\n', len - (size_t)(at - buf));
		/* no match when the needle was inside another field */
		found = line_hit(p, end ? end : buf + len, mac, plen, hit);
	}
	if (len)
		munmap(buf, len);
	return found;
}

/* longest prefix first: MA-S (36 bits), MA-M (28), MA-L (24) */
static const char *const reg_file[] = {"oui36.csv", "mam.csv", "oui.csv"};
static const size_t reg_digits[] = {9, 7, 6};
#define NREG (sizeof reg_file / sizeof *reg_file)

/* The lookup through the index: 1 or 0 as oui_lookup(), -1 when a line it
 * points at does not say what the index says (the caller then searches). */
static int indexed(const struct oui_index *ix, const char *dir, const char *mac,
		   struct oui_hit *hit)
{
	for (size_t i = 0; i < NREG; i++) {
		char prefix[10], line[4096], *path;
		struct hw_err io = {0};
		size_t file, n;
		uint64_t off;
		ssize_t got;
		int fd;

		for (n = 0; n < reg_digits[i]; n++)
			prefix[n] = (char)toupper((unsigned char)mac[n]);
		prefix[n] = '\0';
		if (!oui_index_find(ix, prefix, &file, &off))
			continue;
		path = xasprintf("%s/%s", dir, reg_file[file]);
		fd = infile_open(path, &io);
		free(path);
		if (fd < 0)
			return -1;
		got = pread(fd, line, sizeof line, (off_t)off);
		close(fd);
		if (got <= 0)
			return -1;
		n = (size_t)got;
		if (memchr(line, '\n', n))
			n = (size_t)((char *)memchr(line, '\n', n) - line);
		if (file != i || !line_hit(line, line + n, mac, reg_digits[i], hit))
			return -1;
		return 1;
	}
	return 0;
}

int oui_lookup(const char *dir, const char *mac, struct oui_hit *hit, struct hw_err *e)
{
	struct oui_index *ix = oui_index_open(dir, reg_file, NREG);
	int readable = 0;

	if (ix) {
		int r = indexed(ix, dir, mac, hit);

		oui_index_close(ix);
		if (r >= 0)
			return r;
	}

	for (size_t i = 0; i < NREG; i++) {
		char *path = xasprintf("%s/%s", dir, reg_file[i]);
		struct hw_err io = {0};
		int r = search(path, mac, reg_digits[i], hit, &io);

		free(path);
		hw_err_clear(&io);
		if (r >= 0)
			readable = 1;
		if (r > 0)
			return 1;
	}
	if (!readable)
		return hw_fail(e, "%s: no IEEE registry (oui.csv, mam.csv, oui36.csv) could be read",
			       dir);
	return 0;
}
