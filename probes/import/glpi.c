/* glpi.c - GLPI agent inventories (JSON, the format of
 * glpi-project/inventory_format) and the older FusionInventory/OCS XML
 * (<REQUEST><CONTENT><SECTION><KEY>value</KEY>...), for --glpi.
 *
 * Both are a list of sections (bios, hardware, controllers, usbdevices,
 * cpus, memories, networks, storages, monitors), each entry a set of
 * KEY: value fields; JSON writes the keys in lower case, XML in upper case.
 * The two readers put them in one list of records, and one builder maps
 * the fields to the probes' forms (what each field means, from the agent's
 * code, glpi-agent lib/GLPI/Agent/Task/Inventory/):
 *
 *   bios         smanufacturer smodel ssn skunumber (SMBIOS type 1),
 *                mmanufacturer mmodel msn (type 2), bmanufacturer bversion
 *                bdate (type 0); hardware.uuid, hardware.name
 *   controllers  pcislot, vendorid, productid, pcisubsystemid "vvvv:dddd",
 *                pciclass "0600" (no programming interface), rev, driver
 *                (Generic/PCI/Controllers.pm, from lspci -v -nn)
 *   usbdevices   vendorid, productid, serial (Generic/USB.pm); no bus or port
 *   cpus         manufacturer, name (SMBIOS type 4 or cpuinfo)
 *   memories     manufacturer, model (the part number), serialnumber, caption
 *                (the locator), capacity in MB (Generic/Dmidecode/Memory.pm)
 *   networks     mac (XML: macaddr), pcislot, description (the interface),
 *                driver, virtualdev
 *   storages     name, manufacturer, model, firmware, serial (XML:
 *                serialnumber), interface
 *   monitors     base64 (the EDID, Generic/Screen.pm)
 *
 * Errors name the file and line (XML) or the JSON path of the value. */
#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "inventory.h"
#include "json_util.h"

struct grec {
	char *section;     /* lower case */
	char *where;       /* "$.content.controllers[3]" or "FILE:LINE" */
	char **key, **val; /* keys lower case */
	size_t n, cap;
};

struct glist {
	struct grec *r;
	size_t n, cap;
};

static struct grec *add_rec(struct glist *l, const char *section, const char *where)
{
	struct grec *r;

	GROW(l->r, l->cap, l->n);
	r = &l->r[l->n++];
	memset(r, 0, sizeof *r);
	r->section = xstrdup(section);
	for (char *p = r->section; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	r->where = xstrdup(where);
	return r;
}

static void add_field(struct grec *r, const char *key, const char *val)
{
	char *v = inv_dup(val);

	if (!v)
		return;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->key = xrealloc(r->key, r->cap * sizeof *r->key);
		r->val = xrealloc(r->val, r->cap * sizeof *r->val);
	}
	r->key[r->n] = xstrdup(key);
	for (char *p = r->key[r->n]; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	r->val[r->n++] = v;
}

static const char *field(const struct grec *r, const char *key)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->key[i], key))
			return r->val[i];
	return NULL;
}

static void glist_free(struct glist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		for (size_t k = 0; k < l->r[i].n; k++)
			free(l->r[i].key[k]), free(l->r[i].val[k]);
		free(l->r[i].key), free(l->r[i].val);
		free(l->r[i].section), free(l->r[i].where);
	}
	free(l->r);
}

/* --- JSON ------------------------------------------------------------ */

static int json_entry(const char *path, const char *section, const char *jp, struct json_object *o,
                      struct glist *l, struct hw_err *e)
{
	struct grec *r;

	if (!json_object_is_type(o, json_type_object))
		return hw_fail(e, "%s: %s: an object was expected", path, jp);
	r = add_rec(l, section, jp);
	json_object_object_foreach(o, key, val)
	{
		switch (json_object_get_type(val)) {
		case json_type_string:
		case json_type_int:
		case json_type_double:
		case json_type_boolean:
			add_field(r, key, json_object_get_string(val));
			break;
		default:
			break; /* nested values: nothing the builder reads */
		}
	}
	return 0;
}

static int read_json(const char *path, const char *buf, size_t len, struct glist *l,
                     struct hw_err *e)
{
	struct json_object *root = json_parse_buf(path, buf, len, e), *content;
	int rc = 0;

