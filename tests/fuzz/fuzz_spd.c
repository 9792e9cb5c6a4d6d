/* fuzz_spd.c - libFuzzer target: the memory probe's SPD decoder
 * (probes/memory/spd.c) on arbitrary EEPROM contents, read as a DDR4 SPD
 * (ee1004) and a DDR3 one (at24) from a captured tree, and the BOM it makes
 * written and checked against the schema (fuzz_oracle.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../output/alloc.h"
#include "../../probes/probe.h"
#include "fuzz_oracle.h"

#include "fuzz_tmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const drivers[] = {"ee1004", "at24"};

/* ROOT/sys/bus/i2c/drivers/{ee1004,at24}/0-0050/eeprom, made once. */
static const char *root(void)
{
	static char dir[512];

	if (dir[0])
		return dir;
	snprintf(dir, sizeof dir, "%s/fuzz-spd.%d", fuzz_tmpdir(), (int)getpid());
	for (size_t i = 0; i < 2; i++) {
		const char *parts[] = {"", "/sys", "/sys/bus", "/sys/bus/i2c", "/sys/bus/i2c/drivers"};

		for (size_t k = 0; k < 5; k++) {
			char *p = xasprintf("%s%s", dir, parts[k]);

			mkdir(p, 0700);
			free(p);
		}
		char *p = xasprintf("%s/sys/bus/i2c/drivers/%s", dir, drivers[i]);

		mkdir(p, 0700);
		free(p);
		p = xasprintf("%s/sys/bus/i2c/drivers/%s/0-0050", dir, drivers[i]);
		mkdir(p, 0700);
		free(p);
	}
	return dir;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct probe_src src = {.root = root()};
	struct bom *b = bom_new();
	struct hw_err e = {0};

	for (size_t i = 0; i < 2; i++) {
		char *p = xasprintf("%s/sys/bus/i2c/drivers/%s/0-0050/eeprom", src.root, drivers[i]);
		FILE *f = fopen(p, "wb");

		free(p);
		if (!f)
			abort();
		fwrite(data, 1, size, f);
		fclose(f);
	}
	bom_set(&b->machine, "fuzz");
	bom_set(&b->as_of, "2024-06-01");
	if (probe_spd.run(&src, b, &e) == 0)
		oracle_check_bom(b);
	hw_err_clear(&e);
	bom_free(b);
	return 0;
}
