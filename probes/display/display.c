/* display.c - the display probe: who made each panel and monitor, from the
 * EDID the kernel exposes per connector in /sys/class/drm/CARD-CONNECTOR/edid
 * (no root needed; --root DIR reads DIR/sys/class/drm). The manufacturer id
 * proves the panel-maker: a BOE or Tianma panel in a Dell laptop is a
 * component of its own. A connector with no display has an empty file; an
 * EDID that is truncated or fails its checksum is reported and skipped. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../../vendor-db/recfile.h"
#include "edid.h"
#include "../import/inventory.h"
#include "../probe.h"

/* The manufacturer's name in pnp.ids ("BOE\tBOE"), or NULL. */
static char *pnp_name(const char *ids, size_t len, const char *pnp)
{
	for (const char *p = ids, *end; p < ids + len; p = end + 1) {
		end = memchr(p, '\n', (size_t)(ids + len - p));
		if (!end)
			end = ids + len;
		if (end - p > 4 && !strncmp(p, pnp, 3) && p[3] == '\t')
			return xstrndup(p + 4, (size_t)(end - p - 4));
	}
	return NULL;
}

static void add_display(const char *conn, const struct edid_info *ei, const char *ids,
			size_t idslen, struct bom *bom)
{
	struct bom_component *c;
	char buf[32], *vname = ids ? pnp_name(ids, idslen, ei->pnp) : NULL;

	c = bom_add_component(bom, "display", conn);
	bom_add_id(c, "pnp", ei->pnp, vname);
	snprintf(buf, sizeof buf, "%04x", ei->product);
	bom_add_id(c, "edid.product", buf, NULL);
	if (*ei->serial_str) {
		bom_add_id(c, "edid.serial", ei->serial_str, NULL);
	} else if (ei->serial) {
		snprintf(buf, sizeof buf, "%lu", ei->serial);
		bom_add_id(c, "edid.serial", buf, NULL);
	}
	if (ei->week == 0xff) {
		snprintf(buf, sizeof buf, "%d", ei->year);
		bom_add_cprop(c, "edid.model-year", buf);
	} else {
		snprintf(buf, sizeof buf, "%d", ei->year);
		bom_add_cprop(c, "edid.year", buf);
		if (ei->week) {
			snprintf(buf, sizeof buf, "%d", ei->week);
			bom_add_cprop(c, "edid.week", buf);
		}
	}
	bom_set(&c->name, *ei->name ? ei->name : NULL);
	bom_set(&c->description, "display");
	free(vname);
}

static int is_connector(const char *name)
{
	return strchr(name, '-') != NULL; /* card0-eDP-1, not card0 */
}

static int detect(const struct probe_src *src)
{
	return probe_inv(src, INV_DISPLAY) || (!src->inv && probe_reads_sysfs(src));
}

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	char *drm = src->root ? xasprintf("%s/sys/class/drm", src->root) : xstrdup("/sys/class/drm");
	struct hw_err io = {0};
	char **names, *ids = NULL;
	size_t n, idslen = 0, found = 0;

	if (src->inv) {
		if (src->pnp_ids && recfile_slurp(src->pnp_ids, &ids, &idslen, &io) < 0)
			hw_warn(e, "display: %s; displays will have no maker names", io.msg);
		for (size_t i = 0; i < src->inv->ndisp; i++)
			add_display(src->inv->disp[i].loc, &src->inv->disp[i].ei, ids, idslen, bom);
		inv_coverage(src->inv, INV_DISPLAY, src->inv->ndisp, bom);
		hw_err_clear(&io);
		free(ids);
		free(drm);
		return 0;
	}
	if (!(names = probe_list_dir(drm, is_connector, &n))) {
		bom_set_coverage(bom, "display", "absent", "no DRM connectors");
		free(drm);
		return 0;
	}
	if (src->pnp_ids && recfile_slurp(src->pnp_ids, &ids, &idslen, &io) < 0)
		hw_warn(e, "display: %s; displays will have no maker names", io.msg);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s/edid", drm, names[i]), *buf;
		struct edid_info ei;
		const char *why;
		size_t len;

		hw_err_clear(&io);
		if (recfile_slurp(path, &buf, &len, &io) == 0) {
			if (len && edid_parse((unsigned char *)buf, len, &ei, &why) == 0) {
				add_display(names[i], &ei, ids, idslen, bom);
				found++;
			} else if (len) {
				hw_warn(e, "display: %s: %s; skipped", path, why);
			}
			free(buf);
		}
		free(path);
		free(names[i]);
	}
	bom_set_coverage(bom, "display", found ? "read" : "absent",
			 found ? "EDID of each DRM connector" : "no connected display with an EDID");
	hw_err_clear(&io);
	free(names);
	free(ids);
	free(drm);
	return 0;
}

/* What run() reads under --root, for hwbom capture (probe.h). */
static const char *const display_reads[] = {
	"sys/class/drm/",
	"sys/class/drm/*-*/edid",
	NULL,
};

const struct probe_ops probe_display = {
	.name = "display",
	.help = "displays: the EDID of each DRM connector",
	.detect = detect,
	.run = run,
	.reads = display_reads,
};
