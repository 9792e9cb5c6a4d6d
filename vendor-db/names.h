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

#endif
