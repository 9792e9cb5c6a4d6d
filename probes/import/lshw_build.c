/* lshw_build.c - the inventory of an lshw tree (lshw_tree.h).
 *
 * lshw (src/core/{dmi,pci,usb,scsi,nvme,network}.cc) fills its nodes from
 * SMBIOS, sysfs and libpci-like reads; which node came from where is told
 * by its bus info and class:
 *   the root        SMBIOS type 1 when it has an smbios-X/dmi-X capability
 *   core            type 2 (the motherboard)
 *   firmware        type 0 (vendor, version, date)
 *   processor       type 4 (vendor, version, slot), with DMI only
 *   memory bank:N   type 17 (vendor, product = part number, serial, slot, size)
 *   pci@ADDR        a PCI function: names, and the numeric ids of B.02.19's
 *                   hints or modalias, or of -numeric's "[8086:1533]"
 *   usb@BUS[:PORTS] a USB device; ids only from a modalias or -numeric
 *   disk, storage   /dev/sdX and /dev/nvmeN: vendor, product, version, serial
 *   network         serial = the MAC address, logical name = the interface
 * The text and HTML printers do not write the class: it is guessed from the
 * id, which lshw makes of the class (bank, cpu, disk, network, usb, ...). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "lshw_tree.h"

static const char *node_class(const struct lshw_node *n, char *buf, size_t len)
{
	const char *id = n->f[LF_ID] ? n->f[LF_ID] : "";
	size_t k = strcspn(id, ":");

	if (n->f[LF_CLASS])
		return n->f[LF_CLASS];
	snprintf(buf, len, "%.*s", (int)k, id);
	if (!strncmp(buf, "cpu", 3))
		return "processor";
	if (!strcmp(buf, "bank"))
		return "memory";
	return buf;
}

static int parent(const struct lshw_tree *t, size_t i)
{
	for (size_t j = i; j-- > 0;)
		if (t->nodes[j].depth < t->nodes[i].depth)
			return (int)j;
	return -1;
}

/* The PCI address of i or of its nearest PCI ancestor, or NULL. */
static const char *pci_of(const struct lshw_tree *t, size_t i)
{
	for (int j = (int)i; j >= 0; j = parent(t, (size_t)j)) {
		const char *b = t->nodes[j].f[LF_BUSINFO];

		if (b && !strncmp(b, "pci@", 4))
			return b + 4;
	}
	return NULL;
}

/* "0x8086" or "8086" -> 0x8086; -1 if not hex or over max. */
static long hexval(const char *s, long max)
{
	char *end;
	long v;

	if (!s || !*s)
		return -1;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	if (!isxdigit((unsigned char)*s))
		return -1;
	v = strtol(s, &end, 16);
	return *end || v > max ? -1 : v;
}

/* "NAME [8086:1533]" (lshw -numeric): the ids in *a, *b (b -1 for
 * "[8086]"), and the length of NAME; -1 when there are none. */
static int numeric_suffix(const char *s, long *a, long *b)
{
	const char *o = s ? strrchr(s, '[') : NULL;
	char x[5] = "", y[5] = "";
	int n = 0;

	*a = *b = -1;
	if (!o || s[strlen(s) - 1] != ']')
		return -1;
	if (sscanf(o, "[%4[0-9a-fA-F]:%4[0-9a-fA-F]]%n", x, y, &n) == 2 && !o[n]) {
		*a = strtol(x, NULL, 16), *b = strtol(y, NULL, 16);
	} else if (n = 0, sscanf(o, "[%4[0-9a-fA-F]]%n", x, &n) == 1 && n && !o[n]) {
		*a = strtol(x, NULL, 16);
	} else {
		return -1;
	}
	while (o > s && o[-1] == ' ')
		o--;
	return (int)(o - s);
}

/* A name without lshw -numeric's "[...]"; NULL for none. Free with free(). */
static char *bare(const char *s)
{
	long a, b;
	int n = numeric_suffix(s, &a, &b);

	return n >= 0 ? xstrndup(s, (size_t)n) : xstrdup(s);
}

