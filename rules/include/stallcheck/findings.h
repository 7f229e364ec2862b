/*
 * findings.h - the rules stallcheck knows and the findings its checks make.
 */
#ifndef STALLCHECK_FINDINGS_H
#define STALLCHECK_FINDINGS_H

#include "stallcheck/facts.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sc_level { SC_LEVEL_NOTE = 0, SC_LEVEL_WARNING, SC_LEVEL_ERROR } sc_level;

/* A rule: stable id, docs and SARIF metadata. */
typedef struct sc_rule {
  const char *id;            /* "blocking-call-in-event-loop": never changes */
  const char *name;          /* SARIF name, PascalCase */
  const char *short_desc;    /* one line */
  const char *full_desc;     /* a paragraph */
  const char *help_text;     /* plain-text help: the remedy in brief */
  sc_level default_level;
  const char *precision;     /* SARIF/GitHub: "very-high", "high", "medium", "low" */
  const char *security_severity; /* unused by us: NULL */
  const char *tags;          /* comma-separated */
} sc_rule;

/* Every rule, in a stable order. */
const sc_rule *sc_rules(size_t *count);
const sc_rule *sc_rule_find(const char *id);
/* "https://.../docs/rules/<id>.md": where the rule's page is published. */
const char *sc_rule_help_uri(const sc_rule *rule, char *buf, size_t size);
#define SC_DOCS_BASE_URI "https://github.com/stallcheck/stallcheck/blob/main/docs/rules/"

/* One step of the explanation: the registration, then each call on the path. */
typedef enum sc_step_kind { SC_STEP_REGISTRATION = 0, SC_STEP_CALL, SC_STEP_LOOP } sc_step_kind;
typedef struct sc_step {
  sc_step_kind kind;
  sc_loc loc;
  char *message;             /* owned */
} sc_step;

/* Why a finding is suppressed (0: it is not). */
enum {
  SC_SUPPRESSED_IN_SOURCE = 1, /* a NOLINT comment */
  SC_SUPPRESSED_BASELINE = 2,  /* in the --baseline log */
  SC_SUPPRESSED_CONFIG = 3     /* a "suppress" entry of the configuration */
};

typedef struct sc_finding {
  const sc_rule *rule;
  sc_level level;
  sc_loc loc;                /* the offending call */
  char *message;             /* owned; one sentence, names the call and the context */
  char *remedy;              /* owned; what to do instead */
  const char *function;      /* enclosing function's name */
  const char *callee;        /* the call's target name */
  const char *root;          /* the callback (or loop function) the path starts at */
  sc_step *steps;            /* owned */
  size_t nsteps;
  int suppressed;            /* SC_SUPPRESSED_*: kept in SARIF, not in text */
  const char *justification; /* SC_SUPPRESSED_CONFIG: the entry's reason, or NULL (not owned) */
  char fingerprint[17];      /* hex, stable across unrelated line moves */
} sc_finding;

typedef struct sc_findings {
  sc_finding *items;
  size_t count, cap;
} sc_findings;

void sc_findings_init(sc_findings *f);
void sc_findings_free(sc_findings *f);
/* Takes ownership of message/remedy/steps (heap strings). */
sc_finding *sc_findings_add(sc_findings *f, const sc_rule *rule, sc_level level, sc_loc loc,
                            char *message, char *remedy);
void sc_finding_add_step(sc_finding *finding, sc_step_kind kind, sc_loc loc, char *message);
/* Removes (and frees) the findings for which `drop` returns nonzero. */
void sc_findings_drop(sc_findings *f, int (*drop)(const sc_finding *finding, void *ctx), void *ctx);
/* Sorts by file, line, column, rule; removes exact duplicates; computes
 * fingerprints.  Call once, after every check ran. */
void sc_findings_finish(sc_findings *f);

/* printf into a fresh heap string (never NULL: aborts on out-of-memory). */
char *sc_strdupf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#ifdef __cplusplus
}
#endif
#endif
