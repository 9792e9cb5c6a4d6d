/* lspci_text.h - read the text lspci prints, for machines known only by it.
 *
 * Fleets keep `lspci` output in their inventories; this reads it without
 * hwbom ever running on the machine. Four layouts, told apart by their
 * first record:
 *
 *   header lines, as `lspci`, `-n`, `-nn`, `-nnv`..`-nnvvv`, `-nnk` print them
 *     [DOMAIN:]BB:DD.F CLASS [cccc]: VENDOR DEVICE [vvvv:dddd] (rev rr) (prog-if pp [NAME])
 *     <TAB>Subsystem: NAME [ssvv:ssdd]
 *     <TAB>Kernel driver in use: DRIVER
 *   (other indented lines, hex dump lines and blank lines are passed over);
 *
 *   quoted lines, as `-m`, `-mm`, `-mmnn` print them
 *     [DOMAIN:]BB:DD.F "CLASS [cccc]" "VENDOR [vvvv]" "DEVICE [dddd]" -rRR -pPP "SVENDOR [ssvv]" "SDEVICE [ssdd]"
 *
 *   the tree of `-t`, `-tv`, `-tvnn`: addresses, and for the last function
 *     of each line its name and ids; no class, subsystem or revision
 *
 *   machine records, as `-vmm`, `-vmmnn`, `-vmmnnk` print them
 *     Slot: / Class: / Vendor: / Device: / SVendor: / SDevice: / Rev: /
 *     ProgIf: / Driver: ...  TAG<TAB>VALUE, one record per function, a blank
 *   line between (older lspci wrote the slot as the record's first Device:).
 *
 * Numeric ids are read where the text has them (`[8086:1533]`, `[0200]`,
 * `Vendor: Intel Corporation [8086]`, or bare hex with -n). Without them
 * (plain `lspci`, `lspci -vmm`) the names are kept as they are and no id is
 * made up. lspci prints the revision only when it is not 0, and the
 * programming interface only with -v or -vmm (then when it is not 0): the
 * parser follows that, and says what the text could not tell.
 *
 * The input is hostile: every line is bounded, NUL bytes and lines that are
 * no lspci output are errors naming the file and the line. */
#ifndef HWBOM_LSPCI_TEXT_H
#define HWBOM_LSPCI_TEXT_H

#include <stddef.h>

#include "../../output/err.h"

/* Longest line read; lspci's own are far shorter. */
#define LSPCI_LINE_MAX 4096

struct lspci_dev {
	unsigned line; /* where its record starts */
	unsigned domain, bus, dev, func;
	/* Numeric fields: -1 where the text did not give them. class is the
	 * base class and subclass (16 bits). */
	long vendor, device, subvendor, subdevice, class_id, progif, rev;
	/* Names as the text gives them, or NULL. A header line prints the
	 * vendor and the device as one string (vendor_device); machine
	 * records print them apart (vendor_name, device_name); a Subsystem:
	 * line likewise prints one string (subsystem), SVendor: and SDevice:
	 * two. */
	char *class_name, *vendor_name, *device_name, *vendor_device;
	char *subvendor_name, *subdevice_name, *subsystem;
	char *driver; /* "Kernel driver in use:" or "Driver:" (-k), or NULL */
};

enum lspci_layout {
	LSPCI_HEADERS, /* lspci [-n[n]] [-v..] [-k] */
	LSPCI_MACHINE, /* lspci -vmm [-n[n]] [-k] */
	LSPCI_QUOTED,  /* lspci -m / -mm [-n[n]]: one line a function */
	LSPCI_TREE,    /* lspci -t [-v] [-n[n]]: addresses, the last of a line named */
};

struct lspci_text {
	struct lspci_dev *devs; /* in file order */
	size_t n, cap;
	enum lspci_layout layout;
	int numeric;    /* 1 if the text gives numeric ids, 0 if names only */
	unsigned cut;   /* lines lspci cut short ("..."): ids lost, names kept */
	int subsystems; /* 1 if a function without a subsystem line has none
			 * (-v, -k, -vmm); 0 when the text never shows them
			 * (lspci -nn alone) */
};

/* Parse len bytes of lspci output, reported as name; fills t (zeroed by
 * the caller). -1 with "NAME:LINE: ..." in e on the first fault: a line no
 * lspci prints, an id that is not hex, a record without its slot, vendor,
 * device or class, a slot seen twice, a file with no function at all. */
int lspci_text_parse(const char *name, const char *buf, size_t len, struct lspci_text *t,
		     struct hw_err *e);
/* The same on the file at path. */
int lspci_text_load(const char *path, struct lspci_text *t, struct hw_err *e);
void lspci_text_free(struct lspci_text *t);

#endif
