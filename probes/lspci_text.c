/* lspci_text.c - read lspci's text output (see lspci_text.h).
 *
 * The grammar is lspci's own (pciutils lspci.c: show_terse(), show_verbose()
 * and show_machine()); where lspci leaves a field out (a revision of 0, the
 * programming interface without -v) the parser records what that means and
 * no more. */
#define _GNU_SOURCE /* memmem */
#include "lspci_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../vendor-db/recfile.h"

/* One line, without its end of line and trailing blanks. */
struct line {
	const char *s;
	size_t len;
	unsigned no;
};

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* n hex digits at s: their value, or -1. */
static long hex_n(const char *s, size_t n)
{
	long v = 0;

	for (size_t i = 0; i < n; i++) {
		int d = hexval(s[i]);

		if (d < 0)
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* "[DOMAIN:]BB:DD.F" at the start of s (len bytes), followed by the end or
 * by a blank: its length, or 0. The domain has 4 to 8 hex digits (lspci -D
 * prints 4, more on machines with many segments). */
static size_t parse_slot(const char *s, size_t len, struct lspci_dev *d)
{
	size_t i = 0, dom = 0;

	while (dom < len && dom < 9 && hexval(s[dom]) >= 0)
		dom++;
	if (dom >= 4 && dom <= 8 && dom < len && s[dom] == ':' && dom + 1 + 7 <= len &&
	    s[dom + 3] == ':') {
		d->domain = (unsigned)hex_n(s, dom);
		i = dom + 1;
	} else {
		d->domain = 0;
	}
	if (len - i < 7 || hex_n(s + i, 2) < 0 || s[i + 2] != ':' || hex_n(s + i + 3, 2) < 0 ||
	    s[i + 5] != '.' || s[i + 6] < '0' || s[i + 6] > '7')
		return 0;
	d->bus = (unsigned)hex_n(s + i, 2);
	d->dev = (unsigned)hex_n(s + i + 3, 2);
	d->func = (unsigned)(s[i + 6] - '0');
	if (d->dev > 0x1f)
		return 0;
	i += 7;
	if (i < len && s[i] != ' ' && s[i] != '\t')
		return 0;
	return i;
}

static int starts(const struct line *l, size_t off, const char *p)
{
	size_t n = strlen(p);

	return l->len - off >= n && !memcmp(l->s + off, p, n);
}

/* A value "NAME [hhhh]" (digits hex digits in the brackets), or just "hhhh"
 * as lspci -n prints it, or just "NAME". With ids 0, the whole value is a
 * name whatever it ends in. *id is -1 when there is none, *name NULL when
 * there is none. */
static void split_id(const char *s, size_t len, int digits, int ids, long *id, char **name)
{
	size_t n = (size_t)digits;

	*id = -1;
	*name = NULL;
	if (ids && len == n && hex_n(s, n) >= 0) {
		*id = hex_n(s, n);
		return;
	}
	if (ids && len >= n + 2 && s[len - 1] == ']' && s[len - n - 2] == '[' &&
	    hex_n(s + len - n - 1, n) >= 0) {
		*id = hex_n(s + len - n - 1, n);
		len -= n + 2;
		while (len && s[len - 1] == ' ')
			len--;
	}
	if (len)
		*name = xstrndup(s, len);
}

/* The same for a pair "NAME [vvvv:dddd]" or "vvvv:dddd". */
static void split_pair(const char *s, size_t len, int ids, long *a, long *b, char **name)
{
	*a = *b = -1;
	*name = NULL;
	if (ids && len == 9 && s[4] == ':' && hex_n(s, 4) >= 0 && hex_n(s + 5, 4) >= 0) {
		*a = hex_n(s, 4);
		*b = hex_n(s + 5, 4);
		return;
	}
	if (ids && len >= 11 && s[len - 1] == ']' && s[len - 11] == '[' && s[len - 6] == ':' &&
	    hex_n(s + len - 10, 4) >= 0 && hex_n(s + len - 5, 4) >= 0) {
		*a = hex_n(s + len - 10, 4);
		*b = hex_n(s + len - 5, 4);
		len -= 11;
		while (len && s[len - 1] == ' ')
			len--;
	}
	if (len)
		*name = xstrndup(s, len);
}

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
		v = hex_n(s + i + n, 2);
		if (v < 0 || (s[i + n + 2] != ')' && s[i + n + 2] != ' '))
			return -1;
		*len = i - 1;
		return v;
	}
	return -1;
}

