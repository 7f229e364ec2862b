/*
 * merge_sarif.c - SARIF 2.1.0 logs made into one log with one run, for
 * `stallcheck merge` (merge.h).
 *
 * Each compile writes its log relative to its own directory (%SRCROOT% is
 * the compile's working directory), so locations are rebased onto the
 * merged run's base before anything is compared.  A result is identified as
 * the engine identifies a finding across runs, by its rule and its
 * "stallcheck/v1" partial fingerprint, which does not depend on the TU that
 * reported it: a header's finding seen by ten TUs is one result.
 *
 * The output depends only on the set of inputs, not on their order (apart
 * from tool.driver, taken from the first), so CI diffs and caches work.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "stallcheck/findings.h"

#define FINGERPRINT_KEY "stallcheck/v1"
#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define TEXT_FLAGS (JSON_COMPACT | JSON_SORT_KEYS)

static json_t *fail(char *error, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(error, size, fmt, ap);
  va_end(ap);
  return NULL;
}

static json_t *get_path(json_t *j, const char *a, const char *b, const char *c) {
  j = json_object_get(j, a);
  if (b) j = json_object_get(j, b);
  if (c) j = json_object_get(j, c);
  return j;
}

/* A log this merge understands: SARIF 2.1.0, every run with a tool name,
 * results and artifacts as arrays of objects. */
static int check_log(json_t *log, const char *name, char *error, size_t size) {
  json_t *version = json_object_get(log, "version"), *runs = json_object_get(log, "runs");
  if (!json_is_object(log) || !json_is_string(version) || !json_is_array(runs)) {
    fail(error, size, "%s: not a SARIF log (no \"version\" and \"runs\")", name);
    return -1;
  }
  if (strcmp(json_string_value(version), "2.1.0") != 0) {
    fail(error, size, "%s: SARIF version %s; stallcheck merge reads SARIF 2.1.0", name, json_string_value(version));
    return -1;
  }
  size_t i, k;
  json_t *run, *item;
  json_array_foreach(runs, i, run) {
    if (!json_is_string(get_path(run, "tool", "driver", "name"))) {
      fail(error, size, "%s: run %zu has no tool.driver.name: not a SARIF log", name, i);
      return -1;
    }
    static const char *const arrays[] = {"results", "artifacts", "invocations"};
    for (size_t a = 0; a < sizeof arrays / sizeof *arrays; a++) {
      json_t *array = json_object_get(run, arrays[a]);
      if (!array) continue;
      int ok = json_is_array(array);
      json_array_foreach(array, k, item) ok = ok && json_is_object(item);
      if (!ok) {
        fail(error, size, "%s: run %zu: \"%s\" is not an array of objects: not a SARIF log", name, i, arrays[a]);
        return -1;
      }
    }
  }
  return 0;
}

/* ---- Locations: every uri onto the merged run's bases ---- */

/* The uri that base `id` stands for, when it is a plain one (not itself
 * relative to another base). */
static const char *base_uri(json_t *bases, const char *id) {
  json_t *base = json_object_get(bases, id);
  if (!base || json_object_get(base, "uriBaseId")) return NULL;
  return json_string_value(json_object_get(base, "uri"));
}

/* What one input run's locations are relative to. */
typedef struct run_context {
  json_t *bases;      /* the run's originalUriBaseIds */
  json_t *artifacts;  /* the run's artifacts: index-only locations name them */
  json_t *merged;     /* the merged run's originalUriBaseIds */
} run_context;

static void set_location(json_t *loc, const char *uri, const char *base_id) {
  json_object_set_new(loc, "uri", json_string(uri));
  if (base_id) json_object_set_new(loc, "uriBaseId", json_string(base_id));
  else json_object_del(loc, "uriBaseId");
}

/* RFC 3986 5.2.4 on the path of an absolute uri, in place: a log written
 * from build/ names a header ../include/h.h, another from the top
 * include/h.h, and both must come out the same. */
