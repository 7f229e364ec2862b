/*
 * suppress_fuzzer.c - the NOLINT scanner on arbitrary text, for every line
 * and rule.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stallcheck/suppress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  memcpy(text, data, size);
  text[size] = 0;
  size_t n = 0;
  const sc_rule *rules = sc_rules(&n);
  unsigned lines = 1;
  for (size_t i = 0; i < size; i++) lines += data[i] == '\n';
  for (unsigned line = 1; line <= lines + 1 && line < 200; line++)
    for (size_t r = 0; r < n; r++) (void)sc_suppressed_at(text, size, line, rules[r].id);
  free(text);
  return 0;
}
