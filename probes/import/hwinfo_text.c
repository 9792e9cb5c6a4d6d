/* hwinfo_text.c - `hwinfo --all` text, or the sections users keep (hwinfo
 * --pci, --usb, --disk, --netcard, --monitor, --bios ...), as hwinfo's
 * src/hd/hdp.c and src/hd/smbios.c print it:
 *
 *   27: PCI 300.0: 0108 Non-Volatile memory controller (NVM Express)
 *     SysFS BusID: 0000:03:00.0             the entry's KEY: VALUE lines
 *     Vendor: pci 0x144d "Samsung Electronics Co Ltd"
 *     SubVendor: pci 0x144d "..."           only when it has a subsystem
 *     Revision: 0x01                        only when not 0
 *     Module Alias: "pci:v0000144Dd0000A808sv...bc01sc08i02"
 *   01: None 00.0: 10105 BIOS
 *     BIOS Info: #0                         SMBIOS records, handle in decimal
 *       Vendor: "American Megatrends Inc."
 *
 * USB entries are interfaces (SysFS BusID 1-2:1.0): one device each path.
 * Disks (Device File /dev/sdX, /dev/nvmeXnY), network interfaces (HW
 * Address, Permanent HW Address, SysFS Device Link) and monitors (Vendor
 * DEL, Device eisa 0xa0e3, Serial ID, Year and Week of Manufacture) are
 * read too. A line that is no hwinfo line, NUL bytes and lines longer than
 * HWINFO_LINE_MAX are errors naming the file and line. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "inventory.h"

#define HWINFO_LINE_MAX 65536

struct kv {
	char *key, *value;
};

struct entry {
	unsigned line;
	char *head;    /* "PCI 300.0: 0108 Non-Volatile memory controller" */
	struct kv *kv; /* indent 2 */
	size_t n, cap;
};

static const char *get(const struct entry *en, const char *key)
{
	for (size_t i = 0; i < en->n; i++)
		if (!strcmp(en->kv[i].key, key))
			return en->kv[i].value;
	return NULL;
}

/* "pci 0x144d "Samsung"" -> tag pci, id 0x144d, name Samsung; "DEL "DELL""
 * -> id_str DEL. Returns the id or -1. */
static long hid(const char *v, const char *tag, char **name)
{
	size_t tl = strlen(tag);
	const char *q;
	char *end;
	long id = -1;

	if (name)
		*name = NULL;
	if (!v)
		return -1;
	if (!strncmp(v, tag, tl) && v[tl] == ' ' && !strncmp(v + tl + 1, "0x", 2)) {
		id = strtol(v + tl + 3, &end, 16);
		if (end == v + tl + 3 || (*end && *end != ' ') || id > 0xffff)
			id = -1;
	}
	if (name && (q = strchr(v, '"')) && strrchr(v, '"') > q)
		*name = xstrndup(q + 1, (size_t)(strrchr(v, '"') - q - 1));
	return id;
}

/* The text between the quotes of "VALUE", or the whole value; NULL for
 * none. Free with free(). */
static char *unquote(const char *v)
{
	size_t n;
	char *t, *r;

	if (!v)
		return NULL;
	n = strlen(v);
	if (n < 2 || v[0] != '"' || v[n - 1] != '"')
		return inv_dup(v);
	t = xstrndup(v + 1, n - 2);
	r = inv_dup(t);
	free(t);
	return r;
}

