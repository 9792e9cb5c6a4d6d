/* resolve.c - identifiers to attributions (see resolve.h). */
#include "resolve.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../output/alloc.h"
#include "../probes/memory/jep106.h"
#include "../vendor-db/match.h"

static int same_as_chip_vendor(const struct bom_component *c, const struct bom_id *id)
{
	const struct bom_id *v = bom_get_id(c, "pci.vendor");

	/* a card whose subsystem vendor is the chip vendor has no separate
	 * assembler */
	return v && !strcmp(v->value, id->value);
}

/* The same for a function lspci listed by names alone: a subsystem that
 * names the chip's vendor (exactly, or as the first words of "VENDOR
 * DEVICE") has no separate assembler. */
static int same_name_as_chip_vendor(const struct bom_component *c, const struct bom_id *id)
{
	const struct bom_id *v = bom_get_id(c, "pci.vendor-name");
	const struct bom_id *both = bom_get_id(c, "pci.name");
	size_t n;

	if (v) {
		n = strlen(v->value);
		return !strncmp(id->value, v->value, n) && (!id->value[n] || id->value[n] == ' ');
	}
	if (!both)
		return 0;
	n = strcspn(both->value, " ");
	return n && !strncmp(id->value, both->value, n) && (!id->value[n] || id->value[n] == ' ');
}

static int is_root_hub(const struct bom_component *c, const struct bom_id *id)
{
	const char *hub = bom_get_cprop(c, "usb.hub");

	(void)id;
	/* a root hub is the host controller's, attributed through its PCI
	 * function */
	return hub && !strcmp(hub, "root");
}

static int module_maker_known(const struct bom_component *c, const struct bom_id *id)
{
	const struct bom_attr *a = bom_find_attr(c, "module-maker");

	(void)id;
	/* the JEDEC code (SMBIOS 3.2, SPD) outranks the name string */
	return a && a->entity;
}

/* Which identifier proves which role, under which database namespace (or,
 * for a name, NULL: matched against names and aliases), on components of
 * which kind (NULL: any), and when not (DESIGN.md §5). */
static const struct {
	const char *ns;
	const char *keyns;
	const char *kind;
	const char *role;
	int (*skip)(const struct bom_component *c, const struct bom_id *id);
} proofs[] = {
	{"pci.vendor", "pci", NULL, "chip-vendor", NULL},
	{"pci.subvendor", "pci", NULL, "card-assembler", same_as_chip_vendor},
	/* lspci's text without numeric ids: by name, and the key says so */
	{"pci.vendor-name", NULL, "pci", "chip-vendor", NULL},
	{"pci.name", NULL, "pci", "chip-vendor", NULL},
	{"pci.subvendor-name", NULL, "pci", "card-assembler", same_name_as_chip_vendor},
	{"pci.subsystem-name", NULL, "pci", "card-assembler", same_name_as_chip_vendor},
	{"usb.vendor", "usb", NULL, "device-vendor", is_root_hub},
	{"smbios.manufacturer", NULL, "system", "system-assembler", NULL},
	{"smbios.manufacturer", NULL, "baseboard", "board-maker", NULL},
	{"smbios.manufacturer", NULL, "bios", "firmware-vendor", NULL},
	{"smbios.manufacturer", NULL, "cpu", "cpu-designer", NULL},
	{"jedec", "jedec", NULL, "module-maker", NULL},
	{"jedec.dram", "jedec", NULL, "die-maker", NULL},
	{"smbios.manufacturer", NULL, "memory", "module-maker", module_maker_known},
	{"tpm.vendor", "tpm", NULL, "tpm-maker", NULL},
	{"cpuid.vendor", "cpuid", NULL, "cpu-designer", NULL},
	{"cpu.model-name", NULL, "cpu", "cpu-designer", NULL},
	{"arm.implementer", "arm", NULL, "cpu-designer", NULL},
	{"pnp", "pnp", "display", "panel-maker", NULL},
};

