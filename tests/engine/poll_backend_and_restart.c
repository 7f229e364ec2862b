// lighttpd's shape: the loop waits through a poll backend chosen at start-up
// (a function pointer to one of a few functions), main() restarts the loop
// after a reload, and a spawn helper sleeps with select() on no descriptors.
// The event loop is server_main_loop's, not main's restart loop; the
// select() is a sleep on that loop.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not="loop in 'main'"
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

typedef void handler_fn(int fd);
struct fdevents {
  int (*poll)(struct fdevents *ev, int timeout);
  handler_fn *handlers[64];
  int epfd;
  struct pollfd fds[64];
};

static int poll_epoll(struct fdevents *ev, int timeout) {
  struct epoll_event e[16];
  return epoll_wait(ev->epfd, e, 16, timeout);
}
static int poll_poll(struct fdevents *ev, int timeout) { return poll(ev->fds, 64, timeout); }

static int fdevent_poll(struct fdevents *ev, int timeout) {
  int n = ev->poll(ev, timeout);
  for (int i = 0; i < n; i++) ev->handlers[i](i);
  return n;
}

static void spawn_backend(void) {
  struct timeval tv = {0, 1000};
  // CHECK: poll_backend_and_restart.c:[[@LINE+1]]:3: warning: 'select' blocks the event loop in 'server_main_loop': it suspends the calling thread
  select(0, NULL, NULL, NULL, &tv);
}

static void on_request(int fd) {
  (void)fd;
  spawn_backend();
}

static int running = 1;
static void server_main_loop(struct fdevents *ev) {
  while (running) fdevent_poll(ev, 1000);
}

int main(int argc, char **argv) {
  static struct fdevents ev;
  ev.poll = argc > 1 ? poll_poll : poll_epoll;
  ev.handlers[0] = on_request;
  (void)argv;
  int restart;
  do {
    server_main_loop(&ev);
    restart = 0;
  } while (restart);
  return 0;
}
