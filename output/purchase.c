/* purchase.c - read a purchase declaration (see purchase.h).
 *
 * A declaration is small and written by a person: it is read whole with
 * libxml2, a DTD is refused (no entities, nothing fetched), and every
 * attribute is checked, so that a typo is named with its line instead of
 * silently declaring nothing. */
#define _GNU_SOURCE /* strcasestr */
#include "purchase.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "alloc.h"
#include "infile.h"
#include "bom.h"
#include "sanitize.h"

#define X(s) ((const xmlChar *)(s))
#define MAX_QUANTITY 100000
#define PURCHASE_FILE_MAX (16 << 20) /* a declaration is a page or two */

const char *const purchase_categories[] = {"uas", "uas-component", "consumer-router", "inverter",
					 "robot", NULL};

static const char *const kinds[] = {"system", "baseboard", "bios", "cpu", "memory", "pci",
				    "usb", "storage", "display", "nic", "tpm", NULL};

/* When the reader stops before the root (a DTD it will not follow): the
 * start of the file names a declaration's DOCTYPE. */
static int sniff(const char *path)
{
	char buf[4096];
	size_t n;
	struct hw_err io = {0};
	FILE *f = infile_fopen(path, &io);

	if (!f)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strstr(buf, "<!DOCTYPE declaration") != NULL;
}

int purchase_is(const char *path)
{
	struct hw_err io = {0};
	int fd = infile_open(path, &io), is = 0;
	xmlTextReaderPtr r;

	if (fd < 0)
		return 0; /* not a declaration: the BOM reader says why */
	r = xmlReaderForFd(fd, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
					     XML_PARSE_NOWARNING);
	if (!r) {
		close(fd);
		return 0;
	}
	/* the root's name (or the DOCTYPE's) says what the file means to be;
	 * purchase_read() then says what is wrong with it */
	while (xmlTextReaderRead(r) == 1) {
		int type = xmlTextReaderNodeType(r);

		if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_DOCUMENT_TYPE) {
			const xmlChar *name = xmlTextReaderConstLocalName(r);

			is = name && !strcmp((const char *)name, "declaration");
			break;
		}
	}
	xmlFreeTextReader(r);
	close(fd);
	return is || sniff(path);
}

/* The line a node starts on (the file is parsed with XML_PARSE_BIG_LINES,
 * so past line 65535 too); a node without one (text) takes its parent's;
 * 0 when none is known. Never -1 in a message. */
static long node_line(xmlNodePtr n)
{
	for (; n; n = n->parent) {
		long l = xmlGetLineNo(n);

		if (l > 0)
			return l;
	}
	return 0;
}

static int fail(struct hw_err *e, const char *path, xmlNodePtr n, const char *what,
		const char *arg)
{
	long l = node_line(n);

	if (l <= 0)
		return hw_fail(e, "%s: %s%s%s", path, what, arg ? " " : "", arg ? arg : "");
	return hw_fail(e, "%s:%ld: %s%s%s", path, l, what, arg ? " " : "", arg ? arg : "");
}

