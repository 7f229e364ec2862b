// Callbacks handed to a registrar from a struct of handlers, a handler
// table, or a local variable are registered: their values are what the
// program stores there.  The registration note points at the registering call.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>
#include <uv.h>

struct handlers {
  uv_timer_cb tick;
  uv_read_cb on_read;
};

static void on_tick(uv_timer_t *t) {
  (void)t;
  // CHECK: registration_through_tables.c:[[@LINE+1]]:3: warning: 'sleep' blocks the libuv event loop
  sleep(1);
}
// CHECK: registration_through_tables.c:47:3: note: 'on_tick' runs on the libuv loop thread: registered here as a timer callback by 'uv_timer_start'

static void on_table_tick(uv_timer_t *t) {
  (void)t;
  // CHECK: registration_through_tables.c:[[@LINE+1]]:3: warning: 'usleep' blocks the libuv event loop
  usleep(10);
}
// CHECK: registration_through_tables.c:48:3: note: 'on_table_tick' runs on the libuv loop thread

static void on_local_tick(uv_timer_t *t) {
  (void)t;
  // CHECK: registration_through_tables.c:[[@LINE+1]]:3: warning: 'sleep' blocks the libuv event loop
  sleep(3);
}

static void never_registered(uv_timer_t *t) {
  (void)t;
  sleep(4); // stored in a table nobody registers from: silent
}

static const struct handlers H = {on_tick, NULL};
static uv_timer_cb table[] = {on_table_tick};
static uv_timer_cb unused[] = {never_registered};

int main(void) {
  static uv_timer_t a, b, c;
  uv_timer_cb local = on_local_tick;
  uv_loop_t *loop = uv_default_loop();
  uv_timer_init(loop, &a);
  uv_timer_start(&a, H.tick, 0, 1);
  uv_timer_start(&b, table[0], 0, 1);
  uv_timer_start(&c, local, 0, 1);
  (void)unused;
  return uv_run(loop, UV_RUN_DEFAULT);
}
