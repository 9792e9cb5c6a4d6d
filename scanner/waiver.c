/* waiver.c - exceptions to findings (see waiver.h). */
#include "waiver.h"

#include <stdlib.h>
#include <string.h>

#include "../output/alloc.h"
#include "../vendor-db/recfile.h"

static void waiver_free(struct waiver *w)
{
	free(w->id), free(w->policy), free(w->rule), free(w->entity), free(w->component);
	free(w->approved_by), free(w->ref), free(w->date), free(w->expires), free(w->file);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int on_record(void *user, const struct rec *r, struct hw_err *e)
{
	static const char *const keys[] = {"rule", "entity", "component", "approved-by", "ref",
					   "date", "expires", "note", NULL};
	struct waiver_set *set = user;
	const char *rule = rec_get(r, "rule"), *entity = rec_get(r, "entity");
	const char *component = rec_get(r, "component"), *date = rec_get(r, "date");
	const char *expires = rec_get(r, "expires"), *slash;
	struct waiver w = {0};

	if (strcmp(r->verb, "waiver"))
		return rec_fail(r, e, "unknown record '%s' (waiver)", r->verb);
	if (rec_check(r, e, 1, 1, keys) < 0)
		return -1;
	if (!rec_is_ident(r->args[0]))
		return rec_fail(r, e, "bad waiver id '%s'", r->args[0]);
	for (size_t i = 0; i < set->n; i++)
		if (!strcmp(set->w[i].id, r->args[0]))
			return rec_fail(r, e, "waiver '%s' is already defined at %s:%u", r->args[0],
					set->w[i].file, set->w[i].line);
	slash = rule ? strchr(rule, '/') : NULL;
	if (!slash || slash == rule || !slash[1])
		return rec_fail(r, e, "waiver needs rule=POLICY/RULE (or POLICY/*)");
	if (!entity == !component)
		return rec_fail(r, e, "waiver needs one of entity=ENTITY or component=BOM-REF");
	if (!rec_get(r, "approved-by") || !rec_get(r, "ref"))
		return rec_fail(r, e, "waiver needs approved-by= and ref=");
	if (!date || !rec_is_date(date))
		return rec_fail(r, e, "waiver needs date=YYYY-MM-DD");
	if (expires && (!rec_is_date(expires) || strcmp(date, expires) >= 0))
		return rec_fail(r, e, "expires= must be a date after date=");
	w.id = xstrdup(r->args[0]);
	w.policy = xstrndup(rule, (size_t)(slash - rule));
	w.rule = xstrdup(slash + 1);
	w.entity = dup_or_null(entity);
	w.component = dup_or_null(component);
	w.approved_by = xstrdup(rec_get(r, "approved-by"));
	w.ref = xstrdup(rec_get(r, "ref"));
	w.date = xstrdup(date);
	w.expires = dup_or_null(expires);
	w.file = xstrdup(r->file);
	w.line = r->line;
	if (set->n == set->cap) {
		set->cap = set->cap ? 2 * set->cap : 8;
		set->w = xrealloc(set->w, set->cap * sizeof *set->w);
	}
	set->w[set->n++] = w;
	return 0;
}

int waiver_load(struct waiver_set *set, const char *path, struct hw_err *e)
{
	return recfile_read(path, on_record, set, e);
}

void waiver_set_clear(struct waiver_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		waiver_free(&set->w[i]);
	free(set->w);
	memset(set, 0, sizeof *set);
}

const struct waiver *waiver_find(const struct waiver_set *set, const char *policy,
				 const char *rule, const char *entity, const char *bom_ref,
				 const char *date, int *expired)
{
	const struct waiver *lapsed = NULL;

	for (size_t i = 0; set && i < set->n; i++) {
		const struct waiver *w = &set->w[i];

		if (strcmp(w->policy, policy) || (strcmp(w->rule, "*") && strcmp(w->rule, rule)))
			continue;
		if (w->entity ? strcmp(w->entity, entity) : strcmp(w->component, bom_ref))
			continue;
		if (strcmp(w->date, date) > 0)
			continue; /* not granted yet */
		if (w->expires && strcmp(date, w->expires) >= 0) {
			lapsed = lapsed ? lapsed : w;
			continue;
		}
		*expired = 0;
		return w;
	}
	*expired = lapsed != NULL;
	return lapsed;
}
