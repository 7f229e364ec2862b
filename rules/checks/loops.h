/*
 * loops.h - what the CPU and GPU checks ask about loops: how much a loop nest
 * costs, whether a loop runs often enough to be hot, and how to name it.
 *
 * The thresholds live here, in one place; the rule pages
 * (docs/rules/cpu-heavy-work-on-io-thread.md, gpu-*-in-hot-loop.md) explain them.
 */
#ifndef STALLCHECK_CHECKS_LOOPS_H
#define STALLCHECK_CHECKS_LOOPS_H

#include "stallcheck/facts.h"

/* The thresholds (the cost from which a nest is heavy, how deep input loops
 * may nest, when a loop is hot for the GPU rules) are sc_thresholds_get():
 * defaults in rules/catalog/thresholds.c, changed by a configuration. */
/* A constant bound this large is a sentinel (`i < UINT_MAX` until a break),
 * not a count. */
#define SC_LOOP_SENTINEL_TRIPS 2147483647LL
/* Why a loop nest is heavy, if it is. */
typedef enum sc_heavy_kind {
  SC_HEAVY_NONE = 0,
  SC_HEAVY_QUADRATIC, /* a loop over an input nested in a loop over the same input */
  SC_HEAVY_CUBIC,     /* cpu_nested_input_loops (3) input-bounded loops nested */
  SC_HEAVY_CONSTANT   /* constant trips times body weight reach cpu_heavy_steps */
} sc_heavy_kind;

typedef struct sc_loop_cost {
  sc_heavy_kind kind;
  double const_trips;    /* product of the constant trip counts on the heaviest path */
  double work;           /* const_trips times the weight of the innermost body there */
  const char *bound;     /* QUADRATIC: the input bound that repeats */
  uint32_t input_levels; /* the deepest chain of input-bounded loops */
  const char *bounds[8]; /* CUBIC: the bounds of that chain, outermost first */
  uint32_t nbounds;
  uint32_t weight;       /* QUADRATIC/CUBIC: the body weight of the loop that completes the chain */
} sc_loop_cost;

/* The cost of loop `loop` of `f` and everything nested in it. */
sc_loop_cost sc_loop_nest_cost(const sc_facts *f, uint32_t loop);
/* Whether a loop is bounded by min(...)/MIN(...) or a conditional of a
 * comparison: a bounded slice per call. */
int sc_loop_is_chunked(const sc_loop *loop);
/* Whether a loop is bounded by a plain input size (`len`, `req->count`), not
 * a pointer walk, a macro, a call or a chunk. */
int sc_loop_is_input_bounded(const sc_loop *loop);
/* The innermost loop around `call` that runs often (bounded by an input size,
 * not chunked and not a count of devices, streams or queues; or at least
 * gpu_hot_min_trips constant trips), or SC_NONE. */
uint32_t sc_loop_hot_around(const sc_facts *f, const sc_call *call);
/* "n^2 iterations x 3 statements", "w x h x d iterations x 4 statements",
 * "50000000 iterations x 1 statement":
 * the estimate the CPU rule shows (a heap string). */
char *sc_loop_cost_text(const sc_loop_cost *cost);
/* "the loop over 'n' in 'train'", "the loop of 2000000 iterations in 'f'". */
char *sc_loop_describe(const sc_facts *f, uint32_t loop);

#endif