/* A field "XXnnnn" of a modalias ("pci:v00008086d00001533sv...") */
static long alias_field(const char *alias, const char *tag, int digits)
{
	size_t tl = strlen(tag);

	for (const char *p = strchr(alias, ':'); p && *p; p++)
		if (!strncmp(p, tag, tl) && !isalpha((unsigned char)p[tl])) {
			char buf[9];
			int k;

			for (k = 0; k < digits && isxdigit((unsigned char)p[tl + k]); k++)
				buf[k] = p[tl + k];
			buf[k] = '\0';
			return k == digits ? strtol(buf, NULL, 16) : -1;
		}
	return -1;
}

static void pci_node(const struct lshw_tree *t, const struct lshw_node *n, struct inventory *inv,
                     int *numeric, int *subsys)
{
	struct lspci_dev addr, *d;
	const char *alias = n->f[LF_MODALIAS];
	long a, b;

	if (inv_pci_addr(n->f[LF_BUSINFO], &addr) < 0)
		return;
	for (size_t i = 0; i < inv->pci.n; i++)
		if (inv->pci.devs[i].domain == addr.domain && inv->pci.devs[i].bus == addr.bus &&
		    inv->pci.devs[i].dev == addr.dev && inv->pci.devs[i].func == addr.func)
			return; /* lshw lists a function once; a child on it is not another */
	d = inv_add_pci(inv);
	d->line = n->line;
	d->domain = addr.domain, d->bus = addr.bus, d->dev = addr.dev, d->func = addr.func;
	if (alias && !strncmp(alias, "pci:", 4)) {
		d->vendor = alias_field(alias, "v", 8);
		d->device = alias_field(alias, "d", 8);
		d->subvendor = alias_field(alias, "sv", 8);
		d->subdevice = alias_field(alias, "sd", 8);
		if ((a = alias_field(alias, "bc", 2)) >= 0 &&
		    (b = alias_field(alias, "sc", 2)) >= 0)
			d->class_id = a << 8 | b;
		d->progif = alias_field(alias, "i", 2);
	}
	if (d->vendor < 0)
		d->vendor = hexval(lshw_kv(n, "hint:pci.vendor"), 0xffff);
	if (d->device < 0)
		d->device = hexval(lshw_kv(n, "hint:pci.device"), 0xffff);
	if (d->class_id < 0)
		d->class_id = hexval(lshw_kv(n, "hint:pci.class"), 0xffff);
	if (d->subvendor < 0 && lshw_kv(n, "hint:pci.subvendor")) {
		d->subvendor = hexval(lshw_kv(n, "hint:pci.subvendor"), 0xffff);
		d->subdevice = hexval(lshw_kv(n, "hint:pci.subdevice"), 0xffff);
	}
	if (d->vendor < 0 && numeric_suffix(n->f[LF_PRODUCT], &a, &b) >= 0 && b >= 0)
		d->vendor = a, d->device = b;
	if (d->subvendor < 0 && numeric_suffix(n->f[LF_SUBPRODUCT], &a, &b) >= 0 && b >= 0)
		d->subvendor = a, d->subdevice = b;
	if (d->vendor < 0 || d->device < 0) {
		d->vendor = d->device = -1;
		*numeric = 0;
	}
	if (d->subvendor < 0 && !alias && !lshw_kv(n, "hint:pci.vendor"))
		*subsys = 0; /* nothing in this node could have shown one */
	if (d->subvendor == 0 || d->subvendor == 0xffff || d->subdevice < 0)
		d->subvendor = d->subdevice = -1;
	d->rev = hexval(n->f[LF_VERSION], 0xff);
	d->vendor_name = n->f[LF_VENDOR] ? bare(n->f[LF_VENDOR]) : NULL;
	d->device_name = n->f[LF_PRODUCT] ? bare(n->f[LF_PRODUCT]) : NULL;
	if (!d->vendor_name && !d->device_name && d->vendor < 0)
		d->vendor_name = xstrdup("unknown"); /* a function lshw could not name */
	d->class_name = inv_dup(n->f[LF_DESCRIPTION]);
	d->driver = inv_dup(lshw_kv(n, "driver"));
	(void)t;
}

