/* usb.c - the USB probe: libusb-1.0 on the live machine, sysfs in a
 * captured tree.
 *
 * Live, libusb enumerates the devices and gives their descriptors from its
 * cache (on Linux, sysfs): nothing is opened. Strings come from sysfs
 * (/sys/bus/usb/devices/NAME/{manufacturer,product,serial}), as lsusb reads
 * them, without root and without waking a device. Only when sysfs has no
 * string that the descriptor says exists is the device opened and asked,
 * with a short timeout; a device that refuses or stalls just has no string.
 *
 * Under --root DIR the same facts come from DIR/sys/bus/usb/devices: the
 * kernel's `descriptors` file and the same attributes; nothing is opened.
 *
 * With --lsusb FILE, from the text of lsusb, lsusb -v, lsusb -t or
 * usb-devices (lsusb_text.c); a device then says what its text lacked.
 * Every path fills one struct usb_dev, so all give the same components. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libusb.h>

#include "../../output/alloc.h"
#include "../../output/sanitize.h"
#include "../import/inventory.h"
#include "lsusb_text.h"
#include "../probe.h"
#include "usb_desc.h"
#include "usb_ids.h"

#define ATTR_MAX 8192     /* longest sysfs attribute read */
#define STRING_TIMEOUT 250 /* ms, for a string asked of a device */


enum { S_MANUFACTURER, S_PRODUCT, S_SERIAL };
static const char *const str_attr[] = {"manufacturer", "product", "serial"};

/* --- sysfs ------------------------------------------------------------- */

/* The sysfs name of a device: "usb1" for a root hub, else "1-3.1". */
static void sysfs_name(const struct usb_dev *d, char *buf, size_t len)
{
	int n = d->nports ? snprintf(buf, len, "%u-", d->bus) : snprintf(buf, len, "usb%u", d->bus);

	for (int i = 0; i < d->nports && n > 0 && (size_t)n < len; i++)
		n += snprintf(buf + n, len - (size_t)n, i ? ".%u" : "%u", d->ports[i]);
}

/* Read a whole attribute (at most ATTR_MAX bytes); a text one without its
 * final newline. NULL if it is absent or unreadable. */