static int is_hex4(const char *s)
{
	if (strlen(s) != 4)
		return 0;
	for (int i = 0; i < 4; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int one_of(const char *s, const char *const *set)
{
	for (size_t i = 0; set[i]; i++)
		if (!strcmp(s, set[i]))
			return 1;
	return 0;
}

/* Set *field to the sanitised, lower-cased (hex ids) value. */
static void take(char **field, const char *v, int lower)
{
	*field = hw_sanitize(v);
	if (lower)
		for (char *p = *field; *p; p++)
			*p = (char)tolower((unsigned char)*p);
}

static int item(struct purchase *p, xmlNodePtr n, const char *path, struct hw_err *e)
{
	struct purchase_item it = {.quantity = 1, .line = (int)node_line(n)};
	int rc = 0;

	for (xmlAttrPtr a = n->properties; a && !rc; a = a->next) {
		char *v = (char *)xmlNodeGetContent((xmlNodePtr)a);
		const char *name = (const char *)a->name;
		char *end;
		long q;

		if (!v)
			v = (char *)xmlStrdup(X(""));
		if (a->ns) {
			rc = fail(e, path, n, "an attribute of another namespace:", name);
		} else if (!strcmp(name, "kind")) {
			if (!one_of(v, kinds))
				rc = fail(e, path, n, "kind= is none of system, baseboard, bios, cpu, "
						      "memory, pci, usb, storage, display, nic, tpm:", v);
			else
				take(&it.kind, v, 0);
		} else if (!strcmp(name, "vendor")) {
			if (!*v)
				rc = fail(e, path, n, "vendor= is empty", NULL);
			else
				take(&it.vendor, v, is_hex4(v));
		} else if (!strcmp(name, "device")) {
			if (!is_hex4(v))
				rc = fail(e, path, n, "device= is not 4 hex digits:", v);
			else
				take(&it.device, v, 1);
		} else if (!strcmp(name, "model")) {
			take(&it.model, v, 0);
		} else if (!strcmp(name, "category")) {
			if (!one_of(v, purchase_categories))
				rc = fail(e, path, n, "category= is none of uas, uas-component, "
						      "consumer-router, inverter, robot:", v);
			else
				take(&it.category, v, 0);
		} else if (!strcmp(name, "quantity")) {
			q = strtol(v, &end, 10);
			if (!*v || *end || q < 1 || q > MAX_QUANTITY)
				rc = fail(e, path, n, "quantity= is not a number from 1 to 100000:", v);
			else
				it.quantity = (unsigned)q;
		} else if (!strcmp(name, "country-of-production")) {
			if (strlen(v) != 2 || !isupper((unsigned char)v[0]) ||
			    !isupper((unsigned char)v[1]))
				rc = fail(e, path, n, "country-of-production= is not an ISO 3166-1 "
						      "alpha-2 code:", v);
			else
				take(&it.country, v, 0);
		} else {
			rc = fail(e, path, n, "an item has no attribute", name);
		}
		xmlFree(v);
	}
	if (!rc && (!it.kind || !it.vendor))
		rc = fail(e, path, n, "an item needs kind= and vendor=", NULL);
	if (rc) {
		free(it.kind), free(it.vendor), free(it.device), free(it.model), free(it.country);
		free(it.category);
		return -1;
	}
	GROW(p->items, p->capitems, p->nitems);
	p->items[p->nitems++] = it;
	return 0;
}

static int root(struct purchase *p, xmlNodePtr n, const char *path, struct hw_err *e)
{
	if (!n || strcmp((const char *)n->name, "declaration") || !n->ns ||
	    strcmp((const char *)n->ns->href, PURCHASE_NS))
		return fail(e, path, n, "not a purchase declaration (<declaration xmlns=\""
				   PURCHASE_NS "\">)", NULL);
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		char *v = (char *)xmlNodeGetContent((xmlNodePtr)a);
		const char *name = (const char *)a->name;
		int rc = 0;

		if (!strcmp(name, "order"))
			take(&p->order, v ? v : "", 0);
		else if (!strcmp(name, "supplier"))
			take(&p->supplier, v ? v : "", 0);
		else if (!strcmp(name, "complete") && v && (!strcmp(v, "yes") || !strcmp(v, "no")))
			p->complete = !strcmp(v, "yes");
		else
			rc = fail(e, path, n, !strcmp(name, "complete") ? "complete= is not yes or no"
									: "a declaration has no attribute",
				  !strcmp(name, "complete") ? NULL : name);
		xmlFree(v);
		if (rc)
			return -1;
	}
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_COMMENT_NODE)
			continue;
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "item") || !c->ns ||
		    strcmp((const char *)c->ns->href, PURCHASE_NS))
			return fail(e, path, c, "only <item> elements belong in a declaration", NULL);
		if (item(p, c, path, e) < 0)
			return -1;
	}
	if (!p->nitems)
		return fail(e, path, n, "a declaration without items", NULL);
	return 0;
}

/* libxml2 reports some faults (encodings) through its generic handler:
 * they reach the caller through the context's last error instead. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx, (void)msg;
}

int purchase_read(const char *path, struct purchase *p, struct hw_err *e)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	struct stat st;
	int rc, fd = infile_open(path, e);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) == 0 && st.st_size > PURCHASE_FILE_MAX) {
		close(fd);
		return hw_fail(e, "%s: larger than %d MiB: not a purchase declaration", path,
			       PURCHASE_FILE_MAX >> 20);
	}
	if (!(ctxt = xmlNewParserCtxt())) {
		close(fd);
		return hw_fail(e, "%s: cannot create an XML parser", path);
	}
	xmlSetGenericErrorFunc(NULL, quiet); /* this thread's: encoding messages */
	doc = xmlCtxtReadFd(ctxt, fd, path, NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				    XML_PARSE_BIG_LINES);
	close(fd);
	if (!doc) {
		const xmlError *xe = &ctxt->lastError;
		char *why = xstrdup(xe->message ? xe->message : "cannot be read");

		why[strcspn(why, "\n")] = '\0';
		rc = hw_fail(e, "%s:%d: %s", path, xe->line, why);
		free(why);
	} else if (doc->intSubset) {
		rc = fail(e, path, (xmlNodePtr)doc->intSubset,
			  "a document type declaration (a declaration needs none)", NULL);
	} else {
		rc = root(p, xmlDocGetRootElement(doc), path, e);
	}
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return rc;
}

