/* pci_check.c - check recorded PCI input (see pci_check.h). */
#include "pci_check.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../output/alloc.h"
#include "../../output/infile.h"

/* libpci reads lines with fgets() into 256 bytes, less one: at most 253
 * characters before the newline. */
#define DUMP_LINE_MAX 253
#define DUMP_CONFIG_MAX 4096
/* Bounds on what is read at all: a line (lspci -v text lines are a few
 * hundred bytes) and the whole dump (a large server's -xxxx is ~1 MiB). */
#define DUMP_SCAN_MAX (64u << 10)
#define DUMP_FILE_MAX (64u << 20)

/* libpci's dump_validate(): '#' is a hex digit, anything else itself. */
static int matches(const char *s, const char *fmt)
{
	for (; *fmt; fmt++, s++)
		if (*fmt == '#' ? !isxdigit((unsigned char)*s) : *fmt != *s)
			return 0;
	return 1;
}

static int is_header(const char *s)
{
	return matches(s, "##:##.# ") || matches(s, "####:##:##.# ") ||
	       matches(s, "#####:##:##.# ");
}

/* "00: ", "100: ", ... "ffffffff: ": the offset's length, or 0. */
static int data_prefix(const char *s)
{
	static const char *const forms[] = {"##: ",     "###: ",     "####: ",    "#####: ",
					    "######: ", "#######: ", "########: "};

	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		if (matches(s, forms[i]))
			return (int)strlen(forms[i]) - 2;
	return 0;
}

struct dev_state {
	char addr[16];
	unsigned line; /* of its header */
	unsigned long bytes;
};

static int check_device_end(const char *path, const struct dev_state *d, struct hw_err *e)
{
	if (!d->line || d->bytes >= PCI_CHECK_MIN_BYTES)
		return 0;
	if (!d->bytes)
		return hw_fail(e, "%s:%u: device %s has no hex data (make the dump with lspci -x, "
				  "-xxx or -xxxx)",
			       path, d->line, d->addr);
	return hw_fail(e, "%s:%u: device %s has %lu bytes of configuration space, at least %d "
			  "are needed (file truncated?)",
		       path, d->line, d->addr, d->bytes, PCI_CHECK_MIN_BYTES);
}

/* One data line of the current device: "OFF: xx xx ...". */
static int check_data(const char *path, unsigned lineno, const char *s, int off_len,
		      struct dev_state *d, struct hw_err *e)
{
	unsigned long off = strtoul(s, NULL, 16);
	const char *z = s + off_len + 2;

	while (isxdigit((unsigned char)z[0]) && isxdigit((unsigned char)z[1]) &&
	       (!z[2] || z[2] == ' ')) {
		if (off >= DUMP_CONFIG_MAX)
			return hw_fail(e, "%s:%u: offset %#lx is past the %d bytes of PCI "
					  "configuration space",
				       path, lineno, off, DUMP_CONFIG_MAX);
		off++;
		if (off > d->bytes)
			d->bytes = off;
		z += 2;
		if (*z)
			z++;
	}
	if (*z)
		return hw_fail(e, "%s:%u: malformed hex data at column %ld: \"%.16s\"", path, lineno,
			       (long)(z - s) + 1, z);
	return 0;
}

/* Read one line: its first DUMP_LINE_MAX characters into buf (without the
 * newline or a CR before it), its whole length into *full. Returns 1 for a
 * line, 0 at the end of the file, -1 on a fault, with e set. */
static int read_line(FILE *f, const char *path, unsigned lineno, char *buf, size_t *lenp,
		     size_t *full, struct hw_err *e)
{
	size_t len = 0, n = 0;
	int c, binary = 0;

	while ((c = getc_unlocked(f)) != EOF && c != '\n') {
		/* a line, and so the file, has an end: input with no newline
		 * (/dev/zero through a link, a binary) is refused, not waited on */
		if (n >= DUMP_SCAN_MAX)
			return hw_fail(e, "%s:%u: line longer than %u bytes: not an lspci dump", path,
				       lineno, DUMP_SCAN_MAX);
		/* lspci writes text: control bytes other than tab and CR mean
		 * this is something else */
		binary |= (c < 0x20 && c != '\t' && c != '\r') || c == 0x7f;
		if (len < DUMP_LINE_MAX)
			buf[len++] = (char)c;
		n++;
	}
	if (c == EOF) {
		if (ferror(f))
			return hw_fail(e, "%s: read error", path);
		if (!n)
			return 0;
		return hw_fail(e, "%s:%u: last line has no newline (file truncated?)", path,
			       lineno);
	}
	if (binary)
		return hw_fail(e, "%s:%u: control bytes in line (binary data, not an lspci dump)",
			       path, lineno);
	if (len && buf[len - 1] == '\r' && len == n)
		len--;
	buf[len] = '\0';
	*lenp = len;
	*full = n;
	return 1;
}

/* lspci's warnings go to standard error; saved with 2>&1 one may land in
 * the middle of a hex line ("f10: 00 00 pcilib: sysfs_read_vpd: read
 * failed: No such device"), the line's bytes going on after the message's
 * newline. Cut the message out and join the two halves, with a warning.
 * 1 when buf was such a line (and now holds it whole), 0 when it was not,
 * -1 on a fault. */
static int splice(FILE *f, const char *path, unsigned *lineno, char *buf, size_t *len,
		  struct hw_err *e)
{
	char *msg = strstr(buf, "pcilib: "), rest[DUMP_LINE_MAX + 1];
	size_t n, full, at;
	int got;

