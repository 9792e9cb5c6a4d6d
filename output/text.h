/* text.h - a short table of the BOM for a person at a terminal. */
#ifndef HWBOM_TEXT_H
#define HWBOM_TEXT_H

#include <stdio.h>

#include "bom.h"
#include "err.h"

/* One line per component (location, name, vendor, assembler or brand,
 * countries, verdict), its findings beneath it, then the machine's verdict
 * and what could not be seen. -1 with e set on a write error. */
int text_write(const struct bom *b, FILE *f, struct hw_err *e);

#endif
