/* pci_names.c - the vendor blocks of pci.ids a scan needs (see pci_names.h). */
#define _GNU_SOURCE /* memfd_create */
#include "pci_names.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../output/alloc.h"
#include "../../vendor-db/recfile.h"

#define LINE_MAX_IDS 1022 /* libpci reads lines into 1024 bytes */

/* cnt hex digits at p: their value, or -1 (libpci's id_hex()). */
static long hex(const char *p, const char *end, int cnt)
{
	long x = 0;

	if (end - p < cnt)
		return -1;
	for (int i = 0; i < cnt; i++) {
		char c = p[i];

		x <<= 4;
		if (c >= '0' && c <= '9')
			x += c - '0';
		else if (c >= 'a' && c <= 'f')
			x += c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			x += c - 'A' + 10;
		else
			return -1;
	}
	return x;
}

static int white(char c)
{
	return c == ' ' || c == '\t';
}

/* After an id at p (cnt hex digits): white space, then a name. */
static int id_then_name(const char *p, const char *end, int cnt)
{
	if (hex(p, end, cnt) < 0 || end - p <= cnt || !white(p[cnt]))
		return 0;
	for (p += cnt; p < end && white(*p); p++)
		;
	return p < end;
}

enum block { B_NONE, B_VENDOR, B_DEVICE, B_CLASS, B_SUBCLASS, B_GENSUB, B_OTHER };

/* Check one line by libpci's grammar (lib/names-parse.c); *b is the block
 * the line is in. 0 if libpci would refuse it. */
static int check_line(const char *p, const char *end, enum block *b, long *vendor)
{
	int nest = 0;

	while (p < end && *p == '\t')
		p++, nest++;
	if (nest == 0) {
		*vendor = -1;
		if (end - p >= 2 && p[0] == 'C' && p[1] == ' ') {
			*b = B_CLASS;
			return hex(p + 2, end, 2) >= 0 && end - p > 4 && white(p[4]);
		}
		if (end - p >= 2 && p[0] == 'S' && p[1] == ' ') {
			*b = B_GENSUB;
			return hex(p + 2, end, 4) >= 0 && end - p == 6;
		}
		if (end - p >= 2 && p[0] >= 'A' && p[0] <= 'Z' && p[1] == ' ') {
			*b = B_OTHER;
			return 1;
		}
		*b = B_VENDOR;
		*vendor = hex(p, end, 4);
		return id_then_name(p, end, 4);
	}
	if (*b == B_OTHER)
		return 1;
	if (nest == 1) {
		switch (*b) {
		case B_VENDOR:
		case B_DEVICE: *b = B_DEVICE; return id_then_name(p, end, 4);
		case B_GENSUB: return id_then_name(p, end, 4);
		case B_CLASS:
		case B_SUBCLASS: *b = B_SUBCLASS; return id_then_name(p, end, 2);
		default: return 0;
		}
	}
	if (nest == 2) {
		switch (*b) {
		case B_DEVICE: return hex(p, end, 4) >= 0 && end - p > 4 && white(p[4]) &&
				      id_then_name(p + 5, end, 4);
		case B_SUBCLASS: return id_then_name(p, end, 2);
		default: return 0;
		}
	}
	return 0;
}

static int wanted(long v, const uint8_t *bits)
{
	return v >= 0 && (bits[v >> 3] >> (v & 7) & 1);
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t w = write(fd, p, len);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* The subset is built in memory and written once. */
static void put(char *out, size_t *o, const char *p, size_t len)
{
	memcpy(out + *o, p, len);
	*o += len;
}

int pci_names_subset(const char *path, const uint16_t *vendors, size_t n, struct hw_err *e)
{
	enum block b = B_NONE;
	long vendor = -1;
	unsigned lineno = 0;
	uint8_t bits[65536 / 8] = {0}; /* the vendors wanted, one bit each */
	char *buf, *out;
	size_t len, o = 0;
	int fd, rc;

	for (size_t i = 0; i < n; i++)
		bits[vendors[i] >> 3] |= (uint8_t)(1 << (vendors[i] & 7));
	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	out = xmalloc(len + 1); /* a subset, plus a newline the last line may lack */
	fd = memfd_create("hwbom-pci-ids", MFD_CLOEXEC);
	if (fd < 0) {
		free(buf);
		return hw_fail(e, "cannot make a memory file: %s", strerror(errno));
	}
	for (const char *p = buf, *end; p < buf + len; p = end + 1) {
		const char *last, *q;

		end = memchr(p, '\n', (size_t)(buf + len - p));
		if (!end)
			end = buf + len;
		lineno++;
		/* as libpci: a CR ends the line, one trailing blank is dropped */
		last = memchr(p, '\r', (size_t)(end - p));
		last = last ? last : end;
		if (last > p && white(last[-1]))
			last--;
		for (q = p; q < last && white(*q); q++)
			;
		if (q == last || *q == '#') {
			if (*q == '#' && p == q) { /* the header: licence and version */
				put(out, &o, p, (size_t)(last - p));
				put(out, &o, "\n", 1);
			}
			continue;
		}
		if (last - p > LINE_MAX_IDS || !check_line(p, last, &b, &vendor)) {
			close(fd);
			free(buf);
			free(out);
			return hw_fail(e, "%s:%u: %s", path, lineno,
				       last - p > LINE_MAX_IDS ? "line too long for libpci"
							       : "not a line of the pci.ids format");
		}
		/* vendor blocks we need, and every other block (classes, ...) */
		if (b == B_VENDOR || b == B_DEVICE ? wanted(vendor, bits) : 1) {
			put(out, &o, p, (size_t)(last - p));
			put(out, &o, "\n", 1);
		}
	}
	free(buf);
	rc = write_all(fd, out, o);
	free(out);
	if (rc) {
		close(fd);
		return hw_fail(e, "cannot write the memory file: %s", strerror(errno));
	}
	return fd;
}

int pci_names_vendors(const char *path, char ***names, size_t *n, struct hw_err *e)
{
	char *buf;
	size_t len, cap = 0;

	*names = NULL;
	*n = 0;
	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	for (const char *p = buf, *end; p < buf + len; p = end + 1) {
		const char *q, *last;

		end = memchr(p, '\n', (size_t)(buf + len - p));
		if (!end)
			end = buf + len;
		last = memchr(p, '\r', (size_t)(end - p));
		last = last ? last : end;
		while (last > p && white(last[-1]))
			last--;
		if (!id_then_name(p, last, 4))
			continue;
		for (q = p + 4; q < last && white(*q); q++)
			;
		GROW(*names, cap, *n);
		(*names)[(*n)++] = xstrndup(q, (size_t)(last - q));
	}
	free(buf);
	return 0;
}
