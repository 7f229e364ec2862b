/* snapshot.c - OK: a periodic snapshot that does its slow work on libuv's
 * thread pool with uv_queue_work; only the short completion runs on the loop. */
#include <stdio.h>
#include <unistd.h>

#include "kvd.h"

static uv_timer_t timer;
static uv_work_t work;
static int busy;

static void snapshot_work(uv_work_t *req) {
  (void)req;
  FILE *f = fopen("kvd.snapshot", "w"); /* on a worker thread: fine */
  if (f) {
    fputs("snapshot\n", f);
    fsync(fileno(f));
    fclose(f);
  }
}

static void snapshot_done(uv_work_t *req, int status) {
  (void)req;
  (void)status;
  busy = 0;
}

static void on_timer(uv_timer_t *t) {
  if (busy) return;
  busy = 1;
  uv_queue_work(t->loop, &work, snapshot_work, snapshot_done);
}

void snapshot_start(uv_loop_t *loop) {
  uv_timer_init(loop, &timer);
  uv_timer_start(&timer, on_timer, 60000, 60000);
}
