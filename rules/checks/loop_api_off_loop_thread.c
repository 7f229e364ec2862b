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

static char *message(const sc_program *p, const sc_api_call *c, void *ctx) {
  (void)p;
  if (*(const int *)ctx && !strcmp(c->api->library, "libevent")) return NULL; /* locking enabled */
  return sc_strdupf("'%s' is called on %s %s worker thread: it %s", c->call->callee_name,
                    strchr("aeiouAEIOU", c->library[0]) ? "an" : "a", c->library, c->api->why);
}

static char *remedy(const sc_program *p, const sc_api_call *c, void *ctx) {
  (void)p;
  (void)ctx;
  return sc_strdupf("%s", c->api->remedy);
}

void sc_check_loop_api_off_loop_thread(const sc_program *p, const sc_rule *rule, sc_level level,
                                       sc_findings *out) {
  int locked_libevent = libevent_locking(p);
  sc_check_api_calls(p, rule, level, SC_CTX_WORKER, SC_API_LOOP_ONLY, message, remedy, &locked_libevent, out);
}
