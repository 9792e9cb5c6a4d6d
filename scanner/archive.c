/* archive.c - captures as tar archives, through libarchive (archive.h). */
#define _XOPEN_SOURCE 700 /* nftw */
#include "archive.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "../output/alloc.h"
#include "../output/infile.h"
#include "cleanup.h"
#include "contain.h"
#include "snapshot.h"

/* The bounds on an archive (hwbom.1 lists them). */
#define EXTRACT_MAX_BYTES   (256ull << 20) /* file data in all */
#define EXTRACT_MAX_STREAM  (512ull << 20) /* the tar stream, headers and all */
#define EXTRACT_MAX_FILE    (64u << 20)    /* one file (the probes read no larger) */
#define EXTRACT_MAX_ENTRIES 50000u
#define EXTRACT_MAX_RATIO   100u           /* data bytes per compressed byte ... */
#define EXTRACT_RATIO_FROM  (1ull << 20)   /* ... once past 1 MiB */

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n > t && !strcmp(s + n - t, tail);
}

int archive_name(const char *path)
{
	static const char *const tails[] = {".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar"};

	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
		if (ends_with(path, tails[i]))
			return 1;
	return 0;
}

/* nftw() has no user pointer: one archive is written at a time. */
static struct {
	struct archive *a;
	const char *prefix;
	size_t skip;
	struct hw_err *e;
} w;

static int add_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	struct archive_entry *ent;
	const char *rel = path + w.skip;
	char *name, target[4096];
	int rc = 0;

	(void)flag, (void)ftw;
	if (!*rel)
		name = xasprintf("%s/", w.prefix);
	else
		name = xasprintf("%s/%s%s", w.prefix, rel + 1, S_ISDIR(st->st_mode) ? "/" : "");
	ent = archive_entry_new();
	archive_entry_copy_stat(ent, st);
	archive_entry_set_uid(ent, 0);
	archive_entry_set_gid(ent, 0);
	archive_entry_set_pathname(ent, name);
	if (!*rel)
		archive_entry_set_perm(ent, 0755); /* the temporary directory's 0700 */
	if (S_ISLNK(st->st_mode)) {
		ssize_t n = readlink(path, target, sizeof target - 1);

		if (n < 0) {
			rc = hw_fail(w.e, "%s: %s", path, strerror(errno));
			goto out;
		}
		target[n] = '\0';
		archive_entry_set_symlink(ent, target);
		archive_entry_set_size(ent, 0);
	} else if (!S_ISREG(st->st_mode)) {
		archive_entry_set_size(ent, 0);
	}
	if (archive_write_header(w.a, ent) != ARCHIVE_OK) {
		rc = hw_fail(w.e, "%s: %s", path, archive_error_string(w.a));
		goto out;
	}
	if (S_ISREG(st->st_mode) && st->st_size > 0) {
		char buf[65536];
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t n;

		if (fd < 0) {
			rc = hw_fail(w.e, "%s: %s", path, strerror(errno));
			goto out;
		}
		while ((n = read(fd, buf, sizeof buf)) > 0)
			if (archive_write_data(w.a, buf, (size_t)n) != n) {
				rc = hw_fail(w.e, "%s: %s", path, archive_error_string(w.a));
				break;
			}
		if (n < 0 && !rc)
			rc = hw_fail(w.e, "%s: %s", path, strerror(errno));
		close(fd);
	}
out:
	archive_entry_free(ent);
	free(name);
	return rc;
}

int archive_write_tree(const char *dir, const char *prefix, int fd, struct hw_err *e)
{
	struct archive *a = archive_write_new();
	int rc = 0;

	if (archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
	    archive_write_set_format_pax_restricted(a) != ARCHIVE_OK ||
	    archive_write_open_fd(a, fd) != ARCHIVE_OK) {
		rc = hw_fail(e, "libarchive: %s", archive_error_string(a));
		archive_write_free(a);
		return rc;
	}
	w.a = a, w.prefix = prefix, w.skip = strlen(dir), w.e = e;
	if (nftw(dir, add_entry, 16, FTW_PHYS) != 0 && !rc)
		rc = e->msg[0] ? -1 : hw_fail(e, "%s: %s", dir, strerror(errno));
	if (archive_write_close(a) != ARCHIVE_OK && !rc)
		rc = hw_fail(e, "libarchive: %s", archive_error_string(a));
	archive_write_free(a);
	memset(&w, 0, sizeof w);
	return rc;
}

/* Whether a link at name (relative to the root) with this target stays
 * inside the root, judged on the names alone. */
