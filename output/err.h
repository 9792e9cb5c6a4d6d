/* err.h - errors and warnings kept on a handle; the library never prints.
 *
 * A library function that fails fills a struct hw_err and returns -1; the
 * command (scanner/) decides what reaches the terminal. Warnings (things that
 * were skipped but did not stop the work) are collected in order. */
#ifndef HWBOM_ERR_H
#define HWBOM_ERR_H

#include <stdarg.h>
#include <stddef.h>

/* Room for a message: two paths of PATH_MAX and what is wrong with them.
 * A longer one ends in CUT_MARK, never silently. */
#define HW_ERR_MAX 16384

struct hw_err {
	char msg[HW_ERR_MAX]; /* empty when no error */
	char **warnings;      /* owned; freed by hw_err_clear() */
	size_t nwarnings, capwarnings;
};

/* Set the error message; always returns -1 so callers can `return hw_fail()`. */
int hw_fail(struct hw_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int hw_vfail(struct hw_err *e, const char *fmt, va_list ap);
/* Put context in front of the message already set: "ctx: old message". */
int hw_prefix(struct hw_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hw_warn(struct hw_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hw_vwarn(struct hw_err *e, const char *fmt, va_list ap);
void hw_err_clear(struct hw_err *e);

#endif