	if (!msg)
		return 0;
	hw_warn(e, "%s:%u: lspci's message \"%.60s\" inside the data: read around it", path,
		*lineno, msg);
	at = (size_t)(msg - buf);
	while (at && buf[at - 1] == ' ')
		at--;
	got = read_line(f, path, ++*lineno, rest, &n, &full, e);
	if (got <= 0)
		return got < 0 ? -1 : hw_fail(e, "%s:%u: the data stops after lspci's message", path,
					      *lineno - 1);
	if (at + 1 + n > DUMP_LINE_MAX)
		return hw_fail(e, "%s:%u: line longer than %d characters", path, *lineno,
			       DUMP_LINE_MAX);
	buf[at] = ' ';
	memcpy(buf + at + 1, rest, n + 1);
	*len = at + 1 + n;
	return 1;
}

int pci_dump_normalize(const char *path, FILE *out, struct hw_err *e)
{
	FILE *f = infile_fopen(path, e);
	struct stat st;
	struct dev_state d = {0};
	char buf[DUMP_LINE_MAX + 1];
	unsigned lineno = 0, ndev = 0;
	size_t len = 0, full = 0;
	int rc = 0, got = 0;

	if (!f)
		return -1;
	if (fstat(fileno(f), &st) == 0 && st.st_size > (off_t)DUMP_FILE_MAX) {
		fclose(f);
		return hw_fail(e, "%s: larger than %u MiB: not an lspci dump", path,
			       DUMP_FILE_MAX >> 20);
	}
	while (!rc && (got = read_line(f, path, ++lineno, buf, &len, &full, e)) > 0) {
		int off_len;

		if (is_header(buf)) {
			rc = check_device_end(path, &d, e);
			memset(&d, 0, sizeof d);
			snprintf(d.addr, sizeof d.addr, "%.*s", (int)(strchr(buf, ' ') - buf), buf);
			d.line = lineno;
			ndev++;
			/* libpci needs the address and a space; the text after it
			 * may be longer than libpci's line buffer */
			if (out)
				fprintf(out, "%s -\n", d.addr);
		} else if (!len) {
			rc = check_device_end(path, &d, e);
			memset(&d, 0, sizeof d);
		} else if (d.line && (off_len = data_prefix(buf))) {
			if (full <= DUMP_LINE_MAX && splice(f, path, &lineno, buf, &len, e) < 0)
				rc = -1;
			else if (full > DUMP_LINE_MAX)
				rc = hw_fail(e, "%s:%u: line longer than %d characters", path,
					     lineno, DUMP_LINE_MAX);
			else
				rc = check_data(path, lineno, buf, off_len, &d, e);
			if (!rc && out)
				fprintf(out, "%s\n", buf);
		}
		/* anything else is text libpci skips too (lspci -v lines) */
	}
	if (got < 0)
		rc = -1;
	if (!rc)
		rc = check_device_end(path, &d, e);
	if (!rc && !ndev)
		rc = hw_fail(e, "%s: no PCI device found (expected the output of lspci -x, -xxx "
				"or -xxxx)",
			     path);
	if (!rc && out && (fflush(out) == EOF || ferror(out)))
		rc = hw_fail(e, "%s: cannot write the normalised copy", path);
	fclose(f);
	return rc;
}

int pci_check_dump(const char *path, struct hw_err *e)
{
	return pci_dump_normalize(path, NULL, e);
}

/* A sysfs attribute holding one hex number: "0x19e5\n". */
static int check_attr(const char *dir, const char *name, struct hw_err *e)
{
	char *path = xasprintf("%s/%s", dir, name), buf[64], *end;
	FILE *f = infile_fopen(path, e);
	int rc = 0;

	if (!f) {
		rc = -1;
	} else if (!fgets(buf, sizeof buf, f)) {
		rc = hw_fail(e, "%s: empty", path);
	} else {
		errno = 0;
		strtoul(buf, &end, 16);
		if (end == buf || errno || (*end && *end != '\n'))
			rc = hw_fail(e, "%s:1: not a hex number: \"%.*s\"", path,
				     (int)strcspn(buf, "\n"), buf);
	}
	if (f)
		fclose(f);
	free(path);
	return rc;
}

int pci_check_sysfs(const char *devices, struct hw_err *e)
{
	static const char *const required[] = {"vendor", "device", "class"};
	DIR *d = opendir(devices);
	struct dirent *de;
	int rc = 0;

	if (!d)
		return hw_fail(e, "%s: %s", devices, strerror(errno));
	while (!rc && (de = readdir(d))) {
		unsigned dom, bus, dev, fn;
		char *dir, tail;

		if (de->d_name[0] == '.')
			continue;
		if (sscanf(de->d_name, "%x:%x:%x.%u%c", &dom, &bus, &dev, &fn, &tail) != 4 ||
		    bus > 0xff || dev > 0x1f || fn > 7) {
			rc = hw_fail(e, "%s/%s: not a PCI address (dddd:bb:dd.f)", devices,
				     de->d_name);
			break;
		}
		dir = xasprintf("%s/%s", devices, de->d_name);
		for (size_t i = 0; !rc && i < sizeof required / sizeof *required; i++)
			rc = check_attr(dir, required[i], e);
		free(dir);
	}
	closedir(d);
	return rc;
}
