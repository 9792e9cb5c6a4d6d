/* pci_component.c - a PCI function as a BOM component (see pci_component.h). */
#include "pci_component.h"

#include <stdio.h>

static void add_hex(struct bom_component *c, const char *ns, const char *fmt, long v,
                    const char *name)
{
	char hex[16];

	snprintf(hex, sizeof hex, fmt, (unsigned)v);
	bom_add_id(c, ns, hex, name);
}

static void add_name(struct bom_component *c, const char *ns, const char *name)
{
	if (name)
		bom_add_id(c, ns, name, NULL);
}

struct bom_component *pci_component_add(struct bom *bom, const struct pci_fn *f)
{
	char loc[32];
	struct bom_component *c;

	snprintf(loc, sizeof loc, "%04x:%02x:%02x.%u", f->domain, f->bus, f->dev, f->func);
	c = bom_add_component(bom, "pci", loc);
	if (f->vendor >= 0 && f->device >= 0) {
		add_hex(c, "pci.vendor", "%04x", f->vendor, f->vendor_name);
		add_hex(c, "pci.device", "%04x", f->device, f->device_name);
	} else {
		/* lspci without -n, or a line it cut short: names, said to be names */
		add_name(c, "pci.vendor-name", f->vendor_name);
		add_name(c, "pci.device-name", f->device_name);
		add_name(c, "pci.name", f->vendor_device);
	}
	/* 0000 and ffff mean "no subsystem" (bridges, old devices, short reads) */
	if (f->subvendor > 0 && f->subvendor != 0xffff && f->subdevice >= 0) {
		add_hex(c, "pci.subvendor", "%04x", f->subvendor, f->subvendor_name);
		add_hex(c, "pci.subdevice", "%04x", f->subdevice, f->subdevice_name);
	} else if (f->subvendor < 0) {
		add_name(c, "pci.subvendor-name", f->subvendor_name);
		add_name(c, "pci.subdevice-name", f->subdevice_name);
		add_name(c, "pci.subsystem-name", f->subsystem);
	}
	if (f->class_id >= 0 && f->progif >= 0) {
		char hex[16];

		snprintf(hex, sizeof hex, "%04x%02x", (unsigned)f->class_id, (unsigned)f->progif);
		bom_add_id(c, "pci.class", hex, f->class_name);
	} else if (f->class_id >= 0) {
		add_hex(c, "pci.class", "%04x", f->class_id, f->class_name);
	}
	if (f->rev >= 0)
		add_hex(c, "pci.revision", "%02x", f->rev, NULL);
	bom_set(&c->name, f->device_name ? f->device_name : f->vendor_device);
	bom_set(&c->description, f->class_name);
	if (f->vendor < 0 || f->device < 0)
		bom_add_cprop(c, "pci.numeric-ids", "absent");
	/* an all-ff function (powered down or gone) is explained by the
	 * resolver, from its ids: saved BOMs are judged again the same way */
	return c;
}
