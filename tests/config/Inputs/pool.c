/* A project with its own thread pool: pool_submit runs `job` on a worker. */
#include <uv.h>

typedef void job_fn(void *arg);
void pool_submit(job_fn *job, void *arg);

static uv_timer_t timer;

static void on_timer(uv_timer_t *t) { (void)t; }

static void refresh_job(void *arg) {
  (void)arg;
  uv_timer_start(&timer, on_timer, 0, 100);
}

int main(void) {
  uv_timer_init(uv_default_loop(), &timer);
  pool_submit(refresh_job, NULL);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
