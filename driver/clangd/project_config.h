/*
 * project_config.h - the project's .stallcheck.json as the analysis worker
 * uses it: the nearest one above the edited file, as `stallcheck` finds it,
 * read again only when another file is found or it changes on disk.
 */
#ifndef STALLCHECK_CLANGD_PROJECT_CONFIG_H
#define STALLCHECK_CLANGD_PROJECT_CONFIG_H

#include <sys/types.h>
#include <time.h>

#include "config.h"
#include "stallcheck/program.h"

typedef struct project_config {
  char *path;          /* the file read, NULL when there is none */
  time_t mtime;
  off_t size;
  sc_config config;    /* excludes and "hot" functions */
  sc_options options;  /* rule switches and levels */
} project_config;

/* Makes `pc` the configuration for the file at `path`.  A configuration that
 * does not load (a syntax error while the user edits it) is logged and
 * treated as none: the editor keeps its diagnostics.  Its rows go into the
 * process's catalog, replacing the previous file's. */
void project_config_update(project_config *pc, const char *path);
void project_config_free(project_config *pc);

#endif
