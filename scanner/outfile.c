/* outfile.c - atomic output files (see outfile.h). */
#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../output/alloc.h"
#include "cleanup.h"

void outfile_mode(int fd, const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		/* a file replaced keeps its owner where we may give it (as
		 * root), and its mode: a 0600 BOM stays 0600 */
		if (fchown(fd, st.st_uid, st.st_gid) < 0 && fchown(fd, (uid_t)-1, st.st_gid) < 0) {
			/* not permitted: ours, with the old mode */
		}
		fchmod(fd, st.st_mode & 0777);
		return;
	}
	/* a new file: the usual 0666 less the umask (mkstemp made it 0600) */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
}

int outfile_open(struct outfile *o, const char *path, struct hw_err *e)
{
	struct stat st;
	int fd;

	memset(o, 0, sizeof *o);
	if (!path || !strcmp(path, "-")) {
		o->f = stdout;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			return hw_fail(e, "%s: is a directory", path);
		if (!(o->f = fopen(path, "w")))
			return hw_fail(e, "%s: %s", path, strerror(errno));
		o->close_f = 1;
		return 0;
	}
	o->path = xstrdup(path);
	o->tmp = cleanup_beside(path); /* short, whatever the name's length */
	fd = cleanup_mkstemp(o->tmp);
	if (fd < 0) {
		hw_fail(e, "%s: cannot create a temporary file beside it: %s", path,
			strerror(errno));
		free(o->tmp), free(o->path);
		memset(o, 0, sizeof *o);
		return -1;
	}
	outfile_mode(fd, path);
	if (!(o->f = fdopen(fd, "w"))) {
		hw_fail(e, "%s: %s", o->tmp, strerror(errno));
		close(fd);
		outfile_abort(o);
		return -1;
	}
	return 0;
}

int outfile_commit(struct outfile *o, struct hw_err *e)
{
	int failed;

	if (!o->path) {
		failed = fflush(o->f) == EOF || ferror(o->f);
		if (o->close_f && fclose(o->f) == EOF)
			failed = 1;
		o->f = NULL;
		if (failed)
			return hw_fail(e, "%s: %s", o->close_f ? "output" : "standard output",
				       strerror(errno));
		return 0;
	}
	failed = fflush(o->f) == EOF || ferror(o->f) || fsync(fileno(o->f)) < 0;
	if (fclose(o->f) == EOF)
		failed = 1;
	o->f = NULL;
	if (failed || rename(o->tmp, o->path) < 0) {
		hw_fail(e, "%s: %s", o->path, strerror(errno));
		outfile_abort(o);
		return -1;
	}
	cleanup_forget(o->tmp);
	free(o->tmp), free(o->path);
	memset(o, 0, sizeof *o);
	return 0;
}

void outfile_abort(struct outfile *o)
{
	if (o->close_f && o->f)
		fclose(o->f);
	if (o->path) {
		if (o->f)
			fclose(o->f);
		cleanup_remove(o->tmp);
		free(o->tmp), free(o->path);
	}
	memset(o, 0, sizeof *o);
}
