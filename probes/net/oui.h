/* oui.h - who registered a MAC address block, from the IEEE registries
 * (Debian's ieee-data: oui.csv for MA-L, mam.csv for MA-M, oui36.csv for
 * MA-S). The longest matching prefix wins. */
#ifndef HWBOM_OUI_H
#define HWBOM_OUI_H

#include "../../output/err.h"

struct oui_hit {
	char registry[8];  /* "MA-L", "MA-M", "MA-S" */
	char prefix[10];   /* the assignment, upper-case hex, 6, 7 or 9 digits */
	char org[256];     /* the organization's name, as registered */
	char country[3];   /* the two-letter country of its address, or "" */
};

/* Look up the 12 hex digits of mac (upper or lower case) in the registries
 * under dir. 1 and *hit filled when found, 0 when no block holds it, -1 with
 * e set when no registry can be read. */
int oui_lookup(const char *dir, const char *mac, struct oui_hit *hit, struct hw_err *e);

#endif
