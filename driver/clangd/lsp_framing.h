/*
 * lsp_framing.h - the base protocol of LSP: messages framed by a header
 * block ("Content-Length: N\r\n ... \r\n\r\n") and N bytes of JSON.
 *
 * The reader keeps its own buffer (messages arrive split across reads, or
 * several in one read) and never trusts the peer: a header block without a
 * usable Content-Length, or one announcing more than LSP_MAX_MESSAGE bytes, is
 * reported and skipped, and reading resumes at the next header.
 */
#ifndef STALLCHECK_CLANGD_LSP_FRAMING_H
#define STALLCHECK_CLANGD_LSP_FRAMING_H

#include <pthread.h>
#include <stddef.h>

/* Larger than any real message (a didOpen of a generated 100 MB file is not
 * something an editor sends), small enough to refuse absurd lengths. */
#define LSP_MAX_MESSAGE ((size_t)256 << 20)

typedef struct lsp_reader {
  int fd;
  const char *peer;   /* "editor" or "clangd", for log lines */
  char *buf;
  size_t start, end, cap; /* unread bytes are buf[start, end) */
} lsp_reader;

/* One message: `raw` is the whole message as received (headers and body),
 * `body` points into it.  Valid until the next lsp_read. */
typedef struct lsp_message {
  const char *raw;
  size_t raw_len;
  const char *body;
  size_t body_len;
  int clean;          /* the header block is only well-formed headers */
} lsp_message;

void lsp_reader_init(lsp_reader *r, int fd, const char *peer);
void lsp_reader_reset(lsp_reader *r, int fd); /* a new peer on a new fd */
void lsp_reader_free(lsp_reader *r);

/* Reads the next message.  Returns 1 with *msg filled, 0 at end of stream
 * (or a read error), after logging anything skipped on the way. */
int lsp_read(lsp_reader *r, lsp_message *msg);

/* A stream written by several threads: whole messages at a time. */
typedef struct lsp_writer {
  int fd;
  pthread_mutex_t lock;
  int broken;         /* a write failed: the peer is gone */
} lsp_writer;

void lsp_writer_init(lsp_writer *w, int fd);
/* Writes bytes that already are a whole framed message.  Returns 0 or -1. */
int lsp_write_raw(lsp_writer *w, const char *raw, size_t len);
/* Frames `body` with a Content-Length header and writes it.  Returns 0 or -1. */
int lsp_write_body(lsp_writer *w, const char *body, size_t len);
/* Passes a message on: byte for byte when its header was clean, else the
 * body under a fresh header (junk before it is not repeated). */
int lsp_forward(lsp_writer *w, const lsp_message *msg);
int lsp_forward_locked(lsp_writer *w, const lsp_message *msg);
/* The same, for callers that already hold w->lock. */
int lsp_write_raw_locked(lsp_writer *w, const char *raw, size_t len);
int lsp_write_body_locked(lsp_writer *w, const char *body, size_t len);

#endif
