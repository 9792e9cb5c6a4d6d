/* lsusb_text.c - USB devices from lsusb, lsusb -v, lsusb -t and usb-devices
 * text (see lsusb_text.h).
 *
 * The formats, as usbutils 014 writes them:
 *   lsusb       "Bus %03d Device %03d: ID %04x:%04x %s"
 *   lsusb -v    that line, then "Device Descriptor:" and its fields at two
 *               spaces ("  idVendor           0x2357 TP-Link", string
 *               fields "  iProduct  2 802.11n NIC"), each configuration at
 *               two ("  Configuration Descriptor:") with its fields at
 *               four, each interface at four with its fields at six; other
 *               blocks at column 0 (Hub Descriptor, Device Status, BOS...);
 *               usbutils 015 adds "Negotiated speed: High Speed (480Mbps)";
 *   lsusb -t    "/:  Bus 01.Port 1: Dev 1, Class=root_hub, Driver=..., 480M"
 *               and four spaces a level "|__ Port 3: Dev 2, If 0, ..., 12M";
 *   usb-devices T: D: P: S: C: I: E: lines (the script in usbutils); its
 *               Prnt= is wrong after a sibling with children (the script's
 *               devnum is not local), so the port path is rebuilt from Lev=
 *               and Port= (the port number less one), in its depth-first
 *               order. /sys/kernel/debug/usb/devices has the same lines,
 *               every configuration, and "C:*" for the active one.
 * Numbers are checked digit by digit; a line too long, a NUL byte, a field
 * that is not a number, a device or configuration cut short is an error. */
#include "lsusb_text.h"
#include "../hex.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../../output/infile.h"
#include "../../output/sanitize.h"

#define BUS_MAX 255 /* Linux allocates bus numbers below 64 */
#define DEV_MAX 127 /* USB addresses */

enum mode { M_NONE, M_LSUSB, M_USBDEV };
/* lsusb -v: the part of a device's text a line is in */
enum sect { S_HEAD, S_DEVICE, S_CONFIG, S_IFACE, S_OTHER };

/* the device fields lsusb -v must give (its Device Descriptor) */
enum {
	H_USB = 1, H_CLASS = 2, H_VENDOR = 4, H_PRODUCT = 8, H_BCD = 16, H_IMANU = 32,
	H_IPROD = 64, H_ISER = 128, H_NCONF = 256, H_ALL = 511,
};
static const char *const field_name[] = {
	"bcdUSB", "bDeviceClass", "idVendor", "idProduct", "bcdDevice",
	"iManufacturer", "iProduct", "iSerial", "bNumConfigurations",
};

struct conf {
	int open, star;
	long value, nifs;              /* -1 until read */
	unsigned char cls[MAX_IFACES]; /* per interface, its lowest altsetting */
	unsigned ifnum[MAX_IFACES], alt[MAX_IFACES];
	int ncls;
	int nums;                      /* distinct interfaces seen */
	unsigned char seen[32];        /* bitmap of interface numbers */
};

struct iface {
	int open;
	long num, alt, cls;
};

struct dev {
	int open;
	unsigned line; /* of its first line */
	struct usb_dev d;
	/* lsusb -v */
	int desc;
	unsigned have;
	long nconfigs;
	int configs;
	enum sect sect;
	struct iface i;
	/* usb-devices */
	int has_d, has_p, stars;
	struct conf c;                 /* the configuration being read */
	struct conf use;               /* the one whose interfaces count */
	int use_set;
};

struct tnode {
	unsigned bus, dev, ports[MAX_PORTS];
	int nports;
	char speed[8];
	unsigned line;
};

struct parser {
	const char *path;
	unsigned line;
	struct hw_err *e;
	struct usb_dev **devs;
	size_t *n, *cap, first;
	int *where; /* (bus, devnum) -> index + 1 in *devs */
	enum mode mode;
	struct dev dev;
	unsigned plain_line, verbose_line; /* first of each kind of lsusb device */
	/* usb-devices: the port path by level */
	unsigned stack[MAX_PORTS], root_bus;
	int depth, have_root;
	/* lsusb -t */
	struct tnode *tree;
	size_t ntree, treecap;
	unsigned tstack[MAX_PORTS], tbus;
	int tdepth, troot;
};

static int fail(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hw_vfail(p->e, fmt, ap);
	va_end(ap);
	return hw_prefix(p->e, "%s:%u", p->path, p->line);
}

/* --- small readers: each advances *s past what it read ------------------ */

static int lit(const char **s, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(*s, w, n))
		return 0;
	*s += n;
	return 1;
}

static void spaces(const char **s)
{
	while (**s == ' ')
		(*s)++;
}

