/*
 * cpu_heavy_work_on_io_thread.c - rule `cpu-heavy-work-on-io-thread`.
 *
 * Work that computes for long on an event-loop thread delays every other
 * callback as surely as a blocking call.  Two kinds are reported:
 *
 * - known-expensive library calls (compression of whole buffers, key
 *   derivation, key generation, regex compilation) on the loop thread;
 * - loop nests on the loop thread that are heavy whatever the input: a loop
 *   over an input nested in a loop over the same input (quadratic), three
 *   nested input-bounded loops, or constant counts whose product reaches
 *   SC_LOOP_HEAVY_CONST.  A loop over one input, rows times columns, and
 *   loops whose trip count cannot be told (a list walk, a read until
 *   EAGAIN) are normal work for a callback and are not reported.
 *
 * C has no global interpreter lock: the remedy is a worker pool, which runs
 * the work in parallel while the loop keeps serving.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"
#include "checks/loops.h"

static char *expensive_call_message(const sc_program *p, const sc_api_call *c, void *ctx) {
  (void)ctx;
  char *loop = sc_check_loop_name(p, c->root);
  char *text = sc_strdupf("'%s' runs on the thread of the %s: it %s", c->call->callee_name, loop, c->api->why);
  free(loop);
  return text;
}

static char *nest_text(const sc_facts *f, uint32_t loop, const sc_loop_cost *cost) {
  const char *fn = f->functions[f->loops[loop].function].name;
  switch (cost->kind) {
  case SC_HEAVY_QUADRATIC:
    return sc_strdupf("nested loops over '%s' in '%s', quadratic in '%s',", cost->bound, fn, cost->bound);
  case SC_HEAVY_CUBIC:
    return sc_strdupf("loops nested %u deep over input sizes in '%s'", cost->input_levels, fn);
  default:
    return sc_strdupf("loops of %.0f iterations in '%s'", cost->const_trips, fn);
  }
}

static void heavy_loops(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out) {
  size_t n = 0;
  const sc_api *worker = sc_catalog_apis("compress", SC_API_CPU_HEAVY, &n); /* its remedy: the worker pool */
  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t l = 0; l < f->nloops; l++) {
      const sc_loop *loop = &f->loops[l];
      if (loop->parent != SC_NONE) continue; /* the outermost loop speaks for its nest */
      uint32_t root;
      if (!sc_program_function_in_ctx(p, t, loop->function, SC_CTX_LOOP, &root)) continue;
      sc_loop_cost cost = sc_loop_nest_cost(f, l);
      if (cost.kind == SC_HEAVY_NONE) continue;
      char *what = nest_text(f, l, &cost), *where = sc_check_loop_name(p, root);
      sc_finding *x = sc_findings_add(out, rule, level, loop->loc,
                                      sc_strdupf("%s run on the thread of the %s", what, where),
                                      worker ? sc_catalog_remedy(worker, p->roots[root].library)
                                             : sc_strdupf("move the work to a pool of worker threads"));
      free(what);
      free(where);
      x->function = f->functions[loop->function].name;
      x->callee = "loop";
      x->root = p->nodes[p->roots[root].node].name;
      sc_program_explain_function(p, t, loop->function, SC_CTX_LOOP, root, x);
    }
  }
}

void sc_check_cpu_heavy_work_on_io_thread(const sc_program *p, const sc_rule *rule, sc_level level,
                                          sc_findings *out) {
  sc_check_api_calls(p, rule, level, SC_CTX_LOOP, SC_API_CPU_HEAVY, expensive_call_message, NULL, NULL, out);
  heavy_loops(p, rule, level, out);
}
