#include <uv.h>
#include "storage.h"

static void on_timer(uv_timer_t *t) {
  (void)t;
  save();
}

int main(void) {
  uv_timer_t t;
  uv_timer_init(uv_default_loop(), &t);
  uv_timer_start(&t, on_timer, 0, 1000);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
