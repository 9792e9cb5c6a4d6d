/* bom_foreign.c - others' CycloneDX BOMs (bom_foreign.h): the XML through
 * libxml2 (no network, no DTD, no entities), the JSON through json-c; each
 * component, nested ones too, through foreign_map(). */
#include "bom_foreign.h"

#include <json-c/json.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "foreign_map.h"
#include "sanitize.h"

#define FOREIGN_DEPTH_MAX 32
#define FOREIGN_PROPS_MAX 4096

struct fc_buf {
	struct foreign_comp fc;
	char *s[8]; /* the owned strings of fc's fields */
	char **pn, **pv;
	size_t np, cap;
};

static void fcb_prop(struct fc_buf *f, const char *name, const char *value)
{
	if (!name || f->np == FOREIGN_PROPS_MAX)
		return;
	if (f->np == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 16;
		f->pn = xrealloc(f->pn, f->cap * sizeof *f->pn);
		f->pv = xrealloc(f->pv, f->cap * sizeof *f->pv);
	}
	f->pn[f->np] = hw_sanitize(name);
	f->pv[f->np] = hw_sanitize(value ? value : "");
	f->np++;
}

static void fcb_free(struct fc_buf *f)
{
	for (int i = 0; i < 8; i++)
		free(f->s[i]);
	for (size_t i = 0; i < f->np; i++)
		free(f->pn[i]), free(f->pv[i]);
	free(f->pn), free(f->pv);
	memset(f, 0, sizeof *f);
}

enum { S_TYPE, S_REF, S_NAME, S_VERSION, S_DESC, S_GROUP, S_MAKER, S_SERIAL };

static void fcb_set(struct fc_buf *f, int k, const char *v)
{
	if (!v || f->s[k])
		return;
	f->s[k] = hw_sanitize(v);
}

static void fcb_map(struct fc_buf *f, struct bom *b, size_t *mapped, size_t *skipped)
{
	f->fc.type = f->s[S_TYPE], f->fc.bom_ref = f->s[S_REF], f->fc.name = f->s[S_NAME];
	f->fc.version = f->s[S_VERSION], f->fc.description = f->s[S_DESC];
	f->fc.group = f->s[S_GROUP], f->fc.manufacturer = f->s[S_MAKER];
	f->fc.serial = f->s[S_SERIAL];
	f->fc.pname = (const char *const *)f->pn, f->fc.pvalue = (const char *const *)f->pv;
	f->fc.nprops = f->np;
	if (foreign_map(b, &f->fc))
		(*mapped)++;
	else
		(*skipped)++;
}

struct tally {
	size_t mapped, skipped;
	char *tool, *spec;
};

/* --- XML ------------------------------------------------------------- */

static int is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST name);
}

static char *text_of(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = t ? xstrdup((const char *)t) : NULL;

	xmlFree(t);
	return s;
}

/* The text of child element name of n, or NULL. Free with free(). */
static char *child_text(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (is(c, name))
			return text_of(c);
	return NULL;
}

static int xml_component(const char *path, const xmlNode *x, int depth, struct bom *b,
                         struct tally *t, struct hw_err *e)
{
	struct fc_buf f = {0};
	char *v;

