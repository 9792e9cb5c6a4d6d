/* pci_names.h - the part of pci.ids a scan needs.
 *
 * libpci parses the whole of pci.ids (1.3 MB, some 40,000 lines) into a
 * hash on the first name lookup: about 5 ms, more than half of a live scan.
 * A scan needs the blocks of a handful of vendors, so this copies those
 * blocks (and the class section) into a memory file for libpci to parse
 * instead. The names are libpci's, from the same file; only the parse is
 * smaller. */
#ifndef HWBOM_PCI_NAMES_H
#define HWBOM_PCI_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "../../output/err.h"

/* Write to a new memory file the header comments, the block of every vendor
 * in vendors[0..n) (its line and the device and subsystem lines under it)
 * and the class section of the pci.ids at path. Returns the file's
 * descriptor (close it once libpci has read it), or -1 with e set. */
int pci_names_subset(const char *path, const uint16_t *vendors, size_t n, struct hw_err *e);

/* The names of the vendors of the pci.ids at path (its unindented
 * "vvvv  NAME" lines), for telling vendor from device where lspci printed
 * them as one string. *names (free each and the array with free()) holds *n
 * of them; -1 with e set if the file cannot be read. */
int pci_names_vendors(const char *path, char ***names, size_t *n, struct hw_err *e);

#endif
