/* cyclonedx.c - CycloneDX 1.6 XML through libxml2's xmlTextWriter.
 *
 * The writer escapes markup but checks nothing else; every string in the
 * model has already been through hw_sanitize(), which is what makes the
 * output well-formed whatever the hardware said. Element order follows the
 * XSD's xs:sequence (bom-1.6.xsd): the schema rejects any other. */
#include "cyclonedx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "alloc.h"
#include "roles.h"

#define X(s) ((const xmlChar *)(s))

/* Every libxml2 call goes through here: the first failure sticks. */
struct w {
	xmlTextWriterPtr tw;
	int failed;
};

static void start(struct w *w, const char *name)
{
	if (!w->failed && xmlTextWriterStartElement(w->tw, X(name)) < 0)
		w->failed = 1;
}

static void end(struct w *w)
{
	if (!w->failed && xmlTextWriterEndElement(w->tw) < 0)
		w->failed = 1;
}

static void attr(struct w *w, const char *name, const char *value)
{
	if (!w->failed && xmlTextWriterWriteAttribute(w->tw, X(name), X(value)) < 0)
		w->failed = 1;
}

static void elem(struct w *w, const char *name, const char *text)
{
	if (!w->failed && xmlTextWriterWriteElement(w->tw, X(name), X(text)) < 0)
		w->failed = 1;
}

static void prop(struct w *w, const char *name, const char *value)
{
	start(w, "property");
	attr(w, "name", name);
	if (!w->failed && xmlTextWriterWriteString(w->tw, X(value ? value : "")) < 0)
		w->failed = 1;
	end(w);
}

/* A property named prefix + a + b: built without printf, which was a tenth
 * of the time of writing a BOM (hwbom check writes them by the thousand). */
static void propf(struct w *w, const char *value, const char *prefix, const char *a,
		  const char *b)
{
	size_t np = strlen(prefix), na = strlen(a), nb = strlen(b);
	char buf[256], *name = np + na + nb < sizeof buf ? buf : xmalloc(np + na + nb + 1);

	memcpy(name, prefix, np);
	memcpy(name + np, a, na);
	memcpy(name + np + na, b, nb + 1);
	prop(w, name, value);
	if (name != buf)
		free(name);
}

static void organization(struct w *w, const char *element, const struct bom_attr *a);

/* The machine itself: named as given, made by the system assembler SMBIOS
 * names (DESIGN.md §8), described by its product name. */
static void metadata(struct w *w, const struct bom *b, const struct cdx_opts *o)
{
	const struct bom_component *system = NULL;
	const struct bom_attr *maker;

	for (size_t i = 0; i < b->ncomponents && !system; i++)
		if (!strcmp(b->components[i]->kind, "system"))
			system = b->components[i];
	start(w, "metadata");
	if (o->timestamp)
		elem(w, "timestamp", o->timestamp);
	start(w, "lifecycles");
	start(w, "lifecycle");
	elem(w, "phase", "operations");
	end(w);
	end(w);
	start(w, "tools");
	start(w, "components");
	start(w, "component");
	attr(w, "type", "application");
	elem(w, "name", "hwbom");
	elem(w, "version", o->tool_version);
	end(w);
	end(w);
	end(w);
	start(w, "component");
	attr(w, "type", "device");
	attr(w, "bom-ref", "machine");
	if (system && (maker = bom_find_part(system, PART_MAKER)) && maker->name && maker->entity)
		organization(w, "manufacturer", maker);
	elem(w, "name", b->machine ? b->machine : "unnamed machine");
	if (system && system->name)
		elem(w, "description", system->name);
	end(w);
	start(w, "properties");
	prop(w, "hwbom:verdict", verdict_name(b->verdict));
	prop(w, "hwbom:coverage", b->nunseen ? "partial" : "complete");
	for (size_t i = 0; i < b->nunseen; i++) {
		const struct bom_unseen *u = &b->unseen[i];

		prop(w, "hwbom:unseen", u->role);
		propf(w, u->reason, "hwbom:unseen:", u->role, ":reason");
		if (u->detail)
			propf(w, u->detail, "hwbom:unseen:", u->role, ":detail");
		if (u->collect)
			propf(w, u->collect, "hwbom:unseen:", u->role, ":collect");
	}
	prop(w, "hwbom:as-of", b->as_of);
	for (size_t i = 0; i < b->ncoverage; i++) {
		const struct bom_coverage *cv = &b->coverage[i];

		propf(w, cv->state, "hwbom:coverage:", cv->source, "");
		if (cv->detail)
			propf(w, cv->detail, "hwbom:coverage:", cv->source, ":detail");
	}
	for (size_t i = 0; i < b->nprops; i++)
		prop(w, b->props[i].name, b->props[i].value);
	end(w);
	end(w);
}