	if (!root)
		return -1;
	if (!json_object_is_type(root, json_type_object) ||
	    !json_object_object_get_ex(root, "content", &content) ||
	    !json_object_is_type(content, json_type_object)) {
		json_object_put(root);
		return hw_fail(e, "%s: $.content: no GLPI inventory content (an object) in it",
		               path);
	}
	json_object_object_foreach(content, section, val)
	{
		char jp[128];

		if (rc)
			break;
		if (json_object_is_type(val, json_type_array)) {
			for (size_t i = 0; i < json_object_array_length(val) && !rc; i++) {
				snprintf(jp, sizeof jp, "$.content.%.64s[%zu]", section, i);
				rc = json_entry(path, section, jp,
				                json_object_array_get_idx(val, i), l, e);
			}
		} else if (json_object_is_type(val, json_type_object)) {
			snprintf(jp, sizeof jp, "$.content.%.64s", section);
			rc = json_entry(path, section, jp, val, l, e);
		}
	}
	json_object_put(root);
	return rc;
}

/* --- XML ------------------------------------------------------------- */

static int read_xml(const char *path, const char *buf, size_t len, struct glist *l,
                    struct hw_err *e)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr doc;
	xmlNode *root, *content = NULL;
	int rc = 0;

	if (!ctxt)
		return hw_fail(e, "%s: out of memory", path);
	doc = xmlCtxtReadMemory(ctxt, buf, (int)(len > 0x7fffffff ? 0x7fffffff : len), path, NULL,
	                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		const xmlError *err = xmlCtxtGetLastError(ctxt);

		rc = err && err->message
		         ? hw_fail(e, "%s:%d: not well-formed XML: %.*s", path, err->line,
		                   (int)strcspn(err->message, "\n"), err->message)
		         : hw_fail(e, "%s: not well-formed XML", path);
		xmlFreeParserCtxt(ctxt);
		return rc;
	}
	root = xmlDocGetRootElement(doc);
	if (root && !xmlStrcmp(root->name, BAD_CAST "REQUEST"))
		for (xmlNode *c = root->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE && !xmlStrcmp(c->name, BAD_CAST "CONTENT"))
				content = c;
	if (!content) {
		rc = hw_fail(e, "%s:%d: no <REQUEST><CONTENT>: not a FusionInventory/OCS inventory",
		             path, root ? (int)xmlGetLineNo(root) : 1);
	} else {
		for (xmlNode *s = content->children; s; s = s->next) {
			char where[64];
			struct grec *r;

			if (s->type != XML_ELEMENT_NODE)
				continue;
			snprintf(where, sizeof where, "line %ld", xmlGetLineNo(s));
			r = add_rec(l, (const char *)s->name, where);
			for (xmlNode *f = s->children; f; f = f->next)
				if (f->type == XML_ELEMENT_NODE) {
					xmlChar *t = xmlNodeGetContent(f);

					add_field(r, (const char *)f->name, (const char *)t);
					xmlFree(t);
				}
		}
	}
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return rc;
}

/* --- the builder ----------------------------------------------------- */

/* n hex digits at most; -1 when s is absent; -2 when it is no such number */
static long hexfield(const char *s, size_t maxdigits)
{
	size_t n;

	if (!s)
		return -1;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	n = strlen(s);
	if (!n || n > maxdigits || strspn(s, "0123456789abcdefABCDEF") != n)
		return -2;
	return strtol(s, NULL, 16);
}

static int bad(const char *path, const struct grec *r, const char *key, const char *what,
               struct hw_err *e)
{
	if (r->where[0] == '$')
		return hw_fail(e, "%s: %s.%s: %s", path, r->where, key, what);
	return hw_fail(e, "%s:%s: %s: %s", path, r->where + 5, key, what);
}

static int controller(const char *path, const struct grec *r, struct inventory *inv,
                      struct hw_err *e)
{
	struct lspci_dev a, *d;
	const char *sub = field(r, "pcisubsystemid"), *cls = field(r, "pciclass");
	long v = hexfield(field(r, "vendorid"), 4), p = hexfield(field(r, "productid"), 4);
	long rev = hexfield(field(r, "rev"), 2), c = hexfield(cls, 4);

