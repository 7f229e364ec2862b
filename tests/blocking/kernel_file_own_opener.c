// A descriptor that the program's own opener returned for a kernel path
// (lldpd's privilege-separation proxy) is not a disk file.
//
// Real code (lldpd 1.0.16, 1 finding, the only one in the daemon; root
// levent_iface_trigger, src/daemon/event.c:722):
//  - src/daemon/interfaces-linux.c:308-339 iflinux_get_permanent_mac_bond:
//      snprintf(path, SYSFS_PATH_MAX, "/proc/net/bonding/%s", master->name);
//      if ((f = priv_open(path)) < 0) {
//        snprintf(path, SYSFS_PATH_MAX, "/proc/self/net/bonding/%s", ...);
//        f = priv_open(path);
//      }
//      netbond = fdopen(f, "r");
//      while (fgets(line, sizeof(line), netbond)) ...     <- reported :339
//  - src/daemon/priv-linux.c:49-60 priv_open: must_write the path to the
//    monitor, must_read the answer, receive_fd(); the monitor only opens
//    paths matching /proc/net/bonding/..., /sys/class/... (priv-linux.c:66).
//
// Inconsistency the fix can lean on: read(fd) on a descriptor from such an
// opaque opener is already silent (lldpd src/daemon/dmi-linux.c:43 reads
// priv_open("/sys/class/dmi/id/...") with read(), not reported), so the
// only thing that makes the fgets loud is the FILE * wrapper.
//
// Expected: a read of a stream whose source is fdopen(fd), where fd comes
// from a call that was handed a kernel path (a literal, or a buffer written
// by snprintf from a literal format, as the open/fopen fix already
// recognises), is silent; with a regular path the stream read stays
// reported.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <event2/event.h>
#include <stdio.h>
#include <unistd.h>

// Defined in another translation unit; opens the file in another process.
int priv_open(char *file);

static void read_bond_state(const char *bond) {
  char path[256], line[100];
  int f;
  snprintf(path, sizeof path, "/proc/net/bonding/%s", bond);
  if ((f = priv_open(path)) < 0) {
    snprintf(path, sizeof path, "/proc/self/net/bonding/%s", bond);
    f = priv_open(path);
  }
  if (f < 0) return;
  FILE *netbond = fdopen(f, "r");
  if (netbond == NULL) { close(f); return; }
  while (fgets(line, sizeof line, netbond)) {}      // silent: procfs
  fclose(netbond);
}

static void read_config(void) {
  char path[] = "/etc/app.conf", line[100];
  int f = priv_open(path);
  if (f < 0) return;
  FILE *cfg = fdopen(f, "r");
  if (cfg == NULL) { close(f); return; }
  while (fgets(line, sizeof line, cfg)) {}
  // CHECK: [[@LINE-1]]:10: warning: 'fgets' blocks the libevent event loop
  fclose(cfg);
}

static void on_interface_change(evutil_socket_t fd, short what, void *arg) {
  (void)fd; (void)what; (void)arg;
  read_bond_state("bond0");
  read_config();
}

int main(void) {
  struct event_base *base = event_base_new();
  struct event *trigger = event_new(base, -1, EV_PERSIST, on_interface_change, NULL);
  struct timeval one_second = {1, 0};
  event_add(trigger, &one_second);
  return event_base_dispatch(base);
}
