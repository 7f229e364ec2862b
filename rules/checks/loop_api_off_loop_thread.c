/*
 * loop_api_off_loop_thread.c - rule `loop-api-off-loop-thread`: an
 * event-loop API that is not thread-safe (uv_close, uv_timer_start,
 * ev_io_start, sd_event_add_io...) called from a worker thread (a
 * uv_queue_work work callback, a pthread, a GThread, a GTask thread).  It
 * races with the loop thread and corrupts the loop's state.
 *
 * Not reported:
 * - libevent calls in a program that calls evthread_use_pthreads() (or
 *   evthread_use_windows_threads): libevent locks its bases then;
 * - the documented thread-safe calls (uv_async_send, ev_async_send, GLib's
 *   main-context functions such as g_idle_add and g_main_context_invoke):
 *   the catalog does not list them;
 * - calls on a thread that runs an event loop of its own (its start routine
 *   reaches uv_run, event_base_dispatch, ev_run, g_main_loop_run...): such a
 *   thread sets up the handles of its own loop, which is the right thread
 *   for them.  A thread that runs a loop and also touches the main loop's
 *   handles is missed; telling the two loops apart needs data flow.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"
#include "engine/engine_internal.h"

/* How many calls down from a thread's start routine to look for a loop run:
 * start routine -> thread_main -> run_loop -> uv_run. */
#define OWN_LOOP_MAX_CALLS 4

static const char *const loop_runs[] = {
    "uv_run",         "event_base_dispatch", "event_base_loop", "event_dispatch",          "event_loop",
    "ev_run",         "ev_loop",             "g_main_loop_run", "g_main_context_iteration", "sd_event_loop",
    "sd_event_run",   "aeMain",
};

typedef struct state {
  int libevent_locked;
  uint8_t *runs_own_loop; /* per root: 0 not computed, 1 no, 2 yes */
  uint32_t *seen, stamp;  /* forward walk scratch */
  uint32_t *queue;
} state;

static int libevent_locking(const sc_program *p) {
  return sc_program_defines_name(p, "evthread_use_pthreads") == 0 &&
         (sc_program_calls_name(p, "evthread_use_pthreads") || sc_program_calls_name(p, "evthread_use_windows_threads"));
}

static int is_loop_run(const sc_call *c) {
  if (c->callee_kind != SC_CALLEE_DIRECT || !c->callee_name) return 0;
  for (size_t i = 0; i < sizeof loop_runs / sizeof *loop_runs; i++)
    if (!strcmp(c->callee_name, loop_runs[i])) return 1;
  return 0;
}

/* Whether the worker that starts at `root` runs a loop within a few calls. */
static int thread_runs_own_loop(const sc_program *p, state *s, uint32_t root) {
  if (s->runs_own_loop[root]) return s->runs_own_loop[root] == 2;
  uint32_t stamp = ++s->stamp, head = 0, tail = 0, start = p->roots[root].node;
  int found = 0;
  s->seen[start] = stamp;
  s->queue[tail++] = start;
  for (uint32_t depth = 0; depth < OWN_LOOP_MAX_CALLS && head < tail && !found; depth++) {
    for (uint32_t level_end = tail; head < level_end && !found; head++) {
      uint32_t n = s->queue[head];
      const struct sc_program_index *ix = p->index;
      for (uint32_t i = 0; i < ix->node_calls_count[n] && !found; i++)
        found = is_loop_run(sc_program_call(p, ix->node_calls[ix->node_calls_first[n] + i]));
      for (uint32_t e = p->nodes[n].first_out; e < p->nodes[n].first_out + p->nodes[n].nout; e++) {
        uint32_t to = p->edges[e].to;
        if (s->seen[to] == stamp) continue;
        s->seen[to] = stamp;
        s->queue[tail++] = to;
      }
    }
  }
  s->runs_own_loop[root] = found ? 2 : 1;
  return found;
}

static char *message(const sc_program *p, const sc_api_call *c, void *ctx) {
  state *s = ctx;
  if (s->libevent_locked && !strcmp(c->api->library, "libevent")) return NULL;
  if (thread_runs_own_loop(p, s, c->root)) return NULL;
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
  state s = {libevent_locking(p), NULL, NULL, 0, NULL};
  s.runs_own_loop = sc_xcalloc(p->nroots ? p->nroots : 1, 1);
  s.seen = sc_xcalloc(p->nnodes ? p->nnodes : 1, sizeof *s.seen);
  s.queue = sc_xcalloc(p->nnodes ? p->nnodes : 1, sizeof *s.queue);
  sc_check_api_calls(p, rule, level, SC_CTX_WORKER, SC_API_LOOP_ONLY, message, remedy, &s, out);
  free(s.runs_own_loop);
  free(s.seen);
  free(s.queue);
}
