/* lspci_tree.c - the tree of lspci -t [-v] [-n[n]] (pciutils ls-tree.c). */
#include "lspci_fields.h"
#include "../hex.h"

#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"

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
	while (dom < n - 1 && hex_digit(s[1 + dom]) >= 0)
		dom++;
	if (dom >= 4 && dom <= 8 && s[1 + dom] == ':' && n == dom + 4 &&
	    lspci_hex(s + dom + 2, 2) >= 0) {
		b->domain = (unsigned)lspci_hex(s + 1, dom);
		b->bus = (unsigned)lspci_hex(s + dom + 2, 2);
	} else if ((n == 3 || (n == 6 && s[3] == '-' && lspci_hex(s + 4, 2) >= 0)) &&
	           lspci_hex(s + 1, 2) >= 0 && b->set) {
		b->bus = (unsigned)lspci_hex(s + 1, 2);
	} else {
		return 0;
	}
	b->set = 1;
	return n + 1;
}

int lspci_tree_lines(const char *name, const struct lspci_line *lines, size_t n,
                     struct lspci_text *t, struct hw_err *e)
{
	struct tree_bus *at = xcalloc(LSPCI_LINE_MAX + 1, sizeof *at);
	int rc = 0;

	t->subsystems = 0;
	for (size_t k = 0; k < n && !rc; k++) {
		const struct lspci_line *l = &lines[k];
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
			} else if (l->len - i >= 4 && lspci_hex(l->s + i, 2) >= 0 &&
			           l->s[i + 2] == '.' && l->s[i + 3] >= '0' && l->s[i + 3] <= '7' &&
			           lspci_hex(l->s + i, 2) < 0x20 && cur.set) {
				struct lspci_dev slot = {.domain = cur.domain,
				                         .bus = cur.bus,
				                         .dev = (unsigned)lspci_hex(l->s + i, 2),
				                         .func = (unsigned)(l->s[i + 3] - '0')};
				struct lspci_dev *d = lspci_new_dev(t, &slot, l->no);

				d->rev = -1; /* the tree does not say */
				i += 4;
				if (l->len - i > 2 && l->s[i] == ' ' && l->s[i + 1] == ' ') {
					lspci_split_pair(l->s + i + 2, l->len - i - 2, 1,
					                 &d->vendor, &d->device, &d->vendor_device);
					t->numeric |= d->vendor >= 0;
					i = l->len;
				}
			} else {
				rc = lspci_fail(name, l, e, "not a line of an lspci -t tree");
			}
		}
	}
	free(at);
	return rc;
}
