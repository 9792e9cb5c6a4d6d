/* bom.h - the BOM model: one machine and the components found in it.
 *
 * Probes fill components with raw, typed identifiers; the resolver adds
 * attributions (role, entity, evidence); the judge adds findings and
 * verdicts; writers turn the result into CycloneDX XML or text. Every string
 * stored here went through hw_sanitize(), so writers emit them as they are.
 * See DESIGN.md §8 for the property names these become. */
#ifndef HWBOM_BOM_H
#define HWBOM_BOM_H

#include <stddef.h>

/* In increasing order of gravity: a machine's verdict is the worst one. */
enum verdict {
	VERDICT_CLEAN,
	VERDICT_INFO,
	VERDICT_UNKNOWN,
	VERDICT_REVIEW,
	VERDICT_BLOCK,
};

const char *verdict_name(enum verdict v);
/* Parse "clean", "info", ...; returns -1 when s names no verdict. */
int verdict_parse(const char *s, enum verdict *v);

/* One raw identifier: ns is "pci.vendor", "usb.product", "oui", ... and
 * value its canonical text (lower-case hex where numeric); name is what the
 * ID list (pci.ids, ...) calls it, or NULL. */
struct bom_id {
	char *ns;
	char *value;
	char *name;
};

/* Who made, assembled or owns a component, and how we know. entity is NULL
 * when the database cannot say (written as "unknown", never as clean). */
struct bom_attr {
	char *role;       /* "chip-vendor", "card-assembler", ... */
	char *key;        /* the identifier it came from: "pci:19e5" */
	char *entity;     /* database entity id, or NULL */
	char *name;       /* entity's legal name, or the registry name if unknown */
	char *country;    /* ISO 3166-1 alpha-2 of its headquarters, or NULL */
	char *controller; /* ultimate controlling entity on the as-of date, or NULL */
	char *source;     /* source ids behind the mapping, comma-separated */
	char *overlay;    /* the user's overlay file the mapping came from, or NULL */
	char *inferred;   /* NULL when an identifier proves it (basis "read"); else
			   * the sourced rule it was inferred by (basis "inferred") */
};

struct bom_finding {
	enum verdict severity; /* VERDICT_INFO, _REVIEW or _BLOCK */
	char *policy;          /* policy id */
	char *rule;            /* rule id within the policy */
	char *role;
	char *entity;
	char *reason; /* one line a person reads: why the rule applies */
	char *waiver; /* the waiver that names it, in force or expired, or NULL */
	int waived;   /* a waiver in force excuses it: it does not count */
};

/* A (name, value) pair: for the machine, the database fingerprint, the
 * policies, ...; for a component, facts that are not identifiers. */
struct bom_prop {
	char *name;
	char *value;
};

/* A role a rule in force reaches that no source showed (DESIGN.md §7):
 * why (a reason code: not-probed, needs-root, needs-driver, not-in-input,
 * not-shown) with a sentence, and what to collect to see it. */
struct bom_unseen {
	char *role;
	char *reason;  /* the code */
	char *detail;  /* the sentence */
	char *collect; /* the command that would show it */
};

struct bom_component {
	char *kind;        /* "pci", "usb", ... */
	char *location;    /* "0000:3b:00.0" */
	char *name;        /* product name from the ID list, or NULL */
	char *description; /* what it is, e.g. its PCI class name, or NULL */
	char *firmware;    /* version of the firmware it runs, or NULL: written as
			    * a nested CycloneDX firmware component */

	struct bom_id *ids;
	size_t nids, capids;
	struct bom_attr *attrs;
	size_t nattrs, capattrs;
	struct bom_finding *findings;
	size_t nfindings, capfindings;
	struct bom_prop *props; /* other facts: "usb.speed" = "480" */
	size_t nprops, capprops;

	enum verdict verdict;
	char *unknown_reason; /* why the verdict is unknown, or NULL */
	/* roles a rule in force reaches that no source showed for this part:
	 * its coverage is partial when there is one */
	char **unseen;
	size_t nunseen, capunseen;
	char *ref;            /* its bom-ref, unique in the BOM: set by bom_unique_refs() */
};

/* What one source of the scan could see: "read" (complete), "absent" (read,
 * nothing there), "not-probed", "denied", ... */
struct bom_coverage {
	char *source; /* "pci", "usb", "dmi", ... */
	char *state;
	char *detail; /* how it was read, or why not; may be NULL */
};

/* A policy the BOM was judged with and its rules, for the CycloneDX
 * attestations (definitions/standards, declarations). */
struct bom_rule {
	char *id, *cite;
	int in_force; /* on the BOM's as-of date */
	int blind;    /* it could see nothing it reaches (a country-of-production
		       * rule and no component declared of its categories), or a
		       * role it reaches was unseen: no conformance is affirmed */
};

struct bom_policy {
	char *id, *title, *citation, *edition;
	struct bom_rule *rules;
	size_t nrules, caprules;
};

