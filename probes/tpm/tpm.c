/* tpm.c - the TPM probe: who made the TPM, from the chip itself.
 * /sys/class/tpm/tpmN: a TPM 1.2 lists its manufacturer in device/caps
 * ("Manufacturer: 0x49465800"); a TPM 2.0 says nothing of it in sysfs, so on
 * the live machine the probe asks it, TPM2_GetCapability(TPM_PT_MANUFACTURER)
 * through the kernel's resource manager /dev/tpmrmN (root or the tss group;
 * without access the coverage says so). --root DIR reads DIR/sys only.
 * SMBIOS type 43 (dmi.c) is a second witness. TCG TPM 2.0 Part 2 §6.13,
 * Part 3 §30.2. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../output/alloc.h"
#include "../../vendor-db/recfile.h"
#include "../probe.h"
#include "tpm_vendor.h"

static int is_tpm(const char *name)
{
	return !strncmp(name, "tpm", 3) && name[3] >= '0' && name[3] <= '9';
}

/* A text attribute; NULL if absent. Free with free(). */
static char *attr(const char *dir, const char *name, size_t *len)
{
	char *path = xasprintf("%s/%s", dir, name), *buf = NULL;
	struct hw_err io = {0};

	if (recfile_slurp(path, &buf, len, &io) < 0)
		buf = NULL;
	hw_err_clear(&io);
	free(path);
	return buf;
}

/* Ask a TPM 2.0 for its manufacturer; 0 and vendor filled on success. */
static int ask_tpm2(const char *name, char vendor[5])
{
	unsigned char cmd[22], rsp[64];
	/* the resource manager (tpmrmN) lets several users share the TPM */
	char *dev = xasprintf("/dev/tpmrm%s", name + 3);
	int fd, rc = -1;
	ssize_t n;

	fd = open(dev, O_RDWR | O_CLOEXEC);
	free(dev);
	if (fd < 0)
		return -1;
	tpm2_getcap_manufacturer(cmd);
	if (write(fd, cmd, sizeof cmd) == (ssize_t)sizeof cmd && (n = read(fd, rsp, sizeof rsp)) > 0)
		rc = tpm2_parse_manufacturer(rsp, (size_t)n, vendor);
	close(fd);
	return rc;
}

/* The TPM SMBIOS type 43 describes (dmi.c ran first), when it is the only
 * one, names its maker and is of the same major version; else NULL. */
static struct bom_component *smbios_witness(struct bom *bom, const char *major)
{
	struct bom_component *w = NULL;
	const struct bom_id *spec;

	for (size_t i = 0; i < bom->ncomponents; i++) {
		struct bom_component *c = bom->components[i];

		if (strcmp(c->kind, "tpm") || strcmp(c->location, "tpm"))
			continue;
		if (w)
			return NULL;
		w = c;
	}
	if (!w || !bom_get_id(w, "tpm.vendor"))
		return NULL;
	spec = bom_get_id(w, "tpm.spec");
	return spec && major && spec->value[0] == major[0] ? w : NULL;
}

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	char *dir = src->root ? xasprintf("%s/sys/class/tpm", src->root) : xstrdup("/sys/class/tpm");
	size_t n, found = 0, silent = 0, witnessed = 0, unasked = 0;
	char **names = probe_list_dir(dir, is_tpm, &n);

	(void)e;
	for (size_t i = 0; names && i < n; i++) {
		char *t = xasprintf("%s/%s", dir, names[i]), *dev = xasprintf("%s/device", t);
		char *major, *caps, vendor[5] = "";
		struct bom_component *c;
		size_t len;

		caps = attr(dev, "caps", &len);
		if (caps)
			tpm12_parse_caps(caps, len, vendor);
		major = attr(t, "tpm_version_major", &len);
		if (!*vendor && !src->root && major && atoi(major) == 2 && ask_tpm2(names[i], vendor) < 0)
			silent++;
		/* a TPM 2.0 that did not name its maker (a captured tree, or no
		 * access): the one SMBIOS lists is this one, and it is named there */
		if (!*vendor && n == 1 && (c = smbios_witness(bom, major))) {
			bom_add_cprop(c, "tpm.device", names[i]);
			witnessed++;
			found++;
			free(caps), free(major), free(dev), free(t), free(names[i]);
			continue;
		}
		/* in a tree, a TPM 2.0 names its maker only to the live chip */
		unasked += !*vendor && src->root && major && atoi(major) == 2;
		c = bom_add_component(bom, "tpm", names[i]);
		if (*vendor)
			bom_add_id(c, "tpm.vendor", vendor, NULL);
		if (major)
			bom_add_id(c, "tpm.spec", major[0] == '2' ? "2" : "1", NULL);
		bom_set(&c->description, "TPM");
		found++;
		free(caps), free(major), free(dev), free(t), free(names[i]);
	}
	if (!found)
		bom_set_coverage(bom, "tpm", "absent", "no TPM in /sys/class/tpm");
	else if (silent)
		bom_set_coverage(bom, "tpm", "partial",
				 "TPM 2.0 manufacturer not read: /dev/tpmrm* needs root or the tss group");
	else if (unasked)
		bom_set_coverage(bom, "tpm", "partial",
				 "TPM 2.0 manufacturer not in the tree: only the chip tells it");
	else if (witnessed)
		bom_set_coverage(bom, "tpm", "read",
				 "/sys/class/tpm; the maker from SMBIOS type 43");
	else
		bom_set_coverage(bom, "tpm", "read", "/sys/class/tpm and the TPM itself");
	free(names);
	free(dir);
	return 0;
}

/* What run() reads under --root, for hwbom capture (probe.h). */
static const char *const tpm_reads[] = {
	"sys/class/tpm/tpm[0-9]*/{tpm_version_major,device/caps}",
	NULL,
};

const struct probe_ops probe_tpm = {
	.name = "tpm",
	.help = "the TPM: its manufacturer from sysfs (1.2) or the chip (2.0)",
	.detect = probe_reads_sysfs,
	.run = run,
	.reads = tpm_reads,
};
