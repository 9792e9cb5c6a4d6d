/* glpi.c - placeholder until the GLPI readers land. */
#include "inventory.h"

int glpi_parse(const char *path, const char *buf, size_t len, struct inventory *inv,
	       struct hw_err *e)
{
	(void)buf, (void)len, (void)inv;
	return hw_fail(e, "%s: GLPI inventories are not read yet", path);
}

int glpi_load(const char *path, struct inventory *inv, struct hw_err *e)
{
	(void)inv;
	return hw_fail(e, "%s: GLPI inventories are not read yet", path);
}