/* A decimal number of at most max; at least one digit. */
static int dec(const char **s, unsigned long max, unsigned long *v)
{
	const char *p = *s;

	*v = 0;
	if (*p < '0' || *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		*v = *v * 10 + (unsigned long)(*p - '0');
		if (*v > max)
			return 0;
	}
	*s = p;
	return 1;
}

/* From min to max hex digits. */
static int hex(const char **s, int min, int max, unsigned *v)
{
	int k = 0, x;

	*v = 0;
	while (k < max && (x = hex_digit((*s)[k])) >= 0)
		*v = *v << 4 | (unsigned)x, k++;
	if (k < min || hex_digit((*s)[k]) >= 0)
		return 0;
	*s += k;
	return 1;
}

/* The end of a value: the line's end, a blank, or a class name "(hub". */
static int end(const char *s)
{
	return !*s || *s == ' ' || *s == '(';
}

/* A BCD version as lsusb ("%2x.%02x") and sysfs write it: "2.00", "12.01". */
static int bcd(const char **s, unsigned *v)
{
	unsigned hi, lo;

	spaces(s);
	if (!hex(s, 1, 2, &hi) || !lit(s, ".") || !hex(s, 2, 2, &lo))
		return 0;
	*v = hi << 8 | lo;
	return 1;
}

/* usb-devices: the value after " KEY=" (blanks after '=' skipped). */
static const char *field(const char *line, const char *key)
{
	size_t n = strlen(key);

	for (const char *s = line; (s = strstr(s, key)); s++)
		if (s == line || s[-1] == ' ' || s[-1] == ':' || s[-1] == '*') {
			s += n;
			spaces(&s);
			return s;
		}
	return NULL;
}

static int fdec(const char *line, const char *key, unsigned long max, unsigned long *v)
{
	const char *s = field(line, key);

	return s && dec(&s, max, v) && end(s);
}

static int fhex(const char *line, const char *key, int digits, unsigned *v)
{
	const char *s = field(line, key);

	return s && hex(&s, digits, digits, v) && end(s);
}

/* A speed in Mbit/s as sysfs writes it: "1.5", "12", "480", "5000". */
static int speed_word(const char *s, size_t len, char out[8])
{
	size_t dots = 0;

	if (!len || len >= 8 || s[0] == '.' || s[len - 1] == '.')
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '.')
			dots++;
		else if (s[i] < '0' || s[i] > '9')
			return 0;
	if (dots > 1)
		return 0;
	memcpy(out, s, len);
	out[len] = '\0';
	return 1;
}

/* --- devices ---------------------------------------------------------------- */

static int *slot(struct parser *p, unsigned bus, unsigned devnum)
{
	return &p->where[bus * (DEV_MAX + 1) + devnum];
}

/* Linux names a root hub's serial after its host controller (hcd.c: the
 * bus name, for PCI the function's address "0000:00:14.0"). */
static void root_controller(struct usb_dev *d)
{
	const char *s = d->str[2], *q;
	unsigned v;

	if (!s || d->nports || (d->lacks & USB_LACKS_PORTS))
		return;
	q = s;
	if (hex(&q, 4, 4, &v) && lit(&q, ":") && hex(&q, 2, 2, &v) && lit(&q, ":") &&
	    hex(&q, 2, 2, &v) && lit(&q, ".") && *q >= '0' && *q <= '7' && !q[1]) {
		for (int i = 0; s[i] && i < (int)sizeof d->controller - 1; i++)
			d->controller[i] = (char)((s[i] >= 'A' && s[i] <= 'F') ? s[i] + 32 : s[i]);
	}
}

static int add_device(struct parser *p, struct usb_dev *d)
{
	int *w = slot(p, d->bus, d->devnum);

	if (*w) {
		for (int k = 0; k < 3; k++)
			free(d->str[k]);
		p->line = p->dev.line; /* name the second one's first line */
		return fail(p, "Bus %03u Device %03u is listed twice", d->bus, d->devnum);
	}
	if (d->devnum == 1 && (d->lacks & USB_LACKS_PORTS)) {
		d->lacks &= ~USB_LACKS_PORTS; /* device 1 is the root hub */
		d->nports = 0;
	}
	root_controller(d);
	GROW(*p->devs, *p->cap, *p->n);
	(*p->devs)[(*p->n)++] = *d;
	*w = (int)(*p->n - p->first);
	return 0;
}

static void conf_reset(struct conf *c)
{
	memset(c, 0, sizeof *c);
	c->value = c->nifs = -1;
}