/* Whether libpci cut s short: it ends a name too long for its buffer in
 * "...". */
static int cut_short(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	return n >= 3 && !strcmp(s + n - 3, "...");
}

static struct lspci_dev *new_dev(struct lspci_text *t, const struct lspci_dev *slot, unsigned no)
{
	struct lspci_dev *d;

	GROW(t->devs, t->cap, t->n);
	d = &t->devs[t->n++];
	memset(d, 0, sizeof *d);
	d->line = no;
	d->domain = slot->domain;
	d->bus = slot->bus;
	d->dev = slot->dev;
	d->func = slot->func;
	d->vendor = d->device = d->subvendor = d->subdevice = d->class_id = d->progif = -1;
	d->rev = 0; /* lspci prints the revision only when it is not 0 */
	return d;
}

static int fail(const char *name, const struct line *l, struct hw_err *e, const char *what)
{
	return hw_fail(e, "%s:%u: %s", name, l->no, what);
}

/* Whether the file's numeric ids agree with what the first function had. */
static int check_numeric(const char *name, const struct line *l, struct lspci_text *t,
			 int has_ids, struct hw_err *e)
{
	if (t->numeric < 0) {
		t->numeric = has_ids;
		return 0;
	}
	if (t->numeric && !has_ids)
		return fail(name, l, e,
			    "no numeric [vendor:device] ids here, though the functions before "
			    "had them (a damaged line?)");
	return 0;
}

/* "SLOT CLASS: VENDOR DEVICE [vvvv:dddd] (rev rr) (prog-if pp [NAME])" */
static int header_line(const char *name, const struct line *l, size_t slot_len,
		       const struct lspci_dev *slot, struct lspci_text *t, struct hw_err *e)
{
	const char *s = l->s + slot_len + 1, *colon;
	size_t len = l->len - slot_len - 1, nlen;
	struct lspci_dev *d;
	int ids = t->numeric != 0;
	long progif, rev;

	colon = len ? memmem(s, len, ": ", 2) : NULL;
	if (!colon)
		return fail(name, l, e, "no ': ' after the device class: not a line of "
					"lspci output (truncated?)");
	d = new_dev(t, slot, l->no);
	split_id(s, (size_t)(colon - s), 4, ids, &d->class_id, &d->class_name);
	len -= (size_t)(colon - s) + 2;
	s = colon + 2;
	nlen = len;
	if ((progif = trailing_paren(s, &nlen, "(prog-if ")) >= 0)
		d->progif = progif;
	if ((rev = trailing_paren(s, &nlen, "(rev ")) >= 0)
		d->rev = rev;
	split_pair(s, nlen, ids, &d->vendor, &d->device, &d->vendor_device);
	if (t->numeric != 0 && d->vendor < 0 && cut_short(d->vendor_device)) {
		/* libpci cuts a name too long for lspci's buffer with "...",
		 * ids and all: this function is known by its names alone (and
		 * says nothing of whether the file has ids) */
		hw_warn(e, "%s:%u: lspci cut this line short (\"...\"): its numeric ids are lost, "
			   "its names are kept", name, l->no);
		t->cut++;
		if (t->numeric > 0 && d->class_id < 0)
			return fail(name, l, e, "no numeric [class] id after the class name");
		return 0;
	}
	if (check_numeric(name, l, t, d->vendor >= 0, e) < 0)
		return -1;
	if (t->numeric && d->class_id < 0)
		return fail(name, l, e, "no numeric [class] id after the class name");
	if (!t->numeric && !d->vendor_device)
		return fail(name, l, e, "no vendor or device name after the class");
	if (!d->class_name && !t->numeric)
		return fail(name, l, e, "no device class before the ':'");
	return 0;
}

/* The next token of a quoted line at *p (before end): a "string" (its
 * inside in *v, *vlen) or a bare word such as -r04. 0 at the end, -1 on a
 * string without its closing quote. lspci escapes nothing: a string ends
 * at a quote that ends the line or is followed by a blank and the next
 * string or option. */
