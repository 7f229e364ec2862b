// The macros of stallcheck/annotations.h on functions the program only
// declares (a vendor library's header) and on its own.
// RUN: not %stallcheck %s -- -I%S/../../include 2>&1 | FileCheck %s --implicit-check-not=warning:
#include "stallcheck/annotations.h"
#include <stdio.h>
#include <unistd.h>
#include <uv.h>

// The program's header for a library it links: no definitions here.
STALLCHECK_BLOCKING int vendor_rpc(const char *method);
STALLCHECK_OFFLOAD(1) int pool_submit(void *pool, void (*job)(void *), void *arg);
int pool_cancel(void *pool, void (*job)(void *)); // not an offload: silent

STALLCHECK_NONBLOCKING void on_sample(int value);
void on_sample(int value) {
  // CHECK: macros.c:[[@LINE+1]]:3: warning: 'vendor_rpc' blocks the nonblocking function 'on_sample': it waits (its declaration is annotated stallcheck::blocking) [blocking-call-in-event-loop]
  vendor_rpc("sample");
  // CHECK: macros.c:[[@LINE-3]]:6: note: 'on_sample' must not block: it is declared STALLCHECK_NONBLOCKING here
  // CHECK: note: remedy: a nonblocking function must not wait
  (void)value;
}

static uv_timer_t timer;
static void *pool;

static void encode_job(void *arg) {
  vendor_rpc("encode"); // a worker may wait: silent
  sleep(1);             // silent too
  // CHECK: macros.c:[[@LINE+1]]:3: warning: 'uv_timer_again' is called on a project worker thread{{.*}}[loop-api-off-loop-thread]
  uv_timer_again(&timer);
  // CHECK: macros.c:{{[0-9]+}}:3: note: 'encode_job' runs on the project worker thread: registered here as a job by 'pool_submit'
  (void)arg;
}

static void cancelled_job(void *arg) { (void)arg; }

static void on_timer(uv_timer_t *t) {
  // CHECK: macros.c:[[@LINE+1]]:3: warning: 'vendor_rpc' blocks the libuv event loop: it waits (its declaration is annotated stallcheck::blocking) [blocking-call-in-event-loop]
  vendor_rpc("tick");
  // CHECK: note: 'on_timer' runs on the libuv loop thread
  pool_submit(pool, encode_job, t);
  pool_cancel(pool, cancelled_job);
}

int main(void) {
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
