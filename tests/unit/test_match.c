/* test_match.c - the one name matcher (vendor-db/match.h), the placeholder
 * list and the disk model prefixes of the database, and their checks. */
#include "testutil.h"

#include "../../vendor-db/db.h"
#include "../../vendor-db/match.h"

static const char world[] =
	"source s date=2020-01-01 title=T\n"
	"entity thtf name=\"Tsinghua Tongfang Co., Ltd.\" country=CN control=subsidiary src=s\n"
	"entity tsinghua-holdings name=\"Tsinghua Holdings Co., Ltd.\" country=CN control=soe-central src=s\n"
	"entity hygon name=\"Hygon Information Technology Co., Ltd.\" country=CN control=subsidiary src=s\n"
	"entity cgw name=\"China Great Wall Technology Group Co., Ltd.\" country=CN control=subsidiary src=s\n"
	"alias cgw \"Great Wall\" src=s\n"
	"entity cec name=\"China Electronics Corporation\" country=CN control=soe-central src=s\n"
	"entity samsung name=\"Samsung Electronics Co., Ltd.\" country=KR control=public src=s\n"
	"alias samsung \"Samsung\" src=s\n"
	"entity amd name=\"Advanced Micro Devices, Inc.\" country=US control=public src=s\n"
	"entity seagate name=\"Seagate Technology Holdings plc\" country=IE control=public src=s\n"
	"entity micron name=\"Micron Technology, Inc.\" country=US control=public src=s\n"
	"entity ymtc name=\"Yangtze Memory Technologies Co., Ltd.\" country=CN control=state-fund src=s\n"
	"placeholder \"To Be Filled By O.E.M.\" src=s\n"
	"placeholder \"ABCD\" src=s\n"
	"placeholder \"Manufacturer0\" src=s\n"
	"model \"ST\" seagate src=s\n"
	"model \"CT\" micron src=s\n"
	"model \"Crucial_CT\" micron src=s\n"
	"model \"ZHITAI\" ymtc src=s\n";

static struct db *load(const char *text, struct hw_err *e, int *rc)
{
	char *path = write_temp("match", text, strlen(text));
	struct db *db = db_new();

	*rc = db_load_file(db, path, e) < 0 || db_finish(db, e) < 0 ? -1 : 0;
	unlink(path);
	free(path);
	return db;
}

static void matches(const struct db *db, const char *name, const char *want,
		    enum db_match_how how)
{
	struct db_match m;

	if (db_match_name(db, name, &m) != how)
		fail_msg("\"%s\": how %d, expected %d", name, m.how, how);
	if (want && (!m.entity || strcmp(m.entity->id, want)))
		fail_msg("\"%s\": %s, expected %s", name, m.entity ? m.entity->id : "none", want);
	if (!want && m.entity)
		fail_msg("\"%s\": %s, expected nobody", name, m.entity->id);
}

static void test_matcher(void **state)
{
	struct hw_err e = {0};
	int rc;
	struct db *db = load(world, &e, &rc);

	(void)state;
	if (rc)
		fail_msg("%s", e.msg);
	matches(db, "SAMSUNG ELECTRONICS CO.,LTD", "samsung", MATCH_NAME);
	/* the longest run of leading words: Tongfang, not Tsinghua Holdings */
	matches(db, "TSINGHUA TONGFANG COMPUTER", "thtf", MATCH_LEADING);
	matches(db, "Tsinghua", "tsinghua-holdings", MATCH_NAME);
	matches(db, "Advanced Micro Devices, Inc. [AMD]", "amd", MATCH_LEADING);
	matches(db, "Samsung SSD 970 EVO", "samsung", MATCH_LEADING);
	/* blanks ignored */
	matches(db, "GreatWall", "cgw", MATCH_COMPACT);
	matches(db, "GREAT WALL", "cgw", MATCH_NAME);
	/* one word, the first of one entity's name */
	matches(db, "Hygon", "hygon", MATCH_FIRST_WORD);
	/* ...but a first word several entities share names nobody */
	matches(db, "China", NULL, MATCH_SHARED);
	/* short words are not guessed at */
	matches(db, "Sea", NULL, MATCH_NONE);
	matches(db, "Acme Widgets", NULL, MATCH_NONE);
	/* placeholders name nobody, however written */
	matches(db, "To be filled by O.E.M.", NULL, MATCH_PLACEHOLDER);
	matches(db, "TO BE FILLED BY OEM", NULL, MATCH_PLACEHOLDER);
	matches(db, "ABCD", NULL, MATCH_PLACEHOLDER);
	matches(db, "Manufacturer0", NULL, MATCH_PLACEHOLDER);
	matches(db, "   ", NULL, MATCH_PLACEHOLDER);
	matches(db, "-", NULL, MATCH_PLACEHOLDER);
	/* a placeholder is not a prefix rule: more words name someone */
	matches(db, "Manufacturer1", NULL, MATCH_NONE);
	db_free(db);
}

static void test_placeholders(void **state)
{
	struct hw_err e = {0};
	int rc;
	struct db *db = load(world, &e, &rc);
	const struct db_placeholder *p;
	size_t n;

	(void)state;
	assert_int_equal(rc, 0);
	p = db_placeholder(db, "to be filled by o.e.m");
	assert_non_null(p);
	assert_string_equal(p->name, "To Be Filled By O.E.M.");
	assert_int_equal(p->fact.line, 14);
	assert_null(db_placeholder(db, "Samsung"));
	db_placeholders(db, &n);
	assert_int_equal(n, 3);
	db_free(db);
}

static void test_models(void **state)
{
	struct hw_err e = {0};
	int rc;
	struct db *db = load(world, &e, &rc);

	(void)state;
	assert_int_equal(rc, 0);
	assert_string_equal(db_model(db, "ST1000DM010-2EP102")->entity, "seagate");
	assert_string_equal(db_model(db, "st500lm030")->entity, "seagate"); /* case */
	/* the longest prefix wins */
	assert_string_equal(db_model(db, "Crucial_CT256MX100SSD1")->prefix, "Crucial_CT");
	assert_string_equal(db_model(db, "CT500MX500SSD1")->prefix, "CT");
	assert_string_equal(db_model(db, "ZHITAI TiPro7000 1TB")->entity, "ymtc");
	/* from the start only */
	assert_null(db_model(db, "KBG40ZNS256G NVMe KIOXIA 256GB"));
	assert_null(db_model(db, "S"));
	assert_null(db_model(db, ""));
	db_free(db);
}

static void bad(const char *extra, const char *want)
{
	char text[4096];
	struct hw_err e = {0};
	int rc;
	struct db *db;

	snprintf(text, sizeof text, "%s%s", world, extra);
	db = load(text, &e, &rc);
	if (rc != -1)
		fail_msg("no error for: %s", extra);
	if (!strstr(e.msg, want))
		fail_msg("\"%s\" does not say \"%s\"", e.msg, want);
	db_free(db);
}

static void test_checks(void **state)
{
	(void)state;
	bad("placeholder \"to be filled by oem\" src=s\n", "is already listed at");
	bad("placeholder \"--\" src=s\n", "has no letter or digit");
	bad("placeholder \"X\"\n", "needs src=");
	bad("placeholder \"X\" src=nope\n", "unknown source 'nope'");
	bad("model \"st\" micron src=s\n", "model \"st\" is already listed at");
	bad("model \"WDC \" wd src=s\n", "names unknown entity 'wd'");
	bad("model \"S\" seagate src=s\n", "2 to 63 bytes");
	bad("model \"ST\" src=s\n", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matcher),
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_models),
		cmocka_unit_test(test_checks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
