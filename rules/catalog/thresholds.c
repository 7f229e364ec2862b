/*
 * thresholds.c - the numbers the CPU and GPU checks judge loops by (see
 * catalog.h), with their defaults.  Process-wide like the project's rows:
 * one configuration applies to one run.
 */
#include "stallcheck/catalog.h"

/* 1e7 steps at a few nanoseconds each are tens of milliseconds during which
 * no other client of the loop is served.  Two nested input loops over
 * different sizes (rows x columns) are the normal work of a request; three
 * are not.  A sort of 64 elements costs about as much as copying them.  A
 * loop of fewer than 16 constant trips walks a few devices or buffers. */
const sc_thresholds sc_thresholds_default = {1e7, 3, 64, 16};

static sc_thresholds current = {1e7, 3, 64, 16};

const sc_thresholds *sc_thresholds_get(void) { return &current; }

void sc_thresholds_set(const sc_thresholds *t) { current = *t; }
