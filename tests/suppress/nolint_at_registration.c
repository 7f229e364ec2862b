// A NOLINT on the line that registers a callback silences every finding
// whose path starts at that registration; other callbacks still report.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>
#include <uv.h>

static void flush_logs(void) { fsync(3); }

static void on_maintenance(uv_timer_t *t) {
  (void)t;
  flush_logs(); // accepted: maintenance runs when the server is idle
  sleep(1);
}

static void on_request(uv_timer_t *t) {
  (void)t;
  // CHECK: nolint_at_registration.c:[[@LINE+1]]:3: warning: 'usleep' blocks the libuv event loop
  usleep(10);
}

int main(void) {
  static uv_timer_t a, b;
  uv_timer_start(&a, on_maintenance, 0, 60000); // NOLINT(stallcheck-blocking-call-in-event-loop)
  uv_timer_start(&b, on_request, 0, 10);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
