/* fuzz_usb_desc.c - libFuzzer target: the parser of the kernel's USB
 * `descriptors` file on arbitrary bytes, for each configuration value. */
#include <stdint.h>
#include <string.h>

#include "../../probes/usb/usb_desc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (unsigned active = 0; active < 3; active++) {
		struct usb_dev d;

		memset(&d, 0, sizeof d);
		usb_parse_descriptors(data, size, active, &d);
		if (d.nifaces > MAX_IFACES)
			__builtin_trap();
	}
	return 0;
}
