// A blocking call two calls below a libuv timer callback is reported at the
// call, with the registration and each step of the path as notes.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>
#include <uv.h>

static void flush_cache(void) {
  // CHECK: libuv_timer_path.c:[[@LINE+1]]:3: warning: 'sleep' blocks the libuv event loop: it {{.*}}[blocking-call-in-event-loop]
  sleep(1);
}

static void tick(void) { flush_cache(); }

static void on_timer(uv_timer_t *timer) {
  (void)timer;
  tick();
}

int main(void) {
  uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 1000);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
// CHECK: libuv_timer_path.c:22:3: note: 'on_timer' runs on the libuv loop thread: registered here as {{.*}} by 'uv_timer_start'
// CHECK: libuv_timer_path.c:16:3: note: 'on_timer' calls 'tick' here
// CHECK: libuv_timer_path.c:12:26: note: 'tick' calls 'flush_cache' here
// CHECK: libuv_timer_path.c:9:3: note: remedy: {{.*}}
