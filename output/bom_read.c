/* bom_read.c - read a BOM hwbom wrote back into the model (see bom_read.h).
 *
 * libxml2's SAX2 parser is fed the file in blocks and calls back for each
 * element and run of text; nothing is kept but the element path and the
 * text of the element being read, so memory does not grow with the file,
 * and no tree is built (a fleet's BOMs are checked by the thousand). A saved
 * BOM may have been edited or forged: a DTD is refused outright (no
 * entities, nothing fetched), a value is at most MAX_TEXT bytes, every
 * string goes through bom_set()'s sanitiser, and each failure names the
 * file and line. */
#include "bom_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "alloc.h"
#include "bom_foreign.h"
#include "infile.h"
#include "cyclonedx.h"

#define MAX_DEPTH 8        /* deeper than anything read here: only parsed */
#define MAX_TEXT (1 << 20) /* the longest value read */

/* The elements whose place in the document matters. */
enum el { E_OTHER, E_BOM, E_METADATA, E_TOOLS, E_COMPONENTS, E_COMPONENT, E_NAME, E_VERSION,
	  E_DESCRIPTION, E_PROPERTIES, E_PROPERTY };

static const char *const el_names[] = {
	[E_BOM] = "bom", [E_METADATA] = "metadata", [E_TOOLS] = "tools",
	[E_COMPONENTS] = "components", [E_COMPONENT] = "component", [E_NAME] = "name",
	[E_VERSION] = "version", [E_DESCRIPTION] = "description", [E_PROPERTIES] = "properties",
	[E_PROPERTY] = "property",
};

/* What the text being collected is for. */
enum want { W_NONE, W_TOOL_NAME, W_TOOL_VERSION, W_MACHINE, W_NAME, W_DESCRIPTION, W_FIRMWARE,
	    W_MACHINE_PROP, W_PROP };

struct rd {
	xmlParserCtxtPtr ctxt;
	const char *path;
	struct hw_err *e;
	struct bom *b;
	struct bom_saved *saved;
	int failed;

	enum el stack[MAX_DEPTH];
	int depth; /* of the element open now; -1 before the root */
	int skip;  /* > 0: inside an element skipped whole, this deep */

	enum want want; /* text being collected, and for what */
	char *text;
	size_t ntext, captext;
	char *prop; /* the name of the property being read */

	struct bom_component *c; /* the component being read */
	int ref_known;           /* its kind and location were read */
	size_t *owner;           /* for each saved finding line, its component's
				  * place in b, or (size_t)-1: see name_saved() */
	size_t capowner;
	int c_line;              /* the line it starts on */
	int ours;                /* a tools component named hwbom was seen */
	int seen_root;
	int judged; /* keep attributions and verdicts (bom_read_judged()) */
	int foreign; /* CycloneDX, but not hwbom's: bom_foreign.c reads it */
};

static int line(const struct rd *d)
{
	return xmlSAX2GetLineNumber(d->ctxt);
}

/* Stop the parse with "FILE:LINE: what". */
static int fail(struct rd *d, const char *what)
{
	if (!d->failed)
		hw_fail(d->e, "%s:%d: %s", d->path, line(d), what);
	d->failed = 1;
	xmlStopParser(d->ctxt);
	return -1;
}

/* Whether the open elements are exactly these, from the root down. */
static int at(const struct rd *d, int n, ...)
{
	va_list ap;
	int match = d->depth == n - 1;

	va_start(ap, n);
	for (int i = 0; match && i < n; i++)
		match = d->stack[i] == (enum el)va_arg(ap, int);
	va_end(ap);
	return match;
}

static void saved_line(struct rd *d, const char *value)
{
	struct bom_saved *s = d->saved;

	GROW(s->findings, s->capfindings, s->nfindings);
	GROW(d->owner, d->capowner, s->nfindings);
	d->owner[s->nfindings] = d->ref_known ? d->b->ncomponents - 1 : (size_t)-1;
	s->findings[s->nfindings++] = xstrdup(value);
}

/* A machine property: coverage and the old judgement; the rest (policies,
 * sources, the database) is made anew. */