static int quoted_token(const char **p, const char *end, const char **v, size_t *vlen,
			int *quoted)
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
static int quoted_line(const char *name, const struct line *l, size_t slot_len,
		       const struct lspci_dev *slot, struct lspci_text *t, struct hw_err *e)
{
	const char *p = l->s + slot_len + 1, *end = l->s + l->len, *v;
	size_t vlen;
	int quoted, nstr = 0, ids = t->numeric != 0, rc;
	struct lspci_dev *d = new_dev(t, slot, l->no);
	long *idp[] = {&d->class_id, &d->vendor, &d->device, &d->subvendor, &d->subdevice};
	char **namep[] = {&d->class_name, &d->vendor_name, &d->device_name, &d->subvendor_name,
			  &d->subdevice_name};

	d->progif = 0; /* -m prints -pPP and -rRR only when they are not 0 */
	while ((rc = quoted_token(&p, end, &v, &vlen, &quoted)) > 0) {
		if (!quoted) {
			long x = vlen == 4 && v[0] == '-' ? hex_n(v + 2, 2) : -1;

			if (x < 0 || (v[1] != 'r' && v[1] != 'p') || nstr != 3)
				return fail(name, l, e, "not -rRR or -pPP between the device and the "
							"subsystem of an lspci -m line");
			*(v[1] == 'r' ? &d->rev : &d->progif) = x;
			continue;
		}
		if (nstr == 5)
			return fail(name, l, e, "more than five strings in an lspci -m line");
		if (vlen)
			split_id(v, vlen, 4, ids, idp[nstr], namep[nstr]);
		if (nstr == 1 && check_numeric(name, l, t, d->vendor >= 0, e) < 0)
			return -1;
		ids = t->numeric != 0;
		nstr++;
	}
	if (rc < 0)
		return fail(name, l, e, "a string without its closing quote (truncated?)");
	if (nstr != 3 && nstr != 5)
		return fail(name, l, e, "an lspci -m line has a class, a vendor and a device, "
					"then a subsystem vendor and device");
	if (t->numeric > 0 && (d->class_id < 0 || d->device < 0 ||
			       (d->subvendor >= 0) != (d->subdevice >= 0) ||
			       (d->subvendor < 0 && d->subvendor_name)))
		return fail(name, l, e, "a string without its numeric [id], though the file has "
					"them");
	if (!d->vendor_name && d->vendor < 0)
		return fail(name, l, e, "no vendor in this lspci -m line");
	return 0;
}

/* An indented line under a header: the subsystem, the driver, or a sign
 * of -v (Flags:, Control:, "!!! Unknown header type"). */
static int indented_line(const char *name, const struct line *l, size_t off,
			 struct lspci_text *t, int *verbose, struct hw_err *e)
{
	struct lspci_dev *d = &t->devs[t->n - 1];
	static const char sub[] = "Subsystem: ", drv[] = "Kernel driver in use: ";

	t->subsystems = 1;
	if (starts(l, off, sub)) {
		if (d->subvendor >= 0 || d->subsystem)
			return fail(name, l, e, "a second Subsystem: line for the same function");
		split_pair(l->s + off + strlen(sub), l->len - off - strlen(sub), t->numeric != 0,
			   &d->subvendor, &d->subdevice, &d->subsystem);
		if (t->numeric > 0 && d->subvendor < 0 && cut_short(d->subsystem)) {
			hw_warn(e, "%s:%u: lspci cut this line short (\"...\"): the subsystem's "
				   "numeric ids are lost, its names are kept", name, l->no);
			t->cut++;
		} else if (t->numeric > 0 && d->subvendor < 0)
			return fail(name, l, e, "no numeric [vendor:device] ids on the Subsystem: "
						"line, though the file has them");
	} else if (starts(l, off, drv)) {
		free(d->driver);
		d->driver = xstrndup(l->s + off + strlen(drv), l->len - off - strlen(drv));
	} else if (starts(l, off, "Flags: ") || starts(l, off, "Control: ") ||
		   starts(l, off, "!!! ")) {
		*verbose = 1;
	}
	return 0;
}

/* "00: 86 80 ..." of lspci -x between the text: passed over. */
static int hex_dump_line(const struct line *l)
{
	size_t i = 0;

	while (i < l->len && i < 9 && hexval(l->s[i]) >= 0)
		i++;
	return i >= 2 && i <= 8 && i + 1 < l->len && l->s[i] == ':' && l->s[i + 1] == ' ';
}

/* "00 00 00 00": the rest of a hex line that a message on standard error
 * broke in two, when both went to one file. */
