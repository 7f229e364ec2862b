/*
 * text_document.c - positions in a document's text, in LSP's units.
 */
#include "text_document.h"

#include <stdlib.h>
#include <string.h>

/* Length of the UTF-8 sequence starting at p (1 for a stray byte, so that
 * invalid text still advances and maps to one code unit per byte). */
static size_t utf8_sequence_length(const unsigned char *p, size_t left) {
  size_t n = 1;
  if (p[0] >= 0xF0 && p[0] < 0xF8) n = 4;
  else if (p[0] >= 0xE0) n = p[0] < 0xF0 ? 3 : 1;
  else if (p[0] >= 0xC2) n = 2;
  if (n > left) return 1;
  for (size_t i = 1; i < n; i++)
    if ((p[i] & 0xC0) != 0x80) return 1;
  return n;
}

/* Code units of one character of `bytes` UTF-8 bytes. */
static long units_of(size_t bytes, lsp_encoding enc) {
  switch (enc) {
  case LSP_UTF8: return (long)bytes;
  case LSP_UTF32: return 1;
  default: return bytes == 4 ? 2 : 1; /* astral planes take a surrogate pair */
  }
}

static size_t line_start(const char *text, size_t len, long line) {
  size_t off = 0;
  for (long l = 0; l < line; l++) {
    const char *nl = memchr(text + off, '\n', len - off);
    if (!nl) return len;
    off = (size_t)(nl - text) + 1;
  }
  return off;
}

/* End of the line's content: before "\n" or "\r\n". */
static size_t line_end(const char *text, size_t len, size_t start) {
  const char *nl = memchr(text + start, '\n', len - start);
  size_t end = nl ? (size_t)(nl - text) : len;
  if (end > start && text[end - 1] == '\r') end--;
  return end;
}

size_t text_offset_of(const char *text, size_t len, long line, long character, lsp_encoding enc) {
  if (line < 0) return 0;
  size_t start = line_start(text, len, line);
  if (start >= len) return len;
  size_t end = line_end(text, len, start);
  size_t off = start;
  long units = 0;
  while (off < end && units < character) {
    size_t n = utf8_sequence_length((const unsigned char *)text + off, end - off);
    long u = units_of(n, enc);
    if (units + u > character) break; /* inside a character: stay before it */
    units += u;
    off += n;
  }
  return off;
}

long text_character_of(const char *text, size_t len, unsigned line, unsigned col, lsp_encoding enc) {
  if (line == 0 || col == 0) return 0;
  size_t start = line_start(text, len, (long)line - 1);
  size_t end = line_end(text, len, start);
  size_t target = start + (col - 1);
  if (target > end) return (long)(col - 1); /* past what we know: bytes are the best guess */
  long units = 0;
  for (size_t off = start; off < target;) {
    size_t n = utf8_sequence_length((const unsigned char *)text + off, target - off);
    units += units_of(n, enc);
    off += n;
  }
  return units;
}

long text_line_end_character(const char *text, size_t len, long line, lsp_encoding enc) {
  size_t start = line_start(text, len, line);
  size_t end = line_end(text, len, start);
  long units = 0;
  for (size_t off = start; off < end;) {
    size_t n = utf8_sequence_length((const unsigned char *)text + off, end - off);
    units += units_of(n, enc);
    off += n;
  }
  return units;
}

int text_replace(char **text, size_t *len, size_t start, size_t end, const char *with, size_t n) {
  if (start > *len) start = *len;
  if (end > *len) end = *len;
  if (end < start) end = start;
  size_t new_len = *len - (end - start) + n;
  char *out = malloc(new_len + 1);
  if (!out) return -1;
  memcpy(out, *text, start);
  memcpy(out + start, with, n);
  memcpy(out + start + n, *text + end, *len - end);
  out[new_len] = '\0';
  free(*text);
  *text = out;
  *len = new_len;
  return 0;
}
