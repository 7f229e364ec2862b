// Annotations in the source (include/stallcheck/annotations.h): the
// program's own blocking function, its own loop's callback, its own worker.
// RUN: not %stallcheck %s -- -I%S/../../include 2>&1 | FileCheck %s --implicit-check-not=warning:
#include "stallcheck/annotations.h"
#include <unistd.h>
#include <uv.h>

STALLCHECK_BLOCKING int rpc_call_sync(const char *method);
int rpc_call_sync(const char *method) {
  (void)method;
  return 0;
}

STALLCHECK_LOOP_CALLBACK void on_tick(void *arg);
void on_tick(void *arg) {
  (void)arg;
  // CHECK: annotations.c:[[@LINE+1]]:3: warning: 'rpc_call_sync' blocks the event loop: it waits (its declaration is annotated stallcheck::blocking) [blocking-call-in-event-loop]
  rpc_call_sync("ping");
  // CHECK: note: 'on_tick' runs on an event-loop thread: it is annotated stallcheck::loop_callback here
}

static uv_timer_t timer;
STALLCHECK_WORKER void *encode(void *arg);
void *encode(void *arg) {
  rpc_call_sync("encode"); // a worker may wait: silent
  // CHECK: annotations.c:[[@LINE+1]]:3: warning: 'uv_timer_stop' is called on an annotated worker thread{{.*}}[loop-api-off-loop-thread]
  uv_timer_stop(&timer);
  return arg;
}
