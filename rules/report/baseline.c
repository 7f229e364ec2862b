/*
 * baseline.c - comparing a run with an earlier SARIF log: findings whose
 * partialFingerprints["stallcheck/v1"] appears in the baseline are known
 * already.  They stay in SARIF as externally suppressed, and leave the text,
 * the annotations and the exit status, so a CI job fails on new findings only.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stallcheck/report.h"

static int by_string(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int sc_baseline_apply(const char *path, sc_findings *findings, char *error, size_t error_size) {
  json_error_t err;
  json_t *log = json_load_file(path, 0, &err);
  if (!log) {
    if (err.line > 0)
      snprintf(error, error_size, "%s:%d:%d: %s", path, err.line, err.column, err.text);
    else
      snprintf(error, error_size, "%s: %s", path, err.text);
    return -1;
  }
  json_t *runs = json_object_get(log, "runs");
  if (!json_is_array(runs)) {
    snprintf(error, error_size, "%s: not a SARIF log (no \"runs\" array)", path);
    json_decref(log);
    return -1;
  }
  /* The baseline's fingerprints, sorted for bsearch. */
  size_t n = 0, cap = 64;
  char **known = malloc(cap * sizeof *known);
  size_t r;
  json_t *run;
  json_array_foreach(runs, r, run) {
    size_t i;
    json_t *result;
    json_array_foreach(json_object_get(run, "results"), i, result) {
      json_t *fp = json_object_get(json_object_get(result, "partialFingerprints"), "stallcheck/v1");
      if (!json_is_string(fp)) continue;
      if (n == cap) known = realloc(known, (cap *= 2) * sizeof *known);
      known[n++] = (char *)json_string_value(fp);
    }
  }
  qsort(known, n, sizeof *known, by_string);
  int matched = 0;
  for (size_t i = 0; i < findings->count && n; i++) {
    sc_finding *x = &findings->items[i];
    const char *fp = x->fingerprint;
    if (!x->suppressed && bsearch(&fp, known, n, sizeof *known, by_string)) {
      x->suppressed = SC_SUPPRESSED_BASELINE;
      matched++;
    }
  }
  free(known);
  json_decref(log);
  return matched;
}
