/* termsafe.c - escape what a terminal would obey (see termsafe.h). */
#include "termsafe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "sanitize.h"

/* Unicode's Bidi_Control characters and the two separators that end a line
 * on some terminals. */
static int is_format(int c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

char *hw_term_escape(const char *s, int keep_newlines)
{
	size_t len = strlen(s), o = 0;
	/* the worst case: every byte becomes \xHH (4), every 2-byte C1 \uHHHH (6) */
	char *out = xmalloc(len * 4 + 1);

	for (size_t i = 0; i < len;) {
		const unsigned char *p = (const unsigned char *)s + i;
		int c, n = hw_utf8_decode(p, len - i, &c);

		if (!n) {
			o += (size_t)sprintf(out + o, "\\x%02X", p[0]);
			i++;
		} else if ((c < 0x20 && !(c == '\n' && keep_newlines)) || c == 0x7F) {
			o += (size_t)sprintf(out + o, "\\x%02X", c);
			i++;
		} else if ((c >= 0x80 && c <= 0x9F) || is_format(c)) {
			o += (size_t)sprintf(out + o, "\\u%04X", c);
			i += (size_t)n;
		} else {
			memcpy(out + o, p, (size_t)n);
			o += (size_t)n;
			i += (size_t)n;
		}
	}
	out[o] = '\0';
	return out;
}
