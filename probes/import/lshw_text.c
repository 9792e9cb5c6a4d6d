/* lshw_text.c - the plain text lshw prints by default (lshw_tree.h):
 *
 *   HOSTNAME                           the root node, at column 0
 *       description: Desktop Computer  KEY: VALUE lines of the node above
 *     *-core                           a node: "*-ID", indented by depth,
 *        *-cpu:1 DISABLED              with UNCLAIMED or DISABLED after it
 *           configuration: driver=e1000e latency=0   settings, "k=v" words
 *
 * Lines before the root that lshw writes to the terminal (WARNING: ...) are
 * passed over. A line that is none of these, NUL bytes and lines longer
 * than LSHW_LINE_MAX are errors naming the file and line. */
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "lshw_tree.h"

#define LSHW_LINE_MAX 65536

/* "driver=e1000e latency=0 family=ThinkPad X240 sku=..." : a word with '='
 * starts a setting, other words continue the value before. */
static void settings(struct lshw_node *n, const char *s)
{
	while (*s) {
		const char *eq, *next, *p;
		char *key, *val;

		while (*s == ' ')
			s++;
		eq = strchr(s, '=');
		if (!*s || !eq)
			return;
		for (p = s; p < eq && *p != ' '; p++)
			;
		if (p < eq) { /* no '=' in this word: not a setting */
			s = p;
			continue;
		}
		/* the value runs to the next " WORD=" */
		for (next = eq + 1;; next++) {
			const char *w, *q;

			next = strchr(next, ' ');
			if (!next) {
				next = eq + 1 + strlen(eq + 1);
				break;
			}
			w = next + 1;
			for (q = w; *q && *q != ' ' && *q != '='; q++)
				;
			if (*q == '=' && q > w)
				break;
		}
		key = xstrndup(s, (size_t)(eq - s));
		val = xstrndup(eq + 1, (size_t)(next - eq - 1));
		lshw_add_kv(n, key, val);
		free(key), free(val);
		s = next;
	}
}

static void capabilities(struct lshw_node *n, const char *s)
{
	while (*s) {
		const char *end;
		char *key;

		while (*s == ' ')
			s++;
		end = strchr(s, ' ');
		if (!end)
			end = s + strlen(s);
		if (end > s) {
			char *w = xstrndup(s, (size_t)(end - s));

			key = xasprintf("cap:%s", w);
			lshw_add_kv(n, key, "");
			free(key), free(w);
		}
		s = end;
	}
}

int lshw_text_read(const char *path, const char *buf, size_t len, struct lshw_tree *t,
                   struct hw_err *e)
{
	struct lshw_node *cur = NULL;
	unsigned line = 0;
	const char *p = buf, *end = buf + len;

	t->format = "lshw";
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *s, *colon;
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *l;
		int indent;

		line++;
		if (memchr(p, '\0', n))
			return hw_fail(e, "%s:%u: a NUL byte: not lshw text", path, line);
		if (n > LSHW_LINE_MAX)
			return hw_fail(e, "%s:%u: a line longer than %u bytes: not lshw text", path,
			               line, LSHW_LINE_MAX);
		l = xstrndup(p, n);
		p = nl ? nl + 1 : end;
		if (n && l[n - 1] == '\r')
			l[--n] = '\0';
		for (indent = 0; l[indent] == ' '; indent++)
			;
		s = l + indent;
		if (!*s) {
			free(l);
			continue;
		}
		if (!cur && indent == 0 && !strchr(s, ':') && !strchr(s, ' ')) {
			/* the root: the host name */
			cur = lshw_add_node(t, 0, line);
			lshw_set(cur, LF_ID, s);
		} else if (!cur && (!strncmp(s, "WARNING", 7) || indent == 0)) {
			; /* lshw's warnings on the terminal, a shell prompt */
		} else if (!strncmp(s, "*-", 2)) {
			const char *sp = strchr(s + 2, ' ');

			cur = lshw_add_node(t, indent, line);
			lshw_set_n(cur, LF_ID, s + 2, sp ? (size_t)(sp - s - 2) : strlen(s + 2));
			if (sp && strstr(sp, "DISABLED"))
				cur->disabled = 1;
		} else if (cur && (colon = strstr(s, ": ")) != NULL) {
			int f = lshw_field_by_label(s, (size_t)(colon - s));
			const char *v = colon + 2;

			if (f >= 0)
				lshw_set(cur, (enum lshw_field)f, v);
			else if (!strncmp(s, "configuration:", 14))
				settings(cur, v);
			else if (!strncmp(s, "capabilities:", 13))
				capabilities(cur, v);
		} else if (cur && s[strlen(s) - 1] == ':') {
			; /* a key with an empty value */
		} else {
			hw_fail(e, "%s:%u: not an lshw line (\"*-ID\" or \"KEY: VALUE\")", path,
			        line);
			free(l);
			return -1;
		}
		free(l);
	}
	return 0;
}
