/* Input of text_layout.test: tabs, a wide call, a path through a helper. */
#include <unistd.h>
#include <uv.h>

static void helper(void) {
	sleep(1);
}

static void on_timer(uv_timer_t *t) {
  (void)t;
	if (t) {	helper(); }
  usleep(10 * 1000);
}

int main(void) {
  static uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
