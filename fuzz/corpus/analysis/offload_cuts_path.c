// uv_queue_work runs its work callback on the thread pool: blocking there is
// the remedy, not a stall.  The after-work callback runs on the loop again.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <unistd.h>
#include <uv.h>

static void work(uv_work_t *req) {
  (void)req;
  sleep(1); // on a worker: silent
}

static void after_work(uv_work_t *req, int status) {
  (void)req;
  (void)status;
  // CHECK: offload_cuts_path.c:[[@LINE+1]]:3: warning: 'usleep' blocks the libuv event loop
  usleep(10);
}

static void on_timer(uv_timer_t *timer) {
  static uv_work_t req;
  uv_queue_work(timer->loop, &req, work, after_work);
}

int main(void) {
  uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 1000);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
// CHECK: note: 'after_work' runs on the libuv loop thread
