/* text.h - the BOM for a person at a terminal: a summary, then a table. */
#ifndef HWBOM_TEXT_H
#define HWBOM_TEXT_H

#include <stdio.h>

#include "bom.h"
#include "err.h"

/* At most 80 display columns a line: the machine (maker, product,
 * serial), the verdict and the coverage, one line each; the findings by
 * severity, grouped by entity, with the parts they are on; the parts read
 * whose maker is unknown; what was not seen and the command that would
 * show it; with verbose, every finding with its reasons and each source;
 * then one line per component (location, name, maker, assembler or brand,
 * countries, verdict). -1 with e set on a write error. */
int text_write(struct bom *b, FILE *f, int verbose, struct hw_err *e);

#endif
