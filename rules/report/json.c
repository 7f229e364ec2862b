/*
 * json.c - stallcheck's own JSON report (--format=json), for scripts.
 * docs/ci.md documents it; fields are only ever added, never renamed.
 *
 *   {"version": 1, "findings": [{"rule", "level", "file", "line", "column",
 *     "end_line", "end_column", "message", "remedy", "function", "callee",
 *     "fingerprint", "suppressed", "path": [{"file", "line", "column", "message"}]}]}
 */
#include <jansson.h>
#include <string.h>

#include "stallcheck/report.h"

static const char *level_name(sc_level level) {
  return level == SC_LEVEL_ERROR ? "error" : level == SC_LEVEL_NOTE ? "note" : "warning";
}

static const char *suppression_name(int suppressed) {
  return suppressed == SC_SUPPRESSED_IN_SOURCE ? "in-source"
         : suppressed == SC_SUPPRESSED_BASELINE ? "baseline"
         : suppressed == SC_SUPPRESSED_CONFIG   ? "configuration"
                                                : NULL;
}

int sc_report_json(FILE *out, const sc_findings *findings) {
  json_t *list = json_array();
  for (size_t i = 0; i < findings->count; i++) {
    const sc_finding *x = &findings->items[i];
    json_t *path = json_array();
    for (size_t s = 0; s < x->nsteps; s++)
      json_array_append_new(path, json_pack("{s:s?, s:i, s:i, s:s}", "file", x->steps[s].loc.file, "line",
                                            (json_int_t)x->steps[s].loc.line, "column",
                                            (json_int_t)x->steps[s].loc.col, "message", x->steps[s].message));
    const char *suppressed = suppression_name(x->suppressed);
    json_array_append_new(
        list, json_pack("{s:s, s:s, s:s?, s:i, s:i, s:i, s:i, s:s, s:s?, s:s?, s:s?, s:s, s:o, s:o}", "rule",
                        x->rule->id, "level", level_name(x->level), "file", x->loc.file, "line",
                        (json_int_t)x->loc.line, "column", (json_int_t)x->loc.col, "end_line",
                        (json_int_t)x->loc.end_line, "end_column", (json_int_t)x->loc.end_col, "message",
                        x->message, "remedy", x->remedy, "function", x->function, "callee", x->callee,
                        "fingerprint", x->fingerprint, "suppressed",
                        suppressed ? json_string(suppressed) : json_false(), "path", path));
  }
  json_t *root = json_pack("{s:i, s:o}", "version", 1, "findings", list);
  int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (rc == 0 && fputc('\n', out) == EOF) rc = -1;
  return rc;
}
