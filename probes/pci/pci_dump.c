/* pci_dump.c - lspci -xxx through libpci (see pci_dump.h). */
#include "pci_dump.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <pci/pci.h>

#include "../../output/alloc.h"

/* libpci's callbacks carry no user pointer; its error handler may not
 * return, so it longjmp()s back (as in pci.c). */
static struct {
	jmp_buf env;
	char msg[HW_ERR_MAX];
} cb;

static void PCI_NONRET on_error(char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cb.msg, sizeof cb.msg, fmt, ap);
	va_end(ap);
	longjmp(cb.env, 1);
}

/* libpci's own warnings ("Cannot open .../config") are replaced by ours */
static void on_quiet(char *fmt, ...)
{
	(void)fmt;
}

int pci_dev_cmp(const void *pa, const void *pb)
{
	const struct pci_dev *a = *(struct pci_dev *const *)pa, *b = *(struct pci_dev *const *)pb;

	if (a->domain != b->domain)
		return a->domain < b->domain ? -1 : 1;
	if (a->bus != b->bus)
		return a->bus - b->bus;
	if (a->dev != b->dev)
		return a->dev - b->dev;
	return a->func - b->func;
}

static void write_dev(struct pci_dev *d, FILE *out, struct hw_err *e, int *n)
{
	unsigned char cfg[256];
	int len = 256;

	/* as lspci: the standard header, then the rest if it can be read
	 * (without root, Linux gives only the first 64 bytes) */
	if (!pci_read_block(d, 0, cfg, 64)) {
		hw_warn(e, "%04x:%02x:%02x.%d: configuration space not readable; left out",
		        (unsigned)d->domain, d->bus, d->dev, d->func);
		return;
	}
	if (!pci_read_block(d, 0, cfg, 256))
		len = 64;
	fprintf(out, "%04x:%02x:%02x.%d %02x%02x: %02x%02x:%02x%02x\n", (unsigned)d->domain, d->bus,
	        d->dev, d->func, cfg[11], cfg[10], cfg[1], cfg[0], cfg[3], cfg[2]);
	for (int off = 0; off < len; off += 16) {
		fprintf(out, "%02x:", off);
		for (int i = 0; i < 16; i++)
			fprintf(out, " %02x", cfg[off + i]);
		fputc('\n', out);
	}
	fputc('\n', out);
	(*n)++;
}

/* On the heap: a longjmp() from libpci leaves nothing in registers to lose. */
struct devlist {
	struct pci_dev **devs;
	size_t n, cap;
	int written;
};

int pci_dump_write(const char *root, FILE *out, struct hw_err *e)
{
	struct pci_access *pacc = pci_alloc();
	struct devlist *dl = xcalloc(1, sizeof *dl);
	char *path = NULL;
	int rc;

	pacc->error = on_error;
	pacc->warning = on_quiet;
	pacc->debug = on_quiet;
	pci_set_param(pacc, "hwdb.disable", "1");
	if (root) {
		struct stat st;
		char *devices = xasprintf("%s/sys/bus/pci/devices", root);
		int there = stat(devices, &st) == 0 && S_ISDIR(st.st_mode);

		free(devices);
		if (!there) {
			pci_cleanup(pacc);
			free(dl);
			return 0;
		}
		path = xasprintf("%s/sys/bus/pci", root);
		pacc->method = PCI_ACCESS_SYS_BUS_PCI;
		pci_set_param(pacc, "sysfs.path", path);
	}
	if (setjmp(cb.env)) {
		rc = hw_fail(e, "libpci: %s", cb.msg);
		goto out;
	}
	pci_init(pacc);
	pci_scan_bus(pacc);
	for (struct pci_dev *d = pacc->devices; d; d = d->next) {
		GROW(dl->devs, dl->cap, dl->n);
		dl->devs[dl->n++] = d;
	}
	if (dl->n > 1)
		qsort(dl->devs, dl->n, sizeof *dl->devs, pci_dev_cmp);
	for (size_t i = 0; i < dl->n; i++)
		write_dev(dl->devs[i], out, e, &dl->written);
	rc = dl->written;
out:
	free(dl->devs);
	free(dl);
	free(path);
	pci_cleanup(pacc);
	return rc;
}
