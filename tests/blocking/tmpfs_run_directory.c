// Paths under /run (and /var/run) are on a tmpfs: not disk waits.
//
// Real code (dbus 1.14.10 dbus-daemon, 1 finding, for every new
// connection: bus/connection.c:1585 bus_context_create_client_policy >
// bus/policy.c:350 _dbus_unix_user_is_at_console > _dbus_is_console_user):
//  - dbus/dbus-userdb-util.c:75
//      if (access ("/run/systemd/seats/", F_OK) >= 0)   /* logind present */
//    (sd_booted() and many systemd-aware daemons do the same check.)
//
// Expected: a literal path under /run/ (or /var/run/) is a memory file for
// the disk-wait rows, as /proc is; a path elsewhere stays reported.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

static void on_new_connection(uv_timer_t *t) {
  (void)t;
  struct stat st;
  if (access("/run/systemd/seats/", F_OK) >= 0) {}       // silent: tmpfs
  if (stat("/var/run/console/alice", &st) == 0) {}        // silent: tmpfs
  if (access("/var/lib/app/seats", F_OK) >= 0) {}
  // CHECK: [[@LINE-1]]:7: warning: 'access' blocks the libuv event loop
}

int main(void) {
  uv_timer_t t;
  uv_timer_init(uv_default_loop(), &t);
  uv_timer_start(&t, on_new_connection, 0, 1000);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
