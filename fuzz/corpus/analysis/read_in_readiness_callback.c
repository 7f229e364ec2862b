// A stream read right in a callback the loop runs because the descriptor is
// readable reads what is ready (a chat client reading stdin, curl's
// hiperfifo example): silent.  The same read in a timer callback, or further
// down the call path, may wait for the disk or the user: reported.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>
#include <stdio.h>

static void on_stdin(evutil_socket_t fd, short what, void *arg) {
  char line[256];
  (void)fd, (void)what, (void)arg;
  if (fgets(line, sizeof line, stdin)) // the loop said stdin is readable: silent
    fputs(line, stdout);
}

static void read_config(void) {
  char line[256];
  // CHECK: read_in_readiness_callback.c:[[@LINE+1]]:13: warning: 'fopen' blocks the libevent event loop
  FILE *f = fopen("/etc/app.conf", "r");
  // CHECK: read_in_readiness_callback.c:[[@LINE+1]]:10: warning: 'fgets' blocks the libevent event loop
  while (fgets(line, sizeof line, f)) {
  }
}

static void on_timer(evutil_socket_t fd, short what, void *arg) {
  char line[256];
  (void)fd, (void)what, (void)arg;
  // CHECK: read_in_readiness_callback.c:[[@LINE+1]]:7: warning: 'fgets' blocks the libevent event loop
  if (fgets(line, sizeof line, stdin)) {
  }
  read_config();
}

int main(void) {
  struct event_base *base = event_base_new();
  event_add(event_new(base, 0, EV_READ | EV_PERSIST, on_stdin, NULL), NULL);
  struct timeval second = {1, 0};
  event_add(evtimer_new(base, on_timer, NULL), &second);
  return event_base_dispatch(base);
}