/* usb@BUS or usb@BUS:P.P.P */
static int usb_path(const char *s, struct usb_dev *d)
{
	char *end;
	unsigned long v;

	if (!s || strncmp(s, "usb@", 4))
		return -1;
	s += 4;
	v = strtoul(s, &end, 10);
	if (end == s || v > 255)
		return -1;
	d->bus = (unsigned)v;
	if (!*end)
		return 0;
	if (*end != ':')
		return -1;
	for (s = end + 1;;) {
		v = strtoul(s, &end, 10);
		if (end == s || v > 255 || d->nports == MAX_PORTS)
			return -1;
		d->ports[d->nports++] = (unsigned)v;
		if (!*end)
			return 0;
		if (*end != '.')
			return -1;
		s = end + 1;
	}
}

/* "5.10" -> 0x0510 (lshw prints bcdDevice and bcdUSB as %x.%02x) */
static long bcd(const char *s)
{
	unsigned hi, lo;
	int n = 0;

	if (!s || sscanf(s, "%2x.%2x%n", &hi, &lo, &n) != 2 || s[n])
		return -1;
	return (long)(hi << 8 | lo);
}

static void usb_node(const struct lshw_node *n, struct inventory *inv, int *ids)
{
	struct usb_dev d = {0}, *u;
	const char *alias = n->f[LF_MODALIAS], *speed = lshw_kv(n, "speed");
	long a = -1, b = -1, v;

	if (usb_path(n->f[LF_BUSINFO], &d) < 0)
		return;
	for (size_t i = 0; i < inv->nusb; i++)
		if (inv->usb[i].bus == d.bus && inv->usb[i].nports == d.nports &&
		    !memcmp(inv->usb[i].ports, d.ports, sizeof d.ports))
			return;
	d.lacks = USB_LACKS_STRINGS | USB_LACKS_IFACES;
	if (alias && !strncmp(alias, "usb:", 4)) {
		a = alias_field(alias, "v", 4), b = alias_field(alias, "p", 4);
		d.bcd_device = (unsigned)((v = alias_field(alias, "d", 4)) < 0 ? 0 : v);
		d.dev_class = (unsigned)((v = alias_field(alias, "dc", 2)) < 0 ? 0 : v);
	} else if (numeric_suffix(n->f[LF_PRODUCT], &a, &b) < 0 || b < 0) {
		a = b = -1;
	}
	if (a < 0 || b < 0) {
		*ids = 0; /* lshw printed names only: no component without its ids */
		inv->dropped[INV_USB]++;
		return;
	}
	if (!alias) {
		d.lacks |= USB_LACKS_DESC;
	} else {
		for (size_t i = 0; i < n->nkv; i++)
			if (!strncmp(n->kv[i].key, "cap:usb-", 8) &&
			    (v = bcd(n->kv[i].key + 8)) >= 0)
				d.bcd_usb = (unsigned)v;
	}
	d.vendor = (unsigned)a, d.product = (unsigned)b;
	if (speed) {
		size_t k = strspn(speed, "0123456789.");

		if (k && k < sizeof d.speed && !strcmp(speed + k, "Mbit/s"))
			memcpy(d.speed, speed, k), d.speed[k] = '\0';
	}
	d.devnum = 0;
	u = inv_add_usb(inv);
	*u = d;
}

/* lshw's sizes: bytes in XML and JSON, "8GiB" in text and HTML */
static long long size_mb(const char *s)
{
	char *end;
	unsigned long long v;

	if (!s || !isdigit((unsigned char)*s))
		return DMI_SIZE_UNKNOWN;
	v = strtoull(s, &end, 10);
	if (!*end)
		return (long long)(v >> 20);
	if (!strcmp(end, "GiB"))
		return (long long)(v << 10);
	if (!strcmp(end, "MiB"))
		return (long long)v;
	if (!strcmp(end, "TiB"))
		return (long long)(v << 20);
	return DMI_SIZE_UNKNOWN;
}

/* The SMBIOS handle of XML's and JSON's handle="DMI:0100", else fallback */
static unsigned handle_of(const struct lshw_node *n, unsigned fallback)
{
	const char *h = n->f[LF_HANDLE];
	long v;

	if (!h || strncmp(h, "DMI:", 4) || strlen(h) != 8 || (v = hexval(h + 4, 0xffff)) < 0)
		return fallback;
	return (unsigned)v;
}

