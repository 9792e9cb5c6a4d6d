/* fuzz_pci_dump.c - libFuzzer target: an lspci dump of arbitrary bytes
 * through the check and, where it passes, through libpci's dump reader and
 * the PCI probe. Either an error or a BOM; never a crash or an exit. */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../probes/probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz.dump", 0);
	char path[64];
	struct hw_err e = {0};
	struct probe_src src = {.pci_ids = FIXTURES "/pci.ids"};
	struct bom *b = bom_new();

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		return 0;
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	src.pci_dump = path;
	probe_run_all(&src, b, &e);
	bom_free(b);
	hw_err_clear(&e);
	close(fd);
	return 0;
}
