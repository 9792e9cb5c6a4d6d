/* fuzz_lshw.c - libFuzzer target: arbitrary bytes as --lshw input, through
 * the reader and, where it passes, every probe that builds from the
 * inventory. Either an error or a BOM; never a crash, a leak or a hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../../probes/import/inventory.h"
#include "../../probes/probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = xmalloc(size + 1);
	struct inventory inv = {0};
	struct hw_err e = {0};
	struct probe_src src = {.pci_ids = FIXTURES "/pci.ids",
	                        .usb_ids = FIXTURES "/usb.ids",
	                        .ieee_dir = FIXTURES "/ieee",
	                        .pnp_ids = FIXTURES "/pnp.ids"};
	struct bom *b;

	memcpy(buf, data, size);
	buf[size] = '\0';
	if (lshw_parse("fuzz.lshw", buf, size, &inv, &e) == 0) {
		b = bom_new();
		src.inv = &inv;
		probe_run_all(&src, b, &e);
		bom_free(b);
	}
	inventory_free(&inv);
	hw_err_clear(&e);
	free(buf);
	return 0;
}
