/* dmidecode_text.h - dmidecode's text output read back into SMBIOS
 * structures (struct dmi_rec), for fleets that keep `dmidecode` output in
 * their inventory rather than the tables.
 *
 * Reads plain `dmidecode`, `dmidecode -t TYPE...` subsets and `dmidecode -u`
 * (whose hex is the structure itself: it goes through the binary decoder,
 * dmi_table.c). Headers "Handle 0x0001, DMI type 1, 27 bytes", a name line,
 * tab-indented "Key: Value" lines and lists; the "# dmidecode X.Y" banner
 * may be missing. Values dmidecode prints in place of a string ("Not
 * Specified": none; "<BAD INDEX>": none, warned about) or of a number
 * ("<OUT OF SPEC>": left out, warned about) are read as the binary tables
 * would be. Pure parsing: no files, no printing. */
#ifndef HWBOM_DMIDECODE_TEXT_H
#define HWBOM_DMIDECODE_TEXT_H

#include <stddef.h>

#include "../../output/err.h"
#include "dmi_build.h"

/* Longest line read; a longer one is an error. */
#define DMIDECODE_LINE_MAX 65536

struct dmidecode_info {
	unsigned version;      /* SMBIOS major << 8 | minor from the banner; 0 if none */
	char tool[16];         /* dmidecode's version ("3.4"), "" if no banner */
	unsigned nstructs;     /* structures (Handle lines) read */
	unsigned char seen[256]; /* seen[type]: structures of that type read */
	int no_smbios;         /* dmidecode said it found no SMBIOS at all */
};

typedef void (*dmidecode_rec_fn)(void *user, const struct dmi_rec *r);

/* Parse len bytes of dmidecode output from the file called name; each
 * structure of a type dmi_build() uses goes to fn (its strings are valid
 * during the call only). Warnings go to e as "dmi: NAME:LINE: ...". -1 with
 * e set to "NAME:LINE: why" when the text is not dmidecode output, holds no
 * structure (unless dmidecode said it found no SMBIOS: then 0 with
 * info->no_smbios set), or is malformed; nothing has then gone to fn. */
int dmidecode_parse(const char *name, const char *buf, size_t len, dmidecode_rec_fn fn,
		    void *user, struct dmidecode_info *info, struct hw_err *e);

#endif