/* One interface (altsetting alt) of the configuration being read. */
static void conf_iface(struct conf *c, unsigned num, unsigned alt, unsigned cls)
{
	if (num < 256 && !(c->seen[num / 8] & 1u << (num % 8))) {
		c->seen[num / 8] |= (unsigned char)(1u << (num % 8));
		c->nums++;
		if (c->ncls < MAX_IFACES) {
			c->ifnum[c->ncls] = num, c->alt[c->ncls] = alt;
			c->cls[c->ncls++] = (unsigned char)cls;
		}
		return;
	}
	for (int k = 0; k < c->ncls; k++)
		if (c->ifnum[k] == num && alt < c->alt[k])
			c->alt[k] = alt, c->cls[k] = (unsigned char)cls;
}

/* A configuration ends: it must have said what it has. */
static int conf_close(struct parser *p, struct conf *c)
{
	if (!c->open)
		return 0;
	c->open = 0;
	if (c->value < 0 || c->nifs < 0)
		return fail(p, "a configuration of Bus %03u Device %03u is cut short", p->dev.d.bus,
			    p->dev.d.devnum);
	if (c->nums < c->nifs)
		return fail(p, "configuration %ld of Bus %03u Device %03u has %ld interfaces, %d "
			       "described (cut short?)",
			    c->value, p->dev.d.bus, p->dev.d.devnum, c->nifs, c->nums);
	return 0;
}

static void use_ifaces(struct usb_dev *d, const struct conf *c)
{
	d->nifaces = c->ncls;
	memcpy(d->ifclass, c->cls, (size_t)c->ncls);
}

/* --- lsusb and lsusb -v --------------------------------------------------------- */

static int iface_close(struct parser *p)
{
	struct iface *i = &p->dev.i;

	if (!i->open)
		return 0;
	i->open = 0;
	if (i->num < 0 || i->alt < 0 || i->cls < 0)
		return fail(p, "an interface of Bus %03u Device %03u is cut short", p->dev.d.bus,
			    p->dev.d.devnum);
	conf_iface(&p->dev.c, (unsigned)i->num, (unsigned)i->alt, (unsigned)i->cls);
	return 0;
}

/* End the configuration being read; the first one is kept. */
static int vconf_close(struct parser *p)
{
	struct dev *v = &p->dev;

	if (iface_close(p) < 0)
		return -1;
	if (!v->c.open)
		return 0;
	if (conf_close(p, &v->c) < 0)
		return -1;
	if (v->configs++ == 0)
		v->use = v->c;
	return 0;
}

static int lsusb_close(struct parser *p)
{
	struct dev *v = &p->dev;
	struct usb_dev *d = &v->d;

	if (!v->desc) {
		d->lacks = USB_LACKS_PORTS | USB_LACKS_DESC | USB_LACKS_STRINGS | USB_LACKS_IFACES;
		if (!p->plain_line)
			p->plain_line = v->line;
		return add_device(p, d);
	}
	if (!p->verbose_line)
		p->verbose_line = v->line;
	if (vconf_close(p) < 0)
		goto bad;
	if (v->have != H_ALL) {
		int k = 0;

		while (v->have & 1u << k)
			k++;
		fail(p, "the descriptors of Bus %03u Device %03u end before %s", d->bus, d->devnum,
		     field_name[k]);
		goto bad;
	}
	if (v->configs != v->nconfigs) {
		fail(p, "Bus %03u Device %03u describes %d of its %ld configurations", d->bus,
		     d->devnum, v->configs, v->nconfigs);
		goto bad;
	}
	d->lacks = USB_LACKS_PORTS;
	if (v->configs == 1)
		use_ifaces(d, &v->use);
	else if (v->configs > 1)
		d->lacks |= USB_LACKS_IFACES; /* lsusb -v does not say which is active */
	return add_device(p, d);
bad:
	for (int k = 0; k < 3; k++)
		free(d->str[k]), d->str[k] = NULL;
	return -1;
}

/* "Bus 001 Device 004: ID 2357:010c ..." */
static int bus_line(struct parser *p, const char *s)
{
	struct usb_dev *d = &p->dev.d;
	unsigned long bus, devnum;

	memset(&p->dev, 0, sizeof p->dev);
	p->dev.open = 1;
	p->dev.line = p->line;
	p->dev.nconfigs = -1;
	p->dev.sect = S_HEAD;
	conf_reset(&p->dev.c);
	if (!lit(&s, "Bus ") || !dec(&s, BUS_MAX, &bus) || !lit(&s, " Device ") ||
	    !dec(&s, DEV_MAX, &devnum) || devnum == 0 || !lit(&s, ": ID ") ||
	    !hex(&s, 4, 4, &d->vendor) || !lit(&s, ":") || !hex(&s, 4, 4, &d->product) ||
	    (*s && *s != ' '))
		return fail(p, "not an lsusb device line (\"Bus NNN Device NNN: ID vvvv:pppp\")");
	d->bus = (unsigned)bus;
	d->devnum = (unsigned)devnum;
	return 0;
}

