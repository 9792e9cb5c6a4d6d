/* probe.c - the probe table and the loop that runs it (see probe.h). */
#include "probe.h"

#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "import/inventory.h"

const struct probe_ops *const probe_table[] = {
	&probe_dmi,
	&probe_cpu,
	&probe_spd,
	&probe_pci,
	&probe_usb,
	&probe_storage,
	&probe_display,
	&probe_net, /* after pci: a NIC joins its PCI function */
	&probe_tpm,
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

int probe_reads_sysfs(const struct probe_src *src)
{
	return !probe_src_recorded(src) || src->root;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **probe_list_dir(const char *dir, int (*keep)(const char *name), size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && keep(de->d_name)) {
			GROW(names, cap, *n);
			names[(*n)++] = xstrdup(de->d_name);
		}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof *names, name_cmp);
	if (!names)
		names = xcalloc(1, sizeof *names);
	return names;
}

int probe_src_recorded(const struct probe_src *src)
{
	return src->root || src->pci_dump || src->lspci || src->dmi_dump || src->dmidecode ||
	       src->cpuinfo || src->lsusb || src->inv;
}

const struct inventory *probe_inv(const struct probe_src *src, int s)
{
	if (!src->inv || !src->inv->carries[s])
		return NULL;
	if ((s == INV_DMI && (src->dmi_dump || src->dmidecode)) ||
	    (s == INV_PCI && (src->pci_dump || src->lspci)) || (s == INV_USB && src->lsusb))
		return NULL;
	return src->inv;
}

int probe_run_all(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	/* roles an inventory read the source of and could not see */
	for (const char *r = src->inv ? src->inv->unseen : NULL; r && *r;) {
		size_t n = strcspn(r, ",");
		char *role = xstrndup(r, n);

		bom_set_coverage(bom, role, "unseen", src->inv->format);
		free(role);
		r += n + (r[n] == ',');
	}
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
