/*
 * config.c - reading .stallcheck.json (see config.h).
 *
 * JSON because jansson is already linked and reports syntax errors with a
 * line and a column.  Every key and every value's type is checked: a typo is
 * an error naming the file, line and key, never a setting silently ignored.
 * jansson keeps no positions for values, so problems are placed by walking
 * the text again (json_locate below) to the key or element at fault.
 */
#include "config.h"

#include <fnmatch.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
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

/* ---- where a value is in the text --------------------------------------- */

/* One step into the document: an object member (key) or an array element. */
typedef struct seg {
  const char *key; /* NULL: an array element */
  size_t index;
} seg;

static const char *skip_ws(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  return p;
}

/* Past the string starting at p (at its opening quote). */
static const char *skip_string(const char *p, const char *end) {
  for (p++; p < end && *p != '"'; p++)
    if (*p == '\\') p++;
  return p < end ? p + 1 : end;
}

/* Past the value at p; the text is valid JSON (jansson parsed it). */
static const char *skip_value(const char *p, const char *end) {
  if (p >= end) return end;
  if (*p == '"') return skip_string(p, end);
  if (*p == '{' || *p == '[') {
    int depth = 0;
    while (p < end) {
      if (*p == '"') {
        p = skip_string(p, end);
        continue;
      }
      if (*p == '{' || *p == '[') depth++;
      if ((*p == '}' || *p == ']') && --depth == 0) return p + 1;
      p++;
    }
    return end;
  }
  while (p < end && !strchr(",}] \t\r\n", *p)) p++;
  return p;
}

/* The position of the last step of `path`: the member's key, or the array
 * element.  Where the path cannot be followed (a key spelt with escapes),
 * the deepest position reached. */
