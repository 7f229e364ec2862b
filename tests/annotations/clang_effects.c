// clang's function effect attributes: a function declared nonblocking from
// which a wait is reachable is a finding; `blocking` marks a blocking
// function, even one the program only declares.
// RUN: not %stallcheck %s -- -Wno-function-effects 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <semaphore.h>
#include <stdlib.h>
#include <unistd.h>
#include <uv.h>

static sem_t slots;

static void flush_to_disk(int us) {
  // CHECK: clang_effects.c:[[@LINE+1]]:3: warning: 'usleep' blocks the nonblocking function 'render': it suspends the calling thread [blocking-call-in-event-loop]
  usleep((useconds_t)us);
}

void render(float *out, int frames) __attribute__((nonblocking));
void render(float *out, int frames) {
  // CHECK: clang_effects.c:[[@LINE-1]]:6: note: 'render' must not block: it is declared with clang's 'nonblocking' effect here
  for (int i = 0; i < frames; i++) out[i] = 0.0f; // CPU work: the effect says nothing of it
  // CHECK: clang_effects.c:[[@LINE+1]]:3: note: 'render' calls 'flush_to_disk' here
  flush_to_disk(10);
  // CHECK: note: remedy: a nonblocking function must not wait: hand the request to another thread through a lock-free queue
}

// [[clang::nonblocking]] is the same effect, written the C23 way.
void mix(float *a, const float *b, int n) [[clang::nonblocking]];
void mix(float *a, const float *b, int n) {
  // CHECK: clang_effects.c:[[@LINE+1]]:3: warning: 'sem_wait' blocks the nonblocking function 'mix': {{.*}}[blocking-call-in-event-loop]
  sem_wait(&slots);
  for (int i = 0; i < n; i++) a[i] += b[i];
  sem_post(&slots);
}

// Silent: nonblocking and keeps its word.
void calm(float *out, int n) __attribute__((nonblocking));
void calm(float *out, int n) {
  for (int i = 0; i < n; i++) out[i] = 1.0f;
  sem_trywait(&slots); // does not wait
}

// Silent: nonallocating promises nothing about waiting, and
// nonblocking(false) is the `blocking` effect, not a root.
void fill(void) __attribute__((nonallocating));
void fill(void) { sleep(1); }
void may_wait(void) __attribute__((nonblocking(0)));
void may_wait(void) { sleep(1); }

// A vendor library the program only declares, in its own header for it.
void vendor_flush(void) __attribute__((blocking));
void vendor_log(const char *m); // no effect: unknown, silent

static void on_timer(uv_timer_t *t) {
  (void)t;
  // CHECK: clang_effects.c:[[@LINE+1]]:3: warning: 'vendor_flush' blocks the libuv event loop: it waits (it is declared with clang's 'blocking' effect) [blocking-call-in-event-loop]
  vendor_flush();
  // CHECK: note: 'on_timer' runs on the libuv loop thread: registered here as a timer callback by 'uv_timer_start'
  // CHECK: note: remedy: run it on the libuv thread pool with uv_queue_work
  vendor_log("tick");
}

int main(void) {
  static uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
