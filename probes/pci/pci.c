/* pci.c - the PCI probe, through libpci.
 *
 * Three sources, one code path: the live machine (libpci's default access
 * method), an `lspci -x`/`-xxx`/`-xxxx` dump (libpci's "dump" method) and a
 * captured sysfs tree under --root (libpci's "linux-sysfs" method with
 * sysfs.path). A fourth, lspci's text (--lspci, read by lspci_text.c), has
 * no configuration space for libpci to read: its ids take their names from
 * libpci all the same, and pci_component.c makes every source's functions
 * into the same components. Names come from the pci.ids file given, never from udev's hwdb
 * or a DNS cache, so they do not depend on the host.
 *
 * libpci's error handler may not return. Ours records the message and
 * longjmp()s back here. Recorded input is checked first (pci_check.c) so
 * that a bad dump or tree is reported with its file and line rather than
 * with libpci's bare "Malformed line". */
#define _GNU_SOURCE /* memfd_create */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pci/pci.h>

#include "../../output/alloc.h"
#include "../import/inventory.h"
#include "lspci_text.h"
#include "pci_check.h"
#include "pci_component.h"
#include "pci_dump.h"
#include "pci_names.h"
#include "../probe.h"

#define NAME_MAX_LEN 256

/* libpci's callbacks carry no user pointer: the probe runs one access at a
 * time and keeps its state here. */
static struct {
	jmp_buf env;
	struct hw_err *e;
	char msg[HW_ERR_MAX];
	int have_names; /* an ids file was set (else libpci would read the host's) */
	int names_fd;   /* the memory file holding the part of it we need */
	int in_names;   /* inside a name lookup: an error is the ids file's */
	FILE *dump_copy; /* the checked copy of a dump that libpci reads */
} cb;

static void PCI_NONRET on_error(char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cb.msg, sizeof cb.msg, fmt, ap);
	va_end(ap);
	longjmp(cb.env, 1);
}

static void on_warning(char *fmt, ...)
{
	char buf[HW_ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	hw_warn(cb.e, "pci: %s", buf);
}

static void on_debug(char *fmt, ...)
{
	(void)fmt;
}

static int detect(const struct probe_src *src)
{
	return !probe_src_recorded(src) || src->lspci || src->pci_dump || src->root ||
	       probe_inv(src, INV_PCI);
}

static const char *lookup(struct pci_access *pacc, char *buf, int flags, ...)
{
	va_list ap;
	char *r;

	if (!cb.have_names)
		return NULL;
	cb.in_names = 1;
	/* pci_lookup_name() is variadic itself, so spell out the cases */
	va_start(ap, flags);
	if (flags & PCI_LOOKUP_SUBSYSTEM) {
		unsigned v = va_arg(ap, unsigned), d = va_arg(ap, unsigned);
		unsigned sv = va_arg(ap, unsigned), sd = va_arg(ap, unsigned);
		r = pci_lookup_name(pacc, buf, NAME_MAX_LEN, flags | PCI_LOOKUP_NO_NUMBERS, v, d,
				    sv, sd);
	} else if (flags & PCI_LOOKUP_DEVICE) {
		unsigned v = va_arg(ap, unsigned), d = va_arg(ap, unsigned);
		r = pci_lookup_name(pacc, buf, NAME_MAX_LEN, flags | PCI_LOOKUP_NO_NUMBERS, v, d);
	} else {
		unsigned v = va_arg(ap, unsigned);
		r = pci_lookup_name(pacc, buf, NAME_MAX_LEN, flags | PCI_LOOKUP_NO_NUMBERS, v);
	}
	va_end(ap);
	cb.in_names = 0;
	return r;
}

static void add_device(struct pci_access *pacc, struct pci_dev *d, struct bom *bom)
{
	char vn[NAME_MAX_LEN], dn[NAME_MAX_LEN], svn[NAME_MAX_LEN], sdn[NAME_MAX_LEN],
		cn[NAME_MAX_LEN];
	int known = pci_fill_info(d, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_CLASS_EXT |
					     PCI_FILL_SUBSYS);
	int ext = (known & PCI_FILL_CLASS_EXT) != 0;
	struct pci_fn f = {
		.domain = (unsigned)d->domain, .bus = d->bus, .dev = d->dev, .func = d->func,
		.vendor = d->vendor_id, .device = d->device_id,
		.subvendor = (known & PCI_FILL_SUBSYS) ? d->subsys_vendor_id : -1,
		.subdevice = (known & PCI_FILL_SUBSYS) ? d->subsys_id : -1,
		.class_id = d->device_class, .progif = ext ? d->prog_if : 0,
		.rev = ext ? d->rev_id : -1,
	};

	f.vendor_name = lookup(pacc, vn, PCI_LOOKUP_VENDOR, d->vendor_id);
	f.device_name = lookup(pacc, dn, PCI_LOOKUP_DEVICE, d->vendor_id, d->device_id);
	if (f.subvendor > 0) {
		f.subvendor_name = lookup(pacc, svn, PCI_LOOKUP_VENDOR, d->subsys_vendor_id);
		f.subdevice_name = lookup(pacc, sdn, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_DEVICE,
					  d->vendor_id, d->device_id, d->subsys_vendor_id,
					  d->subsys_id);
	}
	f.class_name = lookup(pacc, cn, PCI_LOOKUP_CLASS, d->device_class);
	pci_component_add(bom, &f);
}

static int is_dir(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return 0;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return 0;
	}
	return 1;
}

