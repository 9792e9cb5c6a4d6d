/* fuzz_archive.c - libFuzzer target: a capture archive of arbitrary bytes
 * (scan --root FILE) unpacked into a private directory, then removed.
 * Either an error or a tree inside that directory; never a crash, and
 * never a file or link outside it (checked after each run). */
#define _GNU_SOURCE /* memfd_create */
#include <ftw.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../scanner/archive.h"
#include "../../scanner/snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char top[PATH_MAX];

/* Whatever was unpacked resolves inside the private directory. */
static int inside(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	char real[PATH_MAX];

	(void)st, (void)flag, (void)ftw;
	if (realpath(path, real) && strncmp(real, top, strlen(top)))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz.tar", 0);
	char path[64], *tmp = NULL, *root;
	struct hw_err e = {0};

	if (fd < 0 || write(fd, data, size) != (ssize_t)size) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	root = archive_unpack(path, &tmp, &e);
	if (root) {
		if (!realpath(tmp, top))
			abort();
		nftw(root, inside, 16, FTW_PHYS);
	}
	if (tmp)
		snapshot_remove(tmp);
	free(tmp), free(root);
	hw_err_clear(&e);
	close(fd);
	return 0;
}
