/* test_bom.c - the BOM model. */
#include "testutil.h"

#include "../../output/bom.h"

static void test_components_ids_and_sort(void **state)
{
	struct bom *b = bom_new();
	struct bom_component *c1, *c2, *c3, *u1, *u2;
	char *ref;

	(void)state;
	u1 = bom_add_component(b, "usb", "usb:1-10");
	c2 = bom_add_component(b, "pci", "0000:00:1f.6");
	u2 = bom_add_component(b, "usb", "usb:1-2");
	c3 = bom_add_component(b, "pci", "0000:3b:00.0");
	c1 = bom_add_component(b, "pci", "0000:3b:00.1");
	bom_add_id(c1, "pci.vendor", "8086", "Intel Corporation");
	bom_add_id(c1, "pci.subvendor", "17aa", NULL);
	assert_string_equal(bom_get_id(c1, "pci.vendor")->value, "8086");
	assert_string_equal(bom_get_id(c1, "pci.vendor")->name, "Intel Corporation");
	assert_null(bom_get_id(c1, "pci.subvendor")->name);
	assert_null(bom_get_id(c1, "usb.vendor"));
	assert_null(bom_get_id(c2, "pci.vendor"));
	/* grouped by kind; each probe's own order kept within a kind */
	bom_sort(b);
	assert_ptr_equal(b->components[0], c2);
	assert_ptr_equal(b->components[1], c3);
	assert_ptr_equal(b->components[2], c1);
	assert_ptr_equal(b->components[3], u1);
	assert_ptr_equal(b->components[4], u2);
	ref = bom_ref(c1);
	assert_string_equal(ref, "pci:0000:3b:00.1");
	free(ref);
	ref = bom_ref(u1);
	assert_string_equal(ref, "usb:1-10");
	free(ref);
	bom_add_cprop(u1, "usb.speed", "480");
	assert_string_equal(bom_get_cprop(u1, "usb.speed"), "480");
	assert_null(bom_get_cprop(u1, "usb.version"));
	bom_free(b);
}

/* Repeated locations get BASE#2, #3, ..., skipping a name that is another
 * component's own; the refs are the same every time. */
static void test_unique_refs(void **state)
{
	struct bom *b = bom_new();
	const char *want[] = {"memory:DIMM_A1", "memory:DIMM_A1#3", "memory:DIMM_A1#4",
			      "memory:DIMM_A1#2", "cpu:CPU0", "cpu:CPU0#2", "usb:1-2"};

	(void)state;
	/* bom_add_component() already renames a repeated place ("DIMM_A1 #2",
	 * test_unique_locations_and_placeholder_serials); the refs must be
	 * unique even where a location was set to a repeat afterwards */
	bom_add_component(b, "memory", "DIMM_A1");
	bom_set(&bom_add_component(b, "memory", "x")->location, "DIMM_A1");
	bom_set(&bom_add_component(b, "memory", "y")->location, "DIMM_A1");
	bom_add_component(b, "memory", "DIMM_A1#2"); /* its own: kept */
	bom_add_component(b, "cpu", "CPU0");
	bom_set(&bom_add_component(b, "cpu", "z")->location, "CPU0");
	bom_add_component(b, "usb", "usb:1-2");
	for (int round = 0; round < 2; round++) {
		bom_unique_refs(b);
		for (size_t i = 0; i < b->ncomponents; i++) {
			char *ref = bom_ref(b->components[i]);

			assert_string_equal(ref, want[i]);
			free(ref);
		}
	}
	bom_free(b);
}

static void test_strings_are_sanitised_on_entry(void **state)
{
	struct bom *b = bom_new();
	struct bom_component *c = bom_add_component(b, "pci", "bad\x01loc");

	(void)state;
	bom_set(&c->name, "Evil\x1b[2J\xff");
	assert_string_equal(c->location, "bad\xEF\xBF\xBDloc");
	assert_string_equal(c->name, "Evil\xEF\xBF\xBD[2J\xEF\xBF\xBD");
	bom_set(&c->name, NULL);
	assert_null(c->name);
	bom_free(b);
}

