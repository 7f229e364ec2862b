/*
 * strmap.h - a multimap from strings to uint32 values, for the engine's
 * indexes (USR -> node, variable -> flows, record.field -> flows).
 * Keys are not copied: they must outlive the map (they live in facts arenas
 * or the program's arena).
 */
#ifndef STALLCHECK_STRMAP_H
#define STALLCHECK_STRMAP_H

#include <stdint.h>

typedef struct sc_strmap sc_strmap;

sc_strmap *sc_strmap_new(void);
void sc_strmap_free(sc_strmap *map);
void sc_strmap_add(sc_strmap *map, const char *key, uint32_t value);

/* Iteration over the values of one key, in insertion order:
 *   for (uint32_t e = sc_strmap_first(m, k); e != UINT32_MAX; e = sc_strmap_next(m, e))
 *     use(sc_strmap_value(m, e));                                            */
uint32_t sc_strmap_first(const sc_strmap *map, const char *key);
uint32_t sc_strmap_next(const sc_strmap *map, uint32_t entry);
uint32_t sc_strmap_value(const sc_strmap *map, uint32_t entry);

#endif
