/*
 * text.c - clang-style diagnostics:
 *
 *   file:line:col: warning: message [rule-id]
 *      12 |     sleep(1);
 *         |     ^~~~~
 *   file:line:col: note: a step of the path
 *   file:line:col: note: remedy: what to do instead
 *
 * The same layout as clang's own output, so editors, CI log parsers and
 * people read it without learning anything; colours follow clang's too.
 */
#include <stdlib.h>
#include <string.h>

#include "stallcheck/report.h"
#include "util/source_cache.h"

#define TABSTOP 8

/* Start and length of 1-based line `line`, or NULL. */
static const char *find_line(const char *text, uint32_t line, size_t *len) {
  if (!text || line == 0) return NULL;
  const char *s = text;
  for (uint32_t l = 1; l < line; l++) {
    s = strchr(s, '\n');
    if (!s) return NULL;
    s++;
  }
  const char *e = s;
  while (*e && *e != '\n' && *e != '\r') e++;
  *len = (size_t)(e - s);
  return s;
}

enum { PLAIN, BOLD, WARNING, ERROR, NOTE, CARET };
static const char *const ansi[] = {"\033[0m", "\033[1m", "\033[0;1;35m", "\033[0;1;31m", "\033[0;1;30m",
                                   "\033[0;1;32m"};

static void color(FILE *out, const sc_text_options *o, int which) {
  if (o->color) fputs(ansi[which], out);
}

static void snippet(FILE *out, const sc_text_options *o, sc_source_cache *cache, const sc_loc *loc) {
  size_t len = 0;
  const char *line = find_line(sc_source_cache_get(cache, loc->file, NULL), loc->line, &len);
  if (!line || loc->col == 0) return;
  /* Columns are bytes; tabs expand to the next tab stop, as clang does. */
  size_t caret = 0, caret_end = 0, vcol = 0;
  size_t first = loc->col - 1;
  size_t last = loc->end_line == loc->line && loc->end_col > loc->col ? loc->end_col - 1 : loc->col;
  fprintf(out, "%5u | ", loc->line);
  for (size_t i = 0; i <= len; i++) {
    if (i == first) caret = vcol;
    if (i == last) caret_end = vcol;
    if (i == len) break;
    if (line[i] == '\t') {
      do fputc(' ', out);
      while (++vcol % TABSTOP);
    } else {
      fputc(line[i], out);
      vcol++;
    }
  }
  if (last > len) caret_end = vcol;
  if (caret_end <= caret) caret_end = caret + 1;
  fputs("\n      | ", out);
  for (size_t i = 0; i < caret; i++) fputc(' ', out);
  color(out, o, CARET);
  fputc('^', out);
  for (size_t i = caret + 1; i < caret_end; i++) fputc('~', out);
  color(out, o, PLAIN);
  fputc('\n', out);
}

static void header(FILE *out, const sc_text_options *o, const sc_loc *loc, int kind, const char *label) {
  color(out, o, BOLD);
  if (loc->file) {
    fprintf(out, "%s:", loc->file);
    if (loc->line) fprintf(out, "%u:%u:", loc->line, loc->col);
    fputc(' ', out);
  }
  color(out, o, kind);
  fprintf(out, "%s: ", label);
  color(out, o, PLAIN);
}

static void note(FILE *out, const sc_text_options *o, sc_source_cache *cache, const sc_loc *loc, const char *prefix,
                 const char *message, int with_snippet) {
  header(out, o, loc, NOTE, "note");
  fprintf(out, "%s%s\n", prefix, message);
  if (with_snippet) snippet(out, o, cache, loc);
}

size_t sc_report_text(FILE *out, const sc_findings *findings, const sc_text_options *opts) {
  sc_text_options none = {0, 0};
  const sc_text_options *o = opts ? opts : &none;
  sc_source_cache cache = {0};
  size_t written = 0;
  for (size_t i = 0; i < findings->count; i++) {
    const sc_finding *x = &findings->items[i];
    if (x->suppressed) continue;
    int kind = x->level == SC_LEVEL_ERROR ? ERROR : x->level == SC_LEVEL_NOTE ? NOTE : WARNING;
    const char *label = x->level == SC_LEVEL_ERROR ? "error" : x->level == SC_LEVEL_NOTE ? "note" : "warning";
    header(out, o, &x->loc, kind, label);
    color(out, o, BOLD);
    fprintf(out, "%s [%s]", x->message, x->rule->id);
    color(out, o, PLAIN);
    fputc('\n', out);
    if (o->show_snippet) snippet(out, o, &cache, &x->loc);
    for (size_t s = 0; s < x->nsteps; s++)
      note(out, o, &cache, &x->steps[s].loc, "", x->steps[s].message, o->show_snippet);
    if (x->remedy) note(out, o, &cache, &x->loc, "remedy: ", x->remedy, 0);
    written++;
  }
  sc_source_cache_free(&cache);
  return written;
}
