/*
 * gpu_in_hot_loop.c - rules `gpu-sync-in-hot-loop` and
 * `gpu-alloc-in-hot-loop`: a device synchronisation, synchronous copy, or
 * device/pinned allocation on every iteration of a loop that runs often.
 *
 * Hot: a loop bounded by input, of unknown or endless trips, or of at least
 * SC_LOOP_GPU_MIN_TRIPS constant trips (not a loop over two streams or four
 * devices); or any place in an __attribute__((hot)) function.  The call may
 * sit in the loop itself or in a function the loop calls directly.  A sync
 * once after the loop is the remedy and is not reported.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"
#include "checks/loops.h"

/* Where a call runs hot: the loop around it, or around a call to its function. */
typedef struct hot_place {
  uint32_t tu, loop;  /* the hot loop, or loop == SC_NONE for a hot function */
  sc_loc via;         /* the call into the function from the loop (when indirect) */
  const char *via_name;
  int via_call;
} hot_place;

static int find_hot(const sc_program *p, sc_ref call, hot_place *h) {
  const sc_facts *f = p->tus[call.tu];
  const sc_call *c = &f->calls[call.index];
  memset(h, 0, sizeof *h);
  h->tu = call.tu;
  h->loop = sc_loop_hot_around(f, c);
  if (h->loop != SC_NONE) return 1;
  if (f->functions[c->caller].flags & SC_FN_HOT) return 1;
  /* One call up: a helper called from a hot loop. */
  uint32_t node = sc_check_call_node(p, call);
  for (uint32_t e = 0; e < p->nedges; e++) {
    const sc_edge *edge = &p->edges[e];
    if (edge->to != node) continue;
    const sc_facts *g = p->tus[edge->call.tu];
    const sc_call *site = &g->calls[edge->call.index];
    uint32_t loop = sc_loop_hot_around(g, site);
    if (loop == SC_NONE) continue;
    h->tu = edge->call.tu;
    h->loop = loop;
    h->via = site->loc;
    h->via_name = f->functions[c->caller].name;
    h->via_call = 1;
    return 1;
  }
  return 0;
}

static void report(const sc_program *p, const sc_rule *rule, sc_level level, sc_api_kind kind, sc_findings *out) {
  for (uint32_t t = 0; t < p->ntus; t++)
    for (uint32_t i = 0; i < p->tus[t]->ncalls; i++) {
      sc_ref call = {t, i};
      const sc_api *api = sc_check_match_api(p, call, kind);
      if (!api) continue;
      hot_place h;
      if (!find_hot(p, call, &h)) continue;
      const sc_facts *f = p->tus[t];
      const sc_call *c = &f->calls[i];
      char *where = h.loop != SC_NONE ? sc_loop_describe(p->tus[h.tu], h.loop)
                                      : sc_strdupf("the hot function '%s'", f->functions[c->caller].name);
      sc_finding *x = sc_findings_add(
          out, rule, level, c->loc,
          sc_strdupf("'%s' runs on every iteration of %s: it %s", c->callee_name, where, api->why),
          sc_strdupf("%s", api->remedy));
      if (h.loop != SC_NONE) {
        sc_finding_add_step(x, SC_STEP_LOOP, p->tus[h.tu]->loops[h.loop].loc, sc_strdupf("%s is here", where));
        if (h.via_call)
          sc_finding_add_step(x, SC_STEP_CALL, h.via, sc_strdupf("it calls '%s' on every iteration", h.via_name));
      }
      free(where);
      x->function = f->functions[c->caller].name;
      x->callee = c->callee_name;
      x->root = h.via_call ? h.via_name : x->function;
    }
}

void sc_check_gpu_sync_in_hot_loop(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out) {
  report(p, rule, level, SC_API_GPU_SYNC, out);
}

void sc_check_gpu_alloc_in_hot_loop(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out) {
  report(p, rule, level, SC_API_GPU_ALLOC, out);
}
