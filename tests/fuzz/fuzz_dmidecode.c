/* fuzz_dmidecode.c - libFuzzer target: dmidecode's text reader on
 * arbitrary bytes, every structure it hands on built into a BOM, and the
 * BOM written and checked: well-formed, valid against the XSD
 * (fuzz_oracle.h). */
#include <stdint.h>
#include <string.h>

#include "../../output/bom.h"
#include "../../probes/dmi/dmi_build.h"
#include "../../probes/dmi/dmidecode_text.h"
#include "fuzz_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_rec(void *user, const struct dmi_rec *r)
{
	dmi_build(user, r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bom *bom = bom_new();
	struct dmi_builder b = {.bom = bom};
	struct dmidecode_info info;
	struct hw_err e = {0};

	bom_set(&bom->machine, "fuzz");
	bom_set(&bom->as_of, "2024-06-01");
	if (dmidecode_parse("fuzz", (const char *)data, size, on_rec, &b, &info, &e) == 0)
		oracle_check_bom(bom);
	hw_err_clear(&e);
	bom_free(bom);
	return 0;
}
