/* err.c - error and warning messages on a handle (see err.h). */
#include "err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static const char cut_mark[] = " [message cut]";

/* Say so when buf (of n bytes) could not hold what was meant for it. */
static void mark_cut(char *buf, size_t n, int wanted)
{
	if (wanted >= 0 && (size_t)wanted >= n)
		memcpy(buf + n - sizeof cut_mark, cut_mark, sizeof cut_mark);
}

int hw_vfail(struct hw_err *e, const char *fmt, va_list ap)
{
	mark_cut(e->msg, sizeof e->msg, vsnprintf(e->msg, sizeof e->msg, fmt, ap));
	return -1;
}

int hw_fail(struct hw_err *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hw_vfail(e, fmt, ap);
	va_end(ap);
	return -1;
}

int hw_prefix(struct hw_err *e, const char *fmt, ...)
{
	char head[HW_ERR_MAX / 2], old[HW_ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	memcpy(old, e->msg, sizeof old);
	/* cut the old message, not the context, if the two do not fit */
	mark_cut(e->msg, sizeof e->msg, snprintf(e->msg, sizeof e->msg, "%s: %s", head, old));
	return -1;
}

void hw_vwarn(struct hw_err *e, const char *fmt, va_list ap)
{
	char buf[HW_ERR_MAX];

	mark_cut(buf, sizeof buf, vsnprintf(buf, sizeof buf, fmt, ap));
	GROW(e->warnings, e->capwarnings, e->nwarnings);
	e->warnings[e->nwarnings++] = xstrdup(buf);
}

void hw_warn(struct hw_err *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hw_vwarn(e, fmt, ap);
	va_end(ap);
}

void hw_err_clear(struct hw_err *e)
{
	for (size_t i = 0; i < e->nwarnings; i++)
		free(e->warnings[i]);
	free(e->warnings);
	memset(e, 0, sizeof *e);
}
