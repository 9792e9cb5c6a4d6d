/* snapshot.c - copy what the probes read (see snapshot.h). */
#define _GNU_SOURCE /* GLOB_BRACE */
#include "snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../output/alloc.h"
#include "../probes/probe.h"
#include "cleanup.h"

#define FILE_MAX   (64u << 20) /* the largest file copied (SMBIOS tables are KiB) */
#define LINK_DEPTH 40          /* symbolic links followed in one path, as Linux */

struct ctx {
	const char *from, *to;
	struct snapshot *s;
	struct hw_err *e;
	size_t probe; /* the probe_table row being copied */
};

static void note_unread(struct ctx *c, const char *rel, const char *why)
{
	GROW(c->s->unread, c->s->capunread, c->s->nunread);
	c->s->unread[c->s->nunread++] = xasprintf("%s: %s", rel, why);
}

static char *src_path(const struct ctx *c, const char *rel)
{
	return xasprintf("%s/%s", c->from, rel);
}

/* Copy one regular file; an unreadable one becomes an empty file with no
 * permissions. -1 only when the output cannot be written. */
static int copy_file(struct ctx *c, const char *rel)
{
	char *src = src_path(c, rel), *dst = xasprintf("%s/%s", c->to, rel), *buf = NULL;
	size_t len = 0, cap = 0;
	int in, out, rc = 0, err = 0;
	struct stat st;

	if (access(dst, F_OK) == 0) /* met before, through another path */
		goto done;
	/* never blocks on a FIFO put there since copy_rel() looked */
	in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (in >= 0 && (fstat(in, &st) < 0 || !S_ISREG(st.st_mode))) {
		close(in);
		in = -1;
		errno = EINVAL;
	}
	if (in < 0) {
		err = errno;
	} else {
		fcntl(in, F_SETFL, fcntl(in, F_GETFL) & ~O_NONBLOCK);
		for (;;) {
			ssize_t n;

			if (len == cap) {
				cap = cap ? 2 * cap : 4096;
				buf = xrealloc(buf, cap);
			}
			n = read(in, buf + len, cap - len);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				err = errno;
				break;
			}
			if (n == 0)
				break;
			len += (size_t)n;
			if (len > FILE_MAX) {
				err = EFBIG;
				break;
			}
		}
		close(in);
	}
	if (err) {
		note_unread(c, rel, strerror(err));
		len = 0;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, err ? 0 : 0644);
	if (out < 0) {
		rc = hw_fail(c->e, "%s: %s", dst, strerror(errno));
		goto done;
	}
	for (size_t off = 0; off < len;) {
		ssize_t n = write(out, buf + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = hw_fail(c->e, "%s: %s", dst, strerror(errno));
			break;
		}
		off += (size_t)n;
	}
	if (close(out) < 0 && !rc)
		rc = hw_fail(c->e, "%s: %s", dst, strerror(errno));
	if (!rc && !err)
		c->s->files[c->probe]++;
done:
	free(buf), free(src), free(dst);
	return rc;
}

static int make_dir(struct ctx *c, const char *rel)
{
	char *dst = xasprintf("%s/%s", c->to, rel);
	int rc = 0;

	if (mkdir(dst, 0755) == 0)
		c->s->ndirs++;
	else if (errno != EEXIST)
		rc = hw_fail(c->e, "%s: %s", dst, strerror(errno));
	free(dst);
	return rc;
}

/* Drop the last component of the canonical path p; -1 if p is the root. */
static int pop(char *p)
{
	char *slash = strrchr(p, '/');

	if (!*p)
		return -1;
	if (slash)
		*slash = '\0';
	else
		*p = '\0';
	return 0;
}

static char *join(const char *a, const char *b, size_t blen)
{
	return *a ? xasprintf("%s/%.*s", a, (int)blen, b) : xstrndup(b, blen);
}

/* Copy the path rel (relative to the root, possibly with symbolic links
 * and "..") into the output: each directory on the way made, each link
 * recreated and followed, the last component copied (a directory only made
 * when dir_only). *canon gets the path with every link resolved (free it);
 * NULL when the path does not exist or leaves the root. -1 when the output
 * cannot be written. */
