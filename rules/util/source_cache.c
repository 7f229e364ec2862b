/*
 * source_cache.c - reading source files for reports and suppressions.
 */
#include "util/source_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sc_source_cache_get(sc_source_cache *c, const char *path, size_t *len) {
  if (!path) return NULL;
  if (c->path && !strcmp(c->path, path)) {
    if (len) *len = c->len;
    return c->text;
  }
  sc_source_cache_free(c);
  c->path = strdup(path);
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 0;
  for (;;) {
    if (c->len + 4097 > cap) {
      cap = cap ? cap * 2 : 65536;
      char *t = realloc(c->text, cap);
      if (!t) {
        free(c->text);
        c->text = NULL;
        c->len = 0;
        break;
      }
      c->text = t;
    }
    size_t n = fread(c->text + c->len, 1, cap - c->len - 1, f);
    if (n == 0) break;
    c->len += n;
  }
  fclose(f);
  if (c->text) c->text[c->len] = 0;
  if (len) *len = c->len;
  return c->text;
}

void sc_source_cache_free(sc_source_cache *c) {
  free(c->path);
  free(c->text);
  c->path = c->text = NULL;
  c->len = 0;
}
