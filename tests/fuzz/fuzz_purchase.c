/* fuzz_purchase.c - libFuzzer target: a purchase declaration of arbitrary
 * bytes (hwbom diff's and --declaration's input), read and, when it reads,
 * matched against a small BOM. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../output/bom.h"
#include "../../output/purchase.h"

#include "fuzz_tmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[512];
	struct purchase p = {0};
	struct hw_err e = {0};
	FILE *f;

	if (!path[0])
		snprintf(path, sizeof path, "%s/fuzz-purchase.%d.xml", fuzz_tmpdir(), (int)getpid());
	f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	if (purchase_is(path) && purchase_read(path, &p, &e) == 0) {
		struct bom *b = bom_new();
		struct bom_component *c = bom_add_component(b, "pci", "0000:00:00.0");
		unsigned *got = calloc(p.nitems + 1, sizeof *got);

		bom_add_id(c, "pci.vendor", "8086", "Intel Corporation");
		bom_add_id(c, "pci.device", "1572", NULL);
		c = bom_add_component(b, "system", "system");
		bom_add_id(c, "smbios.manufacturer", "Dell Inc.", NULL);
		free(purchase_match(&p, b, got));
		free(got);
		bom_free(b);
	}
	purchase_clear(&p);
	hw_err_clear(&e);
	return 0;
}