/* "Negotiated speed: High Speed (480Mbps)" (usbutils 015) */
static int negotiated(struct parser *p, const char *s)
{
	const char *o = strrchr(s, '('), *u;
	unsigned long g;
	char tmp[8];

	if (!strncmp(s, "Low Speed", 9)) { /* "(1Mbps)", sysfs says 1.5 */
		snprintf(p->dev.d.speed, sizeof p->dev.d.speed, "1.5");
		return 0;
	}
	if (!strncmp(s, "Unknown", 7))
		return 0;
	if (!o || !(u = strstr(o, "bps)")) || u - o < 3)
		return fail(p, "unknown speed: \"%.40s\"", s);
	if (u[-1] == 'M' && speed_word(o + 1, (size_t)(u - 1 - (o + 1)), tmp)) {
		memcpy(p->dev.d.speed, tmp, sizeof tmp);
		return 0;
	}
	o++;
	if (u[-1] == 'G' && dec(&o, 1000, &g) && o == u - 1) {
		snprintf(p->dev.d.speed, sizeof p->dev.d.speed, "%lu", g * 1000);
		return 0;
	}
	return fail(p, "unknown speed: \"%.40s\"", s);
}

static int device_field(struct parser *p, const char *key, const char *s)
{
	static const char *const strs[] = {"iManufacturer", "iProduct", "iSerial"};
	struct dev *v = &p->dev;
	struct usb_dev *d = &v->d;
	unsigned long x;
	unsigned h;

	spaces(&s);
	if (!strcmp(key, "bcdUSB") || !strcmp(key, "bcdDevice")) {
		if (!bcd(&s, &h) || !end(s))
			return fail(p, "%s is not a version: \"%.20s\"", key, s);
		if (key[3] == 'U')
			d->bcd_usb = h, v->have |= H_USB;
		else
			d->bcd_device = h, v->have |= H_BCD;
	} else if (!strcmp(key, "idVendor") || !strcmp(key, "idProduct")) {
		int vend = key[2] == 'V';

		if (!lit(&s, "0x") || !hex(&s, 4, 4, &h) || !end(s))
			return fail(p, "%s is not a 4-digit hex number", key);
		if (h != (vend ? d->vendor : d->product))
			return fail(p, "%s 0x%04x differs from the ID %04x:%04x of its Bus line", key, h,
				    d->vendor, d->product);
		v->have |= vend ? H_VENDOR : H_PRODUCT;
	} else if (!strcmp(key, "bDeviceClass") || !strcmp(key, "bNumConfigurations")) {
		if (!dec(&s, 255, &x) || !end(s))
			return fail(p, "%s is not a number from 0 to 255", key);
		if (key[1] == 'D')
			d->dev_class = (unsigned)x, v->have |= H_CLASS;
		else
			v->nconfigs = (long)x, v->have |= H_NCONF;
	} else {
		for (int k = 0; k < 3; k++) {
			if (strcmp(key, strs[k]))
				continue;
			if (!dec(&s, 255, &x) || (*s && *s != ' '))
				return fail(p, "%s is not a string index", key);
			d->istr[k] = (unsigned)x;
			v->have |= (unsigned)H_IMANU << k;
			free(d->str[k]);
			d->str[k] = NULL;
			/* "%5u %s": one blank, then the string; none when lsusb could not
			 * read it */
			if (x && *s == ' ' && s[1])
				d->str[k] = hw_sanitize(s + 1);
		}
	}
	return 0;
}

static int config_field(struct parser *p, const char *key, const char *s)
{
	unsigned long x;

	spaces(&s);
	if (!strcmp(key, "bConfigurationValue") || !strcmp(key, "bNumInterfaces")) {
		if (!dec(&s, 255, &x) || !end(s))
			return fail(p, "%s is not a number from 0 to 255", key);
		*(key[1] == 'C' ? &p->dev.c.value : &p->dev.c.nifs) = (long)x;
	}
	return 0;
}

static int iface_field(struct parser *p, const char *key, const char *s)
{
	struct iface *i = &p->dev.i;
	long *to = !strcmp(key, "bInterfaceNumber")     ? &i->num
		   : !strcmp(key, "bAlternateSetting") ? &i->alt
		   : !strcmp(key, "bInterfaceClass")   ? &i->cls
						       : NULL;
	unsigned long x;

	spaces(&s);
	if (!to)
		return 0;
	if (!dec(&s, 255, &x) || !end(s))
		return fail(p, "%s is not a number from 0 to 255", key);
	*to = (long)x;
	return 0;
}