static void organization(struct w *w, const char *element, const struct bom_attr *a)
{
	start(w, element);
	elem(w, "name", a->name);
	if (a->country) {
		start(w, "address");
		elem(w, "country", a->country);
		end(w);
	}
	end(w);
}

static void component(struct w *w, const struct bom_component *c)
{
	const struct bom_attr *maker = bom_find_part(c, PART_MAKER);
	const struct bom_attr *assembler = bom_find_part(c, PART_ASSEMBLER);
	char *ref = bom_ref(c);

	start(w, "component");
	/* the BIOS is itself firmware; everything else is a device */
	attr(w, "type", strcmp(c->kind, "bios") ? "device" : "firmware");
	attr(w, "bom-ref", ref);
	if (assembler && assembler->name)
		organization(w, "supplier", assembler);
	if (maker && maker->name)
		organization(w, "manufacturer", maker);
	if (!strcmp(c->kind, "bios")) {
		/* the BIOS's name is what it is; its version goes in <version> */
		elem(w, "name", "BIOS");
		if (bom_id_value(c, "smbios.version"))
			elem(w, "version", bom_id_value(c, "smbios.version"));
	} else if (c->name) {
		elem(w, "name", c->name);
	} else {
		/* name is required: say what we do know */
		char *name = xasprintf("%s device %s", c->kind, c->location);
		elem(w, "name", name);
		free(name);
	}
	if (c->description)
		elem(w, "description", c->description);
	start(w, "properties");
	prop(w, "hwbom:kind", c->kind);
	prop(w, "hwbom:location", c->location);
	for (size_t i = 0; i < c->nids; i++) {
		propf(w, c->ids[i].value, "hwbom:id:", c->ids[i].ns, "");
		/* what the ID list calls it: a saved BOM can be re-judged (hwbom
		 * check) without the lists it was scanned with */
		if (c->ids[i].name)
			propf(w, c->ids[i].name, "hwbom:id:", c->ids[i].ns, ":name");
	}
	for (size_t i = 0; i < c->nprops; i++)
		propf(w, c->props[i].value, "hwbom:", c->props[i].name, "");
	for (size_t i = 0; i < c->nattrs; i++) {
		const struct bom_attr *a = &c->attrs[i];

		propf(w, a->entity ? a->entity : "unknown", "hwbom:origin:", a->role, "");
		propf(w, a->key, "hwbom:origin:", a->role, ":key");
		if (a->country)
			propf(w, a->country, "hwbom:origin:", a->role, ":country");
		if (a->controller)
			propf(w, a->controller, "hwbom:origin:", a->role, ":controller");
		if (a->source)
			propf(w, a->source, "hwbom:origin:", a->role, ":source");
		if (a->overlay)
			propf(w, a->overlay, "hwbom:origin:", a->role, ":overlay");
		/* an identifier proves it, or a sourced rule inferred it */
		if (strcmp(a->key, "none"))
			propf(w, a->inferred ? "inferred" : "read", "hwbom:origin:", a->role, ":basis");
		if (a->inferred)
			propf(w, a->inferred, "hwbom:origin:", a->role, ":inference");
	}
	for (size_t i = 0; i < c->nfindings; i++) {
		const struct bom_finding *f = &c->findings[i];
		char *v = bom_finding_str(f);

		prop(w, "hwbom:finding", v);
		free(v);
		if ((v = bom_waiver_str(f))) {
			prop(w, "hwbom:waiver", v);
			free(v);
		}
	}
	prop(w, "hwbom:verdict", verdict_name(c->verdict));
	if (c->unknown_reason)
		prop(w, "hwbom:unknown", c->unknown_reason);
	prop(w, "hwbom:coverage", c->nunseen ? "partial" : "complete");
	for (size_t i = 0; i < c->nunseen; i++)
		prop(w, "hwbom:unseen", c->unseen[i]);
	end(w);
	if (c->firmware) {
		/* the firmware a device runs: a nested component (DESIGN.md §8) */
		char *fref = xasprintf("%s:firmware", ref);
		char *fname = xasprintf("%s firmware", c->name ? c->name : c->kind);

		start(w, "components");
		start(w, "component");
		attr(w, "type", "firmware");
		attr(w, "bom-ref", fref);
		elem(w, "name", fname);
		elem(w, "version", c->firmware);
		end(w);
		end(w);
		free(fref), free(fname);
	}
	end(w);
	free(ref);
}

