/*
 * loops.c - loop costs and hot loops for the CPU and GPU checks.
 */
#include "checks/loops.h"

#include <ctype.h>
#include <string.h>

#include "stallcheck/catalog.h"
#include "stallcheck/findings.h"

/* min(n, slice), MIN(...), g_min..., or the conditional it expands to
 * (`n < slice ? n : slice`). */
int sc_loop_is_chunked(const sc_loop *loop) {
  const char *b = loop->bound_text;
  return b && (strstr(b, "min(") || strstr(b, "MIN(") || strstr(b, "min (") || strstr(b, "MIN (") ||
               (strchr(b, '?') && strpbrk(b, "<>")));
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

int sc_loop_is_input_bounded(const sc_loop *l) {
  return l->trip_kind == SC_TRIP_INPUT && !sc_loop_is_chunked(l) && plain_bound(l->bound_text);
}

static int counted_const(const sc_loop *l) {
  return l->trip_kind == SC_TRIP_CONST && l->trip_count > 0 && l->trip_count < SC_LOOP_SENTINEL_TRIPS;
}

static uint32_t weight_of(const sc_loop *l) { return l->body_weight ? l->body_weight : 1; }

/* Walks the nest under `loop`; `outer` holds the input bounds of the loops
 * around it (at most 8 deep are remembered). */
static void walk_nest(const sc_facts *f, uint32_t loop, const char **outer, uint32_t nouter, double consts,
                      sc_loop_cost *best) {
  const sc_loop *l = &f->loops[loop];
  const char *bounds[9];
  uint32_t n = nouter;
  if (nouter) memcpy(bounds, outer, nouter * sizeof *bounds);
  /* A loop that continues an enclosing one's walk (lighttpd's header
   * parser: `for (; i + 1 <= hoff[0]; ++i)` inside `for (i = 2; i <
   * hoff[0]; ++i)`) shares its trips: no new level. */
  int shares = l->continues_outer != 0;
  if (counted_const(l) && !shares) consts *= (double)l->trip_count;
  if (sc_loop_is_input_bounded(l) && !shares) {
    for (uint32_t i = 0; i < nouter; i++)
      if (!strcmp(outer[i], l->bound_text) && best->kind != SC_HEAVY_CUBIC) {
        best->kind = SC_HEAVY_QUADRATIC;
        best->bound = l->bound_text;
        best->weight = weight_of(l);
      }
    if (n < 8) bounds[n++] = l->bound_text;
    if (n >= sc_thresholds_get()->cpu_nested_input_loops && best->kind != SC_HEAVY_CUBIC) {
      best->kind = SC_HEAVY_CUBIC;
      memcpy(best->bounds, bounds, n * sizeof *bounds);
      best->nbounds = n;
      best->weight = weight_of(l);
    }
  }
  if (n > best->input_levels) best->input_levels = n;
  if (consts * weight_of(l) > best->work) {
    best->work = consts * weight_of(l);
    best->const_trips = consts;
  }
  for (uint32_t c = loop + 1; c < f->nloops && f->loops[c].function == l->function; c++)
    if (f->loops[c].parent == loop) walk_nest(f, c, bounds, n, consts, best);
}

sc_loop_cost sc_loop_nest_cost(const sc_facts *f, uint32_t loop) {
  sc_loop_cost cost = {SC_HEAVY_NONE, 1.0, 0.0, NULL, 0, {NULL}, 0, 0};
  walk_nest(f, loop, NULL, 0, 1.0, &cost);
  if (cost.kind == SC_HEAVY_NONE && cost.work >= sc_thresholds_get()->cpu_heavy_steps) cost.kind = SC_HEAVY_CONSTANT;
  return cost;
}

char *sc_loop_cost_text(const sc_loop_cost *cost) {
  uint32_t weight = cost->kind == SC_HEAVY_CONSTANT ? (uint32_t)(cost->work / cost->const_trips + 0.5) : cost->weight;
  const char *unit = weight == 1 ? "statement" : "statements";
  switch (cost->kind) {
  case SC_HEAVY_QUADRATIC:
    return sc_strdupf("%s^2 iterations x %u %s", cost->bound, weight, unit);
  case SC_HEAVY_CUBIC: {
    char chain[512] = "";
    size_t used = 0;
    for (uint32_t i = 0; i < cost->nbounds && used < sizeof chain; i++)
      used += (size_t)snprintf(chain + used, sizeof chain - used, "%s%s", i ? " x " : "", cost->bounds[i]);
    return sc_strdupf("%s iterations x %u %s", chain, weight, unit);
  }
  default:
    return sc_strdupf("%.0f iterations x %u %s", cost->const_trips, weight, unit);
  }
}

/* A loop over the devices, streams, queues or contexts (`i < ngpus`,
 * `s < num_streams`, `d < device_count`) runs a handful of times: it sets up
 * or drains per-device work, and one sync per device is how it drains. */
static int bound_counts_devices(const char *b) {
  static const char *const words[] = {"gpu", "dev", "stream", "queue", "context", "ctx"};
  char lower[128];
  size_t n = 0;
  for (; b && *b && n + 1 < sizeof lower; b++) lower[n++] = (char)tolower((unsigned char)*b);
  lower[n] = 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (strstr(lower, words[i])) return 1;
  return 0;
}

/* Loops of untold trips (`while (running)`, a convergence test, a read until
 * EOF) are not hot: they wait for a request or an answer per iteration, and a
 * sync is how they get it. */
static int loop_is_hot(const sc_loop *l) {
  if (l->trip_kind == SC_TRIP_CONST) return l->trip_count >= sc_thresholds_get()->gpu_hot_min_trips;
  return l->trip_kind == SC_TRIP_INPUT && !sc_loop_is_chunked(l) && !bound_counts_devices(l->bound_text);
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
