// A call that runs only when a parameter is nonzero is not reached through
// a caller that passes a constant 0 (FALSE, NULL) there.
//
// Real code (dbus 1.14.10 dbus-daemon, 4 findings):
//  - dbus/dbus-internals.c:964, on the loop (peer filter > machine uuid):
//      _dbus_read_local_machine_uuid (&machine_uuid, FALSE, error)
//  - dbus/dbus-sysdeps-unix.c:4273-4306:
//      if (create_if_not_found) { ... _dbus_write_uuid_file (...); }
//      ...
//      if (!create_if_not_found) { ...; return FALSE; }
//      ... return _dbus_write_uuid_file (&filename, machine_id, error);
//    whose open/fsync/rename/unlink were reported.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

static void write_uuid_file(const char *path) {
  FILE *f = fopen(path, "w");
  if (!f) return;
  fputs("0123\n", f);
  fclose(f);
}

static bool read_machine_uuid(char *out, bool create_if_not_found) {
  if (out[0]) {
    if (create_if_not_found)
      write_uuid_file("/var/lib/dbus/machine-id"); // guarded: silent from the loop's FALSE
    return true;
  }
  if (!create_if_not_found) {
    out[0] = '?';
    return false;
  }
  write_uuid_file("/var/lib/dbus/machine-id"); // after the early return: silent too
  return true;
}

static void fsync_if(int fd, int do_sync) {
  if (do_sync != 0 && fd >= 0)
    fsync(fd); // CHECK-DAG: constant_false_flag_parameter.c:[[@LINE]]:5: warning: 'fsync' blocks the libevent event loop
}

static void log_to(const char *path, FILE *already) {
  if (already == NULL) return;
  fflush(already); // 'already' is NULL on the loop's path: silent
  (void)path;
}

// A parameter the body writes is not a guard.
static void rewritten(int flag) {
  flag = 1;
  if (flag)
    sleep(1); // CHECK-DAG: constant_false_flag_parameter.c:[[@LINE]]:5: warning: 'sleep' blocks the libevent event loop
}

// Passed on: the 0 reaches the function that tests it.
static void relay(int fd, int do_sync) { fsync_if(fd, do_sync); }

// A label after the early return may be entered by a goto from before it.
static void with_cleanup(int fd, int keep) {
  if (fd < 0) goto out;
  if (!keep) return;
  fd++;
out:
  usleep(10); // CHECK-DAG: constant_false_flag_parameter.c:[[@LINE]]:3: warning: 'usleep' blocks the libevent event loop
}

static void on_read(evutil_socket_t fd, short what, void *arg) {
  char uuid[33] = {0};
  read_machine_uuid(uuid, false);
  relay(fd, 0);
  fsync_if(fd, what & EV_READ); // not a constant: reported
  log_to("/var/log/x", NULL);
  rewritten(0);
  with_cleanup(fd, 0);
  (void)arg;
}

// The same function with a true flag on the loop from another callback:
// reported, with the path through that callback.
static void on_timer(evutil_socket_t fd, short what, void *arg) {
  char uuid[33] = {0};
  read_machine_uuid(uuid, true);
}
// CHECK-DAG: constant_false_flag_parameter.c:20:13: warning: 'fopen' blocks the libevent event loop
// CHECK-DAG: note: 'on_timer' calls 'read_machine_uuid' here

int main(void) {
  struct event_base *base = event_base_new();
  struct event *ev = event_new(base, 0, EV_READ | EV_PERSIST, on_read, NULL);
  struct event *tm = event_new(base, -1, EV_PERSIST, on_timer, NULL);
  event_add(ev, NULL);
  event_add(tm, NULL);
  return event_base_dispatch(base);
}
