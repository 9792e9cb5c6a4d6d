/* names.c - match keys for company names (see names.h). */
#include "names.h"

#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"

/* Words that say what kind of company, not which. */
static const char *const noise[] = {
	"co",      "ltd",        "inc",     "incorporated", "corp",  "corporation", "company",
	"limited", "llc",        "gmbh",    "ag",           "sa",    "sas",         "spa",
	"plc",     "bv",         "nv",      "kk",           "pte",   "pty",         "the",
	"group",   "technologies", "technology", "holding",  "holdings", "international", "intl",
	"r",       "tm", /* Intel(R), ... */
	NULL,
};

static int is_noise(const char *w, size_t n)
{
	for (const char *const *p = noise; *p; p++)
		if (strlen(*p) == n && !strncmp(*p, w, n))
			return 1;
	return 0;
}

char *name_key(const char *name)
{
	size_t len = strlen(name), o = 0;
	char *word = xmalloc(len + 1), *out = xmalloc(len + 1);
	size_t wn = 0;

	for (size_t i = 0; i <= len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			word[wn++] = (char)c;
			continue;
		}
		if (wn && !is_noise(word, wn)) {
			if (o)
				out[o++] = ' ';
			memcpy(out + o, word, wn);
			o += wn;
		}
		wn = 0;
	}
	out[o] = '\0';
	free(word);
	return out;
}
