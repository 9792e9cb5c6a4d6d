/* spd.c - the memory probe: who made each DDR4 module and its DRAM dies,
 * from the modules' SPD EEPROMs as the ee1004 driver exposes them
 * (/sys/bus/i2c/drivers/ee1004/BUS-ADDR/eeprom, 512 bytes; root only on
 * most systems; --root DIR reads DIR/sys). The DRAM die maker is what NDAA
 * FY2023 §5949 reaches (CXMT, YMTC); SMBIOS type 17 names only the module
 * maker. Offsets from JEDEC Standard No. 21-C, Annex L (DDR4 SPD):
 * byte 2 DRAM type (0x0C DDR4); 320-321 module manufacturer; 325-328 module
 * serial; 329-348 module part number; 350-351 DRAM manufacturer. Each id is
 * JEP106: the number of continuation codes (with odd parity in bit 7), then
 * the code itself as JEP106 prints it (parity bit included). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../output/sanitize.h"
#include "../vendor-db/recfile.h"
#include "probe.h"

#define SPD_DDR4_LEN 512
#define SPD_TYPE_DDR4 0x0C

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

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	char *dir = src->root ? xasprintf("%s/sys/bus/i2c/drivers/ee1004", src->root)
			      : xstrdup("/sys/bus/i2c/drivers/ee1004");
	size_t n, found = 0, unread = 0;
	char **names = probe_list_dir(dir, is_device, &n);

	if (!names) {
		/* no DDR4 SPD driver bound: the die maker cannot be seen */
		bom_set_coverage(bom, "memory", "unavailable", "no SPD EEPROMs (ee1004) visible");
		free(dir);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s/eeprom", dir, names[i]), *buf = NULL, id[16], loc[80], *t;
		struct hw_err io = {0};
		struct bom_component *c;
		const unsigned char *s;
		size_t len = 0;

		if (recfile_slurp(path, &buf, &len, &io) < 0) {
			unread++;
		} else if (len < SPD_DDR4_LEN || (unsigned char)buf[2] != SPD_TYPE_DDR4) {
			hw_warn(e, "memory: %s: not a DDR4 SPD (%zu bytes, type 0x%02x); skipped", path,
				len, len > 2 ? (unsigned char)buf[2] : 0);
		} else {
			s = (const unsigned char *)buf;
			snprintf(loc, sizeof loc, "spd:%s", names[i]);
			c = bom_add_component(bom, "memory", loc);
			if (jedec(s + 320, id))
				bom_add_id(c, "jedec", id, NULL);
			if (jedec(s + 350, id))
				bom_add_id(c, "jedec.dram", id, NULL);
			t = hw_sanitize_n((const char *)s + 329, strnlen((const char *)s + 329, 20));
			for (size_t k = strlen(t); k && t[k - 1] == ' '; k--)
				t[k - 1] = '\0';
			if (*t) {
				bom_add_id(c, "smbios.part-number", t, NULL);
				bom_set(&c->name, t);
			}
			free(t);
			snprintf(id, sizeof id, "%02x%02x%02x%02x", s[325], s[326], s[327], s[328]);
			bom_add_id(c, "smbios.serial", id, NULL);
			bom_set(&c->description, "memory module (SPD)");
			found++;
		}
		free(buf);
		hw_err_clear(&io);
		free(path);
		free(names[i]);
	}
	if (unread)
		bom_set_coverage(bom, "memory", found ? "partial" : "denied",
				 "SPD EEPROMs not readable (root needed)");
	else
		bom_set_coverage(bom, "memory", found ? "read" : "unavailable",
				 found ? "DDR4 SPD EEPROMs" : "no DDR4 SPD EEPROM read");
	free(names);
	free(dir);
	return 0;
}

const struct probe_ops probe_spd = {
	.name = "memory",
	.help = "DDR4 SPD EEPROMs: module and DRAM die makers",
	.detect = probe_reads_sysfs,
	.run = run,
};
