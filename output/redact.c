/* redact.c - serials, UUIDs and MAC addresses hashed (see redact.h). */
#include "redact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "alloc.h"

#define HASHED "sha256:"

int bom_redacted_ns(const char *ns)
{
	size_t n = strlen(ns);

	return (n >= 7 && !strcmp(ns + n - 7, ".serial")) || !strcmp(ns, "smbios.uuid") ||
	       !strcmp(ns, "mac");
}

/* "sha256:" and 16 hex digits of the SHA-256 of s, into out[24]. */
static int hash(const char *s, char out[24])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned n = 0;

	if (!EVP_Digest(s, strlen(s), md, &n, EVP_sha256(), NULL) || n < 8)
		return -1;
	memcpy(out, HASHED, sizeof HASHED - 1);
	for (unsigned i = 0; i < 8; i++)
		snprintf(out + sizeof HASHED - 1 + 2 * i, 3, "%02x", md[i]);
	return 0;
}

int bom_redact(struct bom *b)
{
	char h[24];

	for (size_t i = 0; i < b->ncomponents; i++) {
		struct bom_component *c = b->components[i];

		for (size_t k = 0; k < c->nids; k++) {
			struct bom_id *id = &c->ids[k];

			if (!bom_redacted_ns(id->ns) ||
			    !strncmp(id->value, HASHED, sizeof HASHED - 1))
				continue;
			/* the serial may be in the machine's name (scan.c) */
			if (b->machine && !strcmp(c->kind, "system") &&
			    strstr(b->machine, id->value)) {
				char *at = strstr(b->machine, id->value), *name;
				size_t n = strlen(id->value);

				name =
				    xasprintf("%.*s%s", (int)(at - b->machine), b->machine, at + n);
				while (*name && name[strlen(name) - 1] == ' ')
					name[strlen(name) - 1] = '\0';
				free(b->machine);
				b->machine = name;
			}
			if (hash(id->value, h) < 0)
				return -1;
			bom_set(&id->value, h);
		}
	}
	bom_add_prop(b, "hwbom:redacted",
	             "serial numbers, UUIDs and MAC addresses: sha256: and the first 16 hex "
	             "digits of the SHA-256 of the value");
	return 0;
}
