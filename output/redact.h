/* redact.h - BOMs that leave the building: serial numbers, UUIDs and MAC
 * addresses replaced by a hash of them (hwbom scan --redact). */
#ifndef HWBOM_REDACT_H
#define HWBOM_REDACT_H

#include "bom.h"

/* Replace in b every serial (an identifier "*.serial"), smbios.uuid and
 * mac by "sha256:" and the first 16 hex digits of its SHA-256 (the same
 * part still matches itself in hwbom diff; the value is not kept), and the
 * machine's name by one without its serial. Records hwbom:redacted. 0, or
 * -1 when the hash failed. */
int bom_redact(struct bom *b);

/* Whether an identifier namespace is one bom_redact() replaces. */
int bom_redacted_ns(const char *ns);

#endif
