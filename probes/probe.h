/* probe.h - the probe frame: one ops table per hardware source.
 *
 * In the manner of libpci's struct pci_methods: each probe is one file that
 * exports one `const struct probe_ops`, and probe.c holds the table that
 * fixes the order they run in. Adding a probe is one new file and one row.
 * A probe fills the raw BOM (components with identifiers) and records its
 * coverage; it never resolves, judges or prints. */
#ifndef HWBOM_PROBE_H
#define HWBOM_PROBE_H

#include "../output/bom.h"
#include "../output/err.h"

/* Where the probes read from. With no recorded source at all, the live
 * machine; with any, only what was given (DESIGN.md §4). */
struct inventory;

struct probe_src {
	const char *root;     /* --root DIR: DIR/sys stands for /sys; NULL if not given */
	const char *pci_dump; /* --pci-dump FILE; NULL if not given */
	const char *lspci;    /* --lspci FILE (lspci -nn, -nnv, -vmm ... text); NULL if not given */
	const char *dmi_dump; /* --dmi-dump FILE (dmidecode --dump-bin); NULL if not given */
	const char *lsusb;    /* --lsusb FILE: lsusb [-v] [-t] or usb-devices text; NULL if not given */
	const char *dmidecode; /* --dmidecode FILE (dmidecode's text); NULL if not given */
	const char *cpuinfo;  /* --cpuinfo FILE (/proc/cpuinfo text); NULL if not given */
	/* --lshw, --hwinfo, --glpi: another tool's inventory, already read
	 * (import/inventory.h); the probes it carries build from it, the
	 * others are not probed. NULL if none. */
	const struct inventory *inv;
	const char *pci_ids;  /* pci.ids to take names from */
	const char *usb_ids;  /* usb.ids to take names from */
	const char *pnp_ids;  /* pnp.ids to take display makers' names from */
	const char *ieee_dir; /* the IEEE MAC registries (ieee-data) */
	unsigned only;        /* if not 0, run only the probes whose bits are set */
};

struct probe_ops {
	const char *name; /* also the coverage source name: "pci" */
	const char *help; /* one line: what it reads */
	/* 1 if this probe has something to read in src, 0 if src gives it
	 * nothing (it is then recorded as not probed). */
	int (*detect)(const struct probe_src *src);
	/* Add components to bom and set its coverage. A source that is simply
	 * absent is coverage, not an error; a file the user named that cannot
	 * be read or parsed is: -1 with e naming the file (and line). */
	int (*run)(const struct probe_src *src, struct bom *bom, struct hw_err *e);
	/* What run() reads under --root DIR, for `hwbom capture`: glob(3)
	 * patterns relative to DIR ({a,b} allowed), NULL-terminated. A
	 * pattern ending in '/' names a directory whose presence alone
	 * matters (it is made, its contents are not copied); a symbolic link
	 * is copied as a link, its target made too. */
	const char *const *reads;
	/* If set, capture copies a file matched by reads only when this
	 * returns 1 (rel relative to root): how a probe keeps out of a capture
	 * what it would not use (the net probe: addresses that are not
	 * permanent hardware addresses). */
	int (*capture_keep)(const char *root, const char *rel);
};

extern const struct probe_ops probe_pci;
extern const struct probe_ops probe_usb;
extern const struct probe_ops probe_dmi;
extern const struct probe_ops probe_cpu;
extern const struct probe_ops probe_display;
extern const struct probe_ops probe_storage;
extern const struct probe_ops probe_net;
extern const struct probe_ops probe_spd;
extern const struct probe_ops probe_tpm;

/* NULL-terminated, in run order. */
extern const struct probe_ops *const probe_table[];

/* Restrict src to the probe called name as well (--probe); -1 if there is
 * none of that name. */
int probe_select(struct probe_src *src, const char *name);
/* The probes' names, comma-separated, for messages. */
const char *probe_names(void);

/* The inventory probe s (enum inv_src) builds from: src's, when it
 * carries that kind of fact and no source of the probe's own is given
 * (--lspci, --pci-dump, --lsusb, --dmidecode, --dmi-dump win over it);
 * else NULL. */
const struct inventory *probe_inv(const struct probe_src *src, int s);

/* Whether any recorded source is given (then nothing live is read). */
int probe_src_recorded(const struct probe_src *src);

/* detect() of the probes that read /sys (or /proc): the live machine, or a
 * captured tree given with --root. */
int probe_reads_sysfs(const struct probe_src *src);

/* The entries of dir (hidden ones left out) for which keep(name) is true,
 * sorted by name; *n their number. NULL with *n 0 when dir cannot be
 * opened. Free each name and the array with free(). */
char **probe_list_dir(const char *dir, int (*keep)(const char *name), size_t *n);

/* Run every probe in table order; stops at the first error. */
int probe_run_all(const struct probe_src *src, struct bom *bom, struct hw_err *e);

#endif
