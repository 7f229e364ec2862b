/*
 * codequality.c - GitLab Code Quality reports (--format=codequality): the
 * JSON array GitLab shows in merge requests.  Suppressed and baselined
 * findings are left out; paths are relative to the source root.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "stallcheck/report.h"

static const char *severity(sc_level level) {
  return level == SC_LEVEL_ERROR ? "critical" : level == SC_LEVEL_NOTE ? "info" : "major";
}

int sc_report_codequality(FILE *out, const sc_findings *findings, const char *srcroot) {
  size_t rl = srcroot ? strlen(srcroot) : 0;
  while (rl > 1 && srcroot[rl - 1] == '/') rl--;
  json_t *list = json_array();
  for (size_t i = 0; i < findings->count; i++) {
    const sc_finding *x = &findings->items[i];
    if (x->suppressed) continue;
    const char *file = x->loc.file ? x->loc.file : "";
    if (rl && !strncmp(file, srcroot, rl) && file[rl] == '/') file += rl + 1;
    char *description = x->remedy ? sc_strdupf("%s. Remedy: %s", x->message, x->remedy) : sc_strdupf("%s", x->message);
    json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:{s:i}}}", "description", description,
                                          "check_name", x->rule->id, "fingerprint", x->fingerprint, "severity",
                                          severity(x->level), "location", "path", file, "lines", "begin",
                                          (json_int_t)x->loc.line));
    free(description);
  }
  int rc = json_dumpf(list, out, JSON_INDENT(2));
  json_decref(list);
  if (rc == 0 && fputc('\n', out) == EOF) rc = -1;
  return rc;
}
