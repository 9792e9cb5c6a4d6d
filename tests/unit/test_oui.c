/* test_oui.c - MAC registrant lookups, with and without the cached index:
 * the same answers, an index rebuilt when a registry changes, and a bad
 * cache file never believed. */
#define _GNU_SOURCE /* memmem */
#include "testutil.h"

#include <dirent.h>
#include <stdint.h>
#include <sys/stat.h>

#include "../../probes/net/oui.h"

static char ieee[64], cache[64];

/* The size of oui_index.c's header: magic, counts, 4 signatures, SHA-256. */
#define HEAD 176

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(1 << 20);

	assert_non_null(f);
	assert_non_null(buf);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static void spill(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	fclose(f);
}

static void copy(const char *from, const char *to)
{
	size_t len;
	char *buf = slurp(from, &len);

	spill(to, buf, len);
	free(buf);
}

/* The one cache file, or "" when there is none. */
static void cache_file(char *out, size_t n)
{
	DIR *d = opendir(cache);
	struct dirent *de;
	int count = 0;

	out[0] = '\0';
	assert_non_null(d);
	while ((de = readdir(d)))
		if (de->d_name[0] != '.') {
			snprintf(out, n, "%s/%s", cache, de->d_name);
			count++;
		}
	closedir(d);
	assert_true(count <= 1);
}

static int setup(void **state)
{
	static const char *const files[] = {"oui.csv", "mam.csv", "oui36.csv"};
	char from[512], to[512];

	(void)state;
	strcpy(ieee, "/tmp/hwbom-test-ieee-XXXXXX");
	strcpy(cache, "/tmp/hwbom-test-cache-XXXXXX");
	assert_non_null(mkdtemp(ieee));
	assert_non_null(mkdtemp(cache));
	for (size_t i = 0; i < 3; i++) {
		snprintf(from, sizeof from, "%s/ieee/%s", FIXTURES, files[i]);
		snprintf(to, sizeof to, "%s/%s", ieee, files[i]);
		copy(from, to);
	}
	setenv("HWBOM_CACHE_DIR", cache, 1);
	return 0;
}

static int teardown(void **state)
{
	char cmd[256];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", ieee, cache);
	return system(cmd);
}

static void expect(const char *mac, const char *prefix, const char *org, const char *country)
{
	struct oui_hit hit;
	struct hw_err e = {0};

	assert_int_equal(oui_lookup(ieee, mac, &hit, &e), 1);
	assert_string_equal(hit.prefix, prefix);
	assert_string_equal(hit.org, org);
	assert_string_equal(hit.country, country);
}

static void expect_none(const char *mac)
{
	struct oui_hit hit;
	struct hw_err e = {0};

	assert_int_equal(oui_lookup(ieee, mac, &hit, &e), 0);
}

static void answers(void)
{
	expect("30fbb8123456", "30FBB8", "HUAWEI TECHNOLOGIES CO.,LTD", "CN");
	expect("3CFDFE000001", "3CFDFE", "Intel Corporate", "MY");
	/* the longer MA-M block inside 3CFDFE wins */
	expect("3cfdfea12345", "3CFDFEA", "Example \"Quoted\" Networks", "GB");
	expect_none("0200deadbeef");
}

static void test_index_built_and_used(void **state)
{
	char idx[512];
	struct stat st;

	(void)state;
	cache_file(idx, sizeof idx);
	assert_string_equal(idx, "");
	answers();
	cache_file(idx, sizeof idx);
	assert_string_not_equal(idx, "");
	assert_int_equal(stat(idx, &st), 0);
	assert_true(st.st_size > HEAD);
	answers(); /* now from the saved index */
}

