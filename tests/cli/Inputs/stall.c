#include <unistd.h>
#include <uv.h>
static void cb(uv_timer_t *t) { (void)t; sleep(1); }
int main(void) {
  uv_timer_t t;
  uv_timer_init(uv_default_loop(), &t);
  uv_timer_start(&t, cb, 0, 0);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
