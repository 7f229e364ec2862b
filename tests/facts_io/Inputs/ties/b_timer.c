#include <uv.h>
void flush_log(void);
static void on_b(uv_timer_t *t) {
  (void)t;
  flush_log();
}
void start_b(uv_loop_t *loop) {
  static uv_timer_t timer;
  uv_timer_init(loop, &timer);
  uv_timer_start(&timer, on_b, 0, 100);
}
