// OpenCL: a blocking read (CL_TRUE) or clFinish on every iteration of a hot
// loop; the non-blocking form (CL_FALSE) stays silent.
// RUN: not %stallcheck %s -- -DCL_TARGET_OPENCL_VERSION=300 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <CL/cl.h>
#include <stddef.h>

void pump(cl_command_queue q, cl_mem buf, float *host, size_t n, int frames) {
  for (int f = 0; f < frames; f++) {
    // CHECK: opencl_blocking_reads.c:[[@LINE+1]]:5: warning: 'clEnqueueReadBuffer' runs on every iteration of the loop over 'frames' in 'pump'{{.*}}[gpu-sync-in-hot-loop]
    clEnqueueReadBuffer(q, buf, CL_TRUE, 0, n, host, 0, NULL, NULL);
    clEnqueueReadBuffer(q, buf, CL_FALSE, 0, n, host, 0, NULL, NULL); // non-blocking: silent
    // CHECK: opencl_blocking_reads.c:[[@LINE+1]]:5: warning: 'clFinish' runs on every iteration of the loop over 'frames' in 'pump'{{.*}}[gpu-sync-in-hot-loop]
    clFinish(q);
  }
}
