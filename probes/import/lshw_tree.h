/* lshw_tree.h - lshw's device tree, as its four printers write it.
 *
 * lshw prints one tree of nodes (lshw's hwNode: id, class, description,
 * product, vendor, bus info, logical names, version, serial, slot, size,
 * configuration settings, and from B.02.19 on, hints with the numeric PCI
 * ids and a modalias) as plain text (`lshw`), XML (`-xml`), JSON (`-json`)
 * or HTML (`-html`). Each reader turns its format into the same flat list
 * of nodes in document order, with their depth, and lshw_build.c makes the
 * inventory of it. */
#ifndef HWBOM_LSHW_TREE_H
#define HWBOM_LSHW_TREE_H

#include <stddef.h>

#include "../../output/err.h"
#include "inventory.h"

enum lshw_field {
	LF_ID,
	LF_CLASS, /* not in the text and HTML output: guessed from the id */
	LF_DESCRIPTION,
	LF_PRODUCT,
	LF_VENDOR,
	LF_SUBPRODUCT, /* B.02.19 XML and JSON only */
	LF_SUBVENDOR,
	LF_BUSINFO,     /* pci@0000:00:1f.3, usb@1:2, scsi@0:0.0.0, nvme@0:1, cpu@0 */
	LF_LOGICALNAME, /* the first one: /dev/sda, eth0 */
	LF_VERSION,
	LF_SERIAL,
	LF_SLOT,
	LF_SIZE, /* bytes in XML and JSON; "8GiB" in text and HTML */
	LF_DATE,
	LF_MODALIAS, /* B.02.19: pci:v..d..sv..sd..bc..sc..i.., usb:v..p..d..dc.. */
	LF_HANDLE,   /* XML and JSON: DMI:0100 (the SMBIOS handle), PCI:..., USB:... */
	LF_NF
};

struct lshw_kv {
	char *key, *value;
};

struct lshw_node {
	unsigned line; /* where it starts (1 for JSON: the path says where) */
	int depth;
	int disabled; /* DISABLED, or an empty bank or socket */
	char *f[LF_NF];
	/* configuration settings (driver=e1000e) and hints (pci.vendor=0x8086,
	 * prefixed "hint:") */
	struct lshw_kv *kv;
	size_t nkv, capkv;
};

struct lshw_tree {
	struct lshw_node *nodes;
	size_t n, cap;
	const char *format; /* static: "lshw", "lshw -xml", "lshw -json", "lshw -html" */
	char *version;      /* lshw's version where the output says it ("B.02.18"), or NULL */
	int numeric;        /* ids printed in the names ([8086:1533], lshw -numeric) */
};

/* A new node at depth, owned by t. */
struct lshw_node *lshw_add_node(struct lshw_tree *t, int depth, unsigned line);
/* Set field f of n (trimmed, sanitised; an empty value leaves it unset). */
void lshw_set(struct lshw_node *n, enum lshw_field f, const char *value);
void lshw_set_n(struct lshw_node *n, enum lshw_field f, const char *value, size_t len);
void lshw_add_kv(struct lshw_node *n, const char *key, const char *value);
/* The value of setting key, or NULL. */
const char *lshw_kv(const struct lshw_node *n, const char *key);
/* The field of text and HTML output called name ("bus info"), or -1. */
int lshw_field_by_label(const char *name, size_t len);
void lshw_tree_free(struct lshw_tree *t);

/* The readers, on len bytes at buf (NUL-terminated), reported as path. */
int lshw_text_read(const char *path, const char *buf, size_t len, struct lshw_tree *t,
                   struct hw_err *e);
int lshw_xml_read(const char *path, const char *buf, size_t len, struct lshw_tree *t,
                  struct hw_err *e);
int lshw_html_read(const char *path, const char *buf, size_t len, struct lshw_tree *t,
                   struct hw_err *e);
int lshw_json_read(const char *path, const char *buf, size_t len, struct lshw_tree *t,
                   struct hw_err *e);

/* Make the inventory of t. */
void lshw_build(const struct lshw_tree *t, struct inventory *inv);

#endif
