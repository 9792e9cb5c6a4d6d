/* diffcmd.c - `hwbom diff EXPECTED ACTUAL`: the acceptance comparison.
 *
 * EXPECTED is a BOM (of the machine as ordered, or as it was last year) or a
 * purchase declaration; ACTUAL the BOM of the machine delivered. Both BOMs
 * are compared as they were judged (output/bom_diff.c); the result is
 * printed as text, one difference a line, or as XML. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "../output/alloc.h"
#include "../output/bom_diff.h"
#include "../output/bom_read.h"
#include "../output/purchase.h"
#include "../output/sanitize.h"
#include "../output/termsafe.h"
#include "hwbom.h"
#include "judging.h"
#include "outfile.h"

#define DIFF_NS "urn:hwbom:diff:1"
#define X(s) ((const xmlChar *)(s))

struct diff_opts {
	const char *expected, *actual, *out;
	unsigned ignore;
	int xml, verbose;
	/* judges a BOM hwbom did not write (a vendor's HBOM) before the
	 * comparison; hwbom's own were judged when written */
	struct judging j;
};

static void usage(FILE *f)
{
	fputs("Usage: hwbom diff [OPTION]... EXPECTED ACTUAL\n"
	      "Compare the BOM of a delivered machine (ACTUAL) with what was expected: the\n"
	      "BOM of the machine as ordered or as it was, or a purchase declaration.\n"
	      "Components are matched by kind, location and identifiers; the result lists\n"
	      "what is missing, added, substituted (same slot, another part), moved, and\n"
	      "changes in identifiers, serials, firmware, attribution and verdict.\n"
	      "\n"
	      "  --ignore KIND[,KIND]  leave out differences of these kinds: serials,\n"
	      "                        firmware, changed, moved, attribution, verdict,\n"
	      "                        substituted, missing, added (repeatable)\n"
	      "  --format FORMAT       text (default) or xml\n"
	      "  -o, --output FILE     write to FILE, whole or not at all (default: stdout)\n"
	      "  -v, --verbose         also list each component's declared country of\n"
	      "                        production (with a purchase declaration)\n"
	      "  -h, --help            show this help\n"
	      "\n"
	      "A CycloneDX BOM another tool wrote (a vendor's HBOM, cdxgen's cdx-hbom; XML\n"
	      "or JSON, 1.2 to 1.7) is read through hwbom's mapping of its identifiers and\n"
	      "judged first, with --datadir, --policy, --profile, --as-of, --db-overlay\n"
	      "and --waivers as hwbom check takes them (as of the other BOM's date by\n"
	      "default).\n"
	      "\n"
	      "Exit status: 0 no difference left after --ignore; 1 some; 2 usage error or a\n"
	      "file that is not a BOM hwbom wrote or a purchase declaration.\n",
	      f);
}

static int parse_ignore(struct diff_opts *o, const char *arg)
{
	char *copy = xstrdup(arg), *save, *tok;
	enum diff_kind k;
	int rc = 0;

	for (tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		if (diff_kind_parse(tok, &k) < 0) {
			msg_error("--ignore %s: no such kind of difference (serials, firmware, "
				  "changed, moved, attribution, verdict, substituted, missing, added)",
				  tok);
			rc = -1;
		} else {
			o->ignore |= 1u << k;
		}
	}
	free(copy);
	return rc;
}

