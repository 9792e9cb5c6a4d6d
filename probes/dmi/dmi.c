/* dmi.c - the SMBIOS/DMI probe: who built the system, the board, the BIOS,
 * the processors, the memory modules and the TPM, as the firmware says.
 *
 * One parser (smbios.c) for three sources:
 *   - the tables in sysfs, /sys/firmware/dmi/tables/{smbios_entry_point,DMI}
 *     (readable by root only);
 *   - without them, the world-readable /sys/class/dmi/id/ attributes, which
 *     hold the names but not the serials; the coverage says so;
 *   - --dmi-dump FILE, as `dmidecode --dump-bin` writes it: the entry point
 *     at offset 0, the table at the address it gives (0x20);
 *   - --dmidecode FILE, dmidecode's text (dmidecode_text.c).
 * All of them fill struct dmi_rec, and dmi_build.c makes the components.
 * --root DIR reads DIR/sys instead of /sys. Decoding cites DSP0134 3.7. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../output/alloc.h"
#include "../../vendor-db/recfile.h"
#include "dmi_build.h"
#include "dmi_table.h"
#include "../import/inventory.h"
#include "dmidecode_text.h"
#include "../probe.h"
#include "smbios.h"

#define DMI_FILE_MAX (1u << 20)
#define DMI_TEXT_MAX (16u << 20)

static int detect(const struct probe_src *src)
{
	return !probe_src_recorded(src) || src->root || src->dmi_dump || src->dmidecode ||
	       probe_inv(src, INV_DMI);
}

struct decode {
	struct dmi_builder b;
	struct hw_err *e;
	const char *what; /* the table's file, for warnings */
	unsigned version; /* major << 8 | minor */
};

