/*
 * hot_paths.h - where a call runs hot, for the GPU hot-loop checks: on every
 * iteration of a loop that runs often, in a function marked
 * __attribute__((hot)), or in a function such a place calls, a few direct
 * calls down and across translation units.
 *
 * What counts as a hot loop is sc_loop_hot_around's choice (loops.h): a loop
 * bounded by an input size or by at least gpu_hot_min_trips (16, sc_thresholds) constant
 * trips.  A loop whose trip count cannot be told (`while (running)`, a
 * convergence test, a read until EOF) is not hot: a sync per request or per
 * convergence test is how such loops get their answer.
 */
#ifndef STALLCHECK_CHECKS_HOT_PATHS_H
#define STALLCHECK_CHECKS_HOT_PATHS_H

#include "stallcheck/findings.h"
#include "stallcheck/program.h"

/* How many direct calls a hot loop may sit above the call it makes hot:
 * a loop calling a step function calling a helper that syncs. */
#define SC_HOT_MAX_CALLS 3

typedef struct sc_hot_path {
  uint32_t tu, loop;    /* the hot loop; loop == SC_NONE: the hot function below */
  uint32_t hot_tu, hot_fn; /* the __attribute__((hot)) function (loop == SC_NONE) */
  uint32_t ncalls;      /* calls from the hot place down to the call's function */
  sc_ref calls[SC_HOT_MAX_CALLS]; /* those call sites, outermost first */
} sc_hot_path;

/* Reverse call-graph lookups, built once per check run. */
typedef struct sc_hot_index sc_hot_index;

sc_hot_index *sc_hot_index_new(const sc_program *p);
void sc_hot_index_free(sc_hot_index *h);

/* Whether `call` runs hot; fills *out with the nearest hot place (fewest
 * calls away). */
int sc_hot_path_find(const sc_program *p, sc_hot_index *h, sc_ref call, sc_hot_path *out);

/* "the loop over 'n' in 'train'", "the hot function 'step'" (a heap string). */
char *sc_hot_path_describe(const sc_program *p, const sc_hot_path *path);

/* Adds the loop (or hot function) and each call down to the finding's
 * function as notes. */
void sc_hot_path_explain(const sc_program *p, const sc_hot_path *path, sc_finding *finding);

/* The name of the function that holds the hot place (the finding's root). */
const char *sc_hot_path_root(const sc_program *p, const sc_hot_path *path);

#endif
