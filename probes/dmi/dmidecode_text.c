/* dmidecode_text.c - dmidecode's text output back to SMBIOS structures
 * (see dmidecode_text.h). The keys are those dmidecode 2.9 to 3.6 print;
 * section numbers are those of DMTF DSP0134 3.7. */
#include "dmidecode_text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "../../output/sanitize.h"
#include "dmi_names.h"
#include "dmi_table.h"
#include "smbios.h"

enum kind {
	K_STR,     /* a string field */
	K_FAMILY,  /* processor family name */
	K_MEMTYPE, /* memory type name */
	K_CHASSIS, /* chassis type name */
	K_UUID,
	K_ID,      /* processor ID: eight hex bytes */
	K_STATUS,  /* processor status: (Un)populated */
	K_SIZE,    /* memory device size */
	K_MODID,   /* module manufacturer id: "Bank 1, Hex 0xCE" */
	K_TPMVENDOR,
	K_TPMSPEC,
	K_TPMFW,
};

/* The keys read, per structure type, and where they go. */
static const struct key {
	unsigned type;
	const char *key;
	enum kind kind;
	int slot; /* enum dmi_str for K_STR */
} keys[] = {
	{0, "Vendor", K_STR, DMI_MANUFACTURER},
	{0, "Version", K_STR, DMI_VERSION},
	{0, "Release Date", K_STR, DMI_DATE},
	{1, "Manufacturer", K_STR, DMI_MANUFACTURER},
	{1, "Product Name", K_STR, DMI_PRODUCT},
	{1, "Version", K_STR, DMI_VERSION},
	{1, "Serial Number", K_STR, DMI_SERIAL},
	{1, "UUID", K_UUID, 0},
	{1, "SKU Number", K_STR, DMI_SKU},
	{1, "Family", K_STR, DMI_FAMILY},
	{2, "Manufacturer", K_STR, DMI_MANUFACTURER},
	{2, "Product Name", K_STR, DMI_PRODUCT},
	{2, "Version", K_STR, DMI_VERSION},
	{2, "Serial Number", K_STR, DMI_SERIAL},
	{3, "Manufacturer", K_STR, DMI_MANUFACTURER},
	{3, "Type", K_CHASSIS, 0},
	{3, "Version", K_STR, DMI_VERSION},
	{3, "Serial Number", K_STR, DMI_SERIAL},
	{4, "Socket Designation", K_STR, DMI_SOCKET},
	{4, "Family", K_FAMILY, 0},
	{4, "Manufacturer", K_STR, DMI_MANUFACTURER},
	{4, "ID", K_ID, 0},
	{4, "Version", K_STR, DMI_VERSION},
	{4, "Status", K_STATUS, 0},
	{4, "Serial Number", K_STR, DMI_SERIAL},
	{4, "Part Number", K_STR, DMI_PART},
	{17, "Size", K_SIZE, 0},
	{17, "Locator", K_STR, DMI_LOCATOR},
	{17, "Bank Locator", K_STR, DMI_BANK},
	{17, "Type", K_MEMTYPE, 0},
	{17, "Manufacturer", K_STR, DMI_MANUFACTURER},
	{17, "Serial Number", K_STR, DMI_SERIAL},
	{17, "Part Number", K_STR, DMI_PART},
	{17, "Module Manufacturer ID", K_MODID, 0},
	{43, "Vendor ID", K_TPMVENDOR, 0},
	{43, "Specification Version", K_TPMSPEC, 0},
	{43, "Firmware Revision", K_TPMFW, 0},
	{43, "Description", K_STR, DMI_DESCRIPTION},
};
#define NKEYS (sizeof keys / sizeof *keys)

/* The structure names dmidecode -q prints instead of Handle lines. */
static const char *const quiet_titles[] = {
	"BIOS Information", "System Information", "Base Board Information",
	"Chassis Information", "Processor Information", "Memory Device", NULL,
};

