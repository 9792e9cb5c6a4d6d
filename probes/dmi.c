/* dmi.c - the SMBIOS/DMI probe: who built the system, the board, the BIOS,
 * the processors, the memory modules and the TPM, as the firmware says.
 *
 * One parser (smbios.c) for three sources:
 *   - the tables in sysfs, /sys/firmware/dmi/tables/{smbios_entry_point,DMI}
 *     (readable by root only);
 *   - without them, the world-readable /sys/class/dmi/id/ attributes, which
 *     hold the names but not the serials; the coverage says so;
 *   - --dmi-dump FILE, as `dmidecode --dump-bin` writes it: the entry point
 *     at offset 0, the table at the address it gives (0x20).
 * --root DIR reads DIR/sys instead of /sys. Decoding cites DSP0134 3.7. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../output/alloc.h"
#include "../output/sanitize.h"
#include "../vendor-db/recfile.h"
#include "probe.h"
#include "smbios.h"

#define DMI_FILE_MAX (1u << 20)

static int detect(const struct probe_src *src)
{
	return !probe_src_recorded(src) || src->root || src->dmi_dump;
}

struct decode {
	struct bom *bom;
	struct hw_err *e;
	const char *what;            /* the table's file, for warnings */
	struct bom_component *system; /* for type 11 OEM strings */
	unsigned ncpu, nboard;
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

/* String field at offset of s; an index past the strings is warned about
 * (§6.1.3) and read as no string. */
static const char *str(struct decode *d, const struct smbios_struct *s, unsigned offset)
{
	int i = smbios_byte(s, offset);

	if (i > s->nstrings)
		warn_cb(d, "structure type %u (handle 0x%04x): string %d at offset 0x%02x, but "
			   "there are %d",
			s->type, s->handle, i, offset, s->nstrings);
	return smbios_str_at(s, offset);
}

/* Add a string identifier, trimmed of the blanks firmware pads with. */
static void add_str(struct bom_component *c, const char *ns, const char *s)
{
	size_t n;
	char *t;

	if (!s)
		return;
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (!n)
		return;
	t = hw_sanitize_n(s, n);
	bom_add_id(c, ns, t, NULL);
	free(t);
}

static void add_num(struct bom_component *c, const char *ns, const char *fmt, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, fmt, v);
	bom_add_id(c, ns, buf, NULL);
}

/* A component named by its string at offset name_at. */
static struct bom_component *component(struct decode *d, const char *kind, const char *loc,
				       const struct smbios_struct *s, unsigned name_at)
{
	struct bom_component *c = bom_add_component(d->bom, kind, loc);
	char handle[8];

	snprintf(handle, sizeof handle, "%04x", s->handle);
	bom_add_cprop(c, "smbios.handle", handle);
	bom_set(&c->name, str(d, s, name_at));
	return c;
}

/* §7.1 BIOS Information */
static void type0(struct decode *d, const struct smbios_struct *s)
{
	struct bom_component *c = component(d, "bios", "bios", s, 0x05);

	add_str(c, "smbios.manufacturer", str(d, s, 0x04));
	add_str(c, "smbios.version", str(d, s, 0x05));
	add_str(c, "smbios.date", str(d, s, 0x08));
	bom_set(&c->description, "BIOS / UEFI firmware");
}

/* §7.2 System Information; the UUID (§7.2.1) is little-endian in its first
 * three fields from SMBIOS 2.6 on, as dmidecode prints it. */