static void warn_cb(void *user, const char *fmt, ...)
{
	struct decode *d = user;
	char buf[HW_ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	hw_warn(d->e, "dmi: %s: %s", d->what, buf);
}

static void on_struct(void *user, const struct smbios_struct *s)
{
	struct decode *d = user;
	struct dmi_rec r;

	dmi_table_rec(&r, s, d->version, warn_cb, d);
	dmi_build(&d->b, &r);
}

/* Decode a table; its entry point has already been checked. */
static void decode(struct bom *bom, const char *what, const uint8_t *table, size_t len,
		   const struct smbios_ep *ep, struct hw_err *e)
{
	struct decode d = {.b = {.bom = bom}, .e = e, .what = what};
	char detail[96];

	d.version = (unsigned)(ep->major & 0xff) << 8 | (unsigned)(ep->minor & 0xff);
	smbios_walk(table, len, on_struct, warn_cb, &d);
	snprintf(detail, sizeof detail, "SMBIOS %d.%d tables", ep->major, ep->minor);
	bom_set_coverage(bom, "dmi", "read", detail);
}

/* --dmi-dump: entry point at 0, table at its address. */
static int read_dump(const char *path, struct bom *bom, struct hw_err *e)
{
	struct smbios_ep ep;
	const char *why;
	char *buf;
	size_t len;
	int rc = 0;

	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	if (len > DMI_FILE_MAX)
		rc = hw_fail(e, "%s: larger than %u KiB: not a dmidecode --dump-bin file", path,
			     DMI_FILE_MAX >> 10);
	else if (smbios_entry_point((uint8_t *)buf, len, &ep, &why) < 0)
		rc = hw_fail(e, "%s: %s (expected dmidecode --dump-bin output)", path, why);
	else if (ep.table_addr > len || ep.table_len > len - ep.table_addr)
		rc = hw_fail(e, "%s: the table (%u bytes at offset %llu) is not inside the file "
				"(%zu bytes)",
			     path, ep.table_len, (unsigned long long)ep.table_addr, len);
	else
		decode(bom, path, (uint8_t *)buf + ep.table_addr, ep.table_len, &ep, e);
	free(buf);
	return rc;
}

static void on_text_rec(void *user, const struct dmi_rec *r)
{
	dmi_build(user, r);
}

/* --dmidecode: dmidecode's text. Without the End Of Table structure, which
 * dmidecode prints only for a whole table, the text is a -t selection or
 * cut short: the coverage is then "incomplete", and the roles only SMBIOS
 * witnesses stay unseen rather than clean. */
static int read_text(const char *path, struct bom *bom, struct hw_err *e)
{
	struct dmi_builder b = {.bom = bom};
	struct dmidecode_info info;
	char *buf, detail[160];
	size_t len;
	int rc;

	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	if (len > DMI_TEXT_MAX)
		rc = hw_fail(e, "%s: larger than %u MiB: not dmidecode's text output", path,
			     DMI_TEXT_MAX >> 20);
	else
		rc = dmidecode_parse(path, buf, len, on_text_rec, &b, &info, e);
	free(buf);
	if (rc < 0)
		return -1;
	snprintf(detail, sizeof detail, "dmidecode%s%s text", *info.tool ? " " : "", info.tool);
	if (!info.nstructs) {
		/* as when a machine has no tables in sysfs: unseen, not absent */
		snprintf(detail + strlen(detail), sizeof detail - strlen(detail),
			 ": no SMBIOS entry point found");
		bom_set_coverage(bom, "dmi", "unavailable", detail);
		return 0;
	}
	if (info.version)
		snprintf(detail + strlen(detail), sizeof detail - strlen(detail), ", SMBIOS %u.%u",
			 info.version >> 8, info.version & 0xff);
	if (info.seen[127]) {
		bom_set_coverage(bom, "dmi", "read", detail);
	} else {
		snprintf(detail + strlen(detail), sizeof detail - strlen(detail),
			 ", %u structures and no End Of Table (dmidecode -t, or cut short)",
			 info.nstructs);
		bom_set_coverage(bom, "dmi", "incomplete", detail);
	}
	return 0;
}

/* The sysfs tables: -1 on error, 1 if they cannot be read (then try the
 * dmi/id attributes), 0 when decoded. */
static int read_tables(const char *sys, struct bom *bom, int recorded, struct hw_err *e)
{
	char *epath = xasprintf("%s/firmware/dmi/tables/smbios_entry_point", sys);
	char *tpath = xasprintf("%s/firmware/dmi/tables/DMI", sys);
	struct hw_err io = {0};
	struct smbios_ep ep;
	const char *why;
	char *epb = NULL, *tb = NULL;
	size_t elen, tlen;
	int rc = 1;

	/* an empty file is one a capture could not read (hwbom capture) */
	if (recfile_slurp(epath, &epb, &elen, &io) == 0 && recfile_slurp(tpath, &tb, &tlen, &io) == 0 &&
	    elen && tlen) {
		if (smbios_entry_point((uint8_t *)epb, elen, &ep, &why) < 0) {
			if (recorded)
				rc = hw_fail(e, "%s: %s", epath, why);
			else
				hw_warn(e, "dmi: %s: %s", epath, why);
		} else {
			/* sysfs gives the table itself: its address means nothing
			 * here, its length bounds the walk */
			decode(bom, tpath, (uint8_t *)tb, tlen < ep.table_len || !ep.table_len ? tlen
												 : ep.table_len,
			       &ep, e);
			rc = 0;
		}
	}
	hw_err_clear(&io);
	free(epb), free(tb), free(epath), free(tpath);
	return rc;
}

/* /sys/class/dmi/id: names without root, no serials. */
static int read_id(const char *sys, struct bom *bom)
{
	static const struct {
		const char *kind, *attr, *ns;
	} map[] = {
		{"bios", "bios_vendor", "smbios.manufacturer"},
		{"bios", "bios_version", "smbios.version"},
		{"bios", "bios_date", "smbios.date"},
		{"system", "sys_vendor", "smbios.manufacturer"},
		{"system", "product_name", "smbios.product"},
		{"system", "product_version", "smbios.version"},
		{"system", "product_serial", "smbios.serial"},
		{"system", "product_uuid", "smbios.uuid"},
		{"system", "product_sku", "smbios.sku"},
		{"system", "product_family", "smbios.family"},
		{"baseboard", "board_vendor", "smbios.manufacturer"},
		{"baseboard", "board_name", "smbios.product"},
		{"baseboard", "board_version", "smbios.version"},
		{"baseboard", "board_serial", "smbios.serial"},
		{"chassis", "chassis_vendor", "smbios.manufacturer"},
		{"chassis", "chassis_version", "smbios.version"},
		{"chassis", "chassis_serial", "smbios.serial"},
	};
	char *dir = xasprintf("%s/class/dmi/id", sys), unread[256] = "";
	struct bom_component *c = NULL;
	struct stat st;

	if (stat(dir, &st) < 0) {
		free(dir);
		return 1;
	}
	for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
		char *path = xasprintf("%s/%s", dir, map[i].attr), *val;
		struct hw_err io = {0};
		size_t n;

		if (!c || strcmp(c->kind, map[i].kind)) {
			c = bom_add_component(bom, map[i].kind, map[i].kind);
			bom_set(&c->description, map[i].kind);
		}
		int got = recfile_slurp(path, &val, &n, &io) == 0;

		if (got && !n) {
			/* sysfs ends every attribute with a newline: an empty one
			 * is a file a capture could not read (hwbom capture) */
			free(val);
			got = 0;
		}
		if (got) {
			while (n && (val[n - 1] == '\n' || val[n - 1] == ' '))
				n--;
			val[n] = '\0';
			dmi_add_str(c, map[i].ns, val);
			if (!strcmp(map[i].ns, "smbios.product") || !strcmp(map[i].attr, "bios_version"))
				bom_set(&c->name, val);
			free(val);
		} else if (access(path, F_OK) == 0) {
			/* there, but root's: the serials and the UUID */
			snprintf(unread + strlen(unread), sizeof unread - strlen(unread), "%s%s",
				 *unread ? ", " : "", map[i].attr);
		}
		hw_err_clear(&io);
		free(path);
	}
	if (*unread) {
		char *detail = xasprintf("dmi/id attributes (no SMBIOS tables: they need root); "
					 "not read: %s",
					 unread);

		bom_set_coverage(bom, "dmi", "partial", detail);
		free(detail);
	} else {
		bom_set_coverage(bom, "dmi", "read", "dmi/id attributes");
	}
	free(dir);
	return 0;
}

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	char *sys;
	int rc;

	if (probe_inv(src, INV_DMI)) {
		struct dmi_builder b = {.bom = bom};

		for (size_t i = 0; i < src->inv->ndmi; i++)
			dmi_build(&b, &src->inv->dmi[i]);
		inv_coverage(src->inv, INV_DMI, src->inv->ndmi, bom);
		return 0;
	}
	if (src->dmi_dump)
		return read_dump(src->dmi_dump, bom, e);
	if (src->dmidecode)
		return read_text(src->dmidecode, bom, e);
	sys = src->root ? xasprintf("%s/sys", src->root) : xstrdup("/sys");
	rc = read_tables(sys, bom, src->root != NULL, e);
	if (rc == 1)
		rc = read_id(sys, bom);
	if (rc == 1) {
		/* not "absent": the machine still has a maker, we just cannot
		 * see it (a VM without SMBIOS, a capture without it) */
		bom_set_coverage(bom, "dmi", "unavailable",
				 "no SMBIOS tables and no dmi/id attributes");
		rc = 0;
	}
	free(sys);
	return rc;
}

/* What run() reads under --root, for hwbom capture (probe.h). */
static const char *const dmi_reads[] = {
	"sys/firmware/dmi/tables/{smbios_entry_point,DMI}",
	"sys/class/dmi/id/{bios_vendor,bios_version,bios_date,sys_vendor,product_name}",
	"sys/class/dmi/id/{product_version,product_serial,product_uuid,product_sku}",
	"sys/class/dmi/id/{product_family,board_vendor,board_name,board_version}",
	"sys/class/dmi/id/{board_serial,chassis_vendor,chassis_version,chassis_serial}",
	NULL,
};

const struct probe_ops probe_dmi = {
	.name = "dmi",
	.help = "SMBIOS/DMI: system, board, BIOS, CPUs, memory, TPM",
	.detect = detect,
	.run = run,
	.reads = dmi_reads,
};
