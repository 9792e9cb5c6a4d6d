/* witness.c - one part, one component (see witness.h).
 *
 * Two probes often see the same part: SMBIOS type 4 and CPUID the
 * processor, SMBIOS type 17 and the SPD EEPROM a memory module, the NVMe
 * class and libpci the disk's controller. Counted twice, a machine seems to
 * have twice the parts it has; so the second witness is folded into the
 * first, its identifiers and facts kept, and each component names its
 * witnesses (hwbom:witness "SOURCE LOCATION"). Where two witnesses name
 * different makers for one role, both attributions stay (both are judged)
 * and hwbom:conflict says so. */
#include "witness.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../output/alloc.h"

/* The coverage source a component came from, for hwbom:witness. */
static const char *source_of(const struct bom_component *c)
{
	if (bom_get_cprop(c, "smbios.handle"))
		return "dmi";
	if (!strcmp(c->kind, "memory"))
		return "memory";
	return c->kind;
}

static int same_text(const char *a, const char *b)
{
	size_t na, nb;

	if (!a || !b)
		return 0;
	while (isspace((unsigned char)*a))
		a++;
	while (isspace((unsigned char)*b))
		b++;
	na = strlen(a), nb = strlen(b);
	while (na && isspace((unsigned char)a[na - 1]))
		na--;
	while (nb && isspace((unsigned char)b[nb - 1]))
		nb--;
	return na && na == nb && !strncasecmp(a, b, na);
}

static int has_id(const struct bom_component *c, const char *ns, const char *value)
{
	for (size_t i = 0; i < c->nids; i++)
		if (!strcmp(c->ids[i].ns, ns) && same_text(c->ids[i].value, value))
			return 1;
	return 0;
}

/* Fold component `from` of b into `into`, and remove it. An identifier the
 * two give alike is kept once; one they give differently is kept twice (so
 * both are attributed and judged). */
static void fold(struct bom *b, struct bom_component *into, size_t from)
{
	struct bom_component *w = b->components[from];
	char *v;

	if (!bom_get_cprop(into, "witness")) {
		v = xasprintf("%s %s", source_of(into), into->location);
		bom_add_cprop(into, "witness", v);
		free(v);
	}
	v = xasprintf("%s %s", source_of(w), w->location);
	bom_add_cprop(into, "witness", v);
	free(v);
	for (size_t i = 0; i < w->nids; i++)
		if (!has_id(into, w->ids[i].ns, w->ids[i].value))
			bom_add_id(into, w->ids[i].ns, w->ids[i].value, w->ids[i].name);
	for (size_t i = 0; i < w->nprops; i++)
		if (strcmp(w->props[i].name, "witness") && !bom_get_cprop(into, w->props[i].name))
			bom_add_cprop(into, w->props[i].name, w->props[i].value);
	if (!into->name && w->name)
		bom_set(&into->name, w->name);
	if (!into->firmware && w->firmware)
		bom_set(&into->firmware, w->firmware);
	bom_remove_component(b, from);
}

static int is_smbios(const struct bom_component *c, const char *kind)
{
	return !strcmp(c->kind, kind) && bom_get_cprop(c, "smbios.handle") &&
	       !bom_get_cprop(c, "witness");
}

/* The processor: SMBIOS type 4 sockets and the packages the CPU probe
 * read, paired in order when there are as many of each. */
static void merge_cpus(struct bom *b)
{
	size_t smb[64], cpu[64], ns = 0, nc = 0;

	for (size_t i = 0; i < b->ncomponents; i++) {
		const struct bom_component *c = b->components[i];

		if (is_smbios(c, "cpu") && ns < 64)
			smb[ns++] = i;
		else if (!strcmp(c->kind, "cpu") && !bom_get_cprop(c, "smbios.handle") &&
		         !bom_get_cprop(c, "witness") && nc < 64)
			cpu[nc++] = i;
	}
	if (!ns || ns != nc)
		return;
	/* from the last, so that the indexes before it stay right */
	for (size_t k = nc; k-- > 0;) {
		struct bom_component *into = b->components[smb[k]];

		fold(b, into, cpu[k]);
		for (size_t j = 0; j < k; j++) {
			smb[j] -= smb[j] > cpu[k];
			cpu[j] -= cpu[j] > cpu[k];
		}
	}
}

