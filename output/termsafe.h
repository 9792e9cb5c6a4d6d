/* termsafe.h - strings made safe to show on a terminal.
 *
 * Whatever reaches the terminal may hold bytes from someone else's machine:
 * archive member names, link targets, file names, device strings. A control
 * character can move the cursor, recolour or retitle the terminal, or end a
 * line and forge the next message; a bidirectional formatting character can
 * make "txt.exe" read as "exe.txt". The command passes every such string
 * through here before it prints it. */
#ifndef HWBOM_TERMSAFE_H
#define HWBOM_TERMSAFE_H

#include <stddef.h>

/* Return a copy of s in which every byte that is not part of well-formed
 * UTF-8 becomes \xHH, every C0 control (but newline when keep_newlines),
 * DEL and C1 control becomes \xHH (\u0080..\u009F for C1), and every
 * bidirectional formatting character (U+061C, U+200E, U+200F,
 * U+202A..U+202E, U+2066..U+2069) and line or paragraph separator (U+2028,
 * U+2029) becomes \uHHHH. A backslash stays as it is. Free with free(). */
char *hw_term_escape(const char *s, int keep_newlines);

#endif