static int copy_rel(struct ctx *c, const char *rel, int dir_only, int depth, char **canon)
{
	char *cur = xstrdup("");
	const char *p = rel;
	int rc = 0;

	*canon = NULL;
	while (*p && !rc) {
		size_t n = strcspn(p, "/");
		const char *rest = p + n + (p[n] == '/');
		char *next, *src;
		struct stat st;

		if (!n || (n == 1 && p[0] == '.')) {
			p = rest;
			continue;
		}
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (pop(cur) < 0)
				goto gone; /* above the root */
			p = rest;
			continue;
		}
		next = join(cur, p, n);
		src = src_path(c, next);
		if (lstat(src, &st) < 0) {
			free(src), free(next);
			goto gone;
		}
		free(src);
		if (S_ISLNK(st.st_mode)) {
			char target[4096], *dir, *resolved, *canon_t, *dst, *text;
			ssize_t len;

			src = src_path(c, next);
			len = readlink(src, target, sizeof target - 1);
			free(src);
			if (len <= 0 || depth >= LINK_DEPTH) {
				free(next);
				goto gone;
			}
			target[len] = '\0';
			dir = xstrdup(next);
			pop(dir);
			/* an absolute link means the same place under the root */
			resolved = target[0] == '/' ? xstrdup(target + 1)
			                            : join(dir, target, strlen(target));
			rc = copy_rel(c, resolved, *rest ? 1 : dir_only, depth + 1, &canon_t);
			free(resolved);
			if (rc || !canon_t) {
				free(dir), free(next);
				if (rc)
					break;
				goto gone;
			}
			/* the link itself, relative as sysfs makes them */
			if (target[0] == '/') {
				text = xstrdup("");
				for (const char *q = dir; *dir && q; q = strchr(q + 1, '/')) {
					char *t = xasprintf("%s../", text);

					free(text);
					text = t;
				}
				resolved = xasprintf("%s%s", text, canon_t);
				free(text);
				text = resolved;
			} else {
				text = xstrdup(target);
			}
			dst = xasprintf("%s/%s", c->to, next);
			if (symlink(text, dst) == 0)
				c->s->nlinks++;
			else if (errno != EEXIST)
				rc = hw_fail(c->e, "%s: %s", dst, strerror(errno));
			free(dst), free(text), free(dir), free(next);
			free(cur);
			cur = canon_t;
		} else if (S_ISDIR(st.st_mode)) {
			rc = make_dir(c, next);
			free(cur);
			cur = next;
		} else if (!*rest && S_ISREG(st.st_mode)) {
			rc = dir_only ? 0 : copy_file(c, next);
			free(cur);
			cur = next;
		} else {
			/* a device, a FIFO, or a file where a directory is needed */
			free(next);
			goto gone;
		}
		p = rest;
	}
	if (rc) {
		free(cur);
		return -1;
	}
	*canon = cur;
	return 0;
gone:
	free(cur);
	return 0;
}

/* "/" + from with glob's special characters escaped. */
static char *glob_prefix(const char *from)
{
	char *out = xmalloc(2 * strlen(from) + 2), *o = out;

	for (const char *p = from; *p; p++) {
		if (strchr("*?[]{}\\", *p))
			*o++ = '\\';
		*o++ = *p;
	}
	*o++ = '/';
	*o = '\0';
	return out;
}

static int copy_pattern(struct ctx *c, const struct probe_ops *ops, const char *pattern)
{
	char *prefix = glob_prefix(c->from), *full = xasprintf("%s%s", prefix, pattern);
	size_t plen = strlen(pattern), skip = strlen(c->from) + 1;
	int dir_only = plen && pattern[plen - 1] == '/', rc = 0, g;
	glob_t gl;

	g = glob(full, GLOB_BRACE, NULL, &gl);
	for (size_t i = 0; g == 0 && !rc && i < gl.gl_pathc; i++) {
		const char *rel = gl.gl_pathv[i] + skip;
		char *canon;

		if (ops->capture_keep && !ops->capture_keep(c->from, rel))
			continue;
		rc = copy_rel(c, rel, dir_only, 0, &canon);
		free(canon);
	}
	if (g == 0)
		globfree(&gl);
	free(full), free(prefix);
	return rc;
}

int snapshot_copy(const char *from, const char *to, struct snapshot *s, struct hw_err *e)
{
	struct ctx c = {.from = from, .to = to, .s = s, .e = e};

	memset(s, 0, sizeof *s);
	for (size_t i = 0; probe_table[i] && i < SNAPSHOT_MAX_PROBES; i++) {
		const struct probe_ops *ops = probe_table[i];

		c.probe = i;
		for (size_t k = 0; ops->reads && ops->reads[k]; k++)
			if (copy_pattern(&c, ops, ops->reads[k]) < 0)
				return -1;
	}
	return 0;
}

void snapshot_clear(struct snapshot *s)
{
	for (size_t i = 0; i < s->nunread; i++)
		free(s->unread[i]);
	free(s->unread);
	memset(s, 0, sizeof *s);
}

int snapshot_remove(const char *path)
{
	return cleanup_remove(path); /* and forgotten, if it was registered */
}
