/* fuzz_oracle.h - what every fuzz target that reaches the writer checks: the
 * BOM it would write is well-formed XML to a strict parser (libxml2 with no
 * recovery) and valid against the official CycloneDX 1.6 XSD (SCHEMA, loaded
 * once). Any failure aborts, which libFuzzer reports as a crash. Included
 * by one fuzz target each, so the functions are static. */
#ifndef HWBOM_FUZZ_ORACLE_H
#define HWBOM_FUZZ_ORACLE_H

#include <stdio.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "../../output/cyclonedx.h"

#ifndef SCHEMA
#define SCHEMA "tests/schema/bom-1.6.SNAPSHOT.xsd"
#endif

static void oracle_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx, (void)msg;
}

/* Print what libxml2 says when a check fails: the reason for the abort. */
static void oracle_loud(void *ctx, const char *msg, ...)
{
	va_list ap;

	(void)ctx;
	va_start(ap, msg);
	vfprintf(stderr, msg, ap);
	va_end(ap);
}

static xmlSchemaPtr oracle_schema(void)
{
	static xmlSchemaPtr schema;
	xmlSchemaParserCtxtPtr pc;

	if (schema)
		return schema;
	pc = xmlSchemaNewParserCtxt(SCHEMA);
	schema = pc ? xmlSchemaParse(pc) : NULL;
	xmlSchemaFreeParserCtxt(pc);
	if (!schema) {
		fprintf(stderr, "fuzz oracle: cannot load the schema %s\n", SCHEMA);
		abort();
	}
	return schema;
}

/* Write b as CycloneDX, parse it strictly and validate it; abort on any
 * failure. */
static void oracle_check_bom(struct bom *b)
{
	struct cdx_opts o = {.tool_version = "fuzz"};
	struct hw_err e = {0};
	xmlSchemaValidCtxtPtr vc;
	char *buf = NULL;
	size_t len = 0;
	xmlDocPtr d;
	FILE *f = open_memstream(&buf, &len);
	int rc;

	if (!f)
		abort();
	rc = cyclonedx_write(b, f, &o, &e);
	if (fclose(f) || rc < 0)
		abort();
	hw_err_clear(&e);
	xmlSetGenericErrorFunc(NULL, oracle_loud);
	d = xmlReadMemory(buf, (int)len, "fuzz.xml", NULL, XML_PARSE_NONET);
	if (!d) {
		fprintf(stderr, "fuzz oracle: the BOM is not well-formed XML\n");
		abort();
	}
	vc = xmlSchemaNewValidCtxt(oracle_schema());
	if (!vc || xmlSchemaValidateDoc(vc, d) != 0) {
		fprintf(stderr, "fuzz oracle: the BOM is not valid against %s\n", SCHEMA);
		fwrite(buf, 1, len, stderr);
		abort();
	}
	xmlSchemaFreeValidCtxt(vc);
	xmlFreeDoc(d);
	xmlSetGenericErrorFunc(NULL, oracle_quiet);
	free(buf);
}

#endif
