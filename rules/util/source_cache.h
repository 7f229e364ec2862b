/*
 * source_cache.h - the text of the last source file read.  The report
 * writers and the suppression scan read the lines findings point at;
 * findings are sorted by file, so one file at a time is enough.
 */
#ifndef STALLCHECK_SOURCE_CACHE_H
#define STALLCHECK_SOURCE_CACHE_H

#include <stddef.h>

typedef struct sc_source_cache {
  char *path;
  char *text; /* NUL-terminated; NULL if the file could not be read */
  size_t len;
} sc_source_cache;

/* The text of `path` (valid until the next call or the free), or NULL. */
const char *sc_source_cache_get(sc_source_cache *cache, const char *path, size_t *len);
void sc_source_cache_free(sc_source_cache *cache);

#endif
