/* A header with a finding: every TU that includes it reports it. */
#include <unistd.h>
#include <uv.h>

static inline void on_tick(uv_timer_t *timer) {
  (void)timer;
  sleep(1);
}

static inline void start_ticking(uv_loop_t *loop, uv_timer_t *timer) {
  uv_timer_init(loop, timer);
  uv_timer_start(timer, on_tick, 0, 100);
}
