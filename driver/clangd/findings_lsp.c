/*
 * findings_lsp.c - converting findings to LSP diagnostics: 1-based lines and
 * byte columns become 0-based lines and characters in the position encoding.
 */
#include "findings_lsp.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uri.h"

/* Texts of the other files an explanation steps through, read once per
 * conversion. */
typedef struct file_text {
  const char *path;
  char *text;
  size_t len;
} file_text;

typedef struct texts {
  const char *path; /* the buffer */
  const char *text;
  size_t len;
  file_text *files;
  size_t nfiles;
} texts;

static int same_path(const char *a, const char *b) {
  if (!a || !b) return 0;
  if (strcmp(a, b) == 0) return 1;
  char ra[PATH_MAX], rb[PATH_MAX];
  return realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
}

/* The text of `path`, or NULL if it cannot be read (then byte columns stand
 * in for characters). */
static const char *text_of(texts *t, const char *path, size_t *len) {
  if (same_path(path, t->path)) {
    *len = t->len;
    return t->text;
  }
  for (size_t i = 0; i < t->nfiles; i++)
    if (strcmp(t->files[i].path, path) == 0) {
      *len = t->files[i].len;
      return t->files[i].text;
    }
  file_text *grown = realloc(t->files, (t->nfiles + 1) * sizeof *grown);
  if (!grown) return NULL;
  t->files = grown;
  file_text *f = &t->files[t->nfiles++];
  f->path = path;
  f->text = NULL;
  f->len = 0;
  FILE *in = fopen(path, "rb");
  if (in) {
    size_t cap = 0;
    for (;;) {
      if (f->len + 65536 > cap) {
        char *more = realloc(f->text, cap = f->len + 65536);
        if (!more) break;
        f->text = more;
      }
      size_t n = fread(f->text + f->len, 1, cap - f->len, in);
      if (n == 0) break;
      f->len += n;
    }
    fclose(in);
  }
  *len = f->len;
  return f->text;
}

static json_t *position(texts *t, const char *path, unsigned line, unsigned col, lsp_encoding enc) {
  size_t len = 0;
  const char *text = text_of(t, path, &len);
  long character = text ? text_character_of(text, len, line, col, enc) : (col ? (long)col - 1 : 0);
  return json_pack("{s:I, s:I}", "line", (json_int_t)(line ? line - 1 : 0), "character", (json_int_t)character);
}

static json_t *range(texts *t, sc_loc loc, lsp_encoding enc) {
  json_t *start = position(t, loc.file, loc.line, loc.col, enc);
  json_t *end = loc.end_line ? position(t, loc.file, loc.end_line, loc.end_col, enc) : json_deep_copy(start);
  return json_pack("{s:o, s:o}", "start", start, "end", end);
}

static json_t *diagnostic(texts *t, const sc_finding *f, lsp_encoding enc) {
  int severity = f->level == SC_LEVEL_ERROR ? 1 : f->level == SC_LEVEL_WARNING ? 2 : 3;
  char *message = f->remedy && *f->remedy ? sc_strdupf("%s\nremedy: %s", f->message, f->remedy)
                                          : sc_strdupf("%s", f->message);
  char href[512];
  const char *help = sc_rule_help_uri(f->rule, href, sizeof href);
  json_t *d = json_pack("{s:o, s:i, s:s, s:s, s:s}", "range", range(t, f->loc, enc), "severity", severity,
                        "source", "stallcheck", "code", f->rule->id, "message", message);
  free(message);
  if (!d) return NULL;
  if (help) json_object_set_new(d, "codeDescription", json_pack("{s:s}", "href", help));
  if (f->nsteps) {
    json_t *related = json_array();
    for (size_t i = 0; i < f->nsteps; i++) {
      const sc_step *step = &f->steps[i];
      if (!step->loc.file || !step->message) continue;
      char *uri = uri_from_path(step->loc.file);
      json_t *info = json_pack("{s:{s:s, s:o}, s:s}", "location", "uri", uri, "range", range(t, step->loc, enc),
                               "message", step->message);
      free(uri);
      if (info) json_array_append_new(related, info);
    }
    json_object_set_new(d, "relatedInformation", related);
  }
  return d;
}

json_t *findings_to_lsp(const sc_findings *findings, const char *path, const char *text, size_t len,
                        lsp_encoding enc) {
  texts t = {path, text, len, NULL, 0};
  json_t *out = json_array();
  for (size_t i = 0; i < findings->count; i++) {
    const sc_finding *f = &findings->items[i];
    if (f->suppressed || !f->rule || !f->loc.file || !same_path(f->loc.file, path)) continue;
    json_t *d = diagnostic(&t, f, enc);
    if (d) json_array_append_new(out, d);
  }
  for (size_t i = 0; i < t.nfiles; i++) free(t.files[i].text);
  free(t.files);
  return out;
}
