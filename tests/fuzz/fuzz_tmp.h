/* fuzz_tmp.h - where a fuzz target keeps the files it feeds the code under
 * test: $TMPDIR, else /tmp. `make test` runs the replays with a TMPDIR of
 * their own and removes it after, so nothing is left behind. */
#ifndef HWBOM_FUZZ_TMP_H
#define HWBOM_FUZZ_TMP_H

#include <stdlib.h>

static const char *fuzz_tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	return t && *t == '/' ? t : "/tmp";
}

#endif
