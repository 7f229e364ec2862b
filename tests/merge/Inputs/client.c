#include <stdio.h>

#include "ticker.h"

static void on_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
  (void)stream;
  (void)buf;
  if (n > 0) usleep(1000);
}

static void on_alloc(uv_handle_t *handle, size_t size, uv_buf_t *buf) {
  static char storage[256];
  (void)handle;
  (void)size;
  *buf = uv_buf_init(storage, sizeof storage);
}

int start_client(uv_stream_t *stream) {
  static uv_timer_t timer;
  start_ticking(uv_default_loop(), &timer);
  return uv_read_start(stream, on_alloc, on_read);
}