struct bom {
	char *machine; /* a name for the machine (host name or capture name) */
	char *as_of;   /* YYYY-MM-DD the verdicts hold for */

	struct bom_component **components;
	size_t ncomponents, capcomponents;
	struct bom_coverage *coverage;
	size_t ncoverage, capcoverage;
	struct bom_prop *props;
	size_t nprops, capprops;
	struct bom_policy *policies;
	size_t npolicies, cappolicies;

	enum verdict verdict; /* the worst finding on what was read */
	/* the roles no source showed: coverage is complete without any */
	struct bom_unseen *unseen;
	size_t nunseen, capunseen;
};

/* Free with bom_free(). */
struct bom *bom_new(void);
void bom_free(struct bom *b);

/* Set a string field, sanitising it; NULL clears. */
void bom_set(char **field, const char *value);

/* Append a component owned by b; the returned pointer stays valid. A
 * location its kind already has becomes "LOCATION #2" (#3, ...): bom-refs
 * are unique whatever the input repeats. */
struct bom_component *bom_add_component(struct bom *b, const char *kind, const char *location);
/* Free component i and close the gap. */
void bom_remove_component(struct bom *b, size_t i);
/* Add an identifier; a serial (ns "*.serial") that is a placeholder
 * ("--", "0", "Not Specified", "To Be Filled By O.E.M.", ...) is left out. */
void bom_add_id(struct bom_component *c, const char *ns, const char *value, const char *name);
/* Whether s is what firmware writes where no serial number was set. */
int bom_serial_placeholder(const char *s);
/* Identifier ns of c, or NULL; its value, or NULL. */
const struct bom_id *bom_get_id(const struct bom_component *c, const char *ns);
const char *bom_id_value(const struct bom_component *c, const char *ns);
struct bom_attr *bom_add_attr(struct bom_component *c, const char *role, const char *key);
/* The first attribution of c whose role is a maker (part 1) or an
 * assembler (part 2) in roles.h's sense, or NULL. */
const struct bom_attr *bom_find_part(const struct bom_component *c, int part);
/* The first attribution of c in role, or NULL. */
const struct bom_attr *bom_find_attr(const struct bom_component *c, const char *role);
struct bom_finding *bom_add_finding(struct bom_component *c, enum verdict severity,
				    const char *policy, const char *rule, const char *role,
				    const char *entity, const char *reason);
void bom_set_coverage(struct bom *b, const char *source, const char *state, const char *detail);
const struct bom_coverage *bom_get_coverage(const struct bom *b, const char *source);
void bom_add_prop(struct bom *b, const char *name, const char *value);
/* Record a policy (its rules with bom_add_rule(), before the next policy). */
struct bom_policy *bom_add_policy(struct bom *b, const char *id, const char *title,
				  const char *citation, const char *edition);
void bom_add_rule(struct bom_policy *p, const char *id, const char *cite, int in_force);

void bom_add_cprop(struct bom_component *c, const char *name, const char *value);

/* Record that no source showed role (on the machine: why, and what to
 * collect; once per role). Whether role is unseen on b or c. */
void bom_add_unseen(struct bom *b, const char *role, const char *reason, const char *detail,
		    const char *collect);
const struct bom_unseen *bom_get_unseen(const struct bom *b, const char *role);
void bom_add_cunseen(struct bom_component *c, const char *role);
int bom_cunseen(const struct bom_component *c, const char *role);
/* Remove every component property called name. */
void bom_del_cprop(struct bom_component *c, const char *name);
/* The value of component property name, or NULL. */
const char *bom_get_cprop(const struct bom_component *c, const char *name);

/* The value of a finding's hwbom:finding property, "SEVERITY POLICY/RULE
 * ROLE ENTITY", and of its hwbom:waiver ("POLICY/RULE ROLE ENTITY: WAIVER",
 * NULL when no waiver names it). Free with free(). */
char *bom_finding_str(const struct bom_finding *f);
char *bom_waiver_str(const struct bom_finding *f);

/* The component's bom-ref: the one bom_unique_refs() gave it, else its base
 * ref, its location when that already starts with "KIND:" (usb:1-3.1), else
 * "KIND:LOCATION" (pci:0000:3b:00.0). Free with free(). */
char *bom_ref(const struct bom_component *c);

/* bom-refs must be unique in a BOM (the CycloneDX XSD says so), and two
 * components can have the same base ref: a DIMM locator or a CPU socket
 * repeated by the firmware, an SMBIOS structure listed twice, a PCI function
 * read twice. Set c->ref for every component of b: the first with a base
 * ref, in the BOM's order, keeps it; the later ones get BASE#2, BASE#3, ...
 * skipping any name that is some component's own base ref. Unique, and the
 * same on every run for the same components; the writers, the reader and
 * the scan (before judging) call it. */
void bom_unique_refs(struct bom *b);

/* Order components by kind, keeping the order each probe gave within a
 * kind (a probe sorts its own: PCI by address, USB by bus and port). */
void bom_sort(struct bom *b);

#endif
