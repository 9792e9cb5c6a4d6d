/* lshw_tree.c - lshw's nodes (lshw_tree.h), and --lshw FILE: which of its
 * four printers wrote the file, told by its first bytes. */
#include "lshw_tree.h"

#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"

struct lshw_node *lshw_add_node(struct lshw_tree *t, int depth, unsigned line)
{
	struct lshw_node *n;

	GROW(t->nodes, t->cap, t->n);
	n = &t->nodes[t->n++];
	memset(n, 0, sizeof *n);
	n->depth = depth;
	n->line = line;
	return n;
}

void lshw_set_n(struct lshw_node *n, enum lshw_field f, const char *value, size_t len)
{
	char *s = xstrndup(value, len), *t = inv_dup(s);

	free(s);
	if (!t)
		return;
	if (n->f[f]) {
		/* a second logical name, product, ...: the first one counts */
		free(t);
		return;
	}
	n->f[f] = t;
}

void lshw_set(struct lshw_node *n, enum lshw_field f, const char *value)
{
	if (value)
		lshw_set_n(n, f, value, strlen(value));
}

void lshw_add_kv(struct lshw_node *n, const char *key, const char *value)
{
	char *k = inv_dup(key);

	if (!k)
		return;
	GROW(n->kv, n->capkv, n->nkv);
	n->kv[n->nkv].key = k;
	n->kv[n->nkv].value = inv_dup(value ? value : "");
	if (!n->kv[n->nkv].value)
		n->kv[n->nkv].value = xstrdup("");
	n->nkv++;
}

const char *lshw_kv(const struct lshw_node *n, const char *key)
{
	for (size_t i = 0; i < n->nkv; i++)
		if (!strcmp(n->kv[i].key, key))
			return n->kv[i].value;
	return NULL;
}

/* The labels of lshw's text and HTML printers (lshw src/core/print.cc). */
static const struct {
	const char *label;
	enum lshw_field f;
} labels[] = {
    {"id", LF_ID},
    {"description", LF_DESCRIPTION},
    {"product", LF_PRODUCT},
    {"vendor", LF_VENDOR},
    {"bus info", LF_BUSINFO},
    {"logical name", LF_LOGICALNAME},
    {"version", LF_VERSION},
    {"serial", LF_SERIAL},
    {"slot", LF_SLOT},
    {"size", LF_SIZE},
    {"date", LF_DATE},
};

int lshw_field_by_label(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strlen(labels[i].label) == len && !memcmp(labels[i].label, name, len))
			return (int)labels[i].f;
	return -1;
}

void lshw_tree_free(struct lshw_tree *t)
{
	for (size_t i = 0; i < t->n; i++) {
		struct lshw_node *n = &t->nodes[i];

		for (int f = 0; f < LF_NF; f++)
			free(n->f[f]);
		for (size_t k = 0; k < n->nkv; k++)
			free(n->kv[k].key), free(n->kv[k].value);
		free(n->kv);
	}
	free(t->nodes);
	free(t->version);
	memset(t, 0, sizeof *t);
}

int lshw_parse(const char *path, const char *buf, size_t len, struct inventory *inv,
               struct hw_err *e)
{
	struct lshw_tree t = {0};
	size_t i = 0;
	int rc;

	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r'))
		i++;
	if (i == len)
		return hw_fail(e, "%s: empty: not lshw output", path);
	if (buf[i] == '{' || buf[i] == '[') {
		rc = lshw_json_read(path, buf, len, &t, e);
	} else if (buf[i] == '<') {
		/* lshw -html writes XHTML; the corpus keeps fragments of it */
		size_t look = len - i < 4096 ? len - i : 4096;
		char *head = xstrndup(buf + i, look);

		rc = strstr(head, "<html") || strstr(head, "class=\"indented\"")
		         ? lshw_html_read(path, buf, len, &t, e)
		         : lshw_xml_read(path, buf, len, &t, e);
		free(head);
	} else {
		rc = lshw_text_read(path, buf, len, &t, e);
	}
	if (rc == 0 && t.n == 0)
		rc = hw_fail(e, "%s: no lshw node in it: not lshw output", path);
	if (rc == 0)
		lshw_build(&t, inv);
	lshw_tree_free(&t);
	return rc;
}

int lshw_load(const char *path, struct inventory *inv, struct hw_err *e)
{
	size_t len;
	char *buf = inv_read_file(path, &len, e);
	int rc;

	if (!buf)
		return -1;
	rc = lshw_parse(path, buf, len, inv, e);
	free(buf);
	return rc;
}
