/* lspci_vmm.c - the records of lspci -vmm [-n[n]] [-k] (pciutils lspci.c:
 * show_machine() with -vmm): "Tag:<TAB>value" lines, a blank line between
 * functions. */
#include "lspci_fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"

/* A tag of lspci -vmm: "Tag:<TAB>value". *vlen 0 for an empty value. */
static int machine_tag(const struct lspci_line *l, size_t *tlen, const char **v, size_t *vlen)
{
	size_t i = 0;

	while (i < l->len &&
	       ((l->s[i] >= 'A' && l->s[i] <= 'Z') || (l->s[i] >= 'a' && l->s[i] <= 'z') ||
	        (l->s[i] >= '0' && l->s[i] <= '9')))
		i++;
	if (!i || i >= l->len || l->s[i] != ':' ||
	    (i + 1 < l->len && l->s[i + 1] != '\t' && l->s[i + 1] != ' '))
		return 0;
	*tlen = i;
	*v = l->s + i + 1;
	*vlen = l->len - i - 1;
	while (*vlen && (**v == '\t' || **v == ' '))
		(*v)++, (*vlen)--;
	return 1;
}

static int tag_is(const struct lspci_line *l, size_t tlen, const char *tag)
{
	return tlen == strlen(tag) && !memcmp(l->s, tag, tlen);
}

/* Check a finished -vmm record. */
static int end_record(const char *name, struct lspci_text *t, struct lspci_dev *d, struct hw_err *e)
{
	const char *miss = NULL;
	char slot[32];

	if (!d)
		return 0;
	if (d->progif < 0)
		d->progif = 0; /* -vmm prints ProgIf: only when it is not 0 */
	if (t->numeric > 0 && d->class_id < 0)
		miss = "Class: with a numeric [class] id";
	else if (t->numeric <= 0 && d->class_id < 0 && !d->class_name)
		miss = "Class:";
	else if (d->vendor < 0 && !d->vendor_name)
		miss = "Vendor:";
	else if (d->device < 0 && !d->device_name)
		miss = "Device:";
	else if (d->subvendor >= 0 && d->subdevice < 0)
		miss = "SDevice: after its SVendor:";
	if (!miss)
		return 0;
	snprintf(slot, sizeof slot, "%04x:%02x:%02x.%u", d->domain, d->bus, d->dev, d->func);
	return hw_fail(e, "%s:%u: the record of %s has no %s (truncated?)", name, d->line, slot,
	               miss);
}

/* One "Tag:<TAB>value" of the current record. */
static int machine_field(const char *name, const struct lspci_line *l, size_t tlen, const char *v,
                         size_t vlen, struct lspci_dev *d, struct lspci_text *t, struct hw_err *e)
{
	int ids = t->numeric != 0;
	long *idp = NULL, id;
	char **namep = NULL, *nm;
	int digits = 4;

	if (tag_is(l, tlen, "Class"))
		idp = &d->class_id, namep = &d->class_name;
	else if (tag_is(l, tlen, "Vendor"))
		idp = &d->vendor, namep = &d->vendor_name;
	else if (tag_is(l, tlen, "Device"))
		idp = &d->device, namep = &d->device_name;
	else if (tag_is(l, tlen, "SVendor"))
		idp = &d->subvendor, namep = &d->subvendor_name;
	else if (tag_is(l, tlen, "SDevice"))
		idp = &d->subdevice, namep = &d->subdevice_name;
	else if (tag_is(l, tlen, "Rev"))
		idp = &d->rev, digits = 2;
	else if (tag_is(l, tlen, "ProgIf"))
		idp = &d->progif, digits = 2;
	else if (tag_is(l, tlen, "Driver")) {
		free(d->driver);
		d->driver = vlen ? xstrndup(v, vlen) : NULL;
		return 0;
	} else {
		return 0; /* PhySlot:, Module:, NUMANode:, IOMMUGroup:, ... */
	}
	if (!namep) { /* Rev:, ProgIf: are always hex */
		if (vlen != 2 || (id = lspci_hex(v, 2)) < 0)
			return lspci_fail(name, l, e, "not two hex digits");
		*idp = id;
		return 0;
	}
	if (*namep || *idp >= 0)
		return lspci_fail(name, l, e, "a second field of this name in the same record");
	lspci_split_id(v, vlen, digits, ids, idp, &nm);
	*namep = nm;
	if (idp == &d->vendor && lspci_check_numeric(name, l, t, *idp >= 0, e) < 0)
		return -1;
	if (t->numeric > 0 && *idp < 0)
		return lspci_fail(name, l, e, "no numeric [id] here, though the file has them");
	return 0;
}

/* The lines of the machine layout. */
int lspci_machine_lines(const char *name, const struct lspci_line *lines, size_t n,
                        struct lspci_text *t, struct hw_err *e)
{
	struct lspci_dev *d = NULL, slot;

	t->subsystems = 1;
	for (size_t i = 0; i < n; i++) {
		const struct lspci_line *l = &lines[i];
		const char *v;
		size_t tlen, vlen;

		if (!l->len) {
			if (end_record(name, t, d, e) < 0)
				return -1;
			d = NULL;
			continue;
		}
		if (!machine_tag(l, &tlen, &v, &vlen))
			return lspci_fail(name, l, e, "not a 'Tag:<TAB>value' line of lspci -vmm");
		if (!d) {
			/* older lspci named the slot "Device:" */
			if ((!tag_is(l, tlen, "Slot") && !tag_is(l, tlen, "Device")) ||
			    lspci_slot(v, vlen, &slot) != vlen)
				return lspci_fail(name, l, e,
				                  "a record of lspci -vmm must begin with "
				                  "Slot: and a PCI address");
			d = lspci_new_dev(t, &slot, l->no);
			continue;
		}
		if (machine_field(name, l, tlen, v, vlen, d, t, e) < 0)
			return -1;
	}
	return end_record(name, t, d, e);
}
