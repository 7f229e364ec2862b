// GPU work in hot loops: a device sync or synchronous copy, or a device
// allocation, on every iteration of a loop that runs often.  One sync after
// the loop, loops over a few streams, and allocation outside the loop stay
// silent.
// REQUIRES: cuda
// RUN: not %stallcheck %s -- -I/usr/local/cuda/include 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <cuda_runtime.h>
#include <stddef.h>

void train(float *host, size_t n, int steps) {
  float *dev;
  cudaMalloc((void **)&dev, n * sizeof *dev); // once, before the loop: silent
  for (int s = 0; s < steps; s++) {
    // CHECK: cuda_hot_loops.c:[[@LINE+1]]:5: warning: 'cudaMemcpy' runs on every iteration of the loop over 'steps' in 'train': it copies synchronously, waiting for the device [gpu-sync-in-hot-loop]
    cudaMemcpy(dev, host, n * sizeof *dev, cudaMemcpyHostToDevice);
    // CHECK: note: the loop over 'steps' in 'train' is here
    // CHECK: note: remedy: use cudaMemcpyAsync
    // CHECK: cuda_hot_loops.c:[[@LINE+1]]:5: warning: 'cudaDeviceSynchronize' runs on every iteration of the loop over 'steps' in 'train': it waits until the device has finished all preceding work [gpu-sync-in-hot-loop]
    cudaDeviceSynchronize();
  }
  cudaDeviceSynchronize(); // once after the loop: silent
  cudaFree(dev);
}

static float *scratch(size_t n) {
  float *p;
  // CHECK: cuda_hot_loops.c:[[@LINE+1]]:3: warning: 'cudaMalloc' runs on every iteration of the loop over 'batches' in 'infer': it allocates device or pinned memory, which is slow and may synchronize the device [gpu-alloc-in-hot-loop]
  cudaMalloc((void **)&p, n);
  return p;
}

void infer(size_t batches) {
  for (size_t b = 0; b < batches; b++) {
    float *p = scratch(1 << 20);
    // CHECK: cuda_hot_loops.c:[[@LINE+1]]:5: warning: 'cudaFree' runs on every iteration of the loop over 'batches' in 'infer': it frees device or pinned memory, which synchronizes the device [gpu-alloc-in-hot-loop]
    cudaFree(p);
  }
}

void drain(cudaStream_t *streams) {
  for (int i = 0; i < 4; i++) cudaStreamSynchronize(streams[i]); // four streams: silent
}

void drain_all(cudaStream_t *streams, int nstreams, int ngpus) {
  for (int i = 0; i < nstreams; i++) cudaStreamSynchronize(streams[i]); // a count of streams: silent
  for (int d = 0; d < ngpus; d++) { // a count of devices: silent
    cudaSetDevice(d);
    cudaDeviceSynchronize();
  }
}