static void dmi_node(struct inventory *inv, const struct lshw_node *n, const char *cls, int is_root)
{
	struct dmi_rec *r;
	const char *id = n->f[LF_ID] ? n->f[LF_ID] : "";

	if (is_root) {
		const char *u = lshw_kv(n, "uuid");

		if (!n->f[LF_VENDOR] && !n->f[LF_PRODUCT] && !n->f[LF_SERIAL])
			return;
		r = inv_add_dmi(inv, 1);
		r->str[DMI_MANUFACTURER] = inv_str(inv, n->f[LF_VENDOR]);
		r->str[DMI_PRODUCT] = inv_str(inv, n->f[LF_PRODUCT]);
		r->str[DMI_VERSION] = inv_str(inv, n->f[LF_VERSION]);
		r->str[DMI_SERIAL] = inv_str(inv, n->f[LF_SERIAL]);
		r->str[DMI_SKU] = inv_str(inv, lshw_kv(n, "sku"));
		r->str[DMI_FAMILY] = inv_str(inv, lshw_kv(n, "family"));
		if (u && strlen(u) == 36) {
			for (int i = 0; i < 36; i++)
				r->uuid[i] = (char)tolower((unsigned char)u[i]);
			r->uuid[36] = '\0';
		}
	} else if (!strcmp(id, "core")) {
		if (!n->f[LF_VENDOR] && !n->f[LF_PRODUCT])
			return;
		r = inv_add_dmi(inv, 2);
		r->str[DMI_MANUFACTURER] = inv_str(inv, n->f[LF_VENDOR]);
		r->str[DMI_PRODUCT] = inv_str(inv, n->f[LF_PRODUCT]);
		r->str[DMI_VERSION] = inv_str(inv, n->f[LF_VERSION]);
		r->str[DMI_SERIAL] = inv_str(inv, n->f[LF_SERIAL]);
	} else if (!strcmp(id, "firmware")) {
		r = inv_add_dmi(inv, 0);
		r->str[DMI_MANUFACTURER] = inv_str(inv, n->f[LF_VENDOR]);
		r->str[DMI_VERSION] = inv_str(inv, n->f[LF_VERSION]);
		r->str[DMI_DATE] = inv_str(inv, n->f[LF_DATE]);
	} else if (!strcmp(cls, "processor")) {
		if (n->disabled || !n->f[LF_VENDOR])
			return; /* an empty socket */
		r = inv_add_dmi(inv, 4);
		r->num[DMI_POPULATED] = 1;
		r->str[DMI_MANUFACTURER] = inv_str(inv, n->f[LF_VENDOR]);
		r->str[DMI_VERSION] = inv_str(inv, n->f[LF_VERSION]);
		r->str[DMI_SERIAL] = inv_str(inv, n->f[LF_SERIAL]);
		r->str[DMI_SOCKET] = inv_str(inv, n->f[LF_SLOT]);
	} else if (!strncmp(id, "bank", 4)) {
		const char *desc = n->f[LF_DESCRIPTION];

		r = inv_add_dmi(inv, 17);
		r->str[DMI_MANUFACTURER] = inv_str(inv, n->f[LF_VENDOR]);
		r->str[DMI_PART] = inv_str(inv, n->f[LF_PRODUCT]);
		r->str[DMI_SERIAL] = inv_str(inv, n->f[LF_SERIAL]);
		r->str[DMI_LOCATOR] = inv_str(inv, n->f[LF_SLOT]);
		r->num[DMI_SIZE_MB] = (desc && strstr(desc, "[empty]")) || !n->f[LF_SIZE]
		                          ? DMI_NONE
		                          : size_mb(n->f[LF_SIZE]);
	} else {
		return;
	}
	r->handle = handle_of(n, DMI_HANDLE_NONE);
}

/* /dev/sda, /dev/nvme0: the kernel names the storage probe knows */
static const char *disk_name(const char *dev)
{
	const char *s;

	if (!dev || strncmp(dev, "/dev/", 5))
		return NULL;
	s = dev + 5;
	if (!strncmp(s, "sd", 2) && s[2] &&
	    strspn(s + 2, "abcdefghijklmnopqrstuvwxyz") == strlen(s + 2))
		return s;
	if (!strncmp(s, "nvme", 4) && s[4] && strspn(s + 4, "0123456789") == strlen(s + 4))
		return s;
	return NULL;
}