/* --- attestations (CycloneDX Attestations, CDXA) ---------------------------
 * Each policy is a standard whose requirements are its rules
 * (definitions); the outcome is one attestation per policy, mapping each
 * rule in force to the claims its findings make and to a conformance score:
 * 0 when a component is covered; 1 when none is and nothing was left
 * unknown; no score when nothing was found but something was unknown, or
 * the rule could see nothing it reaches (bom_rule.blind), since nothing can
 * then be affirmed. */

static void claim_ref(char *buf, size_t n, size_t i)
{
	snprintf(buf, n, "claim:%zu", i + 1);
}

/* Call fn for every finding of policy/rule (any rule: NULL), with its
 * component and its number among all findings. */
static size_t each_finding(const struct bom *b, const char *policy, const char *rule,
			   void (*fn)(struct w *, const struct bom_component *,
				      const struct bom_finding *, size_t),
			   struct w *w, size_t *counted)
{
	size_t k = 0, n = 0;

	*counted = 0;
	for (size_t i = 0; i < b->ncomponents; i++)
		for (size_t j = 0; j < b->components[i]->nfindings; j++, k++) {
			const struct bom_finding *f = &b->components[i]->findings[j];

			if ((policy && strcmp(f->policy, policy)) || (rule && strcmp(f->rule, rule)))
				continue;
			n++;
			*counted += !f->waived;
			if (fn)
				fn(w, b->components[i], f, k);
		}
	return n;
}

static void map_claim(struct w *w, const struct bom_component *c, const struct bom_finding *f,
		      size_t k)
{
	char ref[32];

	(void)c, (void)f;
	claim_ref(ref, sizeof ref, k);
	elem(w, "claim", ref);
}

static void claim(struct w *w, const struct bom_component *c, const struct bom_finding *f,
		  size_t k)
{
	char ref[32], *target = bom_ref(c), *pred, *why;

	claim_ref(ref, sizeof ref, k);
	pred = xasprintf("%s %s is covered by %s/%s (%s)", f->role, f->entity, f->policy, f->rule,
			 f->waived ? "waived" : verdict_name(f->severity));
	why = f->waiver ? xasprintf("%s; %s", f->reason, f->waiver) : xstrdup(f->reason);
	start(w, "claim");
	attr(w, "bom-ref", ref);
	elem(w, "target", target);
	elem(w, "predicate", pred);
	elem(w, "reasoning", why);
	end(w);
	free(target), free(pred), free(why);
}

/* Whether anything was left unknown: an entity the database could not
 * name. Then no rule can be affirmed met. (A role no source showed leaves
 * unaffirmed the rules that reach it: bom_rule.blind.) */
static int has_unknowns(const struct bom *b)
{
	for (size_t i = 0; i < b->ncomponents; i++)
		if (b->components[i]->unknown_reason)
			return 1;
	return 0;
}