static int link_inside(const char *name, const char *target)
{
	int depth = 0;
	const char *p;

	if (target[0] == '/')
		return 0;
	/* the directories of name */
	for (p = name; (p = strchr(p, '/')); p++)
		if (p[1])
			depth++;
	for (p = target; *p;) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			depth--;
		else if (n && !(n == 1 && p[0] == '.'))
			depth++;
		if (depth < 0)
			return 0;
		p += n + (p[n] == '/');
	}
	return 1;
}

static int bad_name(const char *name)
{
	if (name[0] == '/')
		return 1;
	for (const char *p = name; *p;) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += n + (p[n] == '/');
	}
	return 0;
}

/* What an archive may hold before it is taken for a bomb: a capture is a few
 * MiB of a few thousand entries (a whole sysfs snapshot of a 40-core server
 * is 11,495 entries, 141 KiB of data, 1.6 bytes of data a compressed byte). */
struct bounds {
	unsigned long long data;  /* file data so far */
	unsigned long entries;
};

static int too_big(struct archive *in, const char *path, const struct bounds *b,
		   struct hw_err *e)
{
	la_int64_t packed = archive_filter_bytes(in, -1), stream = archive_filter_bytes(in, 0);

	if (b->data > EXTRACT_MAX_BYTES)
		return hw_fail(e, "%s: more than %llu MiB of data: not a capture", path,
			       EXTRACT_MAX_BYTES >> 20);
	if (stream > (la_int64_t)EXTRACT_MAX_STREAM)
		return hw_fail(e, "%s: more than %llu MiB unpacked: not a capture", path,
			       EXTRACT_MAX_STREAM >> 20);
	if (b->data > EXTRACT_RATIO_FROM && packed > 0 &&
	    b->data / (unsigned long long)packed > EXTRACT_MAX_RATIO)
		return hw_fail(e, "%s: %llu bytes unpacked from %lld (more than %u to 1): a "
				  "compression bomb, not a capture",
			       path, b->data, (long long)packed, EXTRACT_MAX_RATIO);
	return 0;
}

/* The data of the current entry, to out (or nowhere when out is NULL),
 * the bounds checked block by block. */
static int copy_data(struct archive *in, struct archive *out, const char *path,
		     const char *name, struct bounds *b, struct hw_err *e)
{
	const void *buf;
	size_t size;
	la_int64_t off;
	int r;

	while ((r = archive_read_data_block(in, &buf, &size, &off)) == ARCHIVE_OK) {
		b->data += size;
		if (too_big(in, path, b, e) < 0)
			return -1;
		if (out && archive_write_data_block(out, buf, size, off) != ARCHIVE_OK)
			return hw_fail(e, "%s: %s: %s", path, name, archive_error_string(out));
	}
	if (r != ARCHIVE_EOF)
		return hw_fail(e, "%s: %s: %s", path, name,
			       archive_error_string(in) ? archive_error_string(in) : "read error");
	return 0;
}

/* One entry of the archive at path: checked, and written into dir through
 * out unless out is NULL (the first pass, which writes nothing); -1 with e
 * set. */
static int extract_entry(struct archive *in, struct archive *out, struct archive_entry *ent,
			 const char *path, const char *dir, struct bounds *b, struct hw_err *e)
{
	/* a copy: setting the entry's path below frees libarchive's */
	char *name = xstrdup(archive_entry_pathname(ent)), *dest;
	const char *target = archive_entry_symlink(ent);
	mode_t type = archive_entry_filetype(ent);
	int rc = 0;

	if (!name || bad_name(name)) {
		rc = hw_fail(e, "%s: entry \"%s\": an absolute name or \"..\"", path,
			     name ? name : "");
		goto out;
	}
	if (strlen(name) > CONTAIN_PATH_MAX) {
		rc = hw_fail(e, "%s: entry \"%.40s...\": a name longer than %d bytes: refused", path,
			     name, CONTAIN_PATH_MAX);
		goto out;
	}
	if (archive_entry_hardlink(ent) ||
	    (type != AE_IFREG && type != AE_IFDIR && type != AE_IFLNK))
		goto out; /* devices, FIFOs, hard links: nothing a probe reads */
	if (type == AE_IFLNK && target && strlen(target) > CONTAIN_PATH_MAX) {
		rc = hw_fail(e, "%s: link \"%s\" -> \"%.60s...\": a target longer than %d bytes: "
				"refused",
			     path, name, target, CONTAIN_PATH_MAX);
		goto out;
	}
	if (type == AE_IFLNK && (!target || !link_inside(name, target))) {
		rc = hw_fail(e, "%s: link \"%s\" -> \"%s\" leads out of the capture", path, name,
			     target ? target : "");
		goto out;
	}
	if (type == AE_IFREG && archive_entry_size(ent) > (la_int64_t)EXTRACT_MAX_FILE) {
		rc = hw_fail(e, "%s: %s: %lld bytes, more than %u MiB: not a capture", path, name,
			     (long long)archive_entry_size(ent), EXTRACT_MAX_FILE >> 20);
		goto out;
	}
	if (out) {
		dest = xasprintf("%s/%s", dir, name);
		archive_entry_set_pathname(ent, dest);
		free(dest);
		archive_entry_set_uid(ent, getuid());
		archive_entry_set_gid(ent, getgid());
		archive_entry_set_perm(ent,
				       type == AE_IFDIR ? 0755 : archive_entry_perm(ent) & 0644);
		if (archive_write_header(out, ent) != ARCHIVE_OK) {
			rc = hw_fail(e, "%s: %s: %s", path, name, archive_error_string(out));
			goto out;
		}
	}
	if (type == AE_IFREG && archive_entry_size(ent) > 0)
		rc = copy_data(in, out, path, name, b, e);
	if (!rc && out && archive_write_finish_entry(out) != ARCHIVE_OK)
		rc = hw_fail(e, "%s: %s: %s", path, name, archive_error_string(out));
out:
	free(name);
	return rc;
}

