/* tpm_vendor.h - a TPM's manufacturer id: from a TPM 1.2's sysfs caps, and
 * the TPM2_GetCapability(TPM_PT_MANUFACTURER) exchange of a TPM 2.0. The id
 * is four ASCII bytes (TCG vendor id registry), trailing NULs dropped. */
#ifndef HWBOM_TPM_VENDOR_H
#define HWBOM_TPM_VENDOR_H

#include <stddef.h>

/* From "Manufacturer: 0x49465800" in a caps file; 0 if found. */
int tpm12_parse_caps(const char *caps, size_t len, char vendor[5]);

/* The 22-byte command: TPM2_GetCapability(TPM_CAP_TPM_PROPERTIES,
 * TPM_PT_MANUFACTURER, 1). */
void tpm2_getcap_manufacturer(unsigned char cmd[22]);

/* Its response of len bytes; 0 and vendor filled when it is a success that
 * holds the property, -1 otherwise (every length checked). */
int tpm2_parse_manufacturer(const unsigned char *rsp, size_t len, char vendor[5]);

#endif