static void remove_dot_segments(char *uri) {
  char *scheme = strstr(uri, "://");
  char *path = scheme ? strchr(scheme + 3, '/') : NULL;
  if (!path) return;
  char *out = path, *in = path;
  while (*in) {
    char *end = strchr(in + 1, '/');
    size_t n = end ? (size_t)(end - in) : strlen(in); /* "/segment" */
    if (n == 2 && in[1] == '.') {
      if (!end) *out++ = '/';
    } else if (n == 3 && in[1] == '.' && in[2] == '.') {
      while (out > path && *--out != '/') {
      }
      if (!end) *out++ = '/';
    } else {
      memmove(out, in, n);
      out += n;
    }
    in += n;
  }
  *out = 0;
}

/* An artifactLocation of an input run, made relative to the longest merged
 * base that holds it, or absolute; one on a base nobody knows is left
 * alone. */
static void rebase(json_t *loc, const run_context *rc) {
  json_t *index = json_object_get(loc, "index");
  if (!json_object_get(loc, "uri") && json_is_integer(index)) {
    json_t *named = get_path(json_array_get(rc->artifacts, (size_t)json_integer_value(index)), "location", NULL, NULL);
    const char *uri = json_string_value(json_object_get(named, "uri"));
    if (uri) set_location(loc, uri, json_string_value(json_object_get(named, "uriBaseId")));
  }
  const char *uri = json_string_value(json_object_get(loc, "uri"));
  const char *id = json_string_value(json_object_get(loc, "uriBaseId"));
  if (!uri) return;
  char *absolute;
  if (id) {
    const char *from = base_uri(rc->bases, id);
    if (!from) return;
    size_t n = strlen(from);
    absolute = sc_strdupf("%s%s%s", from, n && from[n - 1] == '/' ? "" : "/", uri);
  } else if (!strncmp(uri, "file:", 5)) {
    absolute = strdup(uri);
  } else {
    return; /* relative to nothing said: nothing to rebase it from */
  }
  remove_dot_segments(absolute);
  const char *key, *best_id = NULL;
  size_t best = 0;
  json_t *value;
  json_object_foreach(rc->merged, key, value) {
    const char *base = base_uri(rc->merged, key);
    size_t n = base ? strlen(base) : 0;
    if (n > best && base[n - 1] == '/' && !strncmp(absolute, base, n) && absolute[n]) {
      best = n;
      best_id = key;
    }
  }
  set_location(loc, absolute + best, best_id);
  free(absolute);
}

/* Every artifactLocation inside `j` (a result, a notification). */
static void rebase_all(json_t *j, const run_context *rc) {
  const char *key;
  json_t *value;
  size_t i;
  if (json_is_object(j)) {
    json_object_foreach(j, key, value) {
      if (!strcmp(key, "artifactLocation") && json_is_object(value)) rebase(value, rc);
      else rebase_all(value, rc);
    }
  } else if (json_is_array(j)) {
    json_array_foreach(j, i, value) rebase_all(value, rc);
  }
}

/* "%SRCROOT%\nsrc/a.c": one artifact, whatever run listed it. */
static char *artifact_key(json_t *loc) {
  const char *uri = json_string_value(json_object_get(loc, "uri"));
  const char *id = json_string_value(json_object_get(loc, "uriBaseId"));
  return uri ? sc_strdupf("%s\n%s", id ? id : "", uri) : NULL;
}

/* Index-bearing artifactLocations point into the merged artifacts. */
static void reindex_all(json_t *j, json_t *index_of) {
  const char *key;
  json_t *value;
  size_t i;
  if (json_is_object(j)) {
    json_object_foreach(j, key, value) {
      if (strcmp(key, "artifactLocation") != 0 || !json_is_object(value)) {
        reindex_all(value, index_of);
        continue;
      }
      if (!json_object_get(value, "index")) continue;
      char *k = artifact_key(value);
      json_t *index = k ? json_object_get(index_of, k) : NULL;
      if (index) json_object_set(value, "index", index);
      else json_object_del(value, "index");
      free(k);
    }
  } else if (json_is_array(j)) {
    json_array_foreach(j, i, value) reindex_all(value, index_of);
  }
}

