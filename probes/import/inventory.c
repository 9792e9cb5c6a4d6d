/* inventory.c - the records an inventory importer fills (inventory.h). */
#include "inventory.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../../output/bom.h"
#include "../../output/sanitize.h"

const char *const inv_src_name[INV_NSRC] = {"dmi", "pci", "usb", "storage", "net", "display"};

char *inv_dup(const char *s)
{
	const char *end;

	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if (end == s)
		return NULL;
	return hw_sanitize_n(s, (size_t)(end - s));
}

const char *inv_str(struct inventory *inv, const char *s)
{
	char *t = inv_dup(s);

	if (!t)
		return NULL;
	GROW(inv->pool, inv->cappool, inv->npool);
	inv->pool[inv->npool++] = t;
	return t;
}

struct lspci_dev *inv_add_pci(struct inventory *inv)
{
	struct lspci_dev *d;

	GROW(inv->pci.devs, inv->pci.cap, inv->pci.n);
	d = &inv->pci.devs[inv->pci.n++];
	memset(d, 0, sizeof *d);
	d->vendor = d->device = d->subvendor = d->subdevice = -1;
	d->class_id = d->progif = d->rev = -1;
	return d;
}

struct usb_dev *inv_add_usb(struct inventory *inv)
{
	struct usb_dev *d;

	GROW(inv->usb, inv->capusb, inv->nusb);
	d = &inv->usb[inv->nusb++];
	memset(d, 0, sizeof *d);
	return d;
}

struct dmi_rec *inv_add_dmi(struct inventory *inv, unsigned type)
{
	struct dmi_rec *r;

	GROW(inv->dmi, inv->capdmi, inv->ndmi);
	r = &inv->dmi[inv->ndmi];
	dmi_rec_init(r, type, (unsigned)inv->ndmi);
	inv->ndmi++;
	return r;
}

struct inv_disk *inv_add_disk(struct inventory *inv)
{
	struct inv_disk *d;

	GROW(inv->disk, inv->capdisk, inv->ndisk);
	d = &inv->disk[inv->ndisk++];
	memset(d, 0, sizeof *d);
	return d;
}

struct inv_display *inv_add_display(struct inventory *inv)
{
	struct inv_display *d;

	GROW(inv->disp, inv->capdisp, inv->ndisp);
	d = &inv->disp[inv->ndisp++];
	memset(d, 0, sizeof *d);
	return d;
}

struct inv_nic *inv_add_nic(struct inventory *inv, const char *s)
{
	char mac[13];
	size_t n = 0;
	struct inv_nic *c;

	for (const char *p = s; p && *p; p++) {
		if (isxdigit((unsigned char)*p)) {
			if (n == 12)
				return NULL;
			mac[n++] = (char)tolower((unsigned char)*p);
		} else if (*p != ':' && *p != '-' && *p != '.') {
			return NULL;
		}
	}
	if (n != 12)
		return NULL;
	mac[12] = '\0';
	GROW(inv->nic, inv->capnic, inv->nnic);
	c = &inv->nic[inv->nnic++];
	memset(c, 0, sizeof *c);
	memcpy(c->mac, mac, sizeof mac);
	return c;
}

void inv_coverage(const struct inventory *inv, enum inv_src src, size_t n, struct bom *bom)
{
	const char *lack = inv->lacks[src];
	char *detail = lack ? xasprintf("%s: %s", inv->format, lack) : xstrdup(inv->format);

	bom_set_coverage(bom, inv_src_name[src],
	                 !n && !inv->dropped[src]    ? "absent"
	                 : lack || inv->dropped[src] ? "partial"
	                                             : "read",
	                 detail);
	free(detail);
}

void inv_lack(struct inventory *inv, enum inv_src src, const char *what)
{
	char *old = inv->lacks[src];

	if (old && strstr(old, what))
		return;
	inv->lacks[src] = old ? xasprintf("%s; %s", old, what) : xstrdup(what);
	free(old);
}

int inv_pci_addr(const char *s, struct lspci_dev *d)
{
	unsigned dom = 0, bus, dev, fn;
	int end = 0;

	if (!s)
		return -1;
	if (!strncmp(s, "pci@", 4))
		s += 4;
	if (sscanf(s, "%4x:%2x:%2x.%1u%n", &dom, &bus, &dev, &fn, &end) == 4 && !s[end]) {
		;
	} else if (dom = 0, end = 0,
	           sscanf(s, "%2x:%2x.%1u%n", &bus, &dev, &fn, &end) == 3 && !s[end]) {
		;
	} else {
		return -1;
	}
	if (dev > 31 || fn > 7)
		return -1;
	d->domain = dom, d->bus = bus, d->dev = dev, d->func = fn;
	return 0;
}

void inventory_free(struct inventory *inv)
{
	for (size_t i = 0; i < inv->pci.n; i++) {
		struct lspci_dev *d = &inv->pci.devs[i];

		free(d->class_name), free(d->vendor_name), free(d->device_name);
		free(d->vendor_device), free(d->subvendor_name), free(d->subdevice_name);
		free(d->subsystem), free(d->driver);
	}
	free(inv->pci.devs);
	for (size_t i = 0; i < inv->nusb; i++)
		for (int k = 0; k < 3; k++)
			free(inv->usb[i].str[k]);
	free(inv->usb);
	free(inv->dmi);
	for (size_t i = 0; i < inv->ndisk; i++) {
		struct inv_disk *d = &inv->disk[i];

		free(d->loc), free(d->vendor), free(d->model), free(d->serial);
		free(d->firmware), free(d->pci);
	}
	free(inv->disk);
	for (size_t i = 0; i < inv->nnic; i++)
		free(inv->nic[i].iface), free(inv->nic[i].pci), free(inv->nic[i].driver);
	free(inv->nic);
	for (size_t i = 0; i < inv->ndisp; i++)
		free(inv->disp[i].loc);
	free(inv->disp);
	for (size_t i = 0; i < inv->npool; i++)
		free(inv->pool[i]);
	free(inv->pool);
	for (int i = 0; i < INV_NSRC; i++)
		free(inv->lacks[i]);
	free(inv->unseen);
	free(inv->name);
	memset(inv, 0, sizeof *inv);
}

char *inv_read_file(const char *path, size_t *len, struct hw_err *e)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *buf;
	size_t n = 0, cap = 65536;

	if (!f) {
		hw_fail(e, "%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(cap + 1);
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n, f);

		n += got;
		if (n < cap) {
			if (ferror(f)) {
				hw_fail(e, "%s: %s", path, strerror(errno));
				goto fail;
			}
			break;
		}
		if (cap >= INV_FILE_MAX) {
			hw_fail(e, "%s: larger than %u MiB: not an inventory", path,
			        INV_FILE_MAX >> 20);
			goto fail;
		}
		cap *= 2;
		buf = xrealloc(buf, cap + 1);
	}
	if (f != stdin)
		fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	if (f != stdin)
		fclose(f);
	free(buf);
	return NULL;
}
