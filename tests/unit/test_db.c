/* test_db.c - loading, checking and querying the origin database. */
#include "testutil.h"

#include "../../vendor-db/db.h"

/* A small world: Huawei under its holding, Honor divested on 2020-11-17,
 * an affiliate under the same holding, Intel unlisted. */
static const char world[] =
	"source s1 date=2020-01-01 title=\"Test source\" url=https://example.org/\n"
	"source s2 date=2021-01-01 title=\"Other source\"\n"
	"entity holding name=\"Holding\" country=CN control=private src=s1\n"
	"entity huawei name=\"Huawei Technologies Co., Ltd.\" country=CN control=subsidiary src=s1\n"
	"entity hisilicon name=\"HiSilicon\" country=CN control=subsidiary src=s1,s2\n"
	"entity device name=\"Huawei Device\" country=CN control=subsidiary src=s1\n"
	"entity honor name=\"Honor Device Co., Ltd.\" country=CN control=state-fund src=s2\n"
	"entity intel name=\"Intel Corporation\" country=US control=public src=s1\n"
	"owner holding huawei share=100 src=s1\n"
	"owner huawei hisilicon src=s1 control=yes\n"
	"owner holding device share=60 src=s1\n"
	"owner huawei honor share=100 to=2020-11-17 src=s2\n"
	"owner holding intel share=10 src=s1\n" /* a minority stake is not control */
	"list huawei ndaa889 from=2019-08-13 src=s1\n"
	"id pci:19e5 huawei src=s1\n"
	"id pci:8086 intel src=s1\n"
	"alias huawei \"HUAWEI\" src=s1\n";

static struct db *load(const char *text, struct hw_err *e, int *rc)
{
	struct db *db = db_new();
	char *path = write_temp("db", text, strlen(text));

	*rc = db_load_file(db, path, e);
	if (!*rc)
		*rc = db_finish(db, e);
	unlink(path);
	free(path);
	return db;
}

/* Load text, which must fail with msg, where "F" stands for the file name. */
static void expect_error(const char *text, const char *msg)
{
	struct hw_err e = {0};
	struct db *db = db_new();
	char *path = write_temp("db", text, strlen(text)), got[HW_ERR_MAX], *o = got;
	size_t plen = strlen(path);

	if (db_load_file(db, path, &e) == 0 && db_finish(db, &e) == 0)
		fail_msg("no error for: %s", text);
	for (const char *p = e.msg; *p;)
		if (!strncmp(p, path, plen)) {
			*o++ = 'F';
			p += plen;
		} else {
			*o++ = *p++;
		}
	*o = '\0';
	assert_string_equal(got, msg);
	unlink(path);
	free(path);
	db_free(db);
}

static void test_lookup_and_fields(void **state)
{
	struct hw_err e = {0};
	int rc;
	struct db *db = load(world, &e, &rc);
	const struct db_ident *m;

	(void)state;
	assert_int_equal(rc, 0);
	m = db_lookup(db, "pci:19e5");
	assert_non_null(m);
	assert_string_equal(m->entity, "huawei");
	assert_string_equal(m->fact.src, "s1");
	assert_null(db_lookup(db, "pci:17aa"));
	assert_null(db_lookup(db, "usb:19e5"));
	assert_string_equal(db_entity(db, "honor")->country, "CN");
	assert_string_equal(db_source(db, "s1")->url, "https://example.org/");
	assert_null(db_source(db, "s3"));
	assert_int_equal(db_count_entities(db), 6);
	assert_int_equal(db_count_owners(db), 5);
	assert_int_equal(db_count_idents(db), 2);
	assert_int_equal(strlen(db_fingerprint(db)), 64);
	db_free(db);
}

/* Die makers inferred: a maker's own dies, and part-number schemes (the
 * longest prefix). */
