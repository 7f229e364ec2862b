// A function that calls through its parameter (an iterator, a directory
// walker) calls, on each path, what that path's caller passed: a callback
// handed to it elsewhere is not on this path.
//
// Real code (chrony 4.3 chronyd, conf.c:1529-1576 search_dirs(line,
// suffix, file_handler) calls `file_handler(path)`): parse_confdir passes
// CNF_ReadFile while the configuration is read at start-up; the reload of
// sources (`chronyc reload sources`, on the loop) passes
// load_source_file.  The configuration reader's fgets (conf.c:509) and the
// getaddrinfo of an `initstepslew` directive (nameserv.c:87) were reported
// on the reload path: 2 findings.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>
#include <netdb.h>
#include <stdio.h>

static void search_dirs(const char *dir, void (*file_handler)(const char *path)) {
  char path[256];
  snprintf(path, sizeof path, "%s/a.conf", dir);
  file_handler(path);
}

static void read_config_file(const char *path) {
  FILE *f = fopen(path, "r"); // start-up only: silent
  struct addrinfo *res;
  if (f) fclose(f);
  getaddrinfo("pool.ntp.org", "123", NULL, &res); // start-up only: silent
}

static void load_source_file(const char *path) {
  FILE *f = fopen(path, "r");
  // CHECK: callback_parameter_per_caller.c:[[@LINE-1]]:13: warning: 'fopen' blocks the libevent event loop
  // CHECK: note: 'search_dirs' calls 'load_source_file' here, through parameter 'file_handler'
  if (f) fclose(f);
}

// A caller that forwards its own parameter: the values of that parameter.
static void walk_with(void (*handler)(const char *path)) { search_dirs("/etc/app/extra.d", handler); }

static void dump_file(const char *path) {
  FILE *f = fopen(path, "w");
  // CHECK: callback_parameter_per_caller.c:[[@LINE-1]]:13: warning: 'fopen' blocks the libevent event loop
  if (f) fclose(f);
}

static void on_reload(evutil_socket_t fd, short what, void *arg) {
  search_dirs("/etc/app/sources.d", load_source_file);
  walk_with(dump_file);
}

int main(void) {
  search_dirs("/etc/app/conf.d", read_config_file);
  struct event_base *base = event_base_new();
  event_add(event_new(base, 0, EV_READ | EV_PERSIST, on_reload, NULL), NULL);
  return event_base_dispatch(base);
}