/* Lines dmidecode prints outside the structures. */
static const char *const preamble[] = {
	"Getting SMBIOS data from ", "Reading SMBIOS/DMI data from ", "Scanning ",
	"Table at ", "Found SMBIOS entry point", "Legacy DMI ", "DMI ", "Invalid DMI", "SMBIOS ",
	NULL,
};

/* dmidecode's own warnings about the table it read (dmidecode.c,
 * dmi_table() and dmi_table_decode(), 3.0 to 3.6: "Wrong DMI structures
 * length: %u bytes announced, only %lu bytes available.", "Wrong DMI
 * structures count: %d announced, only %d decoded.", "Invalid entry length
 * (%u). DMI table is broken! Stop." / "Fixed up to %u."): the text around
 * them is sound, so they are read past, and said. */
static const char *const dmidecode_warnings[] = {
	"Wrong DMI structures length", "Wrong DMI structures count", "Invalid entry length",
	NULL,
};

struct parser {
	const char *name;
	struct hw_err *e;
	int deliver; /* the second pass: warn and call fn */
	dmidecode_rec_fn fn;
	void *user;
	struct dmidecode_info *info;
	unsigned line;

	/* the structure being read, from its Handle line */
	unsigned start;
	int in_block, titled;
	unsigned type, handle, length;
	int keep; /* a type dmi_build() uses */
	struct dmi_rec rec;
	unsigned char seen[NKEYS];
	int tpm_vendor_seen;
	/* lines outside the structures that are not dmidecode's: the first
	 * one's number; and whether dmidecode's banner was seen */
	unsigned stray;
	int banner;
	/* dmidecode -u: the structure's own bytes */
	int dump;   /* 0, 1 in "Header and Data", 2 in "Strings" */
	int sstate; /* in Strings: 0 a new string, 1 its printed form, 2 more hex */
	uint8_t *bytes;
	size_t nbytes, cap, ndata;
	unsigned nstr;
};

