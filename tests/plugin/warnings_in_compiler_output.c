// Loaded into a normal compile, the plugin prints stallcheck's findings as
// compiler warnings with notes and carets, and the compile still succeeds and
// produces its object file.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -c -fno-color-diagnostics -fplugin=%plugin %s -o %t/out.o 2>&1 | FileCheck %s
// RUN: test -s %t/out.o
#include <unistd.h>
#include <uv.h>

static void on_timer(uv_timer_t *t) {
  (void)t;
  sleep(1);
}
// CHECK: warnings_in_compiler_output.c:13:3: warning: 'sleep' blocks the libuv event loop: it suspends the calling thread [blocking-call-in-event-loop]
// CHECK-NEXT: 13 |   sleep(1);
// CHECK-NEXT:    |   ^~~~~
// CHECK: warnings_in_compiler_output.c:[[@LINE+5]]:3: note: 'on_timer' runs on the libuv loop thread: registered here as a timer callback by 'uv_timer_start'
// CHECK: warnings_in_compiler_output.c:13:3: note: remedy: resume later from a uv_timer_t (uv_timer_start) instead of sleeping
// CHECK: 1 warning generated.
int main(void) {
  static uv_timer_t timer;
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
