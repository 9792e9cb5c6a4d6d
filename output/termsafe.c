/* termsafe.c - escape what a terminal would obey (see termsafe.h). */
#include "termsafe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* The length of the well-formed UTF-8 sequence at s (Unicode Table 3-7)
 * and its scalar value in *c, or 0. */
static int utf8_len(const unsigned char *s, int *c)
{
	unsigned char b = s[0], lo = 0x80, hi = 0xBF;
	int n, v;

	if (b < 0x80) {
		*c = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF)
		n = 2, v = b & 0x1F;
	else if (b >= 0xE0 && b <= 0xEF)
		n = 3, v = b & 0x0F, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
	else if (b >= 0xF0 && b <= 0xF4)
		n = 4, v = b & 0x07, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
	else
		return 0;
	/* a NUL ends s, and is no continuation byte: no read past it */
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (int k = 1; k < n; k++) {
		if (k > 1 && (s[k] < 0x80 || s[k] > 0xBF))
			return 0;
		v = v << 6 | (s[k] & 0x3F);
	}
	*c = v;
	return n;
}

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
		int c, n = utf8_len(p, &c);

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
