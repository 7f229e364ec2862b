// Waiting for the GPU in an event-loop callback stalls the loop for the
// length of the kernel or the copy.
// REQUIRES: cuda
// RUN: not %stallcheck %s -- -I/usr/local/cuda/include 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <cuda_runtime.h>
#include <uv.h>

static cudaEvent_t done;

static void on_frame(uv_timer_t *t) {
  (void)t;
  // CHECK: sync_in_event_loop.c:[[@LINE+1]]:3: warning: 'cudaDeviceSynchronize' blocks the libuv event loop: it waits until the device has finished all preceding work [gpu-sync-in-event-loop]
  cudaDeviceSynchronize();
  // CHECK: note: 'on_frame' runs on the libuv loop thread
  // CHECK: note: remedy: record an event after the GPU work and poll it from the loop (cudaEventQuery in a timer or idle callback), or wait on a worker thread: run it on the libuv thread pool with uv_queue_work
  if (cudaEventQuery(done) == cudaSuccess) { // polling: silent
  }
}

int main(void) {
  static uv_timer_t timer;
  uv_timer_start(&timer, on_frame, 0, 16);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
