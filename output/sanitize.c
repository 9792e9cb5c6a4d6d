/* sanitize.c - make hostile strings safe for XML and terminals (see sanitize.h). */
#include "sanitize.h"

#include <string.h>

#include "alloc.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
static const char ellipsis[] = "\xE2\x80\xA6";    /* U+2026 */

static int is_control(int c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* XML 1.0 (Fifth Edition) section 2.2, production [2] Char: #x9 | #xA | #xD |
 * [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
static int is_xml_char(int c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* The well-formed UTF-8 byte sequences, The Unicode Standard 15.0 section
 * 3.9, Table 3-7: for each lead byte, the range its second byte must fall
 * in (every later byte is 80..BF). This rules out stray continuation bytes,
 * overlong forms (C0, C1, E0 80..9F, F0 80..8F), the surrogates (ED A0..BF)
 * and everything above U+10FFFF (F4 90.., F5..FF). libxml2's
 * xmlGetUTF8Char() is not this strict: it takes BF BF for U+07FF. */
int hw_utf8_decode(const unsigned char *s, size_t len, int *c)
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
	if ((size_t)n > len || s[1] < lo || s[1] > hi)
		return 0;
	for (int k = 1; k < n; k++) {
		if (k > 1 && (s[k] < 0x80 || s[k] > 0xBF))
			return 0;
		v = v << 6 | (s[k] & 0x3F);
	}
	*c = v;
	return n;
}

static int printable_ascii(unsigned char c)
{
	return c >= 0x20 && c < 0x7f;
}

char *hw_sanitize_n(const char *s, size_t len)
{
	size_t clean = 0, cap, i = 0, o = 0;
	char *out;

	/* the common case, a short printable ASCII string, is copied as it is */
	while (clean < len && printable_ascii((unsigned char)s[clean]))
		clean++;
	if (clean == len && len <= HW_STR_MAX) {
		char *copy = xmalloc(len + 1);

		memcpy(copy, s, len);
		copy[len] = '\0';
		return copy;
	}

	/* each input byte becomes at most 3 output bytes */
	cap = (len < HW_STR_MAX ? len : HW_STR_MAX) * 3 + sizeof ellipsis;
	out = xmalloc(cap + 1);

	while (i < len) {
		const char *piece;
		size_t plen;
		int n, c;

		if (printable_ascii((unsigned char)s[i])) {
			/* printable ASCII, the common case: as it is */
			if (o + 1 > HW_STR_MAX) {
				memcpy(out + o, ellipsis, 3);
				o += 3;
				break;
			}
			out[o++] = s[i++];
			continue;
		}
		n = hw_utf8_decode((const unsigned char *)s + i, len - i, &c);

		if (!n) {
			/* not UTF-8: one replacement per bad byte, resynchronise
			 * on the next */
			piece = replacement;
			plen = 3;
			n = 1;
		} else if (!is_xml_char(c) || is_control(c)) {
			/* well-formed but not allowed: one replacement */
			piece = replacement;
			plen = 3;
		} else {
			piece = s + i;
			plen = (size_t)n;
		}
		if (o + plen > HW_STR_MAX) {
			memcpy(out + o, ellipsis, 3);
			o += 3;
			break;
		}
		memcpy(out + o, piece, plen);
		o += plen;
		i += (size_t)n;
	}
	out[o] = '\0';
	return out;
}

char *hw_sanitize(const char *s)
{
	return s ? hw_sanitize_n(s, strlen(s)) : NULL;
}
