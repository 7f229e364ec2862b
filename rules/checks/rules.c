/*
 * rules.c - the rule registry: stable ids, names and descriptions for the
 * text writer, SARIF's tool.driver.rules and --list-rules.
 *
 * Ids never change once released (baselines, suppressions and GitHub alerts
 * refer to them); the order here is the order of SARIF's rules array and of
 * the bits of sc_options.disabled_rules.
 */
#include <stdio.h>
#include <string.h>

#include "stallcheck/findings.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const sc_rule rules[] = {
    {"blocking-call-in-event-loop", "BlockingCallInEventLoop",
     "A call that waits (sleep, file I/O, DNS, a child process, a lock, a synchronous client) runs on an "
     "event-loop thread.",
     "An event loop runs every callback on one thread; while one callback waits, every other connection, "
     "timer and signal of the loop waits too. The call is reachable from a callback registered with libuv, "
     "libevent, libev, GLib or sd-event, or from the body of a hand-written epoll/poll/select loop.",
     "Use the library's asynchronous API when it has one (uv_fs_* with a callback, uv_getaddrinfo, evdns, "
     "curl multi, PQsendQuery, hiredis async, GIO *_async); otherwise move the call to a worker thread "
     "(uv_queue_work, g_task_run_in_thread, a thread that wakes the loop).",
     SC_LEVEL_WARNING, "high", NULL, "performance,event-loop,latency"},
    {"cpu-heavy-work-on-io-thread", "CpuHeavyWorkOnIoThread",
     "Large or nested loops, or known-expensive library calls, run on an event-loop thread.",
     "CPU work on the loop thread delays every other callback for as long as it computes. C has no global "
     "interpreter lock: a worker thread or pool runs the work in parallel while the loop keeps serving.",
     "Run the work on a worker pool (uv_queue_work, g_task_run_in_thread, a pthread pool) and hand the "
     "result back to the loop, or split it into bounded slices scheduled by the loop.",
     SC_LEVEL_WARNING, "medium", NULL, "performance,event-loop,cpu"},
    {"gpu-sync-in-hot-loop", "GpuSyncInHotLoop",
     "A device synchronisation or synchronous copy runs on every iteration of a hot loop.",
     "Each synchronisation drains the GPU pipeline and makes the host wait; inside a loop the GPU idles "
     "between iterations and throughput collapses.",
     "Batch the work and synchronise once after the loop; use streams or events (cudaMemcpyAsync, "
     "cudaEventRecord, clEnqueue* with CL_FALSE) and pinned host memory.",
     SC_LEVEL_WARNING, "high", NULL, "performance,gpu"},
    {"gpu-alloc-in-hot-loop", "GpuAllocInHotLoop",
     "Device or pinned memory is allocated or freed on every iteration of a hot loop.",
     "Device allocation and release synchronise the device and take a driver lock; done per iteration they "
     "dominate the loop's cost.",
     "Allocate once before the loop and reuse the buffer, or use a stream-ordered pool "
     "(cudaMallocAsync/cudaFreeAsync).",
     SC_LEVEL_WARNING, "high", NULL, "performance,gpu"},
    {"gpu-sync-in-event-loop", "GpuSyncInEventLoop",
     "A GPU synchronisation or synchronous copy runs on an event-loop thread.",
     "Waiting for the GPU on the loop thread stalls every other callback for the duration of the kernel or "
     "copy.",
     "Record an event and poll it from the loop (cudaEventQuery in a timer or idle callback), or wait on a "
     "worker thread that wakes the loop (uv_async_send, g_idle_add).",
     SC_LEVEL_WARNING, "high", NULL, "performance,gpu,event-loop"},
    {"loop-api-off-loop-thread", "LoopApiOffLoopThread",
     "An event-loop API that is not thread-safe is called from a worker thread.",
     "libuv, libev, sd-event and most of libevent and GLib's loop APIs may only be called on the thread "
     "that runs the loop; from another thread they race with the loop and corrupt its state.",
     "Hand the work back to the loop thread: uv_async_send, ev_async_send, event_active on a base with "
     "evthread_use_pthreads, g_main_context_invoke or g_idle_add, an eventfd watched by sd-event.",
     SC_LEVEL_WARNING, "high", NULL, "correctness,concurrency,event-loop"},
};

const sc_rule *sc_rules(size_t *count) {
  *count = COUNT(rules);
  return rules;
}

const sc_rule *sc_rule_find(const char *id) {
  for (size_t i = 0; id && i < COUNT(rules); i++)
    if (!strcmp(rules[i].id, id)) return &rules[i];
  return NULL;
}

const char *sc_rule_help_uri(const sc_rule *rule, char *buf, size_t size) {
  snprintf(buf, size, "%s%s.md", SC_DOCS_BASE_URI, rule->id);
  return buf;
}
