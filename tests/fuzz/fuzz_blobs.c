/* fuzz_blobs.c - libFuzzer target: the small firmware-blob parsers on
 * arbitrary bytes. The first byte picks the parser: an EDID base block, a
 * TPM 1.2 caps file, a TPM 2.0 GetCapability response, /proc/cpuinfo. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../probes/cpu/cpu_info.h"
#include "../../probes/display/edid.h"
#include "../../probes/tpm/tpm_vendor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct edid_info ei;
	struct cpu_info ci;
	const char *why;
	char vendor[5];
	size_t sum = 0;

	if (!size)
		return 0;
	switch (data[0] & 3) {
	case 0:
		if (edid_parse(data + 1, size - 1, &ei, &why) == 0)
			sum = strlen(ei.pnp) + strlen(ei.name) + strlen(ei.serial_str);
		break;
	case 1:
		if (tpm12_parse_caps((const char *)data + 1, size - 1, vendor) == 0)
			sum = strlen(vendor);
		break;
	case 2:
		if (tpm2_parse_manufacturer(data + 1, size - 1, vendor) == 0)
			sum = strlen(vendor);
		break;
	default:
		memset(&ci, 0, sizeof ci);
		cpu_parse_cpuinfo((const char *)data + 1, size - 1, &ci);
		break;
	}
	return sum == 1000; /* keep the reads */
}
