/* text.c - the report for a person at an 80-column terminal (see text.h).
 * Strings in the model are sanitised UTF-8 (no control characters), so
 * they cannot move the cursor; widths are display columns (wcwidth), so
 * CJK names, two columns a character, still align; the whole is escaped
 * for the terminal (bidirectional overrides) before it is written. */
#define _GNU_SOURCE
#include "text.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "alloc.h"
#include "roles.h"
#include "termsafe.h"

#define WIDTH 80

/* Columns of the table: location, name, maker, assembler, countries,
 * verdict, with one blank between: 13+23+14+12+5+7 + 5 = 79. */
#define W_LOC  13
#define W_NAME 23
#define W_ORG  14
#define W_ASM  12
#define W_CC   5

/* Display width of the first n bytes of s; *fit (if not NULL) gets how
 * many bytes fill at most w columns. */
static int width(const char *s, size_t n, int w, size_t *fit)
{
	mbstate_t st;
	size_t i = 0;
	int cols = 0;

	memset(&st, 0, sizeof st);
	if (fit)
		*fit = 0;
	while (i < n) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, n - i, &st);
		int cw;

		if (k == (size_t)-1 || k == (size_t)-2) {
			k = 1, cw = 1; /* not UTF-8 (cannot be, sanitised): a column */
			memset(&st, 0, sizeof st);
		} else {
			if (!k)
				k = 1;
			cw = wcwidth(wc);
			if (cw < 0)
				cw = 1;
		}
		if (fit && cols + cw > w)
			return cols;
		cols += cw;
		i += k;
		if (fit)
			*fit = i;
	}
	return cols;
}

/* Print s in a column of w display columns, cut with '~', then a blank
 * (none after the last column: last). */
static void cell(FILE *f, const char *s, int w, int last)
{
	size_t n = strlen(s), fit;
	int cols = width(s, n, w, NULL);

	if (cols > w) {
		cols = width(s, n, w - 1, &fit);
		fprintf(f, "%.*s~", (int)fit, s);
		cols++;
	} else {
		fputs(s, f);
	}
	if (!last)
		fprintf(f, "%*s ", w - cols > 0 ? w - cols : 0, "");
}

/* Print text from column `at` on, wrapped at blanks to WIDTH columns, the
 * lines after the first indented by indent; then a newline. A word longer
 * than a line is cut. */
