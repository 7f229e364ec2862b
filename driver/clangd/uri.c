/*
 * uri.c - converting between file:// URIs and paths.
 */
#include "uri.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char *uri_to_path(const char *uri) {
  if (!uri || strncasecmp(uri, "file://", 7) != 0) return NULL;
  const char *p = uri + 7;
  if (strncasecmp(p, "localhost/", 10) == 0) p += 9; /* file://localhost/x */
  if (*p != '/') return NULL;                           /* a remote host */
  char *out = malloc(strlen(p) + 1);
  if (!out) return NULL;
  size_t n = 0;
  for (; *p && *p != '?' && *p != '#'; p++) {
    if (*p == '%') {
      int hi = hex_value(p[1]), lo = hi >= 0 ? hex_value(p[2]) : -1;
      if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
        free(out);
        return NULL;
      }
      out[n++] = (char)(hi * 16 + lo);
      p += 2;
    } else {
      out[n++] = *p;
    }
  }
  out[n] = '\0';
  return out;
}

char *uri_from_path(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  size_t len = strlen(path);
  char *out = malloc(7 + 3 * len + 1);
  if (!out) return NULL;
  memcpy(out, "file://", 7);
  size_t n = 7;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    /* Unreserved characters and the path separator stay as they are: the
     * same spelling clangd and VS Code produce. */
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
        strchr("-._~/", *p)) {
      out[n++] = (char)*p;
    } else {
      out[n++] = '%';
      out[n++] = hex[*p >> 4];
      out[n++] = hex[*p & 15];
    }
  }
  out[n] = '\0';
  return out;
}
