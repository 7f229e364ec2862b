/*
 * options.c - reading one command-line option (options.h).
 */
#include "options.h"

#include <string.h>

const char *sc_option_value(int argc, char **argv, int *i, const char *name, int *missing) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n) != 0) return NULL;
  if (a[n] == '=') return a + n + 1;
  if (a[n] == '\0') {
    if (*i + 1 < argc) return argv[++*i];
    *missing = 1;
    return NULL;
  }
  if (name[1] != '-') return a + n; /* -j8, -pbuild */
  return NULL;
}