	if (!field(r, "pcislot") || v == -1) {
		inv->dropped[INV_PCI]++; /* no slot (Windows' WMI), or no ids */
		return 0;
	}
	if (inv_pci_addr(field(r, "pcislot"), &a) < 0)
		return bad(path, r, "pcislot", "not a PCI address (00:02.0)", e);
	if (v < 0 || p < 0)
		return bad(path, r, v < 0 ? "vendorid" : "productid", "not a 4-digit hex id", e);
	if (rev == -2 || c == -2)
		return bad(path, r, rev == -2 ? "rev" : "pciclass", "not hex", e);
	d = inv_add_pci(inv);
	d->domain = a.domain, d->bus = a.bus, d->dev = a.dev, d->func = a.func;
	d->vendor = v, d->device = p;
	d->class_id = c;
	d->rev = rev >= 0 ? rev : 0; /* the agent's lspci regex leaves out hex revisions */
	if (sub) {
		unsigned sv, sd;
		int n = 0;

		if (sscanf(sub, "%4x:%4x%n", &sv, &sd, &n) != 2 || sub[n])
			return bad(path, r, "pcisubsystemid", "not vvvv:dddd", e);
		if (sv && sv != 0xffff)
			d->subvendor = sv, d->subdevice = sd;
	}
	d->class_name = inv_dup(field(r, "type"));
	d->driver = inv_dup(field(r, "driver"));
	return 0;
}

static int usbdevice(const char *path, const struct grec *r, struct inventory *inv,
                     struct hw_err *e)
{
	long v = hexfield(field(r, "vendorid"), 4), p = hexfield(field(r, "productid"), 4);
	struct usb_dev *d;

	if (v == -1 || p == -1) {
		inv->dropped[INV_USB]++;
		return 0;
	}
	if (v < 0 || p < 0)
		return bad(path, r, v < 0 ? "vendorid" : "productid", "not a 4-digit hex id", e);
	d = inv_add_usb(inv);
	d->vendor = (unsigned)v, d->product = (unsigned)p;
	d->lacks =
	    USB_LACKS_BUS | USB_LACKS_PORTS | USB_LACKS_DESC | USB_LACKS_STRINGS | USB_LACKS_IFACES;
	d->devnum = (unsigned)inv->nusb;
	d->str[2] = inv_dup(field(r, "serial"));
	return 0;
}

static void add_str(struct inventory *inv, struct dmi_rec *d, enum dmi_str f, const char *s)
{
	d->str[f] = inv_str(inv, s);
}

static void bios(const struct grec *bi, const struct grec *hw, struct inventory *inv)
{
	struct dmi_rec *r;
	const char *u = hw ? field(hw, "uuid") : NULL;

	if (bi && (field(bi, "bmanufacturer") || field(bi, "bversion"))) {
		r = inv_add_dmi(inv, 0);
		r->handle = DMI_HANDLE_NONE;
		add_str(inv, r, DMI_MANUFACTURER, field(bi, "bmanufacturer"));
		add_str(inv, r, DMI_VERSION, field(bi, "bversion"));
		add_str(inv, r, DMI_DATE, field(bi, "bdate"));
	}
	if (bi && (field(bi, "smanufacturer") || field(bi, "smodel") || field(bi, "ssn"))) {
		r = inv_add_dmi(inv, 1);
		r->handle = DMI_HANDLE_NONE;
		add_str(inv, r, DMI_MANUFACTURER, field(bi, "smanufacturer"));
		add_str(inv, r, DMI_PRODUCT, field(bi, "smodel"));
		add_str(inv, r, DMI_SERIAL, field(bi, "ssn"));
		add_str(inv, r, DMI_SKU, field(bi, "skunumber"));
		if (u && strlen(u) == 36) {
			for (int i = 0; i < 36; i++)
				r->uuid[i] = (char)tolower((unsigned char)u[i]);
			r->uuid[36] = '\0';
		}
	}
	if (bi && (field(bi, "mmanufacturer") || field(bi, "mmodel"))) {
		r = inv_add_dmi(inv, 2);
		r->handle = DMI_HANDLE_NONE;
		add_str(inv, r, DMI_MANUFACTURER, field(bi, "mmanufacturer"));
		add_str(inv, r, DMI_PRODUCT, field(bi, "mmodel"));
		add_str(inv, r, DMI_SERIAL, field(bi, "msn"));
	}
}

static void cpu(const struct grec *g, struct inventory *inv)
{
	struct dmi_rec *r;

	if (!field(g, "manufacturer"))
		return;
	r = inv_add_dmi(inv, 4);
	r->handle = DMI_HANDLE_NONE;
	r->num[DMI_POPULATED] = 1;
	add_str(inv, r, DMI_MANUFACTURER, field(g, "manufacturer"));
	add_str(inv, r, DMI_VERSION, field(g, "name"));
	add_str(inv, r, DMI_SERIAL, field(g, "serial"));
}

