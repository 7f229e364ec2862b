/*
 * programs.c - one compile database, several programs.
 *
 * A compile database often builds more than one executable (redis-server,
 * redis-cli and redis-benchmark; a daemon and its tests).  Linked as one
 * program they collide: two `main`s, two helpers of the same name, and the
 * first definition of each would hide the others.  So the translation units
 * are split into programs first: each TU that defines `main` starts one, and
 * pulls in, transitively, the TUs that define what it references (functions
 * it calls or takes the address of, variables it reads handlers from),
 * never another `main` TU.  TUs no program reaches (plugins, libraries) form
 * one more program.  Each is linked and analysed on its own; TUs shared by
 * several programs yield the same findings, which sc_findings_finish merges.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_internal.h"

typedef struct partition {
  sc_strmap *definers; /* USR of an external function -> defining TU */
  sc_strmap *stores;   /* variable USR or "record\x1ffield" -> TU storing a
                          function address into it */
  sc_arena *keys;      /* the field keys */
  uint8_t *is_main;    /* TU defines an external `main` */
} partition;

static const char *field_key(partition *pt, const char *record, const char *field) {
  char buf[512];
  int n = snprintf(buf, sizeof buf, "%s\x1f%s", record, field);
  return sc_arena_intern(pt->keys, buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
}

static int defines_main(const sc_facts *f) {
  for (uint32_t i = 0; i < f->nfunctions; i++)
    if (f->functions[i].linkage == SC_LINKAGE_EXTERNAL && f->functions[i].name &&
        !strcmp(f->functions[i].name, "main"))
      return 1;
  return 0;
}

static void index_definitions(partition *pt, sc_facts **tus, uint32_t ntus) {
  pt->definers = sc_strmap_new();
  pt->stores = sc_strmap_new();
  pt->keys = sc_arena_new();
  pt->is_main = sc_xcalloc(ntus, 1);
  for (uint32_t t = 0; t < ntus; t++) {
    const sc_facts *f = tus[t];
    pt->is_main[t] = (uint8_t)defines_main(f);
    for (uint32_t i = 0; i < f->nfunctions; i++)
      if (f->functions[i].linkage == SC_LINKAGE_EXTERNAL) sc_strmap_add(pt->definers, f->functions[i].usr, t);
    /* Handler tables and callback fields filled in this TU matter to the
     * TUs that call through them. */
    for (uint32_t i = 0; i < f->nflows; i++) {
      const sc_flow *fl = &f->flows[i];
      if (fl->kind == SC_FLOW_VAR && fl->var_usr) sc_strmap_add(pt->stores, fl->var_usr, t);
      if (fl->kind == SC_FLOW_FIELD && fl->record && fl->field)
        sc_strmap_add(pt->stores, field_key(pt, fl->record, fl->field), t);
    }
  }
}

/* Adds to the program the first non-main TU that defines `usr` (or the
 * program's own main TU), unless the program already has one. */
static void pull(const partition *pt, const char *usr, uint32_t self, uint8_t *in, uint32_t *queue, uint32_t *n) {
  if (!usr) return;
  uint32_t pick = SC_NONE;
  for (uint32_t e = sc_strmap_first(pt->definers, usr); e != UINT32_MAX; e = sc_strmap_next(pt->definers, e)) {
    uint32_t t = sc_strmap_value(pt->definers, e);
    if (in[t]) return; /* already defined in the program */
    if (pick == SC_NONE && (!pt->is_main[t] || t == self)) pick = t;
  }
  if (pick == SC_NONE) return;
  in[pick] = 1;
  queue[(*n)++] = pick;
}

/* Adds every non-main TU that stores a function into `key` (a variable or a
 * field the program calls through). */
static void pull_stores(const partition *pt, const char *key, uint32_t self, uint8_t *in, uint32_t *queue,
                        uint32_t *n) {
  if (!key) return;
  for (uint32_t e = sc_strmap_first(pt->stores, key); e != UINT32_MAX; e = sc_strmap_next(pt->stores, e)) {
    uint32_t t = sc_strmap_value(pt->stores, e);
    if (in[t] || (pt->is_main[t] && t != self)) continue;
    in[t] = 1;
    queue[(*n)++] = t;
  }
}

/* The TUs of the program that starts at `start` (in[] marks them). */
static void collect(partition *pt, sc_facts **tus, uint32_t start, uint8_t *in, uint32_t *queue, uint32_t *n) {
  in[start] = 1;
  queue[(*n)++] = start;
  for (uint32_t head = *n - 1; head < *n; head++) {
    const sc_facts *f = tus[queue[head]];
    for (uint32_t i = 0; i < f->ncalls; i++) {
      const sc_call *c = &f->calls[i];
      if (c->callee_kind == SC_CALLEE_DIRECT) pull(pt, c->callee_usr, start, in, queue, n);
      if (c->callee_kind == SC_CALLEE_VAR) pull_stores(pt, c->callee_usr, start, in, queue, n);
      if (c->callee_kind == SC_CALLEE_FIELD && c->record && c->callee_name)
        pull_stores(pt, field_key(pt, c->record, c->callee_name), start, in, queue, n);
    }
    for (uint32_t i = 0; i < f->nargs; i++) {
      if (f->args[i].kind == SC_ARG_FUNC) pull(pt, f->args[i].usr, start, in, queue, n);
      if (f->args[i].kind == SC_ARG_VAR) pull_stores(pt, f->args[i].usr, start, in, queue, n);
      if (f->args[i].kind == SC_ARG_FIELD && f->args[i].record && f->args[i].name)
        pull_stores(pt, field_key(pt, f->args[i].record, f->args[i].name), start, in, queue, n);
    }
    for (uint32_t i = 0; i < f->nflows; i++) pull(pt, f->flows[i].fn_usr, start, in, queue, n);
  }
}

/* Moves every finding of `from` to `to` (which takes ownership). */
static void move_findings(sc_findings *from, sc_findings *to) {
  for (size_t i = 0; i < from->count; i++) {
    sc_finding *x = &from->items[i];
    sc_finding *y = sc_findings_add(to, x->rule, x->level, x->loc, x->message, x->remedy);
    *y = *x;
  }
  free(from->items);
  sc_findings_init(from);
}

static void analyze_one(sc_facts **tus, uint32_t n, const sc_options *o, sc_findings *out) {
  sc_program *p = sc_program_link(tus, n);
  p->source = o->source;
  p->source_ctx = o->source_ctx;
  sc_program_solve(p);
  sc_findings part;
  sc_findings_init(&part);
  sc_analyze(p, o, &part);
  move_findings(&part, out);
  sc_program_free(p);
}

void sc_analyze_programs(sc_facts **tus, uint32_t ntus, const sc_options *o, sc_findings *out) {
  partition pt;
  index_definitions(&pt, tus, ntus);
  uint32_t mains = 0;
  for (uint32_t t = 0; t < ntus; t++) mains += pt.is_main[t];
  if (mains <= 1) {
    analyze_one(tus, ntus, o, out);
  } else {
    uint8_t *in = sc_xcalloc(ntus, 1), *reached = sc_xcalloc(ntus, 1);
    uint32_t *queue = sc_xcalloc(ntus, sizeof *queue);
    sc_facts **group = sc_xcalloc(ntus, sizeof *group);
    for (uint32_t start = 0; start <= ntus; start++) {
      uint32_t n = 0;
      memset(in, 0, ntus);
      if (start < ntus) {
        if (!pt.is_main[start]) continue;
        collect(&pt, tus, start, in, queue, &n);
      } else {
        /* What no program reached: one more program, with what it needs. */
        for (uint32_t t = 0; t < ntus; t++)
          if (!reached[t] && !in[t]) collect(&pt, tus, t, in, queue, &n);
        if (n == 0) break;
      }
      /* Keep compile-database order: results must not depend on the walk. */
      uint32_t k = 0;
      for (uint32_t t = 0; t < ntus; t++)
        if (in[t]) group[k++] = tus[t], reached[t] = 1;
      analyze_one(group, k, o, out);
    }
    free(in);
    free(reached);
    free(queue);
    free(group);
  }
  sc_findings_finish(out);
  sc_strmap_free(pt.definers);
  sc_strmap_free(pt.stores);
  sc_arena_free(pt.keys);
  free(pt.is_main);
}
