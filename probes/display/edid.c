/* edid.c - EDID base block decoding (see edid.h); section numbers are those
 * of VESA E-EDID Release A, Rev. 2 (EDID 1.4). */
#include "edid.h"

#include <string.h>

static const unsigned char header[8] = {0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00};

/* A 13-byte descriptor text: ends at LF, padded with blanks (§3.10.3). */
static void text(const unsigned char *p, char out[14])
{
	size_t n = 0;

	while (n < 13 && p[n] != 0x0a)
		n++;
	while (n && p[n - 1] == ' ')
		n--;
	memcpy(out, p, n);
	out[n] = '\0';
}

int edid_parse(const unsigned char *b, size_t len, struct edid_info *ei, const char **why)
{
	unsigned char sum = 0;
	unsigned id;

	memset(ei, 0, sizeof *ei);
	if (len < 128) {
		*why = "shorter than the 128-byte base block";
		return -1;
	}
	if (memcmp(b, header, sizeof header)) { /* §3.3 */
		*why = "no EDID header";
		return -1;
	}
	for (int i = 0; i < 128; i++)
		sum = (unsigned char)(sum + b[i]);
	if (sum) { /* §3.11: the 128 bytes sum to 0 */
		*why = "checksum is wrong";
		return -1;
	}
	/* §3.4.1: three 5-bit letters, big-endian, 1 = 'A' */
	id = (unsigned)b[8] << 8 | b[9];
	for (int i = 0; i < 3; i++) {
		unsigned c = id >> (10 - 5 * i) & 0x1f;

		if (c < 1 || c > 26) {
			*why = "manufacturer id is not three letters";
			return -1;
		}
		ei->pnp[i] = (char)('A' + c - 1);
	}
	ei->product = (unsigned)b[10] | (unsigned)b[11] << 8;             /* §3.4.2 */
	ei->serial = (unsigned long)b[12] | (unsigned long)b[13] << 8 |     /* §3.4.3 */
		     (unsigned long)b[14] << 16 | (unsigned long)b[15] << 24;
	ei->week = b[16];                                                   /* §3.4.4 */
	ei->year = 1990 + b[17];
	for (int d = 54; d <= 108; d += 18) { /* §3.10: four 18-byte descriptors */
		const unsigned char *p = b + d;

		if (p[0] || p[1] || p[2])
			continue; /* a detailed timing */
		if (p[3] == 0xfc)
			text(p + 5, ei->name);
		else if (p[3] == 0xff)
			text(p + 5, ei->serial_str);
	}
	return 0;
}
