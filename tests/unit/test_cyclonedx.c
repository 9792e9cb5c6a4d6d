/* test_cyclonedx.c - the CycloneDX and text writers, on a BOM built by hand
 * with hostile strings; every XML result is validated against the
 * CycloneDX 1.6 XSD (from the npm package, see build-aux/get-schema.sh). */
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "../../output/cyclonedx.h"
#include "../../output/text.h"

#define SCHEMA SRCDIR "/tests/schema/bom-1.6.SNAPSHOT.xsd"

static struct bom *sample(void)
{
	struct bom *b = bom_new();
	struct bom_component *c;
	struct bom_attr *a;

	bom_set(&b->machine, "host\x01name");
	bom_set(&b->as_of, "2024-01-01");
	b->verdict = VERDICT_BLOCK;
	bom_set_coverage(b, "pci", "read", "lspci -x dump");
	bom_add_unseen(b, "device-vendor", "not-in-input", "no lsusb text or sysfs tree was given",
		       "lsusb -v > F; hwbom scan --lsusb F");

	c = bom_add_component(b, "pci", "0000:3c:00.0");
	bom_set(&c->name, "X710 <&> \"10G\" \xff\xfe evil\x1b]0;title\x07");
	bom_set(&c->description, "Ethernet controller");
	bom_set(&c->firmware, "2.4.1\x01");
	bom_add_id(c, "pci.vendor", "8086", "Intel Corporation");
	bom_add_id(c, "pci.subvendor", "19e5", "Huawei");
	a = bom_add_attr(c, "chip-vendor", "pci:8086");
	bom_set(&a->entity, "intel");
	bom_set(&a->name, "Intel Corporation");
	bom_set(&a->country, "US");
	bom_set(&a->controller, "intel");
	bom_set(&a->source, "pciids");
	a = bom_add_attr(c, "card-assembler", "pci:19e5");
	bom_set(&a->entity, "huawei");
	bom_set(&a->name, "Huawei Technologies Co., Ltd.");
	bom_set(&a->country, "CN");
	bom_add_finding(c, VERDICT_BLOCK, "ndaa889", "covered-producer", "card-assembler", "huawei",
			"huawei is on list ndaa889");
	c->verdict = VERDICT_BLOCK;

	c = bom_add_component(b, "pci", "0000:00:00.0"); /* no name, unknown vendor */
	bom_add_id(c, "pci.vendor", "abcd", NULL);
	bom_add_attr(c, "chip-vendor", "pci:abcd");
	bom_set(&c->unknown_reason, "chip-vendor pci:abcd (no name) is not in the origin database");
	c->verdict = VERDICT_UNKNOWN;
	return b;
}

static char *render(struct bom *b, const struct cdx_opts *o, int text, size_t *len)
{
	struct hw_err e = {0};
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	assert_non_null(f);
	if ((text ? text_write(b, f, 0, &e) : cyclonedx_write(b, f, o, &e)) < 0)
		fail_msg("%s", e.msg);
	fclose(f);
	return buf;
}

static void validate(const char *xml, size_t len)
{
	xmlSchemaParserCtxtPtr pc;
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr vc;
	xmlDocPtr doc;

	if (access(SCHEMA, R_OK) != 0)
		fail_msg("%s is missing: run 'make schema' (a test cannot pass without it)", SCHEMA);
	xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
	pc = xmlSchemaNewParserCtxt(SCHEMA);
	schema = xmlSchemaParse(pc);
	assert_non_null(schema);
	vc = xmlSchemaNewValidCtxt(schema);
	doc = xmlReadMemory(xml, (int)len, "bom.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc); /* well-formed, whatever the strings held */
	assert_int_equal(xmlSchemaValidateDoc(vc, doc), 0);
	xmlFreeDoc(doc);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
}

/* The string value of an XPath expression over the BOM. */
static char *xpath(const char *xml, size_t len, const char *expr)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)len, "bom.xml", NULL, XML_PARSE_NONET);
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r;
	char *s;

	xmlXPathRegisterNs(ctx, (const xmlChar *)"c", (const xmlChar *)CYCLONEDX_NS);
	r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	assert_non_null(r);
	s = (char *)xmlXPathCastToString(r);
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	return s;
}

static void expect_xpath(const char *xml, size_t len, const char *expr, const char *want)
{
	char *got = xpath(xml, len, expr);

	assert_string_equal(got, want);
	xmlFree(got);
}

