/* lspci_fields.h - inside the lspci text reader (lspci_text.h): the lines,
 * addresses and "NAME [id]" fields every layout shares, and one function
 * per layout. Not for use outside lspci_*.c. */
#ifndef HWBOM_LSPCI_FIELDS_H
#define HWBOM_LSPCI_FIELDS_H

#include <stddef.h>

#include "lspci_text.h"

/* One line, without its end of line and trailing blanks. */
struct lspci_line {
	const char *s;
	size_t len;
	unsigned no;
};

/* n hex digits at s: their value, or -1. */
long lspci_hex(const char *s, size_t n);
/* "[DOMAIN:]BB:DD.F" at the start of s (len bytes), followed by the end or
 * a blank, into d's address: its length, or 0. */
size_t lspci_slot(const char *s, size_t len, struct lspci_dev *d);
/* Whether l has p at offset off. */
int lspci_starts(const struct lspci_line *l, size_t off, const char *p);
/* A value "NAME [hhhh]" (digits hex digits), or just "hhhh", or "NAME".
 * With ids 0 the whole value is a name. *id -1 and *name NULL when none;
 * free *name. */
void lspci_split_id(const char *s, size_t len, int digits, int ids, long *id, char **name);
/* The same for a pair "NAME [vvvv:dddd]" or "vvvv:dddd". */
void lspci_split_pair(const char *s, size_t len, int ids, long *a, long *b, char **name);
/* Whether libpci cut s short: a name too long for its buffer ends "...". */
int lspci_cut_short(const char *s);
/* A new function at slot's address, nothing known of it yet (revision 0,
 * as lspci prints none then); owned by t. */
struct lspci_dev *lspci_new_dev(struct lspci_text *t, const struct lspci_dev *slot, unsigned no);
/* "NAME:LINE: what"; always -1. */
int lspci_fail(const char *name, const struct lspci_line *l, struct hw_err *e, const char *what);
/* The first function with ids or without decides for the file; a later
 * one without, in a file with them, is a damaged line. */
int lspci_check_numeric(const char *name, const struct lspci_line *l, struct lspci_text *t,
			int has_ids, struct hw_err *e);

/* The layouts, each given the lines from the first function on. */
int lspci_header_lines(const char *name, const struct lspci_line *lines, size_t n,
		       struct lspci_text *t, struct hw_err *e); /* and -m */
int lspci_machine_lines(const char *name, const struct lspci_line *lines, size_t n,
			struct lspci_text *t, struct hw_err *e);
int lspci_tree_lines(const char *name, const struct lspci_line *lines, size_t n,
		     struct lspci_text *t, struct hw_err *e);

#endif
