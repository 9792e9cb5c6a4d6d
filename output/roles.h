/* roles.h - the roles of "produced, manufactured or assembled" (DESIGN.md §5)
 * and the sources that can witness each. */
#ifndef HWBOM_ROLES_H
#define HWBOM_ROLES_H

/* What a role says of the component itself, for writers that show one
 * maker and one assembler (CycloneDX manufacturer and supplier, the text
 * table). */
enum role_part { PART_OTHER, PART_MAKER, PART_ASSEMBLER };

struct role {
	const char *name;           /* "chip-vendor" */
	enum role_part part;
	const char *proved_by;      /* what identifies it, for people */
	const char *const *sources; /* coverage sources that can see it, NULL-terminated */
};

/* NULL-terminated by a row whose name is NULL. */
extern const struct role roles[];

/* The role called name, or NULL. */
const struct role *role_find(const char *name);

#endif
