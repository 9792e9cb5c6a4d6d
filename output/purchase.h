/* purchase.h - a purchase declaration: what was ordered, for hwbom diff.
 *
 * A small XML file (namespace urn:hwbom:purchase-declaration:1; hwbom(1),
 * PURCHASE DECLARATIONS) listing the ordered components:
 *
 *   <declaration xmlns="urn:hwbom:purchase-declaration:1" order="PO-1"
 *                supplier="..." complete="yes|no">
 *     <item kind="pci" vendor="8086" device="1572" model="X710"
 *           quantity="2" country-of-production="MY" category="..."/>
 *   </declaration>
 */
#ifndef HWBOM_PURCHASE_H
#define HWBOM_PURCHASE_H

#include <stddef.h>

#include "err.h"

#define PURCHASE_NS "urn:hwbom:purchase-declaration:1"

struct purchase_item {
	char *kind;    /* a BOM component kind: pci, usb, system, memory, ... */
	char *vendor;  /* 4 hex digits (PCI, USB vendor id) or a maker's name */
	char *device;  /* 4 hex digits (PCI device, USB product), or NULL */
	char *model;   /* part of the product's name or part number, or NULL */
	char *country; /* declared country of production, ISO 3166-1 alpha-2, or NULL */
	char *category; /* what the FCC Covered List's category entries call it, or NULL */
	unsigned quantity;
	int line;
};

struct purchase {
	char *order, *supplier;
	int complete; /* every component of the listed kinds is declared */
	struct purchase_item *items;
	size_t nitems, capitems;
};

/* Whether path means to be a purchase declaration (its root element's
 * name);
 * 0 for anything else, including a file that cannot be read. */
int purchase_is(const char *path);
/* Read and check one; -1 with e naming the file and line. */
int purchase_read(const char *path, struct purchase *p, struct hw_err *e);
void purchase_clear(struct purchase *p);

/* The categories an item may declare (category=): NULL-terminated. */
extern const char *const purchase_categories[];

/* Match the delivered components of b to the items, in item order, each
 * component once: got[i] gets how many matched item i (at most its
 * quantity). Each matched component gets the item's declared country of
 * production and category as the properties
 * "declared.country-of-production" and "declared.category" (replacing
 * those of an earlier declaration on every component). Returns which
 * components matched (an array of b->ncomponents flags; free() it). */
struct bom;
char *purchase_match(const struct purchase *p, struct bom *b, unsigned *got);

#endif
