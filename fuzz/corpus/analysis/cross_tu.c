// A callback registered in one file reaching a blocking call in another: the
// driver links translation units by USR.
// REQUIRES: driver
// RUN: not %stallcheck %s %S/Inputs/cross_tu_storage.c -- -I%S/Inputs 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>
#include "cross_tu_storage.h"

static void on_tick(evutil_socket_t fd, short what, void *arg) {
  (void)fd;
  (void)what;
  (void)arg;
  storage_flush();
}

int main(void) {
  struct event_base *base = event_base_new();
  struct timeval second = {1, 0};
  struct event *tick = event_new(base, -1, EV_PERSIST, on_tick, NULL);
  event_add(tick, &second);
  return event_base_dispatch(base);
}
// CHECK: cross_tu_storage.c:{{[0-9]+}}:3: warning: 'fsync' blocks the libevent event loop
// CHECK: cross_tu.c:18:24: note: 'on_tick' runs on the libevent loop thread: registered here as {{.*}} by 'event_new'
// CHECK: cross_tu.c:12:3: note: 'on_tick' calls 'storage_flush' here
