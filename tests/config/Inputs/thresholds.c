// Loop nests whose verdict a configuration's "thresholds" changes
// (tests/config/thresholds.test).
#include <CL/cl.h>
#include <stdlib.h>
#include <uv.h>

struct grid { int nx, ny, nz; float *v; };
static struct grid g;
static int keys[100];
static cl_command_queue queue;

static int by_value(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static void on_timer(uv_timer_t *t) {
  (void)t;
  for (int i = 0; i < 2000; i++)         /* 2e6 steps: below the default 1e7 */
    for (int j = 0; j < 1000; j++) g.v[j] += 1.0f;
  for (int x = 0; x < g.nx; x++)         /* three nested input loops */
    for (int y = 0; y < g.ny; y++)
      for (int z = 0; z < g.nz; z++) g.v[z] *= 0.5f;
  for (int r = 0; r < g.nx; r++)         /* 100 elements sorted per row */
    qsort(keys, 100, sizeof keys[0], by_value);
  for (int s = 0; s < 8; s++) clFinish(queue); /* 8 trips: not hot by default */
}

int main(void) {
  static uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
