/*
 * arena.c - bump allocation in 64 KiB blocks plus an open-addressing table
 * of interned strings.  Facts repeat the same few strings (file names, USRs,
 * library function names) thousands of times: interning keeps a TU's facts
 * small and makes string equality a pointer compare inside one set.
 */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks start small and double up to BLOCK_MAX: a program of ten thousand
 * small TUs holds ten thousand arenas at once, most of them a few KiB. */
#define BLOCK_MIN (2 * 1024)
#define BLOCK_MAX (64 * 1024)

typedef struct block {
  struct block *next;
  size_t used, size;
  char data[];
} block;

struct sc_arena {
  block *blocks;
  const char **slots; /* interned strings, NULL = empty */
  size_t nslots, count;
  size_t bytes;
};

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n, size);
  if (!p) {
    fputs("stallcheck: out of memory\n", stderr);
    abort();
  }
  return p;
}

sc_arena *sc_arena_new(void) {
  sc_arena *a = xcalloc(1, sizeof *a);
  a->nslots = 256;
  a->slots = xcalloc(a->nslots, sizeof *a->slots);
  return a;
}

void sc_arena_free(sc_arena *a) {
  if (!a) return;
  for (block *b = a->blocks, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  free(a->slots);
  free(a);
}

static char *arena_alloc(sc_arena *a, size_t n) {
  block *b = a->blocks;
  if (!b || b->size - b->used < n) {
    size_t size = !b ? BLOCK_MIN : b->size * 2 > BLOCK_MAX ? BLOCK_MAX : b->size * 2;
    if (n > size) size = n;
    b = malloc(sizeof *b + size); /* not zeroed: every byte handed out is written */
    if (!b) {
      fputs("stallcheck: out of memory\n", stderr);
      abort();
    }
    b->used = 0;
    b->size = size;
    b->next = a->blocks;
    a->blocks = b;
    a->bytes += size;
  }
  char *p = b->data + b->used;
  b->used += n;
  return p;
}

/* FNV-1a: short keys, good enough spread, no dependencies. */
static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h;
}

static void grow(sc_arena *a) {
  size_t nslots = a->nslots * 2;
  const char **slots = xcalloc(nslots, sizeof *slots);
  for (size_t i = 0; i < a->nslots; i++) {
    const char *s = a->slots[i];
    if (!s) continue;
    size_t j = hash_bytes(s, strlen(s)) & (nslots - 1);
    while (slots[j]) j = (j + 1) & (nslots - 1);
    slots[j] = s;
  }
  free(a->slots);
  a->slots = slots;
  a->nslots = nslots;
}

const char *sc_arena_intern(sc_arena *a, const char *s, size_t n) {
  if (a->count * 2 >= a->nslots) grow(a);
  size_t j = hash_bytes(s, n) & (a->nslots - 1);
  for (const char *t; (t = a->slots[j]); j = (j + 1) & (a->nslots - 1))
    if (strncmp(t, s, n) == 0 && t[n] == '\0') return t;
  char *copy = arena_alloc(a, n + 1);
  memcpy(copy, s, n);
  copy[n] = '\0';
  a->slots[j] = copy;
  a->count++;
  return copy;
}

size_t sc_arena_bytes(const sc_arena *a) { return a->bytes + a->nslots * sizeof *a->slots; }
