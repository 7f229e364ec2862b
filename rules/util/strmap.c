/*
 * strmap.c - chained hashing over one entry array.  Each entry links to the
 * next entry of the same key (so a key's values iterate in insertion order
 * without scanning the bucket) and each bucket holds the first entry of each
 * distinct key it has.
 */
#include "util/strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX

typedef struct entry {
  const char *key;
  uint64_t hash;
  uint32_t value;
  uint32_t next_same;  /* next entry with this key */
  uint32_t last_same;  /* on a key's first entry: its last entry */
  uint32_t next_key;   /* next distinct key in the bucket (first entries only) */
} entry;

struct sc_strmap {
  entry *entries;
  uint32_t count, cap;
  uint32_t *buckets; /* first entry of the bucket's first key */
  uint32_t nbuckets, nkeys;
};

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n);
  if (!p) {
    fputs("stallcheck: out of memory\n", stderr);
    abort();
  }
  return p;
}

static uint64_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ull;
  }
  return h;
}

sc_strmap *sc_strmap_new(void) {
  sc_strmap *m = xrealloc(NULL, sizeof *m);
  memset(m, 0, sizeof *m);
  m->nbuckets = 64;
  m->buckets = xrealloc(NULL, m->nbuckets * sizeof *m->buckets);
  memset(m->buckets, 0xff, m->nbuckets * sizeof *m->buckets);
  return m;
}

void sc_strmap_free(sc_strmap *m) {
  if (!m) return;
  free(m->entries);
  free(m->buckets);
  free(m);
}

static uint32_t find_first(const sc_strmap *m, const char *key, uint64_t h) {
  for (uint32_t e = m->buckets[h & (m->nbuckets - 1)]; e != NONE; e = m->entries[e].next_key)
    if (m->entries[e].hash == h && (m->entries[e].key == key || strcmp(m->entries[e].key, key) == 0))
      return e;
  return NONE;
}

static void rehash(sc_strmap *m) {
  uint32_t n = m->nbuckets * 2;
  uint32_t *b = xrealloc(NULL, n * sizeof *b);
  memset(b, 0xff, n * sizeof *b);
  for (uint32_t e = 0; e < m->count; e++) {
    entry *en = &m->entries[e];
    if (en->last_same == NONE) continue; /* not a first entry */
    uint32_t slot = en->hash & (n - 1);
    en->next_key = b[slot];
    b[slot] = e;
  }
  free(m->buckets);
  m->buckets = b;
  m->nbuckets = n;
}

void sc_strmap_add(sc_strmap *m, const char *key, uint32_t value) {
  uint64_t h = hash_str(key);
  if (m->count == m->cap) {
    m->cap = m->cap ? m->cap * 2 : 64;
    m->entries = xrealloc(m->entries, (size_t)m->cap * sizeof *m->entries);
  }
  uint32_t e = m->count++;
  entry *en = &m->entries[e];
  en->key = key;
  en->hash = h;
  en->value = value;
  en->next_same = NONE;
  en->next_key = NONE;
  uint32_t first = find_first(m, key, h);
  if (first != NONE) {
    en->last_same = NONE;
    m->entries[m->entries[first].last_same].next_same = e;
    m->entries[first].last_same = e;
    return;
  }
  en->last_same = e;
  uint32_t slot = h & (m->nbuckets - 1);
  en->next_key = m->buckets[slot];
  m->buckets[slot] = e;
  if (++m->nkeys * 2 > m->nbuckets) rehash(m);
}

uint32_t sc_strmap_first(const sc_strmap *m, const char *key) {
  return key ? find_first(m, key, hash_str(key)) : NONE;
}

uint32_t sc_strmap_next(const sc_strmap *m, uint32_t e) { return m->entries[e].next_same; }

uint32_t sc_strmap_value(const sc_strmap *m, uint32_t e) { return m->entries[e].value; }
