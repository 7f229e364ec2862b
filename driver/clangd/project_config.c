/*
 * project_config.c - the project's configuration for the analysis worker
 * (project_config.h).
 */
#include "project_config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "log.h"
#include "stallcheck/catalog.h"

static void forget(project_config *pc) {
  free(pc->path);
  pc->path = NULL;
  sc_config_free(&pc->config);
  sc_options_init(&pc->options);
  sc_catalog_clear_user_rows();
  sc_thresholds_set(&sc_thresholds_default);
}

void project_config_update(project_config *pc, const char *path) {
  char *dir = strdup(path);
  if (!dir) return;
  char *slash = strrchr(dir, '/');
  if (slash) *slash = '\0';
  char *found = sc_config_find(slash ? dir : ".");
  free(dir);
  struct stat st;
  int exists = found && stat(found, &st) == 0;
  if (exists && pc->path && !strcmp(found, pc->path) && st.st_mtime == pc->mtime && st.st_size == pc->size) {
    free(found);
    return; /* unchanged */
  }
  if (!found && !pc->path) {
    sc_options_init(&pc->options);
    return;
  }
  forget(pc);
  if (!exists) {
    free(found);
    return;
  }
  if (sc_config_load(found, &pc->config, &pc->options) != 0) {
    /* The reason went to stderr, which is the wrapper's log. */
    log_msg("%s does not load: analysing without a configuration until it is fixed", found);
    forget(pc);
    pc->path = found; /* not read again until it changes */
  } else {
    pc->path = found;
  }
  pc->mtime = st.st_mtime;
  pc->size = st.st_size;
}

void project_config_free(project_config *pc) { forget(pc); }
