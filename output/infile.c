/* infile.c - named input files, regular files only (see infile.h). */
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *infile_kind(unsigned mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return NULL;
	case S_IFDIR:
		return "a directory";
	case S_IFIFO:
		return "a FIFO";
	case S_IFCHR:
		return "a character device";
	case S_IFBLK:
		return "a block device";
	case S_IFSOCK:
		return "a socket";
	case S_IFLNK:
		return "a symbolic link";
	default:
		return "not a file";
	}
}

int infile_open(const char *path, struct hw_err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat st;
	const char *kind;
	int flags;

	if (fd < 0)
		return hw_fail(e, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) < 0) {
		hw_fail(e, "%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if ((kind = infile_kind(st.st_mode))) {
		hw_fail(e, "%s: %s, not a regular file: refused", path, kind);
		close(fd);
		return -1;
	}
	if ((flags = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
		hw_fail(e, "%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

FILE *infile_fopen(const char *path, struct hw_err *e)
{
	int fd = infile_open(path, e);
	FILE *f;

	if (fd < 0)
		return NULL;
	if (!(f = fdopen(fd, "rb"))) {
		hw_fail(e, "%s: %s", path, strerror(errno));
		close(fd);
	}
	return f;
}
