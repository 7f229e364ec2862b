#include <uv.h>
void start_a(uv_loop_t *loop);
void start_b(uv_loop_t *loop);
int main(void) {
  uv_loop_t *loop = uv_default_loop();
  start_a(loop);
  start_b(loop);
  return uv_run(loop, UV_RUN_DEFAULT);
}