static int hex_bytes_line(const struct line *l)
{
	size_t i = 0;

	for (; i + 2 <= l->len; i += 3)
		if (hexval(l->s[i]) < 0 || hexval(l->s[i + 1]) < 0 ||
		    (i + 2 < l->len && l->s[i + 2] != ' '))
			return 0;
	return i >= l->len && l->len >= 2;
}

/* A tag of lspci -vmm: "Tag:<TAB>value". *vlen 0 for an empty value. */
static int machine_tag(const struct line *l, size_t *tlen, const char **v, size_t *vlen)
{
	size_t i = 0;

	while (i < l->len && ((l->s[i] >= 'A' && l->s[i] <= 'Z') ||
			      (l->s[i] >= 'a' && l->s[i] <= 'z') || (l->s[i] >= '0' && l->s[i] <= '9')))
		i++;
	if (!i || i >= l->len || l->s[i] != ':' ||
	    (i + 1 < l->len && l->s[i + 1] != '\t' && l->s[i + 1] != ' '))
		return 0;
	*tlen = i;
	*v = l->s + i + 1;
	*vlen = l->len - i - 1;
	while (*vlen && (**v == '\t' || **v == ' '))
		(*v)++, (*vlen)--;
	return 1;
}

static int tag_is(const struct line *l, size_t tlen, const char *tag)
{
	return tlen == strlen(tag) && !memcmp(l->s, tag, tlen);
}

/* Check a finished -vmm record. */
static int end_record(const char *name, struct lspci_text *t, struct lspci_dev *d,
		      struct hw_err *e)
{
	const char *miss = NULL;
	char slot[32];

	if (!d)
		return 0;
	if (d->progif < 0)
		d->progif = 0; /* -vmm prints ProgIf: only when it is not 0 */
	if (t->numeric > 0 && d->class_id < 0)
		miss = "Class: with a numeric [class] id";
	else if (t->numeric <= 0 && d->class_id < 0 && !d->class_name)
		miss = "Class:";
	else if (d->vendor < 0 && !d->vendor_name)
		miss = "Vendor:";
	else if (d->device < 0 && !d->device_name)
		miss = "Device:";
	else if (d->subvendor >= 0 && d->subdevice < 0)
		miss = "SDevice: after its SVendor:";
	if (!miss)
		return 0;
	snprintf(slot, sizeof slot, "%04x:%02x:%02x.%u", d->domain, d->bus, d->dev, d->func);
	return hw_fail(e, "%s:%u: the record of %s has no %s (truncated?)", name, d->line, slot,
		       miss);
}

/* One "Tag:<TAB>value" of the current record. */
static int machine_field(const char *name, const struct line *l, size_t tlen, const char *v,
			 size_t vlen, struct lspci_dev *d, struct lspci_text *t,
			 struct hw_err *e)
{
	int ids = t->numeric != 0;
	long *idp = NULL, id;
	char **namep = NULL, *nm;
	int digits = 4;

	if (tag_is(l, tlen, "Class"))
		idp = &d->class_id, namep = &d->class_name;
	else if (tag_is(l, tlen, "Vendor"))
		idp = &d->vendor, namep = &d->vendor_name;
	else if (tag_is(l, tlen, "Device"))
		idp = &d->device, namep = &d->device_name;
	else if (tag_is(l, tlen, "SVendor"))
		idp = &d->subvendor, namep = &d->subvendor_name;
	else if (tag_is(l, tlen, "SDevice"))
		idp = &d->subdevice, namep = &d->subdevice_name;
	else if (tag_is(l, tlen, "Rev"))
		idp = &d->rev, digits = 2;
	else if (tag_is(l, tlen, "ProgIf"))
		idp = &d->progif, digits = 2;
	else if (tag_is(l, tlen, "Driver")) {
		free(d->driver);
		d->driver = vlen ? xstrndup(v, vlen) : NULL;
		return 0;
	} else {
		return 0; /* PhySlot:, Module:, NUMANode:, IOMMUGroup:, ... */
	}
	if (!namep) { /* Rev:, ProgIf: are always hex */
		if (vlen != 2 || (id = hex_n(v, 2)) < 0)
			return fail(name, l, e, "not two hex digits");
		*idp = id;
		return 0;
	}
	if (*namep || *idp >= 0)
		return fail(name, l, e, "a second field of this name in the same record");
	split_id(v, vlen, digits, ids, idp, &nm);
	*namep = nm;
	if (idp == &d->vendor && check_numeric(name, l, t, *idp >= 0, e) < 0)
		return -1;
	if (t->numeric > 0 && *idp < 0)
		return fail(name, l, e, "no numeric [id] here, though the file has them");
	return 0;
}

