/* dmi_table.h - the fields hwbom keeps of one binary SMBIOS structure
 * (smbios.c's walk), in the form dmi_build.c makes components of. Every
 * field is read only when the structure is long enough for it. */
#ifndef HWBOM_DMI_TABLE_H
#define HWBOM_DMI_TABLE_H

#include "dmi_build.h"
#include "smbios.h"

/* Fill r from s, of a table of SMBIOS version (major << 8 | minor); a
 * string index past the strings is reported through warn (§6.1.3) and read
 * as no string. The strings of r point into s. */
void dmi_table_rec(struct dmi_rec *r, const struct smbios_struct *s, unsigned version,
		   smbios_warn_fn warn, void *user);

#endif