static void set_entity(struct bom_attr *a, const struct db_entity *x, const char *src,
		       const struct db *db, const char *as_of)
{
	/* a user's correction says so in the evidence */
	if (x->fact.overlay)
		bom_set(&a->overlay, x->fact.file);
	bom_set(&a->entity, x->id);
	bom_set(&a->name, x->name);
	bom_set(&a->country, x->country);
	bom_set(&a->controller, db_controller(db, x, as_of)->id);
	bom_set(&a->source, src);
}

/* "ns:value" and an optional suffix: the shape of every database key, built
 * without printf since a large fleet's resolution makes millions. */
static char *ns_key(const char *ns, const char *value, const char *suffix)
{
	size_t a = strlen(ns), b = strlen(value), c = suffix ? strlen(suffix) : 0;
	char *k = xmalloc(a + 1 + b + c + 1);

	memcpy(k, ns, a);
	k[a] = ':';
	memcpy(k + a + 1, value, b);
	memcpy(k + a + 1 + b, suffix ? suffix : "", c + 1);
	return k;
}

/* The database key of an identifier. "CentaurHauls" is VIA's vendor
 * string, and also that of Zhaoxin's family 7 parts before they took
 * "  Shanghai  ": the family tells them apart (cpuid:CentaurHauls/7). */
static char *key_of(const struct bom_component *c, const struct bom_id *id, const char *keyns)
{
	const struct bom_id *family = bom_get_id(c, "cpu.family");

	if (!strcmp(id->ns, "cpuid.vendor") && !strcmp(id->value, "CentaurHauls") && family &&
	    strtoul(family->value, NULL, 16) >= 7)
		return ns_key(keyns, id->value, "/7");
	return ns_key(keyns, id->value, NULL);
}

static void attribute(struct bom_component *c, const struct bom_id *id, const char *keyns,
		      const char *role, const struct db *db, const char *as_of)
{
	char *key = key_of(c, id, keyns);
	const struct db_ident *m = db_lookup(db, key);
	struct bom_attr *a = bom_add_attr(c, role, key);
	const struct db_entity *x = m ? db_entity(db, m->entity) : NULL;

	free(key);
	if (x) {
		set_entity(a, x, m->fact.src, db, as_of);
		if (m->fact.overlay)
			bom_set(&a->overlay, m->fact.file);
	} else {
		/* the registry's name still helps a person; it is not an entity */
		bom_set(&a->name, id->name);
	}
}

#define NO_MAKER "a JEDEC id naming no maker"

int resolve_names_nobody(const char *name)
{
	return !strcmp(name, db_match_how_text(MATCH_PLACEHOLDER)) ||
	       !strcmp(name, db_match_how_text(MATCH_SHARED)) || !strcmp(name, NO_MAKER);
}

/* A memory module's maker string in one of the JEDEC forms
 * (probes/memory/jep106.h): the module maker's id, and the DRAM maker's
 * where the form carries it (Dell's "86D300008A91"), unless the SPD already
 * said who made the dies. 1 when s was such a form. */
