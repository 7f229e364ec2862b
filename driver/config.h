/*
 * config.h - the project's configuration file, `.stallcheck.json`.
 *
 *   {
 *     "disable": ["cpu-heavy-work-on-io-thread"],
 *     "levels": {"blocking-call-in-event-loop": "error"},
 *     "exclude": ["vendor.c", "gen_tables.c"],
 *     "blocking": [{"function": "rpc_call_sync", "why": "waits for the RPC server",
 *                   "remedy": "use rpc_call_async"}],
 *     "cpu_heavy": [{"function": "render_report"}],
 *     "registrars": [{"function": "loop_add_timer", "callback": 1, "thread": "loop"}]
 *   }
 *
 * Found by walking up from the compile database's directory (or the current
 * directory), or named with --config.  docs/configuration.md is the reference.
 */
#ifndef STALLCHECK_DRIVER_CONFIG_H
#define STALLCHECK_DRIVER_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "stallcheck/findings.h"
#include "stallcheck/program.h"

typedef struct sc_config {
  char *path;        /* the file read, or NULL when there was none */
  char *dir;         /* its directory: exclude patterns are relative to it */
  char **exclude;
  size_t nexclude;
} sc_config;

/* Finds .stallcheck.json in `start` or a parent directory.  Returns a heap
 * path, or NULL. */
char *sc_config_find(const char *start);

/* Reads `path`: rule settings go into `options`, catalog rows into the
 * catalog.  Returns 0, or -1 after printing "stallcheck: error: FILE:LINE:COL:
 * ..." to stderr.  Unknown keys and rule ids are warnings. */
int sc_config_load(const char *path, sc_config *config, sc_options *options);

/* Drops the findings in excluded files (they stay analysed: paths through
 * them still count). */
void sc_config_apply_excludes(const sc_config *config, sc_findings *findings);

/* Prints the effective configuration as JSON: where it came from, each rule's
 * state and level, the excludes and the catalog rows it added. */
void sc_config_dump(FILE *out, const sc_config *config, const sc_options *options);

void sc_config_free(sc_config *config);

#endif
