/* text.c - the summary and table for people (see text.h). Strings in the model are
 * sanitised (no control characters), and the whole is escaped for the
 * terminal (bidirectional overrides) before it is written. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "roles.h"
#include "termsafe.h"

/* Columns are cut to these widths (in bytes; names are mostly ASCII). */
#define W_LOC 14
#define W_NAME 34
#define W_ORG 20
#define W_CC 5

/* Print s in a column of width w, cut on a UTF-8 boundary with '~'. */
static void cell(FILE *f, const char *s, int w)
{
	size_t n = strlen(s), cut = n;
	int pad;

	if (n > (size_t)w) {
		cut = (size_t)w - 1;
		while (cut && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	fprintf(f, "%.*s%s", (int)cut, s, cut < n ? "~" : "");
	pad = w - (int)cut - (cut < n);
	fprintf(f, "%*s ", pad > 0 ? pad : 0, "");
}

static const char *org(const struct bom_attr *a)
{
	if (!a)
		return "-";
	return a->entity ? a->entity : "unknown";
}

/* The summary a person reads first: the verdict, every finding on one
 * line, then what was not covered. */
static void summary(const struct bom *b, FILE *f)
{
	size_t nf = 0, nu = 0;

	fprintf(f, "machine %s: %s (as of %s)\n", b->machine ? b->machine : "?",
		verdict_name(b->verdict), b->as_of ? b->as_of : "?");
	for (size_t i = 0; i < b->ncomponents; i++)
		nf += b->components[i]->nfindings;
	fprintf(f, "\nfindings:%s\n", nf ? "" : " none");
	for (size_t i = 0; i < b->ncomponents; i++) {
		const struct bom_component *c = b->components[i];
		char *ref = bom_ref(c);

		for (size_t k = 0; k < c->nfindings; k++) {
			const struct bom_finding *x = &c->findings[k];

			fprintf(f, "  %-7s %s/%s %s %s %s: %s\n",
				x->waived ? "waived" : verdict_name(x->severity), x->policy, x->rule,
				ref, x->role, x->entity, x->reason);
			if (x->waiver)
				fprintf(f, "          %s\n", x->waiver);
		}
		free(ref);
	}
	fprintf(f, "\nnot covered:\n");
	for (size_t i = 0; i < b->ncomponents; i++) {
		const struct bom_component *c = b->components[i];

		if (c->unknown_reason) {
			char *ref = bom_ref(c);

			fprintf(f, "  unknown %s: %s\n", ref, c->unknown_reason);
			free(ref);
			nu++;
		}
	}
	for (size_t i = 0, n = 0; i < b->nprops; i++)
		if (!strcmp(b->props[i].name, "hwbom:unseen")) {
			fprintf(f, "%s%s", n++ ? ", " : "  unseen roles (no source read shows them): ",
				b->props[i].value);
			nu++;
		}
	for (size_t i = 0; i < b->nprops; i++)
		if (!strcmp(b->props[i].name, "hwbom:unseen")) {
			fputc('\n', f);
			break;
		}
	if (!nu)
		fprintf(f, "  nothing: every role a rule needs was seen and named\n");
	fprintf(f, "\nsources:\n");
	for (size_t i = 0; i < b->ncoverage; i++)
		fprintf(f, "  %-8s %s%s%s\n", b->coverage[i].source, b->coverage[i].state,
			b->coverage[i].detail ? ": " : "",
			b->coverage[i].detail ? b->coverage[i].detail : "");
	fputc('\n', f);
}

static void table(struct bom *b, FILE *f)
{
	summary(b, f);
	fprintf(f, "%-*s %-*s %-*s %-*s %-*s %s\n", W_LOC, "LOCATION", W_NAME, "NAME", W_ORG,
		"VENDOR", W_ORG, "ASSEMBLER/BRAND", W_CC, "CC", "VERDICT");
	for (size_t i = 0; i < b->ncomponents; i++) {
		const struct bom_component *c = b->components[i];
		const struct bom_attr *chip = bom_find_part(c, PART_MAKER);
		const struct bom_attr *card = bom_find_part(c, PART_ASSEMBLER);
		char *cc = xasprintf("%s%s%s", !chip ? "-" : chip->country ? chip->country : "?",
				     card ? "/" : "",
				     card ? (card->country ? card->country : "?") : "");

		cell(f, c->location, W_LOC);
		cell(f, c->name ? c->name : "?", W_NAME);
		cell(f, org(chip), W_ORG);
		cell(f, org(card), W_ORG);
		cell(f, cc, W_CC);
		fprintf(f, "%s\n", verdict_name(c->verdict));
		free(cc);
	}
}

/* The table is made in memory, then shown with what a terminal would obey
 * escaped (termsafe.h): sanitised strings hold no control character, but
 * may hold bidirectional overrides. */
int text_write(struct bom *b, FILE *f, struct hw_err *e)
{
	char *buf = NULL, *safe;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		return hw_fail(e, "out of memory");
	bom_unique_refs(b);
	table(b, m);
	if (fclose(m)) {
		free(buf);
		return hw_fail(e, "out of memory");
	}
	safe = hw_term_escape(buf, 1);
	fputs(safe, f);
	free(buf), free(safe);
	if (ferror(f))
		return hw_fail(e, "write error");
	return 0;
}
