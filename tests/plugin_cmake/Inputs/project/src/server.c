#include "ticker.h"

int start_client(uv_stream_t *stream);

int main(void) {
  static uv_timer_t timer;
  start_ticking(uv_default_loop(), &timer);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
