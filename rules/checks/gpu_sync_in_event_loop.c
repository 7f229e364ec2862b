/*
 * gpu_sync_in_event_loop.c - rule `gpu-sync-in-event-loop`: waiting for the
 * GPU (a device or stream sync, a synchronous copy) on an event-loop thread
 * stalls every other callback for the length of the kernel or the copy.
 * The remedy: poll an event from the loop, or wait on a worker that wakes it.
 */
#include <stdlib.h>

#include "checks/checks.h"

static char *message(const sc_program *p, const sc_api_call *c, void *ctx) {
  (void)ctx;
  char *loop = sc_check_loop_name(p, c->root);
  char *text = sc_strdupf("'%s' blocks the %s: it %s", c->call->callee_name, loop, c->api->why);
  free(loop);
  return text;
}

static char *remedy(const sc_program *p, const sc_api_call *c, void *ctx) {
  (void)p;
  (void)ctx;
  return sc_strdupf("record an event after the GPU work and poll it from the loop (cudaEventQuery in a timer "
                    "or idle callback), or wait on a worker thread: %s",
                    sc_catalog_thread_adaptor(c->library));
}

void sc_check_gpu_sync_in_event_loop(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out) {
  sc_check_api_calls(p, rule, level, SC_CTX_LOOP, SC_API_GPU_SYNC, message, remedy, NULL, out);
}
