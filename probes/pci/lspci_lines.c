/* lspci_lines.c - lspci's one-line-a-function layouts: the header lines of
 * lspci [-n[n]] [-v...] [-k], with the indented lines under them, and the
 * quoted lines of lspci -m/-mm (pciutils lspci.c: show_terse(),
 * show_verbose(), show_machine()). */
#define _GNU_SOURCE /* memmem */
#include "lspci_fields.h"
#include "../hex.h"

#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"

/* A trailing " (TAG hh...)" of s[0..*len): its two hex digits, and *len
 * cut before it; -1 (and *len kept) if s does not end so. */
static long trailing_paren(const char *s, size_t *len, const char *tag)
{
	size_t n = strlen(tag);

	if (*len < n + 4 || s[*len - 1] != ')')
		return -1;
	for (size_t i = *len - n - 3; i > 0; i--) {
		long v;

		if (s[i - 1] != ' ' || memcmp(s + i, tag, n) != 0)
			continue;
		v = lspci_hex(s + i + n, 2);
		if (v < 0 || (s[i + n + 2] != ')' && s[i + n + 2] != ' '))
			return -1;
		*len = i - 1;
		return v;
	}
	return -1;
}

/* "SLOT CLASS: VENDOR DEVICE [vvvv:dddd] (rev rr) (prog-if pp [NAME])" */
static int header_line(const char *name, const struct lspci_line *l, size_t slot_len,
                       const struct lspci_dev *slot, struct lspci_text *t, struct hw_err *e)
{
	const char *s = l->s + slot_len + 1, *colon;
	size_t len = l->len - slot_len - 1, nlen;
	struct lspci_dev *d;
	int ids = t->numeric != 0;
	long progif, rev;

	colon = len ? memmem(s, len, ": ", 2) : NULL;
	if (!colon)
		return lspci_fail(name, l, e,
		                  "no ': ' after the device class: not a line of "
		                  "lspci output (truncated?)");
	d = lspci_new_dev(t, slot, l->no);
	lspci_split_id(s, (size_t)(colon - s), 4, ids, &d->class_id, &d->class_name);
	len -= (size_t)(colon - s) + 2;
	s = colon + 2;
	nlen = len;
	if ((progif = trailing_paren(s, &nlen, "(prog-if ")) >= 0)
		d->progif = progif;
	if ((rev = trailing_paren(s, &nlen, "(rev ")) >= 0)
		d->rev = rev;
	lspci_split_pair(s, nlen, ids, &d->vendor, &d->device, &d->vendor_device);
	if (t->numeric != 0 && d->vendor < 0 && lspci_cut_short(d->vendor_device)) {
		/* libpci cuts a name too long for lspci's buffer with "...",
		 * ids and all: this function is known by its names alone (and
		 * says nothing of whether the file has ids) */
		hw_warn(e,
		        "%s:%u: lspci cut this line short (\"...\"): its numeric ids are lost, "
		        "its names are kept",
		        name, l->no);
		t->cut++;
		if (t->numeric > 0 && d->class_id < 0)
			return lspci_fail(name, l, e, "no numeric [class] id after the class name");
		return 0;
	}
	if (lspci_check_numeric(name, l, t, d->vendor >= 0, e) < 0)
		return -1;
	if (t->numeric && d->class_id < 0)
		return lspci_fail(name, l, e, "no numeric [class] id after the class name");
	if (!t->numeric && !d->vendor_device)
		return lspci_fail(name, l, e, "no vendor or device name after the class");
	if (!d->class_name && !t->numeric)
		return lspci_fail(name, l, e, "no device class before the ':'");
	return 0;
}

/* The next token of a quoted line at *p (before end): a "string" (its
 * inside in *v, *vlen) or a bare word such as -r04. 0 at the end, -1 on a
 * string without its closing quote. lspci escapes nothing: a string ends
 * at a quote that ends the line or is followed by a blank and the next
 * string or option. */
