/* tpm_vendor.c - TPM manufacturer ids (see tpm_vendor.h). */
#include "tpm_vendor.h"

#include <stdlib.h>
#include <string.h>

#define TPM_ST_NO_SESSIONS 0x8001
#define TPM_CC_GET_CAPABILITY 0x0000017A
#define TPM_CAP_TPM_PROPERTIES 0x00000006
#define TPM_PT_MANUFACTURER 0x00000105

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static void put32(unsigned char *p, unsigned long v)
{
	p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

/* Four bytes of id as text: printable ASCII, trailing NULs and blanks out. */
static int id_text(unsigned long id, char vendor[5])
{
	int n = 0;

	for (int i = 0; i < 4; i++) {
		unsigned char c = (unsigned char)(id >> (24 - 8 * i));

		if (c == 0 || c == ' ')
			break;
		if (c < 0x21 || c > 0x7e)
			return -1;
		vendor[n++] = (char)c;
	}
	vendor[n] = '\0';
	return n ? 0 : -1;
}

int tpm12_parse_caps(const char *caps, size_t len, char vendor[5])
{
	static const char key[] = "Manufacturer: 0x";
	const char *p = caps, *end = caps + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = (size_t)((nl ? nl : end) - p);

		if (l > sizeof key - 1 && !strncmp(p, key, sizeof key - 1)) {
			char hex[9];
			size_t h = l - (sizeof key - 1) < 8 ? l - (sizeof key - 1) : 8;

			memcpy(hex, p + sizeof key - 1, h);
			hex[h] = '\0';
			return id_text(strtoul(hex, NULL, 16), vendor);
		}
		p = nl ? nl + 1 : end;
	}
	return -1;
}

void tpm2_getcap_manufacturer(unsigned char cmd[22])
{
	cmd[0] = TPM_ST_NO_SESSIONS >> 8, cmd[1] = TPM_ST_NO_SESSIONS & 0xff;
	put32(cmd + 2, 22);
	put32(cmd + 6, TPM_CC_GET_CAPABILITY);
	put32(cmd + 10, TPM_CAP_TPM_PROPERTIES);
	put32(cmd + 14, TPM_PT_MANUFACTURER);
	put32(cmd + 18, 1);
}

int tpm2_parse_manufacturer(const unsigned char *r, size_t len, char vendor[5])
{
	/* header (tag 2, size 4, code 4), moreData 1, capability 4, count 4,
	 * then TPMS_TAGGED_PROPERTY: property 4, value 4 */
	if (len < 27 || be32(r + 2) > len || be32(r + 2) < 27 || be32(r + 6) != 0 ||
	    be32(r + 11) != TPM_CAP_TPM_PROPERTIES || be32(r + 15) < 1 ||
	    be32(r + 19) != TPM_PT_MANUFACTURER)
		return -1;
	return id_text(be32(r + 23), vendor);
}
