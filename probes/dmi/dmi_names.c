/* dmi_names.c - dmidecode's names back to SMBIOS values (see dmi_names.h). */
#include "dmi_names.h"

#include <stdlib.h>
#include <string.h>

struct dmi_name {
	const char *name;
	long value;
};

#include "dmi_names_tab.h"

static int cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct dmi_name *)elem)->name);
}

long dmi_name_value(enum dmi_enum e, const char *name)
{
	static const struct {
		const struct dmi_name *tab;
		size_t n;
	} tabs[] = {
		[DMI_ENUM_FAMILY] = {family_names, sizeof family_names / sizeof *family_names},
		[DMI_ENUM_MEMTYPE] = {memtype_names, sizeof memtype_names / sizeof *memtype_names},
		[DMI_ENUM_CHASSIS] = {chassis_names, sizeof chassis_names / sizeof *chassis_names},
	};
	const struct dmi_name *n = bsearch(name, tabs[e].tab, tabs[e].n, sizeof *tabs[e].tab, cmp);

	return n ? n->value : -1;
}
