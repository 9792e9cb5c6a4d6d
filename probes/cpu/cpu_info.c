/* cpu_info.c - decode CPUID values and /proc/cpuinfo (see cpu_info.h). */
#include "cpu_info.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cpu_from_cpuid(const char *vendor, unsigned eax1, struct cpu_info *ci)
{
	unsigned base_family = eax1 >> 8 & 0xF, base_model = eax1 >> 4 & 0xF;

	memset(ci, 0, sizeof *ci);
	ci->implementer = ci->part = -1;
	snprintf(ci->vendor, sizeof ci->vendor, "%s", vendor);
	ci->family = base_family == 0xF ? base_family + (eax1 >> 20 & 0xFF) : base_family;
	ci->model = base_family >= 0x6 ? (eax1 >> 16 & 0xF) << 4 | base_model : base_model;
	ci->stepping = eax1 & 0xF;
}

/* The value of "key<blanks>: value" on line [p, end), or NULL. */
static const char *field(const char *p, const char *end, const char *key, char *out, size_t n)
{
	size_t k = strlen(key), v;
	const char *colon;

	if ((size_t)(end - p) <= k || strncmp(p, key, k) || (p[k] != ' ' && p[k] != '\t' && p[k] != ':'))
		return NULL;
	colon = memchr(p, ':', (size_t)(end - p));
	if (!colon)
		return NULL;
	/* one blank after the colon: the value itself may start with blanks
	 * (Zhaoxin's vendor string is "  Shanghai  ") */
	p = colon + 1 < end && colon[1] == ' ' ? colon + 2 : colon + 1;
	v = (size_t)(end - p) < n - 1 ? (size_t)(end - p) : n - 1;
	memcpy(out, p, v);
	out[v] = '\0';
	return out;
}

int cpu_parse_cpuinfo(const char *buf, size_t len, struct cpu_info *ci)
{
	char v[64];
	int seen_vendor = 0, seen_model = 0;

	memset(ci, 0, sizeof *ci);
	ci->implementer = ci->part = -1;
	for (const char *p = buf, *nl, *end; p < buf + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(buf + len - p));
		if (!nl)
			nl = buf + len;
		/* a CR LF line end (a capture saved on Windows) ends the line too:
		 * the CR is no part of the value */
		end = nl > p && nl[-1] == '\r' ? nl - 1 : nl;
		if (p == end) {
			if (seen_vendor || ci->implementer >= 0 || seen_model)
				break; /* the first processor's block is enough */
			continue;
		}
		if (field(p, end, "vendor_id", v, sizeof v)) {
			snprintf(ci->vendor, sizeof ci->vendor, "%.12s", v);
			seen_vendor = 1;
		} else if (field(p, end, "cpu family", v, sizeof v)) {
			ci->family = (unsigned)strtoul(v, NULL, 10);
		} else if (field(p, end, "model name", v, sizeof v) ||
			   field(p, end, "cpu model", v, sizeof v)) {
			/* "cpu model" on LoongArch and MIPS: Loongson-3A5000 */
			snprintf(ci->model_name, sizeof ci->model_name, "%s", v);
			seen_model = 1;
		} else if (field(p, end, "model", v, sizeof v)) {
			ci->model = (unsigned)strtoul(v, NULL, 10);
		} else if (field(p, end, "stepping", v, sizeof v)) {
			ci->stepping = (unsigned)strtoul(v, NULL, 10);
		} else if (field(p, end, "CPU implementer", v, sizeof v)) {
			ci->implementer = (int)strtol(v, NULL, 0);
		} else if (field(p, end, "CPU part", v, sizeof v)) {
			ci->part = (int)strtol(v, NULL, 0);
		}
	}
	return seen_vendor || ci->implementer >= 0 || seen_model ? 0 : -1;
}
