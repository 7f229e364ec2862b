// Debug code under a local switch left off (`int debugmsg = 0;`, never
// assigned, address never taken) is dead: redis's geo.c traces with
// fopen("/tmp/log.txt") under `if (debugmsg)`.  A switch the function
// writes, or whose address it hands out, is live.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <unistd.h>
#include <uv.h>

#define D(...) do { FILE *fp = fopen("/tmp/log.txt", "a"); \
                    if (fp) { fprintf(fp, __VA_ARGS__); fclose(fp); } } while (0)

static void on_timer(uv_timer_t *t) {
  int debugmsg = 0;
  for (int i = 0; i < 9; i++) {
    if (debugmsg) D("neighbor %d\n", i);   // dead: silent
  }
  if (debugmsg) {
    D("done\n");                           // dead: silent
  }
  int verbose = 0;
  if (t->repeat > 100) verbose = 1;
  if (verbose) {
    FILE *trace = fopen("/tmp/trace.txt", "a"); // live: verbose is set above
    // CHECK: [[@LINE-1]]:19: warning: 'fopen' blocks the libuv event loop
    if (trace) fclose(trace);
  }
  usleep(10);
  // CHECK: [[@LINE-1]]:3: warning: 'usleep' blocks the libuv event loop
}

int main(void) {
  uv_timer_t t;
  uv_timer_init(uv_default_loop(), &t);
  uv_timer_start(&t, on_timer, 0, 1000);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
