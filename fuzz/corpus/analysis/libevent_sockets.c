// recv() on a socket the program never made non-blocking waits for the peer.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>
#include <sys/socket.h>

static void on_readable(evutil_socket_t fd, short what, void *arg) {
  char buf[512];
  (void)what;
  (void)arg;
  // CHECK: libevent_sockets.c:[[@LINE+1]]:9: warning: 'recv' blocks the libevent event loop
  (void)recv(fd, buf, sizeof buf, 0);
  (void)recv(fd, buf, sizeof buf, MSG_DONTWAIT); // does not wait: silent
}

int main(void) {
  struct event_base *base = event_base_new();
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  event_add(event_new(base, fd, EV_READ | EV_PERSIST, on_readable, NULL), NULL);
  return event_base_dispatch(base);
}