static int attribute_jedec(struct bom_component *c, const struct bom_id *id, const char *role,
			   const struct db *db, const char *as_of)
{
	struct jep106 mod, dram;
	int got = jep106_parse(id->value, &mod, &dram);
	char key[32];

	if (!got)
		return 0;
	if ((got & JEP106_DRAM) && !bom_find_attr(c, "die-maker")) {
		const struct db_ident *m;
		const struct db_entity *x;
		struct bom_attr *a;

		snprintf(key, sizeof key, "jedec:%u:%02x", dram.bank, dram.code);
		m = db_lookup(db, key);
		a = bom_add_attr(c, "die-maker", key);
		if ((x = m ? db_entity(db, m->entity) : NULL))
			set_entity(a, x, m->fact.src, db, as_of);
		else
			bom_set(&a->name, id->value);
	}
	if (got & JEP106_MODULE) {
		const struct db_ident *m;
		const struct db_entity *x;
		struct bom_attr *a;

		snprintf(key, sizeof key, "jedec:%u:%02x", mod.bank, mod.code);
		m = db_lookup(db, key);
		a = bom_add_attr(c, role, key);
		if ((x = m ? db_entity(db, m->entity) : NULL))
			set_entity(a, x, m->fact.src, db, as_of);
		else
			bom_set(&a->name, id->value);
	} else {
		/* "0000", "000000008A91": the form, with nobody in it */
		char *k = ns_key(id->ns, id->value, NULL);
		struct bom_attr *a = bom_add_attr(c, role, k);

		free(k);
		bom_set(&a->name, db_placeholder(db, id->value) ? db_match_how_text(MATCH_PLACEHOLDER)
							       : NO_MAKER);
	}
	return 1;
}

/* A maker named by a string (SMBIOS): the database's matcher
 * (vendor-db/match.h), the same `hwbom db lookup smbios:NAME` uses; a
 * placeholder such as "To be filled by O.E.M." names nobody, and says so.
 * A processor whose maker string is its CPUID vendor ("AuthenticAMD") is
 * looked up as that. */
static void attribute_name(struct bom_component *c, const struct bom_id *id, const char *role,
			   const struct db *db, const char *as_of)
{
	char *key;
	struct bom_attr *a;
	struct db_match m;
	const struct db_entity *x = NULL;
	const char *src = NULL;

	if (!strcmp(c->kind, "memory") && attribute_jedec(c, id, role, db, as_of))
		return;
	key = ns_key(id->ns, id->value, NULL);
	a = bom_add_attr(c, role, key);
	free(key);
	if (db_match_name(db, id->value, &m) >= MATCH_NAME) {
		x = m.entity;
		src = m.src;
	} else if (!strcmp(c->kind, "cpu") && m.how != MATCH_PLACEHOLDER) {
		char *k = ns_key("cpuid", id->value, NULL);
		const struct db_ident *ident = db_lookup(db, k);

		free(k);
		if (ident && (x = db_entity(db, ident->entity)))
			src = ident->fact.src;
	}
	if (x)
		set_entity(a, x, src, db, as_of);
	else
		/* the string the hardware gave, unless it names nobody: a
		 * placeholder or a name several entities share (judge.c says
		 * which) */
		bom_set(&a->name, m.how == MATCH_NONE ? id->value : NULL);
}

/* A MAC block's registrant, by the name the IEEE registry gives it. One we
 * cannot match still says who registered it and where: a weaker
 * attribution, without an entity, so the role stays unknown. */
static void attribute_oui(struct bom_component *c, const struct db *db, const char *as_of)
{
	const struct bom_id *id = bom_get_id(c, "oui");
	const struct db_entity *x = NULL;
	const char *src = NULL;
	struct db_match m;
	struct bom_attr *a;
	char *key;

	if (!id)
		return;
	key = xasprintf("oui:%s", id->value);
	a = bom_add_attr(c, "nic-registrant", key);
	free(key);
	if (id->name && db_match_name(db, id->name, &m) >= MATCH_NAME)
		x = m.entity, src = m.src;
	if (x) {
		set_entity(a, x, src, db, as_of);
	} else {
		bom_set(&a->name, id->name); /* NULL: not in the IEEE registries */
		bom_set(&a->country, bom_get_cprop(c, "oui.country"));
	}
}

/* A disk or NVMe controller names its maker only in strings: the SCSI
 * vendor field (unless it is the "ATA" of every SATA disk), else the model
 * string's prefix as the makers use them (storage.db: "ST" Seagate, "WDC",
 * "ZHITAI", ...), else the model matched as a name ("Samsung SSD 970 EVO":
 * its leading words). */