static char *read_file(const char *devdir, const char *attr, int text, size_t *lenp)
{
	char *path = xasprintf("%s/%s", devdir, attr), *buf;
	FILE *f = fopen(path, "rb");
	size_t n;

	free(path);
	if (!f)
		return NULL;
	buf = xmalloc(ATTR_MAX + 1);
	n = fread(buf, 1, ATTR_MAX, f);
	fclose(f);
	if (text && n && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	if (lenp)
		*lenp = n;
	return buf;
}

static char *read_attr(const char *devdir, const char *attr, size_t *lenp)
{
	return read_file(devdir, attr, 1, lenp);
}

/* The PCI function a root hub hangs off: the directory above it. */
static void find_controller(const char *devdir, char *out, size_t len)
{
	char real[PATH_MAX], *slash;
	unsigned dom, bus, dev, fn;
	char tail;

	out[0] = '\0';
	if (!realpath(devdir, real) || !(slash = strrchr(real, '/')))
		return;
	*slash = '\0';
	slash = strrchr(real, '/');
	if (slash && sscanf(slash + 1, "%x:%x:%x.%u%c", &dom, &bus, &dev, &fn, &tail) == 4)
		snprintf(out, len, "%04x:%02x:%02x.%u", dom, bus, dev, fn);
}

/* The strings sysfs has for d. */
static void read_strings(const char *devices, struct usb_dev *d)
{
	char name[64], *dir;

	sysfs_name(d, name, sizeof name);
	dir = xasprintf("%s/%s", devices, name);
	for (int i = 0; i < 3; i++) {
		size_t n;
		char *s = read_attr(dir, str_attr[i], &n);

		if (s) {
			d->str[i] = hw_sanitize_n(s, n);
			free(s);
		}
	}
	if (!d->nports)
		find_controller(dir, d->controller, sizeof d->controller);
	free(dir);
}

/* "1-3.1" into bus and ports; 0 if name is not a device (an interface
 * "1-3.1:1.0", a stray file). */
static int parse_name(const char *name, struct usb_dev *d)
{
	char *end;

	if (!strncmp(name, "usb", 3)) {
		d->bus = (unsigned)strtoul(name + 3, &end, 10);
		d->nports = 0;
		return end != name + 3 && !*end;
	}
	d->bus = (unsigned)strtoul(name, &end, 10);
	if (end == name || *end != '-')
		return 0;
	d->nports = 0;
	do {
		char *p = end + 1;

		if (d->nports == MAX_PORTS || !isdigit((unsigned char)*p))
			return 0;
		d->ports[d->nports++] = (unsigned)strtoul(p, &end, 10);
	} while (*end == '.');
	return !*end;
}

static int scan_tree(const char *devices, struct usb_dev **out, size_t *n, size_t *cap,
		     struct hw_err *e)
{
	DIR *dir = opendir(devices);
	struct dirent *de;

	if (!dir)
		return hw_fail(e, "%s: %s", devices, strerror(errno));
	while ((de = readdir(dir))) {
		struct usb_dev d = {0};
		char *devdir, *desc, *cfg;
		size_t len;

		if (!parse_name(de->d_name, &d))
			continue;
		devdir = xasprintf("%s/%s", devices, de->d_name);
		desc = read_file(devdir, "descriptors", 0, &len);
		cfg = read_attr(devdir, "bConfigurationValue", NULL);
		if (!desc || usb_parse_descriptors((unsigned char *)desc, len,
						   cfg ? (unsigned)atoi(cfg) : 0, &d) < 0) {
			hw_warn(e, "usb: %s/descriptors: %s; device skipped", devdir,
				desc ? "no valid device descriptor" : "missing");
		} else {
			char *speed = read_attr(devdir, "speed", NULL);

			snprintf(d.speed, sizeof d.speed, "%s", speed ? speed : "");
			free(speed);
			read_strings(devices, &d);
			GROW(*out, *cap, *n);
			(*out)[(*n)++] = d;
		}
		free(desc);
		free(cfg);
		free(devdir);
	}
	closedir(dir);
	return 0;
}

/* --- libusb (the live machine) ------------------------------------------ */

static const char *speed_name(int speed)
{
	switch (speed) {
	case LIBUSB_SPEED_LOW: return "1.5";
	case LIBUSB_SPEED_FULL: return "12";
	case LIBUSB_SPEED_HIGH: return "480";
	case LIBUSB_SPEED_SUPER: return "5000";
	case LIBUSB_SPEED_SUPER_PLUS: return "10000";
	default: return "";
	}
}

/* UTF-16LE string descriptor to UTF-8 (then sanitised); NULL if empty. */
static char *utf16_string(const unsigned char *b, int len)
{
	char out[3 * 127 + 1];
	size_t o = 0;

	for (int i = 2; i + 1 < len && i < b[0]; i += 2) {
		unsigned c = usb_le16(b + i);

		if (c >= 0xD800 && c <= 0xDFFF)
			c = 0xFFFD; /* UCS-2 only: no surrogate pairs in USB strings */
		if (c < 0x80) {
			out[o++] = (char)c;
		} else if (c < 0x800) {
			out[o++] = (char)(0xC0 | c >> 6);
			out[o++] = (char)(0x80 | (c & 0x3F));
		} else {
			out[o++] = (char)(0xE0 | c >> 12);
			out[o++] = (char)(0x80 | (c >> 6 & 0x3F));
			out[o++] = (char)(0x80 | (c & 0x3F));
		}
	}
	out[o] = '\0';
	return o ? hw_sanitize_n(out, o) : NULL;
}

/* Ask the device for the strings sysfs lacks, each with a short timeout. */
static void ask_strings(libusb_device *dev, struct usb_dev *d)
{
	libusb_device_handle *h;
	unsigned char buf[255];
	int n, lang;

	if (libusb_open(dev, &h) != 0)
		return;
	n = libusb_control_transfer(h, LIBUSB_ENDPOINT_IN, LIBUSB_REQUEST_GET_DESCRIPTOR,
				    LIBUSB_DT_STRING << 8, 0, buf, sizeof buf, STRING_TIMEOUT);
	lang = n >= 4 ? (int)usb_le16(buf + 2) : -1;
	for (int i = 0; i < 3 && lang >= 0; i++) {
		if (d->str[i] || !d->istr[i])
			continue;
		n = libusb_control_transfer(h, LIBUSB_ENDPOINT_IN, LIBUSB_REQUEST_GET_DESCRIPTOR,
					    (uint16_t)(LIBUSB_DT_STRING << 8 | d->istr[i]),
					    (uint16_t)lang, buf, sizeof buf, STRING_TIMEOUT);
		if (n >= 2 && buf[1] == LIBUSB_DT_STRING)
			d->str[i] = utf16_string(buf, n);
	}
	libusb_close(h);
}

static void from_libusb(libusb_device *dev, struct usb_dev *d)
{
	struct libusb_device_descriptor dd;
	struct libusb_config_descriptor *cfg;
	uint8_t ports[MAX_PORTS];
	int n;

	memset(d, 0, sizeof *d);
	libusb_get_device_descriptor(dev, &dd); /* from the cache: cannot fail */
	d->bus = libusb_get_bus_number(dev);
	n = libusb_get_port_numbers(dev, ports, MAX_PORTS);
	for (int i = 0; i < n; i++)
		d->ports[d->nports++] = ports[i];
	d->vendor = dd.idVendor;
	d->product = dd.idProduct;
	d->bcd_device = dd.bcdDevice;
	d->bcd_usb = dd.bcdUSB;
	d->dev_class = dd.bDeviceClass;
	d->istr[0] = dd.iManufacturer, d->istr[1] = dd.iProduct, d->istr[2] = dd.iSerialNumber;
	snprintf(d->speed, sizeof d->speed, "%s", speed_name(libusb_get_device_speed(dev)));
	if (libusb_get_active_config_descriptor(dev, &cfg) == 0) {
		for (int i = 0; i < cfg->bNumInterfaces && d->nifaces < MAX_IFACES; i++)
			if (cfg->interface[i].num_altsetting > 0)
				d->ifclass[d->nifaces++] = cfg->interface[i].altsetting[0].bInterfaceClass;
		libusb_free_config_descriptor(cfg);
	}
}

static int scan_live(struct usb_dev **out, size_t *n, size_t *cap, struct bom *bom,
		     struct hw_err *e)
{
	libusb_context *ctx;
	libusb_device **list;
	ssize_t count;
	int rc = libusb_init(&ctx);

	if (rc != 0) {
		bom_set_coverage(bom, "usb", "error", libusb_strerror(rc));
		hw_warn(e, "usb: libusb: %s", libusb_strerror(rc));
		return 1;
	}
	count = libusb_get_device_list(ctx, &list);
	if (count < 0) {
		bom_set_coverage(bom, "usb", "error", libusb_strerror((int)count));
		hw_warn(e, "usb: libusb: %s", libusb_strerror((int)count));
		libusb_exit(ctx);
		return 1;
	}
	for (ssize_t i = 0; i < count; i++) {
		struct usb_dev d;

		from_libusb(list[i], &d);
		read_strings("/sys/bus/usb/devices", &d);
		for (int k = 0; k < 3; k++)
			if (!d.str[k] && d.istr[k]) {
				ask_strings(list[i], &d);
				break;
			}
		GROW(*out, *cap, *n);
		(*out)[(*n)++] = d;
	}
	libusb_free_device_list(list, 1);
	libusb_exit(ctx);
	return 0;
}

/* --- components ----------------------------------------------------------- */

static int dev_cmp(const void *pa, const void *pb)
{
	const struct usb_dev *a = pa, *b = pb;
	unsigned la = a->lacks & USB_LACKS_PORTS, lb = b->lacks & USB_LACKS_PORTS;

	if (a->bus != b->bus)
		return a->bus < b->bus ? -1 : 1;
	if (la != lb) /* port paths first; then those known by number only */
		return la < lb ? -1 : 1;
	if (la)
		return a->devnum < b->devnum ? -1 : a->devnum > b->devnum;
	for (int i = 0; i < a->nports && i < b->nports; i++)
		if (a->ports[i] != b->ports[i])
			return a->ports[i] < b->ports[i] ? -1 : 1;
	return a->nports - b->nports;
}

static void add_component(const struct usb_dev *d, const struct usb_ids *ids, struct bom *bom)
{
	char loc[80], name[64], hex[8], ifs[3 * MAX_IFACES + 1] = "", ver[16];
	const char *vname = usb_ids_vendor(ids, d->vendor);
	const char *pname = usb_ids_product(ids, d->vendor, d->product);
	struct bom_component *c;

	int desc = !(d->lacks & USB_LACKS_DESC), root = !d->nports && !(d->lacks & USB_LACKS_PORTS);

	sysfs_name(d, name, sizeof name);
	if (d->lacks & USB_LACKS_BUS) /* an inventory's list: the rank in it */
		snprintf(loc, sizeof loc, "usb:n%u", d->devnum);
	else if (d->lacks & USB_LACKS_PORTS) /* lsusb text: no port path, the device number */
		snprintf(loc, sizeof loc, "usb:%u-dev%u", d->bus, d->devnum);
	else
		snprintf(loc, sizeof loc, "usb:%u-%s", d->bus, d->nports ? strchr(name, '-') + 1 : "0");
	c = bom_add_component(bom, "usb", loc);
	snprintf(hex, sizeof hex, "%04x", d->vendor);
	bom_add_id(c, "usb.vendor", hex, vname);
	snprintf(hex, sizeof hex, "%04x", d->product);
	bom_add_id(c, "usb.product", hex, pname);
	if (desc) {
		snprintf(hex, sizeof hex, "%04x", d->bcd_device);
		bom_add_id(c, "usb.revision", hex, NULL);
		snprintf(hex, sizeof hex, "%02x", d->dev_class);
		bom_add_id(c, "usb.class", hex, NULL);
	}
	for (int i = 0; i < d->nifaces; i++)
		snprintf(ifs + strlen(ifs), sizeof ifs - strlen(ifs), "%s%02x", i ? "," : "",
			 d->ifclass[i]);
	if (*ifs)
		bom_add_id(c, "usb.interface-classes", ifs, NULL);
	if (d->str[S_MANUFACTURER])
		bom_add_id(c, "usb.manufacturer", d->str[S_MANUFACTURER], NULL);
	if (d->str[S_PRODUCT])
		bom_add_id(c, "usb.product-name", d->str[S_PRODUCT], NULL);
	if (d->str[S_SERIAL])
		bom_add_id(c, "usb.serial", d->str[S_SERIAL], NULL);

	if (desc) {
		snprintf(ver, sizeof ver, "%x.%02x", d->bcd_usb >> 8, d->bcd_usb & 0xff);
		bom_add_cprop(c, "usb.version", ver);
	}
	if (*d->speed)
		bom_add_cprop(c, "usb.speed", d->speed);
	if (desc ? d->dev_class == LIBUSB_CLASS_HUB : root)
		bom_add_cprop(c, "usb.hub", root ? "root" : "hub");
	if (*d->controller) {
		char *ref = xasprintf("pci:%s", d->controller);

		bom_add_cprop(c, "usb.controller", ref);
		free(ref);
	}
	for (int i = 0; i < 3; i++)
		if (d->istr[i] && !d->str[i]) {
			/* the descriptor promises it; sysfs (and, live, the
			 * device) did not give it */
			bom_add_cprop(c, "usb.strings", "missing");
			break;
		}
	if (d->lacks & USB_LACKS_STRINGS) /* plain lsusb: names or strings, it does not say */
		bom_add_cprop(c, "usb.strings", "not-recorded");

	bom_set(&c->name, pname ? pname : d->str[S_PRODUCT]);
	bom_set(&c->description, root				      ? "USB root hub"
				 : desc && d->dev_class == LIBUSB_CLASS_HUB ? "USB hub"
									     : "USB device");
}

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	struct usb_dev *devs = NULL;
	size_t n = 0, cap = 0;
	struct usb_ids *ids = NULL;
	struct hw_err ids_err = {0};
	int rc = 0;

	if (probe_inv(src, INV_USB)) {
		/* a copy: the loop below frees the strings */
		n = cap = src->inv->nusb;
		devs = xcalloc(n + 1, sizeof *devs);
		for (size_t i = 0; i < n; i++) {
			devs[i] = src->inv->usb[i];
			for (int k = 0; k < 3; k++)
				devs[i].str[k] = xstrdup(src->inv->usb[i].str[k]);
		}
		inv_coverage(src->inv, INV_USB, n, bom);
	} else if (src->lsusb) {
		const char *format = NULL;

		rc = lsusb_text_read(src->lsusb, &devs, &n, &cap, &format, e);
		if (rc == 0 && n) {
			char *how = xasprintf("%s text", format);

			bom_set_coverage(bom, "usb", "read", how);
			free(how);
		} else if (rc == 0) {
			bom_set_coverage(bom, "usb", "absent", "the lsusb text lists no USB devices");
		}
	} else if (src->root) {
		char *devices = xasprintf("%s/sys/bus/usb/devices", src->root);
		struct stat st;

		if (stat(devices, &st) < 0)
			bom_set_coverage(bom, "usb", "absent", "no sys/bus/usb/devices in the tree");
		else if ((rc = scan_tree(devices, &devs, &n, &cap, e)) == 0)
			bom_set_coverage(bom, "usb", "read", "sysfs tree");
		free(devices);
	} else if (scan_live(&devs, &n, &cap, bom, e) == 0) {
		bom_set_coverage(bom, "usb", "read", "live (libusb)");
	}
	if (!rc && n == 0 && bom_get_coverage(bom, "usb") &&
	    !strcmp(bom_get_coverage(bom, "usb")->state, "read"))
		bom_set_coverage(bom, "usb", "absent", "no USB devices found");
	if (n) {
		if (src->usb_ids && !(ids = usb_ids_load(src->usb_ids, &ids_err)))
			hw_warn(e, "usb: %s; devices will have no names", ids_err.msg);
		qsort(devs, n, sizeof *devs, dev_cmp);
	}
	for (size_t i = 0; i < n; i++) {
		if (!rc)
			add_component(&devs[i], ids, bom);
		for (int k = 0; k < 3; k++)
			free(devs[i].str[k]);
	}
	usb_ids_free(ids);
	hw_err_clear(&ids_err);
	free(devs);
	return rc;
}

/* --lsusb FILE is a source of its own; else the live machine or --root. */
static int detect(const struct probe_src *src)
{
	return src->lsusb || probe_inv(src, INV_USB) || (!src->inv && probe_reads_sysfs(src));
}

/* What run() reads under --root, for hwbom capture (probe.h). */
static const char *const usb_reads[] = {
	"sys/bus/usb/devices/",
	"sys/bus/usb/devices/*/{descriptors,bConfigurationValue,speed,manufacturer,product,serial}",
	NULL,
};

const struct probe_ops probe_usb = {
	.name = "usb",
	.help = "USB devices through libusb, strings from sysfs; sysfs trees; lsusb text",
	.detect = detect,
	.run = run,
	.reads = usb_reads,
};