static void test_dies_and_partno(void **state)
{
	static const char text[] =
		"source s date=2020-01-01 title=T\n"
		"entity sam name=S country=KR control=public src=s\n"
		"entity king name=K country=US control=private src=s\n"
		"dies sam src=s\n"
		"partno M393 king src=s\n" /* not so: the longer prefix below wins */
		"partno M393A sam src=s verified=no\n";
	struct hw_err e = {0};
	int rc;
	struct db *db = load(text, &e, &rc);

	(void)state;
	assert_int_equal(rc, 0);
	assert_non_null(db_own_dies(db, "sam"));
	assert_null(db_own_dies(db, "king"));
	assert_null(db_own_dies(db, NULL));
	assert_string_equal(db_partno(db, "M393A4K40DB3-CWE")->entity, "sam");
	assert_int_equal(db_partno(db, "M393A4K40DB3-CWE")->fact.unverified, 1);
	assert_string_equal(db_partno(db, "M393B1K70")->entity, "king");
	assert_null(db_partno(db, "M39"));
	assert_null(db_partno(db, NULL));
	db_free(db);
}

static void test_control_over_time(void **state)
{
	struct hw_err e = {0};
	int rc;
	struct db *db = load(world, &e, &rc);
	const struct db_entity *honor = db_entity(db, "honor");

	(void)state;
	assert_string_equal(db_controller(db, db_entity(db, "hisilicon"), "2024-01-01")->id,
			    "holding");
	assert_string_equal(db_controller(db, honor, "2020-11-16")->id, "holding");
	/* the divestiture date ends the edge */
	assert_string_equal(db_controller(db, honor, "2020-11-17")->id, "honor");
	assert_null(db_parent(db, honor, "2021-01-01"));
	/* look-through: holding 100% of huawei, huawei control=yes without a
	 * share over hisilicon: unknown; device 60% */
	assert_true(db_lookthrough_share(db, db_entity(db, "huawei"), "2024-01-01") == 100);
	assert_true(db_lookthrough_share(db, db_entity(db, "hisilicon"), "2024-01-01") < 0);
	assert_true(db_lookthrough_share(db, db_entity(db, "device"), "2024-01-01") == 60);
	assert_true(db_lookthrough_share(db, db_entity(db, "intel"), "2024-01-01") == 100);
	/* 10% is a stake, not control */
	assert_string_equal(db_controller(db, db_entity(db, "intel"), "2024-01-01")->id, "intel");
	db_free(db);
}

static void test_coverage_by_reach(void **state)
{
	struct hw_err e = {0};
	int rc;
	struct db *db = load(world, &e, &rc);
	const struct db_entity *m;
	const struct db_list *l;
	const char *d = "2024-01-01";

	(void)state;
	assert_true(db_covered(db, db_entity(db, "huawei"), "ndaa889", REACH_SELF, d, &m, &l));
	assert_string_equal(m->id, "huawei");
	assert_string_equal(l->from, "2019-08-13");
	assert_false(db_covered(db, db_entity(db, "huawei"), "ndaa889", REACH_SELF, "2019-08-12",
				&m, &l));
	/* a subsidiary: covered through its parent, not by itself */
	assert_false(db_covered(db, db_entity(db, "hisilicon"), "ndaa889", REACH_SELF, d, &m, &l));
	assert_true(db_covered(db, db_entity(db, "hisilicon"), "ndaa889", REACH_SUBSIDIARIES, d,
			       &m, &l));
	assert_string_equal(m->id, "huawei");
	/* a sister company: only as an affiliate */
	assert_false(db_covered(db, db_entity(db, "device"), "ndaa889", REACH_SUBSIDIARIES, d, &m,
				&l));
	assert_true(db_covered(db, db_entity(db, "device"), "ndaa889", REACH_AFFILIATES, d, &m,
			       &l));
	assert_string_equal(m->id, "huawei");
	/* the parent itself is an affiliate too */
	assert_true(db_covered(db, db_entity(db, "holding"), "ndaa889", REACH_AFFILIATES, d, &m,
			       &l));
	/* Honor: covered while Huawei owned it, not after */
	assert_true(db_covered(db, db_entity(db, "honor"), "ndaa889", REACH_AFFILIATES,
			       "2020-01-01", &m, &l));
	assert_false(db_covered(db, db_entity(db, "honor"), "ndaa889", REACH_AFFILIATES,
				"2021-01-01", &m, &l));
	assert_false(db_covered(db, db_entity(db, "intel"), "ndaa889", REACH_AFFILIATES, d, &m,
				&l));
	assert_false(db_covered(db, db_entity(db, "huawei"), "fcc-covered", REACH_AFFILIATES, d,
				&m, &l));
	db_free(db);
}

