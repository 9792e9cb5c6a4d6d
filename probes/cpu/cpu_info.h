/* cpu_info.h - what identifies a processor's designer, and its decoding
 * from CPUID registers and /proc/cpuinfo text (pure functions, tested on
 * recorded values). */
#ifndef HWBOM_CPU_INFO_H
#define HWBOM_CPU_INFO_H

#include <stddef.h>

struct cpu_info {
	char vendor[13];       /* CPUID leaf 0 vendor string, "" if none */
	unsigned family, model, stepping; /* leaf 1, extended fields folded in */
	int implementer;       /* Arm MIDR implementer, or -1 */
	int part;              /* Arm MIDR part number, or -1 */
	char model_name[64];
};

/* Fill ci from the leaf 0 vendor string and leaf 1 EAX (the signature):
 * family = base + extended when base is 0xF; the model takes the extended
 * model from family 6 up, as Linux's x86_model() does (Zhaoxin's family 7
 * needs it; the Intel SDM names 6 and 0xF). */
void cpu_from_cpuid(const char *vendor, unsigned eax1, struct cpu_info *ci);

/* Fill ci from the first processor of /proc/cpuinfo text (len bytes):
 * "vendor_id", "cpu family", "model", "stepping", "model name" on x86;
 * "CPU implementer", "CPU part" on Arm; "cpu model" on LoongArch and MIPS
 * (Loongson has no vendor string). -1 when none of these is there. */
int cpu_parse_cpuinfo(const char *buf, size_t len, struct cpu_info *ci);

#endif
