/*
 * hot_paths.h - what the CPU and GPU checks share: how much a loop nest
 * costs, whether a loop runs on an event-loop thread, and which calls sit on
 * a hot path (a busy loop, an __attribute__((hot)) function, or anything
 * those call).
 *
 * The thresholds are here, in one place, until the configuration file
 * exists; docs/rules/cpu-heavy-work-on-io-thread.md and
 * docs/rules/gpu-sync-in-hot-loop.md explain each one.
 */
#ifndef STALLCHECK_CHECKS_HOT_PATHS_H
#define STALLCHECK_CHECKS_HOT_PATHS_H

#include "stallcheck/findings.h"
#include "stallcheck/program.h"

/* ---- thresholds ------------------------------------------------------ */

/* Trips assumed for a loop bounded by input (a length, a count, a field):
 * a request body or a file is easily ten thousand elements. */
#define SC_HOT_INPUT_TRIPS 10000.0
/* Estimated steps (trips times body weight, over the whole nest) above which
 * a loop nest is heavy work for an event-loop thread: at a few nanoseconds a
 * step, about a millisecond of latency for every other client of the loop. */
#define SC_HOT_CPU_STEPS 1000000.0
/* A sort of at most this many elements (a constant count) is cheap. */
#define SC_HOT_SMALL_SORT 1024
/* A loop with a constant trip count below this is not hot for the GPU rules:
 * loops over a few devices, streams or double buffers set up and drain work. */
#define SC_HOT_GPU_MIN_CONST_TRIPS 16

/* ---- loop cost ------------------------------------------------------- */

typedef struct sc_loop_cost {
  double steps;          /* estimated steps of the loop and everything nested in it */
  uint32_t input_levels; /* independent input-bounded levels on the heaviest path */
  uint32_t heaviest;     /* the child loop on the heaviest path, SC_NONE */
  uint8_t counted;       /* the loop's own trip count is known (CONST, or INPUT not
                            derived from an enclosing loop's element) */
} sc_loop_cost;

/* The cost of every loop of a TU (one entry per loop; free() it). */
sc_loop_cost *sc_hot_loop_costs(const sc_facts *f);
/* A loop bounded by min(...) / MIN(...) does a bounded slice per call. */
int sc_hot_loop_is_chunked(const sc_loop *loop);
/* "nested loops over 'len' x 'n'", "loop of 2000000 iterations". */
char *sc_hot_nest_text(const sc_facts *f, const sc_loop_cost *costs, uint32_t loop);
/* "the loop over 'n' in 'train'", "the infinite loop in 'serve'". */
char *sc_hot_loop_text(const sc_facts *f, uint32_t loop);

/* ---- contexts -------------------------------------------------------- */

/* Whether loop `loop` of TU `tu` runs in `ctx`: its function is reached by
 * the context, or it sits inside the body of a hand-written event loop. */
int sc_hot_loop_in_ctx(const sc_program *p, uint32_t tu, uint32_t loop, sc_ctx ctx, uint32_t *root);
/* The registration and call path that put function `function` of TU `tu`
 * on `ctx` from `root`, as steps of `finding`. */
void sc_hot_explain_function(const sc_program *p, uint32_t tu, uint32_t function, sc_ctx ctx,
                             uint32_t root, sc_finding *finding);

/* ---- GPU hot paths --------------------------------------------------- */

typedef enum sc_hot_kind {
  SC_HOT_NONE = 0,
  SC_HOT_LOOP,    /* inside a hot loop: tu/index name the loop */
  SC_HOT_FUNCTION /* in an __attribute__((hot)) function: tu/index name it */
} sc_hot_kind;

/* Why a place is hot: the hot loop or function it is in or is called from. */
typedef struct sc_hot_origin {
  sc_hot_kind kind;
  sc_ref site;
} sc_hot_origin;

typedef struct sc_hot_paths sc_hot_paths;

/* Hot loops and functions, and every function they reach through p->edges. */
sc_hot_paths *sc_hot_paths_compute(const sc_program *p);
void sc_hot_paths_free(sc_hot_paths *h);
/* Whether `call` runs on a hot path; *origin says which. */
int sc_hot_call(const sc_hot_paths *h, sc_ref call, sc_hot_origin *origin);
/* "every iteration of the loop over 'n' in 'train'", "the hot path of 'step'
 * (declared __attribute__((hot)))". */
char *sc_hot_origin_text(const sc_program *p, const sc_hot_origin *origin);
/* Steps: the hot loop (or function), then each call from it to `call`. */
void sc_hot_explain(const sc_program *p, const sc_hot_paths *h, sc_ref call, const sc_hot_origin *origin,
                    sc_finding *finding);

/* The GPU checks (sync, alloc) differ only in the catalog kind and words. */
void sc_hot_report_gpu_calls(const sc_program *p, const sc_rule *rule, sc_level level, sc_api_kind kind,
                             const char *default_why, const char *default_remedy, sc_findings *out);

#endif
