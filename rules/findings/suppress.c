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

static int suppressed_in(sc_source_fn source, void *ctx, const sc_loc *loc, const char *rule_id) {
  if (!loc->file || !loc->line) return 0;
  size_t len = 0;
  const char *text = source(ctx, loc->file, &len);
  return text && sc_suppressed_at(text, len, loc->line, rule_id);
}

/* The registration (or the hand-written loop) a finding's path starts at:
 * a NOLINT there silences what the callback reaches. */
static const sc_loc *root_of(const sc_finding *x) {
  if (x->nsteps == 0) return NULL;
  const sc_step *first = &x->steps[0];
  return first->kind == SC_STEP_REGISTRATION || first->kind == SC_STEP_LOOP ? &first->loc : NULL;
}

void sc_findings_apply_suppressions(sc_findings *findings, sc_source_fn source, void *ctx) {
  sc_source_cache cache = {0};
  if (!source) source = read_from_disk, ctx = &cache;
  for (size_t i = 0; i < findings->count; i++) {
    sc_finding *x = &findings->items[i];
    if (x->suppressed) continue;
    const sc_loc *root = root_of(x);
    if (suppressed_in(source, ctx, &x->loc, x->rule->id) || (root && suppressed_in(source, ctx, root, x->rule->id)))
      x->suppressed = SC_SUPPRESSED_IN_SOURCE;
  }
  sc_source_cache_free(&cache);
}

/* ---- check names no rule has -------------------------------------------- */

static const char *const markers[] = {"NOLINTNEXTLINE", "NOLINTBEGIN", "NOLINTEND", "NOLINT", NULL};

static void check_list(const char *line, const char *after, const char *eol, unsigned lineno,
                       sc_nolint_unknown_fn report, void *ctx) {
  static const char prefix[] = "stallcheck-";
  if (after >= eol || *after != '(') return;
  for (const char *p = after + 1; p < eol && *p != ')';) {
    while (p < eol && (*p == ' ' || *p == ',' || *p == '\t')) p++;
    const char *start = p;
    while (p < eol && *p != ',' && *p != ')') p++;
    const char *end = p;
    while (end > start && (end[-1] == ' ' || end[-1] == '\t')) end--;
    size_t n = (size_t)(end - start);
    if (n <= sizeof prefix - 1 || memcmp(start, prefix, sizeof prefix - 1) || memchr(start, '*', n)) continue;
    char id[128];
    size_t idlen = n - (sizeof prefix - 1);
    if (idlen >= sizeof id) idlen = sizeof id - 1;
    memcpy(id, start + sizeof prefix - 1, idlen);
    id[idlen] = 0;
    if (!sc_rule_find(id)) report(ctx, lineno, (unsigned)(start - line) + 1, start, n);
  }
}

void sc_nolint_unknown_checks(const char *text, size_t len, sc_nolint_unknown_fn report, void *ctx) {
  const char *p = text, *end = text + len;
  for (unsigned line = 1; text && p < end; line++) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    /* Each marker once per line: "NOLINT" is found inside "NOLINTBEGIN" only
     * as a prefix, which find_marker refuses. */
    for (const char *const *m = markers; *m; m++) {
      const char *after = find_marker(p, eol, *m);
      if (after) check_list(p, after, eol, line, report, ctx);
    }
    p = eol + 1;
  }
}

typedef struct unknown_ctx {
  const char *file;
  sc_findings_nolint_fn report;
  void *ctx;
} unknown_ctx;

static void forward_unknown(void *ctx, unsigned line, unsigned column, const char *check, size_t len) {
  unknown_ctx *u = ctx;
  u->report(u->ctx, u->file, line, column, check, len);
}

void sc_findings_check_nolint(const sc_findings *findings, sc_source_fn source, void *ctx,
                              sc_findings_nolint_fn report, void *report_ctx) {
  sc_source_cache cache = {0};
  if (!source) source = read_from_disk, ctx = &cache;
  /* Each file once, in the order the findings (sorted by file) name them. */
  const char **seen = calloc(2 * findings->count + 1, sizeof *seen);
  size_t nseen = 0;
  for (size_t i = 0; seen && i < 2 * findings->count; i++) {
    const sc_finding *x = &findings->items[i / 2];
    const sc_loc *loc = i % 2 ? root_of(x) : &x->loc;
    if (!loc || !loc->file) continue;
    size_t k = 0;
    while (k < nseen && strcmp(seen[k], loc->file)) k++;
    if (k < nseen) continue;
    seen[nseen++] = loc->file;
    size_t len = 0;
    const char *text = source(ctx, loc->file, &len);
    unknown_ctx u = {loc->file, report, report_ctx};
    if (text) sc_nolint_unknown_checks(text, len, forward_unknown, &u);
  }
  free(seen);
  sc_source_cache_free(&cache);
}
