/* probe.c - the probe table and the loop that runs it (see probe.h). */
#include "probe.h"

#include <stddef.h>

const struct probe_ops *const probe_table[] = {
	&probe_pci,
	NULL,
};

int probe_src_recorded(const struct probe_src *src)
{
	return src->root || src->pci_dump;
}

int probe_run_all(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	for (const struct probe_ops *const *p = probe_table; *p; p++) {
		if (!(*p)->detect(src)) {
			bom_set_coverage(bom, (*p)->name, "not-probed", "no source given for it");
			continue;
		}
		if ((*p)->run(src, bom, e) < 0)
			return -1;
	}
	return 0;
}
