/* oui_index.h - a sorted index of the IEEE registries, cached on disk.
 *
 * The registries hold about 50,000 assignments in 4 MB of unsorted CSV;
 * searching them costs half a millisecond per MAC address. The index lists
 * every assignment with the file and offset of its line, sorted, so that a
 * lookup reads a few pages. It is built on first use and rebuilt whenever a
 * registry's size, mtime or inode changes (an ieee-data update), in
 * $HWBOM_CACHE_DIR, else $XDG_CACHE_HOME/hwbom, else ~/.cache/hwbom.
 *
 * An index is used only when its SHA-256 digest, over the registries' bytes
 * and the index itself, is right (a miss is an answer too: an edited entry
 * must not hide an assignment); else it is rebuilt. The caller still reads
 * the registry line a hit points at and checks it. When no index can be
 * read or written, callers search the registries themselves. */
#ifndef HWBOM_OUI_INDEX_H
#define HWBOM_OUI_INDEX_H

#include <stddef.h>
#include <stdint.h>

struct oui_index;

/* The index of the nfiles registries (file names under dir), building or
 * rebuilding the cached copy when needed; NULL when none can be had (no
 * cache directory, a registry missing, out of space). */
struct oui_index *oui_index_open(const char *dir, const char *const files[], size_t nfiles);
/* 1 and the number of the file and the offset of the line that assigns
 * prefix (upper-case hex, 6 to 9 digits); 0 when the index has none. */
int oui_index_find(const struct oui_index *ix, const char *prefix, size_t *file, uint64_t *off);
void oui_index_close(struct oui_index *ix);

#endif
