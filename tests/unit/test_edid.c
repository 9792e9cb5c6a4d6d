/* test_edid.c - EDID base blocks: the project's fixtures and hostile bytes. */
#include "testutil.h"

#include "../../probes/display/edid.h"
#include "../../vendor-db/recfile.h"

#define DRM FIXTURES "/root/laptop-displays/sys/class/drm/"

static char *slurp(const char *path, size_t *len)
{
	struct hw_err e = {0};
	char *buf;

	if (recfile_slurp(path, &buf, len, &e) < 0)
		fail_msg("%s", e.msg);
	return buf;
}

static void test_panel_and_monitor(void **state)
{
	struct edid_info ei;
	const char *why;
	size_t len;
	char *b;

	(void)state;
	b = slurp(DRM "card0-eDP-1/edid", &len);
	assert_int_equal(edid_parse((unsigned char *)b, len, &ei, &why), 0);
	assert_string_equal(ei.pnp, "BOE");
	assert_int_equal(ei.product, 0x0974);
	assert_string_equal(ei.name, "NV156FHM-N61");
	assert_int_equal(ei.year, 2021);
	free(b);
	b = slurp(DRM "card0-HDMI-A-1/edid", &len);
	assert_int_equal(edid_parse((unsigned char *)b, len, &ei, &why), 0);
	assert_string_equal(ei.pnp, "DEL");
	assert_int_equal(ei.week, 12);
	assert_int_equal(ei.serial, 0x4C4B3842);
	assert_string_equal(ei.serial_str, "CN0XYZ12AB34");
	free(b);
}

static void test_hostile(void **state)
{
	struct edid_info ei;
	const char *why;
	unsigned char b[128];
	size_t len;
	char *f;

	(void)state;
	f = slurp(DRM "card0-DP-2/edid", &len);
	assert_int_equal(edid_parse((unsigned char *)f, len, &ei, &why), -1);
	assert_string_equal(why, "checksum is wrong");
	free(f);
	f = slurp(DRM "card0-DP-3/edid", &len);
	assert_int_equal(edid_parse((unsigned char *)f, len, &ei, &why), -1);
	assert_string_equal(why, "shorter than the 128-byte base block");
	free(f);
	memset(b, 0, sizeof b);
	assert_int_equal(edid_parse(b, sizeof b, &ei, &why), -1);
	assert_string_equal(why, "no EDID header");
	/* a valid checksum over a manufacturer id of zeros */
	memcpy(b, "\x00\xff\xff\xff\xff\xff\xff\x00", 8);
	b[127] = (unsigned char)-(0xff * 6);
	assert_int_equal(edid_parse(b, sizeof b, &ei, &why), -1);
	assert_string_equal(why, "manufacturer id is not three letters");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_panel_and_monitor),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests_name("edid", tests, NULL, NULL);
}