static void test_index_follows_registry_update(void **state)
{
	char path[512], idx[512];
	size_t len, ilen, ilen2;
	char *buf, *at, *before, *after;

	(void)state;
	answers();
	cache_file(idx, sizeof idx);
	before = slurp(idx, &ilen);
	/* an ieee-data update: Huawei's line renamed, every later offset moved */
	snprintf(path, sizeof path, "%s/oui.csv", ieee);
	buf = slurp(path, &len);
	at = strstr(buf, "HUAWEI TECHNOLOGIES CO.,LTD");
	assert_non_null(at);
	{
		char *out = malloc(len + 16);
		size_t head = (size_t)(at - buf), n;

		memcpy(out, buf, head);
		n = head + (size_t)sprintf(out + head, "Huawei Renamed Ltd");
		memcpy(out + n, at + strlen("HUAWEI TECHNOLOGIES CO.,LTD"),
		       len - head - strlen("HUAWEI TECHNOLOGIES CO.,LTD"));
		n += len - head - strlen("HUAWEI TECHNOLOGIES CO.,LTD");
		unlink(path); /* a new inode, as dpkg would make */
		spill(path, out, n);
		free(out);
	}
	expect("30fbb8123456", "30FBB8", "Huawei Renamed Ltd", "CN");
	expect("3CFDFE000001", "3CFDFE", "Intel Corporate", "MY");
	/* the saved index was rebuilt: new signature, moved offsets */
	after = slurp(idx, &ilen2);
	assert_int_equal(ilen2, ilen);
	assert_true(memcmp(before, after, ilen) != 0);
	free(before);
	free(after);
	spill(path, buf, len);
	free(buf);
	answers();
}

static void test_bad_cache_not_believed(void **state)
{
	char idx[512];
	size_t len;
	char *buf;

	(void)state;
	answers();
	cache_file(idx, sizeof idx);
	buf = slurp(idx, &len);
	/* every entry pointed at the start of its file: the line there does not
	 * say what the index says, so the registries are searched */
	for (size_t o = HEAD + 12; o + 4 <= len; o += 16)
		memset(buf + o, 0, 4);
	spill(idx, buf, len);
	answers();
	/* garbage of any length: rebuilt */
	spill(idx, "HWBOMOX2garbage", 15);
	answers();
	free(buf);
	buf = slurp(idx, &len);
	assert_true(len > HEAD);
	free(buf);
}

/* Replace the n bytes old by new wherever they stand in the index file. */
static void tamper(const char *idx, const char *old, const char *new, size_t n)
{
	size_t len;
	char *buf = slurp(idx, &len), *at = memmem(buf, len, old, n);

	assert_non_null(at);
	memcpy(at, new, n);
	spill(idx, buf, len);
	free(buf);
}

/* Same-size edits of entries, which the signatures (size, inode, mtime of
 * the registries) and the length check cannot see: a miss is an answer
 * too (a Huawei NIC "not in the IEEE registries"), and so is a shorter
 * prefix found where a longer one was hidden. The digest catches them: the
 * index is rebuilt, the answers right, the file as it was. */
static void test_tampered_index_rebuilt(void **state)
{
	char idx[512];
	size_t len, len2;
	char *before, *after;

	(void)state;
	answers();
	cache_file(idx, sizeof idx);
	before = slurp(idx, &len);
	tamper(idx, "30FBB8", "000000", 6);
	expect("30fbb8123456", "30FBB8", "HUAWEI TECHNOLOGIES CO.,LTD", "CN");
	tamper(idx, "3CFDFEA", "3CFDFEB", 7);
	expect("3cfdfea12345", "3CFDFEA", "Example \"Quoted\" Networks", "GB");
	after = slurp(idx, &len2);
	assert_int_equal(len2, len);
	assert_memory_equal(before, after, len);
	free(before), free(after);
	/* the digest itself edited: rebuilt too */
	before = slurp(idx, &len);
	before[HEAD - 1] ^= 1;
	spill(idx, before, len);
	answers();
	after = slurp(idx, &len2);
	assert_true(after[HEAD - 1] != before[HEAD - 1]);
	free(before), free(after);
}

static void test_no_cache_directory(void **state)
{
	(void)state;
	setenv("HWBOM_CACHE_DIR", "/nonexistent/hwbom-cache", 1);
	answers();
	setenv("HWBOM_CACHE_DIR", cache, 1);
}

static void test_no_registry(void **state)
{
	struct oui_hit hit;
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(oui_lookup("/nonexistent", "30fbb8123456", &hit, &e), -1);
	assert_non_null(strstr(e.msg, "no IEEE registry"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index_built_and_used),
		cmocka_unit_test(test_index_follows_registry_update),
		cmocka_unit_test(test_bad_cache_not_believed),
		cmocka_unit_test(test_tampered_index_rebuilt),
		cmocka_unit_test(test_no_cache_directory),
		cmocka_unit_test(test_no_registry),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