/* ---- Results ---- */

typedef struct entry {
  json_t *result;       /* a rebased copy */
  char *identity;       /* rule and fingerprint, or the result's whole text */
  char *text;           /* compact, keys sorted: the last word in every order */
  char *file;           /* sort keys, as the SARIF writer orders findings */
  json_int_t line, column;
  const char *rule, *message;
  size_t related;
} entry;

typedef struct merger {
  json_t *bases;          /* the merged originalUriBaseIds */
  json_t *rules;          /* id -> descriptor, the first run's that has it */
  json_t *artifacts;      /* artifact_key -> artifact */
  json_t *notifications;  /* text -> notification */
  int has_invocations, all_successful;
  entry *entries;
  size_t count, capacity;
} merger;

static const char *result_rule(json_t *result) {
  const char *id = json_string_value(json_object_get(result, "ruleId"));
  return id ? id : json_string_value(get_path(result, "rule", "id", NULL));
}

static void add_result(merger *m, json_t *result) {
  if (m->count == m->capacity) {
    m->capacity = m->capacity ? 2 * m->capacity : 64;
    m->entries = realloc(m->entries, m->capacity * sizeof *m->entries);
    if (!m->entries) abort();
  }
  entry *e = &m->entries[m->count++];
  memset(e, 0, sizeof *e);
  e->result = result;
  e->text = json_dumps(result, TEXT_FLAGS);
  if (!e->text) abort();
  e->rule = result_rule(result);
  const char *fingerprint = json_string_value(get_path(result, "partialFingerprints", FINGERPRINT_KEY, NULL));
  e->identity = e->rule && fingerprint ? sc_strdupf("%s\n%s", e->rule, fingerprint) : strdup(e->text);
  e->related = json_array_size(json_object_get(result, "relatedLocations"));
}

/* The merged bases: --srcroot's, or the first run's and any other id a
 * later run brings. */
static json_t *merged_bases(json_t *const *logs, size_t n, const char *srcroot_uri) {
  if (srcroot_uri) return json_pack("{s:{s:s}}", "%SRCROOT%", "uri", srcroot_uri);
  json_t *bases = json_object(), *run, *value;
  const char *key;
  size_t i;
  for (size_t l = 0; l < n; l++) {
    json_array_foreach(json_object_get(logs[l], "runs"), i, run) {
      json_object_foreach(json_object_get(run, "originalUriBaseIds"), key, value) {
        if (!json_object_get(bases, key)) json_object_set_new(bases, key, json_deep_copy(value));
      }
    }
  }
  return bases;
}

