// The program's own wrapper around a registrar passes the callback through a
// parameter: the callback handed to the wrapper is the one registered.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <uv.h>

static uv_timer_t timer;

static void every(uint64_t ms, uv_timer_cb cb) {
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, cb, ms, ms);
}

static void rotate_logs(uv_timer_t *t) {
  (void)t;
  // CHECK: wrapper_registrar.c:[[@LINE+1]]:3: warning: 'system' blocks the libuv event loop
  system("logrotate /etc/logrotate.conf");
}

int main(void) {
  every(60000, rotate_logs);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
// CHECK: wrapper_registrar.c:21:3: note: 'rotate_logs' runs on the libuv loop thread
