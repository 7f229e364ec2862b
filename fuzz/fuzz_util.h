/*
 * fuzz_util.h - what the fuzz targets share: the fuzzer's bytes as a file
 * (the readers under test take paths).
 */
#ifndef STALLCHECK_FUZZ_UTIL_H
#define STALLCHECK_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Writes the input to a fresh temporary file with `suffix` and returns its
 * path in `path` (the caller unlinks it). */
static inline int fuzz_write_file(const uint8_t *data, size_t size, const char *suffix, char *path, size_t n) {
  snprintf(path, n, "/tmp/stallcheck-fuzz-XXXXXX%s", suffix);
  int fd = mkstemps(path, (int)__builtin_strlen(suffix));
  if (fd < 0) return -1;
  size_t off = 0;
  while (off < size) {
    ssize_t w = write(fd, data + off, size - off);
    if (w <= 0) break;
    off += (size_t)w;
  }
  close(fd);
  return 0;
}

/* The fuzzer's bytes consumed as structured values (libFuzzer's
 * FuzzedDataProvider, for C): an exhausted input reads as zeros and empty
 * strings, so every input decodes to something. */
typedef struct fuzz_bytes {
  const uint8_t *p;
  size_t n;
} fuzz_bytes;

static inline uint8_t fuzz_u8(fuzz_bytes *b) {
  if (!b->n) return 0;
  b->n--;
  return *b->p++;
}

static inline uint32_t fuzz_u32(fuzz_bytes *b) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) v = v << 8 | fuzz_u8(b);
  return v;
}

static inline int64_t fuzz_i64(fuzz_bytes *b) {
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) v = v << 8 | fuzz_u8(b);
  return (int64_t)v;
}

/* A heap string of up to 255 bytes from the input (no NUL inside: C strings
 * end there anyway), or NULL when the length byte says 255. */
static inline char *fuzz_string(fuzz_bytes *b) {
  uint8_t len = fuzz_u8(b);
  if (len == 255) return NULL;
  if (len > b->n) len = (uint8_t)b->n;
  char *s = malloc((size_t)len + 1);
  if (!s) abort();
  size_t k = 0;
  for (size_t i = 0; i < len; i++)
    if (b->p[i]) s[k++] = (char)b->p[i];
  s[k] = 0;
  b->p += len;
  b->n -= len;
  return s;
}

#endif
