/* unseen.h - why no source showed a role a rule in force reaches, and what
 * to collect to see it: a reason code (not-probed, needs-root,
 * needs-driver, not-in-input, not-shown), a sentence, and a command. */
#ifndef HWBOM_UNSEEN_H
#define HWBOM_UNSEEN_H

#include "../output/bom.h"

struct unseen_why {
	const char *reason;  /* static */
	char *detail;        /* free with free() */
	const char *collect; /* static */
};

/* Why role was not seen: on component c (a part that was read, without
 * it), or, with c NULL, on the whole machine (no source that shows it was
 * read), from the coverage of the sources roles.h names for it. */
void unseen_explain(const struct bom *b, const char *role, const struct bom_component *c,
                    struct unseen_why *w);

#endif
