/*
 * config_tree.c - configurations nearer to a file than the run's
 * (config_tree.h).
 */
#include "config_tree.h"

#include <stdlib.h>
#include <string.h>

#include "stallcheck/catalog.h"

struct sc_nearer_config {
  char *path;
  sc_config config;
  sc_options options;
};

struct sc_config_dir {
  char *dir;
  long config; /* index into configs; -1: the run's, or none */
};

void sc_config_tree_init(sc_config_tree *t, const char *main_path) {
  memset(t, 0, sizeof *t);
  t->main_path = main_path ? strdup(main_path) : NULL;
}

static void *grow(void *items, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return items;
  *cap = *cap ? *cap * 2 : 16;
  void *p = realloc(items, *cap * size);
  if (!p) abort();
  return p;
}

/* The configuration for files in `dir`: its index, -1 for the run's (or
 * none), -2 when it does not load. */
static long config_of_dir(sc_config_tree *t, const char *dir) {
  for (size_t i = 0; i < t->ndirs; i++)
    if (!strcmp(t->dirs[i].dir, dir)) return t->dirs[i].config;
  char *found = sc_config_find(dir);
  long index = -1;
  if (found && (!t->main_path || strcmp(found, t->main_path) != 0)) {
    for (size_t i = 0; i < t->nconfigs && index < 0; i++)
      if (!strcmp(t->configs[i].path, found)) index = (long)i;
    if (index < 0) {
      /* The run's thresholds hold: a nearer file's would change them for
       * the whole program. */
      sc_thresholds kept = *sc_thresholds_get();
      struct sc_nearer_config c = {found, {0}, {0}};
      sc_options_init(&c.options);
      int rc = sc_config_load(found, &c.config, &c.options);
      sc_thresholds_set(&kept);
      if (rc != 0) {
        free(found);
        return -2;
      }
      t->configs = grow(t->configs, &t->cap_configs, t->nconfigs + 1, sizeof *t->configs);
      t->configs[t->nconfigs] = c;
      index = (long)t->nconfigs++;
      found = NULL; /* owned by the entry */
    }
  }
  free(found);
  t->dirs = grow(t->dirs, &t->cap_dirs, t->ndirs + 1, sizeof *t->dirs);
  t->dirs[t->ndirs].dir = strdup(dir);
  t->dirs[t->ndirs].config = index;
  t->ndirs++;
  return index;
}

static long config_of_file(sc_config_tree *t, const char *file) {
  char *dir = strdup(file);
  if (!dir) abort();
  char *slash = strrchr(dir, '/');
  if (slash) *slash = '\0';
  long index = config_of_dir(t, slash ? (dir[0] ? dir : "/") : ".");
  free(dir);
  return index;
}

int sc_config_tree_add_file(sc_config_tree *t, const char *file) {
  return file && config_of_file(t, file) == -2 ? -1 : 0;
}

void sc_config_tree_mark_functions(const sc_config_tree *t, sc_facts **tus, size_t ntus) {
  for (size_t i = 0; i < t->nconfigs; i++) sc_config_mark_functions(&t->configs[i].config, tus, ntus);
}

/* The nearer configuration for finding `x`, or NULL (the run's judges it);
 * sets *failed when one does not load. */
static const struct sc_nearer_config *judge_of(sc_config_tree *t, const sc_finding *x, int *failed) {
  if (!x->loc.file) return NULL;
  long index = config_of_file(t, x->loc.file);
  if (index == -2) *failed = 1;
  return index < 0 ? NULL : &t->configs[index];
}

static int dropped_by_nearer(const sc_finding *x, void *ctx) {
  int failed = 0;
  const struct sc_nearer_config *c = judge_of(ctx, x, &failed);
  return c && (!sc_options_enabled(&c->options, x->rule) || sc_config_excludes(&c->config, x));
}

int sc_config_tree_apply(sc_config_tree *t, sc_findings *findings) {
  int failed = 0;
  for (size_t i = 0; i < findings->count; i++) {
    sc_finding *x = &findings->items[i];
    const struct sc_nearer_config *c = judge_of(t, x, &failed);
    if (!c) continue;
    x->level = sc_options_level(&c->options, x->rule);
    const sc_config_exclude *e = x->suppressed ? NULL : sc_config_suppression(&c->config, x);
    if (e) {
      x->suppressed = SC_SUPPRESSED_CONFIG;
      x->justification = e->justification;
    }
  }
  if (failed) return -1;
  sc_findings_drop(findings, dropped_by_nearer, t);
  return 0;
}

void sc_config_tree_free(sc_config_tree *t) {
  for (size_t i = 0; i < t->nconfigs; i++) {
    free(t->configs[i].path);
    sc_config_free(&t->configs[i].config);
  }
  for (size_t i = 0; i < t->ndirs; i++) free(t->dirs[i].dir);
  free(t->configs);
  free(t->dirs);
  free(t->main_path);
  memset(t, 0, sizeof *t);
}