static void attribute_storage(struct bom_component *c, const struct db *db, const char *as_of)
{
	const struct bom_id *v = bom_get_id(c, "storage.vendor"), *m = bom_get_id(c, "storage.model");
	const struct db_entity *x = NULL;
	const char *src = NULL, *used = NULL;
	struct bom_attr *a;
	struct db_match dm;
	char *key;

	if (strcmp(c->kind, "storage") || (!v && !m))
		return;
	if (v && strcmp(v->value, "ATA") && db_match_name(db, v->value, &dm) >= MATCH_NAME)
		x = dm.entity, src = dm.src, used = v->value;
	if (!x && m) {
		const struct db_model *pm = db_model(db, m->value);

		if (pm && (x = db_entity(db, pm->entity)))
			src = pm->fact.src, used = pm->prefix;
		else if (db_match_name(db, m->value, &dm) >= MATCH_NAME)
			x = dm.entity, src = dm.src, used = dm.used;
	}
	key = xasprintf("storage.model:%s", m ? m->value : v->value);
	a = bom_add_attr(c, "storage-vendor", key);
	free(key);
	if (x) {
		set_entity(a, x, src, db, as_of);
		bom_add_cprop(c, "storage.matched", used);
	} else {
		bom_set(&a->name, m ? m->value : v->value);
	}
}

/* A USB device whose manufacturer string names a known maker other than
 * its idVendor's (a relabelled product) gets that maker too, and says that
 * the two disagree. A string that names nobody we know proves nothing. */
static void attribute_brand(struct bom_component *c, const struct db *db, const char *as_of)
{
	const struct bom_id *s = bom_get_id(c, "usb.manufacturer");
	const struct bom_attr *v = bom_find_attr(c, "device-vendor");
	const char *src = NULL;
	const struct db_entity *x = s ? db_lookup_name(db, s->value, &src) : NULL;
	struct bom_attr *a;
	char *key, *why;

	if (!x || !v || (v->entity && !strcmp(v->entity, x->id)))
		return;
	key = xasprintf("usb.manufacturer:%s", s->value);
	a = bom_add_attr(c, "device-brand", key);
	set_entity(a, x, src, db, as_of);
	why = xasprintf("idVendor %s names %s, the manufacturer string \"%s\" names %s",
			v->key, v->entity ? v->entity : "an unknown maker", s->value, x->id);
	bom_add_cprop(c, "conflict", why);
	free(key);
	free(why);
}

/* A module whose DRAM dies no SPD EEPROM named: made by a maker that uses
 * only its own dies, or numbered in a scheme that names its maker
 * (data/dram.db), it has that maker's dies, marked as inferred. A module
 * assembler's (Kingston, ADATA, ...) die maker stays unseen. */
static void infer_dies(struct bom_component *c, const struct db *db, const char *as_of)
{
	const struct bom_attr *mod = bom_find_attr(c, "module-maker");
	const struct db_dies *d = NULL, *p = NULL;
	const struct db_entity *x;
	struct bom_attr *a;
	char *key, *why, *src;

	if (strcmp(c->kind, "memory") || bom_find_attr(c, "die-maker"))
		return;
	if (mod && mod->entity)
		d = db_own_dies(db, mod->entity);
	if (!d && (p = db_partno(db, bom_id_value(c, "smbios.part-number"))))
		d = db_own_dies(db, p->entity);
	if (!d || !(x = db_entity(db, d->entity)))
		return;
	if (p) {
		key = xasprintf("partno:%s", p->prefix);
		why = xasprintf("part number %s follows the %s scheme, and %s modules carry only "
				"%s dies",
				bom_id_value(c, "smbios.part-number"), x->id, x->id, x->id);
		src = xasprintf("%s,%s", p->fact.src, d->fact.src);
	} else {
		key = xstrdup(mod->key);
		why = xasprintf("module maker %s uses only its own DRAM dies", x->id);
		src = xstrdup(d->fact.src);
	}
	a = bom_add_attr(c, "die-maker", key);
	set_entity(a, x, src, db, as_of);
	bom_set(&a->inferred, why);
	free(key), free(why), free(src);
}

