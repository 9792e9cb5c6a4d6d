/* sanitize.c - make hostile strings safe for XML and terminals (see sanitize.h). */
#include "sanitize.h"

#include <string.h>

#include <libxml/chvalid.h>
#include <libxml/xmlstring.h>

#include "alloc.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
static const char ellipsis[] = "\xE2\x80\xA6";    /* U+2026 */

static int is_control(int c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* libxml2 decodes overlong forms (C0 AF for '/'), which are not UTF-8:
 * a character must take the fewest bytes that can hold it. */
static int shortest(int c, int n)
{
	return n == (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);
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
		n = (int)(len - i > 4 ? 4 : len - i);
		c = xmlGetUTF8Char((const unsigned char *)s + i, &n);

		if (c < 0 || n <= 0 || !shortest(c, n)) {
			/* not UTF-8: one replacement per bad byte, resynchronise
			 * on the next */
			piece = replacement;
			plen = 3;
			n = 1;
		} else if (!xmlIsCharQ(c) || is_control(c)) {
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
