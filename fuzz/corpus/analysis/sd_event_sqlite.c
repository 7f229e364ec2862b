// sd-event time source whose handler queries SQLite synchronously.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <sqlite3.h>
#include <systemd/sd-event.h>

static sqlite3 *db;

static int on_time(sd_event_source *s, uint64_t usec, void *userdata) {
  (void)s;
  (void)usec;
  (void)userdata;
  // CHECK: sd_event_sqlite.c:[[@LINE+1]]:10: warning: 'sqlite3_exec' blocks the sd-event event loop
  return sqlite3_exec(db, "DELETE FROM sessions WHERE expired", NULL, NULL, NULL);
}

int main(void) {
  sd_event *e = NULL;
  sd_event_default(&e);
  sd_event_add_time_relative(e, NULL, CLOCK_MONOTONIC, 1000000, 0, on_time, NULL);
  return sd_event_loop(e);
}
// CHECK: note: remedy: {{.*}}
