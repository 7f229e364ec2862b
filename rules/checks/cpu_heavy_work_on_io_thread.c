/*
 * cpu_heavy_work_on_io_thread.c - rule `cpu-heavy-work-on-io-thread`.
 *
 * Work that computes for long on an event-loop thread delays every other
 * callback as surely as a blocking call.  Three kinds are reported:
 *
 * - known-expensive library calls (compression of whole buffers, key
 *   derivation, key generation, regex compilation) on the loop thread;
 * - loop nests on the loop thread that are heavy whatever the input: a loop
 *   over an input nested in a loop over the same input (quadratic), three
 *   nested input-bounded loops, or an estimated cost (constant trips times
 *   the innermost body's weight) of at least cpu_heavy_steps.  A loop
 *   over one input, rows times columns, and loops whose trip count cannot
 *   be told (a list walk, a read until EAGAIN) are normal work for a
 *   callback and are not reported; neither are chunked loops (min(n, slice)).
 *   (The numbers are sc_thresholds_get()'s: a configuration may change them.)
 *   Nests are looked for in callbacks and what they call, and inside the
 *   body of a hand-written epoll/poll loop;
 * - a sort on every iteration of an input-bounded loop on the loop thread
 *   (one qsort of a request's items is normal; one per item is not).
 *
 * C has no global interpreter lock: the remedy is a worker pool, which runs
 * the work in parallel while the loop keeps serving.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"
#include "checks/loops.h"
#include "engine/engine_internal.h"

/* A function declared nonblocking promises not to wait, not to be quick:
 * its CPU work is its own business. */
static int root_promises_only_not_to_wait(const sc_program *p, uint32_t root) {
  return sc_root_is_nonblocking(&p->roots[root]);
}

static char *expensive_call_message(const sc_program *p, const sc_api_call *c, void *ctx) {
  (void)ctx;
  if (root_promises_only_not_to_wait(p, c->root)) return NULL;
  char *loop = sc_check_loop_name(p, c->root);
  char *text = sc_strdupf("'%s' runs on the thread of the %s: it %s", c->call->callee_name, loop, c->api->why);
  free(loop);
  return text;
}

/* The worker-pool remedy in the words of the loop's library. */
static char *worker_remedy(const sc_program *p, uint32_t root) {
  size_t n = 0;
  const sc_api *worker = sc_catalog_apis("compress", SC_API_CPU_HEAVY, &n); /* its remedy: the worker pool */
  if (worker) return sc_catalog_remedy(worker, p->roots[root].library);
  return sc_strdupf("move the work to a pool of worker threads (C threads run CPU work in parallel)");
}

/* The message keeps the words of the first release (baselines and scripts
 * match on them); the estimate follows as a note at the loop, after the path. */
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

/* The root that puts the nest starting at `l` on a loop thread: its function
 * is reached by a callback, or `l` sits directly in the body of a
 * hand-written event loop. */
static int nest_on_loop_thread(const sc_program *p, uint32_t t, uint32_t l, uint32_t *root) {
  const sc_loop *loop = &p->tus[t]->loops[l];
  if (loop->parent == SC_NONE) return sc_program_function_in_ctx(p, t, loop->function, SC_CTX_LOOP, root);
  if (loop->parent >= p->tus[t]->nloops) return 0;
  *root = p->index->loop_root[t][loop->parent];
  return *root != SC_NONE && p->roots[*root].ctx == SC_CTX_LOOP;
}

static void heavy_loops(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out) {
  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t l = 0; l < f->nloops; l++) {
      const sc_loop *loop = &f->loops[l];
      uint32_t root;
      /* The outermost loop (under the event loop, if any) speaks for its nest. */
      if (!nest_on_loop_thread(p, t, l, &root) || root_promises_only_not_to_wait(p, root)) continue;
      sc_loop_cost cost = sc_loop_nest_cost(f, l);
      if (cost.kind == SC_HEAVY_NONE) continue;
      char *what = nest_text(f, l, &cost), *where = sc_check_loop_name(p, root);
      sc_finding *x = sc_findings_add(out, rule, level, loop->loc,
                                      sc_strdupf("%s run on the thread of the %s", what, where),
                                      worker_remedy(p, root));
      free(what);
      free(where);
      x->function = f->functions[loop->function].name;
      x->callee = "loop";
      x->root = p->nodes[p->roots[root].node].name;
      sc_program_explain_function(p, t, loop->function, SC_CTX_LOOP, root, x);
      char *estimate = sc_loop_cost_text(&cost);
      sc_finding_add_step(x, SC_STEP_LOOP, loop->loc, sc_strdupf("estimated cost: %s", estimate));
      free(estimate);
    }
  }
}

/* ---- a sort per iteration ---- */

/* The sorts, and the argument that holds the element count (-1: none). */
static const struct sort_call {
  const char *name;
  int count_arg;
} sorts[] = {
    {"qsort", 1}, {"qsort_r", 1}, {"g_qsort_with_data", 1}, {"g_array_sort", -1}, {"g_ptr_array_sort", -1},
    {"g_list_sort", -1}, {"g_slist_sort", -1},
};

static int is_sort(const sc_program *p, const sc_facts *f, const sc_call *c) {
  if (c->callee_kind != SC_CALLEE_DIRECT || !c->callee_name || sc_program_defines_name(p, c->callee_name)) return 0;
  for (size_t i = 0; i < sizeof sorts / sizeof *sorts; i++) {
    if (strcmp(c->callee_name, sorts[i].name)) continue;
    const sc_arg *count = sorts[i].count_arg < 0 ? NULL : sc_call_arg(f, c, (uint32_t)sorts[i].count_arg);
    return !(count && count->kind == SC_ARG_INT && count->ival <= sc_thresholds_get()->cpu_sort_few_elements);
  }
  return 0;
}

static uint32_t input_loop_around(const sc_facts *f, const sc_call *c) {
  for (uint32_t l = c->loop; l != SC_NONE; l = f->loops[l].parent)
    if (sc_loop_is_input_bounded(&f->loops[l])) return l;
  return SC_NONE;
}

static void sorts_in_loops(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out) {
  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t i = 0; i < f->ncalls; i++) {
      const sc_call *c = &f->calls[i];
      sc_ref ref = {t, i};
      uint32_t loop, root;
      if (!is_sort(p, f, c) || (loop = input_loop_around(f, c)) == SC_NONE) continue;
      if (!sc_program_call_in_ctx(p, ref, SC_CTX_LOOP, &root) || root_promises_only_not_to_wait(p, root)) continue;
      char *where = sc_check_loop_name(p, root), *around = sc_loop_describe(f, loop);
      sc_finding *x = sc_findings_add(
          out, rule, level, c->loc,
          sc_strdupf("'%s' sorts on every iteration of %s, on the thread of the %s", c->callee_name, around, where),
          worker_remedy(p, root));
      free(where);
      free(around);
      x->function = f->functions[c->caller].name;
      x->callee = c->callee_name;
      x->root = p->nodes[p->roots[root].node].name;
      sc_program_explain(p, ref, SC_CTX_LOOP, root, x);
      sc_finding_add_step(x, SC_STEP_LOOP, f->loops[loop].loc, sc_strdupf("the loop is here; sort once after it"));
    }
  }
}

void sc_check_cpu_heavy_work_on_io_thread(const sc_program *p, const sc_rule *rule, sc_level level,
                                          sc_findings *out) {
  sc_check_api_calls(p, rule, level, SC_CTX_LOOP, SC_API_CPU_HEAVY, expensive_call_message, NULL, NULL, out);
  heavy_loops(p, rule, level, out);
  sorts_in_loops(p, rule, level, out);
}
