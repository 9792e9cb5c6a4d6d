/* dbcmd.c - `hwbom db lookup|lint|stats`: ask the origin database what it
 * knows of an identifier, check it, count it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../output/sanitize.h"
#include "../output/termsafe.h"
#include "../probes/net/oui.h"
#include "../vendor-db/match.h"
#include "../vendor-db/stateown.h"
#include "hwbom.h"

struct db_opts {
	const char *datadir, *overlay, *as_of, *ieee_dir;
	char today[11];
};

static void usage(FILE *f)
{
	fputs("Usage: hwbom db lookup [OPTION]... KEY...\n"
	      "       hwbom db lint [--strict] [OPTION]...\n"
	      "       hwbom db stats [OPTION]...\n"
	      "Ask the origin database what it knows of identifiers, check it, count it.\n"
	      "\n"
	      "Keys: pci:19e5  usb:12d1  oui:30:FB:B8 (any MAC notation)  pnp:HWV\n"
	      "      jedec:11:91  cpuid:HygonGenuine  arm:0x48  tpm:HISI  smbios:\"HUAWEI\"\n"
	      "      model:\"ST1000DM010\" (a disk's model string: the maker its prefix names)\n"
	      "\n"
	      "  --as-of DATE        owners and lists on DATE, YYYY-MM-DD (default: today)\n"
	      "  --datadir DIR       the database (default " HWBOM_DATADIR ")\n"
	      "  --db-overlay FILE   local records that replace shipped ones with the same name\n"
	      "  --ieee-dir DIR      IEEE MAC registries (default " HWBOM_IEEE_DIR ")\n"
	      "  --strict            lint: its warnings (an owner share without from=, a PRC\n"
	      "                      control=unknown entity without note=) give exit status 1\n"
	      "  -h, --help          show this help\n"
	      "\n"
	      "Exit status: 0 every key found (lint: no problem); 1 a key the database\n"
	      "does not know; 2 usage error or a broken database (file and line named).\n",
	      f);
}

/* Print a database string safely (a hostile overlay could hold anything). */
void print_str(const char *s)
{
	char *t = hw_sanitize(s ? s : ""), *u = hw_term_escape(t, 0);

	fputs(u, stdout);
	free(t), free(u);
}

void print_sources(const struct db *db, const char *src)
{
	char *copy = xstrdup(src), *tok, *save;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		const struct db_source *s = db_source(db, tok);

		printf("      [%s] ", tok);
		if (s) {
			print_str(s->title);
			printf(" (%s)", s->date);
			if (s->url)
				printf(" "), print_str(s->url);
		}
		printf("\n");
	}
	free(copy);
}

static const char *const lists[] = {"ndaa889",       "fcc-covered", "far-52.204-23",
				    "ndaa2023-5949", "1260h",       "entity-list"};

static int any_state(const struct db_entity *x, void *unused)
{
	(void)unused;
	return db_is_state(x, x->country);
}

/* What state entities (of any country) hold of x, looked through over every
 * path: said only when some path reaches one. */
static void state_share(const struct db *db, const struct db_entity *x, const char *date)
{
	struct db_holding h;

	db_holding(db, x, date, any_state, NULL, &h);
	if (h.npaths) {
		printf("  state share on %s: ", date);
		if (h.unknown)
			printf("unknown (at least %.4g%%)", h.known);
		else
			printf("%.4g%%", h.known);
		printf(" over %zu path%s\n", h.npaths, h.npaths == 1 ? "" : "s");
		for (size_t i = 0; i < h.npaths; i++) {
			char *t = db_holding_path_text(&h.paths[i], x->id);
			const struct db_entity *top =
				h.paths[i].nedges
					? db_entity(db, h.paths[i].edges[h.paths[i].nedges - 1]->parent)
					: x;

			printf("    "), print_str(t);
			if (h.paths[i].share >= 0)
				printf(" = %.4g%%", h.paths[i].share);
			else
				printf(" = ?");
			printf("  (%s %s)\n", top->country, top->control);
			free(t);
		}
	}
	db_holding_free(&h);
}

