/*
 * lsp_fuzzer.c - the clangd wrapper's LSP framing on arbitrary bytes: the
 * reader must split any stream into messages (or skip what is not one)
 * without reading out of bounds, looping or growing without bound, and what
 * it returns must be forwardable.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp_framing.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int in[2];
  if (pipe(in) != 0) return 0;
  /* The whole input fits a pipe's buffer only up to 64 KiB: write what fits,
   * the reader sees end of file after it. */
  size_t n = size < 60000 ? size : 60000;
  if (n && write(in[1], data, n) < 0) {
    close(in[0]);
    close(in[1]);
    return 0;
  }
  close(in[1]);
  int out = open("/dev/null", O_WRONLY);
  lsp_reader r;
  lsp_reader_init(&r, in[0], "fuzz");
  lsp_writer w;
  lsp_writer_init(&w, out);
  lsp_message msg;
  for (int guard = 0; guard < 100000 && lsp_read(&r, &msg) > 0; guard++) lsp_forward(&w, &msg);
  lsp_reader_free(&r);
  close(in[0]);
  close(out);
  return 0;
}