/* libpci's dump method on a checked copy of the dump at file. */
static int setup_dump(struct pci_access *pacc, const char *file, struct bom *bom, char **path,
		      struct hw_err *e)
{
	/* libpci reads a checked copy holding only what it needs */
	int fd = memfd_create("hwbom-pci-dump", MFD_CLOEXEC);
	FILE *copy = fd < 0 ? NULL : fdopen(fd, "w");

	if (!copy) {
		if (fd >= 0)
			close(fd);
		return hw_fail(e, "cannot make a memory file: %s", strerror(errno));
	}
	if (pci_dump_normalize(file, copy, e) < 0) {
		fclose(copy);
		return -1;
	}
	cb.dump_copy = copy;
	*path = xasprintf("/proc/self/fd/%d", fd);
	pacc->method = PCI_ACCESS_DUMP;
	pci_set_param(pacc, "dump.name", *path);
	bom_set_coverage(bom, "pci", "read", "lspci -x dump");
	return 0;
}

/* Choose the access method; 0 to go on, 1 when the source is absent
 * (coverage already set), -1 on error. *path is set to what libpci reads
 * (the dump's checked copy, or the sysfs directory). Under --root, a tree
 * without sys/bus/pci/devices is read from its pci.dump if it has one (a
 * capture's lspci -xxx dump: hwbom capture). */
static int setup(struct pci_access *pacc, const struct probe_src *src, struct bom *bom,
		 char **path, struct hw_err *e)
{
	if (src->lspci || probe_inv(src, INV_PCI))
		return 0; /* text: no access method, only names */
	if (src->pci_dump)
		return setup_dump(pacc, src->pci_dump, bom, path, e);
	if (src->root) {
		char *devices, *dump;
		int rc;

		if (!is_dir(src->root))
			return hw_fail(e, "%s: %s", src->root, strerror(errno));
		devices = xasprintf("%s/sys/bus/pci/devices", src->root);
		if (!is_dir(devices)) {
			free(devices);
			dump = xasprintf("%s/pci.dump", src->root);
			if (access(dump, F_OK) == 0) {
				rc = setup_dump(pacc, dump, bom, path, e);
				free(dump);
				return rc;
			}
			free(dump);
			bom_set_coverage(bom, "pci", "absent", "no sys/bus/pci/devices in the tree");
			return 1;
		}
		if (pci_check_sysfs(devices, e) < 0) {
			free(devices);
			return -1;
		}
		free(devices);
		*path = xasprintf("%s/sys/bus/pci", src->root);
		pacc->method = PCI_ACCESS_SYS_BUS_PCI;
		pci_set_param(pacc, "sysfs.path", *path);
		bom_set_coverage(bom, "pci", "read", "sysfs tree");
		return 0;
	}
	bom_set_coverage(bom, "pci", "read", "live");
	return 0;
}

/* The devices, sorted; on the heap so that a longjmp() from libpci in the
 * middle of filling them leaves nothing in registers to lose. */
struct devlist {
	struct pci_dev **devs;
	size_t n, cap;
};

/* Give libpci the part of the ids file these vendors need; -1 if the file
 * is malformed. */
