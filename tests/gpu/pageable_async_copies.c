// cudaMemcpyAsync between the device and pageable memory waits for the host
// side of the copy: in a program that pins no host memory it is reported in
// hot loops.  Device-to-device copies and the pinned version stay silent.
// REQUIRES: cuda
// RUN: not %stallcheck %s -- -I/usr/local/cuda/include 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %stallcheck %s -- -DPINNED -I/usr/local/cuda/include 2>&1 | FileCheck %s --check-prefix=PINNED --allow-empty
#include <cuda_runtime.h>
#include <stdlib.h>
// PINNED-NOT: warning:

void stream_batches(float *dev, float *tmp, size_t n, int nbatches, cudaStream_t s) {
#ifdef PINNED
  float *host;
  cudaMallocHost((void **)&host, n * sizeof *host);
#else
  float *host = malloc(n * sizeof *host);
#endif
  for (int b = 0; b < nbatches; b++) {
    // CHECK: pageable_async_copies.c:[[@LINE+2]]:5: warning: 'cudaMemcpyAsync' runs on every iteration of the loop over 'nbatches' in 'stream_batches': it copies from or to pageable host memory (the program pins none), so it is not asynchronous{{.*}}[gpu-sync-in-hot-loop]
    // CHECK: note: remedy: allocate the host buffer pinned, once, outside the loop
    cudaMemcpyAsync(dev, host, n * sizeof *dev, cudaMemcpyHostToDevice, s);
    cudaMemcpyAsync(tmp, dev, n * sizeof *dev, cudaMemcpyDeviceToDevice, s); // device to device: silent
  }
  cudaStreamSynchronize(s);
}