static int memory(const char *path, const struct grec *g, struct inventory *inv, struct hw_err *e)
{
	const char *cap = field(g, "capacity");
	struct dmi_rec *r;
	char *end;
	long long mb;

	if (!cap || !isdigit((unsigned char)*cap))
		return 0; /* an empty slot ("No", or nothing) */
	mb = strtoll(cap, &end, 10);
	if (*end || mb <= 0 || mb > (1ll << 32))
		return bad(path, g, "capacity", "not a size in MB", e);
	r = inv_add_dmi(inv, 17);
	r->handle = DMI_HANDLE_NONE;
	r->num[DMI_SIZE_MB] = mb;
	add_str(inv, r, DMI_MANUFACTURER, field(g, "manufacturer"));
	add_str(inv, r, DMI_PART, field(g, "model"));
	add_str(inv, r, DMI_SERIAL, field(g, "serialnumber"));
	add_str(inv, r, DMI_LOCATOR, field(g, "caption"));
	/* one location a module: the agent names every slot of some
	 * machines alike ("System Board Memory") */
	if (r->str[DMI_LOCATOR]) {
		unsigned same = 0;

		for (size_t i = 0; i + 1 < inv->ndmi; i++)
			if (inv->dmi[i].type == 17 && inv->dmi[i].str[DMI_LOCATOR] &&
			    !strncmp(inv->dmi[i].str[DMI_LOCATOR], r->str[DMI_LOCATOR],
			             strlen(r->str[DMI_LOCATOR])))
				same++;
		if (same) {
			char *loc = xasprintf("%s #%u", r->str[DMI_LOCATOR], same + 1);

			r->str[DMI_LOCATOR] = inv_str(inv, loc);
			free(loc);
		}
	}
	return 0;
}

static void network(const struct grec *g, struct inventory *inv)
{
	const char *mac = field(g, "mac") ? field(g, "mac") : field(g, "macaddr");
	const char *virt = field(g, "virtualdev"), *slot = field(g, "pcislot");
	struct lspci_dev a;
	struct inv_nic *n;

	if (virt && (!strcmp(virt, "1") || !strcmp(virt, "true")))
		return;
	if (!(n = inv_add_nic(inv, mac)))
		return;
	for (size_t i = 0; i + 1 < inv->nnic; i++)
		if (!strcmp(inv->nic[i].mac, n->mac)) {
			inv->nnic--; /* the same interface again (its IPv6 entry) */
			return;
		}
	if (!strcmp(n->mac, "000000000000")) {
		inv->nnic--;
		return;
	}
	n->iface = inv_dup(field(g, "description"));
	n->driver = inv_dup(field(g, "driver"));
	if (slot && inv_pci_addr(slot, &a) == 0)
		n->pci = xasprintf("%04x:%02x:%02x.%u", a.domain, a.bus, a.dev, a.func);
}

static void storage(const struct grec *g, struct inventory *inv)
{
	static const char *const skip[] = {"vd",  "loop", "sr",   "fd", "ram",
	                                   "dm-", "md",   "zram", "nbd"};
	const char *name = field(g, "name"), *type = field(g, "type");
	const char *serial = field(g, "serial") ? field(g, "serial") : field(g, "serialnumber");
	struct inv_disk *d;
	size_t k;

	if (!name || !field(g, "model") ||
	    (type && (!strcasecmp(type, "cdrom") || !strcasecmp(type, "floppy"))))
		return;
	for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
		if (!strncmp(name, skip[i], strlen(skip[i])))
			return; /* not storage hardware (virtio, loop, ...) */
	d = inv_add_disk(inv);
	if (!strncmp(name, "nvme", 4) && (k = strspn(name + 4, "0123456789")) && name[4 + k] == 'n')
		d->loc = xstrndup(name, 4 + k);
	else
		d->loc = inv_dup(name);
	d->vendor = inv_dup(field(g, "manufacturer"));
	d->model = inv_dup(field(g, "model"));
	d->serial = inv_dup(serial);
	d->firmware = inv_dup(field(g, "firmware"));
	d->bus = !strncmp(d->loc, "nvme", 4) ? "nvme" : "scsi";
}

static int b64val(int c)
{
	return c >= 'A' && c <= 'Z'   ? c - 'A'
	       : c >= 'a' && c <= 'z' ? c - 'a' + 26
	       : c >= '0' && c <= '9' ? c - '0' + 52
	       : c == '+'             ? 62
	       : c == '/'             ? 63
	                              : -1;
}

/* RFC 4648 base64, blanks skipped; the number of bytes, -1 on a bad one */
static long unbase64(const char *s, unsigned char *out, size_t cap)
{
	unsigned acc = 0;
	int bits = 0;
	size_t n = 0;

	for (; *s && *s != '='; s++) {
		int v;

		if (isspace((unsigned char)*s))
			continue;
		if ((v = b64val((unsigned char)*s)) < 0)
			return -1;
		acc = acc << 6 | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (n == cap)
				return (long)n; /* the base block is all we read */
			out[n++] = (unsigned char)(acc >> bits);
		}
	}
	return (long)n;
}