/* Every component of a kind that has a maker gets that role, even when
 * nothing identified it (a TPM 2.0 that would not say, an SMBIOS string
 * left empty): an attribution without an entity, so the verdict says
 * unknown rather than clean. */
static void ensure_maker(struct bom_component *c)
{
	static const struct {
		const char *kind, *role;
	} makers[] = {
		{"system", "system-assembler"}, {"baseboard", "board-maker"},
		{"bios", "firmware-vendor"},    {"cpu", "cpu-designer"},
		{"memory", "module-maker"},     {"tpm", "tpm-maker"},
		{"storage", "storage-vendor"},  {"display", "panel-maker"},
		{"nic", "nic-registrant"},      {"pci", "chip-vendor"},
	};

	for (size_t i = 0; i < sizeof makers / sizeof *makers; i++)
		if (!strcmp(c->kind, makers[i].kind) && !bom_find_attr(c, makers[i].role)) {
			bom_add_attr(c, makers[i].role, "none"); /* no name: nothing was read */
		}
}

/* lspci without -v never prints a subsystem: who assembled the card was
 * not seen, which is unknown, not "nobody". */
static void unread_subsystem(struct bom_component *c)
{
	const char *s = bom_get_cprop(c, "pci.subsystem");

	if (!s || strcmp(s, "unread") || bom_find_attr(c, "card-assembler"))
		return;
	bom_add_attr(c, "card-assembler", "none"); /* unseen (judge.c) */
}

/* A PCI function whose card assembler is the system's assembler is on the
 * system board, not on an add-in card: say so. */
static void mark_onboard(struct bom *b)
{
	const struct bom_attr *sys = NULL;

	for (size_t i = 0; i < b->ncomponents && !sys; i++)
		if (!strcmp(b->components[i]->kind, "system"))
			sys = bom_find_attr(b->components[i], "system-assembler");
	if (!sys || !sys->entity)
		return;
	for (size_t i = 0; i < b->ncomponents; i++) {
		const struct bom_attr *card = bom_find_attr(b->components[i], "card-assembler");

		if (card && card->entity && !strcmp(card->entity, sys->entity))
			bom_add_cprop(b->components[i], "pci.onboard", "yes");
	}
}

/* lspci shows these too: a PCI function in D3cold, or gone, reads as all
 * ones, and nothing about it is known. */
static void mark_silent(struct bom_component *c)
{
	const struct bom_id *v = bom_get_id(c, "pci.vendor");

	if (!strcmp(c->kind, "pci") && v && !strcmp(v->value, "ffff"))
		bom_set(&c->unknown_reason, "its configuration space reads as all ff: the function "
					    "did not answer (powered down or removed)");
}

void resolve_bom(struct bom *b, const struct db *db, const char *as_of)
{
	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *c = b->components[i];

		mark_silent(c);

		for (size_t p = 0; p < sizeof proofs / sizeof *proofs; p++) {
			if (proofs[p].kind && strcmp(proofs[p].kind, c->kind))
				continue;
			/* every identifier of the namespace: two witnesses of one
			 * part may give two (witness.c) */
			for (size_t k = 0; k < c->nids; k++) {
				const struct bom_id *id = &c->ids[k];

				if (strcmp(id->ns, proofs[p].ns) ||
				    (proofs[p].skip && proofs[p].skip(c, id)))
					continue;
				if (proofs[p].keyns)
					attribute(c, id, proofs[p].keyns, proofs[p].role, db, as_of);
				else
					attribute_name(c, id, proofs[p].role, db, as_of);
			}
		}
		infer_dies(c, db, as_of);
		attribute_brand(c, db, as_of);
		attribute_storage(c, db, as_of);
		attribute_oui(c, db, as_of);
		ensure_maker(c);
		unread_subsystem(c);
	}
	mark_onboard(b);
}