static int machine_prop(struct rd *d, const char *name, const char *value)
{
	const char *src;

	if (!strcmp(name, "hwbom:verdict")) {
		if (verdict_parse(value, &d->saved->verdict) < 0)
			return fail(d, "hwbom:verdict is no verdict");
	} else if (!strcmp(name, "hwbom:as-of")) {
		bom_set(&d->saved->as_of, value);
	} else if (!strcmp(name, "hwbom:profile")) {
		bom_set(&d->saved->profile, value);
	} else if (!strncmp(name, "hwbom:coverage:", 15)) {
		size_t n = strlen(src = name + 15);
		const struct bom_coverage *cv;

		if (n > 7 && !strcmp(src + n - 7, ":detail")) {
			char *s = xstrndup(src, n - 7);

			cv = bom_get_coverage(d->b, s);
			if (cv)
				bom_set((char **)&cv->detail, value);
			free(s);
			if (!cv)
				return fail(d, "coverage detail before its state");
		} else if (n) {
			bom_set_coverage(d->b, src, value, NULL);
		}
	}
	return 0;
}

/* What resolving and judging made (scanner/resolve.c, judge.c), left out
 * of the component; findings and waivers are kept apart, to say what
 * changed. */
static int judged(const char *name)
{
	static const char *const made[] = {
		"hwbom:verdict", "hwbom:unknown", "hwbom:conflict", "hwbom:storage.matched",
		"hwbom:coverage", "hwbom:unseen",
		"hwbom:pci.onboard", NULL,
	};

	if (!strncmp(name, "hwbom:origin:", 13))
		return 1;
	for (size_t i = 0; made[i]; i++)
		if (!strcmp(name, made[i]))
			return 1;
	return 0;
}

/* For bom_read_judged(): an attribution, verdict or unknown reason as the
 * BOM states it; 1 if name was one. */
static int judged_prop(struct rd *d, const char *name, const char *value)
{
	struct bom_component *c = d->c;
	const char *role, *colon;
	struct bom_attr *a;
	char *r;

	if (!strcmp(name, "hwbom:verdict"))
		return verdict_parse(value, &c->verdict) < 0 ? fail(d, "hwbom:verdict is no verdict"), 1
							     : 1;
	if (!strcmp(name, "hwbom:unknown")) {
		bom_set(&c->unknown_reason, value);
		return 1;
	}
	if (strncmp(name, "hwbom:origin:", 13) || !*(role = name + 13))
		return 0;
	colon = strchr(role, ':');
	if (!colon) {
		a = bom_add_attr(c, role, NULL);
		if (strcmp(value, "unknown"))
			bom_set(&a->entity, value);
		return 1;
	}
	r = xstrndup(role, (size_t)(colon - role));
	/* the last of that role: two witnesses may give two (a conflict) */
	a = NULL;
	for (size_t i = c->nattrs; i-- > 0 && !a;)
		if (!strcmp(c->attrs[i].role, r))
			a = &c->attrs[i];
	free(r);
	if (!a)
		return fail(d, "an attribution's detail before the attribution"), 1;
	if (!strcmp(colon, ":key"))
		bom_set(&a->key, value);
	else if (!strcmp(colon, ":country"))
		bom_set(&a->country, value);
	else if (!strcmp(colon, ":controller"))
		bom_set(&a->controller, value);
	else if (!strcmp(colon, ":source"))
		bom_set(&a->source, value);
	else if (!strcmp(colon, ":overlay"))
		bom_set(&a->overlay, value);
	else if (!strcmp(colon, ":inference"))
		bom_set(&a->inferred, value);
	return 1;
}

static int component_prop(struct rd *d, const char *name, const char *value)
{
	struct bom_component *c = d->c;

	if (!strcmp(name, "hwbom:kind") || !strcmp(name, "hwbom:location")) {
		char **field = name[6] == 'k' ? &c->kind : &c->location;

		if (*field)
			return fail(d, name[6] == 'k' ? "a second hwbom:kind" : "a second hwbom:location");
		bom_set(field, value);
		if (c->kind && c->location)
			d->ref_known = 1;
	} else if (!strncmp(name, "hwbom:id:", 9)) {
		const char *ns = name + 9, *colon = strchr(ns, ':');

		if (!*ns)
			return fail(d, "hwbom:id: without a namespace");
		if (!colon) {
			bom_add_id(c, ns, value, NULL);
		} else if (!strcmp(colon, ":name") && c->nids &&
			   !strncmp(c->ids[c->nids - 1].ns, ns, (size_t)(colon - ns)) &&
			   c->ids[c->nids - 1].ns[colon - ns] == '\0') {
			bom_set(&c->ids[c->nids - 1].name, value);
		} else {
			return fail(d, "an identifier's name not right after the identifier");
		}
	} else if (!strcmp(name, "hwbom:finding") || !strcmp(name, "hwbom:waiver")) {
		char *v = name[6] == 'w' ? xasprintf("waiver %s", value) : xstrdup(value);

		saved_line(d, v);
		free(v);
	} else if (d->judged && judged_prop(d, name, value)) {
		/* kept as the BOM has it */
	} else if (!strncmp(name, "hwbom:", 6) && name[6] && !judged(name)) {
		bom_add_cprop(c, name + 6, value);
	}
	return 0;
}

