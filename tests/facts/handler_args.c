// Function pointers read from a struct of handlers or a handler table and
// passed as arguments: a field read is a `field` argument (record.field), an
// element of a table is the table variable.
// RUN: %stallcheck --dump-facts %s -- 2>&1 | FileCheck %s
#include <uv.h>

struct ops {
  uv_timer_cb tick;
};
static void on_tick(uv_timer_t *t) { (void)t; }
static uv_timer_cb table[4] = {on_tick};

void start(uv_timer_t *timer, struct ops *ops, const struct ops *fixed, int i) {
  uv_timer_start(timer, ops->tick, 0, 1);
  uv_timer_start(timer, fixed[0].tick, 0, 1);
  uv_timer_start(timer, table[i], 0, 1);
  uv_timer_start(timer, *table, 0, 1);
}
// CHECK: call 0 in=1 direct uv_timer_start at {{.*}}handler_args.c:14:3 [param 0 type=uv_timer_t *] [field ops.tick type=uv_timer_cb]
// CHECK: call 1 in=1 direct uv_timer_start at {{.*}}handler_args.c:15:3 [param 0 type=uv_timer_t *] [field ops.tick type=uv_timer_cb]
// CHECK: call 2 in=1 direct uv_timer_start at {{.*}}handler_args.c:16:3 [param 0 type=uv_timer_t *] [var table type=uv_timer_cb]
// CHECK: call 3 in=1 direct uv_timer_start at {{.*}}handler_args.c:17:3 [param 0 type=uv_timer_t *] [var table type=uv_timer_cb]