static void type1(struct decode *d, const struct smbios_struct *s)
{
	struct bom_component *c = component(d, "system", "system", s, 0x05);

	add_str(c, "smbios.manufacturer", str(d, s, 0x04));
	add_str(c, "smbios.product", str(d, s, 0x05));
	add_str(c, "smbios.version", str(d, s, 0x06));
	add_str(c, "smbios.serial", str(d, s, 0x07));
	if (s->len >= 0x19) {
		const uint8_t *u = s->data + 0x08;
		int ff = 1, zero = 1;
		char buf[40];

		for (int i = 0; i < 16; i++)
			ff &= u[i] == 0xff, zero &= u[i] == 0;
		if (!ff && !zero) {
			snprintf(buf, sizeof buf,
				 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
				 u[3], u[2], u[1], u[0], u[5], u[4], u[7], u[6], u[8], u[9], u[10],
				 u[11], u[12], u[13], u[14], u[15]);
			bom_add_id(c, "smbios.uuid", buf, NULL);
		}
	}
	add_str(c, "smbios.sku", str(d, s, 0x19));
	add_str(c, "smbios.family", str(d, s, 0x1A));
	bom_set(&c->description, "system");
	d->system = c;
}

/* §7.3 Baseboard Information */
static void type2(struct decode *d, const struct smbios_struct *s)
{
	char loc[32];
	struct bom_component *c;

	snprintf(loc, sizeof loc, d->nboard ? "baseboard%u" : "baseboard", d->nboard);
	d->nboard++;
	c = component(d, "baseboard", loc, s, 0x05);
	add_str(c, "smbios.manufacturer", str(d, s, 0x04));
	add_str(c, "smbios.product", str(d, s, 0x05));
	add_str(c, "smbios.version", str(d, s, 0x06));
	add_str(c, "smbios.serial", str(d, s, 0x07));
	bom_set(&c->description, "baseboard");
}

/* §7.4 System Enclosure or Chassis */
static void type3(struct decode *d, const struct smbios_struct *s)
{
	struct bom_component *c = component(d, "chassis", "chassis", s, 0x04);
	int type = smbios_byte(s, 0x05);

	add_str(c, "smbios.manufacturer", str(d, s, 0x04));
	if (type >= 0)
		add_num(c, "smbios.chassis-type", "%02llx", type & 0x7f); /* §7.4.1 */
	add_str(c, "smbios.version", str(d, s, 0x06));
	add_str(c, "smbios.serial", str(d, s, 0x07));
	bom_set(&c->description, "chassis");
}

/* §7.5 Processor Information */
static void type4(struct decode *d, const struct smbios_struct *s)
{
	int status = smbios_byte(s, 0x18), family = smbios_byte(s, 0x06);
	const char *sock = str(d, s, 0x04);
	char loc[64];
	struct bom_component *c;

	if (status >= 0 && !(status & 0x40)) /* §7.5: socket unpopulated */
		return;
	if (sock && *sock)
		snprintf(loc, sizeof loc, "%s", sock);
	else
		snprintf(loc, sizeof loc, "cpu%u", d->ncpu);
	d->ncpu++;
	c = component(d, "cpu", loc, s, 0x10);
	add_str(c, "smbios.manufacturer", str(d, s, 0x07));
	if (family == 0xFE && smbios_word(s, 0x28) >= 0) /* §7.5.2: see Processor Family 2 */
		add_num(c, "cpu.family", "%04llx", smbios_word(s, 0x28));
	else if (family >= 0)
		add_num(c, "cpu.family", "%04llx", family);
	if (s->len >= 0x10) /* §7.5.3: the CPUID signature and feature flags */
		add_num(c, "cpu.signature", "%08llx", smbios_dword(s, 0x08));
	add_str(c, "cpu.version", str(d, s, 0x10));
	add_str(c, "smbios.serial", str(d, s, 0x20));
	add_str(c, "smbios.part-number", str(d, s, 0x22));
	bom_set(&c->description, "processor");
}

