/*
 * config_tree.h - configurations nearer to a file than the run's.
 *
 * Like clang-tidy's .clang-tidy, the .stallcheck.json that applies to a file
 * is the nearest one above it.  A run reads one configuration for the whole
 * program (the nearest above the compile database or the first input): it
 * decides which rules run, and the program's own functions it names
 * (blocking, registrars, loops, offload, hot) and the thresholds hold
 * everywhere.  A nearer one, in a subdirectory (vendor/, generated/), adds
 * its own functions to those and judges the findings in its directory:
 * its "disable", "levels", "exclude" and "suppress" apply to them instead
 * of the run's.
 * Its thresholds are ignored (one set per run).
 */
#ifndef STALLCHECK_DRIVER_CONFIG_TREE_H
#define STALLCHECK_DRIVER_CONFIG_TREE_H

#include <stddef.h>

#include "config.h"

typedef struct sc_config_tree {
  char *main_path; /* the run's configuration, NULL when none */
  struct sc_nearer_config *configs;
  size_t nconfigs, cap_configs;
  struct sc_config_dir *dirs; /* directory -> configuration, as looked up */
  size_t ndirs, cap_dirs;
} sc_config_tree;

void sc_config_tree_init(sc_config_tree *t, const char *main_path);
/* Reads the configuration nearest above `file` when it is not the run's
 * (its rows go into the catalog).  Returns 0, or -1 after printing the
 * error (a malformed file). */
int sc_config_tree_add_file(sc_config_tree *t, const char *file);
/* The "hot" functions of every nearer configuration. */
void sc_config_tree_mark_functions(const sc_config_tree *t, sc_facts **tus, size_t ntus);
/* Judges each finding by the configuration nearest above its file, when it
 * is not the run's: drops it if that one disables its rule or excludes its
 * file, and gives it that one's level for its rule.  Returns 0, or -1 after
 * printing the error of a malformed configuration found only now (above a
 * header). */
int sc_config_tree_apply(sc_config_tree *t, sc_findings *findings);
void sc_config_tree_free(sc_config_tree *t);

#endif