/* One pass over the archive open at fd (from its start): into dir through
 * a disk writer, or only checked when dir is NULL. */
static int extract_pass(int fd, const char *path, const char *dir, struct hw_err *e)
{
	struct archive *in = archive_read_new(), *out = dir ? archive_write_disk_new() : NULL;
	struct archive_entry *ent;
	struct bounds b = {0};
	int rc = 0, r;

	archive_read_support_filter_all(in);
	archive_read_support_format_tar(in);
	archive_read_support_format_gnutar(in);
	/* no owners, no special bits; never through a link, never above dir
	 * (the names are checked below: dir itself is an absolute path) */
	if (out)
		archive_write_disk_set_options(out, ARCHIVE_EXTRACT_PERM |
							    ARCHIVE_EXTRACT_SECURE_SYMLINKS |
							    ARCHIVE_EXTRACT_SECURE_NODOTDOT);
	if (lseek(fd, 0, SEEK_SET) < 0 || archive_read_open_fd(in, fd, 65536) != ARCHIVE_OK) {
		rc = hw_fail(e, "%s: %s", path,
			     archive_error_string(in) ? archive_error_string(in) : strerror(errno));
		goto out;
	}
	while (!rc && (r = archive_read_next_header(in, &ent)) != ARCHIVE_EOF) {
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
			rc = hw_fail(e, "%s: %s", path, archive_error_string(in));
			break;
		}
		if (++b.entries > EXTRACT_MAX_ENTRIES) {
			rc = hw_fail(e, "%s: more than %u entries: not a capture", path,
				     EXTRACT_MAX_ENTRIES);
			break;
		}
		if ((rc = too_big(in, path, &b, e)) < 0)
			break;
		rc = extract_entry(in, out, ent, path, dir, &b, e);
	}
out:
	archive_read_free(in);
	if (out)
		archive_write_free(out);
	return rc;
}

int archive_extract(const char *path, const char *dir, struct hw_err *e)
{
	int fd = infile_open(path, e), rc;

	if (fd < 0)
		return -1;
	/* first read through without writing anything, so that a bomb or a
	 * bad entry costs no disk; then again, with the same checks, to write */
	rc = extract_pass(fd, path, NULL, e);
	if (!rc)
		rc = extract_pass(fd, path, dir, e);
	close(fd);
	return rc;
}

char *archive_unpack(const char *path, char **tmp, struct hw_err *e)
{
	const char *base = getenv("TMPDIR");
	char *top = NULL, *root;
	struct dirent *de;
	int entries = 0;
	DIR *d;

	*tmp = cleanup_in(base && *base ? base : "/tmp", CLEANUP_ROOT);
	if (!cleanup_mkdtemp(*tmp)) {
		hw_fail(e, "%s: cannot create a directory to unpack %s: %s", *tmp, path,
		        strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return NULL;
	}
	if (archive_extract(path, *tmp, e) < 0 || contain_check(*tmp, 1, path, "the capture", e) < 0)
		return NULL;
	if ((d = opendir(*tmp))) {
		while ((de = readdir(d)))
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
				entries++;
				free(top);
				top = xstrdup(de->d_name);
			}
		closedir(d);
	}
	root = xasprintf("%s/%s", *tmp, top ? top : "");
	if (entries == 1 && strcmp(top, "sys") && strcmp(top, "proc")) {
		struct stat st;

		if (stat(root, &st) == 0 && S_ISDIR(st.st_mode)) {
			free(top);
			return root;
		}
	}
	free(root), free(top);
	return xstrdup(*tmp);
}
