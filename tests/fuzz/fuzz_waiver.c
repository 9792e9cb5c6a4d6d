/* fuzz_waiver.c - libFuzzer target: the waiver reader (scanner/waiver.c,
 * --waivers FILE) on arbitrary files, and a lookup in what it read. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../scanner/waiver.h"

#include "fuzz_tmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[512];
	struct waiver_set set = {0};
	struct hw_err e = {0};
	FILE *f;

	if (!path[0])
		snprintf(path, sizeof path, "%s/fuzz-waiver.%d.waivers", fuzz_tmpdir(), (int)getpid());
	f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	if (waiver_load(&set, path, &e) == 0) {
		int expired;

		waiver_find(&set, "ndaa889", "covered-producer", "huawei", "pci:0000:3b:00.0",
			    "2024-06-01", &expired);
	}
	waiver_set_clear(&set);
	hw_err_clear(&e);
	return 0;
}