/* A line of an lsusb device after its Bus line. */
static int verbose_line(struct parser *p, const char *s)
{
	struct dev *v = &p->dev;
	char key[32];
	size_t indent = strspn(s, " "), klen;
	const char *rest;

	if (!indent) {
		if (!strcmp(s, "Device Descriptor:")) {
			if (v->desc)
				return fail(p, "a second Device Descriptor for Bus %03u Device %03u",
					    v->d.bus, v->d.devnum);
			v->desc = 1;
			v->sect = S_DEVICE;
		} else if (lit(&s, "Negotiated speed: ")) {
			return negotiated(p, s);
		} else if (v->desc) {
			if (vconf_close(p) < 0)
				return -1;
			v->sect = S_OTHER; /* Hub Descriptor, Device Status, ... */
		} else {
			return fail(p, "not lsusb output: \"%.40s\"", s);
		}
		return 0;
	}
	if (!v->desc)
		return fail(p, "not lsusb output: \"%.40s\"", s);
	if (v->sect == S_OTHER)
		return 0;
	s += indent;
	klen = strcspn(s, " ");
	snprintf(key, sizeof key, "%.*s", (int)(klen < sizeof key ? klen : sizeof key - 1), s);
	rest = s + klen;
	if (indent == 2) {
		if (!strcmp(s, "Configuration Descriptor:")) {
			if (vconf_close(p) < 0)
				return -1;
			conf_reset(&v->c);
			v->c.open = 1;
			v->sect = S_CONFIG;
			return 0;
		}
		if (v->sect == S_DEVICE)
			return device_field(p, key, rest);
		if (vconf_close(p) < 0)
			return -1;
		v->sect = S_OTHER;
	} else if (indent == 4 && (v->sect == S_CONFIG || v->sect == S_IFACE)) {
		if (s[strlen(s) - 1] == ':') {
			if (iface_close(p) < 0)
				return -1;
			v->sect = S_CONFIG;
			if (!strcmp(s, "Interface Descriptor:")) {
				v->i = (struct iface){1, -1, -1, -1};
				v->sect = S_IFACE;
			}
			return 0;
		}
		if (v->sect == S_CONFIG)
			return config_field(p, key, rest);
	} else if (indent == 6 && v->sect == S_IFACE) {
		return iface_field(p, key, rest);
	}
	return 0;
}

/* --- lsusb -t ------------------------------------------------------------------- */

/* "/:  Bus 01.Port 1: Dev 1, Class=root_hub, Driver=xhci_hcd/6p, 480M" or
 * "    |__ Port 3: Dev 2, If 0, Class=Hub, Driver=hub/4p, 480M" */
static int tree_line(struct parser *p, const char *s)
{
	size_t indent = strspn(s, " ");
	const char *q = s, *comma = strrchr(s, ',');
	unsigned long bus = 0, port = 0, devnum;
	struct tnode t = {0};
	size_t ql;
	int depth;

	if (lit(&q, "/:  Bus ")) {
		if (!dec(&q, BUS_MAX, &bus) || !lit(&q, ".Port ") || !dec(&q, 255, &port) ||
		    !lit(&q, ": Dev ") || !dec(&q, DEV_MAX, &devnum) || !lit(&q, ","))
			return fail(p, "not an lsusb -t line");
		depth = 0;
		p->tbus = (unsigned)bus;
		p->troot = 1;
	} else {
		q += indent;
		if (indent < 4 || indent % 4 || !lit(&q, "|__ Port ") || !dec(&q, 255, &port) ||
		    port == 0 || !lit(&q, ": Dev ") || !dec(&q, DEV_MAX, &devnum) || !lit(&q, ","))
			return fail(p, "not an lsusb -t line");
		depth = (int)(indent / 4);
		if (!p->troot || depth > p->tdepth + 1 || depth > MAX_PORTS)
			return fail(p, "lsusb -t: a device at depth %d with no parent above it", depth);
		p->tstack[depth - 1] = (unsigned)port;
	}
	p->tdepth = depth;
	if (devnum == 0)
		return fail(p, "not an lsusb -t line");
	t.bus = p->tbus, t.dev = (unsigned)devnum, t.line = p->line, t.nports = depth;
	memcpy(t.ports, p->tstack, sizeof t.ports);
	q = comma + 1;
	spaces(&q);
	ql = strlen(q);
	if (!ql || q[ql - 1] != 'M' || !speed_word(q, ql - 1, t.speed))
		return fail(p, "lsusb -t: no speed at the end of the line");
	/* one line per interface: the device's first one counts */
	for (size_t k = p->ntree; k-- > 0;)
		if (p->tree[k].bus == t.bus && p->tree[k].dev == t.dev) {
			if (p->tree[k].nports != t.nports ||
			    memcmp(p->tree[k].ports, t.ports, sizeof t.ports))
				return fail(p, "lsusb -t: Dev %u of Bus %u in two places", t.dev, t.bus);
			return 0;
		}
	GROW(p->tree, p->treecap, p->ntree);
	p->tree[p->ntree++] = t;
	return 0;
}