static void disk_node(const struct lshw_tree *t, size_t i, struct inventory *inv)
{
	const struct lshw_node *n = &t->nodes[i];
	const char *name = disk_name(n->f[LF_LOGICALNAME]), *bus = n->f[LF_BUSINFO], *pci;
	struct inv_disk *d;

	if (!name || !n->f[LF_PRODUCT])
		return;
	for (size_t k = 0; k < inv->ndisk; k++)
		if (!strcmp(inv->disk[k].loc, name))
			return;
	d = inv_add_disk(inv);
	d->loc = xstrdup(name);
	d->model = inv_dup(n->f[LF_PRODUCT]);
	d->serial = inv_dup(n->f[LF_SERIAL]);
	d->firmware = inv_dup(n->f[LF_VERSION]);
	d->bus = !strncmp(name, "nvme", 4) ? "nvme" : "scsi";
	if (bus && !strncmp(bus, "scsi@", 5))
		d->vendor = inv_dup(n->f[LF_VENDOR]);
	if ((pci = pci_of(t, i)))
		d->pci = xstrdup(pci);
}

static void net_node(const struct lshw_tree *t, size_t i, struct inventory *inv)
{
	const struct lshw_node *n = &t->nodes[i];
	const char *pci = pci_of(t, i);
	struct inv_nic *c;

	if (!n->f[LF_SERIAL] || !(c = inv_add_nic(inv, n->f[LF_SERIAL])))
		return;
	c->iface = inv_dup(n->f[LF_LOGICALNAME]);
	c->pci = pci ? xstrdup(pci) : NULL;
	c->driver = inv_dup(lshw_kv(n, "driver"));
}

void lshw_build(const struct lshw_tree *t, struct inventory *inv)
{
	int numeric = 1, subsys = 1, usb_ids = 1, smbios = 0;
	char buf[64];

	inv->format = t->format;
	inv->carries[INV_DMI] = inv->carries[INV_PCI] = inv->carries[INV_USB] = 1;
	inv->carries[INV_STORAGE] = inv->carries[INV_NET] = 1;
	for (size_t k = 0; k < t->nodes[0].nkv; k++)
		if (!strncmp(t->nodes[0].kv[k].key, "cap:smbios-", 11) ||
		    !strncmp(t->nodes[0].kv[k].key, "cap:dmi-", 8))
			smbios = 1;
	inv->name = inv_dup(t->nodes[0].f[LF_ID]);
	for (size_t i = 0; i < t->n; i++) {
		const struct lshw_node *n = &t->nodes[i];
		const char *cls = node_class(n, buf, sizeof buf), *bus = n->f[LF_BUSINFO];

		if (bus && !strncmp(bus, "pci@", 4))
			pci_node(t, n, inv, &numeric, &subsys);
		else if (bus && !strncmp(bus, "usb@", 4))
			usb_node(n, inv, &usb_ids);
		else if (smbios)
			dmi_node(inv, n, cls, i == 0);
		if (!strcmp(cls, "disk") || !strcmp(cls, "storage"))
			disk_node(t, i, inv);
		if (!strcmp(cls, "network"))
			net_node(t, i, inv);
	}
	inv->pci.numeric = numeric;
	inv->pci.subsystems = subsys;
	if (!smbios)
		inv_lack(inv, INV_DMI,
		         "no SMBIOS in lshw's output (no smbios capability on the root)");
	else
		inv_lack(inv, INV_DMI,
		         "no chassis, OEM strings, TPM or JEDEC ids in lshw's output");
	if (!numeric)
		inv_lack(inv, INV_PCI,
		         "names only, no numeric ids (lshw before B.02.19 or without "
		         "-numeric)");
	if (!subsys) {
		inv_lack(inv, INV_PCI, "no subsystem ids: card assemblers unseen");
		inv->unseen = xstrdup("card-assembler");
	}
	if (!usb_ids) {
		inv_lack(inv, INV_USB,
		         "devices without numeric ids left out (lshw prints them "
		         "with -numeric or a modalias only)");
		free(inv->unseen);
		inv->unseen = xstrdup(subsys ? "device-vendor" : "card-assembler,device-vendor");
	}
	inv_lack(inv, INV_USB, "no USB strings told apart from usb.ids names");
	inv_lack(inv, INV_NET, "no permanent address told apart from a changed one");
}
