/*
 * code_actions.c - quick fixes that suppress a finding in the source, with
 * the syntax clang-tidy users know: `// NOLINT(stallcheck-<rule-id>)`.
 */
#include "code_actions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text_document.h"

/* The bytes of 0-based line `line`, without its line ending. */
static const char *line_bytes(const char *text, size_t len, json_int_t line, size_t *n) {
  size_t off = 0;
  for (json_int_t l = 0; l < line && off < len; l++) {
    const char *nl = memchr(text + off, '\n', len - off);
    off = nl ? (size_t)(nl - text) + 1 : len;
  }
  const char *nl = memchr(text + off, '\n', len - off);
  size_t end = nl ? (size_t)(nl - text) : len;
  if (end > off && text[end - 1] == '\r') end--;
  *n = end - off;
  return text + off;
}

static json_t *position(json_int_t line, long character) {
  return json_pack("{s:I, s:I}", "line", line, "character", (json_int_t)character);
}

/* The edit that suppresses `rule` on `line`, or NULL if it is suppressed
 * there already. */
static json_t *suppress_edit(session *s, open_doc *doc, json_int_t line, const char *rule) {
  size_t n;
  const char *bytes = line_bytes(doc->text, doc->len, line, &n);
  char wanted[256];
  snprintf(wanted, sizeof wanted, "stallcheck-%s", rule);
  char *copy = strndup(bytes, n);
  if (!copy) return NULL;
  char *nolint = strstr(copy, "NOLINT(");
  char *close = nolint ? strchr(nolint, ')') : NULL;
  json_t *edit = NULL;
  if (strstr(copy, wanted)) {
    edit = NULL;
  } else if (close) {
    /* Add the rule to the NOLINT list already on the line. */
    size_t col = (size_t)(close - copy) + 1;
    long ch = text_character_of(doc->text, doc->len, (unsigned)line + 1, (unsigned)col, s->encoding);
    char text[300];
    snprintf(text, sizeof text, ", %s", wanted);
    edit = json_pack("{s:{s:o, s:o}, s:s}", "range", "start", position(line, ch), "end", position(line, ch),
                     "newText", text);
  } else {
    /* At the end of the line; before a macro's continuation backslash, in a
     * block comment, so that the macro still continues. */
    size_t end = n;
    while (end > 0 && (copy[end - 1] == ' ' || copy[end - 1] == '\t')) end--;
    int continued = end > 0 && copy[end - 1] == '\\';
    char text[300];
    long ch;
    if (continued) {
      ch = text_character_of(doc->text, doc->len, (unsigned)line + 1, (unsigned)end, s->encoding);
      snprintf(text, sizeof text, "/* NOLINT(%s) */ ", wanted);
    } else {
      ch = text_line_end_character(doc->text, doc->len, (long)line, s->encoding);
      snprintf(text, sizeof text, "%s// NOLINT(%s)", n > 0 ? " " : "", wanted);
    }
    edit = json_pack("{s:{s:o, s:o}, s:s}", "range", "start", position(line, ch), "end", position(line, ch),
                     "newText", text);
  }
  free(copy);
  return edit;
}

void add_suppress_actions(session *s, open_doc *doc, json_int_t first_line, json_int_t last_line,
                          json_t *actions) {
  if (!doc->stallcheck) return;
  size_t i;
  json_t *diag;
  json_array_foreach(doc->stallcheck, i, diag) {
    json_t *range = json_object_get(diag, "range");
    json_int_t start = json_integer_value(json_object_get(json_object_get(range, "start"), "line"));
    json_int_t end = json_integer_value(json_object_get(json_object_get(range, "end"), "line"));
    const char *rule = json_string_value(json_object_get(diag, "code"));
    if (!rule || start > last_line || end < first_line) continue;
    /* Two findings of one rule on one line take one comment. */
    int seen = 0;
    for (size_t j = 0; j < i && !seen; j++) {
      json_t *other = json_array_get(doc->stallcheck, j);
      json_t *orange = json_object_get(other, "range");
      json_int_t ostart = json_integer_value(json_object_get(json_object_get(orange, "start"), "line"));
      const char *orule = json_string_value(json_object_get(other, "code"));
      json_int_t oend = json_integer_value(json_object_get(json_object_get(orange, "end"), "line"));
      seen = orule && strcmp(orule, rule) == 0 && ostart == start && ostart <= last_line && oend >= first_line;
    }
    if (seen) continue;
    json_t *edit = suppress_edit(s, doc, start, rule);
    if (!edit) continue;
    json_t *action = json_pack("{s:s, s:s, s:[O], s:{s:{s:[o]}}}", "title", "Suppress this stallcheck finding",
                               "kind", "quickfix", "diagnostics", diag, "edit", "changes", doc->uri, edit);
    if (action) json_array_append_new(actions, action);
  }
}