static int quoted_token(const char **p, const char *end, const char **v, size_t *vlen, int *quoted)
{
	const char *q = *p;

	while (q < end && *q == ' ')
		q++;
	if (q == end)
		return 0;
	*quoted = *q == '"';
	if (*quoted) {
		const char *c = q + 1;

		while (c < end && !(*c == '"' && (c + 1 == end || (c[1] == ' ' && c + 2 < end &&
		                                                   (c[2] == '"' || c[2] == '-')))))
			c++;
		if (c == end)
			return -1;
		*v = q + 1;
		*vlen = (size_t)(c - q - 1);
		*p = c + 1;
		return 1;
	}
	*v = q;
	while (q < end && *q != ' ')
		q++;
	*vlen = (size_t)(q - *v);
	*p = q;
	return 1;
}

/* SLOT "CLASS" "VENDOR" "DEVICE" [-rRR] [-pPP] ["SVENDOR" "SDEVICE"] */
static int quoted_line(const char *name, const struct lspci_line *l, size_t slot_len,
                       const struct lspci_dev *slot, struct lspci_text *t, struct hw_err *e)
{
	const char *p = l->s + slot_len + 1, *end = l->s + l->len, *v;
	size_t vlen;
	int quoted, nstr = 0, ids = t->numeric != 0, rc;
	struct lspci_dev *d = lspci_new_dev(t, slot, l->no);
	long *idp[] = {&d->class_id, &d->vendor, &d->device, &d->subvendor, &d->subdevice};
	char **namep[] = {&d->class_name, &d->vendor_name, &d->device_name, &d->subvendor_name,
	                  &d->subdevice_name};

	d->progif = 0; /* -m prints -pPP and -rRR only when they are not 0 */
	while ((rc = quoted_token(&p, end, &v, &vlen, &quoted)) > 0) {
		if (!quoted) {
			long x = vlen == 4 && v[0] == '-' ? lspci_hex(v + 2, 2) : -1;

			if (x < 0 || (v[1] != 'r' && v[1] != 'p') || nstr != 3)
				return lspci_fail(name, l, e,
				                  "not -rRR or -pPP between the device and the "
				                  "subsystem of an lspci -m line");
			*(v[1] == 'r' ? &d->rev : &d->progif) = x;
			continue;
		}
		if (nstr == 5)
			return lspci_fail(name, l, e, "more than five strings in an lspci -m line");
		if (vlen)
			lspci_split_id(v, vlen, 4, ids, idp[nstr], namep[nstr]);
		if (nstr == 1 && lspci_check_numeric(name, l, t, d->vendor >= 0, e) < 0)
			return -1;
		ids = t->numeric != 0;
		nstr++;
	}
	if (rc < 0)
		return lspci_fail(name, l, e, "a string without its closing quote (truncated?)");
	if (nstr != 3 && nstr != 5)
		return lspci_fail(name, l, e,
		                  "an lspci -m line has a class, a vendor and a device, "
		                  "then a subsystem vendor and device");
	if (t->numeric > 0 &&
	    (d->class_id < 0 || d->device < 0 || (d->subvendor >= 0) != (d->subdevice >= 0) ||
	     (d->subvendor < 0 && d->subvendor_name)))
		return lspci_fail(name, l, e,
		                  "a string without its numeric [id], though the file has "
		                  "them");
	if (!d->vendor_name && d->vendor < 0)
		return lspci_fail(name, l, e, "no vendor in this lspci -m line");
	return 0;
}

/* An indented line under a header: the subsystem, the driver, or a sign
 * of -v (Flags:, Control:, "!!! Unknown header type"). */
static int indented_line(const char *name, const struct lspci_line *l, size_t off,
                         struct lspci_text *t, int *verbose, struct hw_err *e)
{
	struct lspci_dev *d = &t->devs[t->n - 1];
	static const char sub[] = "Subsystem: ", drv[] = "Kernel driver in use: ";

