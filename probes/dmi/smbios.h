/* smbios.h - SMBIOS entry points and the structure table, from bytes
 * (DMTF DSP0134 3.x). Pure parsing: no files, no printing. Every length and
 * string index is checked before it is read; what is wrong is reported
 * through the warning callback and the rest is skipped. */
#ifndef HWBOM_SMBIOS_H
#define HWBOM_SMBIOS_H

#include <stddef.h>
#include <stdint.h>

#define SMBIOS_MAX_STRINGS 255

struct smbios_ep {
	int major, minor;
	uint64_t table_addr;
	uint32_t table_len; /* exact (2.1) or the maximum (3.0) */
};

/* One structure: its header, formatted area and strings. */
struct smbios_struct {
	uint8_t type, len;
	uint16_t handle;
	const uint8_t *data; /* len bytes, the header included */
	const char *strings[SMBIOS_MAX_STRINGS];
	int nstrings;
};

/* Parse an entry point (2.1 "_SM_", §5.2.1, or 3.0 "_SM3_", §5.2.2) at the
 * start of len bytes; -1 with why set when it is not one. */
int smbios_entry_point(const uint8_t *b, size_t len, struct smbios_ep *ep, const char **why);

typedef void (*smbios_warn_fn)(void *user, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
typedef void (*smbios_struct_fn)(void *user, const struct smbios_struct *s);

/* Walk the structures of a table of len bytes until type 127 or the end;
 * each sound structure goes to fn, each fault to warn (a structure that
 * runs past the end, len < 4, strings without their final double NUL).
 * Returns the number of structures passed to fn. */
int smbios_walk(const uint8_t *table, size_t len, smbios_struct_fn fn, smbios_warn_fn warn,
		void *user);

/* String number index of s (1-based), or NULL for 0 or one out of range. */
const char *smbios_string(const struct smbios_struct *s, unsigned index);
/* The field at offset, when the structure is long enough; else -1. */
int smbios_byte(const struct smbios_struct *s, unsigned offset);
long smbios_word(const struct smbios_struct *s, unsigned offset);
long long smbios_dword(const struct smbios_struct *s, unsigned offset);
/* The string whose index is the byte at offset (NULL if none). */
const char *smbios_str_at(const struct smbios_struct *s, unsigned offset);

#endif
