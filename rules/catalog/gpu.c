/*
 * gpu.c - CUDA runtime, CUDA driver, cuBLAS, cuFFT and OpenCL calls that wait
 * for the device, allocate memory, or launch work.
 *
 * Names are what the compiler sees after the headers' macros:
 * cuda.h maps cuMemcpyDtoH to cuMemcpyDtoH_v2, cuMemAlloc to cuMemAlloc_v2 and
 * so on, and with per-thread default streams (CUDA_API_PER_THREAD_DEFAULT_STREAM)
 * appends _ptds to copies and _ptsz to stream calls (cudaMemcpy_ptds,
 * cuStreamSynchronize_ptsz); cublas_v2.h maps cublasSgemm to cublasSgemm_v2.
 * The plain names are listed as well, for code that declares them itself or
 * uses the legacy headers.
 */
#include "catalog/catalog_internal.h"

#define ROW(fn, kind, library, cond, why, remedy) {fn, kind, "gpu", library, cond, 0, why, remedy, SC_ALWAYS}
#define SYNC(fn, library, why, remedy) ROW(fn, SC_API_GPU_SYNC, library, SC_ALWAYS, why, remedy)
/* Written out: an expanded `cond` would split into extra ROW arguments. */
#define SYNC_IF(fn, cond, why) {fn, SC_API_GPU_SYNC, "gpu", "OpenCL", cond, 0, why, cl_nonblocking, SC_ALWAYS}
#define ALLOC(fn, library, why) ROW(fn, SC_API_GPU_ALLOC, library, SC_ALWAYS, why, alloc_remedy)
#define LAUNCH(fn, library, remedy) \
  ROW(fn, SC_API_GPU_LAUNCH, library, SC_ALWAYS, "launches device work, paying a launch overhead each time", remedy)

static const char device_wait[] = "waits until the device has finished all preceding work";
static const char stream_wait[] = "waits until the stream has finished";
static const char event_wait[] = "waits until the event has completed";
static const char sync_copy[] = "copies synchronously, waiting for the device";
static const char sync_set[] = "sets device memory synchronously with respect to preceding work";

static const char wait_remedy[] =
    "synchronize once after the loop, or record an event (cudaEventRecord/cuEventRecord) and poll it "
    "with cudaEventQuery/cuEventQuery, or chain the next step with cudaLaunchHostFunc";
static const char copy_remedy[] =
    "use cudaMemcpyAsync/cuMemcpy*Async on a stream with pinned host memory, batch the copies, and "
    "synchronize once after the loop";
static const char cl_wait_remedy[] =
    "wait once after the loop, or chain work with event wait lists and clSetEventCallback";
static const char cl_nonblocking[] =
    "pass CL_FALSE as the blocking argument, chain work with event wait lists, and wait once after the "
    "loop";
static const char alloc_remedy[] =
    "allocate once outside the loop and reuse the buffer, or use a stream-ordered pool "
    "(cudaMallocAsync/cudaFreeAsync, cuMemAllocAsync)";
static const char gemm_remedy[] =
    "batch the small products into one call (cublasSgemmBatched, cublasGemmStridedBatchedEx)";
static const char fft_remedy[] = "plan a batched transform with cufftPlanMany and execute it once";
static const char kernel_remedy[] =
    "launch one kernel over the whole range instead of one per element, or capture the launches in a "
    "CUDA graph";

static const char alloc_why[] = "allocates device or pinned memory, which is slow and may synchronize the device";
static const char free_why[] = "frees device or pinned memory, which synchronizes the device";