static void test_valid_and_contract(void **state)
{
	struct cdx_opts o = {.tool_version = "9.9.9"};
	struct bom *b = sample();
	size_t len;
	char *xml = render(b, &o, 0, &len);

	(void)state;
	validate(xml, len);
	expect_xpath(xml, len, "string(/c:bom/@version)", "1");
	expect_xpath(xml, len, "count(/c:bom/@serialNumber) + count(//c:timestamp)", "0");
	expect_xpath(xml, len, "string(//c:metadata/c:tools//c:version)", "9.9.9");
	expect_xpath(xml, len, "string(//c:metadata/c:component/@type)", "device");
	expect_xpath(xml, len,
		     "string(//c:metadata/c:properties/c:property[@name='hwbom:verdict'])", "block");
	expect_xpath(xml, len,
		     "string(//c:metadata/c:properties/c:property[@name='hwbom:coverage:pci'])",
		     "read");
	expect_xpath(xml, len, "count(/c:bom/c:components/c:component)", "2");
#define P(prop) "string(//c:component[@bom-ref='pci:0000:3c:00.0']/c:properties/c:property[@name='" prop "'])"
	expect_xpath(xml, len, P("hwbom:kind"), "pci");
	expect_xpath(xml, len, P("hwbom:location"), "0000:3c:00.0");
	expect_xpath(xml, len, P("hwbom:id:pci.vendor"), "8086");
	expect_xpath(xml, len, P("hwbom:id:pci.subvendor"), "19e5");
	expect_xpath(xml, len, P("hwbom:origin:chip-vendor"), "intel");
	expect_xpath(xml, len, P("hwbom:origin:chip-vendor:country"), "US");
	expect_xpath(xml, len, P("hwbom:origin:chip-vendor:controller"), "intel");
	expect_xpath(xml, len, P("hwbom:origin:card-assembler"), "huawei");
	expect_xpath(xml, len, P("hwbom:finding"),
		     "block ndaa889/covered-producer card-assembler huawei");
	expect_xpath(xml, len, P("hwbom:verdict"), "block");
#undef P
	expect_xpath(xml, len,
		     "string(//c:component[@bom-ref='pci:0000:00:00.0']/c:properties/"
		     "c:property[@name='hwbom:origin:chip-vendor'])",
		     "unknown");
	expect_xpath(xml, len, "string(//c:component[@bom-ref='pci:0000:00:00.0']/c:name)",
		     "pci device 0000:00:00.0");
	/* the firmware it runs: a nested component */
	expect_xpath(xml, len,
		     "string(//c:component[@bom-ref='pci:0000:3c:00.0']/c:components/"
		     "c:component[@type='firmware']/c:version)",
		     "2.4.1\xEF\xBF\xBD");
	expect_xpath(xml, len, "count(//c:component[@bom-ref='pci:0000:00:00.0']/c:components)", "0");
	expect_xpath(xml, len,
		     "string(//c:component[@bom-ref='pci:0000:3c:00.0']/c:manufacturer/c:name)",
		     "Intel Corporation");
	expect_xpath(xml, len,
		     "string(//c:component[@bom-ref='pci:0000:3c:00.0']/c:supplier/c:address/c:country)",
		     "CN");
	/* hostile bytes arrive as U+FFFD, markup as text */
	expect_xpath(xml, len, "string(//c:component[@bom-ref='pci:0000:3c:00.0']/c:name)",
		     "X710 <&> \"10G\" \xEF\xBF\xBD\xEF\xBF\xBD evil\xEF\xBF\xBD]0;title\xEF\xBF\xBD");
	free(xml);
	bom_free(b);
}

static void test_deterministic_unless_asked(void **state)
{
	struct cdx_opts o = {.tool_version = "1"};
	struct bom *b = sample();
	size_t l1, l2, l3;
	char *x1 = render(b, &o, 0, &l1), *x2 = render(b, &o, 0, &l2), *x3;

	(void)state;
	assert_int_equal(l1, l2);
	assert_memory_equal(x1, x2, l1);
	o.timestamp = "2024-01-02T03:04:05Z";
	o.serial = "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79";
	x3 = render(b, &o, 0, &l3);
	validate(x3, l3);
	expect_xpath(x3, l3, "string(//c:metadata/c:timestamp)", "2024-01-02T03:04:05Z");
	expect_xpath(x3, l3, "string(/c:bom/@serialNumber)", o.serial);
	free(x1), free(x2), free(x3);
	bom_free(b);
}

static void test_empty_bom_is_valid(void **state)
{
	struct cdx_opts o = {.tool_version = "1"};
	struct bom *b = bom_new();
	size_t len;
	char *xml;

	(void)state;
	bom_set(&b->as_of, "2024-01-01");
	xml = render(b, &o, 0, &len);
	validate(xml, len);
	expect_xpath(xml, len, "string(//c:metadata/c:component/c:name)", "unnamed machine");
	free(xml);
	bom_free(b);
}

/* The policies as CycloneDX attestations: a score of 0 for a rule with a
 * counted finding, 1 only when nothing was found and nothing left unknown,
 * none otherwise; a rule not in force has no map. */
