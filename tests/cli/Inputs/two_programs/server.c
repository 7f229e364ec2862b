/* The server: a libuv loop whose timer processes requests. */
#include <uv.h>

#include "shared.h"

static void on_timer(uv_timer_t *t) {
  (void)t;
  process("tick");
}

int main(void) {
  static uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
