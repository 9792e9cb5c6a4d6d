/* fuzz_oui_index.c - libFuzzer target: the cached IEEE index file
 * (probes/net/oui_index.c) replaced by arbitrary bytes. Whatever it holds,
 * every lookup gives the answer the registries give without any index: a
 * cache that cannot be trusted is rebuilt, never believed, hit or miss. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../output/alloc.h"
#include "../../probes/net/oui.h"

#include "fuzz_tmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define IEEE FIXTURES "/ieee"

static const char *const macs[] = {"30fbb8123456", "3CFDFE000001", "3cfdfea12345",
				   "0200deadbeef", "70b3d5f2f001"};
#define NMACS (sizeof macs / sizeof *macs)

struct answer {
	int found;
	struct oui_hit hit;
};

static void ask(struct answer *a)
{
	for (size_t i = 0; i < NMACS; i++) {
		struct hw_err e = {0};

		memset(&a[i], 0, sizeof a[i]);
		a[i].found = oui_lookup(IEEE, macs[i], &a[i].hit, &e);
		hw_err_clear(&e);
	}
}

/* The answers without an index, and the path of the cache file. */
static const char *setup(struct answer *want)
{
	static char cache[512], idx[1024];
	static struct answer truth[NMACS];
	DIR *d;
	struct dirent *de;

	if (!idx[0]) {
		setenv("HWBOM_CACHE_DIR", "/nonexistent/fuzz-oui-index", 1);
		ask(truth);
		snprintf(cache, sizeof cache, "%s/fuzz-oui-index.%d", fuzz_tmpdir(), (int)getpid());
		mkdir(cache, 0700);
		setenv("HWBOM_CACHE_DIR", cache, 1);
		ask(want); /* builds the index */
		d = opendir(cache);
		while (d && (de = readdir(d))) {
			size_t n = strlen(de->d_name);

			if (n > 4 && !strcmp(de->d_name + n - 4, ".idx"))
				snprintf(idx, sizeof idx, "%s/%s", cache, de->d_name);
		}
		if (d)
			closedir(d);
		if (!idx[0])
			abort();
	}
	memcpy(want, truth, sizeof truth);
	return idx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct answer want[NMACS], got[NMACS];
	const char *idx = setup(want);
	FILE *f = fopen(idx, "wb");

	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	ask(got);
	for (size_t i = 0; i < NMACS; i++)
		if (got[i].found != want[i].found ||
		    (want[i].found == 1 && (strcmp(got[i].hit.prefix, want[i].hit.prefix) ||
					    strcmp(got[i].hit.org, want[i].hit.org) ||
					    strcmp(got[i].hit.country, want[i].hit.country)))) {
			fprintf(stderr, "fuzz_oui_index: %s: the index lied\n", macs[i]);
			abort();
		}
	return 0;
}
