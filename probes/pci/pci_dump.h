/* pci_dump.h - write the PCI functions of a machine as `lspci -xxx` does,
 * through libpci: for hwbom capture, and readable again with --pci-dump,
 * `lspci -F` or libpci's dump method. */
#ifndef HWBOM_PCI_DUMP_H
#define HWBOM_PCI_DUMP_H

#include <stdio.h>

#include "../../output/err.h"

/* Write every PCI function under root (NULL: the live machine through
 * libpci's default method; else root/sys/bus/pci through linux-sysfs) to
 * out: a header line "DDDD:BB:DD.F CCCC: VVVV:DDDD" (the numbers of
 * `lspci -Dn`), then the configuration space as far as it can be read
 * (256 bytes, or the 64 of the standard header without root), 16 bytes a
 * line, and a blank line. A function whose header cannot be read is left
 * out with a warning. Returns the number written, -1 with e set when
 * libpci fails. */
int pci_dump_write(const char *root, FILE *out, struct hw_err *e);

/* qsort() order of struct pci_dev pointers: by domain, bus, device,
 * function, as lspci lists them (pci.c sorts its functions so too). */
int pci_dev_cmp(const void *a, const void *b);

#endif
