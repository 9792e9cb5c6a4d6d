/* fuzz_lspci.c - libFuzzer target: lspci text of arbitrary bytes through
 * the parser and, where it passes, the PCI probe's component building and
 * name lookups (--lspci). Either an error or a BOM, well-formed and valid
 * against the XSD (fuzz_oracle.h); never a crash. */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../probes/probe.h"
#include "fuzz_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz.lspci", 0);
	char path[64];
	struct hw_err e = {0};
	struct probe_src src = {.pci_ids = FIXTURES "/pci.ids"};
	struct bom *b = bom_new();

	if (fd < 0 || write(fd, data, size) != (ssize_t)size) {
		bom_free(b);
		if (fd >= 0)
			close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	src.lspci = path;
	bom_set(&b->machine, "fuzz");
	bom_set(&b->as_of, "2024-06-01");
	/* what a scan would write: well-formed and valid (fuzz_oracle.h) */
	if (probe_run_all(&src, b, &e) >= 0)
		oracle_check_bom(b);
	bom_free(b);
	hw_err_clear(&e);
	close(fd);
	return 0;
}
