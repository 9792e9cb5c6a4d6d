/* roles.c - the role vocabulary (DESIGN.md §5). A source listed here that has
 * no probe yet is simply never covered, so a policy reaching its role says
 * "unknown" rather than "clean". */
#include "roles.h"

#include <stddef.h>
#include <string.h>

#define SOURCES(...) ((const char *const[]){__VA_ARGS__, NULL})

const struct role roles[] = {
	{"chip-vendor", PART_MAKER, "PCI vendor ID", SOURCES("pci")},
	{"card-assembler", PART_ASSEMBLER, "PCI subsystem vendor ID", SOURCES("pci")},
	{"device-vendor", PART_MAKER, "USB idVendor", SOURCES("usb")},
	{"device-brand", PART_ASSEMBLER, "USB manufacturer string naming another maker",
	 SOURCES("usb")},
	{"system-assembler", PART_MAKER, "SMBIOS type 1 manufacturer", SOURCES("dmi")},
	{"board-maker", PART_MAKER, "SMBIOS type 2 manufacturer", SOURCES("dmi")},
	{"firmware-vendor", PART_MAKER, "SMBIOS type 0 vendor", SOURCES("dmi")},
	{"cpu-designer", PART_MAKER, "CPUID vendor, Arm MIDR implementer", SOURCES("cpu", "dmi")},
	{"module-maker", PART_MAKER, "SMBIOS type 17 or SPD module manufacturer",
	 SOURCES("dmi", "memory")},
	{"die-maker", PART_OTHER, "SPD DRAM manufacturer", SOURCES("memory")},
	{"nic-registrant", PART_MAKER, "MAC OUI", SOURCES("net")},
	{"panel-maker", PART_MAKER, "EDID PNP id", SOURCES("display")},
	{"tpm-maker", PART_MAKER, "TCG TPM vendor id", SOURCES("tpm", "dmi")},
	{"storage-vendor", PART_MAKER, "NVMe/ATA identify", SOURCES("storage")},
	{NULL, PART_OTHER, NULL, NULL},
};

const struct role *role_find(const char *name)
{
	for (const struct role *r = roles; r->name; r++)
		if (!strcmp(r->name, name))
			return r;
	return NULL;
}
