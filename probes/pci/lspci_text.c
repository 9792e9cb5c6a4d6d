/* lspci_text.c - read lspci's text output (see lspci_text.h).
 *
 * The grammar is lspci's own (pciutils lspci.c: show_terse(), show_verbose()
 * and show_machine()); where lspci leaves a field out (a revision of 0, the
 * programming interface without -v) the parser records what that means and
 * no more. */
#include "lspci_fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../../vendor-db/recfile.h"

static unsigned long long slot_key(const struct lspci_dev *d)
{
	return (unsigned long long)d->domain << 16 | d->bus << 8 | d->dev << 3 | d->func;
}

static int dev_cmp(const void *pa, const void *pb)
{
	const struct lspci_dev *a = *(struct lspci_dev *const *)pa;
	const struct lspci_dev *b = *(struct lspci_dev *const *)pb;

	if (slot_key(a) != slot_key(b))
		return slot_key(a) < slot_key(b) ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* A function listed twice is a file put together wrongly. */
static int check_duplicates(const char *name, const struct lspci_text *t, struct hw_err *e)
{
	const struct lspci_dev **v = xcalloc(t->n + 1, sizeof *v);
	int rc = 0;

	for (size_t i = 0; i < t->n; i++)
		v[i] = &t->devs[i];
	qsort(v, t->n, sizeof *v, dev_cmp);
	for (size_t i = 1; i < t->n && !rc; i++)
		if (slot_key(v[i - 1]) == slot_key(v[i]))
			rc = hw_fail(e, "%s:%u: %04x:%02x:%02x.%u again (first at line %u)", name,
			             v[i]->line, v[i]->domain, v[i]->bus, v[i]->dev, v[i]->func,
			             v[i - 1]->line);
	free(v);
	return rc;
}

/* Split buf into lines: CR LF or LF ends a line, trailing blanks dropped.
 * NUL bytes and overlong lines are errors; *cut is the number of a last
 * line that has no end, else 0. */
static int split_lines(const char *name, const char *buf, size_t len, struct lspci_line **out,
                       size_t *n, unsigned *cut, struct hw_err *e)
{
	struct lspci_line *lines = NULL;
	size_t cap = 0;
	unsigned no = 0;

	*n = 0;
	for (const char *p = buf, *end; p < buf + len; p = end + 1) {
		const char *nl = memchr(p, '\n', (size_t)(buf + len - p));
		size_t l;

		end = nl ? nl : buf + len;
		no++;
		if (!nl)
			*cut = no;
		if (memchr(p, '\0', (size_t)(end - p))) {
			free(lines);
			return hw_fail(e, "%s:%u: a NUL byte: not lspci text", name, no);
		}
		l = (size_t)(end - p);
		if (l > LSPCI_LINE_MAX) {
			free(lines);
			return hw_fail(e, "%s:%u: line longer than %d bytes: not lspci text", name,
			               no, LSPCI_LINE_MAX);
		}
		while (l && (p[l - 1] == '\r' || p[l - 1] == ' ' || p[l - 1] == '\t'))
			l--;
		GROW(lines, cap, *n);
		lines[(*n)++] = (struct lspci_line){p, l, no};
	}
	*out = lines;
	return 0;
}

int lspci_text_parse(const char *name, const char *buf, size_t len, struct lspci_text *t,
                     struct hw_err *e)
{
	size_t n, first = 0;
	struct lspci_line *lines = NULL;
	struct lspci_dev slot;
	unsigned cut = 0;
	int rc;

	t->numeric = -1;
	if (split_lines(name, buf, len, &lines, &n, &cut, e) < 0) {
		t->numeric = 0;
		return -1;
	}
	/* before the first function: blank lines, and the command itself as a
	 * capture may echo it ("$ sudo lspci -v") */
	while (first < n && (!lines[first].len || lspci_starts(&lines[first], 0, "$ ") ||
	                     lspci_starts(&lines[first], 0, "# ")))
		first++;
	if (first == n) {
		free(lines);
		return hw_fail(e, "%s: no PCI function in it: not lspci output", name);
	}
	if (lspci_starts(&lines[first], 0, "-") || lspci_starts(&lines[first], 0, "+-") ||
	    lspci_starts(&lines[first], 0, "\\-")) {
		t->layout = LSPCI_TREE;
		t->numeric = 0;
		rc = lspci_tree_lines(name, lines + first, n - first, t, e);
	} else if (lspci_slot(lines[first].s, lines[first].len, &slot) &&
	           !lspci_starts(&lines[first], 0, "Device:")) {
		size_t slen = lspci_slot(lines[first].s, lines[first].len, &slot);

		t->layout = slen + 1 < lines[first].len && lines[first].s[slen + 1] == '"'
		                ? LSPCI_QUOTED
		                : LSPCI_HEADERS;
		if (t->layout == LSPCI_QUOTED)
			t->subsystems = 1; /* "" "" when there is none */
		rc = lspci_header_lines(name, lines + first, n - first, t, e);
	} else if (lspci_starts(&lines[first], 0, "Slot:") ||
	           lspci_starts(&lines[first], 0, "Device:")) {
		t->layout = LSPCI_MACHINE;
		rc = lspci_machine_lines(name, lines + first, n - first, t, e);
	} else {
		rc = lspci_fail(
		    name, &lines[first], e,
		    "not lspci output: expected a function such as '00:1f.6 Ethernet "
		    "controller [0200]: ...' or an lspci -vmm record ('Slot:<TAB>00:1f.6')");
	}
	free(lines);
	if (rc == 0 && !t->n)
		rc = hw_fail(e, "%s: no PCI function in it: not lspci output", name);
	if (rc == 0)
		rc = check_duplicates(name, t, e);
	/* lspci ends every line: a file that stops inside one was cut, and
	 * what was lost cannot be told */
	if (rc == 0 && cut)
		rc = hw_fail(e, "%s:%u: the file ends inside this line: truncated", name, cut);
	if (t->numeric < 0)
		t->numeric = 0;
	return rc;
}

int lspci_text_load(const char *path, struct lspci_text *t, struct hw_err *e)
{
	char *buf;
	size_t len;
	int rc;

	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	rc = lspci_text_parse(path, buf, len, t, e);
	free(buf);
	return rc;
}

void lspci_text_free(struct lspci_text *t)
{
	for (size_t i = 0; i < t->n; i++) {
		struct lspci_dev *d = &t->devs[i];

		free(d->class_name);
		free(d->vendor_name);
		free(d->device_name);
		free(d->vendor_device);
		free(d->subvendor_name);
		free(d->subdevice_name);
		free(d->subsystem);
		free(d->driver);
	}
	free(t->devs);
	memset(t, 0, sizeof *t);
}
