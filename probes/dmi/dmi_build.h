/* dmi_build.h - SMBIOS structures as hwbom keeps them, and the components
 * made of them. Two readers fill the same form: dmi.c from the binary
 * tables (smbios.c), dmidecode_text.c from dmidecode's printout; one
 * builder turns it into components, so the same machine gives the same BOM
 * either way. Field names follow DMTF DSP0134 3.7. */
#ifndef HWBOM_DMI_BUILD_H
#define HWBOM_DMI_BUILD_H

#include "../../output/bom.h"

/* The string fields kept (NULL: the structure has none: index 0, an index
 * past its strings, or a structure too short for the field). */
enum dmi_str {
	DMI_MANUFACTURER, /* 0: vendor; 1, 2, 3, 4, 17: manufacturer */
	DMI_PRODUCT,      /* 1, 2: product name */
	DMI_VERSION,      /* 0, 1, 2, 3, 4: version */
	DMI_SERIAL,       /* 1, 2, 3, 4, 17: serial number */
	DMI_DATE,         /* 0: release date */
	DMI_SKU,          /* 1 */
	DMI_FAMILY,       /* 1: the family string */
	DMI_SOCKET,       /* 4: socket designation */
	DMI_PART,         /* 4, 17: part number */
	DMI_LOCATOR,      /* 17: device locator */
	DMI_BANK,         /* 17: bank locator */
	DMI_DESCRIPTION,  /* 43 */
	DMI_NSTR
};

/* The numeric fields kept; DMI_NONE when absent. */
enum dmi_num {
	DMI_CHASSIS_TYPE, /* 3: §7.4.1, lock bit cleared */
	DMI_POPULATED,    /* 4: 1 or 0 (status bit 6) */
	DMI_CPU_FAMILY,   /* 4: §7.5.2, Processor Family 2 when it applies */
	DMI_CPU_SIGNATURE,/* 4: the first dword of the processor ID */
	DMI_SIZE_MB,      /* 17: DMI_NONE no module; DMI_SIZE_UNKNOWN */
	DMI_MEM_TYPE,     /* 17: §7.18.2 */
	DMI_MODULE_ID,    /* 17: §7.18.8 module manufacturer id word, 0 none */
	DMI_TPM_SPEC,     /* 43: major specification version */
	DMI_NNUM
};

#define DMI_NONE (-1LL)
#define DMI_HANDLE_NONE 0x10000u /* a source that does not show the handle */
#define DMI_TYPE_NONE 0x100u /* a structure too short to build anything of */
#define DMI_SIZE_UNKNOWN (-2LL)
#define DMI_MAX_OEM 255

struct dmi_rec {
	unsigned type, handle;
	const char *str[DMI_NSTR];
	long long num[DMI_NNUM];
	char uuid[37];       /* 1: lower-case, "" when none */
	char tpm_vendor[5];  /* 43: the TCG vendor id, "" when none */
	char tpm_fw[32];     /* 43: firmware version, "" when none */
	const char *oem[DMI_MAX_OEM]; /* 11 */
	int noem;
};

/* Empty r, for a structure of type and handle. */
void dmi_rec_init(struct dmi_rec *r, unsigned type, unsigned handle);

/* The state of one table's building (zero it first). */
struct dmi_builder {
	struct bom *bom;
	struct bom_component *system; /* for type 11 OEM strings */
	unsigned ncpu, nboard;
};

/* Add r's component to b->bom (types 0, 1, 2, 3, 4, 17 and 43), or its
 * OEM strings to the system (11); other types and unpopulated sockets and
 * empty memory slots add nothing. */
void dmi_build(struct dmi_builder *b, const struct dmi_rec *r);

/* Add identifier ns = s to c, trimmed of the blanks firmware pads with
 * and sanitised; nothing for NULL or blanks only. */
void dmi_add_str(struct bom_component *c, const char *ns, const char *s);

#endif
