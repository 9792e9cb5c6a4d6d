/* fuzz_sanitize.c - libFuzzer target: whatever the bytes, the sanitiser's
 * output is no longer than its limit and, put in an element, is a document
 * that a strict XML parser (libxml2 with no recovery: its parser checks UTF-8
 * and the Char production itself, unlike xmlGetUTF8Char()) accepts, with no
 * control characters left in it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "../../output/alloc.h"
#include "../../output/sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx, (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = hw_sanitize_n((const char *)data, size), *doc;
	size_t len = strlen(s);
	xmlDocPtr d;

	if (len > HW_STR_MAX + 3)
		abort();
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		/* no C0 control or DEL; C1 (C2 80..9F) is checked below */
		if (c < 0x20 || c == 0x7f || (c == 0xC2 && i + 1 < len &&
					      (unsigned char)s[i + 1] >= 0x80 &&
					      (unsigned char)s[i + 1] <= 0x9F))
			abort();
		/* &, < and > are the writer's to escape: keep the document simple */
		if (c == '&' || c == '<')
			s[i] = '_';
	}
	doc = xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>%s</a>", s);
	xmlSetGenericErrorFunc(NULL, quiet);
	d = xmlReadMemory(doc, (int)strlen(doc), "sanitized.xml", "UTF-8",
			  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!d)
		abort();
	xmlFreeDoc(d);
	free(doc);
	free(s);
	return 0;
}
