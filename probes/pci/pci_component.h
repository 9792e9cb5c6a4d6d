/* pci_component.h - one PCI function as a BOM component, whatever the source.
 *
 * libpci (live, dumps, sysfs trees) and lspci's text (lspci_text.h) give the
 * same facts in different shapes; both are put in a struct pci_fn and made
 * into a component here, so that one machine read either way gives the same
 * component: kind, location, identifiers, names, class description. */
#ifndef HWBOM_PCI_COMPONENT_H
#define HWBOM_PCI_COMPONENT_H

#include "../../output/bom.h"

struct pci_fn {
	unsigned domain, bus, dev, func;
	/* -1 where the source did not give the number */
	long vendor, device;
	long subvendor, subdevice; /* -1: no subsystem; 0 and ffff count as none */
	long class_id;             /* base class and subclass, 16 bits */
	long progif, rev;
	/* Names: from pci.ids for numeric ids; for a source with names only
	 * (lspci without -n), the names it printed. NULL when none. */
	const char *vendor_name, *device_name, *subvendor_name, *subdevice_name;
	const char *class_name;
	/* Names only, where the source printed two names as one string that
	 * could not be split (lspci's "VENDOR DEVICE", "Subsystem: VENDOR
	 * DEVICE"): NULL otherwise. */
	const char *vendor_device, *subsystem;
};

/* Add f to bom as a "pci" component: identifiers pci.vendor, pci.device,
 * pci.subvendor, pci.subdevice, pci.class (6 hex digits, or 4 when the
 * programming interface is unknown), pci.revision; for a function known by
 * names only, pci.vendor-name, pci.device-name, pci.subvendor-name,
 * pci.subdevice-name (or pci.name and pci.subsystem-name, unsplit) and the
 * property pci.numeric-ids "absent". The component's name is the device's,
 * its description the class's. */
struct bom_component *pci_component_add(struct bom *bom, const struct pci_fn *f);

#endif
