// A hand-written epoll loop that dispatches through a handler table: what the
// handlers call runs on the loop thread.  A blocking helper that polls one
// descriptor is not an event loop, and code before the loop is not on it.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <unistd.h>

struct handler {
  int fd;
  void (*on_ready)(struct handler *h);
};

static void resolve_peer(struct handler *h) {
  struct addrinfo *res;
  (void)h;
  // CHECK: epoll_handler_table.c:[[@LINE+1]]:3: warning: 'getaddrinfo' blocks the event loop in 'serve'
  getaddrinfo("example.org", "80", NULL, &res);
}

static void read_stdin(struct handler *h) {
  char buf[64];
  (void)read(h->fd, buf, sizeof buf); // read(2): files and sockets look alike: silent
}

static struct handler handlers[] = {
    {.fd = 0, .on_ready = read_stdin},
    {.fd = 3, .on_ready = resolve_peer},
};

static int wait_readable(int fd) {
  struct pollfd p = {.fd = fd, .events = POLLIN};
  for (;;) {
    if (poll(&p, 1, 1000) > 0) return 0; // one descriptor: a helper, not a loop
    sleep(1);
  }
}

static void serve(int ep) {
  struct epoll_event events[16];
  FILE *cfg = fopen("/etc/serve.conf", "r"); // before the loop: silent
  if (cfg) fclose(cfg);
  for (;;) {
    int n = epoll_wait(ep, events, 16, -1);
    for (int i = 0; i < n; i++) {
      struct handler *h = events[i].data.ptr;
      // CHECK: epoll_handler_table.c:45:3: note: this loop in 'serve' waits in 'epoll_wait' and dispatches events
      // CHECK: epoll_handler_table.c:[[@LINE+1]]:7: note: 'serve' calls 'resolve_peer' here, through field 'on_ready'
      h->on_ready(h);
    }
  }
}

int main(void) {
  wait_readable(0);
  int ep = epoll_create1(0);
  for (unsigned i = 0; i < sizeof handlers / sizeof handlers[0]; i++) {
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &handlers[i]};
    epoll_ctl(ep, EPOLL_CTL_ADD, handlers[i].fd, &ev);
  }
  serve(ep);
  return 0;
}
