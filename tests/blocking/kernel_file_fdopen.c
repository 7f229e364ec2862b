// A stream made by fdopen() from a descriptor that an open() of a kernel
// file returned is not a disk file.
//
// Real code (lldpd 1.0.16, 1 finding, the only one in the daemon):
//  - src/daemon/interfaces-linux.c:308-339 iflinux_get_permanent_mac_bond:
//      snprintf(path, SYSFS_PATH_MAX, "/proc/net/bonding/%s", master->name);
//      f = priv_open(path);  ...  netbond = fdopen(f, "r");
//      while (fgets(line, sizeof(line), netbond)) ...     <- reported :339
//    (lldpd opens through its privilege-separation proxy, see
//    kernel_path_through_opaque_opener.c; this file is the simpler half of
//    the same cause, with open() itself, which the fix must handle first.)
//
// Expected: a read of a stream whose only source is fdopen(fd), where fd's
// only source is an open the catalog found to be a kernel file, is silent;
// the same shape on a regular file stays reported (and so does its open).
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <event2/event.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static void read_bond_state(const char *bond) {
  char path[256], line[100];
  snprintf(path, sizeof path, "/proc/net/bonding/%s", bond);
  int f = open(path, O_RDONLY);                     // silent since the fix
  if (f < 0) return;
  FILE *netbond = fdopen(f, "r");
  if (netbond == NULL) { close(f); return; }
  while (fgets(line, sizeof line, netbond)) {}      // silent: procfs
  fclose(netbond);
}

static void read_config(void) {
  char line[100];
  int f = open("/etc/app.conf", O_RDONLY);
  // CHECK: [[@LINE-1]]:11: warning: 'open' blocks the libevent event loop
  if (f < 0) return;
  FILE *cfg = fdopen(f, "r");
  if (cfg == NULL) { close(f); return; }
  while (fgets(line, sizeof line, cfg)) {}
  // CHECK: [[@LINE-1]]:10: warning: 'fgets' blocks the libevent event loop
  fclose(cfg);
}

static void on_timer(evutil_socket_t fd, short what, void *arg) {
  (void)fd; (void)what; (void)arg;
  read_bond_state("bond0");
  read_config();
}

int main(void) {
  struct event_base *base = event_base_new();
  struct event *tick = event_new(base, -1, EV_PERSIST, on_timer, NULL);
  struct timeval one_second = {1, 0};
  event_add(tick, &one_second);
  return event_base_dispatch(base);
}