static int component_end(struct rd *d)
{
	if (!d->c->kind || !d->c->location) {
		d->ref_known = 0;
		d->failed = 1;
		xmlStopParser(d->ctxt);
		return hw_fail(d->e, "%s:%d: a component without hwbom:kind and hwbom:location "
				     "(not hwbom's)", d->path, d->c_line);
	}
	/* the writer names a nameless component after its kind and location */
	if (d->c->name) {
		char *fallback = xasprintf("%s device %s", d->c->kind, d->c->location);

		if (!strcmp(d->c->name, fallback))
			bom_set(&d->c->name, NULL);
		free(fallback);
	}
	d->c = NULL;
	d->ref_known = 0;
	return 0;
}

/* The root's serialNumber and version: a BOM judged anew keeps the one
 * and counts up the other (CycloneDX: a modified BOM's version goes up by
 * one). A serial that is not a UUID URN is not kept. */
static void root_attrs(struct rd *d, int nattrs, const xmlChar **attrs)
{
	d->saved->bom_version = 1;
	for (int i = 0; i < nattrs; i++) {
		const char *name = (const char *)attrs[5 * i];
		size_t n = (size_t)(attrs[5 * i + 4] - attrs[5 * i + 3]);
		char *v;

		if (attrs[5 * i + 2])
			continue;
		v = xstrndup((const char *)attrs[5 * i + 3], n);
		if (!strcmp(name, "version")) {
			char *end;
			unsigned long k = strtoul(v, &end, 10);

			if (*v && !*end && k >= 1 && k < 1000000000)
				d->saved->bom_version = k;
		} else if (!strcmp(name, "serialNumber") && n == 45 && !strncmp(v, "urn:uuid:", 9) &&
			   strspn(v + 9, "0123456789abcdefABCDEF-") == 36) {
			bom_set(&d->saved->serial, v);
		}
		free(v);
	}
}

static void root(struct rd *d, const char *name, const char *ns)
{
	if (strcmp(name, "bom") || !ns || strncmp(ns, "http://cyclonedx.org/schema/bom/", 32)) {
		fail(d, "not a CycloneDX BOM");
	} else if (strcmp(ns, CYCLONEDX_NS)) {
		hw_fail(d->e, "%s: CycloneDX %s, not 1.6: not a BOM hwbom wrote", d->path, ns + 32);
		d->failed = 1;
		d->foreign = 1;
		xmlStopParser(d->ctxt);
	}
}

static enum el el_of(const char *name)
{
	for (size_t i = 1; i < sizeof el_names / sizeof *el_names; i++)
		if (!strcmp(name, el_names[i]))
			return (enum el)i;
	return E_OTHER;
}

/* Which text the element just opened holds that is wanted. */
static enum want wanted(const struct rd *d)
{
	if (at(d, 6, E_BOM, E_METADATA, E_TOOLS, E_COMPONENTS, E_COMPONENT, E_NAME))
		return W_TOOL_NAME;
	if (at(d, 6, E_BOM, E_METADATA, E_TOOLS, E_COMPONENTS, E_COMPONENT, E_VERSION))
		return W_TOOL_VERSION;
	if (at(d, 4, E_BOM, E_METADATA, E_COMPONENT, E_NAME))
		return W_MACHINE;
	if (at(d, 4, E_BOM, E_METADATA, E_PROPERTIES, E_PROPERTY))
		return W_MACHINE_PROP;
	if (!d->c)
		return W_NONE;
	if (at(d, 4, E_BOM, E_COMPONENTS, E_COMPONENT, E_NAME))
		return W_NAME;
	if (at(d, 4, E_BOM, E_COMPONENTS, E_COMPONENT, E_DESCRIPTION))
		return W_DESCRIPTION;
	if (at(d, 5, E_BOM, E_COMPONENTS, E_COMPONENT, E_PROPERTIES, E_PROPERTY))
		return W_PROP;
	if (at(d, 6, E_BOM, E_COMPONENTS, E_COMPONENT, E_COMPONENTS, E_COMPONENT, E_VERSION))
		return W_FIRMWARE;
	return W_NONE;
}

