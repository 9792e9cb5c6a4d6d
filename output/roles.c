/* roles.c - the role vocabulary (DESIGN.md §5). A source listed here that has
 * no probe yet is simply never covered, so a policy reaching its role says
 * "unknown" rather than "clean". */
#include "roles.h"

#include <stddef.h>
#include <string.h>

#define SOURCES(...) ((const char *const[]){__VA_ARGS__, NULL})

const struct role roles[] = {
	{"chip-vendor", "PCI vendor ID", SOURCES("pci")},
	{"card-assembler", "PCI subsystem vendor ID", SOURCES("pci")},
	{"device-vendor", "USB idVendor", SOURCES("usb")},
	{"system-assembler", "SMBIOS type 1 manufacturer", SOURCES("dmi")},
	{"board-maker", "SMBIOS type 2 manufacturer", SOURCES("dmi")},
	{"firmware-vendor", "SMBIOS type 0 vendor", SOURCES("dmi")},
	{"cpu-designer", "CPUID vendor, Arm MIDR implementer", SOURCES("cpu", "dmi")},
	{"module-maker", "SMBIOS type 17 or SPD module manufacturer", SOURCES("memory", "dmi")},
	{"die-maker", "SPD DRAM manufacturer", SOURCES("memory")},
	{"nic-registrant", "MAC OUI", SOURCES("net")},
	{"panel-maker", "EDID PNP id", SOURCES("display")},
	{"tpm-maker", "TCG TPM vendor id", SOURCES("tpm", "dmi")},
	{"storage-vendor", "NVMe/ATA identify", SOURCES("storage")},
	{NULL, NULL, NULL},
};

const struct role *role_find(const char *name)
{
	for (const struct role *r = roles; r->name; r++)
		if (!strcmp(r->name, name))
			return r;
	return NULL;
}
