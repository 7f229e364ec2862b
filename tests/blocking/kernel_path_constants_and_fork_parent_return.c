// Three shapes of keepalived 2.2.7 (docs/case-studies/unseen/keepalived.md):
//  - a kernel path in a const variable: `static const char * const
//    ping_group_range = "/proc/sys/net/ipv4/ping_group_range";`
//    (check/check_ping.c:44, vrrp/vrrp_daemon.c:97; 4 findings);
//  - the mount points themselves: `opendir("/proc")` (core/track_process.c:266),
//    an O_TMPFILE in "/run" (2 findings);
//  - the child of fork() after the parent returned: `pid = fork(); if (pid <
//    0) return -1; if (pid) { ...; return 0; }` then the child's code
//    (lib/notify.c:166-184, check/check_daemon.c:671-688; 2 findings).
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <dirent.h>
#include <event2/event.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const ping_group_range = "/proc/sys/net/ipv4/ping_group_range";
static const char igmp_path[] = "/proc/sys/net/ipv4/conf/all/force_igmp_version";
static const char *state_path = "/proc/sys/net/ipv4/ip_forward"; // not const: another value may be stored
static const char *const state_file = "/var/lib/app/state";

static void read_ranges(void) {
  int fd = open(ping_group_range, O_RDONLY); // silent
  if (fd >= 0) close(fd);
  fd = open(igmp_path, O_RDONLY);            // silent
  if (fd >= 0) close(fd);
  fd = open(state_path, O_RDONLY);
  // CHECK: kernel_path_constants_and_fork_parent_return.c:[[@LINE-1]]:8: warning: 'open' blocks the libevent event loop
  if (fd >= 0) close(fd);
  fd = open(state_file, O_RDONLY);
  // CHECK: kernel_path_constants_and_fork_parent_return.c:[[@LINE-1]]:8: warning: 'open' blocks the libevent event loop
  if (fd >= 0) close(fd);
}

void set_state_path(const char *p) { state_path = p; }

static void scan_processes(void) {
  DIR *d = opendir("/proc"); // silent
  if (d) closedir(d);
  int fd = open("/run", O_TMPFILE | O_RDWR, 0600); // silent
  if (fd >= 0) close(fd);
}

static int run_script(const char *script) {
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid) {
    return 0; // the parent goes back to the loop
  }
  system(script); // the child: silent
  exit(0);
}

static int spawn_checker(void) {
  pid_t pid = fork();
  if (pid < 0) {
    return -1;
  } else if (pid) {
    return 0;
  }
  sleep(1); // the child: silent
  exit(0);
}

static int parent_waits(void) {
  pid_t pid = fork();
  if (pid == 0) exit(0);
  sleep(1); // the parent, on the loop
  // CHECK: kernel_path_constants_and_fork_parent_return.c:[[@LINE-1]]:3: warning: 'sleep' blocks the libevent event loop
  return 0;
}

static void on_timer(evutil_socket_t fd, short what, void *arg) {
  read_ranges();
  scan_processes();
  run_script("/etc/app/notify.sh");
  spawn_checker();
  parent_waits();
}

int main(void) {
  struct event_base *base = event_base_new();
  struct timeval second = {1, 0};
  event_add(event_new(base, -1, EV_PERSIST, on_timer, NULL), &second);
  return event_base_dispatch(base);
}