static void take_run(merger *m, json_t *run) {
  run_context rc = {json_object_get(run, "originalUriBaseIds"), json_object_get(run, "artifacts"), m->bases};
  json_t *rules = get_path(run, "tool", "driver", "rules"), *item;
  size_t i;
  json_array_foreach(rules, i, item) {
    const char *id = json_string_value(json_object_get(item, "id"));
    if (id && !json_object_get(m->rules, id)) json_object_set_new(m->rules, id, json_deep_copy(item));
  }
  json_array_foreach(json_object_get(run, "artifacts"), i, item) {
    json_t *copy = json_deep_copy(item), *loc = json_object_get(copy, "location");
    json_object_del(copy, "parentIndex"); /* an index into the old list */
    if (json_is_object(loc)) {
      rebase(loc, &rc);
      json_object_del(loc, "index");
    }
    char *key = artifact_key(loc);
    if (key && !json_object_get(m->artifacts, key)) json_object_set(m->artifacts, key, copy);
    json_decref(copy);
    free(key);
  }
  json_array_foreach(json_object_get(run, "invocations"), i, item) {
    m->has_invocations = 1;
    if (!json_is_true(json_object_get(item, "executionSuccessful"))) m->all_successful = 0;
    json_t *note;
    size_t k;
    json_array_foreach(json_object_get(item, "toolExecutionNotifications"), k, note) {
      json_t *copy = json_deep_copy(note);
      rebase_all(copy, &rc);
      char *text = json_dumps(copy, TEXT_FLAGS);
      if (text) json_object_set(m->notifications, text, copy);
      json_decref(copy);
      free(text);
    }
  }
  json_array_foreach(json_object_get(run, "results"), i, item) {
    json_t *copy = json_deep_copy(item);
    /* A result may name its rule by index alone: the index changes. */
    json_t *index = json_object_get(copy, "ruleIndex");
    if (!result_rule(copy) && json_is_integer(index)) {
      const char *id = json_string_value(json_object_get(json_array_get(rules, (size_t)json_integer_value(index)), "id"));
      if (id) json_object_set_new(copy, "ruleId", json_string(id));
    }
    /* The old indexes say nothing once the rules are merged: zero until
     * merged_results sets them (in place, so members keep their order),
     * and equal results from logs with other rule lists stay equal. */
    if (index) json_object_set_new(copy, "ruleIndex", json_integer(0));
    if (json_object_get(json_object_get(copy, "rule"), "index"))
      json_object_set_new(json_object_get(copy, "rule"), "index", json_integer(0));
    rebase_all(copy, &rc);
    add_result(m, copy);
  }
}

/* Equal identities together; in each, the shortest explanation first. */
static int by_identity(const void *pa, const void *pb) {
  const entry *a = pa, *b = pb;
  int c = strcmp(a->identity, b->identity);
  if (c) return c;
  if (a->related != b->related) return a->related < b->related ? -1 : 1;
  return strcmp(a->text, b->text);
}