static void test_attrs_findings_coverage(void **state)
{
	struct bom *b = bom_new();
	struct bom_component *c = bom_add_component(b, "pci", "0000:00:00.0");
	struct bom_attr *a;

	(void)state;
	a = bom_add_attr(c, "chip-vendor", "pci:19e5");
	bom_set(&a->entity, "huawei");
	bom_add_attr(c, "card-assembler", "pci:17aa");
	assert_ptr_equal(bom_find_attr(c, "chip-vendor"), &c->attrs[0]);
	assert_string_equal(bom_find_attr(c, "card-assembler")->key, "pci:17aa");
	assert_null(bom_find_attr(c, "device-vendor"));
	bom_add_finding(c, VERDICT_BLOCK, "ndaa889", "r", "chip-vendor", "huawei", "why");
	assert_int_equal(c->nfindings, 1);
	assert_int_equal(c->findings[0].severity, VERDICT_BLOCK);

	assert_null(bom_get_coverage(b, "pci"));
	bom_set_coverage(b, "pci", "read", "live");
	bom_set_coverage(b, "pci", "error", NULL); /* replaces, does not add */
	assert_int_equal(b->ncoverage, 1);
	assert_string_equal(bom_get_coverage(b, "pci")->state, "error");
	assert_null(bom_get_coverage(b, "pci")->detail);
	bom_free(b);
}

/* A place given twice gets " #2"; a placeholder serial is left out, a real
 * one kept. */
static void test_unique_locations_and_placeholder_serials(void **state)
{
	struct bom *b = bom_new();
	struct bom_component *c;

	(void)state;
	bom_add_component(b, "memory", "DIMM0");
	bom_add_component(b, "memory", "DIMM0");
	c = bom_add_component(b, "memory", "DIMM0");
	assert_string_equal(b->components[1]->location, "DIMM0 #2");
	assert_string_equal(c->location, "DIMM0 #3");
	assert_string_equal(bom_add_component(b, "cpu", "DIMM0")->location, "DIMM0");
	bom_add_id(c, "smbios.serial", "To Be Filled By O.E.M.", NULL);
	bom_add_id(c, "smbios.serial", "00000000", NULL);
	bom_add_id(c, "smbios.serial", "--", NULL);
	bom_add_id(c, "smbios.serial", " Not Specified ", NULL);
	bom_add_id(c, "storage.serial", "SerNum3", NULL);
	assert_int_equal(c->nids, 0);
	bom_add_id(c, "smbios.serial", "40E3A1B2", NULL);
	bom_add_id(c, "smbios.product", "Not Specified", NULL); /* not a serial: kept */
	assert_int_equal(c->nids, 2);
	assert_int_equal(bom_serial_placeholder("0"), 1);
	assert_int_equal(bom_serial_placeholder("A0"), 0);
	bom_free(b);
}

static void test_verdict_names_and_order(void **state)
{
	enum verdict v;

	(void)state;
	assert_true(VERDICT_BLOCK > VERDICT_REVIEW && VERDICT_REVIEW > VERDICT_UNKNOWN &&
		    VERDICT_UNKNOWN > VERDICT_INFO && VERDICT_INFO > VERDICT_CLEAN);
	for (int i = VERDICT_CLEAN; i <= VERDICT_BLOCK; i++) {
		assert_int_equal(verdict_parse(verdict_name((enum verdict)i), &v), 0);
		assert_int_equal(v, i);
	}
	assert_int_equal(verdict_parse("never", &v), -1);
	assert_int_equal(verdict_parse("BLOCK", &v), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_components_ids_and_sort),
		cmocka_unit_test(test_unique_refs),
		cmocka_unit_test(test_strings_are_sanitised_on_entry),
		cmocka_unit_test(test_attrs_findings_coverage),
		cmocka_unit_test(test_verdict_names_and_order),
		cmocka_unit_test(test_unique_locations_and_placeholder_serials),
	};

	return cmocka_run_group_tests_name("bom", tests, NULL, NULL);
}
