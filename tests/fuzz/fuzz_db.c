/* fuzz_db.c - libFuzzer target: the database loader on arbitrary files.
 * It may refuse them, never crash, leak or read out of bounds. */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../vendor-db/db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz.db", 0);
	char path[64];
	struct hw_err e = {0};
	struct db *db;

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		return 0;
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	db = db_new();
	if (db_load_file(db, path, &e) == 0 && db_finish(db, &e) == 0) {
		const struct db_ident *m = db_lookup(db, "pci:19e5");

		if (m) {
			const struct db_entity *x = db_entity(db, m->entity);
			const struct db_entity *member;
			const struct db_list *entry;

			db_controller(db, x, "2024-01-01");
			db_covered(db, x, "ndaa889", REACH_AFFILIATES, "2024-01-01", &member, &entry);
		}
	}
	db_free(db);
	hw_err_clear(&e);
	close(fd);
	return 0;
}
