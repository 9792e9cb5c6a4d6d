/* test_names.c - company-name match keys, the name index of the database,
 * and the usb.ids reader. */
#include "testutil.h"

#include "../../probes/usb/usb_ids.h"
#include "../../vendor-db/db.h"
#include "../../vendor-db/names.h"

static void key_is(const char *name, const char *want)
{
	char *k = name_key(name);

	assert_string_equal(k, want);
	free(k);
}

static void test_name_keys(void **state)
{
	(void)state;
	key_is("HUAWEI TECHNOLOGIES CO.,LTD", "huawei");
	key_is("Huawei Technologies Co., Ltd.", "huawei");
	key_is("  huawei  ", "huawei");
	key_is("TP-LINK", "tp link");
	key_is("TP-Link Technologies Co., Ltd.", "tp link");
	key_is("Realtek Semiconductor Corp.", "realtek semiconductor");
	key_is("Logitech, Inc.", "logitech");
	key_is("Co., Ltd.", "");
	key_is("\xE5\x8D\x8E\xE4\xB8\xBA", ""); /* non-ASCII alone matches nothing */
}

static void test_lookup_by_name(void **state)
{
	static const char text[] =
		"source s date=2020-01-01 title=T\n"
		"source s2 date=2020-01-01 title=T2\n"
		"entity huawei name=\"Huawei Technologies Co., Ltd.\" country=CN control=private src=s\n"
		"entity realtek name=\"Realtek Semiconductor Corp.\" country=TW control=public src=s\n"
		"alias realtek \"Realtek\" src=s2\n"
		"entity a name=\"Acme Inc.\" country=US control=public src=s\n"
		"entity b name=\"ACME Corporation\" country=US control=public src=s\n"
		"entity hold name=\"Huawei Investment & Holding Co., Ltd.\" country=CN control=private src=s\n"
		"alias hold \"Huawei Holding\" src=s\n"
		"owner hold huawei share=100 src=s\n";
	char *path = write_temp("names", text, sizeof text - 1);
	struct hw_err e = {0};
	struct db *db = db_new();
	const char *src = NULL;

	(void)state;
	if (db_load_file(db, path, &e) < 0 || db_finish(db, &e) < 0)
		fail_msg("%s", e.msg);
	/* "Huawei Holding" shares the key: the owned company wins */
	assert_string_equal(db_lookup_name(db, "HUAWEI", NULL)->id, "huawei");
	assert_string_equal(db_lookup_name(db, "Huawei Investment & Holding", NULL)->id, "hold");
	assert_string_equal(db_lookup_name(db, "Realtek", &src)->id, "realtek");
	assert_string_equal(db_lookup_name(db, "REALTEK SEMICONDUCTOR CORP", NULL)->id, "realtek");
	assert_string_equal(src, "s2");
	assert_null(db_lookup_name(db, "Generic", NULL));
	assert_null(db_lookup_name(db, "", NULL));
	/* two entities share the key: neither is named */
	assert_null(db_lookup_name(db, "acme", NULL));
	db_free(db);
	unlink(path);
	free(path);
}

static void test_usb_ids(void **state)
{
	static const char text[] = "# comment\n"
				   "046d  Logitech, Inc.\n"
				   "\tc52b  Unifying Receiver\n"
				   "\t\t0000  an interface line\n"
				   "12d1  Huawei Technologies Co., Ltd.\n"
				   "\t15c1  ME906s LTE M.2 Module\n"
				   "zzzz  not a vendor\n"
				   "\t1234  product of nobody we could read\n"
				   "C 03  Human Interface Device\n"
				   "\t01  Boot Interface Subclass\n";
	char *path = write_temp("usbids", text, sizeof text - 1);
	struct hw_err e = {0};
	struct usb_ids *ids = usb_ids_load(path, &e);

	(void)state;
	assert_non_null(ids);
	assert_string_equal(usb_ids_vendor(ids, 0x046d), "Logitech, Inc.");
	assert_string_equal(usb_ids_product(ids, 0x046d, 0xc52b), "Unifying Receiver");
	assert_string_equal(usb_ids_product(ids, 0x12d1, 0x15c1), "ME906s LTE M.2 Module");
	assert_null(usb_ids_product(ids, 0x12d1, 0x1234));
	assert_null(usb_ids_vendor(ids, 0x0003)); /* "C 03" is a class, not a vendor */
	assert_null(usb_ids_vendor(NULL, 0x046d));
	usb_ids_free(ids);
	assert_null(usb_ids_load("/nonexistent/usb.ids", &e));
	assert_string_equal(e.msg, "/nonexistent/usb.ids: No such file or directory");
	unlink(path);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_keys),
		cmocka_unit_test(test_lookup_by_name),
		cmocka_unit_test(test_usb_ids),
	};

	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