static int monitor(const char *path, const struct grec *g, struct inventory *inv, struct hw_err *e)
{
	const char *b = field(g, "base64"), *why;
	unsigned char edid[256];
	struct edid_info ei;
	struct inv_display *d;
	long n;

	if (!b) {
		inv->dropped[INV_DISPLAY]++;
		return 0;
	}
	if ((n = unbase64(b, edid, sizeof edid)) < 0)
		return bad(path, g, "base64", "not base64", e);
	if (edid_parse(edid, (size_t)n, &ei, &why) < 0) {
		inv->dropped[INV_DISPLAY]++;
		return 0;
	}
	d = inv_add_display(inv);
	d->ei = ei;
	d->loc = xasprintf("monitor%zu", inv->ndisp - 1);
	return 0;
}

int glpi_parse(const char *path, const char *buf, size_t len, struct inventory *inv,
               struct hw_err *e)
{
	struct glist l = {0};
	const struct grec *bi = NULL, *hw = NULL;
	size_t i = 0;
	int rc = 0;

	while (i < len && isspace((unsigned char)buf[i]))
		i++;
	if (i < len && (buf[i] == '{' || buf[i] == '[')) {
		inv->format = "GLPI inventory (JSON)";
		rc = read_json(path, buf, len, &l, e);
	} else if (i < len && buf[i] == '<') {
		inv->format = "FusionInventory/OCS inventory (XML)";
		rc = read_xml(path, buf, len, &l, e);
	} else {
		rc = hw_fail(e, "%s: neither JSON nor XML: not a GLPI inventory", path);
	}
	for (size_t k = 0; !rc && k < l.n; k++) {
		const struct grec *r = &l.r[k];

		if (!strcmp(r->section, "bios"))
			bi = r;
		else if (!strcmp(r->section, "hardware"))
			hw = r;
		else if (!strcmp(r->section, "controllers"))
			rc = controller(path, r, inv, e);
		else if (!strcmp(r->section, "usbdevices"))
			rc = usbdevice(path, r, inv, e);
		else if (!strcmp(r->section, "cpus"))
			cpu(r, inv);
		else if (!strcmp(r->section, "memories"))
			rc = memory(path, r, inv, e);
		else if (!strcmp(r->section, "networks"))
			network(r, inv);
		else if (!strcmp(r->section, "storages"))
			storage(r, inv);
		else if (!strcmp(r->section, "monitors"))
			rc = monitor(path, r, inv, e);
	}
	if (!rc) {
		/* dmi records first, in SMBIOS order: BIOS, system, board, then
		 * the CPUs and memories already added */
		struct dmi_rec *later = inv->dmi;
		size_t nlater = inv->ndmi;

		inv->dmi = NULL, inv->ndmi = inv->capdmi = 0;
		bios(bi, hw, inv);
		for (size_t k = 0; k < nlater; k++)
			*inv_add_dmi(inv, later[k].type) = later[k];
		free(later);
		if (hw && field(hw, "name"))
			inv->name = inv_dup(field(hw, "name"));
		for (int s = 0; s < INV_NSRC; s++)
			inv->carries[s] = 1;
		inv->pci.numeric = 1;
		inv->pci.subsystems = 1;
		inv_lack(inv, INV_PCI, "classes without programming interface");
		if (inv->dropped[INV_PCI])
			inv_lack(inv, INV_PCI, "controllers without a PCI slot or ids left out");
		inv_lack(inv, INV_USB, "no bus, port, descriptors or strings but the serial");
		inv_lack(inv, INV_DMI,
		         "no SMBIOS handles, chassis, OEM strings, TPM or JEDEC ids; "
		         "the memory maker may be the agent's guess from the part number");
		if (inv->dropped[INV_DISPLAY])
			inv_lack(inv, INV_DISPLAY, "monitors without an EDID left out");
		inv_lack(inv, INV_NET, "no permanent address told apart from a changed one");
	}
	glist_free(&l);
	return rc;
}

int glpi_load(const char *path, struct inventory *inv, struct hw_err *e)
{
	size_t len;
	char *buf = inv_read_file(path, &len, e);
	int rc;

	if (!buf)
		return -1;
	rc = glpi_parse(path, buf, len, inv, e);
	free(buf);
	return rc;
}