	if (depth > FOREIGN_DEPTH_MAX)
		return hw_fail(e, "%s:%ld: components nested deeper than %d", path, xmlGetLineNo(x),
		               FOREIGN_DEPTH_MAX);
	if ((v = (char *)xmlGetProp(x, BAD_CAST "type")))
		fcb_set(&f, S_TYPE, v), xmlFree(v);
	if ((v = (char *)xmlGetProp(x, BAD_CAST "bom-ref")))
		fcb_set(&f, S_REF, v), xmlFree(v);
	for (const xmlNode *c = x->children; c; c = c->next) {
		if (is(c, "name") || is(c, "version") || is(c, "description") || is(c, "group")) {
			v = text_of(c);
			fcb_set(&f,
			        is(c, "name")      ? S_NAME
			        : is(c, "version") ? S_VERSION
			        : is(c, "group")   ? S_GROUP
			                           : S_DESC,
			        v);
			free(v);
		} else if (is(c, "manufacturer") || is(c, "supplier")) {
			v = child_text(c, "name");
			if (is(c, "manufacturer"))
				free(f.s[S_MAKER]), f.s[S_MAKER] = NULL; /* 1.6's field wins */
			fcb_set(&f, S_MAKER, v);
			free(v);
		} else if (is(c, "properties")) {
			for (const xmlNode *p = c->children; p; p = p->next)
				if (is(p, "property")) {
					char *name = (char *)xmlGetProp(p, BAD_CAST "name");

					v = text_of(p);
					fcb_prop(&f, name, v);
					if (name && (!strcmp(name, "cdx:device:serialNumber") ||
					             !strcmp(name, "serialNumber")))
						fcb_set(&f, S_SERIAL, v);
					xmlFree(name);
					free(v);
				}
		}
	}
	fcb_map(&f, b, &t->mapped, &t->skipped);
	fcb_free(&f);
	for (const xmlNode *c = x->children; c; c = c->next)
		if (is(c, "components"))
			for (const xmlNode *k = c->children; k; k = k->next)
				if (is(k, "component") &&
				    xml_component(path, k, depth + 1, b, t, e) < 0)
					return -1;
	return 0;
}

static int read_xml(const char *path, const char *buf, size_t len, struct bom *b, struct tally *t,
                    struct hw_err *e)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr doc;
	xmlNode *root;
	int rc = 0;

	if (!ctxt)
		return hw_fail(e, "%s: out of memory", path);
	doc = xmlCtxtReadMemory(ctxt, buf, (int)(len > 0x7fffffff ? 0x7fffffff : len), path, NULL,
	                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		const xmlError *x = xmlCtxtGetLastError(ctxt);

		rc = hw_fail(e, "%s:%d: malformed XML: %.*s", path, x ? x->line : 0,
		             x && x->message ? (int)strcspn(x->message, "\n") : 0,
		             x && x->message ? x->message : "");
		xmlFreeParserCtxt(ctxt);
		return rc;
	}
	root = xmlDocGetRootElement(doc);
	if (doc->intSubset || doc->extSubset) {
		/* nothing of it is loaded or expanded; a BOM needs none */
		rc = hw_fail(e, "%s:%d: a document type declaration (a CycloneDX BOM has none)",
		             path,
		             doc->intSubset ? (int)xmlGetLineNo((xmlNode *)doc->intSubset) : 1);
	} else if (!root || !is(root, "bom") || !root->ns || !root->ns->href ||
	           strncmp((const char *)root->ns->href, "http://cyclonedx.org/schema/bom/", 32)) {
		rc = hw_fail(e, "%s:%d: not a CycloneDX BOM", path,
		             root ? (int)xmlGetLineNo(root) : 1);
	} else {
		t->spec = xstrdup((const char *)root->ns->href + 32);
		for (xmlNode *c = root->children; c && !rc; c = c->next) {
			if (is(c, "metadata")) {
				for (xmlNode *m = c->children; m; m = m->next) {
					if (is(m, "component") && !b->machine) {
						char *n = child_text(m, "name");

						bom_set(&b->machine, n);
						free(n);
					} else if (is(m, "tools") && !t->tool) {
						for (xmlNode *k = m->children; k && !t->tool;
						     k = k->next) {
							const xmlNode *tl =
							    is(k, "tool") || is(k, "component")
							        ? k
							        : NULL;

							if (!tl && is(k, "components"))
								for (tl = k->children;
								     tl && !is(tl, "component");
								     tl = tl->next)
									;
							if (tl)
								t->tool = child_text(tl, "name");
						}
					}
				}
			} else if (is(c, "components")) {
				for (xmlNode *k = c->children; k && !rc; k = k->next)
					if (is(k, "component"))
						rc = xml_component(path, k, 0, b, t, e);
			}
		}
	}
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return rc;
}