static int parse_opts(int argc, char **argv, struct diff_opts *o)
{
	enum { O_IGNORE = 256, O_FORMAT };
	static const struct option longopts[] = {
		{"ignore", required_argument, NULL, O_IGNORE},
		{"format", required_argument, NULL, O_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		JUDGING_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	int c;

	judging_init(&o->j);
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:vh", longopts, NULL)) != -1) {
		switch (c) {
		case O_IGNORE:
			if (parse_ignore(o, optarg) < 0)
				return -1;
			break;
		case O_FORMAT:
			if (strcmp(optarg, "text") && strcmp(optarg, "xml")) {
				msg_error("--format %s: use text or xml", optarg);
				return -1;
			}
			o->xml = !strcmp(optarg, "xml");
			break;
		case 'o': o->out = optarg; break;
		case 'v': o->verbose = 1; break;
		case 'h': usage(stdout); exit(0);
		default:
			if (c >= JUDGING_OPT && c < J_END && c != J_FAILON && c != J_DECLARATION) {
				if (judging_opt(&o->j, c, optarg) < 0)
					return -1;
				break;
			}
			fputs("Try 'hwbom diff --help'.\n", stderr);
			return -1;
		}
	}
	if (argc - optind != 2) {
		msg_error("give two files, EXPECTED and ACTUAL (try 'hwbom diff --help')");
		return -1;
	}
	o->expected = argv[optind];
	o->actual = argv[optind + 1];
	return judging_check(&o->j);
}

/* A BOM another tool wrote is not judged yet: judge it as of the other
 * BOM's date (or --as-of), so that both sides say the same of a part. */
static int judge_foreign(struct diff_opts *o, struct bom *b, const struct bom *other,
			 int *loaded, struct hw_err *e)
{
	char date[11];

	if (!*loaded) {
		if (judging_load(&o->j, e) < 0)
			return -1;
		*loaded = 1;
	}
	today_utc(date);
	bom_set(&b->as_of, o->j.as_of ? o->j.as_of : other && other->as_of ? other->as_of : date);
	judging_apply(&o->j, b);
	return 0;
}

/* --- text ------------------------------------------------------------------- */

static void text_entry(FILE *f, const struct diff_entry *x)
{
	fprintf(f, "%-12s %s ", diff_kind_name(x->kind), x->ref);
	if (x->what)
		fprintf(f, " %s:", x->what);
	if (x->kind != DIFF_MISSING && x->kind != DIFF_ADDED &&
	    ((x->expected && x->actual) || x->what))
		fprintf(f, " %s -> %s\n", x->expected ? x->expected : "(none)",
			x->actual ? x->actual : "(none)");
	else
		fprintf(f, " %s\n", x->expected ? x->expected : x->actual ? x->actual : "");
}

static void text_report(FILE *f, const struct diff_opts *o, const char *exp_desc,
			const char *act_desc, const struct bom_diff *d, const struct bom *actual)
{
	fprintf(f, "expected: %s\nactual:   %s\n", exp_desc, act_desc);
	for (size_t i = 0; i < d->n; i++)
		text_entry(f, &d->entries[i]);
	if (o->verbose)
		for (size_t i = 0; i < actual->ncomponents; i++) {
			const struct bom_component *c = actual->components[i];
			const char *v = bom_get_cprop(c, "declared.country-of-production");
			char *ref;

			if (!v)
				continue;
			ref = bom_ref(c);
			fprintf(f, "%-12s %s  country of production %s\n", "declared", ref, v);
			free(ref);
		}
	fprintf(f, "%zu difference%s", d->n, d->n == 1 ? "" : "s");
	if (d->ignored)
		fprintf(f, " (%zu ignored)", d->ignored);
	fputc('\n', f);
}

/* The report made in memory, then written with what a terminal would obey
 * escaped: file names and BOM strings are someone else's. */
static int write_text(FILE *f, const struct diff_opts *o, const char *exp_desc,
		      const char *act_desc, const struct bom_diff *d, const struct bom *actual)
{
	char *buf = NULL, *safe;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		return -1;
	text_report(m, o, exp_desc, act_desc, d, actual);
	if (fclose(m)) {
		free(buf);
		return -1;
	}
	safe = hw_term_escape(buf, 1);
	fputs(safe, f);
	free(buf), free(safe);
	return ferror(f) ? -1 : 0;
}

/* --- XML ---------------------------------------------------------------------- */

static int write_xml(FILE *f, const char *exp_desc, const char *act_desc,
		     const struct bom_diff *d, const struct bom *actual)
{
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(f, NULL);
	xmlTextWriterPtr w;
	char n[32];
	int rc = 0;

	if (!buf || !(w = xmlNewTextWriter(buf))) {
		if (buf)
			xmlOutputBufferClose(buf);
		return -1;
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, X("  "));
	rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElement(w, X("hwbom-diff")) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("xmlns"), X(DIFF_NS)) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("expected"), X(exp_desc)) < 0;
	rc |= xmlTextWriterWriteAttribute(w, X("actual"), X(act_desc)) < 0;
	snprintf(n, sizeof n, "%zu", d->n);
	rc |= xmlTextWriterWriteAttribute(w, X("differences"), X(n)) < 0;
	snprintf(n, sizeof n, "%zu", d->ignored);
	rc |= xmlTextWriterWriteAttribute(w, X("ignored"), X(n)) < 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct diff_entry *x = &d->entries[i];

		rc |= xmlTextWriterStartElement(w, X("difference")) < 0;
		rc |= xmlTextWriterWriteAttribute(w, X("kind"), X(diff_kind_name(x->kind))) < 0;
		rc |= xmlTextWriterWriteAttribute(w, X("ref"), X(x->ref)) < 0;
		if (x->what)
			rc |= xmlTextWriterWriteAttribute(w, X("what"), X(x->what)) < 0;
		if (x->expected)
			rc |= xmlTextWriterWriteElement(w, X("expected"), X(x->expected)) < 0;
		if (x->actual)
			rc |= xmlTextWriterWriteElement(w, X("actual"), X(x->actual)) < 0;
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	for (size_t i = 0; i < actual->ncomponents; i++) {
		const struct bom_component *c = actual->components[i];
		const char *v = bom_get_cprop(c, "declared.country-of-production");
		char *ref;

		if (!v)
			continue;
		ref = bom_ref(c);
		rc |= xmlTextWriterStartElement(w, X("declared")) < 0;
		rc |= xmlTextWriterWriteAttribute(w, X("ref"), X(ref)) < 0;
		rc |= xmlTextWriterWriteAttribute(w, X("country-of-production"), X(v)) < 0;
		rc |= xmlTextWriterEndElement(w) < 0;
		free(ref);
	}
	rc |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	return rc ? -1 : 0;
}

