// libuv's loop APIs are not thread-safe: calling them from a work callback
// or a thread races with the loop.  uv_async_send is the thread-safe way to
// hand work back, and the same calls on the loop thread are fine.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>
#include <uv.h>

static uv_timer_t timer;
static uv_async_t wake;

static void on_timer(uv_timer_t *t) { (void)t; }

static void work(uv_work_t *req) {
  (void)req;
  // CHECK: loop_api_from_worker.c:[[@LINE+1]]:3: warning: 'uv_timer_start' is called on a libuv worker thread: it is not thread-safe and must run on the loop thread [loop-api-off-loop-thread]
  uv_timer_start(&timer, on_timer, 10, 0);
  // CHECK: note: 'work' runs on the libuv worker thread: registered here as a work callback by 'uv_queue_work'
  // CHECK: note: remedy: libuv handles belong to the loop thread: post the request to the loop with uv_async_send
  uv_async_send(&wake); // thread-safe: silent
}

static void after(uv_work_t *req, int status) {
  (void)req;
  (void)status;
  uv_timer_start(&timer, on_timer, 10, 0); // back on the loop: silent
}

static void *thread_main(void *arg) {
  // CHECK: loop_api_from_worker.c:[[@LINE+1]]:3: warning: 'uv_close' is called on a {{.*}} worker thread
  uv_close((uv_handle_t *)arg, NULL);
  return NULL;
}

static void on_wake(uv_async_t *a) { (void)a; }

int main(void) {
  static uv_work_t req;
  pthread_t th;
  uv_timer_init(uv_default_loop(), &timer);
  uv_async_init(uv_default_loop(), &wake, on_wake);
  uv_queue_work(uv_default_loop(), &req, work, after);
  pthread_create(&th, NULL, thread_main, &timer);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
