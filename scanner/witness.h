/* witness.h - one part, one component: the same processor, memory module
 * or NVMe disk seen by two sources is one component with two witnesses
 * (hwbom:witness), and disagreeing witnesses are said (hwbom:conflict). */
#ifndef HWBOM_WITNESS_H
#define HWBOM_WITNESS_H

#include "../output/bom.h"

/* Before resolving: fold each second witness of a part into the first. */
void witness_merge(struct bom *b);
/* After resolving: one attribution per role and entity on a merged
 * component; different entities for one role stay, with hwbom:conflict. */
void witness_settle(struct bom *b);

#endif
