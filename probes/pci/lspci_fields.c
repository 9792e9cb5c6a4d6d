/* lspci_fields.c - the pieces every layout of lspci's text shares (see
 * lspci_fields.h). */
#include "lspci_fields.h"

#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../hex.h"

/* n hex digits at s: their value, or -1. */
long lspci_hex(const char *s, size_t n)
{
	long v = 0;

	for (size_t i = 0; i < n; i++) {
		int d = hex_digit(s[i]);

		if (d < 0)
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* "[DOMAIN:]BB:DD.F" at the start of s (len bytes), followed by the end or
 * by a blank: its length, or 0. The domain has 4 to 8 hex digits (lspci -D
 * prints 4, more on machines with many segments). */
size_t lspci_slot(const char *s, size_t len, struct lspci_dev *d)
{
	size_t i = 0, dom = 0;

	while (dom < len && dom < 9 && hex_digit(s[dom]) >= 0)
		dom++;
	if (dom >= 4 && dom <= 8 && dom < len && s[dom] == ':' && dom + 1 + 7 <= len &&
	    s[dom + 3] == ':') {
		d->domain = (unsigned)lspci_hex(s, dom);
		i = dom + 1;
	} else {
		d->domain = 0;
	}
	if (len - i < 7 || lspci_hex(s + i, 2) < 0 || s[i + 2] != ':' ||
	    lspci_hex(s + i + 3, 2) < 0 || s[i + 5] != '.' || s[i + 6] < '0' || s[i + 6] > '7')
		return 0;
	d->bus = (unsigned)lspci_hex(s + i, 2);
	d->dev = (unsigned)lspci_hex(s + i + 3, 2);
	d->func = (unsigned)(s[i + 6] - '0');
	if (d->dev > 0x1f)
		return 0;
	i += 7;
	if (i < len && s[i] != ' ' && s[i] != '\t')
		return 0;
	return i;
}

int lspci_starts(const struct lspci_line *l, size_t off, const char *p)
{
	size_t n = strlen(p);

	return l->len - off >= n && !memcmp(l->s + off, p, n);
}

/* A value "NAME [hhhh]" (digits hex digits in the brackets), or just "hhhh"
 * as lspci -n prints it, or just "NAME". With ids 0, the whole value is a
 * name whatever it ends in. *id is -1 when there is none, *name NULL when
 * there is none. */
void lspci_split_id(const char *s, size_t len, int digits, int ids, long *id, char **name)
{
	size_t n = (size_t)digits;

	*id = -1;
	*name = NULL;
	if (ids && len == n && lspci_hex(s, n) >= 0) {
		*id = lspci_hex(s, n);
		return;
	}
	if (ids && len >= n + 2 && s[len - 1] == ']' && s[len - n - 2] == '[' &&
	    lspci_hex(s + len - n - 1, n) >= 0) {
		*id = lspci_hex(s + len - n - 1, n);
		len -= n + 2;
		while (len && s[len - 1] == ' ')
			len--;
	}
	if (len)
		*name = xstrndup(s, len);
}

/* The same for a pair "NAME [vvvv:dddd]" or "vvvv:dddd". */
void lspci_split_pair(const char *s, size_t len, int ids, long *a, long *b, char **name)
{
	*a = *b = -1;
	*name = NULL;
	if (ids && len == 9 && s[4] == ':' && lspci_hex(s, 4) >= 0 && lspci_hex(s + 5, 4) >= 0) {
		*a = lspci_hex(s, 4);
		*b = lspci_hex(s + 5, 4);
		return;
	}
	if (ids && len >= 11 && s[len - 1] == ']' && s[len - 11] == '[' && s[len - 6] == ':' &&
	    lspci_hex(s + len - 10, 4) >= 0 && lspci_hex(s + len - 5, 4) >= 0) {
		*a = lspci_hex(s + len - 10, 4);
		*b = lspci_hex(s + len - 5, 4);
		len -= 11;
		while (len && s[len - 1] == ' ')
			len--;
	}
	if (len)
		*name = xstrndup(s, len);
}

/* Whether libpci cut s short: it ends a name too long for its buffer in
 * "...". */
int lspci_cut_short(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	return n >= 3 && !strcmp(s + n - 3, "...");
}

struct lspci_dev *lspci_new_dev(struct lspci_text *t, const struct lspci_dev *slot, unsigned no)
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

int lspci_fail(const char *name, const struct lspci_line *l, struct hw_err *e, const char *what)
{
	return hw_fail(e, "%s:%u: %s", name, l->no, what);
}

/* Whether the file's numeric ids agree with what the first function had. */
int lspci_check_numeric(const char *name, const struct lspci_line *l, struct lspci_text *t,
                        int has_ids, struct hw_err *e)
{
	if (t->numeric < 0) {
		t->numeric = has_ids;
		return 0;
	}
	if (t->numeric && !has_ids)
		return lspci_fail(
		    name, l, e,
		    "no numeric [vendor:device] ids here, though the functions before "
		    "had them (a damaged line?)");
	return 0;
}
