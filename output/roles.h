/* roles.h - the roles of "produced, manufactured or assembled" (DESIGN.md §5)
 * and the sources that can witness each. */
#ifndef HWBOM_ROLES_H
#define HWBOM_ROLES_H

struct role {
	const char *name;           /* "chip-vendor" */
	const char *proved_by;      /* what identifies it, for people */
	const char *const *sources; /* coverage sources that can see it, NULL-terminated */
};

/* NULL-terminated by a row whose name is NULL. */
extern const struct role roles[];

/* The role called name, or NULL. */
const struct role *role_find(const char *name);

#endif
