// A NOLINT at one registration does not hide what another, unsuppressed
// callback reaches too: the finding is explained from that other callback.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>
#include <uv.h>

static void flush_logs(void) {
  // CHECK: nolint_at_one_of_two_roots.c:[[@LINE+1]]:3: warning: 'fsync' blocks the libuv event loop
  fsync(3);
}

// Registered first, and one call closer to fsync: the shortest path would
// start at its (suppressed) registration.
static void on_maintenance(uv_timer_t *t) {
  (void)t;
  flush_logs();
}

static void log_request(void) { flush_logs(); }

static void on_request(uv_timer_t *t) {
  (void)t;
  log_request();
}

int main(void) {
  static uv_timer_t a, b;
  uv_timer_start(&a, on_maintenance, 0, 60000); // NOLINT(stallcheck-blocking-call-in-event-loop)
  // CHECK: nolint_at_one_of_two_roots.c:[[@LINE+1]]:3: note: 'on_request' runs on the libuv loop thread: registered here as a timer callback by 'uv_timer_start'
  uv_timer_start(&b, on_request, 0, 10);
  // CHECK: nolint_at_one_of_two_roots.c:23:3: note: 'on_request' calls 'log_request' here
  // CHECK: nolint_at_one_of_two_roots.c:19:33: note: 'log_request' calls 'flush_logs' here
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
