/* unseen.c - why a role was not seen, and what to collect to see it (see
 * unseen.h). The words are the man page's (hwbom(1), COVERAGE). */
#include "unseen.h"

#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../output/roles.h"

/* What each source needs to be read, when the input left it out. */
static const struct {
	const char *source, *what, *collect;
} inputs[] = {
    {"dmi", "no SMBIOS tables or dmidecode text was given",
     "sudo dmidecode --dump-bin F; hwbom scan --dmi-dump F (or dmidecode's text: --dmidecode F)"},
    {"cpu", "no /proc/cpuinfo text was given", "cat /proc/cpuinfo > F; hwbom scan --cpuinfo F"},
    {"memory",
     "no SPD EEPROM was given: no dump or inventory text holds the DRAM die maker, only the "
     "modules' SPD EEPROMs do (read on the machine, as root, with the ee1004 driver for "
     "DDR4, spd5118 for DDR5, at24 for DDR3)",
     "sudo modprobe ee1004 && sudo hwbom scan"},
    {"pci", "no PCI dump, lspci text or sysfs tree was given",
     "lspci -nnv > F; hwbom scan --lspci F (beside the other files)"},
    {"usb", "no lsusb text or sysfs tree was given",
     "lsusb -v > F; hwbom scan --lsusb F (beside the other files)"},
    {"storage",
     "no sysfs tree was given (disks, displays, network interfaces and the TPM are read from /sys)",
     "sudo hwbom capture -o F.tar.gz; hwbom scan --root F.tar.gz"},
    {"display",
     "no sysfs tree was given (disks, displays, network interfaces and the TPM are read from /sys)",
     "sudo hwbom capture -o F.tar.gz; hwbom scan --root F.tar.gz"},
    {"net",
     "no sysfs tree was given (disks, displays, network interfaces and the TPM are read from /sys)",
     "sudo hwbom capture -o F.tar.gz; hwbom scan --root F.tar.gz"},
    {"tpm",
     "no sysfs tree was given (disks, displays, network interfaces and the TPM are read from /sys)",
     "sudo hwbom capture -o F.tar.gz; hwbom scan --root F.tar.gz"},
};

static void set(struct unseen_why *w, const char *reason, char *detail, const char *collect)
{
	w->reason = reason;
	w->detail = detail;
	w->collect = collect;
}

/* The SPD driver of a module's memory type (SMBIOS 7.18.2: 0x18 DDR3,
 * 0x1a DDR4, 0x22 DDR5), for the command to give. */
static const char *spd_command(const struct bom_component *c)
{
	const char *t = c ? bom_id_value(c, "memory.type") : NULL;

	if (t && !strcmp(t, "22"))
		return "sudo modprobe spd5118 && sudo hwbom scan";
	if (t && !strcmp(t, "18"))
		return "sudo modprobe at24 && sudo hwbom scan";
	return "sudo modprobe ee1004 && sudo hwbom scan";
}

static void from_source(const struct bom *b, const char *source, const struct bom_component *c,
                        struct unseen_why *w)
{
	const struct bom_coverage *cv = bom_get_coverage(b, source);
	const char *state = cv ? cv->state : "not-probed";
	const char *detail = cv && cv->detail ? cv->detail : "";

	if (!strcmp(state, "not-probed") && strstr(detail, "--probe")) {
		set(w, "not-probed", xasprintf("the %s probe was left out by --probe", source),
		    "hwbom scan without --probe");
		return;
	}
	if (!strcmp(state, "not-probed")) {
		for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
			if (!strcmp(inputs[i].source, source)) {
				set(w, "not-in-input", xstrdup(inputs[i].what),
				    !strcmp(source, "memory") ? spd_command(c) : inputs[i].collect);
				return;
			}
		set(w, "not-in-input", xasprintf("no %s source was given", source),
		    "sudo hwbom scan");
		return;
	}
	if (!strcmp(source, "memory") && (!strcmp(state, "denied") || !strcmp(state, "partial"))) {
		set(w, "needs-root", xasprintf("SPD EEPROMs: %s", detail), "sudo hwbom scan");
		return;
	}
	if (!strcmp(source, "memory")) {
		/* no driver bound, or no EEPROM for this module */
		set(w, "needs-driver",
		    xasprintf("no SPD EEPROM was read%s (%s): the DRAM die maker is only in the "
		              "SPD, read as root with the ee1004 (DDR4), spd5118 (DDR5) or at24 "
		              "(DDR3) driver",
		              c ? " for this module" : "", detail),
		    spd_command(c));
		return;
	}
	if (!strcmp(state, "denied") || (!strcmp(state, "partial") && strstr(detail, "root"))) {
		set(w, "needs-root", xasprintf("%s: %s", source, detail), "sudo hwbom scan");
		return;
	}
	if (!strcmp(state, "incomplete")) {
		set(w, "not-in-input", xasprintf("%s: %s", source, detail),
		    "sudo dmidecode --dump-bin F; hwbom scan --dmi-dump F");
		return;
	}
	set(w, "not-shown", xasprintf("%s %s%s%s", source, state, *detail ? ": " : "", detail),
	    "sudo hwbom scan");
}

void unseen_explain(const struct bom *b, const char *role, const struct bom_component *c,
                    struct unseen_why *w)
{
	const struct role *r = role_find(role);

	if (c && !strcmp(role, "card-assembler")) {
		set(w, "not-in-input",
		    xstrdup("lspci text without -v, -k or -vmm shows no PCI subsystem: the card "
		            "assembler"),
		    "lspci -nnv > F; hwbom scan --lspci F (beside the other files)");
		return;
	}
	if (c && !strcmp(role, "tpm-maker")) {
		set(w, "needs-root",
		    xstrdup("the TPM did not name its maker in sysfs: only the chip tells it, "
		            "through /dev/tpmrm0 (root or the tss group)"),
		    "sudo hwbom scan");
		return;
	}
	from_source(b, r && r->sources[0] ? r->sources[0] : "?", c, w);
}
