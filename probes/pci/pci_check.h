/* pci_check.h - check recorded PCI input before libpci reads it.
 *
 * libpci stops at bad input with a message that names neither the file nor
 * the line ("dump: Malformed line"), or reads a short record as ffff. These
 * checks follow libpci's own grammar (lib/dump.c, lib/sysfs.c) and report
 * the first fault as "FILE:LINE: what is wrong". */
#ifndef HWBOM_PCI_CHECK_H
#define HWBOM_PCI_CHECK_H

#include <stdio.h>

#include "../../output/err.h"

/* The first 64 bytes hold every identifier we read (vendor to subsystem). */
#define PCI_CHECK_MIN_BYTES 64

/* An `lspci -x`, `-xxx` or `-xxxx` dump (verbose text between is allowed):
 * hex lines libpci can take, every device with at least
 * PCI_CHECK_MIN_BYTES of configuration space, at least one device. */
int pci_check_dump(const char *path, struct hw_err *e);

/* The same check, writing to out what libpci needs of the dump: each
 * device's address line and its hex lines. Text lines (device names,
 * lspci -v output) are left out, so that none can exceed libpci's line
 * buffer: `lspci -nn` names alone reach it. */
int pci_dump_normalize(const char *path, FILE *out, struct hw_err *e);

/* A sysfs devices directory: every entry named dddd:bb:dd.f with readable
 * vendor, device and class files holding hex numbers. */
int pci_check_sysfs(const char *devices, struct hw_err *e);

#endif