static int strcmp_null(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

/* File, line, column, rule, message: the order of the SARIF writer. */
static int by_place(const void *pa, const void *pb) {
  const entry *a = pa, *b = pb;
  int c = strcmp_null(a->file, b->file);
  if (c) return c;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  if (a->column != b->column) return a->column < b->column ? -1 : 1;
  if ((c = strcmp_null(a->rule, b->rule))) return c;
  if ((c = strcmp_null(a->message, b->message))) return c;
  return strcmp(a->text, b->text);
}

static void set_place(entry *e, json_t *bases) {
  json_t *loc = get_path(json_array_get(json_object_get(e->result, "locations"), 0), "physicalLocation",
                         "artifactLocation", NULL);
  json_t *region = get_path(json_array_get(json_object_get(e->result, "locations"), 0), "physicalLocation",
                            "region", NULL);
  const char *uri = json_string_value(json_object_get(loc, "uri"));
  const char *id = json_string_value(json_object_get(loc, "uriBaseId"));
  const char *base = id ? base_uri(bases, id) : NULL;
  e->file = sc_strdupf("%s%s", base ? base : "", uri ? uri : "");
  e->line = json_integer_value(json_object_get(region, "startLine"));
  e->column = json_integer_value(json_object_get(region, "startColumn"));
  e->message = json_string_value(get_path(e->result, "message", "text", NULL));
}

/* Rules in the registry's order (the writer's), others after it by id. */
static int rule_rank(const char *id, size_t *rank) {
  size_t n;
  const sc_rule *all = sc_rules(&n), *r = sc_rule_find(id);
  *rank = r ? (size_t)(r - all) : n;
  return r != NULL;
}

static int by_rule(const void *pa, const void *pb) {
  const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
  size_t ra, rb;
  rule_rank(a, &ra);
  rule_rank(b, &rb);
  if (ra != rb) return ra < rb ? -1 : 1;
  return strcmp(a, b);
}

static int by_string(const void *pa, const void *pb) {
  return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* The keys of an object, sorted with `compare`. */
static const char **sorted_keys(json_t *object, int (*compare)(const void *, const void *)) {
  const char **keys = calloc(json_object_size(object) + 1, sizeof *keys), *key;
  size_t n = 0;
  json_t *value;
  if (!keys) abort();
  json_object_foreach(object, key, value) keys[n++] = key;
  qsort(keys, n, sizeof *keys, compare);
  return keys;
}

/* tool with driver.rules = the union; `rule_index` gets id -> position. */
static json_t *merged_tool(json_t *first_tool, merger *m, json_t *rule_index) {
  json_t *tool = json_deep_copy(first_tool), *rules = json_array();
  const char **ids = sorted_keys(m->rules, by_rule);
  for (size_t i = 0; ids[i]; i++) {
    json_array_append(rules, json_object_get(m->rules, ids[i]));
    json_object_set_new(rule_index, ids[i], json_integer((json_int_t)i));
  }
  free(ids);
  json_object_set_new(json_object_get(tool, "driver"), "rules", rules);
  return tool;
}

static json_t *merged_artifacts(merger *m, json_t *index_of) {
  json_t *artifacts = json_array();
  const char **keys = sorted_keys(m->artifacts, by_string);
  for (size_t i = 0; keys[i]; i++) {
    json_array_append(artifacts, json_object_get(m->artifacts, keys[i]));
    json_object_set_new(index_of, keys[i], json_integer((json_int_t)i));
  }
  free(keys);
  return artifacts;
}

static json_t *merged_invocations(merger *m, json_t *index_of) {
  json_t *invocation = json_pack("{s:b}", "executionSuccessful", m->all_successful);
  if (json_object_size(m->notifications)) {
    json_t *notes = json_array();
    const char **texts = sorted_keys(m->notifications, by_string);
    for (size_t i = 0; texts[i]; i++) json_array_append(notes, json_object_get(m->notifications, texts[i]));
    free(texts);
    reindex_all(notes, index_of);
    json_object_set_new(invocation, "toolExecutionNotifications", notes);
  }
  return json_pack("[o]", invocation);
}

/* Each identity once, then in the writer's order, with its rule's index. */
static json_t *merged_results(merger *m, json_t *rule_index, json_t *artifact_index) {
  json_t *results = json_array();
  if (m->count == 0) return results;
  qsort(m->entries, m->count, sizeof *m->entries, by_identity);
  size_t kept = 0;
  for (size_t i = 0; i < m->count; i++) {
    entry *e = &m->entries[i];
    if (kept && !strcmp(m->entries[kept - 1].identity, e->identity)) {
      json_decref(e->result);
      free(e->identity);
      free(e->text);
      continue;
    }
    m->entries[kept++] = *e;
  }
  m->count = kept;
  for (size_t i = 0; i < m->count; i++) set_place(&m->entries[i], m->bases);
  qsort(m->entries, m->count, sizeof *m->entries, by_place);
  for (size_t i = 0; i < m->count; i++) {
    json_t *r = m->entries[i].result;
    json_t *index = m->entries[i].rule ? json_object_get(rule_index, m->entries[i].rule) : NULL;
    json_t *rule = json_object_get(r, "rule");
    if (index) json_object_set(r, "ruleIndex", index);
    else json_object_del(r, "ruleIndex");
    if (json_object_get(rule, "index")) {
      if (index) json_object_set(rule, "index", index);
      else json_object_del(rule, "index");
    }
    reindex_all(r, artifact_index);
    json_array_append(results, r);
  }
  return results;
}

static void merger_free(merger *m) {
  for (size_t i = 0; i < m->count; i++) {
    json_decref(m->entries[i].result);
    free(m->entries[i].identity);
    free(m->entries[i].text);
    free(m->entries[i].file);
  }
  free(m->entries);
  json_decref(m->bases);
  json_decref(m->rules);
  json_decref(m->artifacts);
  json_decref(m->notifications);
}

/* The merged run, its members in the first run's order (the writer's). */
static json_t *merged_run(json_t *first, merger *m) {
  json_t *rule_index = json_object(), *artifact_index = json_object();
  json_t *computed = json_object();
  json_object_set_new(computed, "tool", merged_tool(json_object_get(first, "tool"), m, rule_index));
  if (json_object_size(m->bases)) json_object_set(computed, "originalUriBaseIds", m->bases);
  if (json_object_size(m->artifacts))
    json_object_set_new(computed, "artifacts", merged_artifacts(m, artifact_index));
  if (m->has_invocations) json_object_set_new(computed, "invocations", merged_invocations(m, artifact_index));
  json_object_set_new(computed, "results", merged_results(m, rule_index, artifact_index));

  json_t *run = json_object(), *value;
  const char *key;
  json_object_foreach(first, key, value) {
    json_t *mine = json_object_get(computed, key);
    if (mine) json_object_set(run, key, mine);
    else if (strcmp(key, "originalUriBaseIds") != 0 && strcmp(key, "artifacts") != 0)
      json_object_set_new(run, key, json_deep_copy(value));
  }
  json_object_foreach(computed, key, value) {
    if (!json_object_get(run, key)) json_object_set(run, key, value);
  }
  json_decref(computed);
  json_decref(rule_index);
  json_decref(artifact_index);
  return run;
}

json_t *sc_sarif_merge(json_t *const *logs, const char *const *names, size_t n, const char *srcroot, char *error,
                       size_t error_size) {
  json_t *first = NULL;
  const char *first_name = NULL;
  for (size_t l = 0; l < n; l++) {
    if (check_log(logs[l], names[l], error, error_size) != 0) return NULL;
    json_t *run;
    size_t i;
    json_array_foreach(json_object_get(logs[l], "runs"), i, run) {
      const char *tool = json_string_value(get_path(run, "tool", "driver", "name"));
      if (!first) {
        first = run;
        first_name = names[l];
      } else if (strcmp(tool, json_string_value(get_path(first, "tool", "driver", "name"))) != 0) {
        return fail(error, error_size, "%s: a log of '%s', but %s is a log of '%s': one run holds one tool's results",
                    names[l], tool, first_name, json_string_value(get_path(first, "tool", "driver", "name")));
      }
    }
  }
  if (!first) return fail(error, error_size, "no runs in %s%s", n ? names[0] : "the inputs", n > 1 ? " and the others" : "");

  merger m = {0};
  m.all_successful = 1;
  char *srcroot_uri = NULL;
  if (srcroot) {
    /* RFC 3986 as the writer spells file uris: unreserved characters and
     * '/' as they are, every other byte percent-encoded. */
    srcroot_uri = malloc(strlen(srcroot) * 3 + 16);
    if (!srcroot_uri) abort();
    char *o = srcroot_uri + sprintf(srcroot_uri, "file://");
    for (const unsigned char *s = (const unsigned char *)srcroot; *s; s++) {
      if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || strchr("-._~/", *s))
        *o++ = (char)*s;
      else
        o += sprintf(o, "%%%02X", *s);
    }
    if (o[-1] != '/') *o++ = '/';
    *o = 0;
  }
  m.bases = merged_bases(logs, n, srcroot_uri);
  free(srcroot_uri);
  m.rules = json_object();
  m.artifacts = json_object();
  m.notifications = json_object();
  for (size_t l = 0; l < n; l++) {
    json_t *run;
    size_t i;
    json_array_foreach(json_object_get(logs[l], "runs"), i, run) take_run(&m, run);
  }
  json_t *run = merged_run(first, &m);
  merger_free(&m);
  json_t *schema = json_object_get(logs[0], "$schema");
  return json_pack("{s:s, s:s, s:[o]}", "$schema", json_is_string(schema) ? json_string_value(schema) : SARIF_SCHEMA,
                   "version", "2.1.0", "runs", run);
}
