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

#endif
