/* test_bom_diff.c - the acceptance comparison: how components are matched
 * and what kind each difference is; matching a purchase declaration. */
#include "testutil.h"

#include "../../output/bom_diff.h"

/* A PCI function with vendor:device, subsystem, revision; attributed to
 * chip (the chip vendor's entity) unless NULL. */
static struct bom_component *pci(struct bom *b, const char *loc, const char *ven, const char *dev,
				 const char *sven, const char *rev, const char *chip)
{
	struct bom_component *c = bom_add_component(b, "pci", loc);

	bom_add_id(c, "pci.vendor", ven, NULL);
	bom_add_id(c, "pci.device", dev, NULL);
	bom_add_id(c, "pci.subvendor", sven, NULL);
	bom_add_id(c, "pci.revision", rev, NULL);
	if (chip)
		bom_set(&bom_add_attr(c, "chip-vendor", "pci:x")->entity, chip);
	return c;
}

/* The entry of kind k about ref (and what, if given), or NULL. */
static const struct diff_entry *entry(const struct bom_diff *d, enum diff_kind k, const char *ref,
				      const char *what)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->entries[i].kind == k && !strcmp(d->entries[i].ref, ref) &&
		    (!what || (d->entries[i].what && !strcmp(d->entries[i].what, what))))
			return &d->entries[i];
	return NULL;
}

static void test_kinds(void **state)
{
	struct bom *e = bom_new(), *a = bom_new();
	struct bom_diff d = {0};
	const struct diff_entry *x;

	(void)state;
	/* the same part, the same slot, another revision and serial number */
	pci(e, "0000:00:00.0", "8086", "2020", "17aa", "04", "intel");
	bom_add_id(pci(a, "0000:00:00.0", "8086", "2020", "17aa", "05", "intel"), "pci.serial", "B",
		   NULL);
	bom_add_id(e->components[0], "pci.serial", "A", NULL);
	/* the same slot, another part: substituted, and attributed elsewhere */
	pci(e, "0000:3b:00.0", "8086", "1521", "17aa", "01", "intel");
	pci(a, "0000:3b:00.0", "19e5", "1822", "19e5", "45", "huawei");
	/* the same part, moved */
	pci(e, "0000:5e:00.0", "144d", "a808", "144d", "00", "samsung");
	pci(a, "0000:5f:00.0", "144d", "a808", "144d", "00", "samsung");
	/* gone, and new */
	pci(e, "0000:86:00.0", "8086", "1572", "8086", "02", "intel");
	pci(a, "0000:03:00.0", "10ec", "8168", "1043", "15", NULL);
	/* firmware */
	bom_set(&e->components[0]->firmware, "1.0");
	bom_set(&a->components[0]->firmware, "1.1");
	e->verdict = VERDICT_CLEAN, a->verdict = VERDICT_BLOCK;
	a->components[1]->verdict = VERDICT_BLOCK;

	bom_diff(e, a, 0, &d);
	assert_non_null(x = entry(&d, DIFF_CHANGED, "pci:0000:00:00.0", "pci.revision"));
	assert_string_equal(x->expected, "04");
	assert_string_equal(x->actual, "05");
	assert_non_null(x = entry(&d, DIFF_SERIAL, "pci:0000:00:00.0", "pci.serial"));
	assert_string_equal(x->expected, "A");
	assert_non_null(entry(&d, DIFF_FIRMWARE, "pci:0000:00:00.0", "firmware"));
	assert_null(entry(&d, DIFF_SUBSTITUTED, "pci:0000:00:00.0", NULL));
	assert_non_null(x = entry(&d, DIFF_SUBSTITUTED, "pci:0000:3b:00.0", NULL));
	assert_non_null(strstr(x->expected, "pci.vendor=8086"));
	assert_non_null(strstr(x->actual, "pci.vendor=19e5"));
	/* a substituted part's minor identifiers are not listed again */
	assert_null(entry(&d, DIFF_CHANGED, "pci:0000:3b:00.0", NULL));
	assert_non_null(x = entry(&d, DIFF_ATTRIBUTION, "pci:0000:3b:00.0", "chip-vendor"));
	assert_string_equal(x->expected, "intel");
	assert_string_equal(x->actual, "huawei");
	assert_non_null(entry(&d, DIFF_VERDICT, "pci:0000:3b:00.0", NULL));
	assert_non_null(x = entry(&d, DIFF_MOVED, "pci:0000:5f:00.0", "location"));
	assert_string_equal(x->expected, "pci:0000:5e:00.0");
	assert_null(entry(&d, DIFF_MISSING, "pci:0000:5e:00.0", NULL));
	assert_non_null(entry(&d, DIFF_MISSING, "pci:0000:86:00.0", NULL));
	assert_non_null(x = entry(&d, DIFF_ADDED, "pci:0000:03:00.0", NULL));
	assert_null(x->expected);
	assert_non_null(x = entry(&d, DIFF_VERDICT, "machine", NULL));
	assert_string_equal(x->actual, "block");
	/* 3 of 00:00.0, 3 of 3b:00.0, moved, missing, added, the machine */
	assert_int_equal(d.n, 10);
	assert_int_equal(d.ignored, 0);
	bom_diff_clear(&d);

	/* ignored kinds are counted, not listed */
	bom_diff(e, a, 1u << DIFF_SERIAL | 1u << DIFF_FIRMWARE | 1u << DIFF_CHANGED, &d);
	assert_null(entry(&d, DIFF_SERIAL, "pci:0000:00:00.0", NULL));
	assert_int_equal(d.ignored, 3);
	assert_int_equal(d.n, 7);
	bom_diff_clear(&d);

	/* a BOM against itself */
	bom_diff(a, a, 0, &d);
	assert_int_equal(d.n, 0);
	bom_diff_clear(&d);
	bom_free(e), bom_free(a);
}