	t->subsystems = 1;
	if (lspci_starts(l, off, sub)) {
		if (d->subvendor >= 0 || d->subsystem)
			return lspci_fail(name, l, e,
			                  "a second Subsystem: line for the same function");
		lspci_split_pair(l->s + off + strlen(sub), l->len - off - strlen(sub),
		                 t->numeric != 0, &d->subvendor, &d->subdevice, &d->subsystem);
		if (t->numeric > 0 && d->subvendor < 0 && lspci_cut_short(d->subsystem)) {
			hw_warn(e,
			        "%s:%u: lspci cut this line short (\"...\"): the subsystem's "
			        "numeric ids are lost, its names are kept",
			        name, l->no);
			t->cut++;
		} else if (t->numeric > 0 && d->subvendor < 0)
			return lspci_fail(name, l, e,
			                  "no numeric [vendor:device] ids on the Subsystem: "
			                  "line, though the file has them");
	} else if (lspci_starts(l, off, drv)) {
		free(d->driver);
		d->driver = xstrndup(l->s + off + strlen(drv), l->len - off - strlen(drv));
	} else if (lspci_starts(l, off, "Flags: ") || lspci_starts(l, off, "Control: ") ||
	           lspci_starts(l, off, "!!! ")) {
		*verbose = 1;
	}
	return 0;
}

/* "00: 86 80 ..." of lspci -x between the text: passed over. */
static int hex_dump_line(const struct lspci_line *l)
{
	size_t i = 0;

	while (i < l->len && i < 9 && hex_digit(l->s[i]) >= 0)
		i++;
	return i >= 2 && i <= 8 && i + 1 < l->len && l->s[i] == ':' && l->s[i + 1] == ' ';
}

/* "00 00 00 00": the rest of a hex line that a message on standard error
 * broke in two, when both went to one file. */
static int hex_bytes_line(const struct lspci_line *l)
{
	size_t i = 0;

	for (; i + 2 <= l->len; i += 3)
		if (hex_digit(l->s[i]) < 0 || hex_digit(l->s[i + 1]) < 0 ||
		    (i + 2 < l->len && l->s[i + 2] != ' '))
			return 0;
	return i >= l->len && l->len >= 2;
}

/* The lines of the header layout. */
int lspci_header_lines(const char *name, const struct lspci_line *lines, size_t n,
                       struct lspci_text *t, struct hw_err *e)
{
	int verbose = 0;

	for (size_t i = 0; i < n; i++) {
		const struct lspci_line *l = &lines[i];
		struct lspci_dev slot;
		size_t slen, off = 0;

		if (!l->len)
			continue;
		if (l->s[0] == '\t' || l->s[0] == ' ') {
			if (l->s[0] == '\t')
				off = 1;
			else
				while (off < l->len && off < 8 && l->s[off] == ' ')
					off++;
			if (!t->n)
				return lspci_fail(name, l, e,
				                  "an indented line before the first device");
			if (off < l->len && l->s[off] != '\t' && l->s[off] != ' ' &&
			    indented_line(name, l, off, t, &verbose, e) < 0)
				return -1;
			continue;
		}
		if ((slen = lspci_slot(l->s, l->len, &slot)) && slen < l->len &&
		    t->layout == LSPCI_QUOTED) {
			if (l->s[slen + 1] != '"')
				return lspci_fail(name, l, e,
				                  "a line of lspci -m must follow the address "
				                  "with a quoted class");
			if (quoted_line(name, l, slen, &slot, t, e) < 0)
				return -1;
			continue;
		}
		if ((slen = lspci_slot(l->s, l->len, &slot)) && slen < l->len) {
			if (header_line(name, l, slen, &slot, t, e) < 0)
				return -1;
			continue;
		}
		if (t->n && (hex_dump_line(l) || hex_bytes_line(l)))
			continue;
		if (lspci_starts(l, 0, "pcilib: ") || lspci_starts(l, 0, "lspci: ")) {
			/* its standard error, captured with the output */
			hw_warn(e, "%s:%u: a message of lspci, passed over", name, l->no);
			continue;
		}
		return lspci_fail(name, l, e, "not a line of lspci output");
	}
	/* -v is for the whole file: with it lspci prints "(prog-if pp)"
	 * unless pp is 0 and has no name; without it, never */
	for (size_t i = 0; verbose && i < t->n; i++)
		if (t->devs[i].progif < 0)
			t->devs[i].progif = 0;
	return 0;
}
