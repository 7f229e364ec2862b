/*
 * config.c - reading .stallcheck.json (see config.h).
 *
 * JSON because jansson is already linked and reports errors with a line and
 * a column; every key is checked, so a typo is a warning rather than a
 * setting silently ignored.
 */
#include "config.h"

#include <fnmatch.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stallcheck/catalog.h"

#define CONFIG_NAME ".stallcheck.json"

char *sc_config_find(const char *start) {
  char dir[PATH_MAX];
  if (!realpath(start, dir)) return NULL;
  for (;;) {
    char path[PATH_MAX + sizeof CONFIG_NAME + 1];
    snprintf(path, sizeof path, "%s/%s", strcmp(dir, "/") ? dir : "", CONFIG_NAME);
    if (access(path, R_OK) == 0) return strdup(path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
      if (strcmp(dir, "/") == 0) return NULL;
      strcpy(dir, "/");
      continue;
    }
    *slash = 0;
  }
}

/* Reports a problem at a value: jansson keeps no positions for values, so
 * the key names the place. */
static void complain(const char *path, const char *level, const char *what, const char *detail) {
  fprintf(stderr, "stallcheck: %s: %s: %s%s%s\n", level, path, what, detail ? ": " : "", detail ? detail : "");
}

static int known_key(const char *key, const char *const *keys) {
  for (; *keys; keys++)
    if (!strcmp(key, *keys)) return 1;
  return 0;
}

static int check_keys(const char *path, json_t *obj, const char *where, const char *const *keys) {
  const char *key;
  json_t *value;
  json_object_foreach(obj, key, value) {
    (void)value;
    if (!known_key(key, keys)) {
      char what[256];
      snprintf(what, sizeof what, "unknown key '%s' in %s", key, where);
      complain(path, "warning", what, NULL);
    }
  }
  return 0;
}

