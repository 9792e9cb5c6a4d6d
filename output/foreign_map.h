/* foreign_map.h - a component of a CycloneDX BOM that hwbom did not write,
 * made into a hwbom component: the one place where others' identifiers
 * (cdxgen's cdx:hbom:* properties, the CycloneDX property taxonomy's
 * cdx:device:*, a vendor's manufacturer names and serials) become hwbom's.
 * Both BOM readers, XML and JSON, fill a struct foreign_comp and call
 * foreign_map(). */
#ifndef HWBOM_FOREIGN_MAP_H
#define HWBOM_FOREIGN_MAP_H

#include <stddef.h>

#include "bom.h"

struct foreign_comp {
	const char *type; /* CycloneDX component type: device, firmware, ... */
	const char *bom_ref;
	const char *name, *version, *description, *group;
	const char *manufacturer; /* manufacturer/name (1.6), else supplier/name */
	const char *serial;       /* a property or field the BOM calls the serial, or NULL */
	const char *const *pname; /* its properties, in document order */
	const char *const *pvalue;
	size_t nprops;
};

/* Add fc to b as a hwbom component, or nothing (NULL) when it is not
 * hardware (a library, an application, ...). Properties hwbom's own contract
 * names (hwbom:kind, hwbom:location, hwbom:id:*) are taken as they are; the
 * others are mapped where a table below says how, and the names of those
 * that are not are listed in the component's property foreign.unmapped.
 * The component's property foreign.ref keeps the BOM's bom-ref. */
struct bom_component *foreign_map(struct bom *b, const struct foreign_comp *fc);

#endif
