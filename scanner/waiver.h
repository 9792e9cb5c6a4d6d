/* waiver.h - exceptions to findings, as data (hwbom scan --waivers FILE):
 * an FBI-consulted determination, a contracting officer's exception. A
 * waiver names a rule and the entity or the component it excuses, who
 * approved it, a reference, its date and its expiry. A waiver in force turns
 * a finding into a waived one, which stays in the BOM and no longer counts
 * for the verdict; an expired one leaves the finding as it was and says so.
 *
 *   waiver ID rule=POLICY/RULE (or POLICY/ followed by a star: every rule)
 *          entity=ENTITY or component=BOM-REF
 *          approved-by="..." ref="..." date=YYYY-MM-DD [expires=YYYY-MM-DD]
 *          [note="..."] */
#ifndef HWBOM_WAIVER_H
#define HWBOM_WAIVER_H

#include <stddef.h>

#include "../output/err.h"

struct waiver {
	char *id, *policy, *rule; /* rule "*": every rule of the policy */
	char *entity, *component; /* exactly one is set */
	char *approved_by, *ref, *date, *expires; /* expires may be NULL */
	char *file;
	unsigned line;
};

struct waiver_set {
	struct waiver *w;
	size_t n, cap;
};

/* Load a waiver file; -1 with "FILE:LINE: ..." in e on the first error. */
int waiver_load(struct waiver_set *set, const char *path, struct hw_err *e);
void waiver_set_clear(struct waiver_set *set);

/* The waiver that applies to a finding of policy/rule on entity in the
 * component bom-ref, judged on date: in force (*expired 0), or else one
 * that has expired (*expired 1); NULL when none names it. */
const struct waiver *waiver_find(const struct waiver_set *set, const char *policy,
				 const char *rule, const char *entity, const char *bom_ref,
				 const char *date, int *expired);

#endif