void purchase_clear(struct purchase *p)
{
	for (size_t i = 0; i < p->nitems; i++) {
		struct purchase_item *it = &p->items[i];

		free(it->kind), free(it->vendor), free(it->device), free(it->model);
		free(it->country), free(it->category);
	}
	free(p->items);
	free(p->order), free(p->supplier);
	memset(p, 0, sizeof *p);
}

/* --- matching the delivered components ------------------------------------ */

static int same(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static int holds_at(const char *hay, const char *needle, int whole)
{
	size_t n = needle ? strlen(needle) : 0;

	for (const char *at = hay; n && at && (at = strcasestr(at, needle)); at++)
		if ((at == hay || !isalnum((unsigned char)at[-1])) &&
		    (!whole || !isalnum((unsigned char)at[n])))
			return 1;
	return 0;
}

/* A maker's name as whole words: "Dell" is in "Dell Inc.", "AMD" in
 * "... [AMD]"; "a" is in neither. */
static int holds(const char *hay, const char *needle)
{
	return holds_at(hay, needle, 1);
}

/* A model from the start of a word: "M393A4K40" is in "M393A4K40DB3-CWE". */
static int holds_model(const char *hay, const char *needle)
{
	return holds_at(hay, needle, 0);
}

/* Whether c is of item's kind, vendor, device and model. */
static int matches(const struct purchase_item *it, const struct bom_component *c)
{
	static const char *const vendor_ids[] = {"pci.vendor", "pci.subvendor", "usb.vendor", NULL};
	static const char *const device_ids[] = {"pci.device", "pci.subdevice", "usb.product", NULL};
	static const char *const model_ids[] = {"smbios.product", "smbios.part-number",
						"storage.model", "usb.product-name", "edid.product",
						"cpu.model-name", NULL};
	int ok = 0;

	if (strcmp(it->kind, c->kind))
		return 0;
	/* the vendor: an id (PCI vendor or subsystem vendor, USB vendor), a
	 * maker's name the component states, or the entity of a role */
	for (size_t i = 0; vendor_ids[i] && !ok; i++)
		ok = same(bom_id_value(c, vendor_ids[i]), it->vendor);
	for (size_t i = 0; i < c->nids && !ok; i++)
		ok = holds(c->ids[i].name, it->vendor) ||
		     ((strstr(c->ids[i].ns, "manufacturer") || strstr(c->ids[i].ns, "vendor")) &&
		      holds(c->ids[i].value, it->vendor));
	for (size_t i = 0; i < c->nattrs && !ok; i++)
		ok = c->attrs[i].entity && !strcasecmp(c->attrs[i].entity, it->vendor);
	if (!ok)
		return 0;
	if (it->device) {
		ok = 0;
		for (size_t i = 0; device_ids[i] && !ok; i++)
			ok = same(bom_id_value(c, device_ids[i]), it->device);
		if (!ok)
			return 0;
	}
	if (it->model) {
		ok = holds_model(c->name, it->model);
		for (size_t i = 0; model_ids[i] && !ok; i++)
			ok = holds_model(bom_id_value(c, model_ids[i]), it->model);
	}
	return ok;
}

char *purchase_match(const struct purchase *p, struct bom *b, unsigned *got)
{
	char *used = xcalloc(b->ncomponents + 1, 1);

	/* this declaration replaces any a saved BOM was judged with */
	for (size_t j = 0; j < b->ncomponents; j++) {
		bom_del_cprop(b->components[j], "declared.country-of-production");
		bom_del_cprop(b->components[j], "declared.category");
	}
	for (size_t i = 0; i < p->nitems; i++) {
		const struct purchase_item *it = &p->items[i];

		got[i] = 0;
		for (size_t j = 0; j < b->ncomponents && got[i] < it->quantity; j++) {
			struct bom_component *c = b->components[j];

			if (used[j] || !matches(it, c))
				continue;
			used[j] = 1;
			got[i]++;
			if (it->country)
				bom_add_cprop(c, "declared.country-of-production", it->country);
			if (it->category)
				bom_add_cprop(c, "declared.category", it->category);
		}
	}
	return used;
}
