/* jep106.c - JEP106 ids in SMBIOS type 17 strings (see jep106.h). */
#include "jep106.h"

#include <stdio.h>
#include <string.h>

static int odd_parity(unsigned b)
{
	int n = 0;

	for (; b; b >>= 1)
		n += b & 1;
	return n & 1;
}

/* A code as JEP106 prints it: odd parity, not the continuation code. */
static int valid_code(unsigned code)
{
	return code && code != 0x7f && code != 0x80 && code <= 0xff && odd_parity(code);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The SPD pair at b: count (parity bit 7 ignored) then code. 1 when it
 * names a maker. */
static int pair(const unsigned char *b, struct jep106 *out)
{
	unsigned count = b[0] & 0x7f;

	if (count > 15 || !valid_code(b[1]))
		return 0;
	out->bank = count + 1;
	out->code = b[1];
	return 1;
}

int jep106_parse(const char *s, struct jep106 *module, struct jep106 *dram)
{
	unsigned char b[8];
	unsigned bank, code;
	size_t len, nb;
	int got = 0;
	char tail;

	module->bank = module->code = dram->bank = dram->code = 0;
	if (sscanf(s, "Bank %u, Hex 0x%x%c", &bank, &code, &tail) == 2) {
		if (bank < 1 || bank > 16 || !valid_code(code))
			return JEP106_FORM;
		module->bank = bank;
		module->code = code;
		return JEP106_FORM | JEP106_MODULE;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	len = strlen(s);
	while (len && s[len - 1] == ' ') /* BIOSes pad the field with blanks */
		len--;
	if (len != 4 && len != 12 && len != 16)
		return 0;
	for (nb = 0; nb < len / 2; nb++) {
		int hi = hexval(s[2 * nb]), lo = hexval(s[2 * nb + 1]);

		if (hi < 0 || lo < 0)
			return 0;
		b[nb] = (unsigned char)(hi << 4 | lo);
	}
	if (len == 16) { /* 0x7F per bank passed, then the code */
		size_t k = 0;

		while (k < nb && b[k] == 0x7f)
			k++;
		for (size_t j = k + 1; j < nb; j++)
			if (b[j])
				return 0; /* not zero-padded: some other number */
		if (k < nb && k < 16 && valid_code(b[k])) {
			module->bank = (unsigned)k + 1;
			module->code = b[k];
			return JEP106_FORM | JEP106_MODULE;
		}
		return JEP106_FORM;
	}
	got = JEP106_FORM;
	if (pair(b, module))
		got |= JEP106_MODULE;
	if (len == 12) {
		/* the middle pair: "0000" from Dell, other bytes elsewhere
		 * ("00AD009780AD"); it names nobody */
		if (pair(b + 4, dram))
			got |= JEP106_DRAM;
	}
	return got;
}
