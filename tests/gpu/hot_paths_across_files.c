// Hot places reach down through direct calls and across files: a loop over
// frames calling a step function (in another file) that calls a helper that
// copies synchronously.  A function marked __attribute__((hot)) is hot as a
// whole.  Loops whose trip count cannot be told (a server loop, a
// convergence test) are not hot: a sync per request is how they answer.
// REQUIRES: cuda, driver
// RUN: not %stallcheck_driver %s %S/Inputs/step.c -- -I/usr/local/cuda/include 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <cuda_runtime.h>
#include <stddef.h>

void run_step(float *dev, const float *host, size_t n);

// CHECK: step.c:6:3: warning: 'cudaMemcpy' runs on every iteration of the loop over 'nframes' in 'replay': it copies synchronously, waiting for the device [gpu-sync-in-hot-loop]
// CHECK: hot_paths_across_files.c:[[@LINE+5]]:3: note: the loop over 'nframes' in 'replay' is here
// CHECK: hot_paths_across_files.c:[[@LINE+5]]:5: note: 'replay' calls 'run_step' here
// CHECK: step.c:9:58: note: 'run_step' calls 'upload_frame' here
// CHECK: note: remedy: use cudaMemcpyAsync
void replay(float *dev, const float *frames, size_t nframes, size_t n) {
  for (size_t i = 0; i < nframes; i++)
    run_step(dev, frames + i * n, n);
}

__attribute__((hot)) void tick(cudaStream_t s) {
  // CHECK: hot_paths_across_files.c:[[@LINE+2]]:3: warning: 'cudaStreamSynchronize' runs on every iteration of the hot function 'tick'
  // CHECK: note: the hot function 'tick' is declared __attribute__((hot)) here
  cudaStreamSynchronize(s);
}

extern volatile int running;

void serve(float *dev, float *host, size_t n) {
  while (running) { // one request per iteration: silent
    cudaMemcpy(host, dev, n * sizeof *dev, cudaMemcpyDeviceToHost);
  }
}

void solve(float *dev, float *residual, int max_iter, float tol) {
  int k = 0;
  while (k++ < max_iter && *residual > tol) // a convergence test needs the residual: silent
    cudaMemcpy(residual, dev, sizeof *residual, cudaMemcpyDeviceToHost);
}

void chunked(float *dev, float *host, size_t n, size_t slice) {
  for (size_t off = 0; off < (n < slice ? n : slice); off++) { // a bounded slice per call: silent
    cudaDeviceSynchronize();
  }
}
