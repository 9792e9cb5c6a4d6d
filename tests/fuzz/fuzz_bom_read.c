/* fuzz_bom_read.c - libFuzzer target: a saved BOM of arbitrary bytes read
 * back (hwbom check's input), and the model it gives written again and
 * checked (fuzz_oracle.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../output/bom_read.h"
#include "fuzz_oracle.h"

#include "fuzz_tmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[512];
	struct bom *b = bom_new();
	struct bom_saved saved = {0};
	struct hw_err e = {0};
	FILE *f;

	if (!path[0])
		snprintf(path, sizeof path, "%s/fuzz-bom-read.%d.xml", fuzz_tmpdir(), (int)getpid());
	f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	if (bom_read(path, b, &saved, &e) == 0) {
		for (size_t i = 0; i < b->ncomponents; i++)
			free(bom_ref(b->components[i]));
		/* what check -o would write again: well-formed and valid */
		oracle_check_bom(b);
	}
	bom_saved_clear(&saved);
	hw_err_clear(&e);
	bom_free(b);
	return 0;
}