/* A memory module: the SMBIOS type 17 device and the SPD EEPROM with the
 * same part number (and serial, where both give one), when exactly one
 * EEPROM matches. */
static void merge_memory(struct bom *b)
{
	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *d = b->components[i];
		const char *pn = bom_id_value(d, "smbios.part-number");
		const char *sn = bom_id_value(d, "smbios.serial");
		size_t match = 0, nmatch = 0;

		if (!is_smbios(d, "memory") || !pn)
			continue;
		for (size_t k = 0; k < b->ncomponents; k++) {
			const struct bom_component *s = b->components[k];
			const char *spn = bom_id_value(s, "smbios.part-number");
			const char *ssn = bom_id_value(s, "smbios.serial");

			if (strcmp(s->kind, "memory") || bom_get_cprop(s, "smbios.handle") ||
			    bom_get_cprop(s, "witness") || !same_text(pn, spn))
				continue;
			if (sn && ssn && !same_text(sn, ssn))
				continue;
			match = k;
			nmatch++;
		}
		if (nmatch == 1) {
			fold(b, d, match);
			if (match < i)
				i--;
		}
	}
}

/* An NVMe disk and the PCI function of its controller (storage.pci). */
static void merge_nvme(struct bom *b)
{
	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *d = b->components[i];
		const char *ref = bom_get_cprop(d, "storage.pci");
		const char *bus = bom_get_cprop(d, "storage.bus");

		if (strcmp(d->kind, "storage") || !ref || !bus || strcmp(bus, "nvme") ||
		    bom_get_id(d, "pci.vendor"))
			continue;
		for (size_t k = 0; k < b->ncomponents; k++) {
			char *r;
			int same;

			if (strcmp(b->components[k]->kind, "pci"))
				continue;
			r = bom_ref(b->components[k]);
			same = !strcmp(r, ref);
			free(r);
			if (same) {
				fold(b, d, k);
				if (k < i)
					i--;
				break;
			}
		}
	}
}

void witness_merge(struct bom *b)
{
	merge_cpus(b);
	merge_memory(b);
	merge_nvme(b);
}

/* Two attributions of one role on a merged component: the same entity
 * (or an unknown beside a known one) is said once; different entities
 * both stay, and the conflict is stated. */
void witness_settle(struct bom *b)
{
	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *c = b->components[i];

		if (!bom_get_cprop(c, "witness"))
			continue;
		for (size_t k = 0; k < c->nattrs; k++)
			for (size_t j = k + 1; j < c->nattrs; j++) {
				struct bom_attr *a = &c->attrs[k], *x = &c->attrs[j];
				size_t drop = SIZE_MAX;

				if (strcmp(a->role, x->role))
					continue;
				if (a->entity && x->entity && !strcmp(a->entity, x->entity))
					/* keep the identifier over the name string */
					drop = !strncmp(a->key, "smbios.", 7) &&
					               strncmp(x->key, "smbios.", 7)
					           ? k
					           : j;
				else if (!x->entity)
					drop = j;
				else if (!a->entity)
					drop = k;
				if (drop == SIZE_MAX) {
					char *why =
					    xasprintf("%s: %s names %s, %s names %s", a->role,
					              a->key, a->entity, x->key, x->entity);

					bom_add_cprop(c, "conflict", why);
					free(why);
					continue;
				}
				{
					struct bom_attr *d = &c->attrs[drop];

					free(d->role), free(d->key), free(d->entity), free(d->name);
					free(d->country), free(d->controller), free(d->source);
					free(d->overlay), free(d->inferred);
					memmove(d, d + 1, (c->nattrs - drop - 1) * sizeof *d);
					c->nattrs--;
				}
				j = k; /* look again from the next one */
			}
	}
}