static void start_el(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
		     int nns, const xmlChar **nss, int nattrs, int ndefaulted,
		     const xmlChar **attrs)
{
	struct rd *d = ctx;
	const char *name = (const char *)local, *ns = (const char *)uri;

	(void)prefix, (void)nns, (void)nss, (void)ndefaulted;
	if (d->failed)
		return;
	if (d->skip) {
		d->skip++;
		return;
	}
	if (++d->depth == 0) {
		d->seen_root = 1;
		d->stack[0] = E_BOM;
		root_attrs(d, nattrs, attrs); /* first: a failing root() stops the
					       * parser, and attrs go with it */
		root(d, name, ns);
		return;
	}
	/* another namespace's extensions, the old attestations (made anew)
	 * and whatever lies deeper than anything read: parsed, not read */
	if (d->depth >= MAX_DEPTH || !ns || strcmp(ns, CYCLONEDX_NS) ||
	    (d->depth == 1 && (!strcmp(name, "declarations") || !strcmp(name, "definitions")))) {
		d->depth--;
		d->skip = 1;
		return;
	}
	d->stack[d->depth] = el_of(name);
	if (at(d, 3, E_BOM, E_COMPONENTS, E_COMPONENT)) {
		if (d->b->ncomponents >= BOM_READ_MAX_COMPONENTS) {
			fail(d, "more than " BOM_READ_MAX_STR " components: not a BOM of one machine "
				"(hwbom reads at most " BOM_READ_MAX_STR ")");
			return;
		}
		d->c = bom_add_component(d->b, "", "");
		bom_set(&d->c->kind, NULL);
		bom_set(&d->c->location, NULL);
		d->c_line = line(d);
	}
	d->want = wanted(d);
	d->ntext = 0;
	if (d->want == W_MACHINE_PROP || d->want == W_PROP) {
		/* attrs: (local, prefix, uri, value, end) each */
		for (int i = 0; i < nattrs; i++)
			if (!attrs[5 * i + 2] && !strcmp((const char *)attrs[5 * i], "name")) {
				free(d->prop);
				d->prop = xstrndup((const char *)attrs[5 * i + 3],
						   (size_t)(attrs[5 * i + 4] - attrs[5 * i + 3]));
			}
		if (!d->prop)
			fail(d, "a property without a name");
	}
}

static void chars(void *ctx, const xmlChar *ch, int len)
{
	struct rd *d = ctx;

	if (d->failed || d->skip || d->want == W_NONE || len <= 0)
		return;
	if (d->ntext + (size_t)len > MAX_TEXT) {
		fail(d, "a value longer than 1 MiB");
		return;
	}
	if (d->ntext + (size_t)len + 1 > d->captext) {
		d->captext = (d->ntext + (size_t)len + 1) * 2;
		d->text = xrealloc(d->text, d->captext);
	}
	memcpy(d->text + d->ntext, ch, (size_t)len);
	d->ntext += (size_t)len;
}

/* The wanted text of the element that ends now. */
static void take(struct rd *d)
{
	const char *t;

	if (!d->text)
		d->text = xcalloc(1, d->captext = 64);
	d->text[d->ntext] = '\0';
	t = d->text;
	switch (d->want) {
	case W_NONE: break;
	case W_TOOL_NAME: d->ours |= !strcmp(t, "hwbom"); break;
	case W_TOOL_VERSION: bom_set(&d->saved->version, t); break;
	case W_MACHINE: bom_set(&d->b->machine, t); break;
	case W_NAME: bom_set(&d->c->name, t); break;
	case W_DESCRIPTION: bom_set(&d->c->description, t); break;
	case W_FIRMWARE: bom_set(&d->c->firmware, t); break;
	case W_MACHINE_PROP: machine_prop(d, d->prop, t); break; /* they fail() */
	case W_PROP: component_prop(d, d->prop, t); break;
	}
	free(d->prop), d->prop = NULL;
	d->want = W_NONE;
}