static long alias_field(const char *alias, const char *tag, int digits)
{
	size_t tl = strlen(tag);

	for (const char *p = alias ? strchr(alias, ':') : NULL; p && *p; p++)
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

/* The last PCI address in a sysfs path */
static int pci_in_path(const char *path, char out[16])
{
	int found = 0;

	for (const char *p = path; p && (p = strchr(p, '/')); p++) {
		struct lspci_dev d;
		char seg[16];
		size_t n = strcspn(p + 1, "/");

		if (n != 12)
			continue;
		memcpy(seg, p + 1, n), seg[n] = '\0';
		if (inv_pci_addr(seg, &d) == 0) {
			snprintf(out, 16, "%04x:%02x:%02x.%u", d.domain, d.bus, d.dev, d.func);
			found = 1;
		}
	}
	return found;
}

static void pci_entry(const struct entry *en, struct inventory *inv)
{
	struct lspci_dev a, *d;
	const char *alias = get(en, "Module Alias"), *rev = get(en, "Revision");
	const char *colon = strstr(en->head, ": ");
	char *name;
	unsigned cls;

	if (inv_pci_addr(get(en, "SysFS BusID"), &a) < 0 || hid(get(en, "Vendor"), "pci", NULL) < 0)
		return;
	d = inv_add_pci(inv);
	d->line = en->line;
	d->domain = a.domain, d->bus = a.bus, d->dev = a.dev, d->func = a.func;
	d->vendor = hid(get(en, "Vendor"), "pci", &name);
	d->vendor_name = name;
	d->device = hid(get(en, "Device"), "pci", &name);
	d->device_name = name;
	if (get(en, "SubVendor") || get(en, "SubDevice")) {
		d->subvendor = hid(get(en, "SubVendor"), "pci", &name);
		free(name);
		d->subdevice = hid(get(en, "SubDevice"), "pci", &name);
		free(name);
		if (d->subvendor <= 0 || d->subvendor == 0xffff || d->subdevice < 0)
			d->subvendor = d->subdevice = -1;
	}
	/* "0108 Non-Volatile memory controller": 4 hex digits, then the name */
	if (colon && strspn(colon + 2, "0123456789abcdefABCDEF") == 4 &&
	    (colon[6] == ' ' || !colon[6]) && sscanf(colon + 2, "%4x", &cls) == 1) {
		d->class_id = cls;
		d->class_name = colon[6] ? inv_dup(colon + 7) : NULL;
	}
	d->progif = alias_field(alias, "i", 2);
	if (d->progif < 0)
		d->progif = 0; /* without a modalias, hwinfo's class is all it says */
	/* hwinfo prints the revision only when it is not 0 (hdp.c) */
	d->rev = rev && !strncmp(rev, "0x", 2) ? strtol(rev + 2, NULL, 16) & 0xff : 0;
	d->driver = unquote(get(en, "Driver"));
	if (d->driver && strchr(d->driver, '"'))
		*strchr(d->driver, '"') = '\0';
}

static void usb_entry(const struct entry *en, struct inventory *inv)
{
	const char *bus_id = get(en, "SysFS BusID"), *alias = get(en, "Module Alias");
	const char *speed = get(en, "Speed");
	struct usb_dev d = {0}, *u;
	char *end, *name;
	long v, p;
	unsigned long b;

	if (!bus_id)
		return;
	v = hid(get(en, "Vendor"), "usb", &name);
	free(name);
	p = hid(get(en, "Device"), "usb", &name);
	free(name);
	if (v < 0 || p < 0)
		return;
	b = strtoul(bus_id, &end, 10);
	if (end == bus_id || *end != '-' || b > 255)
		return;
	d.bus = (unsigned)b;
	if (!strncmp(end + 1, "0:", 2)) {
		; /* a root hub */
	} else {
		for (const char *s = end + 1;;) {
			unsigned long port = strtoul(s, &end, 10);

			if (end == s || port > 255 || d.nports == MAX_PORTS)
				return;
			d.ports[d.nports++] = (unsigned)port;
			if (*end == ':')
				break;
			if (*end != '.')
				return;
			s = end + 1;
		}
	}
	for (size_t i = 0; i < inv->nusb; i++)
		if (inv->usb[i].bus == d.bus && inv->usb[i].nports == d.nports &&
		    !memcmp(inv->usb[i].ports, d.ports, sizeof d.ports))
			return; /* another interface of a device seen */
	d.vendor = (unsigned)v, d.product = (unsigned)p;
	d.lacks = USB_LACKS_DESC | USB_LACKS_STRINGS | USB_LACKS_IFACES;
	(void)alias;
	if (speed) {
		size_t k = strspn(speed, "0123456789.");

		if (k && k < sizeof d.speed && !strcmp(speed + k, " Mbps"))
			memcpy(d.speed, speed, k), d.speed[k] = '\0';
	}
	u = inv_add_usb(inv);
	*u = d;
	u->str[2] = unquote(get(en, "Serial ID"));
}

static void disk_entry(const struct entry *en, struct inventory *inv)
{
	const char *file = get(en, "Device File"), *link = get(en, "SysFS Device Link");
	char pci[16], loc[32];
	struct inv_disk *d;
	size_t k;

	if (!file || strncmp(file, "/dev/", 5))
		return;
	file += 5;
	if (!strncmp(file, "sd", 2) && file[2] &&
	    strspn(file + 2, "abcdefghijklmnopqrstuvwxyz") == strlen(file + 2)) {
		snprintf(loc, sizeof loc, "%s", file);
	} else if (!strncmp(file, "nvme", 4) && (k = strspn(file + 4, "0123456789")) > 0 && k < 8 &&
	           file[4 + k] == 'n') {
		snprintf(loc, sizeof loc, "%.*s", (int)(4 + k), file);
	} else {
		return;
	}
	for (size_t i = 0; i < inv->ndisk; i++)
		if (!strcmp(inv->disk[i].loc, loc))
			return;
	d = inv_add_disk(inv);
	d->loc = xstrdup(loc);
	d->model = unquote(get(en, "Model"));
	d->serial = unquote(get(en, "Serial ID"));
	d->bus = !strncmp(loc, "nvme", 4) ? "nvme" : "scsi";
	if (d->bus[0] == 's')
		d->firmware = unquote(get(en, "Revision"));
	if (pci_in_path(link, pci))
		d->pci = xstrdup(pci);
}

static void net_entry(const struct entry *en, struct inventory *inv)
{
	const char *mac = get(en, "Permanent HW Address"), *link = get(en, "SysFS Device Link");
	struct inv_nic *n;
	char pci[16];

	if (!link)
		return; /* not on hardware: a bridge, a tunnel */
	if (!mac)
		mac = get(en, "HW Address");
	if (!(n = inv_add_nic(inv, mac)))
		return;
	n->iface = inv_dup(get(en, "Device File"));
	if (pci_in_path(link, pci))
		n->pci = xstrdup(pci);
	n->driver = unquote(get(en, "Driver"));
	if (n->driver && strchr(n->driver, '"'))
		*strchr(n->driver, '"') = '\0';
}

static void monitor_entry(const struct entry *en, struct inventory *inv)
{
	const char *v = get(en, "Vendor"), *y = get(en, "Year of Manufacture");
	const char *w = get(en, "Week of Manufacture"), *my = get(en, "The Model Year");
	struct inv_display *d;
	char *name, *serial;
	long prod;

	if (!v || strlen(v) < 3 || !isupper((unsigned char)v[0]) || !isupper((unsigned char)v[1]) ||
	    !isupper((unsigned char)v[2]) || (v[3] && v[3] != ' '))
		return;
	if ((prod = hid(get(en, "Device"), "eisa", &name)) < 0) {
		free(name);
		return;
	}
	d = inv_add_display(inv);
	memcpy(d->ei.pnp, v, 3);
	d->ei.product = (unsigned)prod;
	snprintf(d->ei.name, sizeof d->ei.name, "%s", name ? name : "");
	free(name);
	serial = unquote(get(en, "Serial ID"));
	snprintf(d->ei.serial_str, sizeof d->ei.serial_str, "%s", serial ? serial : "");
	free(serial);
	if (my) {
		d->ei.week = 0xff, d->ei.year = atoi(my);
	} else {
		d->ei.year = y ? atoi(y) : 0;
		d->ei.week = w ? atoi(w) : 0;
	}
	d->loc = xasprintf("monitor%zu", inv->ndisp - 1);
}

/* One SMBIOS record of the BIOS entry: "  System Info: #1" and its lines */
static void smbios_rec(struct inventory *inv, const char *what, unsigned handle,
                       const struct entry *sub)
{
	static const struct {
		const char *what;
		unsigned type;
	} types[] = {{"BIOS Info", 0},    {"System Info", 1},    {"Board Info", 2},
	             {"Chassis Info", 3}, {"Processor Info", 4}, {"Memory Device", 17}};
	struct dmi_rec *r;
	unsigned type = 0x100;
	char *s;

	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (!strcmp(what, types[i].what))
			type = types[i].type;
	if (type == 0x100)
		return;
	r = inv_add_dmi(inv, type);
	r->handle = handle <= 0xffff ? handle : DMI_HANDLE_NONE;
#define STR(field, key) (s = unquote(get(sub, key)), r->str[field] = inv_str(inv, s), free(s))
	STR(DMI_MANUFACTURER, type == 0 ? "Vendor" : "Manufacturer");
	STR(DMI_VERSION, "Version");
	STR(DMI_SERIAL, "Serial");
	switch (type) {
	case 0:
		STR(DMI_DATE, "Date");
		break;
	case 1:
	case 2:
		STR(DMI_PRODUCT, "Product");
		break;
	case 4: {
		const char *st = get(sub, "Socket Status");

		STR(DMI_SOCKET, "Socket");
		STR(DMI_PART, "Part Number");
		r->num[DMI_POPULATED] = st && !strcmp(st, "Empty") ? 0 : 1;
		break;
	}
	case 17: {
		const char *size = get(sub, "Size");
		unsigned long long n;
		char unit = 0;

		STR(DMI_LOCATOR, "Location");
		STR(DMI_BANK, "Bank");
		STR(DMI_PART, "Part Number");
		if (!size || !strcmp(size, "No Memory Installed"))
			r->num[DMI_SIZE_MB] = DMI_NONE;
		else if (sscanf(size, "%llu %cB", &n, &unit) == 2 && n < (1ull << 40))
			r->num[DMI_SIZE_MB] = unit == 'G'   ? (long long)n << 10
			                      : unit == 'M' ? (long long)n
			                      : unit == 'k' ? (long long)(n >> 10)
			                                    : DMI_SIZE_UNKNOWN;
		else
			r->num[DMI_SIZE_MB] = DMI_SIZE_UNKNOWN;
		break;
	}
	default:
		break;
	}
	if (type == 1) {
		const char *u = get(sub, "UUID");

		if (u && strlen(u) == 36) {
			for (int i = 0; i < 36; i++)
				r->uuid[i] = (char)tolower((unsigned char)u[i]);
			r->uuid[36] = '\0';
		}
	}
#undef STR
}

static void entry_free(struct entry *en)
{
	for (size_t i = 0; i < en->n; i++)
		free(en->kv[i].key), free(en->kv[i].value);
	free(en->kv);
	free(en->head);
	memset(en, 0, sizeof *en);
}

static void add_kv(struct entry *en, const char *key, size_t klen, const char *value)
{
	GROW(en->kv, en->cap, en->n);
	en->kv[en->n].key = xstrndup(key, klen);
	en->kv[en->n].value = xstrdup(value);
	en->n++;
}

static void finish(struct entry *en, struct inventory *inv, int *smbios)
{
	const char *cls = get(en, "Hardware Class");

	if (!en->head)
		return;
	if (get(en, "SysFS BusID") && !strncmp(en->head, "PCI ", 4))
		pci_entry(en, inv);
	else if (!strncmp(en->head, "USB ", 4))
		usb_entry(en, inv);
	if (cls && (!strcmp(cls, "disk")))
		disk_entry(en, inv);
	else if (cls && !strcmp(cls, "network interface"))
		net_entry(en, inv);
	else if (cls && !strcmp(cls, "monitor"))
		monitor_entry(en, inv);
	if (cls && !strcmp(cls, "bios"))
		*smbios = 1;
}

int hwinfo_parse(const char *path, const char *buf, size_t len, struct inventory *inv,
                 struct hw_err *e)
{
	struct entry en = {0}, sub = {0};
	char *sub_what = NULL;
	unsigned sub_handle = 0, line = 0, nentries = 0;
	const char *p = buf, *end = buf + len;
	int smbios = 0, rc = 0;

	inv->format = "hwinfo";
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *s, *colon;
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *l;
		int indent;

		line++;
		if (memchr(p, '\0', n)) {
			rc = hw_fail(e, "%s:%u: a NUL byte: not hwinfo text", path, line);
			break;
		}
		if (n > HWINFO_LINE_MAX) {
			rc = hw_fail(e, "%s:%u: a line longer than %u bytes: not hwinfo text", path,
			             line, HWINFO_LINE_MAX);
			break;
		}
		l = xstrndup(p, n);
		p = nl ? nl + 1 : end;
		if (n && l[n - 1] == '\r')
			l[--n] = '\0';
		for (indent = 0; l[indent] == ' '; indent++)
			;
		s = l + indent;
		if (!*s) {
			free(l);
			continue;
		}
		if (indent <= 2 && sub_what) {
			smbios_rec(inv, sub_what, sub_handle, &sub);
			entry_free(&sub);
			free(sub_what), sub_what = NULL;
		}
		if (indent == 0 && isdigit((unsigned char)*s) && (colon = strstr(s, ": ")) &&
		    strspn(s, "0123456789") == (size_t)(colon - s)) {
			finish(&en, inv, &smbios);
			entry_free(&en);
			en.line = line;
			en.head = inv_dup(colon + 2);
			if (!en.head)
				en.head = xstrdup("");
			nentries++;
		} else if (!en.head) {
			if (line == 1 || indent == 0) {
				; /* a banner, a prompt: before the first entry */
			} else {
				rc = hw_fail(e,
				             "%s:%u: not hwinfo text (no \"NN: BUS ...\" entry "
				             "before it)",
				             path, line);
				free(l);
				break;
			}
		} else if (*s == '[' || s[strlen(s) - 1] == ':') {
			; /* [Created at ...], "Driver Info #0:" */
		} else if ((colon = strstr(s, ": ")) || (colon = strchr(s, ':'))) {
			const char *v = colon[1] == ' ' ? colon + 2 : colon + 1;
			unsigned h;
			int k = 0;

			if (indent == 2 && sscanf(v, "#%u%n", &h, &k) == 1 && !v[k] &&
			    !strchr(s, '"')) {
				/* "BIOS Info: #0": an SMBIOS record follows */
				sub_what = xstrndup(s, (size_t)(colon - s));
				sub_handle = h;
			} else if (indent == 2) {
				add_kv(&en, s, (size_t)(colon - s), v);
			} else if (sub_what && indent == 4) {
				add_kv(&sub, s, (size_t)(colon - s), v);
			}
		} else if (indent > 2) {
			; /* the continuation of a value (hwinfo's lists) */
		} else {
			rc = hw_fail(e, "%s:%u: not an hwinfo line (\"KEY: VALUE\")", path, line);
			free(l);
			break;
		}
		free(l);
	}
	if (!rc && sub_what)
		smbios_rec(inv, sub_what, sub_handle, &sub);
	if (!rc)
		finish(&en, inv, &smbios);
	entry_free(&en), entry_free(&sub);
	free(sub_what);
	if (rc)
		return -1;
	if (!nentries)
		return hw_fail(e, "%s: no \"NN: BUS ADDR: CLASS\" entry: not hwinfo text", path);
	inv->carries[INV_PCI] = inv->carries[INV_USB] = inv->carries[INV_STORAGE] = 1;
	inv->carries[INV_NET] = inv->carries[INV_DISPLAY] = 1;
	inv->carries[INV_DMI] = smbios;
	inv->pci.numeric = 1;
	inv->pci.subsystems = 1;
	inv_lack(inv, INV_USB, "no bcdUSB, strings or interfaces of each device in hwinfo's text");
	if (smbios)
		inv_lack(inv, INV_DMI, "no OEM strings, TPM or JEDEC ids in hwinfo's text");
	inv_lack(inv, INV_DISPLAY, "monitors as hwinfo decoded their EDID");
	return 0;
}

int hwinfo_load(const char *path, struct inventory *inv, struct hw_err *e)
{
	size_t len;
	char *buf = inv_read_file(path, &len, e);
	int rc;

	if (!buf)
		return -1;
	rc = hwinfo_parse(path, buf, len, inv, e);
	free(buf);
	return rc;
}
