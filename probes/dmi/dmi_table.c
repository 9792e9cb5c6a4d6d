/* dmi_table.c - binary SMBIOS structures to struct dmi_rec (see
 * dmi_table.h). Offsets and section numbers are those of DMTF DSP0134 3.7. */
#include "dmi_table.h"

#include <stdio.h>
#include <string.h>

struct ctx {
	const struct smbios_struct *s;
	struct dmi_rec *r;
	smbios_warn_fn warn;
	void *user;
};

/* String field at offset into field f; an index past the strings is warned
 * about and read as no string. */
static void str(struct ctx *x, enum dmi_str f, unsigned offset)
{
	const struct smbios_struct *s = x->s;
	int i = smbios_byte(s, offset);

	if (i > s->nstrings)
		x->warn(x->user, "structure type %u (handle 0x%04x): string %d at offset 0x%02x, but "
				 "there are %d",
			s->type, s->handle, i, offset, s->nstrings);
	x->r->str[f] = smbios_str_at(s, offset);
}

/* §7.2.1: the UUID; from SMBIOS 2.6 on its first three fields are
 * little-endian, as dmidecode and Linux read it. All 00 or all FF: none. */
static void uuid(struct dmi_rec *r, const uint8_t *u, unsigned version)
{
	int ff = 1, zero = 1;

	for (int i = 0; i < 16; i++)
		ff &= u[i] == 0xff, zero &= u[i] == 0;
	if (ff || zero)
		return;
	if (version >= 0x0206)
		snprintf(r->uuid, sizeof r->uuid,
			 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[3],
			 u[2], u[1], u[0], u[5], u[4], u[7], u[6], u[8], u[9], u[10], u[11], u[12],
			 u[13], u[14], u[15]);
	else
		snprintf(r->uuid, sizeof r->uuid,
			 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[0],
			 u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
			 u[13], u[14], u[15]);
}

static void processor(struct ctx *x)
{
	const struct smbios_struct *s = x->s;
	struct dmi_rec *r = x->r;
	int status = smbios_byte(s, 0x18), family = smbios_byte(s, 0x06);

	if (status >= 0)
		r->num[DMI_POPULATED] = !!(status & 0x40);
	str(x, DMI_SOCKET, 0x04);
	str(x, DMI_MANUFACTURER, 0x07);
	if (family == 0xFE && smbios_word(s, 0x28) >= 0) /* §7.5.2: see Processor Family 2 */
		r->num[DMI_CPU_FAMILY] = smbios_word(s, 0x28);
	else if (family >= 0)
		r->num[DMI_CPU_FAMILY] = family;
	if (s->len >= 0x10) /* §7.5.3: the CPUID signature and feature flags */
		r->num[DMI_CPU_SIGNATURE] = smbios_dword(s, 0x08);
	str(x, DMI_VERSION, 0x10);
	str(x, DMI_SERIAL, 0x20);
	str(x, DMI_PART, 0x22);
}

static void memory(struct ctx *x)
{
	const struct smbios_struct *s = x->s;
	struct dmi_rec *r = x->r;
	long size = smbios_word(s, 0x0C);

	if (size <= 0) /* §7.18.5: 0 is no module installed */
		r->num[DMI_SIZE_MB] = DMI_NONE;
	else if (size == 0x7FFF && smbios_dword(s, 0x1C) >= 0)
		r->num[DMI_SIZE_MB] = smbios_dword(s, 0x1C) & 0x7FFFFFFF; /* extended size, MB */
	else if (size == 0xFFFF)
		r->num[DMI_SIZE_MB] = DMI_SIZE_UNKNOWN;
	else
		r->num[DMI_SIZE_MB] = (size & 0x8000) ? (size & 0x7FFF) / 1024 : size; /* bit 15: KB */
	str(x, DMI_LOCATOR, 0x10);
	str(x, DMI_BANK, 0x11);
	str(x, DMI_MANUFACTURER, 0x17);
	str(x, DMI_SERIAL, 0x18);
	str(x, DMI_PART, 0x1A);
	r->num[DMI_MODULE_ID] = smbios_word(s, 0x2C);
	if (smbios_byte(s, 0x12) >= 0)
		r->num[DMI_MEM_TYPE] = smbios_byte(s, 0x12);
}

/* §7.44: the vendor id is four bytes of ASCII (TCG registry) */
static void tpm(struct ctx *x)
{
	const struct smbios_struct *s = x->s;
	struct dmi_rec *r = x->r;
	long long fw1 = smbios_dword(s, 0x0A);
	int major = smbios_byte(s, 0x08);

	for (int i = 0; i < 4 && s->data[4 + i] > ' ' && s->data[4 + i] < 0x7f; i++)
		r->tpm_vendor[i] = (char)s->data[4 + i];
	r->num[DMI_TPM_SPEC] = major;
	/* TPM 2.0: the high and low 16 bits of firmware version 1; TPM 1.2:
	 * the revMajor and revMinor bytes of its TPM_VERSION (0x0C, 0x0D), as
	 * dmidecode prints both */
	if (major == 2)
		snprintf(r->tpm_fw, sizeof r->tpm_fw, "%lld.%lld", fw1 >> 16, fw1 & 0xffff);
	else if (major == 1)
		snprintf(r->tpm_fw, sizeof r->tpm_fw, "%d.%d", smbios_byte(s, 0x0C),
			 smbios_byte(s, 0x0D));
	str(x, DMI_DESCRIPTION, 0x12);
}

void dmi_table_rec(struct dmi_rec *r, const struct smbios_struct *s, unsigned version,
		   smbios_warn_fn warn, void *user)
{
	struct ctx x = {.s = s, .r = r, .warn = warn, .user = user};

	dmi_rec_init(r, s->type, s->handle);
	switch (s->type) {
	case 0: /* §7.1 BIOS Information */
		str(&x, DMI_MANUFACTURER, 0x04);
		str(&x, DMI_VERSION, 0x05);
		str(&x, DMI_DATE, 0x08);
		break;
	case 1: /* §7.2 System Information */
		str(&x, DMI_MANUFACTURER, 0x04);
		str(&x, DMI_PRODUCT, 0x05);
		str(&x, DMI_VERSION, 0x06);
		str(&x, DMI_SERIAL, 0x07);
		if (s->len >= 0x19)
			uuid(r, s->data + 0x08, version);
		str(&x, DMI_SKU, 0x19);
		str(&x, DMI_FAMILY, 0x1A);
		break;
	case 2: /* §7.3 Baseboard Information */
	case 3: /* §7.4 System Enclosure or Chassis */
		str(&x, DMI_MANUFACTURER, 0x04);
		if (s->type == 2)
			str(&x, DMI_PRODUCT, 0x05);
		else if (smbios_byte(s, 0x05) >= 0)
			r->num[DMI_CHASSIS_TYPE] = smbios_byte(s, 0x05) & 0x7f; /* §7.4.1 */
		str(&x, DMI_VERSION, 0x06);
		str(&x, DMI_SERIAL, 0x07);
		break;
	case 4: processor(&x); break; /* §7.5 */
	case 11: /* §7.12 OEM Strings */
		for (int i = 0; i < s->nstrings && i < DMI_MAX_OEM; i++)
			r->oem[r->noem++] = s->strings[i];
		break;
	case 17: memory(&x); break; /* §7.18 */
	case 43: /* §7.44 TPM Device */
		if (s->len >= 0x1B)
			tpm(&x);
		else
			r->type = DMI_TYPE_NONE;
		break;
	default: break;
	}
}
