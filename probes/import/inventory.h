/* inventory.h - what another tool's inventory of a machine says, in the
 * forms the probes already build components from.
 *
 * lshw, hwinfo and GLPI inventories each describe PCI functions, USB
 * devices, SMBIOS records, disks, network interfaces and displays at once.
 * Their readers (probes/import/) put those facts in the structures the
 * per-source readers fill (struct lspci_dev for the pci probe, struct
 * usb_dev for usb, struct dmi_rec for dmi) or in the small records below,
 * and each probe builds the components from them as from its own sources:
 * the same machine gives the same components from every source, as far as
 * each format carries the facts. */
#ifndef HWBOM_INVENTORY_H
#define HWBOM_INVENTORY_H

#include <stddef.h>

#include "../../output/err.h"
#include "../display/edid.h"
#include "../dmi/dmi_build.h"
#include "../pci/lspci_text.h"
#include "../usb/usb_desc.h"

/* The probes an inventory feeds, in the order of their coverage. */
enum inv_src { INV_DMI, INV_PCI, INV_USB, INV_STORAGE, INV_NET, INV_DISPLAY, INV_NSRC };

/* The probe name of each (the coverage source). */
extern const char *const inv_src_name[INV_NSRC];

struct inv_disk {
	char *loc;                     /* the location: the kernel name (sda, nvme0n1), else NULL */
	char *vendor, *model, *serial; /* as the inventory gives them, or NULL */
	char *firmware;
	const char *bus; /* "nvme", "scsi", "ata", ... or NULL */
	char *pci;       /* the PCI function it sits on, "0000:03:00.0", or NULL */
};

struct inv_nic {
	char *iface;  /* interface name (eth0), or NULL */
	char mac[13]; /* 12 lower-case hex digits */
	char *pci;    /* the PCI function it is, "0000:02:00.0", or NULL */
	char *driver;
};

struct inv_display {
	char *loc;           /* a name for it: connector or caption */
	struct edid_info ei; /* from the EDID bytes, or the fields a tool decoded */
};

struct inventory {
	const char *format; /* static: "lshw -xml", "hwinfo", "GLPI inventory JSON" */
	char *name;         /* the machine's name in the inventory, or NULL */
	/* Per probe: whether the format shows that kind of fact at all (a
	 * source it cannot show is not probed), and what this inventory
	 * could not show of it (the coverage becomes partial), or NULL. */
	int carries[INV_NSRC];
	char *lacks[INV_NSRC];
	/* devices seen and not made into components (USB without ids) */
	unsigned dropped[INV_NSRC];
	/* Roles this inventory could not witness although it read their
	 * source (lshw without subsystem ids: card-assembler), comma-
	 * separated, or NULL: their coverage is "unseen", not unknown. */
	char *unseen;

	struct lspci_text pci; /* numeric, subsystems as lspci_text.h says */
	struct usb_dev *usb;
	size_t nusb, capusb;
	struct dmi_rec *dmi;
	size_t ndmi, capdmi;
	struct inv_disk *disk;
	size_t ndisk, capdisk;
	struct inv_nic *nic;
	size_t nnic, capnic;
	struct inv_display *disp;
	size_t ndisp, capdisp;

	char **pool; /* strings the dmi records point to */
	size_t npool, cappool;
};

/* Largest inventory file read. */
#define INV_FILE_MAX (64u << 20)

/* A copy of s, trimmed of surrounding blanks and sanitised, owned by inv;
 * NULL for NULL or blanks only. */
const char *inv_str(struct inventory *inv, const char *s);
/* The same, and a heap copy for fields the caller frees (via
 * inventory_free). */
char *inv_dup(const char *s);

/* New records, zeroed (a dmi record initialised for type), owned by inv. */
struct lspci_dev *inv_add_pci(struct inventory *inv);
struct usb_dev *inv_add_usb(struct inventory *inv);
struct dmi_rec *inv_add_dmi(struct inventory *inv, unsigned type);
struct inv_disk *inv_add_disk(struct inventory *inv);
struct inv_display *inv_add_display(struct inventory *inv);
/* A NIC of the MAC address s (any of "aa:bb:..", "aa-bb-..", "aabb.."),
 * or NULL, adding nothing, when s is no MAC address. */
struct inv_nic *inv_add_nic(struct inventory *inv, const char *s);

/* Add a note to what the inventory lacks of source src. */
void inv_lack(struct inventory *inv, enum inv_src src, const char *what);

/* "pci@0000:00:1f.3", "0000:00:1f.3", "00:1f.3" -> d's address; -1 if s is
 * none. */
int inv_pci_addr(const char *s, struct lspci_dev *d);

/* Set the coverage of probe src (n the components it gave): "read", or
 * "partial" when the inventory lacks some of its facts, or "absent" when it
 * listed none; the detail names the format and what it lacked. */
struct bom;
void inv_coverage(const struct inventory *inv, enum inv_src src, size_t n, struct bom *bom);

/* Free everything inv holds (not inv itself). */
void inventory_free(struct inventory *inv);

/* The whole file at path, NUL-terminated (*len without the NUL), at most
 * INV_FILE_MAX bytes; NULL with e naming path. Free with free(). */
char *inv_read_file(const char *path, size_t *len, struct hw_err *e);

/* The inventory importers, by the option that names them. Each reads the
 * file at path into inv (zeroed by the caller); -1 with e naming the file
 * and the line (or the JSON path) of the first fault. */
int lshw_load(const char *path, struct inventory *inv, struct hw_err *e);
int hwinfo_load(const char *path, struct inventory *inv, struct hw_err *e);
int glpi_load(const char *path, struct inventory *inv, struct hw_err *e);

/* The same on len bytes at buf (NUL-terminated), reported as path: for the
 * tests and fuzzers. */
int lshw_parse(const char *path, const char *buf, size_t len, struct inventory *inv,
               struct hw_err *e);
int hwinfo_parse(const char *path, const char *buf, size_t len, struct inventory *inv,
                 struct hw_err *e);
int glpi_parse(const char *path, const char *buf, size_t len, struct inventory *inv,
               struct hw_err *e);

#endif