static void end_el(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	struct rd *d = ctx;

	(void)local, (void)prefix, (void)uri;
	if (d->failed)
		return;
	if (d->skip) {
		d->skip--;
		return;
	}
	if (d->want != W_NONE)
		take(d);
	if (d->c && at(d, 3, E_BOM, E_COMPONENTS, E_COMPONENT))
		component_end(d);
	d->depth--;
}

static void dtd(void *ctx, const xmlChar *name, const xmlChar *id, const xmlChar *sys)
{
	(void)name, (void)id, (void)sys;
	fail(ctx, "a document type declaration (a BOM hwbom wrote has none)");
}

/* Parse errors are taken from the context once the parse stops: keep
 * libxml2 from printing them (the library never prints). */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx, (void)msg;
}

static int parse(struct rd *d, int fd)
{
	xmlSAXHandler sax;
	char buf[65536];
	ssize_t n;
	int rc = 0;

	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = start_el;
	sax.endElementNs = end_el;
	sax.characters = chars;
	sax.internalSubset = dtd;
	sax.error = quiet;
	sax.warning = quiet;
	d->ctxt = xmlCreatePushParserCtxt(&sax, d, NULL, 0, d->path);
	if (!d->ctxt)
		return hw_fail(d->e, "%s: cannot create an XML parser", d->path);
	/* hwbom writes UTF-8: an encoding declared otherwise is not followed
	 * (bytes that are not UTF-8 are then a parse error) */
	xmlCtxtUseOptions(d->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
					   XML_PARSE_IGNORE_ENC);
	xmlSetGenericErrorFunc(NULL, quiet); /* this thread's: encoding messages */
	while (!d->failed && (n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = hw_fail(d->e, "%s: %s", d->path, strerror(errno));
			break;
		}
		if (xmlParseChunk(d->ctxt, buf, (int)n, 0))
			break;
	}
	if (!rc && !d->failed && !d->ctxt->disableSAX)
		xmlParseChunk(d->ctxt, NULL, 0, 1);
	if (!rc && !d->failed && !d->ctxt->wellFormed) {
		const xmlError *xe = &d->ctxt->lastError;
		char *why = xstrdup(xe->message ? xe->message : "parse error");

		why[strcspn(why, "\n")] = '\0';
		rc = hw_fail(d->e, "%s:%d: malformed XML: %s", d->path, xe->line ? xe->line : line(d),
			     why);
		free(why);
	}
	if (d->failed)
		rc = -1;
	/* a parse that stopped without saying why (an encoding it gave up on)
	 * must not pass for a whole document */
	if (!rc && d->seen_root && (d->depth >= 0 || d->skip || d->c))
		rc = hw_fail(d->e, "%s:%d: the document ends inside an element (truncated, or "
				   "not UTF-8?)", d->path, line(d));
	if (!rc && !d->seen_root)
		rc = hw_fail(d->e, "%s: no XML element: not a BOM", d->path);
	if (!rc && !d->ours) {
		rc = hw_fail(d->e, "%s: a CycloneDX BOM, but not one hwbom wrote (no hwbom in "
				   "metadata/tools)", d->path);
		d->foreign = 1;
	}
	xmlFreeParserCtxt(d->ctxt);
	return rc;
}

/* Once every component is read, their unique bom-refs are known (those
 * the writer gave, for the same components in the same order): put each in
 * front of its saved lines, "BOM-REF VALUE". */
static void name_saved(struct rd *d)
{
	struct bom_saved *s = d->saved;

	bom_unique_refs(d->b);
	for (size_t i = 0; i < s->nfindings; i++) {
		size_t k = d->owner[i];
		char *line = xasprintf("%s %s", k == (size_t)-1 ? "?" : d->b->components[k]->ref,
				       s->findings[i]);

		free(s->findings[i]);
		s->findings[i] = line;
	}
}

