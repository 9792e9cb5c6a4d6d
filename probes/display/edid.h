/* edid.h - the identity of a display in its EDID base block (VESA E-EDID
 * 1.4, section 3.4: vendor and product identification). */
#ifndef HWBOM_EDID_H
#define HWBOM_EDID_H

#include <stddef.h>

struct edid_info {
	char pnp[4];        /* manufacturer id, three capital letters */
	unsigned product;   /* product code */
	unsigned long serial; /* serial number field (0: none) */
	int week, year;     /* of manufacture; week 0 none, 0xff: year is the model year */
	char name[14];      /* display product name descriptor (0xFC), or "" */
	char serial_str[14]; /* serial number descriptor (0xFF), or "" */
};

/* Decode the first 128 bytes of len; -1 with why set when they are not a
 * sound EDID base block (too short, no header, bad checksum, a
 * manufacturer id outside A-Z). */
int edid_parse(const unsigned char *b, size_t len, struct edid_info *ei, const char **why);

#endif
