/*
 * gpu_in_hot_loop.c - rules `gpu-sync-in-hot-loop` and
 * `gpu-alloc-in-hot-loop`: a device synchronisation, synchronous copy, or
 * device/pinned allocation on every iteration of a loop that runs often.
 *
 * Hot places are hot_paths.h's: a loop bounded by input or by at least
 * gpu_hot_min_trips (16, sc_thresholds) constant trips (not a loop over two streams or four
 * devices), an __attribute__((hot)) function, or a function either calls,
 * up to SC_HOT_MAX_CALLS direct calls down and across files.  A sync once
 * after the loop is the remedy and is not reported.
 *
 * One more sync the catalog cannot see by name: cudaMemcpyAsync between the
 * device and pageable host memory is staged through a driver buffer and
 * returns only when the host side is done, so it is not asynchronous.  The
 * check reports it in a hot loop when the program pins no host memory at
 * all (no cudaMallocHost, cudaHostAlloc, cudaHostRegister or their driver
 * API forms): then whatever it copies from is pageable.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"
#include "checks/hot_paths.h"

static void add_finding(const sc_program *p, const sc_rule *rule, sc_level level, sc_ref call,
                        const sc_hot_path *hot, const char *why, const char *remedy, sc_findings *out) {
  const sc_facts *f = p->tus[call.tu];
  const sc_call *c = &f->calls[call.index];
  char *where = sc_hot_path_describe(p, hot);
  sc_finding *x = sc_findings_add(out, rule, level, c->loc,
                                  sc_strdupf("'%s' runs on every iteration of %s: it %s", c->callee_name, where, why),
                                  sc_strdupf("%s", remedy));
  free(where);
  sc_hot_path_explain(p, hot, x);
  x->function = f->functions[c->caller].name;
  x->callee = c->callee_name;
  x->root = sc_hot_path_root(p, hot);
}

static void report_catalog_calls(const sc_program *p, sc_hot_index *h, const sc_rule *rule, sc_level level,
                                 sc_api_kind kind, sc_findings *out) {
  for (uint32_t t = 0; t < p->ntus; t++)
    for (uint32_t i = 0; i < p->tus[t]->ncalls; i++) {
      sc_ref call = {t, i};
      const sc_api *api = sc_check_match_api(p, call, kind);
      sc_hot_path hot;
      if (api && sc_hot_path_find(p, h, call, &hot)) add_finding(p, rule, level, call, &hot, api->why, api->remedy, out);
    }
}

/* ---- cudaMemcpyAsync from or to pageable memory ---- */

/* The asynchronous copies, and the argument that says the direction (-1:
 * the name says it, the copy always has a host side). */
static const struct async_copy {
  const char *name;
  int kind_arg;
} async_copies[] = {
    {"cudaMemcpyAsync", 3},         {"cudaMemcpyAsync_ptsz", 3},   {"cudaMemcpy2DAsync", 6},
    {"cudaMemcpy2DAsync_ptsz", 6},  {"cuMemcpyHtoDAsync", -1},     {"cuMemcpyHtoDAsync_v2", -1},
    {"cuMemcpyHtoDAsync_v2_ptsz", -1}, {"cuMemcpyDtoHAsync", -1},  {"cuMemcpyDtoHAsync_v2", -1},
    {"cuMemcpyDtoHAsync_v2_ptsz", -1},
};

/* The calls that give the program page-locked (or managed) host memory. */
static const char *const pinning_calls[] = {
    "cudaMallocHost",     "cudaHostAlloc",      "cudaHostRegister", "cudaMallocManaged",
    "cuMemAllocHost",     "cuMemAllocHost_v2",  "cuMemHostAlloc",   "cuMemHostRegister",
    "cuMemHostRegister_v2", "cuMemAllocManaged",
};

enum { COPY_HOST_TO_DEVICE = 1, COPY_DEVICE_TO_HOST = 2 }; /* cudaMemcpyKind */

static int program_pins_memory(const sc_program *p) {
  for (size_t i = 0; i < sizeof pinning_calls / sizeof *pinning_calls; i++)
    if (sc_program_calls_name(p, pinning_calls[i])) return 1;
  return 0;
}

/* Whether `c` is an asynchronous copy with a host side. */
static int host_async_copy(const sc_program *p, const sc_facts *f, const sc_call *c) {
  if (c->callee_kind != SC_CALLEE_DIRECT || !c->callee_name) return 0;
  for (size_t i = 0; i < sizeof async_copies / sizeof *async_copies; i++) {
    if (strcmp(c->callee_name, async_copies[i].name)) continue;
    if (sc_program_defines_name(p, c->callee_name)) return 0;
    if (async_copies[i].kind_arg < 0) return 1;
    const sc_arg *kind = sc_call_arg(f, c, (uint32_t)async_copies[i].kind_arg);
    return kind && kind->kind == SC_ARG_INT &&
           (kind->ival == COPY_HOST_TO_DEVICE || kind->ival == COPY_DEVICE_TO_HOST);
  }
  return 0;
}

static void report_pageable_copies(const sc_program *p, sc_hot_index *h, const sc_rule *rule, sc_level level,
                                   sc_findings *out) {
  if (program_pins_memory(p)) return;
  for (uint32_t t = 0; t < p->ntus; t++)
    for (uint32_t i = 0; i < p->tus[t]->ncalls; i++) {
      sc_ref call = {t, i};
      sc_hot_path hot;
      if (!host_async_copy(p, p->tus[t], &p->tus[t]->calls[i]) || !sc_hot_path_find(p, h, call, &hot)) continue;
      add_finding(p, rule, level, call, &hot,
                  "copies from or to pageable host memory (the program pins none), so it is not asynchronous: "
                  "it returns only when the host side of the copy is done",
                  "allocate the host buffer pinned, once, outside the loop (cudaMallocHost/cudaHostAlloc, or "
                  "cudaHostRegister an existing buffer) so that the copy overlaps with the device's work",
                  out);
    }
}

void sc_check_gpu_sync_in_hot_loop(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out) {
  sc_hot_index *h = sc_hot_index_new(p);
  report_catalog_calls(p, h, rule, level, SC_API_GPU_SYNC, out);
  report_pageable_copies(p, h, rule, level, out);
  sc_hot_index_free(h);
}

void sc_check_gpu_alloc_in_hot_loop(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out) {
  sc_hot_index *h = sc_hot_index_new(p);
  report_catalog_calls(p, h, rule, level, SC_API_GPU_ALLOC, out);
  sc_hot_index_free(h);
}
