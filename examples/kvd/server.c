/* server.c - accepts clients, reads lines, dispatches commands. */
#include <stdlib.h>
#include <string.h>

#include "kvd.h"

static uv_tcp_t listener;

static void on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf) {
  client *c = handle->data;
  (void)suggested;
  *buf = uv_buf_init(c->line + c->used, (unsigned)(sizeof c->line - c->used - 1));
}

static void on_close(uv_handle_t *handle) { free(handle->data); }

static void on_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
  client *c = stream->data;
  (void)buf;
  if (n < 0) {
    uv_close((uv_handle_t *)stream, on_close);
    return;
  }
  c->used += (size_t)n;
  c->line[c->used] = 0;
  char *eol;
  while ((eol = strchr(c->line, '\n'))) {
    *eol = 0;
    commands_dispatch(c, c->line);
    c->used -= (size_t)(eol + 1 - c->line);
    memmove(c->line, eol + 1, c->used + 1);
  }
}

static void on_write(uv_write_t *req, int status) {
  (void)status;
  free(req);
}

void reply(client *c, const char *text) {
  uv_write_t *req = malloc(sizeof *req);
  uv_buf_t buf = uv_buf_init((char *)text, (unsigned)strlen(text));
  uv_write(req, (uv_stream_t *)&c->tcp, &buf, 1, on_write);
}

static void on_connection(uv_stream_t *server, int status) {
  if (status < 0) return;
  client *c = calloc(1, sizeof *c);
  uv_tcp_init(server->loop, &c->tcp);
  c->tcp.data = c;
  if (uv_accept(server, (uv_stream_t *)&c->tcp) == 0)
    uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read);
  else
    uv_close((uv_handle_t *)&c->tcp, on_close);
}

int main(void) {
  uv_loop_t *loop = uv_default_loop();
  struct sockaddr_in addr;
  uv_ip4_addr("0.0.0.0", 7379, &addr);
  uv_tcp_init(loop, &listener);
  uv_tcp_bind(&listener, (const struct sockaddr *)&addr, 0);
  uv_listen((uv_stream_t *)&listener, 128, on_connection);
  snapshot_start(loop);
  return uv_run(loop, UV_RUN_DEFAULT);
}
