// A join on the loop waits for a thread that may still run; a join of a
// thread that woke the loop when it finished (uv_async_send, a pipe write)
// is the remedy itself and stays silent (chrony's resolver does this).
// RUN: %stallcheck %s -- -DWAKES 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --check-prefix=WAITS --implicit-check-not=warning:
#include <pthread.h>
#include <uv.h>

static uv_async_t done;
static pthread_t resolver;

static void *resolve(void *arg) {
  (void)arg;
#ifdef WAKES
  uv_async_send(&done);
#endif
  return NULL;
}

static void on_done(uv_async_t *handle) {
  (void)handle;
  // WAITS: thread_join_after_wakeup.c:[[@LINE+2]]:3: warning: 'pthread_join' blocks the libuv event loop: it waits for another thread to finish
  // WAITS: note: remedy: have the thread call uv_async_send when it is done and join it in the async callback, or detach it
  pthread_join(resolver, NULL);
}

int main(void) {
  uv_async_init(uv_default_loop(), &done, on_done);
  pthread_create(&resolver, NULL, resolve, NULL);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
