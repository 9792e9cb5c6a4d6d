/* dmi_build.c - components from SMBIOS structures (see dmi_build.h).
 * Section numbers are those of DMTF DSP0134 3.7. */
#include "dmi_build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/sanitize.h"

void dmi_rec_init(struct dmi_rec *r, unsigned type, unsigned handle)
{
	memset(r, 0, sizeof *r);
	r->type = type;
	r->handle = handle;
	for (int i = 0; i < DMI_NNUM; i++)
		r->num[i] = DMI_NONE;
}

void dmi_add_str(struct bom_component *c, const char *ns, const char *s)
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

/* A component named by the string field name. */
static struct bom_component *component(struct dmi_builder *b, const char *kind, const char *loc,
				       const struct dmi_rec *r, enum dmi_str name)
{
	struct bom_component *c = bom_add_component(b->bom, kind, loc);
	char handle[8];

	if (r->handle != DMI_HANDLE_NONE) {
		snprintf(handle, sizeof handle, "%04x", r->handle & 0xffff);
		bom_add_cprop(c, "smbios.handle", handle);
	}
	bom_set(&c->name, r->str[name]);
	return c;
}

/* §7.1 BIOS Information */
static void bios(struct dmi_builder *b, const struct dmi_rec *r)
{
	struct bom_component *c = component(b, "bios", "bios", r, DMI_VERSION);

	dmi_add_str(c, "smbios.manufacturer", r->str[DMI_MANUFACTURER]);
	dmi_add_str(c, "smbios.version", r->str[DMI_VERSION]);
	dmi_add_str(c, "smbios.date", r->str[DMI_DATE]);
	bom_set(&c->description, "BIOS / UEFI firmware");
}

/* §7.2 System Information */
static void system_(struct dmi_builder *b, const struct dmi_rec *r)
{
	struct bom_component *c = component(b, "system", "system", r, DMI_PRODUCT);

	dmi_add_str(c, "smbios.manufacturer", r->str[DMI_MANUFACTURER]);
	dmi_add_str(c, "smbios.product", r->str[DMI_PRODUCT]);
	dmi_add_str(c, "smbios.version", r->str[DMI_VERSION]);
	dmi_add_str(c, "smbios.serial", r->str[DMI_SERIAL]);
	if (*r->uuid)
		bom_add_id(c, "smbios.uuid", r->uuid, NULL);
	dmi_add_str(c, "smbios.sku", r->str[DMI_SKU]);
	dmi_add_str(c, "smbios.family", r->str[DMI_FAMILY]);
	bom_set(&c->description, "system");
	b->system = c;
}

/* §7.3 Baseboard Information */
static void baseboard(struct dmi_builder *b, const struct dmi_rec *r)
{
	char loc[32];
	struct bom_component *c;

	snprintf(loc, sizeof loc, b->nboard ? "baseboard%u" : "baseboard", b->nboard);
	b->nboard++;
	c = component(b, "baseboard", loc, r, DMI_PRODUCT);
	dmi_add_str(c, "smbios.manufacturer", r->str[DMI_MANUFACTURER]);
	dmi_add_str(c, "smbios.product", r->str[DMI_PRODUCT]);
	dmi_add_str(c, "smbios.version", r->str[DMI_VERSION]);
	dmi_add_str(c, "smbios.serial", r->str[DMI_SERIAL]);
	bom_set(&c->description, "baseboard");
}

/* §7.4 System Enclosure or Chassis */
static void chassis(struct dmi_builder *b, const struct dmi_rec *r)
{
	struct bom_component *c = component(b, "chassis", "chassis", r, DMI_MANUFACTURER);

	dmi_add_str(c, "smbios.manufacturer", r->str[DMI_MANUFACTURER]);
	if (r->num[DMI_CHASSIS_TYPE] >= 0)
		add_num(c, "smbios.chassis-type", "%02llx", r->num[DMI_CHASSIS_TYPE]);
	dmi_add_str(c, "smbios.version", r->str[DMI_VERSION]);
	dmi_add_str(c, "smbios.serial", r->str[DMI_SERIAL]);
	bom_set(&c->description, "chassis");
}

