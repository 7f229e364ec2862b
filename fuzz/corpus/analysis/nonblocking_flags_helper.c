// Programs wrap F_GETFL/F_SETFL in a helper whose flags word is a variable
// (tmux's setblocking, redis's anetSetBlock): that marks the program's
// sockets non-blocking, so recv/send in callbacks stay silent.  Clearing the
// flag (`flags & ~O_NONBLOCK`) does not mark; see the second RUN line.
// RUN: %stallcheck %s -- 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: not %stallcheck %s -- -DONLY_CLEARS 2>&1 | FileCheck %s --check-prefix=CLEARS --implicit-check-not=warning:
#include <event2/event.h>
#include <fcntl.h>
#include <sys/socket.h>

static void set_blocking(int fd, int blocking) {
  int flags = fcntl(fd, F_GETFL);
#ifdef ONLY_CLEARS
  (void)blocking;
  fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
#else
  if (blocking)
    flags &= ~O_NONBLOCK;
  else
    flags |= O_NONBLOCK;
  fcntl(fd, F_SETFL, flags);
#endif
}

static void on_readable(evutil_socket_t fd, short what, void *arg) {
  char buf[512];
  (void)what;
  (void)arg;
  // CLEARS: nonblocking_flags_helper.c:[[@LINE+1]]:15: warning: 'recv' blocks the libevent event loop
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  if (n > 0) (void)send(fd, buf, (size_t)n, MSG_DONTWAIT);
}

int main(void) {
  struct event_base *base = event_base_new();
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  set_blocking(fd, 0);
  event_add(event_new(base, fd, EV_READ | EV_PERSIST, on_readable, NULL), NULL);
  return event_base_dispatch(base);
}
