// A registration in a function nothing calls registers nothing: silent.
// RUN: %stallcheck %s -- 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
#include <unistd.h>
#include <uv.h>

static void on_timer(uv_timer_t *timer) {
  (void)timer;
  sleep(1);
}

static void never_called(uv_loop_t *loop) {
  static uv_timer_t timer;
  uv_timer_init(loop, &timer);
  uv_timer_start(&timer, on_timer, 0, 1000);
}

int main(void) { return uv_run(uv_default_loop(), UV_RUN_DEFAULT); }