/* The lines of the machine layout. */
static int machine_lines(const char *name, const struct line *lines, size_t n,
			 struct lspci_text *t, struct hw_err *e)
{
	struct lspci_dev *d = NULL, slot;

	t->subsystems = 1;
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &lines[i];
		const char *v;
		size_t tlen, vlen;

		if (!l->len) {
			if (end_record(name, t, d, e) < 0)
				return -1;
			d = NULL;
			continue;
		}
		if (!machine_tag(l, &tlen, &v, &vlen))
			return fail(name, l, e, "not a 'Tag:<TAB>value' line of lspci -vmm");
		if (!d) {
			/* older lspci named the slot "Device:" */
			if ((!tag_is(l, tlen, "Slot") && !tag_is(l, tlen, "Device")) ||
			    parse_slot(v, vlen, &slot) != vlen)
				return fail(name, l, e, "a record of lspci -vmm must begin with "
							"Slot: and a PCI address");
			d = new_dev(t, &slot, l->no);
			continue;
		}
		if (machine_field(name, l, tlen, v, vlen, d, t, e) < 0)
			return -1;
	}
	return end_record(name, t, d, e);
}

/* The lines of the header layout. */
static int header_lines(const char *name, const struct line *lines, size_t n,
			struct lspci_text *t, struct hw_err *e)
{
	int verbose = 0;

	for (size_t i = 0; i < n; i++) {
		const struct line *l = &lines[i];
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
				return fail(name, l, e, "an indented line before the first device");
			if (off < l->len && l->s[off] != '\t' && l->s[off] != ' ' &&
			    indented_line(name, l, off, t, &verbose, e) < 0)
				return -1;
			continue;
		}
		if ((slen = parse_slot(l->s, l->len, &slot)) && slen < l->len &&
		    t->layout == LSPCI_QUOTED) {
			if (l->s[slen + 1] != '"')
				return fail(name, l, e, "a line of lspci -m must follow the address "
							"with a quoted class");
			if (quoted_line(name, l, slen, &slot, t, e) < 0)
				return -1;
			continue;
		}
		if ((slen = parse_slot(l->s, l->len, &slot)) && slen < l->len) {
			if (header_line(name, l, slen, &slot, t, e) < 0)
				return -1;
			continue;
		}
		if (t->n && (hex_dump_line(l) || hex_bytes_line(l)))
			continue;
		if (starts(l, 0, "pcilib: ") || starts(l, 0, "lspci: ")) {
			/* its standard error, captured with the output */
			hw_warn(e, "%s:%u: a message of lspci, passed over", name, l->no);
			continue;
		}
		return fail(name, l, e, "not a line of lspci output");
	}
	/* -v is for the whole file: with it lspci prints "(prog-if pp)"
	 * unless pp is 0 and has no name; without it, never */
	for (size_t i = 0; verbose && i < t->n; i++)
		if (t->devs[i].progif < 0)
			t->devs[i].progif = 0;
	return 0;
}

/* lspci -t: the tree of buses and functions (pciutils ls-tree.c).
 *   -+-[0000:00]-+-00.0-[3b]----00.0  NAME [vvvv:dddd]
 *    |           \-08.0-[3c]----00.0
 *    \-[0000:7c]---00.0-[7d]----00.0
 * "[dddd:bb]" names a root bus, "-[bb]" or "-[bb-cc]" after a bridge the
 * bus behind it; a branch "+-" or "\-" opened at a column stays on its bus
 * in the lines below. Only the last function of a line has its name (with
 * -v) and ids (with -nn); the others are known by their address alone. */
struct tree_bus {
	unsigned domain, bus;
	int set;
};