static void warn(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(struct parser *p, const char *fmt, ...)
{
	char buf[HW_ERR_MAX / 2], *t;
	va_list ap;

	if (!p->deliver)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	/* the values quoted come from the file: no control bytes to a terminal */
	t = hw_sanitize(buf);
	hw_warn(p->e, "dmi: %s:%u: %s", p->name, p->line, t);
	free(t);
}

static int fail(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct parser *p, const char *fmt, ...)
{
	char buf[HW_ERR_MAX / 2], *t;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	t = hw_sanitize(buf);
	hw_fail(p->e, "%s:%u: %s", p->name, p->line, t);
	free(t);
	return -1;
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Decimal digits at *s, at most max; -1 if none or more. */
static long long number(const char **s, long long max)
{
	long long v = 0;

	if (!isdigit((unsigned char)**s))
		return -1;
	while (isdigit((unsigned char)**s)) {
		v = v * 10 + (**s - '0');
		if (v > max)
			return -1;
		(*s)++;
	}
	return v;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10
		 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* "Handle 0x0001, DMI type 1, 27 bytes" */
static int handle_line(struct parser *p, const char *s)
{
	long long type, length;
	unsigned handle = 0;
	int i;

	if (!starts(s, "Handle 0x"))
		return fail(p, "malformed structure header (expected \"Handle 0xHHHH, DMI type N, "
			       "N bytes\")");
	s += strlen("Handle 0x");
	for (i = 0; i < 4 && hexval(s[i]) >= 0; i++)
		handle = handle << 4 | (unsigned)hexval(s[i]);
	s += i;
	if (i != 4 || !starts(s, ", DMI type "))
		return fail(p, "malformed structure header (expected \"Handle 0xHHHH, DMI type N, "
			       "N bytes\")");
	s += strlen(", DMI type ");
	type = number(&s, 255);
	if (type < 0 || !starts(s, ", "))
		return fail(p, "malformed structure header: the type is not a number from 0 to 255");
	s += 2;
	length = number(&s, 255);
	if (length < 4 || strcmp(s, " bytes"))
		return fail(p, "malformed structure header: the length is not a number from 4 to "
			       "255 followed by \" bytes\"");
	p->in_block = 1;
	p->start = p->line;
	p->titled = 0;
	p->type = (unsigned)type;
	p->handle = handle;
	p->length = (unsigned)length;
	p->keep = type == 0 || type == 1 || type == 2 || type == 3 || type == 4 || type == 11 ||
		  type == 17 || type == 43;
	dmi_rec_init(&p->rec, p->type, handle);
	memset(p->seen, 0, sizeof p->seen);
	p->tpm_vendor_seen = 0;
	p->dump = p->sstate = 0;
	p->nbytes = p->ndata = 0;
	p->nstr = 0;
	p->info->nstructs++;
	p->info->seen[type] = 1;
	return 0;
}

/* A string field's value: what dmidecode prints for no string reads as
 * none, as the binary tables do. */
static const char *string_value(struct parser *p, const char *key, const char *v)
{
	if (!strcmp(v, "Not Specified"))
		return NULL; /* string index 0 */
	if (!strcmp(v, "<BAD INDEX>")) {
		warn(p, "structure type %u (handle 0x%04x): %s: <BAD INDEX>, a string index past "
			"the strings",
		     p->type, p->handle, key);
		return NULL;
	}
	return v;
}

static long enum_value(struct parser *p, enum dmi_enum e, const char *key, const char *v)
{
	long n = dmi_name_value(e, v);

	if (n < 0 && !strcmp(v, "<OUT OF SPEC>"))
		warn(p, "structure type %u (handle 0x%04x): %s: <OUT OF SPEC>: dmidecode did not "
			"print the value; left out",
		     p->type, p->handle, key);
	else if (n < 0)
		warn(p, "structure type %u (handle 0x%04x): %s: unknown name \"%.64s\"; left out",
		     p->type, p->handle, key, v);
	return n;
}

/* §7.18.5: "32 GB", "16384 MB", "512 kB"; in MB as the tables give it. */
static long long size_mb(const char *v)
{
	static const char *const units[] = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB", "ZB"};
	long long n = number(&v, 1LL << 40);

	if (n < 0 || *v++ != ' ')
		return DMI_SIZE_UNKNOWN;
	for (int u = 0; u < 8; u++)
		if (!strcmp(v, units[u])) {
			for (; u < 2; u++)
				n /= 1024;
			for (; u > 2; u--)
				if (n > (1LL << 31))
					return DMI_SIZE_UNKNOWN;
				else
					n *= 1024;
			return n;
		}
	return DMI_SIZE_UNKNOWN;
}

static void field(struct parser *p, const struct key *k, const char *v)
{
	struct dmi_rec *r = &p->rec;

	switch (k->kind) {
	case K_STR: r->str[k->slot] = string_value(p, k->key, v); break;
	case K_FAMILY: r->num[DMI_CPU_FAMILY] = enum_value(p, DMI_ENUM_FAMILY, k->key, v); break;
	case K_MEMTYPE: r->num[DMI_MEM_TYPE] = enum_value(p, DMI_ENUM_MEMTYPE, k->key, v); break;
	case K_CHASSIS:
		r->num[DMI_CHASSIS_TYPE] = enum_value(p, DMI_ENUM_CHASSIS, k->key, v);
		break;
	case K_UUID: {
		/* §7.2.1, as dmidecode prints it: 8-4-4-4-12 hex digits */
		size_t i;

		if (!strcmp(v, "Not Present") || !strcmp(v, "Not Settable"))
			break;
		for (i = 0; i < 36 && v[i]; i++)
			if ((i == 8 || i == 13 || i == 18 || i == 23) ? v[i] != '-'
								    : hexval(v[i]) < 0)
				break;
		if (i != 36 || v[i]) {
			warn(p, "structure type 1 (handle 0x%04x): UUID \"%.64s\" is not a UUID; "
				"left out",
			     p->handle, v);
			break;
		}
		for (i = 0; i < 36; i++)
			r->uuid[i] = (char)tolower((unsigned char)v[i]);
		r->uuid[36] = '\0';
		break;
	}
	case K_ID: {
		/* §7.5.3: "01 0F 90 00 FF FB 8B 17"; the signature is the first dword */
		unsigned long long sig = 0;
		int i;

		for (i = 0; i < 8; i++, v += 3) {
			if (hexval(v[0]) < 0 || hexval(v[1]) < 0 || (i < 7 && v[2] != ' '))
				break;
			if (i < 4)
				sig |= (unsigned long long)(hexval(v[0]) << 4 | hexval(v[1])) << (8 * i);
		}
		if (i == 8 && !v[-1])
			r->num[DMI_CPU_SIGNATURE] = (long long)sig;
		else
			warn(p, "structure type 4 (handle 0x%04x): ID is not eight hex bytes; left out",
			     p->handle);
		break;
	}
	case K_STATUS:
		if (!strcmp(v, "Unpopulated"))
			r->num[DMI_POPULATED] = 0;
		else if (starts(v, "Populated"))
			r->num[DMI_POPULATED] = 1;
		break;
	case K_SIZE:
		if (!strcmp(v, "No Module Installed") || !strcmp(v, "Not Installed"))
			r->num[DMI_SIZE_MB] = DMI_NONE;
		else if (!strcmp(v, "Unknown"))
			r->num[DMI_SIZE_MB] = DMI_SIZE_UNKNOWN;
		else if ((r->num[DMI_SIZE_MB] = size_mb(v)) == DMI_SIZE_UNKNOWN)
			warn(p, "structure type 17 (handle 0x%04x): Size \"%.64s\" is not a size; "
				"read as unknown",
			     p->handle, v);
		break;
	case K_MODID: {
		/* §7.18.8: "Bank 1, Hex 0xCE" is the word 0xCE00 */
		const char *s = v + 5;
		long long bank;

		if (!strcmp(v, "Unknown")) {
			r->num[DMI_MODULE_ID] = 0;
			break;
		}
		bank = starts(v, "Bank ") ? number(&s, 128) : -1;
		if (bank >= 1 && starts(s, ", Hex 0x") && hexval(s[8]) >= 0 && hexval(s[9]) >= 0 &&
		    !s[10])
			r->num[DMI_MODULE_ID] = (bank - 1) | (hexval(s[8]) << 4 | hexval(s[9])) << 8;
		else
			warn(p, "structure type 17 (handle 0x%04x): Module Manufacturer ID \"%.64s\" "
				"is not \"Bank N, Hex 0xHH\"; left out",
			     p->handle, v);
		break;
	}
	case K_TPMVENDOR:
		/* dmidecode shows a control byte as '.', where the table's
		 * vendor id ends */
		p->tpm_vendor_seen = 1;
		for (int i = 0; i < 4 && v[i] > ' ' && v[i] < 0x7f && v[i] != '.'; i++)
			r->tpm_vendor[i] = v[i];
		break;
	case K_TPMSPEC: {
		const char *s = v;
		long long major = number(&s, 255);

		if (major >= 0 && *s == '.')
			r->num[DMI_TPM_SPEC] = major;
		break;
	}
	case K_TPMFW: {
		const char *s = v;

		if (number(&s, 0xffff) >= 0 && *s++ == '.' && number(&s, 0xffff) >= 0 && !*s)
			snprintf(r->tpm_fw, sizeof r->tpm_fw, "%s", v);
		break;
	}
	}
}

static void grow(struct parser *p, size_t more)
{
	while (p->nbytes + more > p->cap) {
		p->cap = p->cap ? 2 * p->cap : 512;
		p->bytes = xrealloc(p->bytes, p->cap);
	}
}

/* "XX XX ..." of dmidecode -u, one to sixteen bytes; -1 if the line is not. */
static int hex_row(struct parser *p, const char *s)
{
	uint8_t row[16];
	int n = 0;

	while (n < 16 && hexval(s[0]) >= 0 && hexval(s[1]) >= 0) {
		row[n++] = (uint8_t)(hexval(s[0]) << 4 | hexval(s[1]));
		s += 2;
		if (!*s)
			break;
		if (*s++ != ' ')
			return -1;
	}
	if (!n || *s)
		return -1;
	grow(p, (size_t)n);
	memcpy(p->bytes + p->nbytes, row, (size_t)n);
	p->nbytes += (size_t)n;
	return n;
}

static void on_dump_warn(void *user, const char *fmt, ...)
{
	struct parser *p = user;
	char buf[HW_ERR_MAX / 2];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	warn(p, "%s", buf);
}

/* A structure rebuilt from dmidecode -u goes through the binary decoder;
 * without the banner's version, the UUID is read as SMBIOS 2.6 and later
 * write it. */
static void on_dumped(void *user, const struct smbios_struct *s)
{
	struct parser *p = user;
	struct dmi_rec r;

	dmi_table_rec(&r, s, p->info->version ? p->info->version : 0x0300, on_dump_warn, p);
	if (p->deliver)
		p->fn(p->user, &r);
}

/* dmidecode -u: the structure rebuilt from its bytes goes through the
 * binary decoder. */
static int rebuild(struct parser *p)
{
	if (p->dump == 1)
		p->ndata = p->nbytes;
	if (p->ndata != p->length || p->bytes[0] != p->type || p->bytes[1] != p->length ||
	    (p->bytes[2] | p->bytes[3] << 8) != (int)p->handle)
		return fail(p, "the Header and Data bytes of handle 0x%04X do not match its header "
			       "(type %u, %u bytes)",
			    p->handle, p->type, p->length);
	if (p->sstate == 2)
		return fail(p, "the strings of handle 0x%04X end inside a string", p->handle);
	grow(p, 2);
	p->bytes[p->nbytes++] = 0;
	if (!p->nstr)
		p->bytes[p->nbytes++] = 0;
	smbios_walk(p->bytes, p->nbytes, on_dumped, on_dump_warn, p);
	return 0;
}

/* A structure's lines are over: hand it on. */
static int end_block(struct parser *p)
{
	struct dmi_rec *r = &p->rec;

	if (!p->in_block)
		return 0;
	p->in_block = 0;
	if (!p->keep)
		return 0;
	if (p->dump) {
		/* what is wrong is the structure's: named by its Handle line */
		unsigned line = p->line;
		int rc;

		p->line = p->start;
		rc = rebuild(p);
		p->line = line;
		return rc;
	}
	/* the structure was too short for dmidecode to print its fields */
	if (p->type == 43 && !p->tpm_vendor_seen)
		return 0;
	if (p->type == 43 && r->num[DMI_TPM_SPEC] != 1 && r->num[DMI_TPM_SPEC] != 2)
		r->tpm_fw[0] = '\0';
	if (p->deliver)
		p->fn(p->user, r);
	return 0;
}

/* A line of dmidecode -u's Strings: each string as hex rows ending in its
 * NUL, then as text; older releases print the text alone. */
static int string_line(struct parser *p, const char *s)
{
	size_t before = p->nbytes;

	if (p->sstate == 1) { /* the printed form of the string just read */
		p->sstate = 0;
		return 0;
	}
	if (hex_row(p, s) > 0) {
		uint8_t *nul = memchr(p->bytes + before, 0, p->nbytes - before);

		if (nul && nul != p->bytes + p->nbytes - 1)
			return fail(p, "a NUL inside a string of handle 0x%04X", p->handle);
		p->sstate = nul ? 1 : 2;
		p->nstr += nul != NULL;
		return 0;
	}
	if (p->sstate == 2)
		return fail(p, "expected more hex bytes of a string of handle 0x%04X", p->handle);
	grow(p, strlen(s) + 1);
	memcpy(p->bytes + p->nbytes, s, strlen(s) + 1);
	p->nbytes += strlen(s) + 1;
	p->nstr++;
	return 0;
}

/* A tab-indented line of the structure being read. */
static int body_line(struct parser *p, const char *s)
{
	const char *colon, *v;
	size_t klen;

	p->titled = 1;
	if (!p->keep)
		return 0;
	if (s[1] == '\t') {
		if (p->dump == 1 && hex_row(p, s + 2) < 0)
			return fail(p, "expected hex bytes of handle 0x%04X", p->handle);
		if (p->dump == 2)
			return string_line(p, s + 2);
		return 0; /* an item of a list */
	}
	s++;
	if (!strcmp(s, "Header and Data:")) {
		if (p->dump)
			return fail(p, "a second \"Header and Data\" in handle 0x%04X", p->handle);
		p->dump = 1;
		return 0;
	}
	if (!strcmp(s, "Strings:") && p->dump == 1) {
		p->ndata = p->nbytes;
		p->dump = 2;
		return 0;
	}
	if (p->dump)
		return fail(p, "unexpected \"%.40s\" in the dump of handle 0x%04X", s, p->handle);
	colon = strstr(s, ": ");
	if (!colon) {
		klen = strlen(s);
		if (klen && s[klen - 1] == ':')
			return 0; /* the head of a list */
		/* hw-probe's captures replace some lines by a hash */
		warn(p, "structure type %u (handle 0x%04x): not \"Key: value\"; skipped", p->type,
		     p->handle);
		return 0;
	}
	klen = (size_t)(colon - s);
	v = colon + 2;
	if (p->type == 11 && klen > 7 && starts(s, "String ")) {
		/* §7.12: "String 1: ..."; one dmidecode prints past the count
		 * is none of the table's */
		if (p->rec.noem < DMI_MAX_OEM && strcmp(v, "<BAD INDEX>"))
			p->rec.oem[p->rec.noem++] = v;
		return 0;
	}
	for (size_t i = 0; i < NKEYS; i++)
		if (keys[i].type == p->type && strlen(keys[i].key) == klen &&
		    !strncmp(keys[i].key, s, klen)) {
			if (!p->seen[i]++)
				field(p, &keys[i], v);
			break;
		}
	return 0;
}

/* One of the messages dmidecode prints between the structures or inside
 * one ("Invalid entry length (16). Fixed up to 11."); its warnings are
 * passed on. */
static int message(struct parser *p, const char *s)
{
	for (const char *const *q = dmidecode_warnings; *q; q++)
		if (starts(s, *q)) {
			warn(p, "dmidecode's own warning \"%.120s\"; read past", s);
			return 1;
		}
	for (const char *const *q = preamble; *q; q++)
		if (starts(s, *q))
			return 1;
	return isdigit((unsigned char)*s) && strstr(s, " structures occupying ");
}

/* A line outside the structures: dmidecode's banner and messages. */
static int outside_line(struct parser *p, const char *s)
{
	if (starts(s, "# dmidecode ")) {
		p->banner = 1;
		snprintf(p->info->tool, sizeof p->info->tool, "%s", s + strlen("# dmidecode "));
		return 0;
	}
	if (*s == '#') {
		/* a machine without SMBIOS (a VM without it): no structure,
		 * and that is what the text says */
		if (strstr(s, "No SMBIOS nor DMI entry point found"))
			p->info->no_smbios = 1;
		return 0;
	}
	if (starts(s, "SMBIOS ") && strstr(s, " present.")) {
		const char *v = s + strlen("SMBIOS ");
		long long major = number(&v, 255), minor = -1;

		if (*v == '.')
			v++, minor = number(&v, 255);
		if (major >= 0 && minor >= 0)
			p->info->version = (unsigned)(major << 8 | minor);
		return 0;
	}
	if (message(p, s))
		return 0;
	for (const char *const *q = quiet_titles; *q; q++)
		if (!strcmp(s, *q))
			return fail(p, "\"%s\" without a Handle line: dmidecode -q output is not "
				       "read; give dmidecode's plain output",
				    s);
	/* another program's line in a file that is dmidecode's text (a
	 * wrapper's banner, a shell prompt): read past when the rest proves
	 * the file dmidecode's (decided after the first pass), else refused */
	if (!p->stray)
		p->stray = p->line;
	warn(p, "not a line of dmidecode's (\"%.60s\"); read past", s);
	return 0;
}

static int parse(struct parser *p, char *text, size_t len)
{
	char *s = text, *end = text + len;

	p->line = 0;
	p->in_block = 0;
	while (s < end) {
		char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		int rc = 0;

		p->line++;
		if (n > DMIDECODE_LINE_MAX)
			return fail(p, "line longer than %d bytes", DMIDECODE_LINE_MAX);
		s[n] = '\0';
		if (n && s[n - 1] == '\r')
			s[--n] = '\0';
		if (!nl && p->in_block && p->deliver)
			warn(p, "the last line has no end: the file may be cut short");
		/* a structure ends at the next Handle line: blank lines may be
		 * inside one (dmidecode 3.6 after a Loongson processor's
		 * Signature), and names of its parts outside the indent (type
		 * 10's "On Board Device 2 Information") */
		if (!n)
			;
		else if (starts(s, "Handle "))
			rc = end_block(p) < 0 ? -1 : handle_line(p, s);
		else if (!p->in_block)
			rc = outside_line(p, s);
		else if (*s == '\t')
			rc = body_line(p, s);
		else if (message(p, s))
			;
		else if (!p->titled)
			p->titled = 1; /* the structure's name: "System Information" */
		else if (p->type == 127)
			rc = fail(p, "text after the End Of Table structure: not dmidecode output");
		if (rc < 0)
			return -1;
		s = nl ? nl + 1 : end;
	}
	return end_block(p);
}

int dmidecode_parse(const char *name, const char *buf, size_t len, dmidecode_rec_fn fn,
		    void *user, struct dmidecode_info *info, struct hw_err *e)
{
	struct parser p = {.name = name, .e = e, .fn = fn, .user = user, .info = info};
	const char *nul = memchr(buf, '\0', len);
	char *text;
	int rc;

	memset(info, 0, sizeof *info);
	if (nul) {
		p.line = 1;
		for (const char *q = buf; q < nul; q++)
			p.line += *q == '\n';
		return fail(&p, "a NUL byte: not dmidecode's text output");
	}
	/* two passes: nothing reaches fn unless the whole text is sound */
	text = xmalloc(len + 1);
	memcpy(text, buf, len);
	text[len] = '\0';
	rc = parse(&p, text, len);
	if (rc == 0 && p.stray && !p.banner && !info->nstructs) {
		p.line = p.stray;
		rc = fail(&p, "not dmidecode output (expected \"Handle 0xHHHH, DMI type N, N bytes\" "
			      "or dmidecode's banner)");
	}
	if (rc == 0 && !info->nstructs && !info->no_smbios) {
		p.line = 1;
		rc = fail(&p, "no SMBIOS structure (no \"Handle 0xHHHH, DMI type N, N bytes\" line)");
	}
	if (rc == 0) {
		memset(info, 0, sizeof *info);
		memcpy(text, buf, len);
		p.deliver = 1;
		rc = parse(&p, text, len);
	}
	free(text);
	free(p.bytes);
	return rc;
}
