/* lshw_json.c - `lshw -json` (lshw_tree.h), through json-c: one object a
 * node ("id", "class", "description", "product", "vendor", "businfo",
 * "logicalname" (a string, or an array of them), "version", "serial",
 * "slot", "size", "date", "configuration" {KEY: VALUE}, "capabilities"
 * {KEY: TEXT}, "children" [...]); lshw -class prints an array of them.
 * Errors give the JSON path of the value at fault. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../output/alloc.h"
#include "json_util.h"
#include "lshw_tree.h"

static const struct {
	const char *key;
	enum lshw_field f;
} keys[] = {
    {"id", LF_ID},
    {"class", LF_CLASS},
    {"description", LF_DESCRIPTION},
    {"product", LF_PRODUCT},
    {"vendor", LF_VENDOR},
    {"subproduct", LF_SUBPRODUCT},
    {"subvendor", LF_SUBVENDOR},
    {"businfo", LF_BUSINFO},
    {"version", LF_VERSION},
    {"serial", LF_SERIAL},
    {"slot", LF_SLOT},
    {"size", LF_SIZE},
    {"date", LF_DATE},
    {"modalias", LF_MODALIAS},
    {"handle", LF_HANDLE},
};

static int node(const char *path, const char *jpath, struct json_object *o, int depth,
                struct lshw_tree *t, struct hw_err *e)
{
	struct lshw_node *nd;
	struct json_object *v;
	size_t idx;
	const char *s;

	if (!json_object_is_type(o, json_type_object))
		return hw_fail(e, "%s: %s: an lshw node (an object) was expected", path, jpath);
	nd = lshw_add_node(t, depth, 1);
	idx = t->n - 1;
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		if (json_str_at(path, jpath, o, keys[i].key, &s, e) < 0)
			return -1;
		lshw_set(nd, keys[i].f, s);
	}
	if (json_object_object_get_ex(o, "logicalname", &v) &&
	    json_object_is_type(v, json_type_array)) {
		if (json_object_array_length(v) > 0 &&
		    json_object_is_type(json_object_array_get_idx(v, 0), json_type_string))
			lshw_set(nd, LF_LOGICALNAME,
			         json_object_get_string(json_object_array_get_idx(v, 0)));
	} else if (json_str_at(path, jpath, o, "logicalname", &s, e) < 0) {
		return -1;
	} else {
		lshw_set(nd, LF_LOGICALNAME, s);
	}
	if (json_object_object_get_ex(o, "disabled", &v) && json_object_get_boolean(v))
		nd->disabled = 1;
	if (json_object_object_get_ex(o, "configuration", &v) &&
	    json_object_is_type(v, json_type_object)) {
		json_object_object_foreach(v, key, val)
		{
			if (json_object_is_type(val, json_type_object) ||
			    json_object_is_type(val, json_type_array))
				return hw_fail(e, "%s: %s.configuration.%s: a string was expected",
				               path, jpath, key);
			lshw_add_kv(nd, key, json_object_get_string(val));
		}
	}
	if (json_object_object_get_ex(o, "capabilities", &v) &&
	    json_object_is_type(v, json_type_object)) {
		json_object_object_foreach(v, key, val)
		{
			char *k = xasprintf("cap:%s", key);

			(void)val;
			lshw_add_kv(nd, k, "");
			free(k);
		}
	}
	if (json_object_object_get_ex(o, "hints", &v) && json_object_is_type(v, json_type_object)) {
		json_object_object_foreach(v, key, val)
		{
			char *k = xasprintf("hint:%s", key);

			lshw_add_kv(nd, k, json_object_get_string(val));
			free(k);
		}
	}
	(void)idx;
	if (json_object_object_get_ex(o, "children", &v) && v) {
		if (!json_object_is_type(v, json_type_array))
			return hw_fail(e, "%s: %s.children: an array was expected", path, jpath);
		for (size_t i = 0; i < json_object_array_length(v); i++) {
			char *sub = xasprintf("%s.children[%zu]", jpath, i);
			int rc = node(path, sub, json_object_array_get_idx(v, i), depth + 1, t, e);

			free(sub);
			if (rc < 0)
				return -1;
		}
	}
	return 0;
}

int lshw_json_read(const char *path, const char *buf, size_t len, struct lshw_tree *t,
                   struct hw_err *e)
{
	struct json_object *root = json_parse_buf(path, buf, len, e);
	int rc = 0;

	t->format = "lshw -json";
	if (!root)
		return -1;
	if (json_object_is_type(root, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(root) && !rc; i++) {
			char jp[32];

			snprintf(jp, sizeof jp, "$[%zu]", i);
			rc = node(path, jp, json_object_array_get_idx(root, i), 0, t, e);
		}
	} else {
		rc = node(path, "$", root, 0, t, e);
	}
	json_object_put(root);
	return rc;
}
