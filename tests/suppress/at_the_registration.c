// A NOLINT on the line a path starts at (the callback's registration)
// silences the findings of those rules under that callback, wherever they
// are; other registrations of the same code still report.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>
#include <uv.h>

static void load_settings(void) { sleep(1); }

static void on_startup(uv_timer_t *t) {
  (void)t;
  load_settings();
  usleep(2);
}

static void on_tick(uv_timer_t *t) {
  (void)t;
  // CHECK: at_the_registration.c:[[@LINE+1]]:3: warning: 'usleep' blocks the libuv event loop
  usleep(3);
}

int main(void) {
  static uv_timer_t startup, tick, other;
  uv_timer_start(&startup, on_startup, 0, 0); // NOLINT(stallcheck-blocking-call-in-event-loop): once, before clients
  // NOLINTNEXTLINE(stallcheck-cpu-heavy-work-on-io-thread)
  uv_timer_start(&tick, on_tick, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