/* --- usb-devices ---------------------------------------------------------------- */

/* A configuration of usb-devices ends: the one marked active ("C:*", in
 * the debugfs devices file) counts, else the only one. */
static int usbdev_conf_end(struct parser *p)
{
	struct dev *v = &p->dev;
	int was_open = v->c.open;

	if (conf_close(p, &v->c) < 0)
		return -1;
	if (was_open && (v->c.star || (!v->stars && !v->use_set))) {
		v->use = v->c;
		v->use_set = 1;
	}
	return 0;
}

static int usbdev_close(struct parser *p)
{
	struct dev *v = &p->dev;
	struct usb_dev *d = &v->d;

	if (usbdev_conf_end(p) < 0)
		goto bad;
	if (!v->has_d || !v->has_p) {
		fail(p, "Bus %03u Dev# %u has no %s: line (cut short?)", d->bus, d->devnum,
		     v->has_d ? "P" : "D");
		goto bad;
	}
	/* several configurations and none marked active: which one is not said */
	if (v->stars == 0 && v->configs > 1) {
		d->lacks |= USB_LACKS_IFACES;
	} else if (v->use_set) {
		/* in interface-number order: the script lists them as its shell
		 * globs sort them ("1-2:1.10" before "1-2:1.2") */
		struct conf *c = &v->use;

		for (int i = 1; i < c->ncls; i++)
			for (int k = i; k > 0 && c->ifnum[k - 1] > c->ifnum[k]; k--) {
				unsigned t = c->ifnum[k];
				unsigned char x = c->cls[k];

				c->ifnum[k] = c->ifnum[k - 1], c->cls[k] = c->cls[k - 1];
				c->ifnum[k - 1] = t, c->cls[k - 1] = x;
			}
		use_ifaces(d, c);
	}
	return add_device(p, d);
bad:
	for (int k = 0; k < 3; k++)
		free(d->str[k]), d->str[k] = NULL;
	return -1;
}

/* "T:  Bus=01 Lev=01 Prnt=01 Port=04 Cnt=01 Dev#=  4 Spd=480 MxCh= 0" */
static int usbdev_t(struct parser *p, const char *s)
{
	struct usb_dev *d = &p->dev.d;
	unsigned long bus, lev, port, devnum;
	const char *sp;
	size_t n;

	memset(&p->dev, 0, sizeof p->dev);
	p->dev.open = 1;
	p->dev.line = p->line;
	conf_reset(&p->dev.c);
	if (!fdec(s, "Bus=", BUS_MAX, &bus) || !fdec(s, "Lev=", 255, &lev) ||
	    !fdec(s, "Port=", 254, &port) || !fdec(s, "Dev#=", DEV_MAX, &devnum) || devnum == 0 ||
	    !(sp = field(s, "Spd=")))
		return fail(p, "not a usb-devices T: line");
	n = strcspn(sp, " ");
	if (!speed_word(sp, n, d->speed))
		return fail(p, "usb-devices: Spd=%.*s is not a speed", (int)(n < 16 ? n : 16), sp);
	d->bus = (unsigned)bus;
	d->devnum = (unsigned)devnum;
	if (lev == 0) {
		p->root_bus = d->bus;
		p->have_root = 1;
		p->depth = 0;
		return 0;
	}
	if (!p->have_root || d->bus != p->root_bus || lev > (unsigned long)p->depth + 1 ||
	    lev > MAX_PORTS)
		return fail(p, "usb-devices: Lev=%lu on Bus %lu does not follow its parent", lev, bus);
	p->stack[lev - 1] = (unsigned)port + 1; /* Port= is the port number less one */
	p->depth = (int)lev;
	d->nports = (int)lev;
	memcpy(d->ports, p->stack, sizeof d->ports);
	return 0;
}