static void test_kind_names(void **state)
{
	enum diff_kind k;

	(void)state;
	assert_int_equal(diff_kind_parse("serials", &k), 0);
	assert_int_equal(k, DIFF_SERIAL);
	assert_int_equal(diff_kind_parse("substituted", &k), 0);
	assert_int_equal(k, DIFF_SUBSTITUTED);
	assert_int_equal(diff_kind_parse("colour", &k), -1);
	assert_string_equal(diff_kind_name(DIFF_MOVED), "moved");
}

static const char order[] =
	"<?xml version=\"1.0\"?>\n"
	"<declaration xmlns=\"urn:hwbom:purchase-declaration:1\" complete=\"yes\">\n"
	"  <item kind=\"pci\" vendor=\"8086\" device=\"1521\" quantity=\"2\" country-of-production=\"MY\"/>\n"
	"  <item kind=\"pci\" vendor=\"Samsung\" model=\"nvme\" country-of-production=\"KR\" "
	"category=\"robot\"/>\n"
	"  <item kind=\"system\" vendor=\"dell\"/>\n"
	"</declaration>\n";

static void test_declaration(void **state)
{
	struct purchase p = {0};
	struct bom *a = bom_new();
	struct bom_diff d = {0};
	struct hw_err e = {0};
	char *path = write_temp("order", order, sizeof order - 1);
	const struct diff_entry *x;
	struct bom_component *c;
	unsigned got[3];
	char *used;

	(void)state;
	assert_int_equal(purchase_is(path), 1);
	assert_int_equal(purchase_read(path, &p, &e), 0);
	assert_int_equal(p.nitems, 3);
	assert_true(p.complete);
	pci(a, "0000:3b:00.0", "8086", "1521", "17aa", "01", "intel");
	/* matched by the vendor's name in the identifiers' names, the model
	 * in the component's name, case aside */
	c = pci(a, "0000:5e:00.0", "144d", "a808", "144d", "00", NULL);
	bom_set(&c->ids[0].name, "Samsung Electronics Co Ltd");
	bom_set(&c->name, "NVMe SSD Controller SM981");
	pci(a, "0000:86:00.0", "8086", "1572", "8086", "02", "intel");

	used = purchase_match(&p, a, got);
	assert_int_equal(got[0], 1);
	assert_int_equal(got[1], 1);
	assert_int_equal(got[2], 0);
	assert_true(used[0] && used[1] && !used[2]);
	assert_string_equal(bom_get_cprop(a->components[0], "declared.country-of-production"), "MY");
	assert_string_equal(bom_get_cprop(c, "declared.category"), "robot");
	free(used);
	/* matching again replaces, not adds */
	free(purchase_match(&p, a, got));
	assert_int_equal(a->components[0]->nprops, 1);

	bom_diff_declaration(&p, a, 0, &d);
	assert_non_null(x = entry(&d, DIFF_MISSING, "item 1", "1 of 2"));
	assert_non_null(entry(&d, DIFF_MISSING, "item 3", "1 of 1"));
	/* complete: the X710 nobody declared is added; no system to add */
	assert_non_null(entry(&d, DIFF_ADDED, "pci:0000:86:00.0", NULL));
	assert_int_equal(d.n, 3);
	bom_diff_clear(&d);
	purchase_clear(&p);
	bom_free(a);
	hw_err_clear(&e);
	unlink(path);
	free(path);
}

/* Names match as whole words, models from the start of a word. */
static void test_words(void **state)
{
	struct purchase_item items[] = {
		{.kind = "system", .vendor = "Sams", .quantity = 1},
		{.kind = "system", .vendor = "samsung", .model = "np940x", .quantity = 1},
		{.kind = "system", .vendor = "Samsung", .model = "940X5", .quantity = 1},
	};
	struct purchase p = {.items = items, .nitems = 3};
	struct bom *b = bom_new();
	struct bom_component *c = bom_add_component(b, "system", "system");
	unsigned got[3];

	(void)state;
	bom_add_id(c, "smbios.manufacturer", "SAMSUNG ELECTRONICS CO., LTD.", NULL);
	bom_add_id(c, "smbios.product", "NP940X5N-X01US", NULL);
	free(purchase_match(&p, b, got));
	assert_int_equal(got[0], 0); /* not a word of it */
	assert_int_equal(got[1], 1); /* a prefix of the product */
	assert_int_equal(got[2], 0); /* mid-word: no */
	bom_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_declaration),
		cmocka_unit_test(test_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
