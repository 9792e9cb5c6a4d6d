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

#include "../output/alloc.h"

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
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;

	*len = 0;
	*buf = NULL;
	if (fd < 0)
		return hw_fail(e, "%s: %s", path, strerror(errno));
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

/* Search one registry for the prefix of mac of its length: the assignment
 * is found with memmem (",30FBB8,"), and only that line is parsed. The
 * registries are not sorted, and a full parse of their 40,000 lines on
 * every lookup cost milliseconds. */
static int search(const char *path, const char *mac, size_t plen, struct oui_hit *hit,
		  struct hw_err *e)
{
	char *buf, field[512], addr[512], needle[16];
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
		const char *p = at, *q, *end;

		while (p > buf && p[-1] != '\n')
			p--;
		end = memchr(at, '\n', len - (size_t)(at - buf));
		end = end ? end : buf + len;
		q = p;
		csv_field(&q, end, hit->registry, sizeof hit->registry);
		csv_field(&q, end, field, sizeof field);
		if (strlen(field) != plen || strncasecmp(field, mac, plen))
			continue; /* the needle was inside another field */
		snprintf(hit->prefix, sizeof hit->prefix, "%.9s", field);
		csv_field(&q, end, hit->org, sizeof hit->org);
		csv_field(&q, end, addr, sizeof addr);
		country_of(addr, hit->country);
		found = 1;
	}
	if (len)
		munmap(buf, len);
	return found;
}

int oui_lookup(const char *dir, const char *mac, struct oui_hit *hit, struct hw_err *e)
{
	/* longest prefix first: MA-S (36 bits), MA-M (28), MA-L (24) */
	static const struct {
		const char *file;
		size_t digits;
	} reg[] = {{"oui36.csv", 9}, {"mam.csv", 7}, {"oui.csv", 6}};
	int readable = 0;

	for (size_t i = 0; i < sizeof reg / sizeof *reg; i++) {
		char *path = xasprintf("%s/%s", dir, reg[i].file);
		struct hw_err io = {0};
		int r = search(path, mac, reg[i].digits, hit, &io);

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
