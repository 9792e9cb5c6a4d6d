/* sanitize.h - the one sanitiser every string from hardware passes through.
 *
 * Device strings, dump contents and database text are hostile: they may hold
 * control bytes, invalid UTF-8, surrogates, NULs or megabytes of junk. The
 * BOM model only ever stores sanitised strings, so every writer (XML, text)
 * can emit them as they are. libxml2's writer checks none of this itself. */
#ifndef HWBOM_SANITIZE_H
#define HWBOM_SANITIZE_H

#include <stddef.h>

/* Longest string kept, in bytes of output; longer ones are cut at a character
 * boundary and end in U+2026 (…). */
#define HW_STR_MAX 1024

/* Return a new string holding the len bytes at s, checked strictly as UTF-8
 * (The Unicode Standard, Table 3-7) and replaced deterministically: every byte
 * that does not begin a well-formed sequence (a stray continuation byte, an
 * overlong form, a surrogate, anything above U+10FFFF, a sequence cut short)
 * becomes one U+FFFD, and scanning resumes at the next byte; a well-formed
 * character that is not an XML 1.0 Char, or is a control character (C0
 * including tab, CR and LF; DEL; C1), becomes one U+FFFD. The result is
 * always well-formed XML character data. Never NULL for non-NULL s. Free
 * with free(). */
/* The length (1 to 4) of the well-formed UTF-8 sequence at s, of at most
 * len bytes (Unicode Table 3-7: no overlong form, no surrogate, nothing
 * above U+10FFFF), and its scalar value in *c; 0 when it is none. */
int hw_utf8_decode(const unsigned char *s, size_t len, int *c);

char *hw_sanitize_n(const char *s, size_t len);
/* Same, for a NUL-terminated string; NULL gives NULL. */
char *hw_sanitize(const char *s);

#endif