/* The whole file, for the foreign reader (at most 64 MiB). */
static int slurp(int fd, const char *path, char **buf, size_t *len, struct hw_err *e)
{
	size_t cap = 65536, n = 0;
	ssize_t got;

	*buf = xmalloc(cap + 1);
	if (lseek(fd, 0, SEEK_SET) < 0)
		return hw_fail(e, "%s: %s", path, strerror(errno));
	while ((got = read(fd, *buf + n, cap - n)) > 0) {
		n += (size_t)got;
		if (n == cap) {
			if (cap >= (64u << 20))
				return hw_fail(e, "%s: larger than 64 MiB: not a BOM", path);
			cap *= 2;
			*buf = xrealloc(*buf, cap + 1);
		}
	}
	if (got < 0)
		return hw_fail(e, "%s: %s", path, strerror(errno));
	(*buf)[n] = '\0';
	*len = n;
	return 0;
}

/* Empty b again: components, coverage and properties. */
static void bom_clear_for_foreign(struct bom *b)
{
	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom *one = bom_new();

		/* bom_free() frees components; lend it one at a time */
		one->components = xcalloc(1, sizeof *one->components);
		one->components[0] = b->components[i];
		one->ncomponents = one->capcomponents = 1;
		bom_free(one);
	}
	b->ncomponents = 0;
	for (size_t i = 0; i < b->ncoverage; i++)
		free(b->coverage[i].source), free(b->coverage[i].state), free(b->coverage[i].detail);
	b->ncoverage = 0;
	for (size_t i = 0; i < b->nprops; i++)
		free(b->props[i].name), free(b->props[i].value);
	b->nprops = 0;
	bom_set(&b->machine, NULL);
}

static int read_bom(const char *path, struct bom *b, struct bom_saved *saved, int judged,
		    struct hw_err *e)
{
	struct rd d = {.path = path, .e = e, .b = b, .saved = saved, .depth = -1, .judged = judged};
	struct stat st;
	int fd, rc = 0;
	char first = 0;

	saved->verdict = VERDICT_UNKNOWN;
	fd = infile_open(path, e);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
		close(fd);
		return hw_fail(e, "%s: an empty file, not a BOM", path);
	}
	/* JSON is never hwbom's (its writer is XML): another tool's BOM */
	if (pread(fd, &first, 1, 0) == 1 && first == '{')
		d.foreign = 1;
	else
		rc = parse(&d, fd);
	if (!rc && !d.foreign)
		name_saved(&d);
	free(d.owner);
	free(d.text);
	free(d.prop);
	if (d.foreign) {
		/* start again, with the model empty: what the hwbom reader
		 * took of it was read under the wrong contract */
		char *buf = NULL;
		size_t len = 0;

		e->msg[0] = '\0';
		bom_clear_for_foreign(b);
		rc = slurp(fd, path, &buf, &len, e) < 0 ? -1
							 : bom_read_foreign(path, buf, len, b, saved, e);
		free(buf);
		if (!rc)
			bom_unique_refs(b);
	}
	close(fd);
	if (!rc && judged)
		b->verdict = saved->verdict, bom_set(&b->as_of, saved->as_of);
	return rc;
}

int bom_read(const char *path, struct bom *b, struct bom_saved *saved, struct hw_err *e)
{
	return read_bom(path, b, saved, 0, e);
}

int bom_read_judged(const char *path, struct bom *b, struct bom_saved *saved, struct hw_err *e)
{
	return read_bom(path, b, saved, 1, e);
}

void bom_saved_clear(struct bom_saved *s)
{
	for (size_t i = 0; i < s->nfindings; i++)
		free(s->findings[i]);
	free(s->findings);
	free(s->as_of);
	free(s->profile);
	free(s->version);
	free(s->serial);
	free(s->foreign);
	memset(s, 0, sizeof *s);
}

void bom_judgement_lines(const struct bom *b, struct bom_saved *saved)
{
	for (size_t i = 0; i < b->ncomponents; i++) {
		const struct bom_component *c = b->components[i];
		char *ref = bom_ref(c);

		for (size_t k = 0; k < c->nfindings; k++) {
			char *f = bom_finding_str(&c->findings[k]), *w = bom_waiver_str(&c->findings[k]);

			GROW(saved->findings, saved->capfindings, saved->nfindings + 1);
			saved->findings[saved->nfindings++] = xasprintf("%s %s", ref, f);
			if (w)
				saved->findings[saved->nfindings++] = xasprintf("%s waiver %s", ref, w);
			free(f), free(w);
		}
		free(ref);
	}
}
