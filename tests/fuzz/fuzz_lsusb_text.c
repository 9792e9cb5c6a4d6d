/* fuzz_lsusb_text.c - libFuzzer target: the lsusb / usb-devices text parser
 * on arbitrary bytes. It either fails with a message naming the line and
 * leaves nothing behind, or gives devices within the probe's bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/err.h"
#include "../../probes/usb/lsusb_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct usb_dev *devs = NULL;
	size_t n = 0, cap = 0;
	const char *format = NULL;
	struct hw_err e = {0};
	int rc = lsusb_text_parse("fuzz", (const char *)data, size, &devs, &n, &cap, &format, &e);

	if (rc < 0 && (n || strncmp(e.msg, "fuzz", 4)))
		__builtin_trap();
	for (size_t i = 0; i < n; i++) {
		if (devs[i].nifaces > MAX_IFACES || devs[i].nports > MAX_PORTS ||
		    strlen(devs[i].speed) >= sizeof devs[i].speed)
			__builtin_trap();
		for (int k = 0; k < 3; k++)
			free(devs[i].str[k]);
	}
	free(devs);
	hw_err_clear(&e);
	return 0;
}
