/*
 * lsp_framing.c - reading and writing Content-Length framed messages.
 */
#include "lsp_framing.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "log.h"

void lsp_reader_init(lsp_reader *r, int fd, const char *peer) {
  memset(r, 0, sizeof *r);
  r->fd = fd;
  r->peer = peer;
}

void lsp_reader_reset(lsp_reader *r, int fd) {
  r->fd = fd;
  r->start = r->end = 0;
}

void lsp_reader_free(lsp_reader *r) {
  free(r->buf);
  r->buf = NULL;
  r->start = r->end = r->cap = 0;
}

/* Reads more bytes, making room for at least `want` unread bytes in total.
 * Returns the number read, 0 at end of stream. */
static ssize_t fill(lsp_reader *r, size_t want) {
  if (r->start > 0) {
    memmove(r->buf, r->buf + r->start, r->end - r->start);
    r->end -= r->start;
    r->start = 0;
  }
  size_t need = want > r->end + 65536 ? want : r->end + 65536;
  if (need > r->cap) {
    char *nb = realloc(r->buf, need);
    if (!nb) {
      log_msg("%s: out of memory reading a message of %zu bytes", r->peer, want);
      return -1;
    }
    r->buf = nb;
    r->cap = need;
  }
  for (;;) {
    ssize_t n = read(r->fd, r->buf + r->end, r->cap - r->end);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) log_msg("%s: read error: %s", r->peer, strerror(errno));
    if (n > 0) r->end += (size_t)n;
    return n;
  }
}

/* Where the header block ending at "\r\n\r\n" (or a lenient "\n\n") ends, or
 * NULL if the buffer does not hold a whole one yet. */
static const char *header_end(const char *p, size_t n, size_t *sep) {
  for (size_t i = 0; i + 1 < n; i++) {
    if (p[i] != '\n') continue;
    if (p[i + 1] == '\n') {
      *sep = 2;
      return p + i;
    }
    if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n') {
      *sep = 3;
      return p + i;
    }
  }
  return NULL;
}

/* Finds `name` in [p, end) ignoring case, or NULL. */
static const char *find_nocase(const char *p, const char *end, const char *name) {
  size_t n = strlen(name);
  for (; p + n <= end; p++)
    if (strncasecmp(p, name, n) == 0) return p;
  return NULL;
}

/* Parses the Content-Length of a header block; -1 if it has none usable.
 * A Content-Length preceded by junk on its line (the unframed bytes of a
 * broken message before it) still counts, but marks the block unclean. */
static long long content_length(const char *h, size_t n, int *clean) {
  long long length = -1;
  const char *end = h + n;
  *clean = 1;
  while (h < end) {
    const char *eol = memchr(h, '\n', (size_t)(end - h));
    if (!eol) eol = end;
    static const char name[] = "Content-Length:";
    const char *at = find_nocase(h, eol, name);
    if (at) {
      if (at != h) *clean = 0;
      const char *v = at + sizeof name - 1;
      while (v < eol && (*v == ' ' || *v == '\t')) v++;
      long long value = 0;
      int digits = 0;
      while (v < eol && *v >= '0' && *v <= '9') {
        if (value <= (long long)LSP_MAX_MESSAGE * 10) value = value * 10 + (*v - '0');
        v++;
        digits++;
      }
      while (v < eol && (*v == ' ' || *v == '\t' || *v == '\r')) v++;
      if (!digits || v != eol) return -1;
      length = value;
    } else if (eol > h && !(eol == h + 1 && *h == '\r') && !memchr(h, ':', (size_t)(eol - h))) {
      *clean = 0; /* not a header line */
    }
    h = eol + 1;
  }
  return length;
}

