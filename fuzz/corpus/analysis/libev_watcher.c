// libev's ev_io_init stores the callback into the watcher: it runs on the loop.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <ev.h>
#include <netdb.h>

static void on_stdin(struct ev_loop *loop, ev_io *w, int revents) {
  struct hostent *h;
  (void)loop;
  (void)w;
  (void)revents;
  // CHECK: libev_watcher.c:[[@LINE+1]]:7: warning: 'gethostbyname' blocks the libev event loop
  h = gethostbyname("example.org");
  (void)h;
}

int main(void) {
  struct ev_loop *loop = EV_DEFAULT;
  ev_io watcher;
  ev_io_init(&watcher, on_stdin, 0, EV_READ);
  ev_io_start(loop, &watcher);
  ev_run(loop, 0);
  return 0;
}
// CHECK: libev_watcher.c:19:3: note: 'on_stdin' runs on the libev loop thread: stored here as a watcher callback in the 'cb' field of 'ev_io'
