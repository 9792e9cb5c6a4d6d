/* fuzz_lspci.c - libFuzzer target: lspci text of arbitrary bytes through
 * the parser and, where it passes, the PCI probe's component building and
 * name lookups (--lspci). Either an error or a BOM; never a crash. */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../probes/probe.h"

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
	probe_run_all(&src, b, &e);
	bom_free(b);
	hw_err_clear(&e);
	close(fd);
	return 0;
}
