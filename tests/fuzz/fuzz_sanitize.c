/* fuzz_sanitize.c - libFuzzer target: whatever the bytes, the sanitiser's
 * output is valid UTF-8 of XML Chars only, with no control characters, and
 * no longer than its limit. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/chvalid.h>
#include <libxml/xmlstring.h>

#include "../../output/sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = hw_sanitize_n((const char *)data, size);
	int len = (int)strlen(s);

	if (len > HW_STR_MAX + 3)
		abort();
	for (int i = 0; i < len;) {
		int n = len - i;
		int c = xmlGetUTF8Char((const unsigned char *)s + i, &n);

		/* a valid character, and in its shortest form */
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || !xmlIsCharQ(c) ||
		    n != (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4))
			abort();
		i += n;
	}
	free(s);
	return 0;
}