static const char *json_locate(const char *text, size_t len, const seg *path, size_t depth) {
  const char *p = skip_ws(text, text + len), *end = text + len, *found = p;
  for (size_t d = 0; d < depth && p < end; d++) {
    if (path[d].key) {
      if (*p != '{') return found;
      p = skip_ws(p + 1, end);
      size_t klen = strlen(path[d].key);
      for (;;) {
        if (p >= end || *p != '"') return found;
        const char *key = p;
        const char *after = skip_string(p, end);
        int match = (size_t)(after - key) == klen + 2 && !memcmp(key + 1, path[d].key, klen);
        p = skip_ws(after, end);
        if (p < end && *p == ':') p = skip_ws(p + 1, end);
        if (match) {
          found = key;
          break;
        }
        p = skip_ws(skip_value(p, end), end);
        if (p < end && *p == ',') p = skip_ws(p + 1, end);
      }
    } else {
      if (*p != '[') return found;
      p = skip_ws(p + 1, end);
      for (size_t i = 0; i < path[d].index; i++) {
        p = skip_ws(skip_value(p, end), end);
        if (p >= end || *p != ',') return found;
        p = skip_ws(p + 1, end);
      }
      found = p;
    }
  }
  return found;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct loader {
  const char *path;
  char *text;
  size_t len;
  sc_config *config;
  sc_options *options;
  sc_config_exclude *entry; /* the "exclude"/"suppress" entry being read */
} loader;

/* "stallcheck: LEVEL: FILE:LINE:COL: message", placed at `path`. */
static void complain(const loader *L, const char *level, const seg *path, size_t depth, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static void complain(const loader *L, const char *level, const seg *path, size_t depth, const char *fmt, ...) {
  const char *at = L->text ? json_locate(L->text, L->len, path, depth) : NULL;
  unsigned line = 1, col = 1;
  for (const char *p = L->text; at && p < at; p++) {
    if (*p == '\n') line++, col = 1;
    else col++;
  }
  fprintf(stderr, "stallcheck: %s: %s:%u:%u: ", level, L->path, line, col);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

/* Each key of `obj` must be one of `keys`.  path[depth - 1] is obj's place. */
static int check_keys(const loader *L, json_t *obj, seg *path, size_t depth, const char *where,
                      const char *const *keys) {
  const char *key;
  json_t *value;
  int rc = 0;
  json_object_foreach(obj, key, value) {
    (void)value;
    const char *const *k = keys;
    while (*k && strcmp(*k, key)) k++;
    if (*k) continue;
    path[depth].key = key;
    complain(L, "error", path, depth + 1, "unknown key '%s' in %s (see docs/config.md)", key, where);
    rc = -1;
  }
  return rc;
}

/* A rule id the configuration names: unknown ids are warnings (a newer
 * configuration may name a rule this version lacks), never silent. */
static int rule_exists(const loader *L, const seg *path, size_t depth, const char *id) {
  if (sc_rule_find(id)) return 1;
  complain(L, "warning", path, depth, "no rule named '%s' (see stallcheck --list-rules)", id);
  return 0;
}

/* An optional string member; -1 (after complaining) if it is not a string. */
static int string_member(const loader *L, json_t *obj, seg *path, size_t depth, const char *key, const char **out) {
  json_t *v = json_object_get(obj, key);
  *out = NULL;
  if (!v) return 0;
  path[depth].key = key;
  if (!json_is_string(v) || !*json_string_value(v)) {
    complain(L, "error", path, depth + 1, "'%s' must be a non-empty string", key);
    return -1;
  }
  *out = json_string_value(v);
  return 0;
}

static int expect_array(const loader *L, json_t *v, seg *path, size_t depth, const char *what) {
  if (json_is_array(v)) return 0;
  complain(L, "error", path, depth, "'%s' must be an array of %s", path[depth - 1].key, what);
  return -1;
}

/* An array of rule ids: each a string; unknown ids warned about and left out. */
static int rule_list(const loader *L, json_t *list, seg *path, size_t depth, int (*use)(loader *, const char *),
                     loader *mut) {
  if (expect_array(L, list, path, depth, "rule ids") != 0) return -1;
  size_t i;
  json_t *item;
  json_array_foreach(list, i, item) {
    path[depth] = (seg){NULL, i};
    if (!json_is_string(item)) {
      complain(L, "error", path, depth + 1, "a rule id is a string, such as \"blocking-call-in-event-loop\"");
      return -1;
    }
    if (rule_exists(L, path, depth + 1, json_string_value(item)) && use) use(mut, json_string_value(item));
  }
  return 0;
}

static int disable_rule(loader *L, const char *id) { return sc_options_disable(L->options, id); }

static int load_levels(const loader *L, json_t *levels, seg *path) {
  if (!json_is_object(levels)) {
    complain(L, "error", path, 1, "'levels' must be an object {\"<rule>\": \"note\" | \"warning\" | \"error\"}");
    return -1;
  }
  size_t n = 0;
  const sc_rule *rules = sc_rules(&n);
  const char *id;
  json_t *value;
  json_object_foreach(levels, id, value) {
    path[1].key = id;
    const char *v = json_is_string(value) ? json_string_value(value) : "";
    int level = !strcmp(v, "note") ? SC_LEVEL_NOTE : !strcmp(v, "warning") ? SC_LEVEL_WARNING
                : !strcmp(v, "error") ? SC_LEVEL_ERROR : -1;
    if (level < 0) {
      complain(L, "error", path, 2, "the level of '%s' is \"note\", \"warning\" or \"error\"", id);
      return -1;
    }
    if (rule_exists(L, path, 2, id)) L->options->level_override[sc_rule_find(id) - rules] = level;
  }
  return 0;
}

/* "thresholds": the numbers the CPU and GPU checks judge loops by.  Each is
 * checked against its range: a threshold of 0 would turn every loop into a
 * finding, and that is what "disable" and "levels" are for. */
static int load_thresholds(const loader *L, json_t *obj, seg *path, sc_thresholds *t) {
  static const char *const keys[] = {"cpu_heavy_steps", "cpu_nested_input_loops", "cpu_sort_few_elements",
                                     "gpu_hot_min_trips", NULL};
  static const struct {
    const char *key;
    double min, max;
    const char *meaning;
  } ranges[] = {
      {"cpu_heavy_steps", 1000, 1e15, "the estimated steps from which a loop nest is heavy; default 1e7"},
      {"cpu_nested_input_loops", 3, 8, "how deep input-bounded loops nest before they are heavy; default 3"},
      {"cpu_sort_few_elements", 0, 1e9, "the constant element count up to which a sort is cheap; default 64"},
      {"gpu_hot_min_trips", 2, 1e9, "the constant trip count from which a loop is hot; default 16"},
  };
  if (!json_is_object(obj)) {
    complain(L, "error", path, 1, "'thresholds' must be an object {\"cpu_heavy_steps\": 1e7, ...}");
    return -1;
  }
  if (check_keys(L, obj, path, 1, "'thresholds'", keys) != 0) return -1;
  for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++) {
    json_t *v = json_object_get(obj, ranges[i].key);
    if (!v) continue;
    path[1].key = ranges[i].key;
    double x = json_is_number(v) ? json_number_value(v) : -1;
    int integral = i > 0; /* every threshold but the step count is a count */
    if (!json_is_number(v) || x < ranges[i].min || x > ranges[i].max || (integral && !json_is_integer(v))) {
      complain(L, "error", path, 2, "'%s' must be %s from %.0f to %.0f (%s)", ranges[i].key,
               integral ? "an integer" : "a number", ranges[i].min, ranges[i].max, ranges[i].meaning);
      return -1;
    }
    switch (i) {
    case 0: t->cpu_heavy_steps = x; break;
    case 1: t->cpu_nested_input_loops = (uint32_t)x; break;
    case 2: t->cpu_sort_few_elements = (int64_t)x; break;
    default: t->gpu_hot_min_trips = (int64_t)x; break;
    }
  }
  return 0;
}

/* "blocking" and "cpu_heavy": the project's own functions of that kind. */
static int load_rows(const loader *L, json_t *list, seg *path, sc_api_kind kind) {
  static const char *const keys[] = {"function", "why", "remedy", NULL};
  if (expect_array(L, list, path, 1, "{\"function\": ...} objects") != 0) return -1;
  size_t i;
  json_t *item;
  json_array_foreach(list, i, item) {
    path[1] = (seg){NULL, i};
    sc_api row = {0};
    if (!json_is_object(item)) {
      complain(L, "error", path, 2, "an entry of '%s' is an object {\"function\": ...}", path[0].key);
      return -1;
    }
    if (check_keys(L, item, path, 2, path[0].key, keys) != 0) return -1;
    if (string_member(L, item, path, 2, "function", &row.function) != 0 ||
        string_member(L, item, path, 2, "why", &row.why) != 0 ||
        string_member(L, item, path, 2, "remedy", &row.remedy) != 0)
      return -1;
    if (!row.function) {
      complain(L, "error", path, 2, "an entry of '%s' needs \"function\"", path[0].key);
      return -1;
    }
    row.kind = kind;
    row.family = "user";
    row.library = "the program";
    if (!row.why) row.why = kind == SC_API_BLOCKING ? "waits (the project's configuration says so)"
                                                    : "computes for long (the project's configuration says so)";
    sc_catalog_add_api(&row);
  }
  return 0;
}

/* "registrars" and "offload": functions whose callback argument runs on a
 * loop thread or (offload) on a worker thread. */
static int load_registrars(const loader *L, json_t *list, seg *path, int offload) {
  static const char *const registrar_keys[] = {"function", "callback", "thread", "library", "what", NULL};
  static const char *const offload_keys[] = {"function", "callback", "library", "what", NULL};
  if (expect_array(L, list, path, 1, "{\"function\": ..., \"callback\": N} objects") != 0) return -1;
  size_t i;
  json_t *item;
  json_array_foreach(list, i, item) {
    path[1] = (seg){NULL, i};
    if (!json_is_object(item)) {
      complain(L, "error", path, 2, "an entry of '%s' is an object {\"function\": ..., \"callback\": N}", path[0].key);
      return -1;
    }
    if (check_keys(L, item, path, 2, path[0].key, offload ? offload_keys : registrar_keys) != 0) return -1;
    sc_registrar row = {0};
    const char *thread = NULL;
    if (string_member(L, item, path, 2, "function", &row.function) != 0 ||
        string_member(L, item, path, 2, "thread", &thread) != 0 ||
        string_member(L, item, path, 2, "library", &row.library) != 0 ||
        string_member(L, item, path, 2, "what", &row.what) != 0)
      return -1;
    json_t *cb = json_object_get(item, "callback");
    if (!row.function || !cb) {
      complain(L, "error", path, 2, "an entry of '%s' needs \"function\" and \"callback\" (the argument index)",
               path[0].key);
      return -1;
    }
    if (!json_is_integer(cb) || json_integer_value(cb) < -1 || json_integer_value(cb) > 255) {
      path[2].key = "callback";
      complain(L, "error", path, 3, "\"callback\" is the callback's argument index: 0, 1, ... or -1 for the last");
      return -1;
    }
    if (thread && strcmp(thread, "loop") && strcmp(thread, "worker")) {
      path[2].key = "thread";
      complain(L, "error", path, 3, "\"thread\" is \"loop\" or \"worker\"");
      return -1;
    }
    row.cb_arg = (int)json_integer_value(cb);
    row.ctx = offload || (thread && !strcmp(thread, "worker")) ? SC_CTX_WORKER : SC_CTX_LOOP;
    /* Messages read "runs on the <library> loop thread". */
    if (!row.library) row.library = "project";
    if (offload && !row.what) row.what = "job";
    sc_catalog_add_registrar(&row);
  }
  return 0;
}

/* "loops": the program's own functions that run its event loop. */
static int load_loops(const loader *L, json_t *list, seg *path) {
  static const char *const keys[] = {"function", "library", NULL};
  if (expect_array(L, list, path, 1, "{\"function\": ...} objects") != 0) return -1;
  size_t i;
  json_t *item;
  json_array_foreach(list, i, item) {
    path[1] = (seg){NULL, i};
    if (!json_is_object(item)) {
      complain(L, "error", path, 2, "an entry of 'loops' is an object {\"function\": ..., \"library\": ...}");
      return -1;
    }
    if (check_keys(L, item, path, 2, "loops", keys) != 0) return -1;
    sc_loop_function row = {NULL, NULL};
    if (string_member(L, item, path, 2, "function", &row.function) != 0 ||
        string_member(L, item, path, 2, "library", &row.library) != 0)
      return -1;
    if (!row.function) {
      complain(L, "error", path, 2, "an entry of 'loops' needs \"function\": the function that runs the loop");
      return -1;
    }
    sc_catalog_add_loop_function(&row);
  }
  return 0;
}

static char **grow_strings(char **v, size_t n) {
  char **p = realloc(v, (n + 2) * sizeof *p);
  if (!p) abort();
  return p;
}

/* "hot": the program's functions whose loops are hot paths for the GPU rules,
 * as if declared __attribute__((hot)). */
static int load_hot(const loader *L, json_t *list, seg *path) {
  if (expect_array(L, list, path, 1, "function names") != 0) return -1;
  size_t i;
  json_t *item;
  json_array_foreach(list, i, item) {
    path[1] = (seg){NULL, i};
    if (!json_is_string(item) || !*json_string_value(item)) {
      complain(L, "error", path, 2, "an entry of 'hot' is a function name");
      return -1;
    }
    sc_config *c = L->config;
    c->hot = grow_strings(c->hot, c->nhot);
    c->hot[c->nhot++] = strdup(json_string_value(item));
  }
  return 0;
}

static int add_rule_bit(loader *L, const char *id) {
  size_t n = 0;
  const sc_rule *rules = sc_rules(&n);
  L->entry->rules |= 1ull << (sc_rule_find(id) - rules);
  return 0;
}

/* "exclude" and "suppress": a pattern, or {"paths": [patterns], "rules":
 * [ids]} for some rules only ("suppress" entries may say why:
 * "justification"). */
static int load_path_rules(const loader *L, json_t *list, seg *path, sc_config_exclude **out, size_t *nout) {
  static const char *const exclude_keys[] = {"paths", "rules", NULL};
  static const char *const suppress_keys[] = {"paths", "rules", "justification", NULL};
  int suppress = out == &L->config->suppress;
  const char *what = suppress ? "a suppress entry" : "an exclude entry";
  if (expect_array(L, list, path, 1, "path patterns or {\"paths\", \"rules\"} objects") != 0) return -1;
  size_t i;
  json_t *item;
  json_array_foreach(list, i, item) {
    path[1] = (seg){NULL, i};
    json_t *paths = item;
    const char *justification = NULL;
    if (json_is_object(item)) {
      if (check_keys(L, item, path, 2, what, suppress ? suppress_keys : exclude_keys) != 0) return -1;
      if (string_member(L, item, path, 2, "justification", &justification) != 0) return -1;
      paths = json_object_get(item, "paths");
      if (!paths) {
        complain(L, "error", path, 2, "%s needs \"paths\"", what);
        return -1;
      }
    } else if (!json_is_string(item)) {
      complain(L, "error", path, 2, "%s is a path pattern or {\"paths\": [...], \"rules\": [...]}", what);
      return -1;
    }
    /* One entry per pattern; a rule list applies to each. */
    size_t npatterns = json_is_array(paths) ? json_array_size(paths) : 1;
    for (size_t k = 0; k < npatterns; k++) {
      json_t *pattern = json_is_array(paths) ? json_array_get(paths, k) : paths;
      path[2] = (seg){"paths", 0};
      path[3] = (seg){NULL, k};
      if (!json_is_string(pattern) || !*json_string_value(pattern)) {
        complain(L, "error", path, item == paths ? 2 : json_is_array(paths) ? 4 : 3,
                 "a path pattern is a non-empty string such as \"third_party/*\"");
        return -1;
      }
      void *p = realloc(*out, (*nout + 1) * sizeof **out);
      if (!p) abort();
      *out = p;
      sc_config_exclude *e = &(*out)[*nout];
      *e = (sc_config_exclude){strdup(json_string_value(pattern)), 0, justification ? strdup(justification) : NULL};
      json_t *rules = json_is_object(item) ? json_object_get(item, "rules") : NULL;
      if (rules) {
        path[2] = (seg){"rules", 0};
        ((loader *)L)->entry = e;
        int rc = rule_list(L, rules, path, 3, add_rule_bit, (loader *)L);
        /* Every rule named was unknown: covering nothing beats covering all. */
        if (rc != 0 || !e->rules) {
          free(e->pattern);
          free(e->justification);
          if (rc != 0) return -1;
          continue;
        }
      }
      (*nout)++;
    }
  }
  return 0;
}

static char *read_text(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  for (size_t got; buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
    n += got;
    if (n + 1 == cap) {
      char *p = realloc(buf, cap *= 2);
      if (!p) free(buf);
      buf = p;
    }
  }
  fclose(f);
  if (buf) buf[n] = 0;
  *len = n;
  return buf;
}

int sc_config_load(const char *path, sc_config *config, sc_options *options) {
  static const char *const keys[] = {"disable", "levels", "exclude", "blocking", "cpu_heavy",
                                     "registrars", "offload", "loops", "hot", "thresholds", "suppress", "$schema",
                                     NULL};
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
  loader L = {path, NULL, 0, config, options, NULL};
  L.text = read_text(path, &L.len);
  seg where[6] = {{0}};
  int rc = -1;
  if (!json_is_object(root)) {
    complain(&L, "error", where, 0, "the configuration must be a JSON object");
    goto done;
  }
  if (check_keys(&L, root, where, 0, "the configuration", keys) != 0) goto done;
  json_t *v;
#define MEMBER(name) (where[0].key = (name), v = json_object_get(root, (name)))
  if (MEMBER("$schema") && !json_is_string(v)) {
    complain(&L, "error", where, 1, "'$schema' must be a string");
    goto done;
  }
  if (MEMBER("disable") && rule_list(&L, v, where, 1, disable_rule, &L) != 0) goto done;
  if (MEMBER("levels") && load_levels(&L, v, where) != 0) goto done;
  if (MEMBER("blocking") && load_rows(&L, v, where, SC_API_BLOCKING) != 0) goto done;
  if (MEMBER("cpu_heavy") && load_rows(&L, v, where, SC_API_CPU_HEAVY) != 0) goto done;
  if (MEMBER("registrars") && load_registrars(&L, v, where, 0) != 0) goto done;
  if (MEMBER("offload") && load_registrars(&L, v, where, 1) != 0) goto done;
  if (MEMBER("loops") && load_loops(&L, v, where) != 0) goto done;
  if (MEMBER("hot") && load_hot(&L, v, where) != 0) goto done;
  if (MEMBER("exclude") && load_path_rules(&L, v, where, &config->exclude, &config->nexclude) != 0) goto done;
  if (MEMBER("suppress") && load_path_rules(&L, v, where, &config->suppress, &config->nsuppress) != 0) goto done;
  sc_thresholds thresholds = sc_thresholds_default;
  if (MEMBER("thresholds") && load_thresholds(&L, v, where, &thresholds) != 0) goto done;
  sc_thresholds_set(&thresholds);
#undef MEMBER
  config->path = strdup(path);
  /* Absolute, like the paths of findings: relative exclude patterns are
   * matched against the part below it (--config=conf.json gives "."). */
  char *real = realpath(path, NULL);
  config->dir = real ? real : strdup(path);
  char *slash = strrchr(config->dir, '/');
  if (slash) *slash = 0;
  else strcpy(config->dir, ".");
  rc = 0;
done:
  free(L.text);
  json_decref(root);
  if (rc != 0) sc_config_free(config);
  return rc;
}

/* ---- applying ----------------------------------------------------------- */

/* The entry of `list` covering finding `x`: its pattern matches the file
 * (relative to the configuration's directory, or absolute) and it names the
 * finding's rule or none. */
static const sc_config_exclude *covering(const sc_config *config, const sc_config_exclude *list, size_t n,
                                         const sc_finding *x) {
  const char *file = x->loc.file;
  if (!file) return NULL;
  const char *rel = file;
  size_t dirlen = config->dir ? strlen(config->dir) : 0;
  if (dirlen && !strncmp(file, config->dir, dirlen) && file[dirlen] == '/') rel = file + dirlen + 1;
  size_t nrules = 0;
  const sc_rule *rules = sc_rules(&nrules);
  uint64_t bit = 1ull << (x->rule - rules);
  for (size_t i = 0; i < n; i++) {
    const sc_config_exclude *e = &list[i];
    if (e->rules && !(e->rules & bit)) continue;
    if (fnmatch(e->pattern, rel, 0) == 0 || fnmatch(e->pattern, file, 0) == 0) return e;
  }
  return NULL;
}

int sc_config_excludes(const sc_config *config, const sc_finding *x) {
  return covering(config, config->exclude, config->nexclude, x) != NULL;
}

const sc_config_exclude *sc_config_suppression(const sc_config *config, const sc_finding *x) {
  return covering(config, config->suppress, config->nsuppress, x);
}

void sc_config_apply_suppressions(const sc_config *config, sc_findings *findings) {
  for (size_t i = 0; config->nsuppress && i < findings->count; i++) {
    sc_finding *x = &findings->items[i];
    const sc_config_exclude *e = x->suppressed ? NULL : sc_config_suppression(config, x);
    if (!e) continue;
    x->suppressed = SC_SUPPRESSED_CONFIG;
    x->justification = e->justification;
  }
}

static int drop_excluded(const sc_finding *x, void *ctx) { return sc_config_excludes(ctx, x); }

void sc_config_apply_excludes(const sc_config *config, sc_findings *findings) {
  if (config->nexclude) sc_findings_drop(findings, drop_excluded, (void *)config);
}

void sc_config_mark_functions(const sc_config *config, sc_facts **tus, size_t ntus) {
  if (!config->nhot) return;
  for (size_t t = 0; t < ntus; t++) {
    if (!tus[t]) continue;
    for (uint32_t i = 0; i < tus[t]->nfunctions; i++) {
      sc_function *fn = &tus[t]->functions[i];
      for (size_t k = 0; fn->name && k < config->nhot; k++)
        if (!strcmp(fn->name, config->hot[k])) fn->flags |= SC_FN_HOT;
    }
  }
}

/* "exclude"/"suppress" entries as the file would write them. */
static json_t *path_rules_json(const sc_config_exclude *list, size_t count) {
  size_t n = 0;
  const sc_rule *all = sc_rules(&n);
  json_t *out = json_array();
  for (size_t i = 0; i < count; i++) {
    const sc_config_exclude *e = &list[i];
    if (!e->rules && !e->justification) {
      json_array_append_new(out, json_string(e->pattern));
      continue;
    }
    json_t *entry = json_pack("{s:[s]}", "paths", e->pattern);
    if (e->rules) {
      json_t *ids = json_array();
      for (size_t r = 0; r < n; r++)
        if (e->rules & (1ull << r)) json_array_append_new(ids, json_string(all[r].id));
      json_object_set_new(entry, "rules", ids);
    }
    if (e->justification) json_object_set_new(entry, "justification", json_string(e->justification));
    json_array_append_new(out, entry);
  }
  return out;
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
  json_object_set_new(root, "exclude", path_rules_json(config->exclude, config->nexclude));
  json_object_set_new(root, "suppress", path_rules_json(config->suppress, config->nsuppress));
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
  json_t *hot = json_array();
  for (size_t i = 0; i < config->nhot; i++) json_array_append_new(hot, json_string(config->hot[i]));
  json_object_set_new(root, "blocking", blocking);
  json_object_set_new(root, "cpu_heavy", heavy);
  /* "offload" entries are worker registrars: they show there. */
  json_object_set_new(root, "registrars", registrars);
  json_t *loops = json_array();
  const sc_loop_function *runs = sc_catalog_user_loop_function_table(&n);
  for (size_t i = 0; i < n; i++)
    json_array_append_new(loops, json_pack("{s:s, s:s}", "function", runs[i].function, "library", runs[i].library));
  json_object_set_new(root, "loops", loops);
  json_object_set_new(root, "hot", hot);
  const sc_thresholds *t = sc_thresholds_get();
  json_object_set_new(root, "thresholds",
                      json_pack("{s:f, s:i, s:I, s:I}", "cpu_heavy_steps", t->cpu_heavy_steps,
                                "cpu_nested_input_loops", (int)t->cpu_nested_input_loops, "cpu_sort_few_elements",
                                (json_int_t)t->cpu_sort_few_elements, "gpu_hot_min_trips",
                                (json_int_t)t->gpu_hot_min_trips));
  json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(root);
}

void sc_config_free(sc_config *config) {
  for (size_t i = 0; i < config->nexclude; i++) free(config->exclude[i].pattern);
  free(config->exclude);
  for (size_t i = 0; i < config->nsuppress; i++) {
    free(config->suppress[i].pattern);
    free(config->suppress[i].justification);
  }
  free(config->suppress);
  for (size_t i = 0; i < config->nhot; i++) free(config->hot[i]);
  free(config->hot);
  free(config->path);
  free(config->dir);
  memset(config, 0, sizeof *config);
}
