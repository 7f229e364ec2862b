/*
 * loop_api_off_loop_thread.c - rule `loop-api-off-loop-thread`: an
 * event-loop API that is not thread-safe (uv_close, uv_timer_start,
 * ev_io_start, sd_event_add_io...) called from a worker thread (a
 * uv_queue_work work callback, a pthread, a GTask thread).  It races with
 * the loop thread and corrupts the loop's state.
 *
 * libevent calls are thread-safe once evthread_use_pthreads() (or
 * evthread_use_windows_threads) has run: in a program that calls it, they
 * are not reported.  The documented thread-safe calls (uv_async_send,
 * ev_async_send, GLib's main-context functions) are not in the catalog.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"

static int libevent_locking(const sc_program *p) {
  return sc_program_defines_name(p, "evthread_use_pthreads") == 0 &&
         (sc_program_calls_name(p, "evthread_use_pthreads") || sc_program_calls_name(p, "evthread_use_windows_threads"));
}

void sc_check_loop_api_off_loop_thread(const sc_program *p, const sc_rule *rule, sc_level level,
                                       sc_findings *out) {
  int locked_libevent = libevent_locking(p);
  for (uint32_t t = 0; t < p->ntus; t++)
    for (uint32_t i = 0; i < p->tus[t]->ncalls; i++) {
      sc_ref call = {t, i};
      uint32_t root;
      if (!sc_program_call_in_ctx(p, call, SC_CTX_WORKER, &root)) continue;
      const sc_api *api = sc_check_match_api(p, call, SC_API_LOOP_ONLY);
      if (!api) continue;
      if (locked_libevent && !strcmp(api->library, "libevent")) continue;
      const sc_call *c = sc_program_call(p, call);
      sc_finding *f = sc_findings_add(
          out, rule, level, c->loc,
          sc_strdupf("'%s' is called on a %s worker thread: it %s", c->callee_name, p->roots[root].library,
                     api->why),
          sc_strdupf("%s", api->remedy));
      f->function = p->tus[t]->functions[c->caller].name;
      f->callee = c->callee_name;
      f->root = p->nodes[p->roots[root].node].name;
      sc_program_explain(p, call, SC_CTX_WORKER, root, f);
    }
}
