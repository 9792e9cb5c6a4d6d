/* bom_diff.h - the acceptance comparison: what was expected against what
 * was delivered.
 *
 * Components are matched by kind and location, then (for the rest) by kind
 * and the identifiers that say what a part is; what stays unmatched is
 * missing or added. A matched pair differs when the part is another
 * (substituted: a maker or model identifier differs), when only a unit's
 * serial, its firmware or a minor identifier (revision, class) differs, or
 * when its attribution or verdict changed. The expected side is a BOM or a
 * purchase declaration (purchase.h). */
#ifndef HWBOM_BOM_DIFF_H
#define HWBOM_BOM_DIFF_H

#include "bom.h"
#include "purchase.h"

enum diff_kind {
	DIFF_MISSING,     /* expected, not delivered */
	DIFF_ADDED,       /* delivered, not expected */
	DIFF_SUBSTITUTED, /* same slot, another part */
	DIFF_MOVED,       /* the same part in another slot */
	DIFF_CHANGED,     /* a minor identifier: revision, class, ... */
	DIFF_SERIAL,      /* serial numbers, UUIDs, MAC addresses */
	DIFF_FIRMWARE,    /* firmware (and BIOS) versions */
	DIFF_ATTRIBUTION, /* who a role is attributed to */
	DIFF_VERDICT,     /* a component's or the machine's verdict */
	DIFF_NKINDS,
};

struct diff_entry {
	enum diff_kind kind;
	char *ref;      /* the component's bom-ref, "machine", or "item N" */
	char *what;     /* the identifier or role concerned, or NULL */
	char *expected; /* what was expected there, or NULL */
	char *actual;   /* what is there, or NULL */
};

struct bom_diff {
	struct diff_entry *entries;
	size_t n, cap;
	size_t ignored; /* differences left out by the ignore mask */
};

/* "missing", "added", ... ; -1 from the parse when s names no kind. The
 * names --ignore takes are these, and "serials" for serial. */
const char *diff_kind_name(enum diff_kind k);
int diff_kind_parse(const char *s, enum diff_kind *k);

/* Compare; kinds whose bit (1u << kind) is set in ignore are counted in
 * d->ignored, not listed. Both BOMs as bom_read_judged() gives them. */
void bom_diff(const struct bom *expected, const struct bom *actual, unsigned ignore,
	      struct bom_diff *d);
/* Compare against a purchase declaration: each item's quantity of
 * matching components; with a complete declaration, components of its
 * kinds that no item names are added. Each matched component gets the
 * declared country of production as its "declared.country-of-production"
 * property. */
void bom_diff_declaration(const struct purchase *p, struct bom *actual, unsigned ignore,
			  struct bom_diff *d);
void bom_diff_clear(struct bom_diff *d);

#endif