static const sc_api rows[] = {
    /* ---- CUDA runtime: waits and synchronous copies ---- */
    SYNC("cudaDeviceSynchronize", "CUDA runtime", device_wait, wait_remedy),
    SYNC("cudaThreadSynchronize", "CUDA runtime", device_wait, wait_remedy),
    SYNC("cudaStreamSynchronize", "CUDA runtime", stream_wait, wait_remedy),
    SYNC("cudaStreamSynchronize_ptsz", "CUDA runtime", stream_wait, wait_remedy),
    SYNC("cudaEventSynchronize", "CUDA runtime", event_wait, wait_remedy),
    SYNC("cudaMemcpy", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemcpy_ptds", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemcpy2D", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemcpy2D_ptds", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemcpy3D", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemcpy3D_ptds", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemcpyToSymbol", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemcpyToSymbol_ptds", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemcpyFromSymbol", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemcpyFromSymbol_ptds", "CUDA runtime", sync_copy, copy_remedy),
    SYNC("cudaMemset", "CUDA runtime", sync_set, "use cudaMemsetAsync on a stream and synchronize once after the loop"),
    SYNC("cudaMemset_ptds", "CUDA runtime", sync_set, "use cudaMemsetAsync on a stream and synchronize once after the loop"),

    /* ---- CUDA driver API ---- */
    SYNC("cuCtxSynchronize", "CUDA driver", device_wait, wait_remedy),
    SYNC("cuStreamSynchronize", "CUDA driver", stream_wait, wait_remedy),
    SYNC("cuStreamSynchronize_ptsz", "CUDA driver", stream_wait, wait_remedy),
    SYNC("cuEventSynchronize", "CUDA driver", event_wait, wait_remedy),
    SYNC("cuMemcpy", "CUDA driver", sync_copy, copy_remedy),
    SYNC("cuMemcpy_ptds", "CUDA driver", sync_copy, copy_remedy),
    SYNC("cuMemcpyDtoH", "CUDA driver", sync_copy, copy_remedy),
    SYNC("cuMemcpyDtoH_v2", "CUDA driver", sync_copy, copy_remedy),
    SYNC("cuMemcpyDtoH_v2_ptds", "CUDA driver", sync_copy, copy_remedy),
    SYNC("cuMemcpyHtoD", "CUDA driver", sync_copy, copy_remedy),
    SYNC("cuMemcpyHtoD_v2", "CUDA driver", sync_copy, copy_remedy),
    SYNC("cuMemcpyHtoD_v2_ptds", "CUDA driver", sync_copy, copy_remedy),
    SYNC("cuMemcpy2D_v2", "CUDA driver", sync_copy, copy_remedy),
    SYNC("cuMemcpy2D_v2_ptds", "CUDA driver", sync_copy, copy_remedy),

    /* ---- OpenCL: waits, and transfers when their blocking argument is
     * CL_TRUE (a nonzero constant; an unknown value stays silent) ---- */
    SYNC("clFinish", "OpenCL", "waits until the command queue has finished", cl_wait_remedy),
    SYNC("clWaitForEvents", "OpenCL", "waits until the events have completed", cl_wait_remedy),
    SYNC_IF("clEnqueueReadBuffer", SC_IF_NONZERO(2), "reads the buffer blocking (CL_TRUE), waiting for the device"),
    SYNC_IF("clEnqueueWriteBuffer", SC_IF_NONZERO(2), "writes the buffer blocking (CL_TRUE), waiting for the device"),
    SYNC_IF("clEnqueueReadBufferRect", SC_IF_NONZERO(2), "reads the buffer blocking (CL_TRUE), waiting for the device"),
    SYNC_IF("clEnqueueWriteBufferRect", SC_IF_NONZERO(2), "writes the buffer blocking (CL_TRUE), waiting for the device"),
    SYNC_IF("clEnqueueReadImage", SC_IF_NONZERO(2), "reads the image blocking (CL_TRUE), waiting for the device"),
    SYNC_IF("clEnqueueWriteImage", SC_IF_NONZERO(2), "writes the image blocking (CL_TRUE), waiting for the device"),
    SYNC_IF("clEnqueueMapBuffer", SC_IF_NONZERO(2), "maps the buffer blocking (CL_TRUE), waiting for the device"),
    SYNC_IF("clEnqueueMapImage", SC_IF_NONZERO(2), "maps the image blocking (CL_TRUE), waiting for the device"),
    SYNC_IF("clEnqueueSVMMemcpy", SC_IF_NONZERO(1), "copies blocking (CL_TRUE), waiting for the device"),
    SYNC_IF("clEnqueueSVMMap", SC_IF_NONZERO(1), "maps blocking (CL_TRUE), waiting for the device"),

    /* ---- allocation ---- */
    ALLOC("cudaMalloc", "CUDA runtime", alloc_why),
    ALLOC("cudaMallocHost", "CUDA runtime", alloc_why),
    ALLOC("cudaHostAlloc", "CUDA runtime", alloc_why),
    ALLOC("cudaMallocManaged", "CUDA runtime", alloc_why),
    ALLOC("cudaMallocPitch", "CUDA runtime", alloc_why),
    ALLOC("cudaMalloc3D", "CUDA runtime", alloc_why),
    ALLOC("cudaFree", "CUDA runtime", free_why),
    ALLOC("cudaFreeHost", "CUDA runtime", free_why),
    ALLOC("cuMemAlloc", "CUDA driver", alloc_why),
    ALLOC("cuMemAlloc_v2", "CUDA driver", alloc_why),
    ALLOC("cuMemAllocPitch_v2", "CUDA driver", alloc_why),
    ALLOC("cuMemAllocHost_v2", "CUDA driver", alloc_why),
    ALLOC("cuMemAllocManaged", "CUDA driver", alloc_why),
    ALLOC("cuMemHostAlloc", "CUDA driver", alloc_why),
    ALLOC("cuMemFree", "CUDA driver", free_why),
    ALLOC("cuMemFree_v2", "CUDA driver", free_why),
    ALLOC("cuMemFreeHost", "CUDA driver", free_why),
    ALLOC("clCreateBuffer", "OpenCL", alloc_why),
    ALLOC("clSVMAlloc", "OpenCL", alloc_why),
    ALLOC("clReleaseMemObject", "OpenCL", free_why),
    ALLOC("clSVMFree", "OpenCL", free_why),

    /* ---- launches ---- */
    LAUNCH("cudaLaunchKernel", "CUDA runtime", kernel_remedy),
    LAUNCH("cudaLaunchKernel_ptsz", "CUDA runtime", kernel_remedy),
    LAUNCH("cuLaunchKernel", "CUDA driver", kernel_remedy),
    LAUNCH("cuLaunchKernel_ptsz", "CUDA driver", kernel_remedy),
    LAUNCH("clEnqueueNDRangeKernel", "OpenCL", "enqueue one NDRange over the whole range instead of one per element"),
    LAUNCH("cublasSgemm_v2", "cuBLAS", gemm_remedy),
    LAUNCH("cublasDgemm_v2", "cuBLAS", gemm_remedy),
    LAUNCH("cublasSgemm", "cuBLAS", gemm_remedy),
    LAUNCH("cublasDgemm", "cuBLAS", gemm_remedy),
    LAUNCH("cufftExecC2C", "cuFFT", fft_remedy),
    LAUNCH("cufftExecR2C", "cuFFT", fft_remedy),
    LAUNCH("cufftExecC2R", "cuFFT", fft_remedy),
    LAUNCH("cufftExecZ2Z", "cuFFT", fft_remedy),
    LAUNCH("cufftExecD2Z", "cuFFT", fft_remedy),
    LAUNCH("cufftExecZ2D", "cuFFT", fft_remedy),
};

const sc_api_family sc_catalog_gpu = {rows, SC_COUNTOF(rows)};