/* --- JSON ------------------------------------------------------------ */

static const char *jstr(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!o || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) || !v ||
	    json_object_is_type(v, json_type_object) || json_object_is_type(v, json_type_array))
		return NULL;
	return json_object_get_string(v);
}

static struct json_object *jget(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (o && json_object_is_type(o, json_type_object))
		json_object_object_get_ex(o, key, &v);
	return v;
}

static int json_component(const char *path, const char *jp, struct json_object *o, int depth,
                          struct bom *b, struct tally *t, struct hw_err *e)
{
	struct fc_buf f = {0};
	struct json_object *props = jget(o, "properties"), *kids = jget(o, "components");

	if (!json_object_is_type(o, json_type_object))
		return hw_fail(e, "%s: %s: a component (an object) was expected", path, jp);
	if (depth > FOREIGN_DEPTH_MAX)
		return hw_fail(e, "%s: %s: components nested deeper than %d", path, jp,
		               FOREIGN_DEPTH_MAX);
	fcb_set(&f, S_TYPE, jstr(o, "type"));
	fcb_set(&f, S_REF, jstr(o, "bom-ref"));
	fcb_set(&f, S_NAME, jstr(o, "name"));
	fcb_set(&f, S_VERSION, jstr(o, "version"));
	fcb_set(&f, S_DESC, jstr(o, "description"));
	fcb_set(&f, S_GROUP, jstr(o, "group"));
	fcb_set(&f, S_MAKER, jstr(jget(o, "manufacturer"), "name"));
	fcb_set(&f, S_MAKER, jstr(jget(o, "supplier"), "name"));
	if (props && !json_object_is_type(props, json_type_array))
		return fcb_free(&f),
		       hw_fail(e, "%s: %s.properties: an array was expected", path, jp);
	for (size_t i = 0; props && i < json_object_array_length(props); i++) {
		struct json_object *p = json_object_array_get_idx(props, i);
		const char *n = jstr(p, "name"), *v = jstr(p, "value");

		fcb_prop(&f, n, v);
		if (n && (!strcmp(n, "cdx:device:serialNumber") || !strcmp(n, "serialNumber")))
			fcb_set(&f, S_SERIAL, v);
	}
	fcb_map(&f, b, &t->mapped, &t->skipped);
	fcb_free(&f);
	if (kids && !json_object_is_type(kids, json_type_array))
		return hw_fail(e, "%s: %s.components: an array was expected", path, jp);
	for (size_t i = 0; kids && i < json_object_array_length(kids); i++) {
		char *sub = xasprintf("%s.components[%zu]", jp, i);
		int rc = json_component(path, sub, json_object_array_get_idx(kids, i), depth + 1, b,
		                        t, e);

		free(sub);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int read_json(const char *path, const char *buf, size_t len, struct bom *b, struct tally *t,
                     struct hw_err *e)
{
	struct json_tokener *tok = json_tokener_new_ex(FOREIGN_DEPTH_MAX * 3);
	struct json_object *root, *comps, *tools;
	enum json_tokener_error err;
	const char *fmt;
	int rc = 0;

	if (!tok)
		return hw_fail(e, "%s: out of memory", path);
	root = json_tokener_parse_ex(tok, buf, (int)(len > 0x7fffffff ? 0x7fffffff : len));
	err = json_tokener_get_error(tok);
	if (!root || err != json_tokener_success) {
		size_t off = json_tokener_get_parse_end(tok), line = 1;

		for (size_t i = 0; i < off && i < len; i++)
			line += buf[i] == '\n';
		json_tokener_free(tok);
		json_object_put(root);
		return hw_fail(e, "%s:%zu: not JSON: %s", path, line,
		               err == json_tokener_continue ? "unexpected end of data"
		                                            : json_tokener_error_desc(err));
	}
	json_tokener_free(tok);
	fmt = jstr(root, "bomFormat");
	if (!fmt || strcmp(fmt, "CycloneDX")) {
		json_object_put(root);
		return hw_fail(e, "%s: $.bomFormat: not \"CycloneDX\": not a CycloneDX BOM", path);
	}
	t->spec = xstrdup(jstr(root, "specVersion") ? jstr(root, "specVersion") : "?");
	bom_set(&b->machine, jstr(jget(jget(root, "metadata"), "component"), "name"));
	tools = jget(jget(root, "metadata"), "tools");
	if (tools && json_object_is_type(tools, json_type_object))
		tools = jget(tools, "components"); /* 1.5 on */
	if (tools && json_object_is_type(tools, json_type_array) && json_object_array_length(tools))
		t->tool = xstrdup(jstr(json_object_array_get_idx(tools, 0), "name"));
	comps = jget(root, "components");
	if (comps && !json_object_is_type(comps, json_type_array))
		rc = hw_fail(e, "%s: $.components: an array was expected", path);
	for (size_t i = 0; !rc && comps && i < json_object_array_length(comps); i++) {
		char jp[48];

		snprintf(jp, sizeof jp, "$.components[%zu]", i);
		rc = json_component(path, jp, json_object_array_get_idx(comps, i), 0, b, t, e);
	}
	json_object_put(root);
	return rc;
}

/* --- coverage -------------------------------------------------------- */

static const struct {
	const char *source, *kinds[6];
} sources[] = {
    {"dmi", {"system", "baseboard", "bios", "memory", "cpu", NULL}},
    {"pci", {"pci", NULL}},
    {"usb", {"usb", NULL}},
    {"storage", {"storage", NULL}},
    {"display", {"display", NULL}},
    {"net", {"nic", NULL}},
    {"tpm", {"tpm", NULL}},
};

int bom_read_foreign(const char *path, const char *buf, size_t len, struct bom *b,
                     struct bom_saved *saved, struct hw_err *e)
{
	struct tally t = {0};
	size_t i = 0;
	int rc;

	while (i < len && strchr(" \t\r\n", buf[i]))
		i++;
	saved->verdict = VERDICT_UNKNOWN;
	saved->bom_version = 1;
	rc = i < len && buf[i] == '{' ? read_json(path, buf, len, b, &t, e)
	                              : read_xml(path, buf, len, b, &t, e);
	if (rc == 0 && !t.mapped)
		rc = hw_fail(
		    e,
		    "%s: a CycloneDX %s BOM by %s listing no hardware (no device or firmware "
		    "component): nothing to judge",
		    path, t.spec, t.tool ? t.tool : "another tool");
	if (rc == 0) {
		char *who =
		    xasprintf("a CycloneDX %s BOM by %s", t.spec, t.tool ? t.tool : "another tool");

		bom_set(&saved->foreign, who);
		for (size_t s = 0; s < sizeof sources / sizeof *sources; s++) {
			size_t n = 0;

			for (size_t c = 0; c < b->ncomponents; c++)
				for (int k = 0; sources[s].kinds[k]; k++)
					n += !strcmp(b->components[c]->kind, sources[s].kinds[k]);
			if (n) {
				char *d = xasprintf(
				    "%s: %zu components, as its producer listed them", who, n);

				bom_set_coverage(b, sources[s].source, "partial", d);
				free(d);
			} else {
				char *d = xasprintf("not in %s", who);

				bom_set_coverage(b, sources[s].source, "not-probed", d);
				free(d);
			}
		}
		if (t.skipped) {
			char *d = xasprintf("%zu", t.skipped);

			bom_add_prop(b, "hwbom:foreign.not-hardware", d);
			free(d);
		}
		if (!b->machine)
			bom_set(&b->machine, "unnamed");
		free(who);
	}
	free(t.tool), free(t.spec);
	return rc;
}
