/* smbios.c - SMBIOS entry points and structures (see smbios.h). Section
 * numbers are those of DMTF DSP0134 3.7. */
#include "smbios.h"

#include <string.h>

static uint8_t checksum(const uint8_t *b, size_t n)
{
	uint8_t sum = 0;

	while (n--)
		sum = (uint8_t)(sum + *b++);
	return sum;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int smbios_entry_point(const uint8_t *b, size_t len, struct smbios_ep *ep, const char **why)
{
	memset(ep, 0, sizeof *ep);
	if (len >= 24 && !memcmp(b, "_SM3_", 5)) {
		/* §5.2.2: 64-bit entry point */
		if (b[6] < 24 || b[6] > len) {
			*why = "SMBIOS 3 entry point with a bad length";
			return -1;
		}
		if (checksum(b, b[6])) {
			*why = "SMBIOS 3 entry point checksum is wrong";
			return -1;
		}
		ep->major = b[7];
		ep->minor = b[8];
		ep->table_len = le32(b + 0x0C);
		ep->table_addr = le32(b + 0x10) | (uint64_t)le32(b + 0x14) << 32;
		return 0;
	}
	if (len >= 31 && !memcmp(b, "_SM_", 4)) {
		/* §5.2.1: 32-bit entry point, with its "_DMI_" part */
		if (b[5] < 31 || b[5] > len || checksum(b, b[5])) {
			*why = "SMBIOS 2 entry point checksum is wrong";
			return -1;
		}
		if (memcmp(b + 0x10, "_DMI_", 5) || checksum(b + 0x10, 15)) {
			*why = "SMBIOS 2 intermediate (_DMI_) checksum is wrong";
			return -1;
		}
		ep->major = b[6];
		ep->minor = b[7];
		ep->table_len = (uint32_t)b[0x16] | (uint32_t)b[0x17] << 8;
		ep->table_addr = le32(b + 0x18);
		return 0;
	}
	*why = "no SMBIOS entry point (_SM_ or _SM3_)";
	return -1;
}

int smbios_walk(const uint8_t *t, size_t len, smbios_struct_fn fn, smbios_warn_fn warn,
		void *user)
{
	size_t off = 0;
	int n = 0;

	while (off + 4 <= len) {
		struct smbios_struct s = {.type = t[off], .len = t[off + 1]};
		size_t p;

		s.handle = (uint16_t)(t[off + 2] | t[off + 3] << 8);
		if (s.len < 4) {
			/* §6.1.2: the length covers at least the header; without it
			 * there is no telling where the next structure starts */
			warn(user, "structure of type %u at offset %zu has length %u; table ends here",
			     s.type, off, s.len);
			break;
		}
		if (off + s.len > len) {
			warn(user, "structure of type %u (handle 0x%04x) runs past the end of the table",
			     s.type, s.handle);
			break;
		}
		s.data = t + off;
		/* the string set ends at the first double NUL (§6.1.3), found as
		 * dmidecode does; the strings are the NUL-separated runs before it */
		p = off + s.len;
		while (p + 1 < len && (t[p] || t[p + 1]))
			p++;
		if (p + 1 >= len) {
			warn(user, "strings of structure type %u (handle 0x%04x) are not terminated; "
				   "table ends here",
			     s.type, s.handle);
			break;
		}
		for (size_t q = off + s.len; q < p && s.nstrings < SMBIOS_MAX_STRINGS;) {
			s.strings[s.nstrings++] = (const char *)t + q;
			q += strlen((const char *)t + q) + 1;
		}
		p += 2;
		if (s.type == 127) /* §7.46: end of table */
			break;
		fn(user, &s);
		n++;
		off = p;
	}
	return n;
}

const char *smbios_string(const struct smbios_struct *s, unsigned index)
{
	if (index == 0 || index > (unsigned)s->nstrings)
		return NULL;
	return s->strings[index - 1];
}

int smbios_byte(const struct smbios_struct *s, unsigned offset)
{
	return offset + 1 <= s->len ? s->data[offset] : -1;
}

long smbios_word(const struct smbios_struct *s, unsigned offset)
{
	return offset + 2 <= s->len ? (long)(s->data[offset] | s->data[offset + 1] << 8) : -1;
}

long long smbios_dword(const struct smbios_struct *s, unsigned offset)
{
	return offset + 4 <= s->len ? (long long)le32(s->data + offset) : -1;
}

const char *smbios_str_at(const struct smbios_struct *s, unsigned offset)
{
	int i = smbios_byte(s, offset);

	return i > 0 ? smbios_string(s, (unsigned)i) : NULL;
}
