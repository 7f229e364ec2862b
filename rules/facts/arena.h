/*
 * arena.h - a bump allocator with string interning, owned by one facts set.
 * Private to rules/: front ends only see sc_facts_intern().
 */
#ifndef STALLCHECK_ARENA_H
#define STALLCHECK_ARENA_H

#include <stddef.h>

typedef struct sc_arena sc_arena;

sc_arena *sc_arena_new(void);
void sc_arena_free(sc_arena *arena);
/* Returns the one copy of s[0..n) held by the arena, NUL-terminated. */
const char *sc_arena_intern(sc_arena *arena, const char *s, size_t n);
/* Bytes held, for memory accounting. */
size_t sc_arena_bytes(const sc_arena *arena);

#endif