static const char *string_field(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static int rule_exists(const char *path, const char *id) {
  if (sc_rule_find(id)) return 1;
  char what[256];
  snprintf(what, sizeof what, "no rule named '%s' (see stallcheck --list-rules)", id);
  complain(path, "warning", what, NULL);
  return 0;
}

static int load_rows(const char *path, json_t *list, const char *key, sc_api_kind kind) {
  static const char *const keys[] = {"function", "why", "remedy", NULL};
  if (!list) return 0;
  if (!json_is_array(list)) {
    complain(path, "error", key, "expected an array of {\"function\": ...} objects");
    return -1;
  }
  size_t i;
  json_t *item;
  json_array_foreach(list, i, item) {
    const char *fn = json_is_object(item) ? string_field(item, "function") : NULL;
    if (!fn || !*fn) {
      complain(path, "error", key, "every entry needs a \"function\" name");
      return -1;
    }
    check_keys(path, item, key, keys);
    sc_api row = {0};
    row.function = fn;
    row.kind = kind;
    row.family = "user";
    row.library = "the program";
    row.why = string_field(item, "why");
    if (!row.why) row.why = kind == SC_API_BLOCKING ? "waits (the project's configuration says so)"
                                                    : "computes for long (the project's configuration says so)";
    row.remedy = string_field(item, "remedy");
    sc_catalog_add_api(&row);
  }
  return 0;
}

static int load_registrars(const char *path, json_t *list) {
  static const char *const keys[] = {"function", "callback", "thread", "library", "what", NULL};
  if (!list) return 0;
  if (!json_is_array(list)) {
    complain(path, "error", "registrars", "expected an array of {\"function\", \"callback\"} objects");
    return -1;
  }
  size_t i;
  json_t *item;
  json_array_foreach(list, i, item) {
    const char *fn = json_is_object(item) ? string_field(item, "function") : NULL;
    json_t *cb = json_is_object(item) ? json_object_get(item, "callback") : NULL;
    if (!fn || !json_is_integer(cb)) {
      complain(path, "error", "registrars", "every entry needs \"function\" and \"callback\" (the argument index)");
      return -1;
    }
    check_keys(path, item, "registrars", keys);
    const char *thread = string_field(item, "thread");
    if (thread && strcmp(thread, "loop") && strcmp(thread, "worker")) {
      complain(path, "error", "registrars", "\"thread\" is \"loop\" or \"worker\"");
      return -1;
    }
    sc_registrar row = {0};
    row.function = fn;
    row.cb_arg = (int)json_integer_value(cb);
    row.ctx = thread && !strcmp(thread, "worker") ? SC_CTX_WORKER : SC_CTX_LOOP;
    row.library = string_field(item, "library");
    row.what = string_field(item, "what");
    sc_catalog_add_registrar(&row);
  }
  return 0;
}

static int load_levels(const char *path, json_t *levels, sc_options *options) {
  if (!levels) return 0;
  if (!json_is_object(levels)) {
    complain(path, "error", "levels", "expected {\"<rule>\": \"note\" | \"warning\" | \"error\"}");
    return -1;
  }
  size_t n = 0;
  const sc_rule *rules = sc_rules(&n);
  const char *id;
  json_t *value;
  json_object_foreach(levels, id, value) {
    const char *v = json_is_string(value) ? json_string_value(value) : "";
    int level = !strcmp(v, "note") ? SC_LEVEL_NOTE : !strcmp(v, "warning") ? SC_LEVEL_WARNING
                : !strcmp(v, "error") ? SC_LEVEL_ERROR : -1;
    if (level < 0) {
      complain(path, "error", "levels", "a level is \"note\", \"warning\" or \"error\"");
      return -1;
    }
    if (!rule_exists(path, id)) continue;
    options->level_override[sc_rule_find(id) - rules] = level;
  }
  return 0;
}

int sc_config_load(const char *path, sc_config *config, sc_options *options) {
  static const char *const keys[] = {"disable", "levels", "exclude", "blocking", "cpu_heavy", "registrars", NULL};
  memset(config, 0, sizeof *config);
  json_error_t err;
  json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
  if (!root) {
    if (err.line > 0)
      fprintf(stderr, "stallcheck: error: %s:%d:%d: %s\n", path, err.line, err.column, err.text);
    else
      fprintf(stderr, "stallcheck: error: %s: %s\n", path, err.text);
    return -1;
  }
  int rc = -1;
  if (!json_is_object(root)) {
    complain(path, "error", "the configuration", "expected a JSON object");
    goto done;
  }
  check_keys(path, root, "the configuration", keys);
  json_t *disable = json_object_get(root, "disable");
  if (disable && !json_is_array(disable)) {
    complain(path, "error", "disable", "expected an array of rule ids");
    goto done;
  }
  size_t i;
  json_t *item;
  json_array_foreach(disable, i, item) {
    if (json_is_string(item) && rule_exists(path, json_string_value(item)))
      sc_options_disable(options, json_string_value(item));
  }
  if (load_levels(path, json_object_get(root, "levels"), options) != 0) goto done;
  if (load_rows(path, json_object_get(root, "blocking"), "blocking", SC_API_BLOCKING) != 0) goto done;
  if (load_rows(path, json_object_get(root, "cpu_heavy"), "cpu_heavy", SC_API_CPU_HEAVY) != 0) goto done;
  if (load_registrars(path, json_object_get(root, "registrars")) != 0) goto done;
  json_t *exclude = json_object_get(root, "exclude");
  if (exclude && !json_is_array(exclude)) {
    complain(path, "error", "exclude", "expected an array of path patterns");
    goto done;
  }
  config->exclude = calloc(json_array_size(exclude) + 1, sizeof *config->exclude);
  json_array_foreach(exclude, i, item)
    if (json_is_string(item)) config->exclude[config->nexclude++] = strdup(json_string_value(item));
  config->path = strdup(path);
  config->dir = strdup(path);
  char *slash = strrchr(config->dir, '/');
  if (slash) *slash = 0;
  rc = 0;
done:
  json_decref(root);
  return rc;
}

static int excluded(const sc_config *config, const char *file) {
  if (!file) return 0;
  const char *rel = file;
  size_t n = config->dir ? strlen(config->dir) : 0;
  if (n && !strncmp(file, config->dir, n) && file[n] == '/') rel = file + n + 1;
  for (size_t i = 0; i < config->nexclude; i++)
    if (fnmatch(config->exclude[i], rel, 0) == 0 || fnmatch(config->exclude[i], file, 0) == 0) return 1;
  return 0;
}

static int drop_excluded(const sc_finding *x, void *ctx) { return excluded(ctx, x->loc.file); }

void sc_config_apply_excludes(const sc_config *config, sc_findings *findings) {
  if (config->nexclude) sc_findings_drop(findings, drop_excluded, (void *)config);
}

void sc_config_dump(FILE *out, const sc_config *config, const sc_options *options) {
  static const char *const levels[] = {"note", "warning", "error"};
  json_t *root = json_object();
  json_object_set_new(root, "config", config->path ? json_string(config->path) : json_null());
  json_t *rules = json_object();
  size_t n = 0;
  const sc_rule *all = sc_rules(&n);
  for (size_t i = 0; i < n; i++)
    json_object_set_new(rules, all[i].id,
                        json_pack("{s:b, s:s}", "enabled", sc_options_enabled(options, &all[i]), "level",
                                  levels[sc_options_level(options, &all[i])]));
  json_object_set_new(root, "rules", rules);
  json_t *exclude = json_array();
  for (size_t i = 0; i < config->nexclude; i++) json_array_append_new(exclude, json_string(config->exclude[i]));
  json_object_set_new(root, "exclude", exclude);
  json_t *blocking = json_array(), *heavy = json_array(), *registrars = json_array();
  const sc_api *rows = sc_catalog_user_api_table(&n);
  for (size_t i = 0; i < n; i++) {
    json_t *row = json_pack("{s:s, s:s}", "function", rows[i].function, "why", rows[i].why);
    if (rows[i].remedy) json_object_set_new(row, "remedy", json_string(rows[i].remedy));
    json_array_append_new(rows[i].kind == SC_API_BLOCKING ? blocking : heavy, row);
  }
  const sc_registrar *regs = sc_catalog_user_registrar_table(&n);
  for (size_t i = 0; i < n; i++)
    json_array_append_new(registrars, json_pack("{s:s, s:i, s:s, s:s, s:s}", "function", regs[i].function, "callback",
                                                regs[i].cb_arg, "thread", regs[i].ctx == SC_CTX_WORKER ? "worker" : "loop",
                                                "library", regs[i].library, "what", regs[i].what));
  json_object_set_new(root, "blocking", blocking);
  json_object_set_new(root, "cpu_heavy", heavy);
  json_object_set_new(root, "registrars", registrars);
  json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(root);
}

void sc_config_free(sc_config *config) {
  for (size_t i = 0; i < config->nexclude; i++) free(config->exclude[i]);
  free(config->exclude);
  free(config->path);
  free(config->dir);
  memset(config, 0, sizeof *config);
}