static int set_names(struct pci_access *pacc, const struct probe_src *src,
		     const uint16_t *vendors, size_t n, struct hw_err *e)
{
	char path[64];

	cb.have_names = src->pci_ids && access(src->pci_ids, R_OK) == 0;
	if (!cb.have_names) {
		if (src->pci_ids)
			hw_warn(e, "pci: %s: %s; devices will have no names", src->pci_ids,
				strerror(errno));
		return 0;
	}
	cb.names_fd = pci_names_subset(src->pci_ids, vendors, n, e);
	if (cb.names_fd < 0)
		return -1;
	snprintf(path, sizeof path, "/proc/self/fd/%d", cb.names_fd);
	pci_set_name_list_path(pacc, xstrdup(path), 1); /* libpci frees it */
	return 0;
}

static int set_dev_names(struct pci_access *pacc, const struct probe_src *src,
			 struct devlist *dl, struct hw_err *e)
{
	uint16_t *vendors = xcalloc(2 * dl->n + 1, sizeof *vendors);
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < dl->n; i++) {
		vendors[n++] = dl->devs[i]->vendor_id;
		vendors[n++] = dl->devs[i]->subsys_vendor_id;
	}
	rc = set_names(pacc, src, vendors, n, e);
	free(vendors);
	return rc;
}

static int scan(struct pci_access *pacc, const struct probe_src *src, struct devlist *dl,
		struct bom *bom, struct hw_err *e)
{
	pci_init(pacc);
	pci_scan_bus(pacc);
	/* libpci links devices in reverse order of discovery: sort them */
	for (struct pci_dev *d = pacc->devices; d; d = d->next) {
		pci_fill_info(d, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_CLASS_EXT |
					 PCI_FILL_SUBSYS);
		GROW(dl->devs, dl->cap, dl->n);
		dl->devs[dl->n++] = d;
	}
	if (dl->n > 1)
		qsort(dl->devs, dl->n, sizeof *dl->devs, pci_dev_cmp);
	if (set_dev_names(pacc, src, dl, e) < 0)
		return -1;
	for (size_t i = 0; i < dl->n; i++)
		add_device(pacc, dl->devs[i], bom);
	if (!dl->n)
		bom_set_coverage(bom, "pci", "absent", "no PCI devices found");
	return 0;
}

/* Where a names-only header line prints "VENDOR DEVICE" as one string, the
 * longest vendor name of pci.ids it begins with (then a blank) tells the
 * two apart; *rest is the device's part. NULL if none does. */
static const char *vendor_prefix(char **vendors, size_t nv, const char *s, const char **rest)
{
	const char *best = NULL;
	size_t blen = 0;

	for (size_t i = 0; s && i < nv; i++) {
		size_t n = strlen(vendors[i]);

		if (n > blen && !strncmp(s, vendors[i], n) && (s[n] == ' ' || !s[n])) {
			best = vendors[i];
			blen = n;
		}
	}
	if (best)
		*rest = s[blen] ? s + blen + 1 : NULL;
	return best;
}

static int lspci_cmp(const void *pa, const void *pb)
{
	const struct lspci_dev *a = *(struct lspci_dev *const *)pa;
	const struct lspci_dev *b = *(struct lspci_dev *const *)pb;

	if (a->domain != b->domain)
		return a->domain < b->domain ? -1 : 1;
	if (a->bus != b->bus)
		return a->bus < b->bus ? -1 : 1;
	if (a->dev != b->dev)
		return a->dev < b->dev ? -1 : 1;
	return a->func < b->func ? -1 : a->func > b->func;
}

/* One function of lspci text: numeric ids take their names from pci.ids as
 * a dump's do; names without ids are kept as lspci printed them. */
