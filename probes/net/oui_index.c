/* oui_index.c - a sorted, cached index of the IEEE registries (see
 * oui_index.h).
 *
 * The cache file is a header (magic, the number of files and entries, the
 * size, inode and mtime of each registry it was built from, and a SHA-256
 * digest) followed by the entries, sorted by prefix. The digest covers the
 * bytes of every registry and the file itself (its header with the digest
 * zeroed, and the entries); it is computed again on every load (OpenSSL's
 * EVP SHA-256, about 6 MB hashed) and an index whose digest does not match
 * is rebuilt. So an index that was corrupted, edited (a same-size edit of an
 * entry makes a registered OUI look unregistered: a miss is an answer too),
 * copied from another machine or left behind by a registry edited in place
 * is never used. The file is read whole into memory, not mapped, so that
 * what was checked is what is searched. */
#include "oui_index.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "../../output/alloc.h"
#include "../../output/infile.h"

#define MAGIC "HWBOMOX2"
#define DIGEST_LEN 32 /* SHA-256 */
#define FILES_MAX 4

struct sig {
	uint64_t size, ino;
	int64_t sec, nsec; /* all zero for a registry that is missing */
};

struct head {
	char magic[8];
	uint32_t nfiles, count;
	struct sig files[FILES_MAX];
	unsigned char digest[DIGEST_LEN];
};

struct entry {
	char prefix[10]; /* upper-case hex, NUL-padded */
	uint8_t file;
	uint8_t pad;
	uint32_t off;
};

struct oui_index {
	const struct entry *entries;
	size_t count, nfiles;
	void *buf; /* the cache file read whole, or NULL when entries is malloc'd */
};

static int entry_cmp(const void *a, const void *b)
{
	return memcmp(((const struct entry *)a)->prefix, ((const struct entry *)b)->prefix,
		      sizeof ((const struct entry *)a)->prefix);
}

/* $HWBOM_CACHE_DIR, $XDG_CACHE_HOME/hwbom or ~/.cache/hwbom, created. */
static char *cache_dir(void)
{
	const char *env = getenv("HWBOM_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *dir;

	if (env && *env) {
		dir = xstrdup(env);
	} else if (xdg && *xdg == '/') {
		dir = xasprintf("%s/hwbom", xdg);
	} else if (home && *home == '/') {
		char *parent = xasprintf("%s/.cache", home);

		mkdir(parent, 0700);
		free(parent);
		dir = xasprintf("%s/.cache/hwbom", home);
	} else {
		return NULL;
	}
	mkdir(dir, 0700);
	return dir;
}

/* The cache file for the registries under dir: one per directory. */
static char *cache_path(const char *dir)
{
	char *cdir = cache_dir(), *path;
	uint64_t h = 14695981039346656037ULL; /* FNV-1a */

	if (!cdir)
		return NULL;
	for (const char *p = dir; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	path = xasprintf("%s/oui-%016llx.idx", cdir, (unsigned long long)h);
	free(cdir);
	return path;
}

/* The signatures of the registries now; -1 when none exists. */
static int signatures(const char *dir, const char *const files[], size_t n, struct sig *sig)
{
	int any = 0;

	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, files[i]);
		struct stat st;

		memset(&sig[i], 0, sizeof sig[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			sig[i].size = (uint64_t)st.st_size;
			sig[i].ino = (uint64_t)st.st_ino;
			sig[i].sec = (int64_t)st.st_mtim.tv_sec;
			sig[i].nsec = (int64_t)st.st_mtim.tv_nsec;
			any = 1;
		}
		free(path);
	}
	return any ? 0 : -1;
}

/* Feed the bytes of the file at path to md; a missing file adds nothing
 * (its signature says it is missing). -1 on a read error. */
static int digest_file(EVP_MD_CTX *md, const char *path)
{
	struct hw_err io = {0};
	int fd = infile_open(path, &io); /* a FIFO or a device adds nothing */
	char buf[65536];
	ssize_t got;

	if (fd < 0)
		return 0;
	while ((got = read(fd, buf, sizeof buf)) > 0)
		if (!EVP_DigestUpdate(md, buf, (size_t)got))
			break;
	close(fd);
	return got == 0 ? 0 : -1;
}

/* The digest of the registries under dir and of the index (h with its
 * digest zeroed, then the entries) into out. -1 when it cannot be made. */
static int digest(const char *dir, const char *const files[], const struct head *h,
		  const struct entry *v, size_t n, unsigned char out[DIGEST_LEN])
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	struct head zeroed = *h;
	unsigned int len = 0;
	int rc = -1;

	memset(zeroed.digest, 0, sizeof zeroed.digest);
	if (md && EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
		rc = 0;
		for (size_t i = 0; i < h->nfiles && !rc; i++) {
			char *path = xasprintf("%s/%s", dir, files[i]);

			rc = digest_file(md, path);
			free(path);
		}
		if (!rc && !(EVP_DigestUpdate(md, &zeroed, sizeof zeroed) &&
			     (!n || EVP_DigestUpdate(md, v, n * sizeof *v)) &&
			     EVP_DigestFinal_ex(md, out, &len) && len == DIGEST_LEN))
			rc = -1;
	}
	EVP_MD_CTX_free(md);
	return rc;
}

/* Read the cache file when it is whole, was built from these registries
 * and its digest is right. */