/* §7.18 Memory Device */
static void type17(struct decode *d, const struct smbios_struct *s)
{
	long size = smbios_word(s, 0x0C), mod_id = smbios_word(s, 0x2C);
	long long mb;
	const char *loc = str(d, s, 0x10), *bank = str(d, s, 0x11);
	char where[160];
	struct bom_component *c;

	if (size == 0 || size < 0) /* §7.18.5: no module installed */
		return;
	if (size == 0x7FFF && smbios_dword(s, 0x1C) >= 0)
		mb = smbios_dword(s, 0x1C) & 0x7FFFFFFF; /* extended size, MB */
	else if (size == 0xFFFF)
		mb = -1; /* unknown */
	else
		mb = (size & 0x8000) ? (size & 0x7FFF) / 1024 : size; /* bit 15: KB */
	/* the device locator names the slot (DIMM_A1); the bank locator is
	 * kept beside it */
	snprintf(where, sizeof where, "%s", loc && *loc ? loc : bank && *bank ? bank : "memory");
	c = component(d, "memory", where, s, 0x1A);
	add_str(c, "smbios.manufacturer", str(d, s, 0x17));
	if (loc && *loc && bank && *bank)
		add_str(c, "smbios.bank", bank);
	/* §7.18.8 (3.2): JEDEC JEP106 code of the module maker: byte 0 the
	 * continuation count (parity in bit 7), byte 1 the code */
	if (mod_id > 0) {
		char jedec[16];

		snprintf(jedec, sizeof jedec, "%ld:%02lx", (mod_id & 0x7F) + 1, mod_id >> 8 & 0xFF);
		bom_add_id(c, "jedec", jedec, NULL);
	}
	add_str(c, "smbios.part-number", str(d, s, 0x1A));
	add_str(c, "smbios.serial", str(d, s, 0x18));
	if (mb >= 0)
		add_num(c, "memory.size-mb", "%lld", mb);
	if (smbios_byte(s, 0x12) >= 0)
		add_num(c, "memory.type", "%02llx", smbios_byte(s, 0x12)); /* §7.18.2 */
	bom_set(&c->description, "memory module");
}

/* §7.44 TPM Device: the vendor id is four bytes of ASCII (TCG registry) */
static void type43(struct decode *d, const struct smbios_struct *s)
{
	struct bom_component *c;
	char vendor[5] = "";
	long long fw1 = smbios_dword(s, 0x0A);

	if (s->len < 0x1B)
		return;
	for (int i = 0; i < 4 && s->data[4 + i] > ' ' && s->data[4 + i] < 0x7f; i++)
		vendor[i] = (char)s->data[4 + i];
	c = component(d, "tpm", "tpm", s, 0x12);
	if (*vendor)
		bom_add_id(c, "tpm.vendor", vendor, NULL);
	add_num(c, "tpm.spec", "%lld", smbios_byte(s, 0x08));
	if (fw1 >= 0) {
		char v[32];

		/* §7.44: for TPM 2.0, the high and low 16 bits of firmware version 1 */
		if (smbios_byte(s, 0x08) == 2)
			snprintf(v, sizeof v, "%lld.%lld", fw1 >> 16, fw1 & 0xffff);
		else
			snprintf(v, sizeof v, "%08llx", fw1);
		bom_set(&c->firmware, v);
	}
	bom_set(&c->description, "TPM");
}

/* §7.12 OEM Strings: kept on the system, where fleets look for asset tags */
static void type11(struct decode *d, const struct smbios_struct *s)
{
	for (int i = 0; d->system && i < s->nstrings; i++) {
		char *t = hw_sanitize(s->strings[i]);

		bom_add_cprop(d->system, "smbios.oem-string", t);
		free(t);
	}
}

static void on_struct(void *user, const struct smbios_struct *s)
{
	struct decode *d = user;

	switch (s->type) {
	case 0: type0(d, s); break;
	case 1: type1(d, s); break;
	case 2: type2(d, s); break;
	case 3: type3(d, s); break;
	case 4: type4(d, s); break;
	case 11: type11(d, s); break;
	case 17: type17(d, s); break;
	case 43: type43(d, s); break;
	default: break;
	}
}

/* Decode a table; its entry point has already been checked. */
static void decode(struct bom *bom, const char *what, const uint8_t *table, size_t len,
		   const struct smbios_ep *ep, struct hw_err *e)
{
	struct decode d = {.bom = bom, .e = e, .what = what};
	char detail[96];

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
			add_str(c, map[i].ns, val);
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

	if (src->dmi_dump)
		return read_dump(src->dmi_dump, bom, e);
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
