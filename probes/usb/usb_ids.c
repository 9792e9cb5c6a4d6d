/* usb_ids.c - read usb.ids (see usb_ids.h). The syntax is that of pci.ids:
 * "vvvv  Vendor name", then "\tpppp  Product name" lines under it; lines
 * that are neither are skipped, as usbutils does. */
#include "usb_ids.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../../vendor-db/recfile.h"

struct entry {
	uint32_t key; /* vendor, or vendor << 16 | product */
	char *name;
};

struct usb_ids {
	struct entry *vendors, *products;
	size_t nvendors, capvendors, nproducts, capproducts;
};

/* Four hex digits, two spaces and a name: the id, or -1. */
static long parse_id(const char *s, const char *end, const char **name)
{
	long v = 0;

	if (end - s < 7 || s[4] != ' ' || s[5] != ' ')
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (c - 'a' + 10);
		else
			return -1;
	}
	*name = s + 6;
	return v;
}

static void add(struct entry **arr, size_t *n, size_t *cap, uint32_t key, const char *name,
		const char *end)
{
	GROW(*arr, *cap, *n);
	(*arr)[*n].key = key;
	(*arr)[*n].name = xstrndup(name, (size_t)(end - name));
	(*n)++;
}

static int entry_cmp(const void *a, const void *b)
{
	uint32_t x = ((const struct entry *)a)->key, y = ((const struct entry *)b)->key;

	return x < y ? -1 : x > y;
}

struct usb_ids *usb_ids_load(const char *path, struct hw_err *e)
{
	struct usb_ids *ids;
	char *buf;
	size_t len;
	long vendor = -1;

	if (recfile_slurp(path, &buf, &len, e) < 0)
		return NULL;
	ids = xcalloc(1, sizeof *ids);
	for (const char *p = buf, *end; p < buf + len; p = end + 1) {
		const char *name;
		long id;

		end = memchr(p, '\n', (size_t)(buf + len - p));
		if (!end)
			end = buf + len;
		if (*p == 'C' && end - p > 1 && p[1] == ' ')
			break; /* the class section: no more vendors */
		if (*p == '\t' && end - p > 1 && p[1] != '\t') {
			if (vendor >= 0 && (id = parse_id(p + 1, end, &name)) >= 0)
				add(&ids->products, &ids->nproducts, &ids->capproducts,
				    (uint32_t)vendor << 16 | (uint32_t)id, name, end);
		} else if (*p != '\t' && *p != '#') {
			vendor = parse_id(p, end, &name);
			if (vendor >= 0)
				add(&ids->vendors, &ids->nvendors, &ids->capvendors, (uint32_t)vendor,
				    name, end);
		}
	}
	free(buf);
	if (ids->nvendors > 1)
		qsort(ids->vendors, ids->nvendors, sizeof *ids->vendors, entry_cmp);
	if (ids->nproducts > 1)
		qsort(ids->products, ids->nproducts, sizeof *ids->products, entry_cmp);
	return ids;
}

void usb_ids_free(struct usb_ids *ids)
{
	if (!ids)
		return;
	for (size_t i = 0; i < ids->nvendors; i++)
		free(ids->vendors[i].name);
	for (size_t i = 0; i < ids->nproducts; i++)
		free(ids->products[i].name);
	free(ids->vendors);
	free(ids->products);
	free(ids);
}

static const char *find(const struct entry *arr, size_t n, uint32_t key)
{
	struct entry k = {.key = key};
	const struct entry *hit = n ? bsearch(&k, arr, n, sizeof k, entry_cmp) : NULL;

	return hit ? hit->name : NULL;
}

const char *usb_ids_vendor(const struct usb_ids *ids, unsigned vendor)
{
	return ids ? find(ids->vendors, ids->nvendors, vendor) : NULL;
}

const char *usb_ids_product(const struct usb_ids *ids, unsigned vendor, unsigned product)
{
	return ids ? find(ids->products, ids->nproducts, (uint32_t)vendor << 16 | product) : NULL;
}
