/* resolve.c - identifiers to attributions (see resolve.h). */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"

/* Which identifier proves which role, and under which database key
 * namespace. A role is skipped when its identifier equals that of
 * `unless_same` (a card whose subsystem vendor is the chip vendor has no
 * separate assembler). DESIGN.md §5. */
static const struct {
	const char *ns;
	const char *keyns;
	const char *role;
	const char *unless_same;
} proofs[] = {
	{"pci.vendor", "pci", "chip-vendor", NULL},
	{"pci.subvendor", "pci", "card-assembler", "pci.vendor"},
};

static void attribute(struct bom_component *c, const struct bom_id *id, const char *keyns,
		      const char *role, const struct db *db, const char *as_of)
{
	char *key = xasprintf("%s:%s", keyns, id->value);
	const struct db_ident *m = db_lookup(db, key);
	struct bom_attr *a = bom_add_attr(c, role, key);
	const struct db_entity *x = m ? db_entity(db, m->entity) : NULL;

	free(key);
	if (!x) {
		/* the registry's name still helps a person; it is not an entity */
		bom_set(&a->name, id->name);
		return;
	}
	bom_set(&a->entity, x->id);
	bom_set(&a->name, x->name);
	bom_set(&a->country, x->country);
	bom_set(&a->controller, db_controller(db, x, as_of)->id);
	bom_set(&a->source, m->fact.src);
}

void resolve_bom(struct bom *b, const struct db *db, const char *as_of)
{
	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *c = b->components[i];

		for (size_t p = 0; p < sizeof proofs / sizeof *proofs; p++) {
			const struct bom_id *id = bom_get_id(c, proofs[p].ns), *other;

			if (!id)
				continue;
			other = proofs[p].unless_same ? bom_get_id(c, proofs[p].unless_same) : NULL;
			if (other && !strcmp(other->value, id->value))
				continue;
			attribute(c, id, proofs[p].keyns, proofs[p].role, db, as_of);
		}
	}
}
