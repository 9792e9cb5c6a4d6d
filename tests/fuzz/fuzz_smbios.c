/* fuzz_smbios.c - libFuzzer target: an entry point and a structure table of
 * arbitrary bytes, walked with every string and field read. */
#include <stdint.h>
#include <string.h>

#include "../../probes/dmi/smbios.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_struct(void *user, const struct smbios_struct *s)
{
	size_t *sum = user;

	for (unsigned i = 0; i <= s->len; i++) {
		const char *t = smbios_str_at(s, i);

		*sum += t ? strlen(t) : 0;
		*sum += (size_t)smbios_word(s, i) + (size_t)smbios_dword(s, i);
	}
}

static void on_warn(void *user, const char *fmt, ...)
{
	(void)user, (void)fmt;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smbios_ep ep;
	const char *why;
	size_t sum = 0;

	if (smbios_entry_point(data, size, &ep, &why) == 0 && ep.table_addr <= size &&
	    ep.table_len <= size - ep.table_addr)
		smbios_walk(data + ep.table_addr, ep.table_len, on_struct, on_warn, &sum);
	smbios_walk(data, size, on_struct, on_warn, &sum);
	return sum == 1; /* keep the reads */
}
