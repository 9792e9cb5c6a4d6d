/* dmi_names.h - the SMBIOS enumerations hwbom keeps as identifiers, back
 * from the names dmidecode prints for them (generated table:
 * build-aux/dmi-names.py). */
#ifndef HWBOM_DMI_NAMES_H
#define HWBOM_DMI_NAMES_H

enum dmi_enum {
	DMI_ENUM_FAMILY,  /* processor family, §7.5.2 (with Processor Family 2) */
	DMI_ENUM_MEMTYPE, /* memory type, §7.18.2 */
	DMI_ENUM_CHASSIS, /* chassis type, §7.4.1 */
};

/* The value dmidecode prints as name, or -1 when it prints no such name
 * for a single value ("<OUT OF SPEC>", "Reserved", a name unknown here). */
long dmi_name_value(enum dmi_enum e, const char *name);

#endif
