/* alloc.h - memory allocation with one out-of-memory policy: abort.
 *
 * hwbom cannot do anything useful without memory, and every caller checking
 * for NULL would hide the real logic, so these never return NULL. */
#ifndef HWBOM_ALLOC_H
#define HWBOM_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Copies of s; NULL stays NULL. Free with free(). */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string. Free with free(). */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *array (of *cap elements of size elem) so that index n fits. */
void grow_array(void **array, size_t *cap, size_t n, size_t elem);
#define GROW(arr, cap, n) grow_array((void **)&(arr), &(cap), (n), sizeof *(arr))

#endif
