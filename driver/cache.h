/*
 * cache.h - the facts cache: the facts of each translation unit, kept in a
 * directory between runs, so that a second run parses only what changed.
 *
 * An entry is found by a key over the compile command (its directory and
 * every argument) and stallcheck's version, and trusted only if every file
 * the TU read last time (the source and each header) still has the size and
 * modification time it had.  A corrupted or foreign entry is a miss and is
 * rewritten, never an error.
 */
#ifndef STALLCHECK_DRIVER_CACHE_H
#define STALLCHECK_DRIVER_CACHE_H

#include "compdb.h"
#include "stallcheck/facts.h"

/* The facts of `cmd` from the cache in `dir`, or NULL. */
sc_facts *sc_cache_lookup(const char *dir, const sc_compile_command *cmd);

/* Stores `facts` with the files the TU read.  Silently does nothing on any
 * failure (the cache is an optimisation). */
void sc_cache_store(const char *dir, const sc_compile_command *cmd, const sc_facts *facts, char **files,
                    size_t nfiles);

#endif
