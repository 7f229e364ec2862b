/*
 * gpu_sync_in_event_loop.c - rule `gpu-sync-in-event-loop`: waiting for the
 * GPU (a device or stream sync, a synchronous copy) on an event-loop thread
 * stalls every other callback for the length of the kernel or the copy.
 * The remedy: poll an event from the loop, or wait on a worker that wakes it.
 */
#include <stdlib.h>

#include "checks/checks.h"

void sc_check_gpu_sync_in_event_loop(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out) {
  for (uint32_t t = 0; t < p->ntus; t++)
    for (uint32_t i = 0; i < p->tus[t]->ncalls; i++) {
      sc_ref call = {t, i};
      uint32_t root;
      if (!sc_program_call_in_ctx(p, call, SC_CTX_LOOP, &root)) continue;
      const sc_api *api = sc_check_match_api(p, call, SC_API_GPU_SYNC);
      if (!api) continue;
      const sc_call *c = sc_program_call(p, call);
      const char *library = p->roots[root].library;
      char *loop = sc_check_loop_name(p, root);
      sc_finding *f = sc_findings_add(
          out, rule, level, c->loc, sc_strdupf("'%s' blocks the %s: it %s", c->callee_name, loop, api->why),
          sc_strdupf("record an event after the GPU work and poll it from the loop (cudaEventQuery in a timer "
                     "or idle callback), or wait on a worker thread: %s",
                     sc_catalog_thread_adaptor(library)));
      free(loop);
      f->function = p->tus[t]->functions[c->caller].name;
      f->callee = c->callee_name;
      f->root = p->nodes[p->roots[root].node].name;
      sc_program_explain(p, call, SC_CTX_LOOP, root, f);
    }
}
