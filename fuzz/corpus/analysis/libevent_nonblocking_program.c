// A program that makes its sockets non-blocking reads them when they are
// ready: recv/send in its callbacks do not wait.
// RUN: %stallcheck %s -- 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
#include <event2/event.h>
#include <event2/util.h>
#include <sys/socket.h>

static void on_readable(evutil_socket_t fd, short what, void *arg) {
  char buf[512];
  (void)what;
  (void)arg;
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  if (n > 0) (void)send(fd, buf, (size_t)n, 0);
}

int main(void) {
  struct event_base *base = event_base_new();
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  evutil_make_socket_nonblocking(fd);
  event_add(event_new(base, fd, EV_READ | EV_PERSIST, on_readable, NULL), NULL);
  return event_base_dispatch(base);
}
