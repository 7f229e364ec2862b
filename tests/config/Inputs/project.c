/* A project with its own blocking RPC client and its own loop wrapper. */
#include <unistd.h>
#include <uv.h>

typedef void tick_fn(void *arg);
int rpc_call_sync(const char *method);
void loop_every(int ms, tick_fn *fn, void *arg);

static void on_tick(void *arg) {
  (void)arg;
  rpc_call_sync("ping");
}

static void on_timer(uv_timer_t *t) {
  (void)t;
  sleep(1);
}

int main(void) {
  static uv_timer_t timer;
  loop_every(100, on_tick, NULL);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
