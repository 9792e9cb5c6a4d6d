/* json_util.c - json-c with limits and messages (json_util.h). */
#include "json_util.h"

#include <string.h>

struct json_object *json_parse_buf(const char *path, const char *buf, size_t len, struct hw_err *e)
{
	struct json_tokener *tok = json_tokener_new_ex(JSON_DEPTH_MAX);
	struct json_object *o;
	enum json_tokener_error err;
	size_t off, line = 1;

	if (!tok) {
		hw_fail(e, "%s: out of memory", path);
		return NULL;
	}
	if (memchr(buf, '\0', len)) {
		for (const char *p = buf; *p; p++)
			line += *p == '\n';
		hw_fail(e, "%s:%zu: a NUL byte: not JSON", path, line);
		json_tokener_free(tok);
		return NULL;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	o = json_tokener_parse_ex(tok, buf, (int)(len > 0x7fffffff ? 0x7fffffff : len));
	err = json_tokener_get_error(tok);
	off = json_tokener_get_parse_end(tok);
	if (err == json_tokener_success) {
		/* only blanks may follow the value */
		while (off < len && strchr(" \t\r\n", buf[off]))
			off++;
		if (off < len) {
			json_object_put(o);
			o = NULL;
			err = json_tokener_error_parse_unexpected;
		}
	} else if (err == json_tokener_continue) {
		off = len;
		err = json_tokener_error_parse_eof;
	}
	if (!o || err != json_tokener_success) {
		for (size_t i = 0; i < off && i < len; i++)
			line += buf[i] == '\n';
		hw_fail(e, "%s:%zu: not JSON: %s", path, line,
		        err == json_tokener_success ? "more after the value"
		                                    : json_tokener_error_desc(err));
		json_object_put(o);
		o = NULL;
	}
	json_tokener_free(tok);
	return o;
}

int json_str_at(const char *path, const char *jpath, struct json_object *o, const char *key,
                const char **out, struct hw_err *e)
{
	struct json_object *v;

	*out = NULL;
	if (!o || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) || !v)
		return 0;
	switch (json_object_get_type(v)) {
	case json_type_string:
	case json_type_int:
	case json_type_double:
	case json_type_boolean:
		*out = json_object_get_string(v);
		return 0;
	case json_type_null:
		return 0;
	default:
		return hw_fail(e, "%s: %s.%s: a string was expected, not an %s", path, jpath, key,
		               json_object_is_type(v, json_type_array) ? "array" : "object");
	}
}
