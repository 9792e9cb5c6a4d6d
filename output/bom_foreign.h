/* bom_foreign.h - a CycloneDX BOM hwbom did not write (a vendor's delivered
 * HBOM, cdxgen's cdx-hbom output; XML or JSON, CycloneDX 1.2 to 1.7), read
 * into the model through foreign_map(), for hwbom check and hwbom diff. */
#ifndef HWBOM_BOM_FOREIGN_H
#define HWBOM_BOM_FOREIGN_H

#include <stddef.h>

#include "bom.h"
#include "bom_read.h"
#include "err.h"

/* Read the len bytes at buf (XML or JSON, told by the first byte) from
 * path into b (new, empty); saved->foreign names the producer. Coverage:
 * "partial" for each source whose kinds of component the BOM lists (what a
 * vendor chose to list is not what a probe read), "not-probed" for the
 * others. -1 with e naming the file and line (XML) or JSON path. */
int bom_read_foreign(const char *path, const char *buf, size_t len, struct bom *b,
                     struct bom_saved *saved, struct hw_err *e);

#endif
