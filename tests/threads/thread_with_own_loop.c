// A thread that runs an event loop of its own sets up its own handles: that
// is the right thread for them (silent).  A thread that does not run a loop
// and starts a handle of the main loop races with it.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>
#include <uv.h>

static uv_timer_t main_timer;

static void on_tick(uv_timer_t *t) { (void)t; }

static void run_private_loop(uv_loop_t *own) {
  uv_run(own, UV_RUN_DEFAULT);
}

static void *io_thread(void *arg) {
  uv_loop_t own;
  uv_timer_t tick;
  (void)arg;
  uv_loop_init(&own);
  uv_timer_init(&own, &tick);               // its own loop: silent
  uv_timer_start(&tick, on_tick, 100, 100); // its own loop: silent
  run_private_loop(&own);
  return NULL;
}

static void *stray_thread(void *arg) {
  (void)arg;
  // CHECK: thread_with_own_loop.c:[[@LINE+1]]:3: warning: 'uv_timer_stop' is called on a pthread worker thread{{.*}}[loop-api-off-loop-thread]
  uv_timer_stop(&main_timer);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  uv_timer_init(uv_default_loop(), &main_timer);
  uv_timer_start(&main_timer, on_tick, 100, 100);
  pthread_create(&a, NULL, io_thread, NULL);
  pthread_create(&b, NULL, stray_thread, NULL);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
