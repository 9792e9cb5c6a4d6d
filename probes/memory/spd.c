/* spd.c - the memory probe: who made each memory module and its DRAM
 * dies, from the modules' SPD EEPROMs: DDR4 through the ee1004 driver, DDR3
 * through at24 (/sys/bus/i2c/drivers/{ee1004,at24}/BUS-ADDR/eeprom; root
 * only on most systems; --root DIR reads DIR/sys). The DRAM die maker is
 * what NDAA FY2023 §5949 reaches (CXMT, YMTC); SMBIOS type 17 names only the
 * module maker. Offsets from JEDEC Standard No. 21-C:
 *   DDR4 (Annex L): byte 2 = 0x0C; module maker 320-321, serial 325-328,
 *   part number 329-348, DRAM maker 350-351;
 *   DDR3 (Annex K): byte 2 = 0x0B; module maker 117-118, serial 122-125,
 *   part number 128-145, DRAM maker 148-149.
 * Each id is JEP106: the number of continuation codes (with odd parity in
 * bit 7), then the code itself as JEP106 prints it (parity bit included). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../../output/sanitize.h"
#include "../../vendor-db/recfile.h"
#include "../probe.h"

/* Where each generation keeps what we read. */
static const struct layout {
	const char *driver;
	unsigned char type;
	size_t len;
	unsigned module, serial, part, part_len, dram;
} layouts[] = {
	{"ee1004", 0x0C, 512, 320, 325, 329, 20, 350}, /* DDR4 */
	{"at24", 0x0B, 256, 117, 122, 128, 18, 148},   /* DDR3 */
};

/* "bank:code" of a JEP106 id at b[0], b[1]; 0 when unset (00 or ff). */
static int jedec(const unsigned char *b, char out[16])
{
	if ((b[0] == 0 && b[1] == 0) || (b[0] == 0xff && b[1] == 0xff))
		return 0;
	snprintf(out, 16, "%u:%02x", (b[0] & 0x7F) + 1u, b[1]);
	return 1;
}

static int is_device(const char *name)
{
	return strchr(name, '-') != NULL; /* BUS-ADDR: 0-0050 */
}

/* One EEPROM: a component when it holds an SPD of layout l. */
static void read_spd(const struct layout *l, const char *path, const char *dev,
		     struct bom *bom, size_t *found, size_t *unread, struct hw_err *e)
{
	char *buf = NULL, id[16], loc[80], *t;
	struct hw_err io = {0};
	struct bom_component *c;
	const unsigned char *s;
	size_t len = 0;

	/* an empty EEPROM file is one a capture could not read (hwbom capture) */
	if (recfile_slurp(path, &buf, &len, &io) < 0 || !len) {
		(*unread)++;
	} else if (len < l->len || (unsigned char)buf[2] != l->type) {
		/* at24 drives any EEPROM: only an SPD of its type counts */
		if (l->type == 0x0C)
			hw_warn(e, "memory: %s: not a DDR4 SPD (%zu bytes, type 0x%02x); skipped",
				path, len, len > 2 ? (unsigned char)buf[2] : 0);
	} else {
		s = (const unsigned char *)buf;
		snprintf(loc, sizeof loc, "spd:%s", dev);
		c = bom_add_component(bom, "memory", loc);
		if (jedec(s + l->module, id))
			bom_add_id(c, "jedec", id, NULL);
		if (jedec(s + l->dram, id))
			bom_add_id(c, "jedec.dram", id, NULL);
		t = hw_sanitize_n((const char *)s + l->part,
				  strnlen((const char *)s + l->part, l->part_len));
		for (size_t k = strlen(t); k && t[k - 1] == ' '; k--)
			t[k - 1] = '\0';
		if (*t) {
			bom_add_id(c, "smbios.part-number", t, NULL);
			bom_set(&c->name, t);
		}
		free(t);
		s += l->serial;
		snprintf(id, sizeof id, "%02x%02x%02x%02x", s[0], s[1], s[2], s[3]);
		bom_add_id(c, "smbios.serial", id, NULL);
		bom_set(&c->description, l->type == 0x0C ? "DDR4 memory module (SPD)"
							 : "DDR3 memory module (SPD)");
		(*found)++;
	}
	free(buf);
	hw_err_clear(&io);
}

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	size_t found = 0, unread = 0, drivers = 0;

	for (size_t k = 0; k < sizeof layouts / sizeof *layouts; k++) {
		const struct layout *l = &layouts[k];
		char *dir = src->root ? xasprintf("%s/sys/bus/i2c/drivers/%s", src->root, l->driver)
				      : xasprintf("/sys/bus/i2c/drivers/%s", l->driver);
		size_t n;
		char **names = probe_list_dir(dir, is_device, &n);

		drivers += names != NULL;
		for (size_t i = 0; names && i < n; i++) {
			char *path = xasprintf("%s/%s/eeprom", dir, names[i]);

			read_spd(l, path, names[i], bom, &found, &unread, e);
			free(path);
			free(names[i]);
		}
		free(names);
		free(dir);
	}
	if (unread)
		bom_set_coverage(bom, "memory", found ? "partial" : "denied",
				 "SPD EEPROMs not readable (root needed)");
	else
		/* no SPD driver bound, or no SPD read: the die maker is unseen */
		bom_set_coverage(bom, "memory", found ? "read" : "unavailable",
				 found     ? "SPD EEPROMs"
				 : drivers ? "no DDR3/DDR4 SPD EEPROM read"
					   : "no SPD EEPROMs (ee1004, at24) visible");
	return 0;
}

/* What run() reads under --root, for hwbom capture (probe.h). */
static const char *const spd_reads[] = {
	"sys/bus/i2c/drivers/{ee1004,at24}/",
	"sys/bus/i2c/drivers/{ee1004,at24}/*-*/eeprom",
	NULL,
};

const struct probe_ops probe_spd = {
	.name = "memory",
	.help = "DDR4 SPD EEPROMs: module and DRAM die makers",
	.detect = probe_reads_sysfs,
	.run = run,
	.reads = spd_reads,
};