static int usbdev_line(struct parser *p, const char *s)
{
	static const char *const strs[] = {"S:  Manufacturer=", "S:  Product=", "S:  SerialNumber="};
	struct dev *v = &p->dev;
	struct usb_dev *d = &v->d;
	unsigned long x, alt, cls;
	unsigned h;
	int star = s[2] == '*';
	const char *q;

	switch (s[0]) {
	case 'D':
		if (!(q = field(s, "Ver=")) || !bcd(&q, &d->bcd_usb) || !end(q))
			return fail(p, "usb-devices: D: Ver= is not a version");
		if (!fhex(s, "Cls=", 2, &d->dev_class))
			return fail(p, "usb-devices: D: Cls= is not a class");
		v->has_d = 1;
		return 0;
	case 'P':
		if (!fhex(s, "Vendor=", 4, &d->vendor) || !fhex(s, "ProdID=", 4, &d->product))
			return fail(p, "usb-devices: P: Vendor= and ProdID= are not 4-digit hex numbers");
		if (!(q = field(s, "Rev=")) || !bcd(&q, &d->bcd_device) || !end(q))
			return fail(p, "usb-devices: P: Rev= is not a version");
		v->has_p = 1;
		return 0;
	case 'S':
		for (int k = 0; k < 3; k++)
			if (lit(&s, strs[k])) {
				free(d->str[k]);
				d->str[k] = hw_sanitize(s);
				return 0;
			}
		return fail(p, "usb-devices: unknown S: line");
	case 'C':
		if (usbdev_conf_end(p) < 0)
			return -1;
		conf_reset(&v->c);
		if (!fdec(s, "#Ifs=", 255, &x))
			return fail(p, "usb-devices: C: #Ifs= is not a number");
		v->c.nifs = (long)x;
		if (!fdec(s, "Cfg#=", 255, &x))
			return fail(p, "usb-devices: C: Cfg#= is not a number");
		v->c.value = (long)x;
		v->c.open = 1;
		v->c.star = star;
		v->stars += star;
		v->configs++;
		return 0;
	case 'I':
		if (!v->c.open)
			return fail(p, "usb-devices: an I: line before its C: line");
		if (!fdec(s, "If#=", 255, &x) || !fdec(s, "Alt=", 255, &alt) ||
		    !fhex(s, "Cls=", 2, &h))
			return fail(p, "usb-devices: I: If#=, Alt= or Cls= is not a number");
		cls = h;
		conf_iface(&v->c, (unsigned)x, (unsigned)alt, (unsigned)cls);
		return 0;
	default: /* E: endpoints, B: bandwidth */
		return 0;
	}
}

/* --- the file -------------------------------------------------------------------- */

static int close_dev(struct parser *p)
{
	int rc = 0;

	if (p->dev.open)
		rc = p->mode == M_USBDEV ? usbdev_close(p) : lsusb_close(p);
	p->dev.open = 0;
	return rc;
}

static int is_tree(const char *s)
{
	const char *q = s + strspn(s, " ");

	return !strncmp(s, "/:  Bus ", 8) || (q > s && !strncmp(q, "|__ ", 4));
}

/* What lsusb says on stderr when a capture took both streams. */
static int lsusb_complaint(const char *s)
{
	return !strncmp(s, "Couldn't open device", 20) || !strncmp(s, "can't get ", 10) ||
	       !strncmp(s, "cannot read ", 12);
}

static int one_line(struct parser *p, const char *s)
{
	if (!*s || strspn(s, " \t") == strlen(s))
		return 0;
	if (p->mode != M_USBDEV && lsusb_complaint(s))
		return 0;
	if (is_tree(s)) {
		if (p->mode == M_USBDEV)
			return fail(p, "lsusb -t output inside usb-devices output");
		if (close_dev(p) < 0)
			return -1;
		return tree_line(p, s);
	}
	if (!strncmp(s, "Bus ", 4)) {
		if (p->mode == M_USBDEV)
			return fail(p, "lsusb output inside usb-devices output");
		if (close_dev(p) < 0)
			return -1;
		p->mode = M_LSUSB;
		return bus_line(p, s);
	}
	if (!strncmp(s, "T:", 2)) {
		if (p->mode == M_LSUSB || p->ntree)
			return fail(p, "usb-devices output inside lsusb output");
		if (close_dev(p) < 0)
			return -1;
		p->mode = M_USBDEV;
		return usbdev_t(p, s);
	}
	if (p->mode == M_USBDEV && p->dev.open && s[1] == ':' && strchr("DPSCIEB", s[0]) &&
	    (s[2] == ' ' || s[2] == '*'))
		return usbdev_line(p, s);
	if (p->mode == M_LSUSB && p->dev.open)
		return verbose_line(p, s);
	return fail(p, "not lsusb, lsusb -v, lsusb -t or usb-devices output: \"%.40s\"", s);
}

