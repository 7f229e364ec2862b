/*
 * junit.c - JUnit XML reports (--format=junit), for the test-report views of
 * Jenkins (the junit step) and GitLab (artifacts:reports:junit).
 *
 *   <testsuites name="stallcheck" tests="3" failures="2" errors="0" skipped="1">
 *     <testsuite name="stallcheck" tests="3" failures="2" errors="0" skipped="1">
 *       <testcase classname="stallcheck.blocking-call-in-event-loop"
 *                 name="src/a.c: 'sleep' in on_timer" file="src/a.c" line="12">
 *         <failure type="warning" message="src/a.c:12:5: 'sleep' blocks ...">...</failure>
 *       </testcase>
 *       ...
 *
 * One test case per finding rather than per rule and file: both viewers list
 * failed test cases one by one with their message, so each finding shows with
 * its own location and remedy, and the failure count is the finding count
 * the summary line prints.  Jenkins splits classname at its last dot into
 * package and class: "stallcheck.<rule>" groups the findings by rule.  The
 * name leaves the line out (it is in the message, the body and the `line`
 * attribute), so a finding keeps its name when unrelated edits move it and
 * the viewers' history ("failing since", GitLab's new and fixed tests)
 * follows it; findings of one rule that would share a name (two sleeps in
 * one function) get their line and column in it instead.
 * Suppressed and baselined findings are <skipped> test cases: the debt stays
 * visible without failing.  A run without findings writes one passing test
 * case, because Jenkins' junit step fails a build whose report has none.
 *
 * XML 1.0 allows neither invalid UTF-8 nor most control characters even as
 * character references: each such byte becomes U+FFFD, as in the SARIF log.
 */
#include <stdlib.h>
#include <string.h>

#include "stallcheck/report.h"

/* Length of the valid UTF-8 sequence at p holding a character XML 1.0
 * allows, or 0. */
