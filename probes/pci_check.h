/* pci_check.h - check recorded PCI input before libpci reads it.
 *
 * libpci stops at bad input with a message that names neither the file nor
 * the line ("dump: Malformed line"), or reads a short record as ffff. These
 * checks follow libpci's own grammar (lib/dump.c, lib/sysfs.c) and report
 * the first fault as "FILE:LINE: what is wrong". */
#ifndef HWBOM_PCI_CHECK_H
#define HWBOM_PCI_CHECK_H

#include "../output/err.h"

/* The first 64 bytes hold every identifier we read (vendor to subsystem). */
#define PCI_CHECK_MIN_BYTES 64

/* An `lspci -x`, `-xxx` or `-xxxx` dump (verbose text between is allowed):
 * lines libpci can take, every device with at least PCI_CHECK_MIN_BYTES of
 * configuration space, at least one device. */
int pci_check_dump(const char *path, struct hw_err *e);

/* A sysfs devices directory: every entry named dddd:bb:dd.f with readable
 * vendor, device and class files holding hex numbers. */
int pci_check_sysfs(const char *devices, struct hw_err *e);

#endif