int lsp_read(lsp_reader *r, lsp_message *msg) {
  for (;;) {
    /* Skip blank lines between messages (some clients send a trailing CRLF). */
    while (r->start < r->end && (r->buf[r->start] == '\r' || r->buf[r->start] == '\n')) r->start++;
    size_t sep = 0;
    const char *hend = r->start < r->end ? header_end(r->buf + r->start, r->end - r->start, &sep) : NULL;
    if (!hend) {
      if (r->end - r->start > 64 * 1024) {
        /* No header ends within 64 KiB: this is not LSP; drop it and resync. */
        log_msg("%s: skipped %zu bytes that are not an LSP header", r->peer, r->end - r->start);
        r->start = r->end;
      }
      if (fill(r, r->end - r->start + 1) <= 0) {
        if (r->end > r->start)
          log_msg("%s: stream ended inside a message header (%zu bytes dropped)", r->peer, r->end - r->start);
        return 0;
      }
      continue;
    }
    size_t header_len = (size_t)(hend - (r->buf + r->start)) + sep;
    int clean = 1;
    long long length = content_length(r->buf + r->start, header_len, &clean);
    if (length < 0 || (size_t)length > LSP_MAX_MESSAGE) {
      if (length < 0)
        log_msg("%s: skipped a header without a valid Content-Length: %.*s", r->peer,
                (int)(header_len > 200 ? 200 : header_len), r->buf + r->start);
      else
        log_msg("%s: skipped a message announcing %lld bytes (limit %zu)", r->peer, length, LSP_MAX_MESSAGE);
      r->start += header_len;
      continue;
    }
    size_t total = header_len + (size_t)length;
    while (r->end - r->start < total) {
      /* Grow by what arrives, not by what the header claims. */
      size_t want = r->end - r->start + 65536;
      if (want > total) want = total;
      if (fill(r, want) <= 0) {
        log_msg("%s: stream ended inside a message body (%zu of %lld bytes)", r->peer,
                r->end - r->start - header_len, length);
        r->start = r->end;
        return 0;
      }
    }
    if (!clean)
      log_msg("%s: skipped bytes before a Content-Length header: %.*s", r->peer,
              (int)(header_len > 200 ? 200 : header_len), r->buf + r->start);
    msg->raw = r->buf + r->start;
    msg->raw_len = total;
    msg->clean = clean;
    msg->body = msg->raw + header_len;
    msg->body_len = (size_t)length;
    r->start += total;
    return 1;
  }
}

void lsp_writer_init(lsp_writer *w, int fd) {
  w->fd = fd;
  w->broken = 0;
  pthread_mutex_init(&w->lock, NULL);
}

static int write_all(lsp_writer *w, const char *p, size_t n) {
  if (w->broken || w->fd < 0) return -1;
  while (n > 0) {
    ssize_t k = write(w->fd, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) {
      w->broken = 1;
      return -1;
    }
    p += k;
    n -= (size_t)k;
  }
  return 0;
}

int lsp_write_raw_locked(lsp_writer *w, const char *raw, size_t len) { return write_all(w, raw, len); }

int lsp_write_body_locked(lsp_writer *w, const char *body, size_t len) {
  char header[64];
  int n = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", len);
  if (write_all(w, header, (size_t)n) != 0) return -1;
  return write_all(w, body, len);
}

int lsp_forward_locked(lsp_writer *w, const lsp_message *msg) {
  return msg->clean ? lsp_write_raw_locked(w, msg->raw, msg->raw_len) : lsp_write_body_locked(w, msg->body, msg->body_len);
}

int lsp_forward(lsp_writer *w, const lsp_message *msg) {
  pthread_mutex_lock(&w->lock);
  int rc = lsp_forward_locked(w, msg);
  pthread_mutex_unlock(&w->lock);
  return rc;
}

int lsp_write_raw(lsp_writer *w, const char *raw, size_t len) {
  pthread_mutex_lock(&w->lock);
  int rc = lsp_write_raw_locked(w, raw, len);
  pthread_mutex_unlock(&w->lock);
  return rc;
}

int lsp_write_body(lsp_writer *w, const char *body, size_t len) {
  pthread_mutex_lock(&w->lock);
  int rc = lsp_write_body_locked(w, body, len);
  pthread_mutex_unlock(&w->lock);
  return rc;
}
