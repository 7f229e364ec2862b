/*
 * suppress.c - NOLINT comments (see suppress.h).
 *
 * Only the comment's text matters, as for clang-tidy: the markers are found
 * on the raw line, and a check list names checks as "stallcheck-<rule-id>",
 * with `*` globs ("stallcheck-*", "*").  A list that names only other tools'
 * checks ("NOLINT(bugprone-foo)") does not suppress stallcheck.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stallcheck/suppress.h"
#include "util/source_cache.h"

/* fnmatch-style `*` globs, case-sensitive. */
static int glob_match(const char *pat, size_t plen, const char *s) {
  if (plen == 0) return *s == 0;
  if (*pat == '*') {
    for (;; s++) {
      if (glob_match(pat + 1, plen - 1, s)) return 1;
      if (!*s) return 0;
    }
  }
  return *s && *s == *pat && glob_match(pat + 1, plen - 1, s + 1);
}

/* Whether the check list after a marker ("(a, b)" or nothing) covers the
 * rule.  `after` points just past the marker word. */
static int list_covers(const char *after, const char *line_end, const char *rule_id) {
  if (after >= line_end || *after != '(') return 1; /* bare NOLINT: everything */
  char check[256];
  snprintf(check, sizeof check, "stallcheck-%s", rule_id);
  const char *p = after + 1;
  while (p < line_end && *p != ')') {
    while (p < line_end && (*p == ' ' || *p == ',' || *p == '\t')) p++;
    const char *start = p;
    while (p < line_end && *p != ',' && *p != ')') p++;
    const char *end = p;
    while (end > start && (end[-1] == ' ' || end[-1] == '\t')) end--;
    if (end > start && glob_match(start, (size_t)(end - start), check)) return 1;
  }
  return 0;
}

/* Finds `word` on [line, end) as a marker: not followed by more identifier
 * characters ("NOLINT" must not match "NOLINTNEXTLINE"). */
static const char *find_marker(const char *line, const char *end, const char *word) {
  size_t n = strlen(word);
  for (const char *p = line; p + n <= end; p++) {
    if (memcmp(p, word, n) != 0) continue;
    char next = p + n < end ? p[n] : 0;
    if ((next >= 'A' && next <= 'Z') || next == '_') continue;
    return p + n;
  }
  return NULL;
}

static int line_has(const char *line, const char *end, const char *word, const char *rule_id) {
  const char *after = find_marker(line, end, word);
  return after && list_covers(after, end, rule_id);
}

int sc_suppressed_at(const char *text, size_t len, unsigned target, const char *rule_id) {
  if (!text || target == 0) return 0;
  const char *p = text, *end = text + len;
  int open_regions = 0;
  for (unsigned line = 1; p <= end && line <= target; line++) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    if (line == target) return open_regions > 0 || line_has(p, eol, "NOLINT", rule_id);
    if (line + 1 == target && line_has(p, eol, "NOLINTNEXTLINE", rule_id)) return 1;
    if (line_has(p, eol, "NOLINTBEGIN", rule_id)) open_regions++;
    if (line_has(p, eol, "NOLINTEND", rule_id) && open_regions > 0) open_regions--;
    p = eol + 1;
  }
  return 0;
}

static const char *read_from_disk(void *ctx, const char *path, size_t *len) {
  return sc_source_cache_get(ctx, path, len);
}

void sc_findings_apply_suppressions(sc_findings *findings, sc_source_fn source, void *ctx) {
  sc_source_cache cache = {0};
  if (!source) source = read_from_disk, ctx = &cache;
  for (size_t i = 0; i < findings->count; i++) {
    sc_finding *x = &findings->items[i];
    if (!x->loc.file || x->suppressed) continue;
    size_t len = 0;
    const char *text = source(ctx, x->loc.file, &len);
    if (text && sc_suppressed_at(text, len, x->loc.line, x->rule->id)) x->suppressed = SC_SUPPRESSED_IN_SOURCE;
    /* A NOLINT at the root of the path (the callback's registration, or a
     * hand-written loop) silences every finding under it. */
    if (!x->suppressed && x->nsteps && x->steps[0].kind != SC_STEP_CALL && x->steps[0].loc.file) {
      text = source(ctx, x->steps[0].loc.file, &len);
      if (text && sc_suppressed_at(text, len, x->steps[0].loc.line, x->rule->id))
        x->suppressed = SC_SUPPRESSED_IN_SOURCE;
    }
  }
  sc_source_cache_free(&cache);
}
