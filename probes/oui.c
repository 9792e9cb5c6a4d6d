/* oui.c - the IEEE MAC registries (see oui.h). Each file is CSV with a
 * header line: Registry,Assignment,Organization Name,Organization Address;
 * fields may be double-quoted. */
#include "oui.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../vendor-db/recfile.h"

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

/* Search one registry for the prefix of mac of its length. */
static int search(const char *path, const char *mac, size_t plen, struct oui_hit *hit,
		  struct hw_err *e)
{
	char *buf, field[512], addr[512];
	size_t len;
	int found = 0;

	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	for (const char *p = buf, *end; p < buf + len && !found; p = end + 1) {
		const char *q = p;

		end = memchr(p, '\n', (size_t)(buf + len - p));
		if (!end)
			end = buf + len;
		csv_field(&q, end, hit->registry, sizeof hit->registry);
		csv_field(&q, end, field, sizeof field);
		if (strlen(field) != plen || strncasecmp(field, mac, plen))
			continue;
		snprintf(hit->prefix, sizeof hit->prefix, "%.9s", field);
		csv_field(&q, end, hit->org, sizeof hit->org);
		csv_field(&q, end, addr, sizeof addr);
		country_of(addr, hit->country);
		found = 1;
	}
	free(buf);
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