static void declarations(struct w *w, const struct bom *b)
{
	size_t counted, total;
	int unknowns = has_unknowns(b);
	char *unseen = NULL, *t;

	for (size_t i = 0; i < b->nunseen; i++) {
		t = xasprintf("%s%s%s", unseen ? unseen : "", unseen ? ", " : "", b->unseen[i].role);
		free(unseen);
		unseen = t;
	}

	start(w, "declarations");
	start(w, "assessors");
	start(w, "assessor");
	attr(w, "bom-ref", "assessor:hwbom");
	elem(w, "thirdParty", "false");
	end(w);
	end(w);
	start(w, "attestations");
	for (size_t i = 0; i < b->npolicies; i++) {
		const struct bom_policy *p = &b->policies[i];
		char *summary;

		total = each_finding(b, p->id, NULL, NULL, w, &counted);
		summary = xasprintf("%s as of %s: %zu finding%s, %zu waived; verdict %s, coverage %s%s%s",
				    p->id, b->as_of ? b->as_of : "?", total, total == 1 ? "" : "s",
				    total - counted, verdict_name(b->verdict),
				    b->nunseen ? "partial" : "complete", b->nunseen ? ", unseen: " : "",
				    unseen ? unseen : "");
		start(w, "attestation");
		elem(w, "summary", summary);
		elem(w, "assessor", "assessor:hwbom");
		free(summary);
		for (size_t k = 0; k < p->nrules; k++) {
			const struct bom_rule *r = &p->rules[k];
			char *req;

			if (!r->in_force)
				continue;
			req = xasprintf("requirement:%s/%s", p->id, r->id);
			start(w, "map");
			elem(w, "requirement", req);
			free(req);
			if (each_finding(b, p->id, r->id, NULL, w, &counted)) {
				start(w, "claims");
				each_finding(b, p->id, r->id, map_claim, w, &counted);
				end(w);
			}
			if (counted || (!unknowns && !r->blind)) {
				start(w, "conformance");
				elem(w, "score", counted ? "0" : "1");
				elem(w, "rationale", counted ? "a component is covered by this rule"
							     : "no component is covered by this rule");
				end(w);
			}
			end(w);
		}
		end(w);
	}
	end(w);
	if (each_finding(b, NULL, NULL, NULL, w, &counted)) {
		start(w, "claims");
		each_finding(b, NULL, NULL, claim, w, &counted);
		end(w);
	}
	end(w);
	free(unseen);
}

static void definitions(struct w *w, const struct bom *b)
{
	start(w, "definitions");
	start(w, "standards");
	for (size_t i = 0; i < b->npolicies; i++) {
		const struct bom_policy *p = &b->policies[i];
		char *ref = xasprintf("standard:%s", p->id);

		start(w, "standard");
		attr(w, "bom-ref", ref);
		elem(w, "name", p->title);
		elem(w, "version", p->edition);
		elem(w, "description", p->citation);
		elem(w, "owner", "hwbom policy data (vendor-db/policies)");
		start(w, "requirements");
		for (size_t k = 0; k < p->nrules; k++) {
			char *req = xasprintf("requirement:%s/%s", p->id, p->rules[k].id);
			char *id = xasprintf("%s/%s", p->id, p->rules[k].id);

			start(w, "requirement");
			attr(w, "bom-ref", req);
			elem(w, "identifier", id);
			elem(w, "title", p->rules[k].cite);
			end(w);
			free(req), free(id);
		}
		end(w);
		end(w);
		free(ref);
	}
	end(w);
	end(w);
}

int cyclonedx_write(struct bom *b, FILE *f, const struct cdx_opts *o, struct hw_err *e)
{
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(f, NULL);
	struct w w = {0};
	char version[24];

	bom_unique_refs(b);
	if (!out)
		return hw_fail(e, "cannot create the XML output buffer");
	w.tw = xmlNewTextWriter(out); /* owns out from here on */
	if (!w.tw) {
		xmlOutputBufferClose(out);
		return hw_fail(e, "cannot create the XML writer");
	}
	if (xmlTextWriterSetIndent(w.tw, 1) < 0 || xmlTextWriterSetIndentString(w.tw, X("  ")) < 0 ||
	    xmlTextWriterStartDocument(w.tw, NULL, "UTF-8", NULL) < 0)
		w.failed = 1;
	start(&w, "bom");
	attr(&w, "xmlns", CYCLONEDX_NS);
	if (o->serial)
		attr(&w, "serialNumber", o->serial);
	snprintf(version, sizeof version, "%lu", o->version ? o->version : 1);
	attr(&w, "version", version);
	metadata(&w, b, o);
	if (b->ncomponents) {
		start(&w, "components");
		for (size_t i = 0; i < b->ncomponents; i++)
			component(&w, b->components[i]);
		end(&w);
	}
	if (b->npolicies) {
		declarations(&w, b);
		definitions(&w, b);
	}
	end(&w);
	if (!w.failed && xmlTextWriterEndDocument(w.tw) < 0)
		w.failed = 1;
	xmlFreeTextWriter(w.tw);
	if (w.failed)
		return hw_fail(e, "writing the XML failed");
	return 0;
}