/* "[dddd:bb]", "[bb]" or "[bb-cc]" at s: its length, and *b set; 0 if none. */
static size_t tree_bus_token(const char *s, size_t len, struct tree_bus *b)
{
	const char *close = memchr(s, ']', len);
	size_t n = close ? (size_t)(close - s) : 0, dom = 0;

	if (!close || n < 3)
		return 0;
	while (dom < n - 1 && hexval(s[1 + dom]) >= 0)
		dom++;
	if (dom >= 4 && dom <= 8 && s[1 + dom] == ':' && n == dom + 4 &&
	    hex_n(s + dom + 2, 2) >= 0) {
		b->domain = (unsigned)hex_n(s + 1, dom);
		b->bus = (unsigned)hex_n(s + dom + 2, 2);
	} else if ((n == 3 || (n == 6 && s[3] == '-' && hex_n(s + 4, 2) >= 0)) &&
		   hex_n(s + 1, 2) >= 0 && b->set) {
		b->bus = (unsigned)hex_n(s + 1, 2);
	} else {
		return 0;
	}
	b->set = 1;
	return n + 1;
}

static int tree_lines(const char *name, const struct line *lines, size_t n, struct lspci_text *t,
		      struct hw_err *e)
{
	struct tree_bus *at = xcalloc(LSPCI_LINE_MAX + 1, sizeof *at);
	int rc = 0;

	t->subsystems = 0;
	for (size_t k = 0; k < n && !rc; k++) {
		const struct line *l = &lines[k];
		struct tree_bus cur = {0};
		size_t i = 0;

		while (i < l->len && !rc) {
			char c = l->s[i];
			size_t m;

			if ((c == '+' || c == '\\') && i + 1 < l->len && l->s[i + 1] == '-') {
				if (cur.set)
					at[i] = cur; /* the siblings below are on this bus */
				else if (at[i].set)
					cur = at[i];
				i += 2;
			} else if (c == '-' || c == ' ' || c == '|') {
				i++;
			} else if (c == '[' && (m = tree_bus_token(l->s + i, l->len - i, &cur))) {
				i += m;
			} else if (l->len - i >= 4 && hex_n(l->s + i, 2) >= 0 && l->s[i + 2] == '.' &&
				   l->s[i + 3] >= '0' && l->s[i + 3] <= '7' && hex_n(l->s + i, 2) < 0x20 &&
				   cur.set) {
				struct lspci_dev slot = {.domain = cur.domain, .bus = cur.bus,
							 .dev = (unsigned)hex_n(l->s + i, 2),
							 .func = (unsigned)(l->s[i + 3] - '0')};
				struct lspci_dev *d = new_dev(t, &slot, l->no);

				d->rev = -1; /* the tree does not say */
				i += 4;
				if (l->len - i > 2 && l->s[i] == ' ' && l->s[i + 1] == ' ') {
					split_pair(l->s + i + 2, l->len - i - 2, 1, &d->vendor,
						   &d->device, &d->vendor_device);
					t->numeric |= d->vendor >= 0;
					i = l->len;
				}
			} else {
				rc = fail(name, l, e, "not a line of an lspci -t tree");
			}
		}
	}
	free(at);
	return rc;
}

static unsigned long long slot_key(const struct lspci_dev *d)
{
	return (unsigned long long)d->domain << 16 | d->bus << 8 | d->dev << 3 | d->func;
}

