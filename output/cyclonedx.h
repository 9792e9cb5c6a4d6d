/* cyclonedx.h - write a BOM as CycloneDX 1.6 XML (DESIGN.md §8). */
#ifndef HWBOM_CYCLONEDX_H
#define HWBOM_CYCLONEDX_H

#include <stdio.h>

#include "bom.h"
#include "err.h"

#define CYCLONEDX_NS "http://cyclonedx.org/schema/bom/1.6"

struct cdx_opts {
	const char *tool_version; /* hwbom's version */
	const char *timestamp;    /* xs:dateTime, or NULL for none */
	const char *serial;       /* "urn:uuid:...", or NULL for none */
	unsigned long version;    /* the BOM's version; 0 means 1 */
};

/* Write b to f, after giving its components unique bom-refs
 * (bom_unique_refs()). Without timestamp and serial, the same BOM gives the
 * same bytes. -1 with e set if libxml2 or the stream fails. */
int cyclonedx_write(struct bom *b, FILE *f, const struct cdx_opts *o, struct hw_err *e);

#endif
