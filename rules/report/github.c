/*
 * github.c - GitHub Actions workflow commands: one `::warning` (or
 * `::error`, `::notice`) line per finding, which the Actions runner turns
 * into annotations on the pull request without code scanning.
 *
 *   ::warning file=src/a.c,line=12,col=5,endColumn=10,title=blocking-call-in-event-loop::'sleep' blocks ...
 *
 * Property values escape %, CR, LF, ':' and ','; the message escapes %, CR
 * and LF, as the runner expects.
 */
#include <string.h>

#include "stallcheck/report.h"

static void escape(FILE *out, const char *s, int property) {
  for (; s && *s; s++) {
    switch (*s) {
    case '%': fputs("%25", out); break;
    case '\r': fputs("%0D", out); break;
    case '\n': fputs("%0A", out); break;
    case ':': property ? fputs("%3A", out) : fputc(':', out); break;
    case ',': property ? fputs("%2C", out) : fputc(',', out); break;
    default: fputc(*s, out);
    }
  }
}

size_t sc_report_github(FILE *out, const sc_findings *findings, const char *srcroot) {
  size_t written = 0, rl = srcroot ? strlen(srcroot) : 0;
  while (rl > 1 && srcroot[rl - 1] == '/') rl--;
  for (size_t i = 0; i < findings->count; i++) {
    const sc_finding *x = &findings->items[i];
    if (x->suppressed) continue;
    const char *file = x->loc.file ? x->loc.file : "";
    if (rl && !strncmp(file, srcroot, rl) && file[rl] == '/') file += rl + 1;
    fprintf(out, "::%s file=", x->level == SC_LEVEL_ERROR ? "error" : x->level == SC_LEVEL_NOTE ? "notice" : "warning");
    escape(out, file, 1);
    fprintf(out, ",line=%u,col=%u", x->loc.line, x->loc.col);
    if (x->loc.end_line == x->loc.line && x->loc.end_col > x->loc.col) fprintf(out, ",endColumn=%u", x->loc.end_col);
    fputs(",title=", out);
    escape(out, x->rule->id, 1);
    fputs("::", out);
    escape(out, x->message, 0);
    if (x->remedy) {
      fputs(". Remedy: ", out);
      escape(out, x->remedy, 0);
    }
    fputc('\n', out);
    written++;
  }
  return written;
}
