/* json_util.h - reading third-party JSON with json-c: bounded nesting,
 * errors with the line of a syntax fault or the JSON path of a value of
 * the wrong type. */
#ifndef HWBOM_JSON_UTIL_H
#define HWBOM_JSON_UTIL_H

#include <json-c/json.h>
#include <stddef.h>

#include "../../output/err.h"

/* Nesting deeper than this is refused. */
#define JSON_DEPTH_MAX 64

/* Parse len bytes at buf, reported as path. NULL with e saying
 * "PATH:LINE: ..." when it is not one JSON value. Free with json_object_put(). */
struct json_object *json_parse_buf(const char *path, const char *buf, size_t len, struct hw_err *e);

/* The string at key of object o: NULL when absent or null; numbers and
 * booleans are given as their text. -1 from json_str_at() when the value is
 * an object or array: e then names path and jpath.key. */
int json_str_at(const char *path, const char *jpath, struct json_object *o, const char *key,
                const char **out, struct hw_err *e);

#endif