static void test_attestations(void **state)
{
	struct cdx_opts o = {0};
	struct bom *b = sample();
	struct bom_policy *p;
	struct bom_component *c;
	size_t len;
	char *xml;

	(void)state;
	p = bom_add_policy(b, "ndaa889", "NDAA 889", "Pub. L. 115-232", "2019-08-13");
	bom_add_rule(p, "covered-producer", "889(a)", 1);
	bom_add_rule(p, "old-rule", "repealed", 0);
	p = bom_add_policy(b, "kasp", "Kaspersky", "FAR 52.204-23", "2018-06-15");
	bom_add_rule(p, "k", "1634", 1);
	xml = render(b, &o, 0, &len);
	validate(xml, len);
	expect_xpath(xml, len, "count(//c:definitions/c:standards/c:standard)", "2");
	expect_xpath(xml, len, "count(//c:standard[@bom-ref='standard:ndaa889']//c:requirement)", "2");
	expect_xpath(xml, len, "count(//c:map)", "2"); /* old-rule is not in force */
	expect_xpath(xml, len,
		     "string(//c:map[c:requirement='requirement:ndaa889/covered-producer']/c:conformance/c:score)",
		     "0");
	expect_xpath(xml, len,
		     "string(//c:declarations/c:claims/c:claim[@bom-ref=//c:map/c:claims/c:claim[1]]/c:target)",
		     "pci:0000:3c:00.0");
	/* unseen roles and an unknown component: Kaspersky cannot be affirmed */
	expect_xpath(xml, len, "count(//c:map[c:requirement='requirement:kasp/k']/c:conformance)", "0");
	free(xml);
	/* nothing unknown: now it can */
	for (size_t i = 0; i < b->nprops; i++)
		if (!strcmp(b->props[i].name, "hwbom:unseen"))
			bom_set(&b->props[i].name, "hwbom:seen-in-test");
	c = b->components[1];
	bom_set(&c->unknown_reason, NULL);
	xml = render(b, &o, 0, &len);
	validate(xml, len);
	expect_xpath(xml, len, "string(//c:map[c:requirement='requirement:kasp/k']/c:conformance/c:score)",
		     "1");
	expect_xpath(xml, len, "count(//c:attestation)", "2");
	free(xml);
	bom_free(b);
}

static void test_text_table(void **state)
{
	struct bom *b = sample();
	size_t len;
	char *t = render(b, NULL, 1, &len);

	(void)state;
	assert_non_null(strstr(t, "\nLOCATION      NAME                    MAKER          ASSEMBLER    CC    VERDICT\n"));
	assert_non_null(strstr(t, "0000:3c:00.0  X710"));
	assert_non_null(strstr(t, "intel          huawei       US/CN block\n"));
	/* the machine, verdict and coverage first, one line each; then the
	 * findings by entity; what was not seen and how to see it; the table */
	assert_ptr_equal(strstr(t, "machine   host\xEF\xBF\xBDname (no SMBIOS system read)\n"
				   "verdict   block (as of 2024-01-01)\n"
				   "coverage  partial: device-vendor not seen\n"),
			 t);
	assert_non_null(strstr(t, "\nfindings:\n  block: 1 of 2 parts - huawei (ndaa889)\n"
				  "    pci:0000:3c:00.0\n"));
	assert_non_null(strstr(t, "    pci:0000:00:00.0: chip-vendor pci:abcd (no name) is not in the "
				  "origin\n      database\n"));
	assert_non_null(strstr(t, "\nnot seen, and how to see it:\n  device-vendor (not-in-input): no "
				  "lsusb text or sysfs tree was given\n    -> lsusb -v > F; hwbom "
				  "scan --lsusb F\n"));
	assert_null(strstr(t, "\nsources:\n")); /* -v only */
	assert_true(strstr(t, "not seen,") < strstr(t, "LOCATION"));
	/* at most 80 columns: here every character is one column (U+FFFD in
	 * place of bad bytes too), so count the characters, not the bytes */
	for (const char *l = t; *l; l = strchr(l, '\n') + 1) {
		size_t cols = 0, n = strcspn(l, "\n");

		for (size_t i = 0; i < n; i++)
			cols += ((unsigned char)l[i] & 0xC0) != 0x80;
		if (cols > 80)
			fail_msg("a line of %zu columns: %.*s", cols, (int)n, l);
	}
	assert_null(strchr(t, '\x1b')); /* nothing reaches the terminal raw */
	free(t);
	bom_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_and_contract),
		cmocka_unit_test(test_deterministic_unless_asked),
		cmocka_unit_test(test_empty_bom_is_valid),
		cmocka_unit_test(test_attestations),
		cmocka_unit_test(test_text_table),
	};
	int rc = cmocka_run_group_tests_name("cyclonedx", tests, NULL, NULL);

	xmlCleanupParser();
	return rc;
}
