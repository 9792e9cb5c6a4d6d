/* names.h - the key a company name is matched by: "HUAWEI TECHNOLOGIES
 * CO.,LTD", "Huawei Technologies Co., Ltd." and "huawei" all become
 * "huawei". Used for aliases and for the manufacturer strings devices
 * report. */
#ifndef HWBOM_NAMES_H
#define HWBOM_NAMES_H

/* Lower-case ASCII letters and digits, words split on anything else, legal
 * and generic suffixes (co, ltd, inc, corp, technologies, ...) dropped, one
 * space between words. Empty when nothing is left. Free with free(). */
char *name_key(const char *name);

/* Whether name is one of the strings firmware leaves where a name belongs
 * ("To be filled by O.E.M.", "Default string", "Not Specified", ...) or
 * nothing at all: it names nobody. */
int name_is_placeholder(const char *name);

#endif