static int xml_char_len(const unsigned char *p) {
  if (*p < 0x80) return *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r';
  int len = (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
  for (int k = 1; k < len; k++)
    if ((p[k] & 0xC0) != 0x80) return 0;
  unsigned c = len == 2   ? (p[0] & 0x1Fu) << 6 | (p[1] & 0x3F)
               : len == 3 ? (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3F)
               : len == 4 ? (p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3F)
                          : 0;
  if (!len || c < (len == 2 ? 0x80u : len == 3 ? 0x800u : 0x10000u)) return 0; /* overlong */
  if ((c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF || c > 0x10FFFF) return 0;
  return len;
}

/* Writes s escaped for XML text or, with `attribute`, for a double-quoted
 * attribute value (where newlines and tabs must be references to survive
 * attribute-value normalisation). */
static void xml(FILE *out, const char *s, int attribute) {
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
    int len = xml_char_len(p);
    if (!len) {
      fputs("\xEF\xBF\xBD", out);
      p++;
      continue;
    }
    switch (*p) {
    case '&': fputs("&amp;", out); break;
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '"': attribute ? fputs("&quot;", out) : fputc('"', out); break;
    case '\r': fputs("&#13;", out); break;
    case '\n': attribute ? fputs("&#10;", out) : fputc('\n', out); break;
    case '\t': attribute ? fputs("&#9;", out) : fputc('\t', out); break;
    default: fwrite(p, 1, (size_t)len, out);
    }
    p += len;
  }
}

static const char *relative(const char *file, const char *srcroot, size_t rl) {
  if (!file) return "";
  if (rl && !strncmp(file, srcroot, rl) && file[rl] == '/') return file + rl + 1;
  return file;
}

static const char *level_name(sc_level level) {
  return level == SC_LEVEL_ERROR ? "error" : level == SC_LEVEL_NOTE ? "note" : "warning";
}

/* The test case's name: the file, the call and the function it is in. */
static char *case_name(const sc_finding *x, const char *file) {
  if (x->callee && x->function) return sc_strdupf("%s: '%s' in %s", file, x->callee, x->function);
  if (x->callee) return sc_strdupf("%s: '%s'", file, x->callee);
  if (x->function) return sc_strdupf("%s: in %s", file, x->function);
  return sc_strdupf("%s", file);
}

typedef struct named {
  const sc_finding *finding;
  char *name;
} named;

static int by_rule_then_name(const void *a, const void *b) {
  const named *x = a, *y = b;
  int c = strcmp(x->finding->rule->id, y->finding->rule->id);
  return c ? c : strcmp(x->name, y->name);
}

/* Names each finding's test case; findings of one rule that would share a
 * name get their line and column in it (a finding is unique by rule and
 * location).  The cases keep the findings' order. */
static named *case_names(const sc_findings *findings, const char *srcroot, size_t rl) {
  named *by_name = calloc(findings->count + 1, sizeof *by_name);
  if (!by_name) return NULL;
  for (size_t i = 0; i < findings->count; i++) {
    const sc_finding *x = &findings->items[i];
    by_name[i] = (named){x, case_name(x, relative(x->loc.file, srcroot, rl))};
  }
  qsort(by_name, findings->count, sizeof *by_name, by_rule_then_name);
  for (size_t i = 0; i < findings->count;) {
    size_t end = i + 1;
    while (end < findings->count && !by_rule_then_name(&by_name[i], &by_name[end])) end++;
    for (size_t k = i; end - i > 1 && k < end; k++) {
      const sc_finding *x = by_name[k].finding;
      const char *file = relative(x->loc.file, srcroot, rl);
      char *located = sc_strdupf("%s:%u:%u%s", file, x->loc.line, x->loc.col, by_name[k].name + strlen(file));
      free(by_name[k].name);
      by_name[k].name = located;
    }
    i = end;
  }
  named *in_order = calloc(findings->count + 1, sizeof *in_order);
  if (in_order)
    for (size_t i = 0; i < findings->count; i++) in_order[by_name[i].finding - findings->items] = by_name[i];
  else
    for (size_t i = 0; i < findings->count; i++) free(by_name[i].name);
  free(by_name);
  return in_order;
}

static void write_case(FILE *out, const sc_finding *x, const char *name, const char *srcroot, size_t rl) {
  const char *file = relative(x->loc.file, srcroot, rl);
  fputs("    <testcase classname=\"stallcheck.", out);
  xml(out, x->rule->id, 1);
  fputs("\" name=\"", out);
  xml(out, name, 1);
  fputs("\" file=\"", out);
  xml(out, file, 1);
  fprintf(out, "\" line=\"%u\">\n", x->loc.line);
  if (x->suppressed) {
    fprintf(out, "      <skipped message=\"%s\"/>\n",
            x->suppressed == SC_SUPPRESSED_BASELINE ? "in the baseline"
            : x->suppressed == SC_SUPPRESSED_CONFIG ? "suppressed by the configuration"
                                                    : "suppressed in the source (NOLINT)");
    fputs("    </testcase>\n", out);
    return;
  }
  fprintf(out, "      <failure type=\"%s\" message=\"", level_name(x->level));
  xml(out, file, 1);
  fprintf(out, ":%u:%u: ", x->loc.line, x->loc.col);
  xml(out, x->message, 1);
  fputs("\">", out);
  /* The body reads like the text report: the finding, the path to it, the
   * remedy, and the rule's page. */
  xml(out, file, 0);
  fprintf(out, ":%u:%u: %s: ", x->loc.line, x->loc.col, level_name(x->level));
  xml(out, x->message, 0);
  fputs(" [", out);
  xml(out, x->rule->id, 0);
  fputs("]\n", out);
  for (size_t s = 0; s < x->nsteps; s++) {
    xml(out, relative(x->steps[s].loc.file, srcroot, rl), 0);
    fprintf(out, ":%u:%u: note: ", x->steps[s].loc.line, x->steps[s].loc.col);
    xml(out, x->steps[s].message, 0);
    fputc('\n', out);
  }
  if (x->remedy && *x->remedy) {
    fputs("remedy: ", out);
    xml(out, x->remedy, 0);
    fputc('\n', out);
  }
  char href[512];
  const char *help = sc_rule_help_uri(x->rule, href, sizeof href);
  if (help) {
    fputs("rule: ", out);
    xml(out, help, 0);
    fputc('\n', out);
  }
  fputs("</failure>\n    </testcase>\n", out);
}

int sc_report_junit(FILE *out, const sc_findings *findings, const char *srcroot) {
  size_t rl = srcroot ? strlen(srcroot) : 0;
  while (rl > 1 && srcroot[rl - 1] == '/') rl--;
  named *cases = case_names(findings, srcroot, rl);
  if (!cases) return -1;
  size_t failed = 0, skipped = 0;
  for (size_t i = 0; i < findings->count; i++) {
    if (findings->items[i].suppressed) skipped++;
    else failed++;
  }
  size_t tests = findings->count ? findings->count : 1;
  fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
  fprintf(out, "<testsuites name=\"stallcheck\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n", tests,
          failed, skipped);
  fprintf(out, "  <testsuite name=\"stallcheck\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n", tests,
          failed, skipped);
  for (size_t i = 0; i < findings->count; i++) write_case(out, &findings->items[i], cases[i].name, srcroot, rl);
  if (!findings->count) fputs("    <testcase classname=\"stallcheck\" name=\"no findings\"/>\n", out);
  fputs("  </testsuite>\n</testsuites>\n", out);
  for (size_t i = 0; i < findings->count; i++) free(cases[i].name);
  free(cases);
  return ferror(out) ? -1 : 0;
}