static void test_malformed_files(void **state)
{
	static const char head[] = "source s date=2020-01-01 title=T\n"
				   "entity a name=A country=CN control=private src=s\n";
	char buf[1024];

	(void)state;
#define BAD(line, msg)                                                   \
	do {                                                             \
		snprintf(buf, sizeof buf, "%s%s", head, line);           \
		expect_error(buf, msg);                                  \
	} while (0)
	BAD("entity b name=B country=cn control=private src=s\n",
	    "F:3: entity 'b' needs country= as two capital letters (ISO 3166-1)");
	BAD("entity b name=B country=US control=maybe src=s\n",
	    "F:3: entity 'b': control= must be one of soe-central, soe-local, state-fund, "
	    "state-stake, private, public, subsidiary, government, unknown");
	BAD("entity b name=B country=US control=public\n", "F:3: 'entity' needs src= naming its source");
	BAD("entity b name=B country=US control=public src=nosuch\n", "F:3: unknown source 'nosuch'");
	BAD("entity a name=A2 country=CN control=private src=s\n",
	    "F:3: entity 'a' is already defined at F:2");
	BAD("id pci:19E5 a src=s\n",
	    "F:3: bad identifier 'pci:19E5' (NS:KEY, NS one of pci usb oui pnp jedec cpuid arm tpm "
	    "smbios; pci and usb keys are 4 lower-case hex digits)");
	BAD("id pci:19e5 a src=s\nid pci:19e5 a src=s\n", "F:4: 'pci:19e5' is already mapped at F:3");
	BAD("id pci:19e5 b src=s\n", "F:3: 'pci:19e5' maps to unknown entity 'b'");
	BAD("list a ndaa889 from=2019-02-30 src=s\n", "F:3: from=2019-02-30 is not a date (YYYY-MM-DD)");
	BAD("list a ndaa889 from=2020-01-01 to=2019-01-01 src=s\n", "F:3: to= is not after from=");
	BAD("list b ndaa889 from=2020-01-01 src=s\n", "F:3: list 'ndaa889' names unknown entity 'b'");
	BAD("owner a b src=s\n", "F:3: owner a -> b names unknown entity 'b'");
	BAD("owner a a src=s\n", "F:3: 'a' cannot own itself");
	BAD("owner a a2 share=101 src=s\n", "F:3: share=101 is not a percentage (0 to 100)");
	BAD("entity b name=B country=US control=public src=s\nentity c name=C country=US control=public src=s\n"
	    "owner a b src=s\nowner b c src=s\nowner c a src=s\n",
	    "F:5: ownership cycle: b already owns a, directly or not");
	BAD("frobnicate x\n", "F:3: unknown record 'frobnicate' (source, entity, alias, list, owner, id, dies, partno, placeholder or model)");
	BAD("source s date=2020-01-01 title=T\n", "F:3: source 's' is already defined at F:1");
	BAD("dies b src=s\n", "F:3: dies names unknown entity 'b'");
	BAD("dies a\n", "F:3: 'dies' needs src= naming its source");
	BAD("partno M3 a src=s\n", "F:3: partno prefix 'M3': 3 to 32 characters");
	BAD("partno M393A b src=s\n", "F:3: partno names unknown entity 'b'");
#undef BAD
}

/* A user's overlay replaces shipped records with the same name or key, and
 * says so; two overlays may still not contradict each other. */
