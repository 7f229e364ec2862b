/*
 * loops.c - loop costs and hot loops for the CPU and GPU checks.
 */
#include "checks/loops.h"

#include <ctype.h>
#include <string.h>

#include "stallcheck/findings.h"

int sc_loop_is_chunked(const sc_loop *loop) {
  const char *b = loop->bound_text;
  return b && (strstr(b, "min(") || strstr(b, "MIN(") || strstr(b, "min (") || strstr(b, "MIN ("));
}

/* A bound that is a plain size: a variable, a field, simple arithmetic
 * (`len`, `req->count`, `n - 1`).  Pointer walks (`p != NULL`), macros and
 * calls (`RB_FOREACH(...)`, `strlen(s)`) are not counted as input sizes. */
static int plain_bound(const char *b) {
  if (!b || !*b || strstr(b, "NULL")) return 0;
  for (; *b; b++)
    if (!(isalnum((unsigned char)*b) || strchr("_.->+*/ []", *b))) return 0;
  return 1;
}

static int counted_input(const sc_loop *l) {
  return l->trip_kind == SC_TRIP_INPUT && !sc_loop_is_chunked(l) && plain_bound(l->bound_text);
}

static int counted_const(const sc_loop *l) {
  return l->trip_kind == SC_TRIP_CONST && l->trip_count > 0 && l->trip_count < SC_LOOP_SENTINEL_TRIPS;
}

/* Walks the nest under `loop`; `outer` holds the input bounds of the loops
 * around it (at most 8 deep are remembered). */
static void walk_nest(const sc_facts *f, uint32_t loop, const char **outer, uint32_t nouter, double consts,
                      sc_loop_cost *best) {
  const sc_loop *l = &f->loops[loop];
  const char *bounds[9];
  uint32_t n = nouter;
  if (nouter) memcpy(bounds, outer, nouter * sizeof *bounds);
  if (counted_const(l)) consts *= (double)l->trip_count;
  if (counted_input(l)) {
    for (uint32_t i = 0; i < nouter; i++)
      if (!strcmp(outer[i], l->bound_text) && best->kind != SC_HEAVY_CUBIC) {
        best->kind = SC_HEAVY_QUADRATIC;
        best->bound = l->bound_text;
      }
    if (n < 8) bounds[n++] = l->bound_text;
    if (n >= 3) best->kind = SC_HEAVY_CUBIC;
  }
  if (n > best->input_levels) best->input_levels = n;
  if (consts > best->const_trips) best->const_trips = consts;
  for (uint32_t c = loop + 1; c < f->nloops && f->loops[c].function == l->function; c++)
    if (f->loops[c].parent == loop) walk_nest(f, c, bounds, n, consts, best);
}

sc_loop_cost sc_loop_nest_cost(const sc_facts *f, uint32_t loop) {
  sc_loop_cost cost = {SC_HEAVY_NONE, 1.0, NULL, 0};
  walk_nest(f, loop, NULL, 0, 1.0, &cost);
  if (cost.kind == SC_HEAVY_NONE && cost.const_trips >= SC_LOOP_HEAVY_CONST) cost.kind = SC_HEAVY_CONSTANT;
  return cost;
}

static int loop_is_hot(const sc_loop *l) {
  if (l->trip_kind == SC_TRIP_CONST) return l->trip_count >= SC_LOOP_GPU_MIN_TRIPS;
  return !(l->trip_kind == SC_TRIP_INPUT && sc_loop_is_chunked(l));
}

uint32_t sc_loop_hot_around(const sc_facts *f, const sc_call *call) {
  for (uint32_t l = call->loop; l != SC_NONE; l = f->loops[l].parent)
    if (loop_is_hot(&f->loops[l])) return l;
  return SC_NONE;
}

char *sc_loop_describe(const sc_facts *f, uint32_t loop) {
  const sc_loop *l = &f->loops[loop];
  const char *fn = l->function < f->nfunctions ? f->functions[l->function].name : "?";
  switch (l->trip_kind) {
  case SC_TRIP_CONST:
    return sc_strdupf("the loop of %lld iterations in '%s'", (long long)l->trip_count, fn);
  case SC_TRIP_INPUT:
    return sc_strdupf("the loop over '%s' in '%s'", l->bound_text ? l->bound_text : "?", fn);
  case SC_TRIP_INFINITE:
    return sc_strdupf("the endless loop in '%s'", fn);
  default:
    return sc_strdupf("the loop in '%s'", fn);
  }
}
