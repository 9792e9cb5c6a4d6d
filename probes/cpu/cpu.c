/* cpu.c - the CPU probe: who designed the processor, from the processor
 * itself. On x86 the CPUID instruction (leaf 0: the vendor string, leaf 1:
 * family, model, stepping; 0x80000002-4: the brand string); elsewhere, and
 * for a captured tree (--root DIR reads DIR/proc/cpuinfo) or a recorded
 * text (--cpuinfo FILE), /proc/cpuinfo, which on Arm gives the MIDR
 * implementer and part. SMBIOS type 4 (dmi.c) is a second witness of the
 * same fact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

#include "../../output/alloc.h"
#include "../../vendor-db/recfile.h"
#include "cpu_info.h"
#include "../probe.h"

#if defined(__x86_64__) || defined(__i386__)
/* The processor we run on, through CPUID. */
static int from_cpuid(struct cpu_info *ci)
{
	unsigned a, b, c, d, brand[12];
	char vendor[13];

	if (!__get_cpuid(0, &a, &b, &c, &d))
		return -1;
	memcpy(vendor, &b, 4), memcpy(vendor + 4, &d, 4), memcpy(vendor + 8, &c, 4);
	vendor[12] = '\0';
	if (!__get_cpuid(1, &a, &b, &c, &d))
		return -1;
	cpu_from_cpuid(vendor, a, ci);
	if (__get_cpuid(0x80000000, &a, &b, &c, &d) && a >= 0x80000004) {
		for (unsigned i = 0; i < 3; i++)
			__get_cpuid(0x80000002 + i, &brand[4 * i], &brand[4 * i + 1],
				    &brand[4 * i + 2], &brand[4 * i + 3]);
		memcpy(ci->model_name, brand, sizeof brand);
		ci->model_name[sizeof brand] = '\0';
	}
	return 0;
}
#endif

/* The processor is one component, "cpu:0", whichever way it was read: a
 * capture of a machine and the machine itself give the same BOM. */
static void add_component(const struct cpu_info *ci, const char *loc, struct bom *bom)
{
	struct bom_component *c = bom_add_component(bom, "cpu", loc);
	char buf[32];

	if (*ci->vendor) {
		bom_add_id(c, "cpuid.vendor", ci->vendor, NULL);
		snprintf(buf, sizeof buf, "%02x", ci->family);
		bom_add_id(c, "cpu.family", buf, NULL);
		snprintf(buf, sizeof buf, "%02x", ci->model);
		bom_add_id(c, "cpu.model", buf, NULL);
		snprintf(buf, sizeof buf, "%x", ci->stepping);
		bom_add_id(c, "cpu.stepping", buf, NULL);
	}
	if (ci->implementer >= 0) {
		snprintf(buf, sizeof buf, "0x%02x", ci->implementer);
		bom_add_id(c, "arm.implementer", buf, NULL);
		snprintf(buf, sizeof buf, "0x%03x", ci->part);
		bom_add_id(c, "arm.part", buf, NULL);
	}
	if (!*ci->vendor && ci->implementer < 0 && *ci->model_name)
		/* no identifier at all: the model name is the only witness */
		bom_add_id(c, "cpu.model-name", ci->model_name, NULL);
	bom_set(&c->name, *ci->model_name ? ci->model_name : NULL);
	bom_set(&c->description, "processor");
}

static int detect(const struct probe_src *src)
{
	return probe_reads_sysfs(src) || src->cpuinfo;
}

/* --cpuinfo FILE: that text and nothing else; a file the user named must
 * be read and name a processor. */
static int read_file(const char *path, struct bom *bom, struct hw_err *e)
{
	struct cpu_info ci;
	char *buf;
	size_t len;
	int rc = 0;

	if (recfile_slurp(path, &buf, &len, e) < 0)
		return -1;
	if (cpu_parse_cpuinfo(buf, len, &ci) < 0) {
		rc = hw_fail(e, "%s: no processor vendor (vendor_id), implementer (CPU implementer) "
				"or model (cpu model) found: not a /proc/cpuinfo text",
			     path);
	} else {
		add_component(&ci, "0", bom);
		bom_set_coverage(bom, "cpu", "read", "cpuinfo text");
	}
	free(buf);
	return rc;
}

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	struct cpu_info ci;
	struct hw_err io = {0};
	char *path;
	char *buf;
	size_t len;
	int rc = 0;

	if (src->cpuinfo)
		return read_file(src->cpuinfo, bom, e);
	path = src->root ? xasprintf("%s/proc/cpuinfo", src->root) : xstrdup("/proc/cpuinfo");
#if defined(__x86_64__) || defined(__i386__)
	if (!src->root && from_cpuid(&ci) == 0) {
		add_component(&ci, "0", bom);
		bom_set_coverage(bom, "cpu", "read", "CPUID instruction");
		free(path);
		return 0;
	}
#endif
	if (recfile_slurp(path, &buf, &len, &io) < 0) {
		size_t n = strlen(path);

		/* in a tree, the path inside it: where the tree sits (a temporary
		 * copy of an archive) is no fact of the machine */
		if (src->root && !strncmp(io.msg, path, n)) {
			char *detail = xasprintf("proc/cpuinfo%s", io.msg + n);

			bom_set_coverage(bom, "cpu", "unavailable", detail);
			free(detail);
		} else {
			bom_set_coverage(bom, "cpu", "unavailable", io.msg);
		}
	} else {
		if (cpu_parse_cpuinfo(buf, len, &ci) < 0) {
			if (src->root)
				rc = hw_fail(e, "%s: no processor vendor (vendor_id), implementer "
						"(CPU implementer) or model (cpu model) found",
					     path);
			else
				bom_set_coverage(bom, "cpu", "unavailable",
						 "no vendor or implementer in /proc/cpuinfo");
		} else {
			add_component(&ci, "0", bom);
			bom_set_coverage(bom, "cpu", "read", "/proc/cpuinfo");
		}
		free(buf);
	}
	hw_err_clear(&io);
	free(path);
	return rc;
}

/* What run() reads under --root, for hwbom capture (probe.h). */
static const char *const cpu_reads[] = {
	"proc/cpuinfo",
	NULL,
};

const struct probe_ops probe_cpu = {
	.name = "cpu",
	.help = "the processor: CPUID on x86, /proc/cpuinfo (MIDR) elsewhere",
	.detect = detect,
	.run = run,
	.reads = cpu_reads,
};
