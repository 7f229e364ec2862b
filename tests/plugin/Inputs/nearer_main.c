/* tests/plugin/nearer_config_for_headers.test: the program's own code. */
#include <unistd.h>
#include <uv.h>
#include "vendor/lib.h"
static void on_timer(uv_timer_t *t) { (void)t;
  sleep(1);
  vendor_poll();
}
int main(void) {
  static uv_timer_t t;
  uv_timer_start(&t, on_timer, 0, 1);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
