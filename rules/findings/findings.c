/*
 * findings.c - the findings list: adding, ordering, de-duplicating and
 * fingerprinting.
 *
 * Fingerprints identify a finding across edits that move it: they hash the
 * rule, the file's name, the enclosing function, the callee and the callback
 * the path starts at, never a line number, plus an occurrence counter so two
 * identical calls in one function stay distinct.  GitHub code scanning and
 * baselines match findings by them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stallcheck/findings.h"

char *sc_strdupf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) abort();
  char *s = malloc((size_t)n + 1);
  if (!s) abort();
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

void sc_findings_init(sc_findings *f) { memset(f, 0, sizeof *f); }

static void finding_free(sc_finding *x) {
  free(x->message);
  free(x->remedy);
  for (size_t i = 0; i < x->nsteps; i++) free(x->steps[i].message);
  free(x->steps);
}

void sc_findings_free(sc_findings *f) {
  for (size_t i = 0; i < f->count; i++) finding_free(&f->items[i]);
  free(f->items);
  memset(f, 0, sizeof *f);
}

sc_finding *sc_findings_add(sc_findings *f, const sc_rule *rule, sc_level level, sc_loc loc, char *message,
                            char *remedy) {
  if (f->count == f->cap) {
    size_t cap = f->cap ? f->cap * 2 : 16;
    sc_finding *items = realloc(f->items, cap * sizeof *items);
    if (!items) abort();
    f->items = items;
    f->cap = cap;
  }
  sc_finding *x = &f->items[f->count++];
  memset(x, 0, sizeof *x);
  x->rule = rule;
  x->level = level;
  x->loc = loc;
  x->message = message;
  x->remedy = remedy;
  return x;
}

void sc_finding_add_step(sc_finding *x, sc_step_kind kind, sc_loc loc, char *message) {
  sc_step *steps = realloc(x->steps, (x->nsteps + 1) * sizeof *steps);
  if (!steps) abort();
  x->steps = steps;
  x->steps[x->nsteps++] = (sc_step){kind, loc, message};
}

void sc_findings_drop(sc_findings *f, int (*drop)(const sc_finding *finding, void *ctx), void *ctx) {
  size_t kept = 0;
  for (size_t i = 0; i < f->count; i++) {
    if (drop(&f->items[i], ctx))
      finding_free(&f->items[i]);
    else
      f->items[kept++] = f->items[i];
  }
  f->count = kept;
}

static int strcmp_null(const char *a, const char *b) {
  if (!a || !b) return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

static int compare(const void *pa, const void *pb) {
  const sc_finding *a = pa, *b = pb;
  int c = strcmp_null(a->loc.file, b->loc.file);
  if (c) return c;
  if (a->loc.line != b->loc.line) return a->loc.line < b->loc.line ? -1 : 1;
  if (a->loc.col != b->loc.col) return a->loc.col < b->loc.col ? -1 : 1;
  if ((c = strcmp_null(a->rule->id, b->rule->id))) return c;
  return strcmp_null(a->message, b->message);
}

/* One finding per rule, place and callee: a header function seen by several
 * TUs, or code shared by several programs of one compile database, is
 * reported once (the messages may name different loops). */
static int same_place(const sc_finding *a, const sc_finding *b) {
  return a->rule == b->rule && a->loc.line == b->loc.line && a->loc.col == b->loc.col &&
         !strcmp_null(a->loc.file, b->loc.file) && !strcmp_null(a->callee, b->callee);
}

/* FNV-1a, 64 bits: stable across runs, platforms and releases. */
static uint64_t fnv(uint64_t h, const char *s) {
  for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
  return (h ^ 0xff) * 0x100000001b3ull; /* field separator */
}

static const char *base_name(const char *path) {
  const char *slash = path ? strrchr(path, '/') : NULL;
  return slash ? slash + 1 : path;
}

static uint64_t identity(const sc_finding *x) {
  uint64_t h = 0xcbf29ce484222325ull;
  h = fnv(h, x->rule->id);
  h = fnv(h, base_name(x->loc.file));
  h = fnv(h, x->function);
  h = fnv(h, x->callee);
  return fnv(h, x->root);
}

typedef struct ident {
  uint64_t id;
  size_t pos;
} ident;

static int by_identity(const void *pa, const void *pb) {
  const ident *a = pa, *b = pb;
  if (a->id != b->id) return a->id < b->id ? -1 : 1;
  return a->pos < b->pos ? -1 : a->pos > b->pos;
}

void sc_findings_finish(sc_findings *f) {
  if (f->count == 0) return;
  qsort(f->items, f->count, sizeof *f->items, compare);
  size_t kept = 1;
  for (size_t i = 1; i < f->count; i++) {
    if (same_place(&f->items[kept - 1], &f->items[i])) {
      /* Keep the shortest explanation, and the suppression if any copy was
       * suppressed. */
      sc_finding *k = &f->items[kept - 1], *x = &f->items[i];
      int suppressed = k->suppressed | x->suppressed;
      if (x->nsteps < k->nsteps) {
        sc_finding tmp = *k;
        *k = *x;
        *x = tmp;
      }
      k->suppressed = suppressed;
      finding_free(x);
    } else {
      f->items[kept++] = f->items[i];
    }
  }
  f->count = kept;
  /* Occurrence counters in source order make equal identities distinct:
   * sorting (identity, position) pairs groups equal identities in order. */
  ident *ids = malloc(f->count * sizeof *ids);
  if (!ids) abort();
  for (size_t i = 0; i < f->count; i++) ids[i] = (ident){identity(&f->items[i]), i};
  qsort(ids, f->count, sizeof *ids, by_identity);
  unsigned occurrence = 0;
  for (size_t i = 0; i < f->count; i++) {
    occurrence = i > 0 && ids[i - 1].id == ids[i].id ? occurrence + 1 : 0;
    char n[16];
    snprintf(n, sizeof n, "%u", occurrence);
    sc_finding *x = &f->items[ids[i].pos];
    snprintf(x->fingerprint, sizeof x->fingerprint, "%016llx", (unsigned long long)fnv(ids[i].id, n));
  }
  free(ids);
}
