/* resolve_bench.c - the cost of the origin database for make bench: what
 * the database adds to the scan of a typical machine (loading it and the
 * policies, resolving and judging 40 PCI functions, three MAC addresses
 * looked up in the IEEE registries), and resolving and judging 100,000
 * identifiers (PCI functions cycling through real vendor and subsystem ids).
 * Prints milliseconds; asserts nothing.
 *
 * usage: resolve_bench [DATADIR [IEEE_DIR]] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../output/bom.h"
#include "../../probes/net/oui.h"
#include "../../scanner/judge.h"
#include "../../scanner/policy.h"
#include "../../scanner/resolve.h"
#include "../../vendor-db/db.h"

static double ms(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* n PCI functions with vendor and subsystem vendor ids; the number of ids */
static size_t add_functions(struct bom *b, int n)
{
	static const char *const vendors[] = {"8086", "19e5", "10de", "1022", "144d", "17aa",
					      "1028", "10ec", "15b3", "abcd"};
	char loc[32];

	bom_set_coverage(b, "pci", "read", NULL);
	for (int i = 0; i < n; i++) {
		struct bom_component *c;

		snprintf(loc, sizeof loc, "%04x:%02x:%02x.%d", i >> 13, i >> 5 & 0xff, i & 0x1f, 0);
		c = bom_add_component(b, "pci", loc);
		bom_add_id(c, "pci.vendor", vendors[i % 10], NULL);
		bom_add_id(c, "pci.subvendor", vendors[(i / 10) % 10], NULL);
	}
	return 2 * (size_t)n;
}

int main(int argc, char **argv)
{
	static const char *const macs[] = {"30fbb8123456", "3c7c3f0a0b0c", "001b21abcdef"};
	const char *datadir = argc > 1 ? argv[1] : "vendor-db";
	const char *ieee = argc > 2 ? argv[2] : "/usr/share/ieee-data";
	struct timespec t0, t1, t2, t3, t4, t5;
	struct bom *typical = bom_new();
	struct oui_hit hit;
	int found = 0;
	struct policy_set set = {0};
	struct hw_err e = {0};
	struct bom *b = bom_new();
	struct db *db = db_new();
	char path[512];
	size_t ids;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	snprintf(path, sizeof path, "%s/data", datadir);
	if (db_load_dir(db, path, &e) < 0 || db_finish(db, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return 2;
	}
	snprintf(path, sizeof path, "%s/policies", datadir);
	if (policy_load_dir(&set, path, db, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	bom_set(&typical->as_of, "2026-01-01");
	add_functions(typical, 40);
	resolve_bom(typical, db, typical->as_of);
	judge_bom(typical, db, &set, NULL);
	for (size_t i = 0; i < sizeof macs / sizeof *macs; i++)
		found += oui_lookup(ieee, macs[i], &hit, &e) == 1;
	clock_gettime(CLOCK_MONOTONIC, &t4);
	bom_set(&b->as_of, "2026-01-01");
	ids = add_functions(b, 50000);
	clock_gettime(CLOCK_MONOTONIC, &t2);
	resolve_bom(b, db, b->as_of);
	clock_gettime(CLOCK_MONOTONIC, &t5);
	judge_bom(b, db, &set, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t3);
	printf("load database and policies: %.2f ms\n", ms(&t0, &t1));
	printf("a typical machine (load, 40 functions, %zu MACs of which %d found in %s): %.2f ms\n",
	       sizeof macs / sizeof *macs, found, ieee, ms(&t0, &t4));
	printf("resolve and judge %zu identifiers (%zu components): %.1f ms\n", ids, b->ncomponents,
	       ms(&t2, &t3));
	printf("  of which resolving: %.1f ms; judging against %zu policies: %.1f ms\n",
	       ms(&t2, &t5), set.npolicies, ms(&t5, &t3));
	bom_free(b);
	bom_free(typical);
	policy_set_clear(&set);
	db_free(db);
	return 0;
}
