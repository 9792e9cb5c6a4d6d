/* probe.c - the probe table and the loop that runs it (see probe.h). */
#include "probe.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

const struct probe_ops *const probe_table[] = {
	&probe_dmi,
	&probe_cpu,
	&probe_spd,
	&probe_pci,
	&probe_usb,
	&probe_storage,
	&probe_display,
	&probe_net, /* after pci: a NIC joins its PCI function */
	NULL,
};

int probe_select(struct probe_src *src, const char *name)
{
	for (unsigned i = 0; probe_table[i]; i++)
		if (!strcmp(probe_table[i]->name, name)) {
			src->only |= 1u << i;
			return 0;
		}
	return -1;
}

const char *probe_names(void)
{
	static char buf[256];

	buf[0] = '\0';
	for (unsigned i = 0; probe_table[i]; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? ", " : "",
			 probe_table[i]->name);
	return buf;
}

int probe_src_recorded(const struct probe_src *src)
{
	return src->root || src->pci_dump || src->dmi_dump;
}

int probe_run_all(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	for (unsigned i = 0; probe_table[i]; i++) {
		const struct probe_ops *p = probe_table[i];

		if (src->only && !(src->only & 1u << i)) {
			bom_set_coverage(bom, p->name, "not-probed", "left out by --probe");
			continue;
		}
		if (!p->detect(src)) {
			bom_set_coverage(bom, p->name, "not-probed", "no source given for it");
			continue;
		}
		if (p->run(src, bom, e) < 0)
			return -1;
	}
	return 0;
}
