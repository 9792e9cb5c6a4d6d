/* foreign_map.c - others' CycloneDX components as hwbom's (foreign_map.h).
 *
 * Property names read (what each means, from the producers' own code):
 *   cdx:hbom:hardwareClass   cdxgen's cdx-hbom: pci-device, usb-device,
 *                            network-interface, storage, processor, memory,
 *                            board, bios, display, tpm (src/linux/common)
 *   cdx:hbom:pciSlot, busInfo       the location (pci@0000:00:02.0)
 *   cdx:hbom:vendorId, productId    PCI or USB ids; a CPU's vendor string
 *   cdx:hbom:subsystemVendorId, subsystemDeviceId, deviceRevision, revision
 *   cdx:hbom:macAddress      a NIC's address (cdx-hbom redacts it by default);
 *                            its registrant is looked up when judging
 *                            (scanner/judging.c), not here
 *   cdx:hbom:serialNumber, deviceSerial, firmwareVersion
 *   cdx:device:*             the same names in the CycloneDX property
 *                            taxonomy's device namespace
 * and the component's own fields: manufacturer (or supplier) name, name,
 * version, and a serial property. */
#include "foreign_map.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* The value of the property named NAME in one of the namespaces read. */
static const char *prop(const struct foreign_comp *fc, const char *name)
{
	static const char *const ns[] = {"cdx:hbom:", "cdx:device:", "hbom:", ""};

	for (size_t k = 0; k < sizeof ns / sizeof *ns; k++)
		for (size_t i = 0; i < fc->nprops; i++) {
			size_t n = strlen(ns[k]);

			if (!strncmp(fc->pname[i], ns[k], n) && !strcmp(fc->pname[i] + n, name))
				return fc->pvalue[i];
		}
	return NULL;
}

static const char *hwbom_prop(const struct foreign_comp *fc, const char *name)
{
	for (size_t i = 0; i < fc->nprops; i++)
		if (!strcmp(fc->pname[i], name))
			return fc->pvalue[i];
	return NULL;
}

/* "0x8086", "8086" -> "8086" (digits hex digits, lower case); NULL if not */
static int hexid(const char *s, int digits, char *out)
{
	size_t n;

	if (!s)
		return 0;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	n = strlen(s);
	if (!n || n > (size_t)digits || strspn(s, "0123456789abcdefABCDEF") != n)
		return 0;
	snprintf(out, (size_t)digits + 1, "%0*lx", digits, strtoul(s, NULL, 16));
	return 1;
}

static const struct {
	const char *cls, *kind;
} kinds[] = {
    {"pci-device", "pci"},
    {"pci", "pci"},
    {"usb-device", "usb"},
    {"usb", "usb"},
    {"network-interface", "nic"},
    {"network", "nic"},
    {"storage", "storage"},
    {"disk", "storage"},
    {"nvme", "storage"},
    {"processor", "cpu"},
    {"cpu", "cpu"},
    {"memory", "memory"},
    {"memory-module", "memory"},
    {"board", "baseboard"},
    {"baseboard", "baseboard"},
    {"bios", "bios"},
    {"firmware", "bios"},
    {"system", "system"},
    {"display", "display"},
    {"monitor", "display"},
    {"tpm", "tpm"},
};

/* The properties a mapping below reads (the others are listed unmapped). */
static const char *const used[] = {
    "hardwareClass",
    "pciSlot",
    "busInfo",
    "vendorId",
    "productId",
    "subsystemVendorId",
    "subsystemDeviceId",
    "deviceRevision",
    "revision",
    "macAddress",
    "serialNumber",
    "deviceSerial",
    "firmwareVersion",
    "pciClassCode",
    "modalias",
    "driver",
    NULL,
};

static int is_used(const char *name)
{
	const char *tail = NULL;

	if (!strncmp(name, "hwbom:", 6))
		return 1;
	if (!strncmp(name, "cdx:hbom:", 9))
		tail = name + 9;
	else if (!strncmp(name, "cdx:device:", 11))
		tail = name + 11;
	for (size_t i = 0; tail && used[i]; i++)
		if (!strcmp(tail, used[i]))
			return 1;
	return 0;
}

static int taken(const struct bom *b, const char *kind, const char *loc)
{
	for (size_t i = 0; i < b->ncomponents; i++)
		if (!strcmp(b->components[i]->kind, kind) &&
		    !strcmp(b->components[i]->location, loc))
			return 1;
	return 0;
}