static void describe(const struct db *db, const struct db_entity *x, const char *date)
{
	const struct db_entity *top = db_controller(db, x, date);
	const struct db_owner *o;
	const struct db_list *l;
	size_t n;

	printf("  entity     %s  ", x->id), print_str(x->name), printf("\n");
	printf("  country    %s    control: %s%s\n", x->country, x->control,
	       x->fact.unverified ? "    (unverified)" : "");
	print_sources(db, x->fact.src);
	printf("  owners on %s:\n", date);
	o = db_owners(db, &n);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(o[i].child, x->id) && db_owner_active(&o[i], date)) {
			printf("    %s", o[i].parent);
			if (o[i].share >= 0)
				printf("  %g%%", o[i].share);
			printf("  %s  from %s to %s%s\n", db_owner_controls(&o[i]) ? "controls" : "stake",
			       o[i].from ? o[i].from : "?", o[i].to ? o[i].to : "now",
			       o[i].fact.unverified ? "  (unverified)" : "");
			print_sources(db, o[i].fact.src);
		}
	if (top == x) {
		printf("  controlled by itself (no controlling owner)\n");
	} else {
		double share = db_lookthrough_share(db, x, date);

		printf("  controlled by %s", top->id);
		if (share >= 0)
			printf(", which holds %.4g%% of it over all paths\n", share);
		else
			printf(" (a share on a path to it is unknown)\n");
	}
	state_share(db, x, date);
	printf("  lists on %s:\n", date);
	l = db_lists(db, &n);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(l[i].entity, x->id))
			printf("    %-14s direct, %s to %s%s%s\n", l[i].list, l[i].from,
			       l[i].to ? l[i].to : "now",
			       strcmp(l[i].from, date) > 0		     ? "  (not yet in force)"
			       : l[i].to && strcmp(date, l[i].to) >= 0 ? "  (ended)"
								       : "",
			       l[i].fact.unverified ? "  (unverified)" : "");
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		const struct db_entity *m;
		const struct db_list *e;

		if (db_covered(db, x, lists[i], REACH_AFFILIATES, date, &m, &e) && m != x)
			printf("    %-14s through %s (on it since %s): as a %s\n", lists[i], m->id,
			       e->from,
			       db_covered(db, x, lists[i], REACH_SUBSIDIARIES, date, &m, &e)
				       ? "subsidiary"
				       : "affiliate");
	}
}

/* Canonical form of a key; NULL (with why) if it is not one. */
static char *canonical(const char *key, const char **why)
{
	const char *colon = strchr(key, ':');
	char ns[16], *v;
	size_t nl;

	if (!colon || colon == key || (nl = (size_t)(colon - key)) >= sizeof ns) {
		*why = "not NS:VALUE";
		return NULL;
	}
	memcpy(ns, key, nl);
	ns[nl] = '\0';
	v = xstrdup(colon + 1);
	if (!strcmp(ns, "pci") || !strcmp(ns, "usb") || !strcmp(ns, "jedec") || !strcmp(ns, "arm")) {
		if (!strcmp(ns, "pci") || !strcmp(ns, "usb")) {
			char *p = v + (!strncmp(v, "0x", 2) || !strncmp(v, "0X", 2) ? 2 : 0);

			memmove(v, p, strlen(p) + 1);
		}
		for (char *p = v; *p; p++)
			*p = (char)((*p >= 'A' && *p <= 'F') ? *p - 'A' + 'a' : *p == 'X' ? 'x' : *p);
		if ((!strcmp(ns, "pci") || !strcmp(ns, "usb")) &&
		    (strlen(v) != 4 || strspn(v, "0123456789abcdef") != 4)) {
			free(v);
			*why = "pci and usb keys are 4 hex digits (pci:19e5)";
			return NULL;
		}
		if (!strcmp(ns, "arm")) {
			size_t n = strlen(v);

			if (n < 3 || n > 4 || strncmp(v, "0x", 2) || strspn(v + 2, "0123456789abcdef") != n - 2) {
				free(v);
				*why = "arm keys are 0x and 1 or 2 hex digits (arm:0x48)";
				return NULL;
			}
			if (n == 3) { /* arm:0x8 is arm:0x08 */
				v = xrealloc(v, 5);
				v[4] = '\0', v[3] = v[2], v[2] = '0';
			}
		}
		if (!strcmp(ns, "jedec")) {
			unsigned bank, code;

			if (sscanf(v, "%u:%x", &bank, &code) != 2) {
				free(v);
				*why = "jedec keys are BANK:CODE";
				return NULL;
			}
			free(v);
			return xasprintf("jedec:%u:%02x", bank, code);
		}
	} else if (!strcmp(ns, "pnp") || !strcmp(ns, "tpm")) {
		for (char *p = v; *p; p++)
			*p = (char)((*p >= 'a' && *p <= 'z') ? *p - 'a' + 'A' : *p);
	} else if (strcmp(ns, "cpuid") && strcmp(ns, "oui") && strcmp(ns, "smbios") &&
		   strcmp(ns, "model")) {
		free(v);
		*why = "unknown namespace (pci usb oui pnp jedec cpuid arm tpm smbios model)";
		return NULL;
	}
	{
		char *k = xasprintf("%s:%s", ns, v);

		free(v);
		return k;
	}
}