static void wrap(FILE *f, const char *text, int at, int indent)
{
	const char *p = text;
	int col = at;

	while (*p) {
		size_t n = strcspn(p, " ");
		int w = width(p, n, 0, NULL);

		if (col > indent && col + 1 + w > WIDTH) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
		} else if (p != text) {
			fputc(' ', f);
			col++;
		}
		if (col + w > WIDTH) {
			size_t fit;

			width(p, n, WIDTH - col - 1, &fit);
			fprintf(f, "%.*s~", (int)fit, p);
			col = WIDTH;
		} else {
			fprintf(f, "%.*s", (int)n, p);
			col += w;
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	fputc('\n', f);
}

static const char *org(const struct bom_attr *a)
{
	if (!a)
		return "-";
	return a->entity ? a->entity : "unknown";
}

/* The machine: maker, product, serial, from SMBIOS where it was read. */
static void machine(const struct bom *b, FILE *f)
{
	const struct bom_component *sys = NULL;
	char *line;

	for (size_t i = 0; i < b->ncomponents && !sys; i++)
		if (!strcmp(b->components[i]->kind, "system"))
			sys = b->components[i];
	if (sys) {
		const char *maker = bom_id_value(sys, "smbios.manufacturer");
		const char *product = bom_id_value(sys, "smbios.product");
		const char *serial = bom_id_value(sys, "smbios.serial");

		line = xasprintf("%s %s, serial %s", maker ? maker : "(maker not given)",
		                 product ? product : "(product not given)",
		                 serial ? serial : "not given");
	} else {
		line = xasprintf("%s (no SMBIOS system read)", b->machine ? b->machine : "?");
	}
	fputs("machine   ", f);
	wrap(f, line, 10, 10);
	free(line);
}

/* "partial: die-maker, nic-registrant not seen" or "complete". */
static void coverage(const struct bom *b, FILE *f)
{
	char *s = xstrdup(b->nunseen ? "partial:"
	                             : "complete: every role a rule in force reaches "
	                               "was seen"),
	     *t;

	for (size_t i = 0; i < b->nunseen; i++) {
		t = xasprintf("%s%s %s", s, i ? "," : "", b->unseen[i].role);
		free(s);
		s = t;
	}
	if (b->nunseen) {
		t = xasprintf("%s not seen", s);
		free(s);
		s = t;
	}
	fputs("coverage  ", f);
	wrap(f, s, 10, 10);
	free(s);
}

/* Whether c has a counted (not waived) finding of severity v on entity x;
 * *policies (if not NULL) gets the policies of those findings added. */
static int finds(const struct bom_component *c, enum verdict v, const char *x, char **policies)
{
	int hit = 0;

	for (size_t k = 0; k < c->nfindings; k++) {
		const struct bom_finding *g = &c->findings[k];

		if (g->waived || g->severity != v || strcmp(g->entity, x))
			continue;
		hit = 1;
		if (policies) {
			size_t n = strlen(g->policy);
			const char *at = *policies;
			char *t;

			while ((at = strstr(at, g->policy)) &&
			       !((at == *policies || at[-1] == ' ') && (!at[n] || at[n] == ',')))
				at += n;
			if (at)
				continue;
			t = xasprintf("%s%s%s", *policies, **policies ? ", " : "", g->policy);
			free(*policies);
			*policies = t;
		}
	}
	return hit;
}

/* Findings by severity, then by entity: "block: 27 of 46 parts - huawei
 * (ndaa889, fcc-covered)", then the parts; waived ones apart. */
static void findings(const struct bom *b, FILE *f)
{
	static const enum verdict order[] = {VERDICT_BLOCK, VERDICT_REVIEW, VERDICT_INFO};
	size_t total = 0, waived = 0;

	for (size_t i = 0; i < b->ncomponents; i++)
		for (size_t k = 0; k < b->components[i]->nfindings; k++) {
			total++;
			waived += b->components[i]->findings[k].waived;
		}
	fprintf(f, "\nfindings:%s\n", total ? "" : " none");
	for (size_t o = 0; o < sizeof order / sizeof *order; o++)
		for (size_t i = 0; i < b->ncomponents; i++)
			for (size_t k = 0; k < b->components[i]->nfindings; k++) {
				const struct bom_finding *g = &b->components[i]->findings[k];
				char *pol, *parts, *line, *t;
				size_t nparts = 0;
				int seen = 0;

				if (g->waived || g->severity != order[o])
					continue;
				pol = xstrdup(""), parts = xstrdup("");
				/* once per entity: the first part that has it */
				for (size_t j = 0; j < i && !seen; j++)
					seen = finds(b->components[j], order[o], g->entity, NULL);
				for (size_t kk = 0; kk < k && !seen; kk++)
					seen =
					    !b->components[i]->findings[kk].waived &&
					    b->components[i]->findings[kk].severity == order[o] &&
					    !strcmp(b->components[i]->findings[kk].entity,
					            g->entity);
				if (seen) {
					free(pol), free(parts);
					continue;
				}
				for (size_t j = 0; j < b->ncomponents; j++)
					if (finds(b->components[j], order[o], g->entity, &pol)) {
						char *ref = bom_ref(b->components[j]);

						t = xasprintf("%s%s%s", parts, nparts ? ", " : "",
						              ref);
						free(parts), free(ref);
						parts = t;
						nparts++;
					}
				line = xasprintf("%s: %zu of %zu part%s - %s (%s)",
				                 verdict_name(order[o]), nparts, b->ncomponents,
				                 b->ncomponents == 1 ? "" : "s", g->entity, pol);
				fputs("  ", f);
				wrap(f, line, 2, 4);
				fputs("    ", f);
				wrap(f, parts, 4, 4);
				free(line), free(pol), free(parts);
			}
	if (waived)
		fprintf(f, "  waived: %zu finding%s (hwbom:waiver; -v shows them)\n", waived,
		        waived == 1 ? "" : "s");
	for (size_t i = 0, n = 0; i < b->ncomponents; i++) {
		const struct bom_component *c = b->components[i];
		char *ref, *line;

		if (c->verdict != VERDICT_UNKNOWN || !c->unknown_reason)
			continue;
		if (!n++)
			fputs("  unknown (read, but its maker or its state ownership is not "
			      "known):\n",
			      f);
		ref = bom_ref(c);
		line = xasprintf("%s: %s", ref, c->unknown_reason);
		fputs("    ", f);
		wrap(f, line, 4, 6);
		free(ref), free(line);
	}
}

/* What was not seen, and the command that would show it: the roles of one
 * reason and command on one line. */
static void unseen(const struct bom *b, FILE *f)
{
	if (!b->nunseen)
		return;
	fputs("\nnot seen, and how to see it:\n", f);
	for (size_t i = 0; i < b->nunseen; i++) {
		const struct bom_unseen *u = &b->unseen[i];
		char *rl = xstrdup(u->role), *t, *line;
		int first = 1;

		for (size_t k = 0; k < i && first; k++)
			first = strcmp(b->unseen[k].reason, u->reason) ||
			        strcmp(b->unseen[k].collect, u->collect);
		if (!first) {
			free(rl);
			continue;
		}
		for (size_t k = i + 1; k < b->nunseen; k++)
			if (!strcmp(b->unseen[k].reason, u->reason) &&
			    !strcmp(b->unseen[k].collect, u->collect)) {
				t = xasprintf("%s, %s", rl, b->unseen[k].role);
				free(rl);
				rl = t;
			}
		line = xasprintf("%s (%s): %s", rl, u->reason, u->detail ? u->detail : "");
		fputs("  ", f);
		wrap(f, line, 2, 4);
		free(line);
		line = xasprintf("-> %s", u->collect);
		fputs("    ", f);
		wrap(f, line, 4, 7);
		free(line), free(rl);
	}
}

/* -v: every finding with its reasons and waiver, and each source. */
static void detail(const struct bom *b, FILE *f)
{
	fputs("\nfindings in full:\n", f);
	for (size_t i = 0; i < b->ncomponents; i++) {
		const struct bom_component *c = b->components[i];
		char *ref = bom_ref(c);

		for (size_t k = 0; k < c->nfindings; k++) {
			const struct bom_finding *x = &c->findings[k];

			fprintf(f, "  %-7s %s/%s %s %s %s: %s\n",
			        x->waived ? "waived" : verdict_name(x->severity), x->policy,
			        x->rule, ref, x->role, x->entity, x->reason);
			if (x->waiver)
				fprintf(f, "          %s\n", x->waiver);
		}
		for (size_t k = 0; k < c->nattrs; k++)
			if (c->attrs[k].inferred)
				fprintf(f, "  inferred %s %s %s: %s\n", ref, c->attrs[k].role,
				        org(&c->attrs[k]), c->attrs[k].inferred);
		free(ref);
	}
	fprintf(f, "\nsources:\n");
	for (size_t i = 0; i < b->ncoverage; i++)
		fprintf(f, "  %-8s %s%s%s\n", b->coverage[i].source, b->coverage[i].state,
		        b->coverage[i].detail ? ": " : "",
		        b->coverage[i].detail ? b->coverage[i].detail : "");
}

static void table(struct bom *b, FILE *f)
{
	fputc('\n', f);
	cell(f, "LOCATION", W_LOC, 0);
	cell(f, "NAME", W_NAME, 0);
	cell(f, "MAKER", W_ORG, 0);
	cell(f, "ASSEMBLER", W_ASM, 0);
	cell(f, "CC", W_CC, 0);
	cell(f, "VERDICT", 7, 1);
	fputc('\n', f);
	for (size_t i = 0; i < b->ncomponents; i++) {
		const struct bom_component *c = b->components[i];
		const struct bom_attr *chip = bom_find_part(c, PART_MAKER);
		const struct bom_attr *card = bom_find_part(c, PART_ASSEMBLER);
		const char *name = !strcmp(c->kind, "bios") && bom_id_value(c, "smbios.version")
		                       ? bom_id_value(c, "smbios.version")
		                   : c->name ? c->name
		                             : "?";
		char *cc =
		    xasprintf("%s%s%s",
		              !chip           ? "-"
		              : chip->country ? chip->country
		                              : "?",
		              card ? "/" : "", card ? (card->country ? card->country : "?") : "");
		char *v = xasprintf("%s%s", verdict_name(c->verdict), c->nunseen ? "*" : "");

		cell(f, c->location, W_LOC, 0);
		cell(f, name, W_NAME, 0);
		cell(f, org(chip), W_ORG, 0);
		cell(f, org(card), W_ASM, 0);
		cell(f, cc, W_CC, 0);
		cell(f, v, 8, 1);
		fputc('\n', f);
		free(cc), free(v);
	}
	for (size_t i = 0; i < b->ncomponents; i++)
		if (b->components[i]->nunseen) {
			fputs("(* coverage partial: a role of the part was not seen)\n", f);
			break;
		}
}

/* The report is made in memory, then shown with what a terminal would obey
 * escaped (termsafe.h): sanitised strings hold no control character, but
 * may hold bidirectional overrides. */
int text_write(struct bom *b, FILE *f, int verbose, struct hw_err *e)
{
	locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0), was = (locale_t)0;
	char *buf = NULL, *safe;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		return hw_fail(e, "out of memory");
	bom_unique_refs(b);
	/* display widths of UTF-8, whatever the user's locale */
	if (utf8)
		was = uselocale(utf8);
	machine(b, m);
	fprintf(m, "verdict   %s (as of %s)\n", verdict_name(b->verdict),
	        b->as_of ? b->as_of : "?");
	coverage(b, m);
	findings(b, m);
	unseen(b, m);
	if (verbose)
		detail(b, m);
	table(b, m);
	if (utf8) {
		uselocale(was);
		freelocale(utf8);
	}
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