static struct oui_index *load(const char *path, const char *dir, const char *const files[],
			      const struct head *want)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	unsigned char sum[DIGEST_LEN];
	struct oui_index *ix;
	const struct head *h;
	struct stat st;
	size_t len, got = 0;
	char *m;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size < sizeof *h ||
	    (size_t)st.st_size > sizeof *h + (size_t)UINT32_MAX * sizeof(struct entry)) {
		close(fd);
		return NULL;
	}
	len = (size_t)st.st_size;
	m = xmalloc(len);
	while (got < len) {
		ssize_t r = read(fd, m + got, len - got);

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	h = (const struct head *)m;
	if (got != len || memcmp(h->magic, MAGIC, sizeof h->magic) || h->nfiles != want->nfiles ||
	    memcmp(h->files, want->files, sizeof h->files) ||
	    len != sizeof *h + (size_t)h->count * sizeof(struct entry) ||
	    digest(dir, files, h, (const struct entry *)(h + 1), h->count, sum) < 0 ||
	    memcmp(sum, h->digest, sizeof sum)) {
		free(m);
		return NULL;
	}
	ix = xcalloc(1, sizeof *ix);
	ix->entries = (const struct entry *)(h + 1);
	ix->count = h->count;
	ix->nfiles = h->nfiles;
	ix->buf = m;
	return ix;
}

/* Add the assignments of one registry: the second CSV field of every line
 * after the header, when it is 6 to 9 hex digits (never quoted). */
static int scan_file(const char *path, uint8_t file, struct entry **v, size_t *n, size_t *cap)
{
	struct hw_err io = {0};
	int fd = infile_open(path, &io);
	struct stat st;
	const char *buf, *p, *end;

	if (fd < 0)
		return 0; /* a missing registry adds nothing; its signature says so */
	if (fstat(fd, &st) < 0 || st.st_size < 0 || (uint64_t)st.st_size > UINT32_MAX) {
		close(fd);
		return -1;
	}
	if (st.st_size == 0) {
		close(fd);
		return 0;
	}
	buf = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (buf == MAP_FAILED)
		return -1;
	end = buf + st.st_size;
	p = memchr(buf, '\n', (size_t)st.st_size); /* the header */
	while (p && ++p < end) {
		const char *line = p, *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end, *a = memchr(line, ',', (size_t)(eol - line));
		size_t len = 0;

		p = nl;
		if (!a)
			continue;
		for (a++; a + len < eol && isxdigit((unsigned char)a[len]) && len < 10; len++)
			;
		if (len < 6 || len > 9 || a + len >= eol || a[len] != ',')
			continue;
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 65536;
			*v = xrealloc(*v, *cap * sizeof **v);
		}
		memset(&(*v)[*n], 0, sizeof **v);
		for (size_t i = 0; i < len; i++)
			(*v)[*n].prefix[i] = (char)toupper((unsigned char)a[i]);
		(*v)[*n].file = file;
		(*v)[*n].off = (uint32_t)(line - buf);
		(*n)++;
	}
	munmap((void *)buf, (size_t)st.st_size);
	return 0;
}

/* Build the index from the registries and try to save it at path (the
 * index serves this run even when it cannot be saved). */
static struct oui_index *build(const char *dir, const char *const files[], const struct head *h,
			       const char *path)
{
	struct entry *v = NULL;
	size_t n = 0, cap = 0;
	struct oui_index *ix;

	for (size_t i = 0; i < h->nfiles; i++) {
		char *p = xasprintf("%s/%s", dir, files[i]);
		int r = scan_file(p, (uint8_t)i, &v, &n, &cap);

		free(p);
		if (r < 0 || n > UINT32_MAX) {
			free(v);
			return NULL;
		}
	}
	if (n)
		qsort(v, n, sizeof *v, entry_cmp);
	if (path) {
		char *tmp = xasprintf("%s.XXXXXX", path);
		int fd = mkstemp(tmp);
		struct head out = *h;

		out.count = (uint32_t)n;
		if (fd >= 0 && digest(dir, files, &out, v, n, out.digest) < 0) {
			close(fd);
			unlink(tmp);
			fd = -1;
		}
		if (fd >= 0) {
			int ok = write(fd, &out, sizeof out) == (ssize_t)sizeof out &&
				 (!n || write(fd, v, n * sizeof *v) == (ssize_t)(n * sizeof *v));

			if (close(fd) < 0 || !ok || rename(tmp, path) < 0)
				unlink(tmp);
		}
		free(tmp);
	}
	ix = xcalloc(1, sizeof *ix);
	ix->entries = v;
	ix->count = n;
	ix->nfiles = h->nfiles;
	return ix;
}

struct oui_index *oui_index_open(const char *dir, const char *const files[], size_t nfiles)
{
	struct head h;
	struct oui_index *ix;
	char *path;

	if (nfiles > FILES_MAX)
		return NULL;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, MAGIC, sizeof h.magic);
	h.nfiles = (uint32_t)nfiles;
	if (signatures(dir, files, nfiles, h.files) < 0)
		return NULL;
	path = cache_path(dir);
	ix = path ? load(path, dir, files, &h) : NULL;
	if (!ix)
		ix = build(dir, files, &h, path);
	free(path);
	return ix;
}

int oui_index_find(const struct oui_index *ix, const char *prefix, size_t *file, uint64_t *off)
{
	struct entry key;
	const struct entry *hit;
	size_t len = strlen(prefix);

	if (len >= sizeof key.prefix)
		return 0;
	memset(&key, 0, sizeof key);
	memcpy(key.prefix, prefix, len);
	hit = ix->count ? bsearch(&key, ix->entries, ix->count, sizeof key, entry_cmp) : NULL;
	if (!hit || hit->file >= ix->nfiles)
		return 0;
	*file = hit->file;
	*off = hit->off;
	return 1;
}

void oui_index_close(struct oui_index *ix)
{
	if (!ix)
		return;
	if (ix->buf)
		free(ix->buf);
	else
		free((void *)ix->entries);
	free(ix);
}
