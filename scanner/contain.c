/* contain.c - a --root tree proved to stay inside itself (see contain.h).
 *
 * Each directory is opened relative to its parent's descriptor with
 * O_NOFOLLOW, and each link is resolved one component at a time with
 * fstatat()/readlinkat() relative to the root's descriptor: the names handed
 * to the kernel never hold a link that was not looked at, and never exceed
 * CONTAIN_PATH_MAX, so no call here fails because a path is long. */
#define _GNU_SOURCE /* memrchr */
#include "contain.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../output/infile.h"

/* what is left to resolve of one link: its target and what followed it */
#define REST_MAX (4 * CONTAIN_PATH_MAX)

struct walk {
	int rootfd;
	const char *shown, *what;
	struct hw_err *e;
	unsigned long entries;
};

/* A name or link target for a message: the start of a long one, so that
 * the message's end (why) is never cut off. */
#define SHOWN_MAX 160
static const char *shorten(const char *s, char buf[SHOWN_MAX + 4])
{
	if (strlen(s) <= SHOWN_MAX)
		return s;
	memcpy(buf, s, SHOWN_MAX);
	memcpy(buf + SHOWN_MAX, "...", 4);
	return buf;
}

static int refuse(const struct walk *w, const char *rel, const char *target, const char *why)
{
	char a[SHOWN_MAX + 4], b[SHOWN_MAX + 4];

	return hw_fail(w->e, "%s: link \"%s\" -> \"%s\" %s", w->shown, shorten(rel, a),
		       shorten(target, b), why);
}

static int out_of(const struct walk *w, const char *rel, const char *target)
{
	char a[SHOWN_MAX + 4], b[SHOWN_MAX + 4];

	return hw_fail(w->e, "%s: link \"%s\" -> \"%s\" leads out of %s", w->shown,
		       shorten(rel, a), shorten(target, b), w->what);
}

/* Resolve the link at rel (its directories hold no link) whose target is
 * target, as the kernel would, relative to the root. 0 when every step
 * stays inside (or the resolution ends at a name that does not exist). */
static int resolve(const struct walk *w, const char *rel, const char *target)
{
	char canon[CONTAIN_PATH_MAX + 1], rest[REST_MAX + 1], next[REST_MAX + 1];
	char t[CONTAIN_PATH_MAX + 1];
	const char *slash = strrchr(rel, '/');
	size_t clen = slash ? (size_t)(slash - rel) : 0;
	unsigned links = 0;
	char *p;

	memcpy(canon, rel, clen);
	canon[clen] = '\0';
	if (target[0] == '/')
		return out_of(w, rel, target);
	if (strlen(target) > REST_MAX)
		return refuse(w, rel, target, "is too long to follow: refused");
	strcpy(rest, target);
	for (p = rest; *p;) {
		size_t n = strcspn(p, "/"), before = clen;
		char *after = p + n + (p[n] == '/');
		struct stat st;
		ssize_t tl;

		if (!n || (n == 1 && p[0] == '.')) {
			p = after;
			continue;
		}
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *s;

			if (!clen)
				return out_of(w, rel, target);
			s = memrchr(canon, '/', clen);
			clen = s ? (size_t)(s - canon) : 0;
			canon[clen] = '\0';
			p = after;
			continue;
		}
		if (clen + 1 + n > CONTAIN_PATH_MAX)
			return refuse(w, rel, target,
				      "resolves to a path too long to prove inside: refused");
		if (clen)
			canon[clen++] = '/';
		memcpy(canon + clen, p, n);
		clen += n;
		canon[clen] = '\0';
		if (fstatat(w->rootfd, canon, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			if (errno == ENOENT || errno == ENOTDIR)
				return 0; /* the kernel stops here too */
			return refuse(w, rel, target, errno == ENAMETOOLONG || errno == ELOOP
							      ? "cannot be followed: refused"
							      : "goes through a name that cannot be looked at: refused");
		}
		if (!S_ISLNK(st.st_mode)) {
			p = after;
			continue;
		}
		if (++links > CONTAIN_LINKS_MAX)
			return refuse(w, rel, target,
				      "goes through more than 40 links (a loop?): refused");
		tl = readlinkat(w->rootfd, canon, t, sizeof t);
		if (tl < 0 || (size_t)tl >= sizeof t)
			return refuse(w, rel, target,
				      "goes through a link that cannot be read: refused");
		t[tl] = '\0';
		if (t[0] == '/')
			return out_of(w, rel, target);
		if ((size_t)tl + 1 + strlen(after) > REST_MAX)
			return refuse(w, rel, target, "is too long to follow: refused");
		snprintf(next, sizeof next, "%s/%s", t, after);
		strcpy(rest, next);
		p = rest;
		clen = before; /* the link's own name is replaced by its target */
		canon[clen] = '\0';
	}
	return 0;
}