/* The shell command a capture often starts with ("$ sudo lsusb -v"). */
static int command_line(const char *s)
{
	return (s[0] == '$' || s[0] == '#') && s[1] == ' ' &&
	       (strstr(s, "lsusb") || strstr(s, "usb-devices"));
}

/* Give the devices of the lsusb -t tree their port paths and speeds. */
static void join_tree(struct parser *p)
{
	for (size_t k = 0; k < p->ntree; k++) {
		const struct tnode *t = &p->tree[k];
		int w = *slot(p, t->bus, t->dev);
		struct usb_dev *d;

		if (!w) {
			hw_warn(p->e, "usb: %s:%u: lsusb -t shows Bus %03u Device %03u, which the "
				      "listing does not; left out",
				p->path, t->line, t->bus, t->dev);
			continue;
		}
		d = &(*p->devs)[p->first + (size_t)w - 1];
		d->lacks &= ~USB_LACKS_PORTS;
		d->nports = t->nports;
		memcpy(d->ports, t->ports, sizeof d->ports);
		if (!*d->speed)
			memcpy(d->speed, t->speed, sizeof d->speed);
	}
}

int lsusb_text_parse(const char *path, const char *buf, size_t len, struct usb_dev **devs,
		     size_t *n, size_t *cap, const char **format, struct hw_err *e)
{
	struct parser p = {.path = path, .e = e, .devs = devs, .n = n, .cap = cap, .first = *n};
	char *line = xmalloc(LSUSB_LINE_MAX + 1);
	int rc = 0, seen = 0;

	p.where = xcalloc((BUS_MAX + 1) * (DEV_MAX + 1), sizeof *p.where);
	for (size_t off = 0; off < len && rc == 0;) {
		const char *nl = memchr(buf + off, '\n', len - off);
		size_t raw = nl ? (size_t)(nl - (buf + off)) : len - off, l = raw;

		p.line++;
		if (l && buf[off + l - 1] == '\r')
			l--; /* CRLF */
		if (l > LSUSB_LINE_MAX) {
			rc = fail(&p, "line longer than %d bytes", LSUSB_LINE_MAX);
			break;
		}
		if (memchr(buf + off, '\0', l)) {
			rc = fail(&p, "a NUL byte: not lsusb or usb-devices text");
			break;
		}
		memcpy(line, buf + off, l);
		line[l] = '\0';
		off += raw + (nl != NULL);
		if (!seen && command_line(line))
			continue;
		seen = seen || *line;
		rc = one_line(&p, line);
	}
	if (rc == 0)
		rc = close_dev(&p);
	if (rc == 0 && p.plain_line && p.verbose_line) {
		p.line = p.plain_line;
		rc = fail(&p, "a device without descriptors among lsusb -v devices (cut short?)");
	}
	if (rc == 0 && p.ntree && *n == p.first) {
		hw_fail(e, "%s: lsusb -t output alone gives no vendor or product ids; give it "
			   "together with lsusb or lsusb -v output", path);
		rc = -1;
	}
	if (rc == 0) {
		join_tree(&p);
		*format = p.mode == M_USBDEV ? "usb-devices"
			  : p.verbose_line    ? (p.ntree ? "lsusb -v + lsusb -t" : "lsusb -v")
			  : p.plain_line      ? (p.ntree ? "lsusb + lsusb -t" : "lsusb")
					      : "empty";
	} else {
		for (size_t i = p.first; i < *n; i++)
			for (int k = 0; k < 3; k++)
				free((*devs)[i].str[k]);
		*n = p.first;
		if (p.dev.open)
			for (int k = 0; k < 3; k++)
				free(p.dev.d.str[k]);
	}
	free(p.tree);
	free(p.where);
	free(line);
	return rc;
}

int lsusb_text_read(const char *path, struct usb_dev **devs, size_t *n, size_t *cap,
		    const char **format, struct hw_err *e)
{
	FILE *f = infile_fopen(path, e);
	char *buf;
	size_t len;
	int rc;

	if (!f)
		return -1;
	buf = xmalloc(LSUSB_FILE_MAX + 1);
	len = fread(buf, 1, LSUSB_FILE_MAX + 1, f);
	if (ferror(f) || len > LSUSB_FILE_MAX) {
		rc = hw_fail(e, "%s: %s", path, ferror(f) ? "read error" : "larger than 64 MiB");
		fclose(f);
		free(buf);
		return rc;
	}
	fclose(f);
	rc = lsusb_text_parse(path, buf, len, devs, n, cap, format, e);
	free(buf);
	return rc;
}
