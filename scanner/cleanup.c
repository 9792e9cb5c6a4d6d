/* cleanup.c - temporaries removed on signals and after a crash (see
 * cleanup.h). */
#define _GNU_SOURCE /* getdents64 */
#include "cleanup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../output/alloc.h"

static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
#define NSIGNALS (sizeof signals / sizeof *signals)

/* The registered temporaries. Changed only with the signals blocked, so the
 * handler always sees whole strings. */
static char *slots[CLEANUP_SLOTS];
static volatile sig_atomic_t handling;
/* the thread that registers temporaries: a signal taken on another thread
 * (libusb's, the loader's) is passed on to it, so that the handler never
 * runs while the registry or cleanup_rmtree()'s state is in use */
static pthread_t main_thread;

/* cleanup_rmtree()'s state: static, so that a deep tree costs no stack (the
 * handler may run on any thread's). Used with the signals blocked, or from
 * the one handler that runs. */
static struct {
	int fd[CLEANUP_DEPTH_MAX + 1];
	off_t resume[CLEANUP_DEPTH_MAX + 1];
	char name[CLEANUP_DEPTH_MAX + 1][256];
	char buf[4096];
} rm;

static void block(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&set, signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

static void unblock(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

static size_t len_of(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int cleanup_rmtree(int dirfd, const char *name)
{
	int depth = 0, left = 0;

	if (len_of(name) >= sizeof rm.name[0]) {
		/* a whole path: open it, remove its contents, then the name */
		rm.fd[0] = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (rm.fd[0] < 0)
			return unlinkat(dirfd, name, 0) < 0 && errno != ENOENT ? -1 : 0;
		rm.name[0][0] = '\0';
	} else {
		memcpy(rm.name[0], name, len_of(name) + 1);
		rm.fd[0] = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (rm.fd[0] < 0)
			return unlinkat(dirfd, name, 0) < 0 && errno != ENOENT ? -1 : 0;
	}
	rm.resume[0] = 0;
	while (depth >= 0) {
		int fd = rm.fd[depth], down = 0;
		long n;

		if (lseek(fd, rm.resume[depth], SEEK_SET) < 0)
			n = -1;
		while (!down && (n = syscall(SYS_getdents64, fd, rm.buf, sizeof rm.buf)) > 0) {
			for (long off = 0; off < n;) {
				struct dirent64 *de = (struct dirent64 *)(rm.buf + off);
				const char *d = de->d_name;
				int sub;

				off += de->d_reclen;
				if (d[0] == '.' && (!d[1] || (d[1] == '.' && !d[2])))
					continue;
				if (unlinkat(fd, d, 0) == 0 || errno == ENOENT)
					continue;
				/* a directory (or something that cannot go) */
				if (depth == CLEANUP_DEPTH_MAX || len_of(d) >= sizeof rm.name[0] ||
				    (sub = openat(fd, d, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
								 O_CLOEXEC)) < 0) {
					left = 1;
					continue;
				}
				rm.resume[depth] = de->d_off;
				depth++;
				rm.fd[depth] = sub;
				rm.resume[depth] = 0;
				memcpy(rm.name[depth], d, len_of(d) + 1);
				down = 1;
				break;
			}
		}
		if (down)
			continue;
		if (n < 0)
			left = 1;
		close(fd);
		if (depth == 0) {
			if (unlinkat(dirfd, name, AT_REMOVEDIR) < 0 && errno != ENOENT)
				left = 1;
		} else if (unlinkat(rm.fd[depth - 1], rm.name[depth], AT_REMOVEDIR) < 0 &&
			   errno != ENOENT) {
			left = 1;
		}
		depth--;
	}
	return left ? -1 : 0;
}

static void on_signal(int sig)
{
	if (!pthread_equal(pthread_self(), main_thread)) {
		pthread_kill(main_thread, sig);
		return;
	}
	/* one handler at a time: a second signal waits for the first to end
	 * the process */
	if (handling)
		for (;;)
			pause();
	handling = 1;
	for (size_t i = 0; i < CLEANUP_SLOTS; i++)
		if (slots[i])
			cleanup_rmtree(AT_FDCWD, slots[i]);
	/* end as the signal would have: it is delivered once we return */
	signal(sig, SIG_DFL);
	raise(sig);
}

void cleanup_init(void)
{
	struct sigaction sa;

	main_thread = pthread_self();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&sa.sa_mask, signals[i]);
	for (size_t i = 0; i < NSIGNALS; i++) {
		struct sigaction old;

		/* a signal ignored by whoever started us stays ignored */
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(signals[i], &sa, NULL);
	}
}

static char *template_in(const char *dir, const char *prefix)
{
	return xasprintf("%s/%s-%ld-XXXXXX", dir, prefix, (long)getpid());
}

char *cleanup_in(const char *dir, const char *prefix)
{
	return template_in(dir, prefix);
}

char *cleanup_beside(const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir, *t;

	if (!slash)
		return template_in(".", CLEANUP_BESIDE);
	dir = slash == target ? xstrdup("/") : xstrndup(target, (size_t)(slash - target));
	t = template_in(dir, CLEANUP_BESIDE);
	free(dir);
	return t;
}

/* Whether name is PREFIX-PID-XXXXXX of a process that is gone. */
static int stale(const char *name, const char *prefix)
{
	size_t n = strlen(prefix);
	const char *p = name + n + 1;
	char *end;
	long pid;

	if (strncmp(name, prefix, n) || name[n] != '-' || *p < '1' || *p > '9')
		return 0;
	errno = 0;
	pid = strtol(p, &end, 10);
	if (errno || *end != '-' || strlen(end + 1) != 6 || pid <= 0 || pid == (long)getpid())
		return 0;
	return kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

/* Remove the stale temporaries of prefix in dir that belong to this user;
 * each directory once a process (check -o DIR writes many files there). */
static void sweep(const char *dir, const char *prefix)
{
	static char *done[4];
	static size_t ndone;
	char *key = xasprintf("%s/%s", dir, prefix);
	struct dirent *de;
	DIR *d;
	int fd;

	for (size_t i = 0; i < ndone; i++)
		if (!strcmp(done[i], key)) {
			free(key);
			return;
		}
	if (ndone < sizeof done / sizeof *done)
		done[ndone++] = key;
	else
		free(key);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return;
	if (!(d = fdopendir(fd))) {
		close(fd);
		return;
	}
	while ((de = readdir(d))) {
		struct stat st;
		sigset_t old;

		if (!stale(de->d_name, prefix) ||
		    fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 || st.st_uid != geteuid())
			continue;
		block(&old);
		cleanup_rmtree(fd, de->d_name);
		unblock(&old);
	}
	closedir(d);
}

/* Sweep the directory and prefix of template "DIR/PREFIX-PID-XXXXXX". */
static void sweep_for(const char *template)
{
	static const char *const prefixes[] = {CLEANUP_ROOT, CLEANUP_BESIDE};
	const char *slash = strrchr(template, '/'), *base = slash ? slash + 1 : template;
	char *dir;

	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);

		if (strncmp(base, prefixes[i], n) || base[n] != '-')
			continue;
		dir = !slash ? xstrdup(".")
		      : slash == template ? xstrdup("/")
					  : xstrndup(template, (size_t)(slash - template));
		sweep(dir, prefixes[i]);
		free(dir);
	}
}

static int add(char *path)
{
	for (size_t i = 0; i < CLEANUP_SLOTS; i++)
		if (!slots[i]) {
			slots[i] = path;
			return 0;
		}
	return -1;
}

int cleanup_mkstemp(char *template)
{
	sigset_t old;
	int fd, err;

	sweep_for(template);
	block(&old);
	fd = mkstemp(template);
	err = errno;
	if (fd >= 0 && add(xstrdup(template)) < 0) {
		unlink(template);
		close(fd);
		fd = -1;
		err = EMFILE;
	}
	unblock(&old);
	errno = err;
	return fd;
}

char *cleanup_mkdtemp(char *template)
{
	sigset_t old;
	char *r;
	int err;

	sweep_for(template);
	block(&old);
	r = mkdtemp(template);
	err = errno;
	if (r && add(xstrdup(template)) < 0) {
		rmdir(template);
		r = NULL;
		err = EMFILE;
	}
	unblock(&old);
	errno = err;
	return r;
}

static char *take(const char *path)
{
	for (size_t i = 0; i < CLEANUP_SLOTS; i++)
		if (slots[i] && !strcmp(slots[i], path)) {
			char *p = slots[i];

			slots[i] = NULL;
			return p;
		}
	return NULL;
}

void cleanup_forget(const char *path)
{
	sigset_t old;

	block(&old);
	free(take(path));
	unblock(&old);
}

int cleanup_remove(const char *path)
{
	sigset_t old;
	int rc;

	block(&old);
	rc = cleanup_rmtree(AT_FDCWD, path);
	free(take(path));
	unblock(&old);
	return rc;
}