static int check_link(const struct walk *w, int dfd, const char *name, const char *rel)
{
	char t[CONTAIN_PATH_MAX + 1], a[SHOWN_MAX + 4];
	ssize_t tl = readlinkat(dfd, name, t, sizeof t);

	if (tl < 0)
		return hw_fail(w->e, "%s: link \"%s\": %s", w->shown, shorten(rel, a),
			       strerror(errno));
	if ((size_t)tl >= sizeof t)
		return hw_fail(w->e, "%s: link \"%s\": a target longer than %d bytes: refused",
			       w->shown, shorten(rel, a), CONTAIN_PATH_MAX);
	t[tl] = '\0';
	return resolve(w, rel, t);
}

static int walk_dir(struct walk *w, int dfd, char *rel, size_t rlen, int depth);

/* One entry of the directory dfd, at rel; dirs walked when descend. */
static int check_entry(struct walk *w, int dfd, const char *name, char *rel, size_t rlen,
		       int depth, int descend)
{
	size_t n = strlen(name);
	const char *kind;
	struct stat st;
	int fd;

	if (++w->entries > CONTAIN_ENTRIES_MAX)
		return hw_fail(w->e, "%s: more than %u entries: not a capture", w->shown,
			       CONTAIN_ENTRIES_MAX);
	if (rlen + (rlen ? 1 : 0) + n > CONTAIN_PATH_MAX)
		return hw_fail(w->e, "%s: \"%.*s/%s\": a path longer than %d bytes: refused",
			       w->shown, (int)rlen, rel, name, CONTAIN_PATH_MAX);
	if (rlen)
		rel[rlen++] = '/';
	memcpy(rel + rlen, name, n + 1);
	rlen += n;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return hw_fail(w->e, "%s: \"%s\": %s", w->shown, rel, strerror(errno));
	if (S_ISLNK(st.st_mode))
		return check_link(w, dfd, name, rel);
	if (S_ISREG(st.st_mode) || !descend)
		return 0;
	if (!S_ISDIR(st.st_mode)) {
		kind = infile_kind(st.st_mode);
		return hw_fail(w->e, "%s: \"%s\": %s in %s: refused", w->shown, rel, kind, w->what);
	}
	if (depth + 1 > CONTAIN_DEPTH_MAX)
		return hw_fail(w->e, "%s: \"%s\": more than %d directories deep: refused",
			       w->shown, rel, CONTAIN_DEPTH_MAX);
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		/* one nobody can enter hides nothing; one that can be entered
		 * but not listed could hide a link */
		if (errno == EACCES && faccessat(dfd, name, X_OK, AT_SYMLINK_NOFOLLOW) < 0)
			return 0;
		return hw_fail(w->e, "%s: \"%s\" cannot be checked (%s): refused", w->shown, rel,
			       strerror(errno));
	}
	return walk_dir(w, fd, rel, rlen, depth + 1);
}

/* Walk the directory fd (closed here) at rel. */
static int walk_dir(struct walk *w, int fd, char *rel, size_t rlen, int depth)
{
	DIR *d = fdopendir(fd);
	struct dirent *de;
	int rc = 0;

	if (!d) {
		rc = hw_fail(w->e, "%s: \"%s\": %s", w->shown, rel, strerror(errno));
		close(fd);
		return rc;
	}
	errno = 0;
	while (!rc && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		rc = check_entry(w, dirfd(d), de->d_name, rel, rlen, depth, 1);
		rel[rlen] = '\0';
		errno = 0;
	}
	if (!rc && errno)
		rc = hw_fail(w->e, "%s: \"%s\": %s", w->shown, rel, strerror(errno));
	closedir(d);
	return rc;
}

int contain_check(const char *root, int whole, const char *shown, const char *what,
		  struct hw_err *e)
{
	struct walk w = {.shown = shown, .what = what, .e = e};
	char rel[CONTAIN_PATH_MAX + 1] = "";
	struct stat st, top;
	struct dirent *de;
	DIR *d;
	int rc = 0, fd;

	w.rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w.rootfd < 0)
		return hw_fail(e, "%s: %s", shown, strerror(errno));
	if (fstat(w.rootfd, &st) == 0 && stat("/", &top) == 0 && st.st_dev == top.st_dev &&
	    st.st_ino == top.st_ino) {
		close(w.rootfd);
		return 0; /* nothing is outside / */
	}
	if ((fd = dup(w.rootfd)) < 0 || !(d = fdopendir(fd))) {
		rc = hw_fail(e, "%s: %s", shown, strerror(errno));
		if (fd >= 0)
			close(fd);
		close(w.rootfd);
		return rc;
	}
	/* the top level's links, and all of what the probes read (sys/,
	 * proc/), or all of it */
	while (!rc && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		rc = check_entry(&w, w.rootfd, de->d_name, rel, 0, 0,
				 whole || !strcmp(de->d_name, "sys") || !strcmp(de->d_name, "proc"));
		rel[0] = '\0';
	}
	closedir(d);
	close(w.rootfd);
	return rc;
}
