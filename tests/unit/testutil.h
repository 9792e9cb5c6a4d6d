/* testutil.h - small helpers shared by the cmocka unit tests. */
#ifndef HWBOM_TESTUTIL_H
#define HWBOM_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#ifndef SRCDIR
#define SRCDIR "."
#endif
#define FIXTURES SRCDIR "/tests/fixtures"

/* Write text to a new temporary file named after tag; returns its path
 * (free with free(), remove with unlink()). */
static inline char *write_temp(const char *tag, const char *text, size_t len)
{
	char *path = malloc(256);
	int fd;

	assert_non_null(path);
	snprintf(path, 256, "/tmp/hwbom-test-%s-XXXXXX", tag);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

#endif