static int lookup_one(const struct db *db, const struct db_opts *o, const char *arg)
{
	const char *why, *src = NULL;
	char *key = canonical(arg, &why);
	const struct db_entity *x = NULL;
	int found = 0;

	if (!key) {
		/* the answer of a malformed key is a usage error, not "not found" */
		msg_error("%s: a malformed key: %s", arg, why);
		return 2;
	}
	printf("%s\n", key);
	if (!strncmp(key, "smbios:", 7)) {
		struct db_match m;

		/* the scan's own matcher (vendor-db/match.h) */
		db_match_name(db, key + 7, &m);
		if ((x = m.entity)) {
			printf("  matched %s (\"%s\")\n", db_match_how_text(m.how), m.used);
			print_sources(db, src = m.src);
		} else if (m.how == MATCH_PLACEHOLDER) {
			printf("  a placeholder, naming nobody");
			if (m.placeholder->fact.file)
				printf(" (listed at %s:%u)", m.placeholder->fact.file,
				       m.placeholder->fact.line);
			printf("\n");
			found = -1;
		} else if (m.how == MATCH_SHARED) {
			printf("  \"%s\" is the name of several unrelated entities: it names none\n",
			       m.used);
			found = -1;
		}
	} else if (!strncmp(key, "model:", 6)) {
		const struct db_model *pm = db_model(db, key + 6);

		if (pm && (x = db_entity(db, pm->entity))) {
			printf("  model prefix \"");
			print_str(pm->prefix);
			printf("\" at %s:%u%s\n", pm->fact.file, pm->fact.line,
			       pm->fact.unverified ? "  (unverified)" : "");
			print_sources(db, pm->fact.src);
		}
	} else if (!strncmp(key, "oui:", 4)) {
		char mac[13];
		size_t k = 0;
		struct oui_hit hit;
		struct hw_err e = {0};

		for (const char *p = key + 4; *p && k < 12; p++)
			if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F'))
				mac[k++] = *p;
		while (k < 12)
			mac[k++] = 'X'; /* matches no digit: only blocks as long as what was given */
		mac[12] = '\0';
		if (oui_lookup(o->ieee_dir, mac, &hit, &e) == 1) {
			printf("  registrant %s %s: ", hit.registry, hit.prefix), print_str(hit.org);
			printf(" (%s)\n", *hit.country ? hit.country : "no country");
			x = db_lookup_name(db, hit.org, &src);
			if (!x)
				printf("  (a registrant the database does not know: no entity)\n");
			found = 1;
		} else if (e.msg[0]) {
			printf("  %s\n", e.msg);
		}
		hw_err_clear(&e);
	} else {
		const struct db_ident *m = db_lookup(db, key);

		if (m && (x = db_entity(db, m->entity))) {
			printf("  mapped at %s:%u%s\n", m->fact.file, m->fact.line,
			       m->fact.unverified ? "  (unverified)" : "");
			print_sources(db, m->fact.src);
		}
	}
	if (x) {
		describe(db, x, o->as_of);
		found = 1;
	} else if (!found) {
		printf("  not in the database\n");
	}
	free(key);
	return found > 0 ? 0 : 1;
}

/* The lint's rules on the facts, beyond what loading checks: a share is a
 * fact of a date, so an owner edge with share= needs from=; a PRC entity
 * whose control is unknown says in a note what was searched. Warnings on
 * stderr, each with its file and line; their count. */
static size_t lint_facts(const struct db *db)
{
	size_t ne, no, n = 0;
	const struct db_entity *x = db_entities(db, &ne);
	const struct db_owner *o = db_owners(db, &no);

	for (size_t i = 0; i < no; i++)
		if (o[i].share >= 0 && !o[i].from) {
			msg_warning("%s:%u: owner %s -> %s share=%g has no from= date", o[i].fact.file,
				 o[i].fact.line, o[i].parent, o[i].child, o[i].share);
			n++;
		}
	for (size_t i = 0; i < ne; i++)
		if (!strcmp(x[i].country, "CN") && !strcmp(x[i].control, "unknown") &&
		    (!x[i].fact.note || !*x[i].fact.note)) {
			msg_warning("%s:%u: entity %s (CN, control=unknown) has no note= saying what was "
				 "searched",
				 x[i].fact.file, x[i].fact.line, x[i].id);
			n++;
		}
	return n;
}

