/*
 * facts.c - building a translation unit's facts.  Arrays grow by doubling;
 * every string is interned in the set's arena.
 */
#include "stallcheck/facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

static void *grow_array(void *items, uint32_t *cap, size_t elem) {
  uint32_t n = *cap ? *cap * 2 : 16;
  void *p = realloc(items, (size_t)n * elem);
  if (!p) {
    fputs("stallcheck: out of memory\n", stderr);
    abort();
  }
  *cap = n;
  return p;
}

#define PUSH(facts, array, count, cap, value)                                \
  do {                                                                       \
    if ((facts)->count == (facts)->cap)                                      \
      (facts)->array = grow_array((facts)->array, &(facts)->cap, sizeof *(facts)->array); \
    (facts)->array[(facts)->count++] = (value);                              \
  } while (0)

sc_facts *sc_facts_new(const char *tu_file) {
  sc_facts *f = calloc(1, sizeof *f);
  if (!f) {
    fputs("stallcheck: out of memory\n", stderr);
    abort();
  }
  f->arena = sc_arena_new();
  f->tu_file = sc_facts_intern(f, tu_file);
  return f;
}

void sc_facts_free(sc_facts *f) {
  if (!f) return;
  free(f->functions);
  free(f->calls);
  free(f->args);
  free(f->flows);
  free(f->loops);
  free(f->diags);
  free(f->var_refs);
  free(f->var_stores);
  sc_arena_free(f->arena);
  free(f);
}

const char *sc_facts_intern(sc_facts *f, const char *s) {
  return s ? sc_arena_intern(f->arena, s, strlen(s)) : NULL;
}

const char *sc_facts_intern_n(sc_facts *f, const char *s, size_t n) {
  return s ? sc_arena_intern(f->arena, s, n) : NULL;
}

static sc_loc intern_loc(sc_facts *f, sc_loc loc) {
  loc.file = sc_facts_intern(f, loc.file);
  return loc;
}

sc_loc sc_facts_loc(sc_facts *f, const char *file, uint32_t line, uint32_t col, uint32_t end_line,
                    uint32_t end_col) {
  sc_loc loc = {sc_facts_intern(f, file), line, col, end_line, end_col};
  return loc;
}

uint32_t sc_facts_add_function(sc_facts *f, const sc_function *fn) {
  sc_function copy = *fn;
  copy.usr = sc_facts_intern(f, fn->usr);
  copy.name = sc_facts_intern(f, fn->name);
  copy.annotations = sc_facts_intern(f, fn->annotations);
  copy.loc = intern_loc(f, fn->loc);
  PUSH(f, functions, nfunctions, cap_functions, copy);
  return f->nfunctions - 1;
}

uint32_t sc_facts_add_call(sc_facts *f, const sc_call *call, const sc_arg *args, uint32_t nargs) {
  sc_call copy = *call;
  copy.callee_usr = sc_facts_intern(f, call->callee_usr);
  copy.callee_name = sc_facts_intern(f, call->callee_name);
  copy.record = sc_facts_intern(f, call->record);
  copy.callee_annotations = sc_facts_intern(f, call->callee_annotations);
  copy.loc = intern_loc(f, call->loc);
  copy.first_arg = f->nargs;
  copy.nargs = nargs;
  for (uint32_t i = 0; i < nargs; i++) {
    sc_arg a = args[i];
    a.text = sc_facts_intern(f, a.text);
    a.usr = sc_facts_intern(f, a.usr);
    a.name = sc_facts_intern(f, a.name);
    a.type = sc_facts_intern(f, a.type);
    a.record = sc_facts_intern(f, a.record);
    PUSH(f, args, nargs, cap_args, a);
  }
  PUSH(f, calls, ncalls, cap_calls, copy);
  return f->ncalls - 1;
}

uint32_t sc_facts_add_flow(sc_facts *f, const sc_flow *flow) {
  sc_flow copy = *flow;
  copy.fn_usr = sc_facts_intern(f, flow->fn_usr);
  copy.fn_name = sc_facts_intern(f, flow->fn_name);
  copy.var_usr = sc_facts_intern(f, flow->var_usr);
  copy.var_name = sc_facts_intern(f, flow->var_name);
  copy.record = sc_facts_intern(f, flow->record);
  copy.field = sc_facts_intern(f, flow->field);
  copy.holder_usr = sc_facts_intern(f, flow->holder_usr);
  copy.loc = intern_loc(f, flow->loc);
  PUSH(f, flows, nflows, cap_flows, copy);
  return f->nflows - 1;
}

uint32_t sc_facts_add_loop(sc_facts *f, const sc_loop *loop) {
  sc_loop copy = *loop;
  copy.bound_text = sc_facts_intern(f, loop->bound_text);
  copy.loc = intern_loc(f, loop->loc);
  PUSH(f, loops, nloops, cap_loops, copy);
  return f->nloops - 1;
}

uint32_t sc_facts_add_var_ref(sc_facts *f, const sc_var_ref *ref) {
  sc_var_ref copy = *ref;
  copy.holder_usr = sc_facts_intern(f, ref->holder_usr);
  copy.var_usr = sc_facts_intern(f, ref->var_usr);
  /* Interned: equal strings are the same pointer.  A body refers to the
   * same few variables over and over; looking back a little keeps it to
   * about one record each. */
  for (uint32_t i = f->nvar_refs, seen = 0; i-- > 0 && seen < 32; seen++) {
    const sc_var_ref *r = &f->var_refs[i];
    if (r->function != copy.function || r->holder_usr != copy.holder_usr) break;
    if (r->var_usr == copy.var_usr) return i;
  }
  PUSH(f, var_refs, nvar_refs, cap_var_refs, copy);
  return f->nvar_refs - 1;
}

uint32_t sc_facts_add_var_store(sc_facts *f, const sc_var_store *store) {
  sc_var_store copy = *store;
  copy.var_usr = sc_facts_intern(f, store->var_usr);
  PUSH(f, var_stores, nvar_stores, cap_var_stores, copy);
  return f->nvar_stores - 1;
}

uint32_t sc_facts_add_diag(sc_facts *f, sc_diag_level level, const sc_loc *loc, const char *message) {
  sc_diag d = {level, {0}, sc_facts_intern(f, message)};
  if (loc) d.loc = intern_loc(f, *loc);
  PUSH(f, diags, ndiags, cap_diags, d);
  return f->ndiags - 1;
}
