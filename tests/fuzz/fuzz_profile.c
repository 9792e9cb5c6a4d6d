/* fuzz_profile.c - libFuzzer target: the policy profile reader
 * (policy_load_profile(), --profile NAME) on arbitrary files, over the
 * shipped policies and database. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../output/alloc.h"
#include "../../scanner/policy.h"

#include "fuzz_tmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* DIR/profiles/fuzz.profile beside links to the shipped policies; the
 * shipped database, loaded once. */
static const char *dir(const struct db **db)
{
	static char d[512];
	static struct db *shipped;

	if (!d[0]) {
		struct hw_err e = {0};
		const char *names[] = {"dod-1260h",  "entity-list",   "far-52.204-23", "fcc-covered",
				       "ndaa889",    "ndaa2023-5949", "pl113-6-516"};
		char *p;

		snprintf(d, sizeof d, "%s/fuzz-profile.%d", fuzz_tmpdir(), (int)getpid());
		mkdir(d, 0700);
		p = xasprintf("%s/profiles", d);
		mkdir(p, 0700);
		free(p);
		for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
			char *from = xasprintf("%s/policies/%s.policy", VENDOR_DB, names[i]);

			p = xasprintf("%s/%s.policy", d, names[i]);
			if (symlink(from, p) < 0 && access(p, F_OK) < 0)
				abort();
			free(from), free(p);
		}
		shipped = db_new();
		p = xasprintf("%s/data", VENDOR_DB);
		if (db_load_dir(shipped, p, &e) < 0 || db_finish(shipped, &e) < 0) {
			fprintf(stderr, "fuzz_profile: %s\n", e.msg);
			abort();
		}
		free(p);
		hw_err_clear(&e);
	}
	*db = shipped;
	return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct db *db;
	const char *d = dir(&db);
	char *path = xasprintf("%s/profiles/fuzz.profile", d);
	struct policy_set set = {0};
	struct hw_err e = {0};
	FILE *f = fopen(path, "wb");

	free(path);
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	policy_load_profile(&set, d, "fuzz", db, &e);
	policy_set_clear(&set);
	hw_err_clear(&e);
	return 0;
}
