/* replay.c - a fuzz target without libFuzzer: feed it each file named on
 * the command line (or each file of each directory named), as libFuzzer
 * would, so that `make test` runs the regression inputs
 * (tests/fuzz/regression/TARGET/) with gcc and no clang. The target's own
 * checks abort on a failure; this prints which input it was on first. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (!f) {
		perror(path);
		return 1;
	}
	do {
		if (len == cap)
			buf = realloc(buf, cap = cap ? 2 * cap : 65536);
		if (!buf)
			abort();
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got);
	fclose(f);
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *de;
		char **names = NULL;
		size_t n = 0;

		if (stat(argv[i], &st) < 0 || !S_ISDIR(st.st_mode)) {
			rc |= run_file(argv[i]);
			continue;
		}
		if (!(d = opendir(argv[i]))) {
			perror(argv[i]);
			return 1;
		}
		while ((de = readdir(d)))
			if (de->d_name[0] != '.') {
				names = realloc(names, (n + 1) * sizeof *names);
				if (!names || !(names[n] = malloc(strlen(argv[i]) + strlen(de->d_name) + 2)))
					abort();
				sprintf(names[n++], "%s/%s", argv[i], de->d_name);
			}
		closedir(d);
		if (n > 1)
			qsort(names, n, sizeof *names, cmp);
		for (size_t k = 0; k < n; k++) {
			rc |= run_file(names[k]);
			free(names[k]);
		}
		free(names);
	}
	return rc;
}
