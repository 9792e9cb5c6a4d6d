/* storage.c - the storage probe: NVMe controllers (/sys/class/nvme/nvmeN:
 * model, serial, firmware revision, and the PCI function under them) and
 * ATA/SCSI disks (/sys/block/sdX/device: vendor, model, revision). No root
 * needed; --root DIR reads DIR/sys. Virtual block devices (loop, dm, vd
 * without a SCSI device) are not storage hardware and are left out. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../../output/sanitize.h"
#include "../../vendor-db/recfile.h"
#include "../import/inventory.h"
#include "../probe.h"

static int is_nvme(const char *name)
{
	return !strncmp(name, "nvme", 4);
}

static int is_sd(const char *name)
{
	return !strncmp(name, "sd", 2);
}

/* A text attribute, trimmed; NULL if absent or blank. */
static char *attr(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name), *buf, *t = NULL;
	struct hw_err io = {0};
	size_t len;

	if (recfile_slurp(path, &buf, &len, &io) == 0) {
		char *p = buf;

		while (len && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
			len--;
		while (len && *p == ' ')
			p++, len--;
		if (len)
			t = hw_sanitize_n(p, len > 256 ? 256 : len);
		free(buf);
	}
	hw_err_clear(&io);
	free(path);
	return t;
}

static void add_id(struct bom_component *c, const char *ns, char *value)
{
	if (value)
		bom_add_id(c, ns, value, NULL);
	free(value);
}

/* The PCI function a device sits on: the nearest dddd:bb:dd.f directory
 * above it. */
static void pci_parent(const char *devlink, struct bom_component *c)
{
	char real[PATH_MAX], *p;

	if (!realpath(devlink, real))
		return;
	while ((p = strrchr(real, '/'))) {
		unsigned dom, bus, dev, fn;
		char tail;

		if (sscanf(p + 1, "%x:%x:%x.%u%c", &dom, &bus, &dev, &fn, &tail) == 4) {
			char *ref = xasprintf("pci:%04x:%02x:%02x.%u", dom, bus, dev, fn);

			bom_add_cprop(c, "storage.pci", ref);
			free(ref);
			return;
		}
		*p = '\0';
	}
}

static size_t nvme(const char *sys, struct bom *bom)
{
	char *dir = xasprintf("%s/class/nvme", sys);
	size_t n, found = 0;
	char **names = probe_list_dir(dir, is_nvme, &n);

	for (size_t i = 0; i < n; i++) {
		char *d = xasprintf("%s/%s", dir, names[i]), *model = attr(d, "model");
		char *dev = xasprintf("%s/device", d);
		struct bom_component *c;

		if (model) {
			c = bom_add_component(bom, "storage", names[i]);
			bom_set(&c->name, model);
			add_id(c, "storage.model", model);
			add_id(c, "storage.serial", attr(d, "serial"));
			c->firmware = attr(d, "firmware_rev");
			bom_add_cprop(c, "storage.bus", "nvme");
			pci_parent(dev, c);
			bom_set(&c->description, "NVMe controller");
			found++;
		}
		free(dev), free(d), free(names[i]);
	}
	free(names);
	free(dir);
	return found;
}

static size_t scsi(const char *sys, struct bom *bom)
{
	char *dir = xasprintf("%s/block", sys);
	size_t n, found = 0;
	char **names = probe_list_dir(dir, is_sd, &n);

	for (size_t i = 0; i < n; i++) {
		char *d = xasprintf("%s/%s/device", dir, names[i]), *model = attr(d, "model");
		struct bom_component *c;

		if (model) {
			c = bom_add_component(bom, "storage", names[i]);
			bom_set(&c->name, model);
			add_id(c, "storage.vendor", attr(d, "vendor"));
			add_id(c, "storage.model", model);
			c->firmware = attr(d, "rev");
			bom_add_cprop(c, "storage.bus", "scsi");
			pci_parent(d, c);
			bom_set(&c->description, "disk");
			found++;
		}
		free(d), free(names[i]);
	}
	free(names);
	free(dir);
	return found;
}

/* The disks of an inventory, as the sysfs attributes would give them. */
static void from_inventory(const struct inventory *inv, struct bom *bom)
{
	for (size_t i = 0; i < inv->ndisk; i++) {
		const struct inv_disk *d = &inv->disk[i];
		int nv = d->bus && !strcmp(d->bus, "nvme");
		struct bom_component *c = bom_add_component(bom, "storage", d->loc ? d->loc : "disk");

		bom_set(&c->name, d->model);
		if (d->vendor)
			bom_add_id(c, "storage.vendor", d->vendor, NULL);
		if (d->model)
			bom_add_id(c, "storage.model", d->model, NULL);
		if (d->serial)
			bom_add_id(c, "storage.serial", d->serial, NULL);
		bom_set(&c->firmware, d->firmware);
		if (d->bus)
			bom_add_cprop(c, "storage.bus", d->bus);
		if (d->pci) {
			char *ref = xasprintf("pci:%s", d->pci);

			bom_add_cprop(c, "storage.pci", ref);
			free(ref);
		}
		bom_set(&c->description, nv ? "NVMe controller" : "disk");
	}
	inv_coverage(inv, INV_STORAGE, inv->ndisk, bom);
}

static int detect(const struct probe_src *src)
{
	return probe_inv(src, INV_STORAGE) || (!src->inv && probe_reads_sysfs(src));
}

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	char *sys = src->root ? xasprintf("%s/sys", src->root) : xstrdup("/sys");
	size_t found;

	(void)e;
	if (src->inv) {
		from_inventory(src->inv, bom);
		free(sys);
		return 0;
	}
	found = nvme(sys, bom);
	found += scsi(sys, bom);
	bom_set_coverage(bom, "storage", found ? "read" : "absent",
			 found ? "sysfs: nvme and block devices" : "no NVMe or SCSI/ATA disks");
	free(sys);
	return 0;
}

/* What run() reads under --root, for hwbom capture (probe.h). */
static const char *const storage_reads[] = {
	"sys/class/nvme/nvme*/{model,serial,firmware_rev,device}",
	"sys/block/sd*/device/{vendor,model,rev}",
	NULL,
};

const struct probe_ops probe_storage = {
	.name = "storage",
	.help = "NVMe controllers and ATA/SCSI disks from sysfs",
	.detect = detect,
	.run = run,
	.reads = storage_reads,
};