static void test_overlay_wins(void **state)
{
	static const char overlay[] =
		"source s2 date=2026-01-01 title=\"Local correction\"\n"
		"entity intel name=\"Intel Corporation\" country=IE control=public src=s2\n"
		"id pci:19e5 intel src=s2\n"
		"id usb:8087 intel src=s2\n";
	struct hw_err e = {0};
	struct db *db = db_new();
	char *wpath = write_temp("db", world, strlen(world));
	char *opath = write_temp("db", overlay, strlen(overlay));
	const struct db_ident *m;

	(void)state;
	assert_int_equal(db_load_file(db, wpath, &e), 0);
	assert_int_equal(db_load_overlay(db, opath, &e), 0);
	assert_int_equal(db_finish(db, &e), 0);
	m = db_lookup(db, "pci:19e5");
	assert_non_null(m);
	assert_string_equal(m->entity, "intel");
	assert_true(m->fact.overlay);
	assert_string_equal(m->fact.file, opath);
	assert_false(db_lookup(db, "pci:8086")->fact.overlay);
	assert_string_equal(db_entity(db, "intel")->country, "IE");
	assert_string_equal(db_source(db, "s2")->title, "Local correction");
	/* replaced, not added */
	assert_int_equal(db_count_entities(db), 6);
	assert_int_equal(db_count_idents(db), 3);
	assert_int_equal(db_count_sources(db), 2);
	/* the shipped edges still hold: honor stays under huawei until 2020 */
	assert_string_equal(db_parent(db, db_entity(db, "honor"), "2019-01-01")->id, "huawei");
	db_free(db);

	/* the same overlay read twice contradicts itself */
	db = db_new();
	assert_int_equal(db_load_file(db, wpath, &e), 0);
	assert_int_equal(db_load_overlay(db, opath, &e), 0);
	assert_int_equal(db_load_overlay(db, opath, &e), 0);
	assert_int_equal(db_finish(db, &e), -1);
	assert_non_null(strstr(e.msg, "is already defined at"));
	db_free(db);
	unlink(wpath);
	unlink(opath);
	free(wpath);
	free(opath);
}

/* The shipped database loads, passes every check and maps the vendors the
 * PCI slice relies on. */
static void test_shipped_database(void **state)
{
	struct hw_err e = {0};
	struct db *db = db_new();
	static const struct {
		const char *key, *entity;
	} want[] = {
		{"pci:19e5", "huawei"}, {"pci:17aa", "lenovo"}, {"pci:8086", "intel"},
		{"pci:1cf2", "zte"},    {"pci:10de", "nvidia"}, {"pci:1028", "dell"},
		{"pci:144d", "samsung"}, {"pci:1af4", "red-hat"},
	};

	(void)state;
	if (db_load_dir(db, SRCDIR "/vendor-db/data", &e) < 0 || db_finish(db, &e) < 0)
		fail_msg("%s", e.msg);
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const struct db_ident *m = db_lookup(db, want[i].key);

		if (!m)
			fail_msg("%s is not mapped", want[i].key);
		assert_string_equal(m->entity, want[i].entity);
	}
	assert_true(db_count_entities(db) >= 59);
	db_free(db);
}

/* Every identifier of the reference entities resolves to its entity in the
 * shipped database (tests/fixtures/db/reference-ids.txt says which). */
static void test_reference_identifiers(void **state)
{
	struct hw_err e = {0};
	struct db *db = db_new();
	FILE *f = fopen(FIXTURES "/db/reference-ids.txt", "r");
	char line[256], key[128], entity[64];
	int n = 0;

	(void)state;
	assert_non_null(f);
	if (db_load_dir(db, SRCDIR "/vendor-db/data", &e) < 0 || db_finish(db, &e) < 0)
		fail_msg("%s", e.msg);
	while (fgets(line, sizeof line, f)) {
		const struct db_ident *m;

		if (line[0] == '#' || sscanf(line, "%127s %63s", key, entity) != 2)
			continue;
		m = db_lookup(db, key);
		if (!m)
			fail_msg("%s is not in the database", key);
		if (strcmp(m->entity, entity))
			fail_msg("%s maps to %s, not %s", key, m->entity, entity);
		n++;
	}
	fclose(f);
	assert_true(n >= 70);
	db_free(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup_and_fields),
		cmocka_unit_test(test_dies_and_partno),
		cmocka_unit_test(test_control_over_time),
		cmocka_unit_test(test_coverage_by_reach),
		cmocka_unit_test(test_malformed_files),
		cmocka_unit_test(test_overlay_wins),
		cmocka_unit_test(test_shipped_database),
		cmocka_unit_test(test_reference_identifiers),
	};

	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