/* pci@0000:00:02.0, 0000:00:02.0 or 00:02.0 -> 0000:00:02.0 */
static int pci_loc(const char *s, char out[16])
{
	unsigned d = 0, bus, dev, fn;
	int n = 0;

	if (!s)
		return 0;
	if (!strncmp(s, "pci@", 4))
		s += 4;
	if ((sscanf(s, "%4x:%2x:%2x.%1u%n", &d, &bus, &dev, &fn, &n) == 4 && !s[n]) ||
	    (d = 0, n = 0, sscanf(s, "%2x:%2x.%1u%n", &bus, &dev, &fn, &n) == 3 && !s[n])) {
		snprintf(out, 16, "%04x:%02x:%02x.%u", d, bus, dev, fn);
		return dev < 32 && fn < 8;
	}
	return 0;
}

/* The class with its programming interface from a modalias (bcXXscXXiXX),
 * else the 4 digits of a class code */
static void pci_class(struct bom_component *c, const char *alias, const char *code)
{
	const char *bc = alias && !strncmp(alias, "pci:", 4) ? strstr(alias, "bc") : NULL;
	char cls[7];

	if (bc && strlen(bc) >= 10 && !strncmp(bc + 4, "sc", 2) && bc[8] == 'i' &&
	    strspn(bc + 2, "0123456789abcdefABCDEF") >= 2 &&
	    strspn(bc + 6, "0123456789abcdefABCDEF") >= 2 &&
	    strspn(bc + 9, "0123456789abcdefABCDEF") >= 2) {
		snprintf(cls, sizeof cls, "%.2s%.2s%.2s", bc + 2, bc + 6, bc + 9);
		for (char *p = cls; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		bom_add_id(c, "pci.class", cls, NULL);
	} else if (hexid(code, 4, cls)) {
		bom_add_id(c, "pci.class", cls, NULL);
	}
}

struct bom_component *foreign_map(struct bom *b, const struct foreign_comp *fc)
{
	const char *cls = prop(fc, "hardwareClass"), *kind = hwbom_prop(fc, "hwbom:kind");
	const char *loc = hwbom_prop(fc, "hwbom:location");
	const char *vid = prop(fc, "vendorId"), *pid = prop(fc, "productId");
	const char *serial = fc->serial ? fc->serial : prop(fc, "serialNumber");
	char where[16], hex[5], *l, *unmapped = NULL;
	struct bom_component *c;
	int own = kind && loc;

	if (!own) {
		kind = NULL;
		for (size_t i = 0; cls && i < sizeof kinds / sizeof *kinds; i++)
			if (!strcasecmp(cls, kinds[i].cls))
				kind = kinds[i].kind;
		if (!kind && pci_loc(prop(fc, "pciSlot"), where))
			kind = "pci";
		if (!kind && prop(fc, "macAddress"))
			kind = "nic";
		if (!kind && fc->type && strcmp(fc->type, "device") && strcmp(fc->type, "firmware"))
			return NULL; /* software: not ours to judge */
		if (!kind)
			kind = "device"; /* hardware of a kind hwbom has no probe for */
		loc = NULL;
		if (!strcmp(kind, "pci") &&
		    (pci_loc(prop(fc, "pciSlot"), where) || pci_loc(prop(fc, "busInfo"), where)))
			loc = where;
		else if (!strcmp(kind, "system") || !strcmp(kind, "baseboard") ||
		         !strcmp(kind, "bios") || !strcmp(kind, "chassis"))
			loc = kind;
		if (!loc)
			loc = fc->bom_ref ? fc->bom_ref : fc->name ? fc->name : kind;
	}
	/* one location a component of a kind: a second is numbered */
	l = xstrdup(loc);
	for (unsigned n = 2; taken(b, kind, l) && n < 100000; n++) {
		free(l);
		l = xasprintf("%s#%u", loc, n);
	}
	c = bom_add_component(b, kind, l);
	free(l);
	bom_set(&c->name, fc->name);
	bom_set(&c->description, fc->description);
	if (fc->bom_ref)
		bom_add_cprop(c, "foreign.ref", fc->bom_ref);
	for (size_t i = 0; i < fc->nprops; i++)
		if (!strncmp(fc->pname[i], "hwbom:id:", 9) && fc->pname[i][9] &&
		    !strchr(fc->pname[i] + 9, ':'))
			bom_add_id(c, fc->pname[i] + 9, fc->pvalue[i], NULL);
	if (own)
		return c;
	if (!strcmp(kind, "pci")) {
		if (hexid(vid, 4, hex))
			bom_add_id(c, "pci.vendor", hex, NULL);
		else if (fc->manufacturer)
			bom_add_id(c, "pci.vendor-name", fc->manufacturer, NULL);
		if (hexid(pid, 4, hex))
			bom_add_id(c, "pci.device", hex, NULL);
		if (hexid(prop(fc, "subsystemVendorId"), 4, hex) && strcmp(hex, "0000") &&
		    strcmp(hex, "ffff")) {
			bom_add_id(c, "pci.subvendor", hex, NULL);
			if (hexid(prop(fc, "subsystemDeviceId"), 4, hex))
				bom_add_id(c, "pci.subdevice", hex, NULL);
		}
		pci_class(c, prop(fc, "modalias"), prop(fc, "pciClassCode"));
		if (hexid(prop(fc, "deviceRevision") ? prop(fc, "deviceRevision")
		                                     : prop(fc, "revision"),
		          2, hex))
			bom_add_id(c, "pci.revision", hex, NULL);
		if (prop(fc, "driver"))
			bom_add_cprop(c, "pci.driver", prop(fc, "driver"));
	} else if (!strcmp(kind, "usb")) {
		if (hexid(vid, 4, hex))
			bom_add_id(c, "usb.vendor", hex, NULL);
		if (hexid(pid, 4, hex))
			bom_add_id(c, "usb.product", hex, NULL);
		if (fc->manufacturer)
			bom_add_id(c, "usb.manufacturer", fc->manufacturer, NULL);
		if (serial)
			bom_add_id(c, "usb.serial", serial, NULL);
	} else if (!strcmp(kind, "nic")) {
		const char *m = prop(fc, "macAddress");
		char mac[13];
		size_t n = 0;

		for (const char *p = m; p && *p && n < 13; p++)
			if (isxdigit((unsigned char)*p))
				mac[n++] = (char)tolower((unsigned char)*p);
			else if (*p != ':' && *p != '-')
				n = 13; /* redacted, or not an address */
		if (n == 12) {
			mac[12] = '\0';
			bom_add_id(c, "mac", mac, NULL);
			mac[6] = '\0';
			bom_add_id(c, "oui", mac, NULL);
		}
	} else if (!strcmp(kind, "storage")) {
		if (fc->manufacturer)
			bom_add_id(c, "storage.vendor", fc->manufacturer, NULL);
		if (fc->name)
			bom_add_id(c, "storage.model", fc->name, NULL);
		if (serial)
			bom_add_id(c, "storage.serial", serial, NULL);
		bom_set(&c->firmware,
		        prop(fc, "firmwareVersion") ? prop(fc, "firmwareVersion") : fc->version);
	} else if (!strcmp(kind, "cpu") && vid && strlen(vid) == 12) {
		bom_add_id(c, "cpuid.vendor", vid, NULL); /* GenuineIntel, AuthenticAMD */
	} else if (!strcmp(kind, "display") && fc->manufacturer && strlen(fc->manufacturer) == 3 &&
	           isupper((unsigned char)fc->manufacturer[0])) {
		bom_add_id(c, "pnp", fc->manufacturer, NULL);
	}
	if (fc->manufacturer && !bom_get_id(c, "cpuid.vendor") &&
	    (!strcmp(kind, "system") || !strcmp(kind, "baseboard") || !strcmp(kind, "bios") ||
	     !strcmp(kind, "cpu") || !strcmp(kind, "memory") || !strcmp(kind, "device")))
		bom_add_id(c, "smbios.manufacturer", fc->manufacturer, NULL);
	if (serial && !strcmp(kind, "device"))
		bom_add_id(c, "serial", serial, NULL);
	else if (serial && !bom_get_id(c, "usb.serial") && !bom_get_id(c, "storage.serial"))
		bom_add_id(c, "smbios.serial", serial, NULL);
	if (fc->version && strcmp(kind, "storage"))
		bom_set(&c->firmware,
		        prop(fc, "firmwareVersion") ? prop(fc, "firmwareVersion") : NULL);
	for (size_t i = 0; i < fc->nprops; i++)
		if (!is_used(fc->pname[i])) {
			char *u = unmapped ? xasprintf("%s,%s", unmapped, fc->pname[i])
			                   : xstrdup(fc->pname[i]);

			free(unmapped);
			unmapped = u;
		}
	if (unmapped)
		bom_add_cprop(c, "foreign.unmapped", unmapped);
	free(unmapped);
	if (!strcmp(kind, "device"))
		bom_add_cprop(c, "foreign.kind", "no hwbom probe reads this kind");
	return c;
}