static int dev_cmp(const void *pa, const void *pb)
{
	const struct lspci_dev *a = *(struct lspci_dev *const *)pa;
	const struct lspci_dev *b = *(struct lspci_dev *const *)pb;

	if (slot_key(a) != slot_key(b))
		return slot_key(a) < slot_key(b) ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* A function listed twice is a file put together wrongly. */
static int check_duplicates(const char *name, const struct lspci_text *t, struct hw_err *e)
{
	const struct lspci_dev **v = xcalloc(t->n + 1, sizeof *v);
	int rc = 0;

	for (size_t i = 0; i < t->n; i++)
		v[i] = &t->devs[i];
	qsort(v, t->n, sizeof *v, dev_cmp);
	for (size_t i = 1; i < t->n && !rc; i++)
		if (slot_key(v[i - 1]) == slot_key(v[i]))
			rc = hw_fail(e, "%s:%u: %04x:%02x:%02x.%u again (first at line %u)", name,
				     v[i]->line, v[i]->domain, v[i]->bus, v[i]->dev, v[i]->func,
				     v[i - 1]->line);
	free(v);
	return rc;
}

/* Split buf into lines: CR LF or LF ends a line, trailing blanks dropped.
 * NUL bytes and overlong lines are errors; *cut is the number of a last
 * line that has no end, else 0. */
static int split_lines(const char *name, const char *buf, size_t len, struct line **out,
		       size_t *n, unsigned *cut, struct hw_err *e)
{
	struct line *lines = NULL;
	size_t cap = 0;
	unsigned no = 0;

	*n = 0;
	for (const char *p = buf, *end; p < buf + len; p = end + 1) {
		const char *nl = memchr(p, '\n', (size_t)(buf + len - p));
		size_t l;

		end = nl ? nl : buf + len;
		no++;
		if (!nl)
			*cut = no;
		if (memchr(p, '\0', (size_t)(end - p))) {
			free(lines);
			return hw_fail(e, "%s:%u: a NUL byte: not lspci text", name, no);
		}
		l = (size_t)(end - p);
		if (l > LSPCI_LINE_MAX) {
			free(lines);
			return hw_fail(e, "%s:%u: line longer than %d bytes: not lspci text", name,
				       no, LSPCI_LINE_MAX);
		}
		while (l && (p[l - 1] == '\r' || p[l - 1] == ' ' || p[l - 1] == '\t'))
			l--;
		GROW(lines, cap, *n);
		lines[(*n)++] = (struct line){p, l, no};
	}
	*out = lines;
	return 0;
}

int lspci_text_parse(const char *name, const char *buf, size_t len, struct lspci_text *t,
		     struct hw_err *e)
{
	size_t n, first = 0;
	struct line *lines = NULL;
	struct lspci_dev slot;
	unsigned cut = 0;
	int rc;

	t->numeric = -1;
	if (split_lines(name, buf, len, &lines, &n, &cut, e) < 0) {
		t->numeric = 0;
		return -1;
	}
	/* before the first function: blank lines, and the command itself as a
	 * capture may echo it ("$ sudo lspci -v") */
	while (first < n && (!lines[first].len || starts(&lines[first], 0, "$ ") ||
			     starts(&lines[first], 0, "# ")))
		first++;
	if (first == n) {
		free(lines);
		return hw_fail(e, "%s: no PCI function in it: not lspci output", name);
	}
	if (starts(&lines[first], 0, "-") || starts(&lines[first], 0, "+-") ||
	    starts(&lines[first], 0, "\\-")) {
		t->layout = LSPCI_TREE;
		t->numeric = 0;
		rc = tree_lines(name, lines + first, n - first, t, e);
	} else if (parse_slot(lines[first].s, lines[first].len, &slot) &&
		   !starts(&lines[first], 0, "Device:")) {
		size_t slen = parse_slot(lines[first].s, lines[first].len, &slot);

		t->layout = slen + 1 < lines[first].len && lines[first].s[slen + 1] == '"'
				    ? LSPCI_QUOTED
				    : LSPCI_HEADERS;
		if (t->layout == LSPCI_QUOTED)
			t->subsystems = 1; /* "" "" when there is none */
		rc = header_lines(name, lines + first, n - first, t, e);
	} else if (starts(&lines[first], 0, "Slot:") || starts(&lines[first], 0, "Device:")) {
		t->layout = LSPCI_MACHINE;
		rc = machine_lines(name, lines + first, n - first, t, e);
	} else {
		rc = fail(name, &lines[first], e,
			  "not lspci output: expected a function such as '00:1f.6 Ethernet "
			  "controller [0200]: ...' or an lspci -vmm record ('Slot:<TAB>00:1f.6')");
	}
	free(lines);
	if (rc == 0 && !t->n)
		rc = hw_fail(e, "%s: no PCI function in it: not lspci output", name);
	if (rc == 0)
		rc = check_duplicates(name, t, e);
	/* lspci ends every line: a file that stops inside one was cut, and
	 * what was lost cannot be told */
	if (rc == 0 && cut)
		rc = hw_fail(e, "%s:%u: the file ends inside this line: truncated", name, cut);
	if (t->numeric < 0)
		t->numeric = 0;
	return rc;
}

int lspci_text_load(const char *path, struct lspci_text *t, struct hw_err *e)
{
	char *buf;
	size_t len;
	int rc;

	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	rc = lspci_text_parse(path, buf, len, t, e);
	free(buf);
	return rc;
}

void lspci_text_free(struct lspci_text *t)
{
	for (size_t i = 0; i < t->n; i++) {
		struct lspci_dev *d = &t->devs[i];

		free(d->class_name);
		free(d->vendor_name);
		free(d->device_name);
		free(d->vendor_device);
		free(d->subvendor_name);
		free(d->subdevice_name);
		free(d->subsystem);
		free(d->driver);
	}
	free(t->devs);
	memset(t, 0, sizeof *t);
}
