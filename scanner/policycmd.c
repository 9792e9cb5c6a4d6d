/* policycmd.c - `hwbom policy list|show`: what the policies hold, which of
 * their rules are in force on a date, and whom their lists name. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "hwbom.h"
#include "policy.h"

static void usage(FILE *f)
{
	fputs("Usage: hwbom policy list [OPTION]...\n"
	      "       hwbom policy show [OPTION]... ID|FILE...\n"
	      "What the policies hold: their rules, which are in force, whom they name.\n"
	      "\n"
	      "  --as-of DATE        rules in force and list members on DATE (default: today)\n"
	      "  --datadir DIR       database and policies (default " HWBOM_DATADIR ")\n"
	      "  --db-overlay FILE   local database records (see hwbom scan --help)\n"
	      "  -h, --help          show this help\n"
	      "\n"
	      "Exit status: 0 done; 2 usage error, or a policy or database that cannot be\n"
	      "read (file and line named).\n",
	      f);
}

static size_t in_force(const struct policy *p, const char *date)
{
	size_t n = 0;

	for (size_t i = 0; i < p->nrules; i++)
		n += policy_rule_applies(&p->rules[i], date, NULL);
	return n;
}

static void list(const struct policy_set *set, const char *date)
{
	for (size_t i = 0; i < set->npolicies; i++) {
		const struct policy *p = &set->policies[i];

		printf("%-16s %zu of %zu rules in force  edition %s  ", p->id, in_force(p, date),
		       p->nrules, p->edition);
		print_str(p->title);
		printf("\n");
	}
}

/* The entities directly on list on date, on one line. */
static void members(const struct db *db, const char *list, const char *date)
{
	size_t n, count = 0;
	const struct db_list *l = db_lists(db, &n);

	printf("    members    ");
	for (size_t i = 0; i < n; i++) {
		if (strcmp(l[i].list, list) || (l[i].from && strcmp(l[i].from, date) > 0) ||
		    (l[i].to && strcmp(date, l[i].to) >= 0))
			continue;
		printf("%s%s", count++ ? ", " : "", l[i].entity);
	}
	printf("%s (directly, on %s)\n", count ? "" : "none", date);
}

static void show(const struct db *db, const struct policy *p, const char *date)
{
	printf("%s  ", p->id), print_str(p->title), printf("\n");
	printf("  citation   "), print_str(p->citation), printf("\n");
	printf("  edition    %s\n", p->edition);
	printf("  sources\n");
	print_sources(db, p->src);
	for (size_t i = 0; i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];

		printf("  rule %s: %s on %s\n", r->id,
		       policy_rule_applies(r, date, NULL) ? "in force" : "not in force", date);
		printf("    severity   %s, from %s%s%s\n", verdict_name(r->severity), r->from,
		       r->to ? " to " : "", r->to ? r->to : "");
		if (r->test == TEST_STATE) {
			printf("    test       state-owned: %s state share at least %g%%, state "
			       "control, or a finding on ",
			       r->country, r->threshold);
			for (size_t k = 0; k < r->nfindings; k++)
				printf("%s%s", k ? "," : "", r->findings[k]);
			printf("%s; or its chain of largest holders ends in a %s state entity\n",
			       r->nfindings ? "" : "no list", r->country);
		} else if (r->test == TEST_HQ) {
			printf("    test       headquartered in %s\n", r->country);
			if (r->unless)
				printf("    unless     %s applies or cannot be judged\n",
				       p->rules[r->unless - 1].id);
		} else if (r->test == TEST_PRODUCED) {
			printf("    test       produced-abroad: a component a purchase declaration "
			       "places in ");
			for (size_t k = 0; k < r->ncategories; k++)
				printf("%s%s", k ? "," : "", r->categories[k]);
			printf(", produced outside %s\n", r->country);
		} else {
			printf("    list       %s, reach %s\n", r->list,
			       policy_reach_name(r->reach));
			if (r->unless)
				printf("    unless     %s applies or cannot be judged\n",
				       p->rules[r->unless - 1].id);
		}
		if (r->test != TEST_PRODUCED) {
			printf("    roles      ");
			for (size_t k = 0; k < r->nroles; k++)
				printf("%s%s", k ? "," : "", r->roles[k]);
			printf("%s\n", r->nroles ? "" : "every role");
		}
		printf("    cite       "), print_str(r->cite), printf("\n");
		if (r->test == TEST_LIST)
			members(db, r->list, date);
	}
}

int cmd_policy(int argc, char **argv)
{
	enum { O_ASOF = 256, O_DATADIR, O_OVERLAY };
	static const struct option longopts[] = {
		{"as-of", required_argument, NULL, O_ASOF},
		{"datadir", required_argument, NULL, O_DATADIR},
		{"db-overlay", required_argument, NULL, O_OVERLAY},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *datadir = NULL, *overlay = NULL, *as_of = NULL, *sub;
	struct policy_set set = {0};
	struct hw_err e = {0};
	struct db *db;
	char today[11], *dir;
	int c, rc = 0;

	if ((rc = subcommand_help(argc, argv, usage)) >= 0)
		return rc;
	rc = 0;
	sub = argv[1];
	optind = 2;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case O_ASOF:
			if (as_of_arg(optarg, &as_of) < 0)
				return EXIT_BAD;
			break;
		case O_DATADIR: datadir = optarg; break;
		case O_OVERLAY: overlay = optarg; break;
		case 'h': usage(stdout); return 0;
		default: fputs("Try 'hwbom policy --help'.\n", stderr); return EXIT_BAD;
		}
	}
	if (strcmp(sub, "list") && strcmp(sub, "show")) {
		msg_error("unknown policy command '%s' (list or show)", sub);
		return EXIT_BAD;
	}
	if (!strcmp(sub, "show") ? optind == argc : optind != argc) {
		msg_error(!strcmp(sub, "show") ? "policy show needs an ID or FILE"
					       : "unexpected argument '%s'",
			  argv[optind]);
		return EXIT_BAD;
	}
	today_utc(today);
	if (!as_of)
		as_of = today;
	if (!datadir)
		datadir = default_datadir();
	db = db_new();
	dir = xasprintf("%s/policies", datadir);
	if (load_db(datadir, overlay, db, &e) < 0) {
		rc = EXIT_BAD;
	} else if (!strcmp(sub, "list")) {
		if (policy_load_dir(&set, dir, db, &e) < 0)
			rc = EXIT_BAD;
		else
			list(&set, as_of);
	} else {
		for (int i = optind; i < argc && !rc; i++)
			if (policy_load(&set, dir, argv[i], db, &e) < 0)
				rc = EXIT_BAD;
		for (size_t i = 0; !rc && i < set.npolicies; i++)
			show(db, &set.policies[i], as_of);
	}
	if (rc)
		msg_error("%s", e.msg);
	free(dir);
	policy_set_clear(&set);
	db_free(db);
	return rc;
}
