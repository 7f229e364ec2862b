/*
 * config.h - the project's configuration file, `.stallcheck.json`.
 *
 *   {
 *     "disable": ["cpu-heavy-work-on-io-thread"],
 *     "levels": {"blocking-call-in-event-loop": "error"},
 *     "exclude": ["vendor.c", {"paths": ["legacy.c"], "rules": ["cpu-heavy-work-on-io-thread"]}],
 *     "blocking": [{"function": "rpc_call_sync", "why": "waits for the RPC server",
 *                   "remedy": "use rpc_call_async"}],
 *     "cpu_heavy": [{"function": "render_report"}],
 *     "registrars": [{"function": "loop_add_timer", "callback": 1, "thread": "loop"}],
 *     "offload": [{"function": "pool_submit", "callback": 1}],
 *     "hot": ["render_frame"]
 *   }
 *
 * Found by walking up from the compile database's directory (or the current
 * directory), or named with --config.  docs/config.md is the reference.
 */
#ifndef STALLCHECK_DRIVER_CONFIG_H
#define STALLCHECK_DRIVER_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include <stdint.h>

#include "stallcheck/facts.h"
#include "stallcheck/findings.h"
#include "stallcheck/program.h"

/* A path pattern whose findings are dropped: of every rule, or (rules != 0)
 * of the rules whose bit (index in sc_rules()) is set. */
typedef struct sc_config_exclude {
  char *pattern;
  uint64_t rules;
  char *justification; /* "suppress" entries: why, or NULL */
} sc_config_exclude;

typedef struct sc_config {
  char *path;        /* the file read, or NULL when there was none */
  char *dir;         /* its directory: exclude patterns are relative to it */
  sc_config_exclude *exclude;
  size_t nexclude;
  sc_config_exclude *suppress; /* "suppress": kept in SARIF as dismissed, out of the text */
  size_t nsuppress;
  char **hot;        /* functions to treat as __attribute__((hot)) */
  size_t nhot;
} sc_config;

/* Finds .stallcheck.json in `start` or a parent directory.  Returns a heap
 * path, or NULL. */
char *sc_config_find(const char *start);

/* Reads `path`: rule settings go into `options`, catalog rows into the
 * catalog.  Returns 0, or -1 after printing "stallcheck: error: FILE:LINE:COL:
 * ..." to stderr (an unknown key, a value of the wrong type).  Unknown rule
 * ids are warnings.  On failure `config` is left empty; catalog rows read
 * before the problem stay added. */
int sc_config_load(const char *path, sc_config *config, sc_options *options);

/* Drops the findings in excluded files (they stay analysed: paths through
 * them still count). */
void sc_config_apply_excludes(const sc_config *config, sc_findings *findings);
/* Whether an exclude of `config` drops finding `x`. */
int sc_config_excludes(const sc_config *config, const sc_finding *x);
/* Marks the findings a "suppress" entry covers (SC_SUPPRESSED_CONFIG, with
 * the entry's justification).  Findings already suppressed keep their
 * reason. */
void sc_config_apply_suppressions(const sc_config *config, sc_findings *findings);
/* The "suppress" entry of `config` covering `x`, or NULL. */
const sc_config_exclude *sc_config_suppression(const sc_config *config, const sc_finding *x);

/* Sets the function flags the configuration asks for ("hot") on the facts,
 * by function name.  Call after parsing, before linking. */
void sc_config_mark_functions(const sc_config *config, sc_facts **tus, size_t ntus);

/* Prints the effective configuration as JSON: where it came from, each rule's
 * state and level, the excludes and the catalog rows it added. */
void sc_config_dump(FILE *out, const sc_config *config, const sc_options *options);

void sc_config_free(sc_config *config);

#endif