static void add_lspci_device(struct pci_access *pacc, const struct lspci_text *t,
			     const struct lspci_dev *d, char **vendors, size_t nv,
			     const char *no_subsystem, struct bom *bom)
{
	char vn[NAME_MAX_LEN], dn[NAME_MAX_LEN], svn[NAME_MAX_LEN], sdn[NAME_MAX_LEN],
		cn[NAME_MAX_LEN];
	struct pci_fn f = {
		.domain = d->domain, .bus = d->bus, .dev = d->dev, .func = d->func,
		.vendor = d->vendor, .device = d->device, .subvendor = d->subvendor,
		.subdevice = d->subdevice, .class_id = d->class_id, .progif = d->progif,
		.rev = d->rev,
	};
	struct bom_component *c;

	if (d->vendor >= 0) {
		f.vendor_name = lookup(pacc, vn, PCI_LOOKUP_VENDOR, (unsigned)d->vendor);
		f.device_name = lookup(pacc, dn, PCI_LOOKUP_DEVICE, (unsigned)d->vendor,
				       (unsigned)d->device);
	} else if (d->vendor_name) {
		f.vendor_name = d->vendor_name;
		f.device_name = d->device_name;
	} else if (!(f.vendor_name = vendor_prefix(vendors, nv, d->vendor_device,
						   &f.device_name))) {
		f.vendor_device = d->vendor_device;
	}
	if (d->subvendor > 0 && d->subdevice >= 0 && d->vendor >= 0) {
		f.subvendor_name = lookup(pacc, svn, PCI_LOOKUP_VENDOR, (unsigned)d->subvendor);
		f.subdevice_name = lookup(pacc, sdn, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_DEVICE,
					  (unsigned)d->vendor, (unsigned)d->device,
					  (unsigned)d->subvendor, (unsigned)d->subdevice);
	} else if (d->subvendor > 0 && d->subdevice >= 0) {
		f.subvendor_name = lookup(pacc, svn, PCI_LOOKUP_VENDOR, (unsigned)d->subvendor);
	} else if (d->subvendor_name) {
		f.subvendor_name = d->subvendor_name;
		f.subdevice_name = d->subdevice_name;
	} else if (!(f.subvendor_name = vendor_prefix(vendors, nv, d->subsystem,
						      &f.subdevice_name))) {
		f.subsystem = d->subsystem;
	}
	f.class_name = d->class_id >= 0 ? lookup(pacc, cn, PCI_LOOKUP_CLASS, (unsigned)d->class_id)
					: d->class_name;
	c = pci_component_add(bom, &f);
	if (!t->subsystems)
		bom_add_cprop(c, "pci.subsystem", no_subsystem);
	if (d->driver)
		bom_add_cprop(c, "pci.driver", d->driver);
}

static void lspci_coverage(const struct lspci_text *t, struct bom *bom)
{
	const char *how = t->layout == LSPCI_MACHINE  ? "lspci -vmm text"
			  : t->layout == LSPCI_QUOTED ? "lspci -mm text"
						      : "lspci text";
	char *detail;

	if (t->layout == LSPCI_TREE)
		detail = xasprintf("lspci -t tree: addresses, and names%s of the last function "
				   "of each branch; no classes, subsystems or revisions",
				   t->numeric ? " and numeric ids" : "");
	else if (!t->numeric)
		detail = xasprintf("%s with names only, no numeric ids (no -nn): makers matched "
				   "by name", how);
	else if (!t->subsystems)
		detail = xasprintf("%s with numeric ids, without subsystems (no -v): card "
				   "assemblers unread", how);
	else if (t->cut)
		detail = xasprintf("%s with numeric ids; %u lines cut short by lspci lost theirs: "
				   "those makers matched by name", how, t->cut);
	else
		detail = xasprintf("%s with numeric ids", how);
	bom_set_coverage(bom, "pci", t->numeric && t->subsystems && !t->cut ? "read" : "partial",
			 detail);
	free(detail);
}

/* --lspci FILE: the functions of lspci's text (lspci_text.h). */
static int scan_lspci(struct pci_access *pacc, const struct probe_src *src,
		      struct lspci_text *t, struct bom *bom, struct hw_err *e)
{
	const char *no_subsystem = "unread";
	const struct lspci_dev **v;
	uint16_t *ids;
	char **vendors = NULL;
	size_t nv = 0, n = 0;
	int rc, names = 0;

