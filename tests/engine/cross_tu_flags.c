// Constant flag arguments and kernel-path parameters across translation
// units: the whole program is linked before the search, so a callee in
// another file is judged by what this file passes it.  One file alone (the
// plugin, or the driver given one file) does not know every caller of an
// exported function (tests/blocking/kernel_path_parameter.c).
// REQUIRES: driver
// RUN: not %stallcheck %s %S/Inputs/cross_tu_flags.c -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: not %stallcheck %S/Inputs/cross_tu_flags.c %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>

int uuid_read(char *out, int create_if_missing);
int conf_read(const char *path);

static void on_tick(evutil_socket_t fd, short what, void *arg) {
  char uuid[33] = {0};
  uuid_read(uuid, 0);                             // never creates: silent
  conf_read("/proc/sys/net/ipv4/ip_forward");     // procfs: silent
  conf_read("/proc/sys/net/core/somaxconn");
}

static void on_signal(evutil_socket_t fd, short what, void *arg) {
  char uuid[33] = {0};
  uuid_read(uuid, 1); // creates: the write is reported, from here
}
// CHECK: cross_tu_flags.c:9:13: warning: 'fopen' blocks the libevent event loop
// CHECK: cross_tu_flags.c:{{[0-9]+}}:{{[0-9]+}}: note: 'on_signal' runs on the libevent loop thread
// CHECK: cross_tu_flags.c:23:3: note: 'on_signal' calls 'uuid_read' here

int main(void) {
  struct event_base *base = event_base_new();
  struct timeval second = {1, 0};
  event_add(event_new(base, -1, EV_PERSIST, on_tick, NULL), &second);
  event_add(evsignal_new(base, 1, on_signal, NULL), NULL);
  return event_base_dispatch(base);
}
