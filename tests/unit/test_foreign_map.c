/* test_foreign_map.c - others' CycloneDX components as hwbom's: cdx-hbom's
 * property names, the taxonomy's, a vendor's names, and what is left
 * unmapped said so. */
#include "testutil.h"

#include "../../output/foreign_map.h"

static void test_cdx_hbom_pci(void **state)
{
	static const char *const pn[] = {
	    "cdx:hbom:hardwareClass",  "cdx:hbom:pciSlot",           "cdx:hbom:vendorId",
	    "cdx:hbom:productId",      "cdx:hbom:subsystemVendorId", "cdx:hbom:subsystemDeviceId",
	    "cdx:hbom:deviceRevision", "cdx:hbom:modalias",          "cdx:hbom:clockHz"};
	static const char *const pv[] = {
	    "pci-device", "0000:00:01.0",
	    "1AF4",       "1045",
	    "1af4",       "1045",
	    "01",         "pci:v00001AF4d00001045sv00001AF4sd00001045bcFFscFFi00",
	    "33000000"};
	struct foreign_comp fc = {.type = "device",
	                          .name = "Virtio 1.0 memory balloon",
	                          .manufacturer = "Red Hat, Inc.",
	                          .pname = pn,
	                          .pvalue = pv,
	                          .nprops = 9};
	struct bom *b = bom_new();
	struct bom_component *c = foreign_map(b, &fc);

	(void)state;
	assert_non_null(c);
	assert_string_equal(c->kind, "pci");
	assert_string_equal(c->location, "0000:00:01.0");
	assert_string_equal(bom_id_value(c, "pci.vendor"), "1af4");
	assert_string_equal(bom_id_value(c, "pci.subdevice"), "1045");
	assert_string_equal(bom_id_value(c, "pci.class"), "ffff00");
	assert_string_equal(bom_id_value(c, "pci.revision"), "01");
	assert_null(bom_id_value(c, "pci.vendor-name")); /* the id says it */
	assert_string_equal(bom_get_cprop(c, "foreign.unmapped"), "cdx:hbom:clockHz");
	/* the same slot again: numbered, not merged */
	c = foreign_map(b, &fc);
	assert_string_equal(c->location, "0000:00:01.0#2");
	bom_free(b);
}

static void test_vendor_names(void **state)
{
	static const char *const pn[] = {"cdx:hbom:hardwareClass", "cdx:device:serialNumber"};
	static const char *const pv[] = {"system", "2102312ABC"};
	static const char *const hn[] = {"hwbom:kind", "hwbom:location", "hwbom:id:usb.vendor"};
	static const char *const hv[] = {"usb", "usb:1-2", "12d1"};
	struct foreign_comp sys = {.type = "device",
	                           .name = "TaiShan 200",
	                           .manufacturer = "HUAWEI",
	                           .serial = "2102312ABC",
	                           .pname = pn,
	                           .pvalue = pv,
	                           .nprops = 2};
	struct foreign_comp own = {.type = "device", .pname = hn, .pvalue = hv, .nprops = 3};
	struct foreign_comp lib = {.type = "library", .name = "openssl"};
	struct bom *b = bom_new();
	struct bom_component *c;

	(void)state;
	c = foreign_map(b, &sys);
	assert_string_equal(c->kind, "system");
	assert_string_equal(c->location, "system");
	assert_string_equal(bom_id_value(c, "smbios.manufacturer"), "HUAWEI");
	assert_string_equal(bom_id_value(c, "smbios.serial"), "2102312ABC");
	assert_null(bom_get_cprop(c, "foreign.unmapped"));
	c = foreign_map(b, &own); /* hwbom's own contract, as it is */
	assert_string_equal(c->kind, "usb");
	assert_string_equal(c->location, "usb:1-2");
	assert_string_equal(bom_id_value(c, "usb.vendor"), "12d1");
	assert_null(foreign_map(b, &lib)); /* software: not hardware to judge */
	assert_int_equal(b->ncomponents, 2);
	bom_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cdx_hbom_pci),
	    cmocka_unit_test(test_vendor_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