	if (probe_inv(src, INV_PCI)) {
		/* an inventory's functions: t is a copy of its table, not owned */
		*t = src->inv->pci;
		/* a source that never shows subsystems: the card assembler is
		 * unseen (its coverage says so), not unknown */
		no_subsystem = "unseen";
	} else if (lspci_text_load(src->lspci, t, e) < 0) {
		return -1;
	}
	v = xcalloc(t->n + 1, sizeof *v);
	ids = xcalloc(2 * t->n + 1, sizeof *ids);
	for (size_t i = 0; i < t->n; i++) {
		const struct lspci_dev *d = &t->devs[i];

		v[i] = d;
		if (d->vendor >= 0)
			ids[n++] = (uint16_t)d->vendor;
		if (d->subvendor >= 0)
			ids[n++] = (uint16_t)d->subvendor;
		names |= (d->vendor < 0 && !d->vendor_name) || d->subsystem;
	}
	qsort(v, t->n, sizeof *v, lspci_cmp);
	rc = n ? set_names(pacc, src, ids, n, e) : 0;
	free(ids);
	if (!rc && names && src->pci_ids && pci_names_vendors(src->pci_ids, &vendors, &nv, e) < 0) {
		/* only to tell vendor from device names: go on without */
		hw_warn(e, "pci: %s; vendor and device names are kept together", e->msg);
		e->msg[0] = '\0';
	}
	for (size_t i = 0; !rc && i < t->n; i++)
		add_lspci_device(pacc, t, v[i], vendors, nv, no_subsystem, bom);
	for (size_t i = 0; i < nv; i++)
		free(vendors[i]);
	free(vendors);
	free(v);
	if (!rc && probe_inv(src, INV_PCI))
		inv_coverage(src->inv, INV_PCI, t->n, bom);
	else if (!rc)
		lspci_coverage(t, bom);
	if (probe_inv(src, INV_PCI))
		memset(t, 0, sizeof *t);
	return rc;
}

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	struct pci_access *pacc = pci_alloc();
	struct devlist *dl = xcalloc(1, sizeof *dl);
	struct lspci_text *text = xcalloc(1, sizeof *text);
	char *path = NULL;
	int rc;

	cb.e = e;
	cb.in_names = 0;
	cb.have_names = 0;
	cb.names_fd = -1;
	cb.dump_copy = NULL;
	pacc->error = on_error;
	pacc->warning = on_warning;
	pacc->debug = on_debug;
	/* names from the ids file alone: no udev hwdb, no DNS, no ~/.pciids-cache */
	pacc->id_lookup_mode = PCI_LOOKUP_NO_HWDB;
	pci_set_param(pacc, "hwdb.disable", "1");

	rc = setup(pacc, src, bom, &path, e);
	if (rc != 0) {
		rc = rc < 0 ? -1 : 0;
		goto out;
	}
	if (setjmp(cb.env)) {
		/* libpci gave up: on input the user named (or a broken ids
		 * file) that is an error, on the live machine it is coverage */
		if (cb.in_names) {
			/* libpci's message names the ids file and line */
			rc = hw_fail(e, "%s", cb.msg);
		} else if (probe_src_recorded(src)) {
			rc = hw_fail(e, "%s: %s", src->pci_dump ? src->pci_dump : path, cb.msg);
		} else {
			bom_set_coverage(bom, "pci", "error", cb.msg);
			hw_warn(e, "pci: %s", cb.msg);
			rc = 0;
		}
		goto out;
	}
	rc = src->lspci || probe_inv(src, INV_PCI) ? scan_lspci(pacc, src, text, bom, e)
				    : scan(pacc, src, dl, bom, e);
out:
	lspci_text_free(text);
	free(text);
	free(dl->devs);
	free(dl);
	free(path);
	pci_cleanup(pacc);
	if (cb.dump_copy)
		fclose(cb.dump_copy);
	if (cb.names_fd >= 0)
		close(cb.names_fd);
	return rc;
}

/* For hwbom capture: libpci reads a function's config only when the
 * kernel's revision or subsystem attributes are missing (old kernels). */
static int capture_keep(const char *root, const char *rel)
{
	static const char *const attrs[] = {"revision", "subsystem_vendor", "subsystem_device"};
	size_t n = strlen(rel);
	int keep = 0;

	if (n < 7 || strcmp(rel + n - 7, "/config"))
		return 1;
	for (size_t i = 0; !keep && i < sizeof attrs / sizeof *attrs; i++) {
		char *path = xasprintf("%s/%.*s/%s", root, (int)(n - 7), rel, attrs[i]);

		keep = access(path, F_OK) != 0;
		free(path);
	}
	return keep;
}

/* What run() reads under --root, for hwbom capture (probe.h). */
static const char *const pci_reads[] = {
	"sys/bus/pci/devices/",
	/* libpci reads these; config only where one of the last three is missing */
	"sys/bus/pci/devices/*/{vendor,device,class,revision,subsystem_vendor,subsystem_device}",
	"sys/bus/pci/devices/*/config",
	NULL,
};

const struct probe_ops probe_pci = {
	.name = "pci",
	.help = "PCI functions through libpci: live, lspci -x dumps, sysfs trees; lspci text",
	.detect = detect,
	.run = run,
	.reads = pci_reads,
	.capture_keep = capture_keep,
};
