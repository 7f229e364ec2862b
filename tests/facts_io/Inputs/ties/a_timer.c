#include <uv.h>
void flush_log(void);
static void on_a(uv_timer_t *t) {
  (void)t;
  flush_log();
}
void start_a(uv_loop_t *loop) {
  static uv_timer_t timer;
  uv_timer_init(loop, &timer);
  uv_timer_start(&timer, on_a, 0, 100);
}
