/* text.h - the BOM for a person at a terminal: a summary, then a table. */
#ifndef HWBOM_TEXT_H
#define HWBOM_TEXT_H

#include <stdio.h>

#include "bom.h"
#include "err.h"

/* The machine's verdict; every finding on one line (severity, policy/rule,
 * component, role, entity, why, and its waiver); what was not covered
 * (unknown entities, unseen roles); the sources; then one line per
 * component (location, name, vendor, assembler or brand, countries,
 * verdict). -1 with e set on a write error. */
int text_write(struct bom *b, FILE *f, struct hw_err *e);

#endif
