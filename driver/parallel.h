/*
 * parallel.h - parsing the translation units of a compile database on N
 * threads, each with its own libclang index.
 */
#ifndef STALLCHECK_PARALLEL_H
#define STALLCHECK_PARALLEL_H

#include "compdb.h"
#include "stallcheck/facts.h"

/* Called after each TU, from the worker thread that parsed it (serialised). */
typedef void (*sc_progress_fn)(void *ctx, size_t done, size_t total, const char *file);

/* Returns an array of db->count facts sets in the database's order (so the
 * results do not depend on scheduling).  jobs <= 0 means one per core. */
sc_facts **sc_parse_all(const sc_compdb *db, int jobs, sc_progress_fn progress, void *ctx);

/* The same with a facts cache in `cache_dir` (NULL: none); *from_cache
 * counts the TUs that were not parsed. */
sc_facts **sc_parse_all_cached(const sc_compdb *db, int jobs, sc_progress_fn progress, void *ctx,
                               const char *cache_dir, size_t *from_cache);

int sc_default_jobs(void);

#endif
