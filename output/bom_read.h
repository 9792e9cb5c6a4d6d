/* bom_read.h - read a BOM hwbom wrote back into the model.
 *
 * What the probes found (components, identifiers and their names, facts,
 * firmware, coverage) comes back as it was; what resolving and judging made
 * (attributions, findings, verdicts, provenance) is left out, so that the
 * BOM can be judged anew (hwbom check). The old judgement is kept apart, to
 * say what changed. Only the property contract of DESIGN.md §8 is read. A
 * CycloneDX BOM hwbom did not write (another version, another tool, JSON)
 * is read by bom_foreign.c instead: its components mapped, nothing judged. */
#ifndef HWBOM_BOM_READ_H
#define HWBOM_BOM_READ_H

#include "bom.h"
#include "err.h"

/* The most components a saved BOM may hold: a machine has hundreds; a
 * bigger file is refused before its model takes gigabytes. */
#define BOM_READ_MAX_COMPONENTS 100000
#define BOM_READ_MAX_STR "100000"

/* The judgement a saved BOM carried. */
struct bom_saved {
	char *as_of;      /* hwbom:as-of, or NULL */
	char *profile;    /* hwbom:profile, or NULL */
	char *version;    /* the hwbom that wrote it */
	char *serial;     /* the BOM's serialNumber (urn:uuid:...), or NULL */
	char *foreign;    /* a BOM hwbom did not write: who did ("a CycloneDX 1.5
			   * BOM by cdx-hbom"), read through foreign_map(); else NULL */
	unsigned long bom_version; /* the BOM's version attribute (1 if absent) */
	enum verdict verdict;
	/* "BOM-REF VALUE" of every hwbom:finding and hwbom:waiver, in document
	 * order: see bom_judgement_lines() */
	char **findings;
	size_t nfindings, capfindings;
};

/* Read the BOM in path into b (new, empty) and its old judgement into
 * saved (zeroed). -1 with e naming the file (and line) when it cannot be
 * read or is not a BOM hwbom wrote. */
int bom_read(const char *path, struct bom *b, struct bom_saved *saved, struct hw_err *e);

/* The same, keeping the BOM's own attributions (role, entity, key,
 * country, controller, source), component verdicts, unknown reasons and
 * machine verdict in b, as they were judged (hwbom diff compares them). */
int bom_read_judged(const char *path, struct bom *b, struct bom_saved *saved, struct hw_err *e);

void bom_saved_clear(struct bom_saved *s);

/* The same lines for a judged BOM, into saved->findings: "BOM-REF VALUE"
 * for each finding and waiver, as the writer words them. */
void bom_judgement_lines(const struct bom *b, struct bom_saved *saved);

#endif