static int lint(const struct db *db, int strict)
{
	size_t ne, ni, no, nl, na, unverified = 0, warned = lint_facts(db);
	const struct db_entity *x = db_entities(db, &ne);
	const struct db_ident *id = db_idents(db, &ni);
	const struct db_owner *o = db_owners(db, &no);
	const struct db_list *l = db_lists(db, &nl);

	db_aliases(db, &na);
	for (size_t i = 0; i < ne; i++)
		unverified += x[i].fact.unverified;
	for (size_t i = 0; i < ni; i++)
		unverified += id[i].fact.unverified;
	for (size_t i = 0; i < no; i++)
		unverified += o[i].fact.unverified;
	for (size_t i = 0; i < nl; i++)
		unverified += l[i].fact.unverified;
	printf("%s: %zu entities, %zu identifiers, %zu ownership edges, %zu list "
	       "memberships, %zu aliases, %zu sources; %zu facts marked verified=no",
	       warned ? "loads" : "no problems", ne, ni, no, nl, na, db_count_sources(db),
	       unverified);
	if (warned)
		printf("; %zu warning%s%s", warned, warned == 1 ? "" : "s",
		       strict ? " (--strict: exit status 1)" : "");
	printf("\n");
	return strict && warned ? 1 : 0;
}

static int stats(const struct db *db)
{
	size_t ni, nl;
	const struct db_ident *id = db_idents(db, &ni);
	const struct db_list *l = db_lists(db, &nl);

	printf("identifiers by namespace:\n");
	for (size_t i = 0; i < ni;) {
		size_t len = (size_t)(strchr(id[i].key, ':') - id[i].key), j = i;

		while (j < ni && !strncmp(id[j].key, id[i].key, len + 1))
			j++;
		printf("  %-8.*s %zu\n", (int)len, id[i].key, j - i);
		i = j;
	}
	printf("direct list memberships:\n");
	for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) {
		size_t c = 0;

		for (size_t i = 0; i < nl; i++)
			c += !strcmp(l[i].list, lists[k]);
		printf("  %-14s %zu\n", lists[k], c);
	}
	printf("entities %zu, ownership edges %zu, sources %zu\n", db_count_entities(db),
	       db_count_owners(db), db_count_sources(db));
	return 0;
}

int cmd_db(int argc, char **argv)
{
	enum { O_ASOF = 256, O_DATADIR, O_OVERLAY, O_IEEE, O_STRICT };
	static const struct option longopts[] = {
		{"as-of", required_argument, NULL, O_ASOF},
		{"datadir", required_argument, NULL, O_DATADIR},
		{"db-overlay", required_argument, NULL, O_OVERLAY},
		{"ieee-dir", required_argument, NULL, O_IEEE},
		{"strict", no_argument, NULL, O_STRICT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct db_opts o = {.ieee_dir = HWBOM_IEEE_DIR};
	struct hw_err e = {0};
	struct db *db;
	const char *sub;
	int c, rc = 0, strict = 0;

	if ((rc = subcommand_help(argc, argv, usage)) >= 0)
		return rc;
	rc = 0;
	sub = argv[1];
	optind = 2;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case O_ASOF:
			if (as_of_arg(optarg, &o.as_of) < 0)
				return EXIT_BAD;
			break;
		case O_DATADIR: o.datadir = optarg; break;
		case O_OVERLAY: o.overlay = optarg; break;
		case O_IEEE: o.ieee_dir = optarg; break;
		case O_STRICT: strict = 1; break;
		case 'h': usage(stdout); return 0;
		default: fputs("Try 'hwbom db --help'.\n", stderr); return EXIT_BAD;
		}
	}
	if (strcmp(sub, "lookup") && strcmp(sub, "lint") && strcmp(sub, "stats")) {
		msg_error("unknown db command '%s' (lookup, lint or stats)", sub);
		return EXIT_BAD;
	}
	if (!strcmp(sub, "lookup") ? optind == argc : optind != argc) {
		msg_error(!strcmp(sub, "lookup") ? "db lookup needs a KEY" : "unexpected argument '%s'",
			  argv[optind]);
		return EXIT_BAD;
	}
	today_utc(o.today);
	if (!o.as_of)
		o.as_of = o.today;
	db = db_new();
	if (load_db(o.datadir ? o.datadir : default_datadir(), o.overlay, db, &e) < 0) {
		msg_error("%s", e.msg);
		db_free(db);
		hw_err_clear(&e);
		return EXIT_BAD;
	}
	if (!strcmp(sub, "lint"))
		rc = lint(db, strict);
	else if (!strcmp(sub, "stats"))
		rc = stats(db);
	else
		for (int i = optind; i < argc; i++) {
			int r = lookup_one(db, &o, argv[i]);

			rc = r > rc ? r : rc;
		}
	db_free(db);
	hw_err_clear(&e);
	return rc;
}