/* §7.5 Processor Information */
static void processor(struct dmi_builder *b, const struct dmi_rec *r)
{
	const char *sock = r->str[DMI_SOCKET];
	char loc[64];
	struct bom_component *c;

	if (r->num[DMI_POPULATED] == 0) /* §7.5: socket unpopulated */
		return;
	if (sock && *sock)
		snprintf(loc, sizeof loc, "%s", sock);
	else
		snprintf(loc, sizeof loc, "cpu%u", b->ncpu);
	b->ncpu++;
	c = component(b, "cpu", loc, r, DMI_VERSION);
	dmi_add_str(c, "smbios.manufacturer", r->str[DMI_MANUFACTURER]);
	if (r->num[DMI_CPU_FAMILY] >= 0)
		add_num(c, "cpu.family", "%04llx", r->num[DMI_CPU_FAMILY]);
	if (r->num[DMI_CPU_SIGNATURE] >= 0)
		add_num(c, "cpu.signature", "%08llx", r->num[DMI_CPU_SIGNATURE]);
	dmi_add_str(c, "cpu.version", r->str[DMI_VERSION]);
	dmi_add_str(c, "smbios.serial", r->str[DMI_SERIAL]);
	dmi_add_str(c, "smbios.part-number", r->str[DMI_PART]);
	bom_set(&c->description, "processor");
}

/* §7.18 Memory Device */
static void memory(struct dmi_builder *b, const struct dmi_rec *r)
{
	const char *loc = r->str[DMI_LOCATOR], *bank = r->str[DMI_BANK];
	long long mb = r->num[DMI_SIZE_MB], mod_id = r->num[DMI_MODULE_ID];
	char where[160];
	struct bom_component *c;

	if (mb == DMI_NONE) /* §7.18.5: no module installed */
		return;
	/* the device locator names the slot (DIMM_A1); the bank locator is
	 * kept beside it */
	snprintf(where, sizeof where, "%s", loc && *loc ? loc : bank && *bank ? bank : "memory");
	c = component(b, "memory", where, r, DMI_PART);
	dmi_add_str(c, "smbios.manufacturer", r->str[DMI_MANUFACTURER]);
	if (loc && *loc && bank && *bank)
		dmi_add_str(c, "smbios.bank", bank);
	/* §7.18.8 (3.2): JEDEC JEP106 code of the module maker: byte 0 the
	 * continuation count (parity in bit 7), byte 1 the code */
	if (mod_id > 0) {
		char jedec[16];

		snprintf(jedec, sizeof jedec, "%lld:%02llx", (mod_id & 0x7F) + 1, mod_id >> 8 & 0xFF);
		bom_add_id(c, "jedec", jedec, NULL);
	}
	dmi_add_str(c, "smbios.part-number", r->str[DMI_PART]);
	dmi_add_str(c, "smbios.serial", r->str[DMI_SERIAL]);
	if (mb >= 0)
		add_num(c, "memory.size-mb", "%lld", mb);
	if (r->num[DMI_MEM_TYPE] >= 0)
		add_num(c, "memory.type", "%02llx", r->num[DMI_MEM_TYPE]); /* §7.18.2 */
	bom_set(&c->description, "memory module");
}

/* §7.44 TPM Device */
static void tpm(struct dmi_builder *b, const struct dmi_rec *r)
{
	struct bom_component *c = component(b, "tpm", "tpm", r, DMI_DESCRIPTION);

	if (*r->tpm_vendor)
		bom_add_id(c, "tpm.vendor", r->tpm_vendor, NULL);
	if (r->num[DMI_TPM_SPEC] >= 0)
		add_num(c, "tpm.spec", "%lld", r->num[DMI_TPM_SPEC]);
	if (*r->tpm_fw)
		bom_set(&c->firmware, r->tpm_fw);
	bom_set(&c->description, "TPM");
}

/* §7.12 OEM Strings: kept on the system, where fleets look for asset tags */
static void oem_strings(struct dmi_builder *b, const struct dmi_rec *r)
{
	for (int i = 0; b->system && i < r->noem; i++) {
		char *t = hw_sanitize(r->oem[i]);

		bom_add_cprop(b->system, "smbios.oem-string", t);
		free(t);
	}
}

void dmi_build(struct dmi_builder *b, const struct dmi_rec *r)
{
	switch (r->type) {
	case 0: bios(b, r); break;
	case 1: system_(b, r); break;
	case 2: baseboard(b, r); break;
	case 3: chassis(b, r); break;
	case 4: processor(b, r); break;
	case 11: oem_strings(b, r); break;
	case 17: memory(b, r); break;
	case 43: tpm(b, r); break;
	default: break;
	}
}
