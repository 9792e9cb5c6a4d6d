/* jep106.h - JEDEC JEP106 manufacturer ids in the forms BIOSes write them
 * into the Manufacturer string of SMBIOS type 17 (DSP0134 §7.18), decoded to
 * bank and code (the key form of vendor-db/data/jedec.db: "jedec:11:91").
 *
 * Forms read (each seen in real machines' dmidecode output; the optional
 * "0x" prefix and case are ignored):
 *   "Bank 11, Hex 0x91"    how dmidecode prints a Module Manufacturer ID
 *                          (dmidecode.c, dmi_memory_manufacturer_id())
 *   "8A91", "0x802C"       4 hex digits: the SPD pair, the continuation count
 *                          (parity in bit 7) then the code (Apple, HP, ...)
 *   "86D300008A91"         12 hex digits (Dell and others): the module
 *                          maker's pair, "0000" (other bytes in some BIOSes:
 *                          "00AD009780AD", not read), the DRAM maker's pair
 *                          (SPD bytes 320-321 and 350-351 of DDR4); either
 *                          pair all zero when unknown ("000000008A91")
 *   "7F7F9E0000000000"     16 hex digits, the older form: one 0x7F per bank
 *                          passed, then the code, zero-padded
 * A code must have JEP106's odd parity and not be 0x00, 0x7F or 0x80; the
 * bank must be 1 to 16. */
#ifndef HWBOM_JEP106_H
#define HWBOM_JEP106_H

struct jep106 {
	unsigned bank, code; /* bank 1..16; 0 when absent */
};

enum {
	JEP106_FORM = 1,   /* s is one of the forms (even when it names nobody) */
	JEP106_MODULE = 2, /* module holds the module maker */
	JEP106_DRAM = 4,   /* dram holds the DRAM (die) maker */
};

/* Decode s; returns a mask of the JEP106_ flags (0: not a JEP106 form). */
int jep106_parse(const char *s, struct jep106 *module, struct jep106 *dram);

#endif
