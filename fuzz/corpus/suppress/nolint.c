// Inline suppressions, as clang-tidy users write them: NOLINT on the line,
// NOLINTNEXTLINE on the line before, NOLINTBEGIN/NOLINTEND around a region,
// with check lists naming "stallcheck-<rule>" or globs.  Other tools' check
// names do not suppress stallcheck.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>
#include <uv.h>

static void on_timer(uv_timer_t *t) {
  (void)t;
  sleep(1); // NOLINT
  sleep(2); // NOLINT(stallcheck-blocking-call-in-event-loop)
  sleep(3); // NOLINT(bugprone-*, stallcheck-*)
  // NOLINTNEXTLINE(stallcheck-blocking-call-in-event-loop)
  sleep(4);
  // NOLINTBEGIN(stallcheck-*)
  sleep(5);
  usleep(6);
  // NOLINTEND(stallcheck-*)
  // CHECK: nolint.c:[[@LINE+1]]:3: warning: 'sleep' blocks the libuv event loop
  sleep(7); // NOLINT(bugprone-unused-return-value)
  // CHECK: nolint.c:[[@LINE+1]]:3: warning: 'sleep' blocks the libuv event loop
  sleep(8); // NOLINT(stallcheck-cpu-heavy-work-on-io-thread)
  // NOLINTNEXTLINE(stallcheck-*)

  // CHECK: nolint.c:[[@LINE+1]]:3: warning: 'usleep' blocks the libuv event loop
  usleep(9); // NOLINTNEXTLINE covers the next line only, not one further
}

int main(void) {
  static uv_timer_t timer;
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