/* "FILE (MACHINE, as of DATE, VERDICT)", sanitised: a file name may hold
 * anything. */
static char *bom_desc(const char *path, const struct bom *b)
{
	char *s = xasprintf("%s (%s, as of %s, %s)", path, b->machine ? b->machine : "?",
			    b->as_of ? b->as_of : "?", verdict_name(b->verdict));
	char *clean = hw_sanitize(s);

	free(s);
	return clean;
}

int cmd_diff(int argc, char **argv)
{
	struct diff_opts o = {0};
	struct bom *exp = bom_new(), *act = bom_new();
	struct bom_saved se = {0}, sa = {0};
	struct purchase p = {0};
	struct bom_diff d = {0};
	struct hw_err e = {0};
	struct outfile out;
	char *exp_desc = NULL, *act_desc = NULL;
	int rc = EXIT_BAD, declared, loaded = 0;

	if (parse_opts(argc, argv, &o) < 0)
		goto out;
	declared = purchase_is(o.expected);
	if ((declared ? purchase_read(o.expected, &p, &e) : bom_read_judged(o.expected, exp, &se, &e)) <
		    0 ||
	    bom_read_judged(o.actual, act, &sa, &e) < 0)
		goto fail;
	if ((sa.foreign && judge_foreign(&o, act, declared ? NULL : exp, &loaded, &e) < 0) ||
	    (!declared && se.foreign && judge_foreign(&o, exp, act, &loaded, &e) < 0))
		goto fail;
	if (declared) {
		char *s = xasprintf("%s (purchase declaration%s%s%s%s, %zu item%s%s)", o.expected,
				    p.order ? " " : "", p.order ? p.order : "",
				    p.supplier ? " from " : "", p.supplier ? p.supplier : "",
				    p.nitems, p.nitems == 1 ? "" : "s", p.complete ? ", complete" : "");

		exp_desc = hw_sanitize(s);
		free(s);
		bom_diff_declaration(&p, act, o.ignore, &d);
	} else {
		exp_desc = bom_desc(o.expected, exp);
		bom_diff(exp, act, o.ignore, &d);
	}
	act_desc = bom_desc(o.actual, act);
	if (outfile_open(&out, o.out, &e) < 0)
		goto fail;
	if ((o.xml ? write_xml(out.f, exp_desc, act_desc, &d, act)
		   : write_text(out.f, &o, exp_desc, act_desc, &d, act)) < 0) {
		outfile_abort(&out);
		hw_fail(&e, "%s: writing failed", o.out ? o.out : "standard output");
		goto fail;
	}
	if (outfile_commit(&out, &e) < 0)
		goto fail;
	rc = d.n ? EXIT_FOUND : 0;
	goto out;
fail:
	msg_error("%s", e.msg);
out:
	free(exp_desc), free(act_desc);
	bom_diff_clear(&d);
	purchase_clear(&p);
	bom_saved_clear(&se), bom_saved_clear(&sa);
	bom_free(exp), bom_free(act);
	hw_err_clear(&e);
	judging_clear(&o.j);
	return rc;
}
