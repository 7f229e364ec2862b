// A stream opened lazily into a `static` file-scope variable: every value
// the translation unit stores there is known, so reads of it are judged by
// what was opened.
//
// Real code (chrony 4.3 util.c:1405-1413):
//   static FILE *urandom_file = NULL;
//   void UTI_GetRandomBytesUrandom(void *buf, unsigned int len) {
//     if (!urandom_file)
//       urandom_file = UTI_OpenFile(NULL, DEV_URANDOM, NULL, 'R', 0);
//     if (fread(buf, 1, len, urandom_file) != len) ...
// reached from the loop on every clock slew: 1 finding.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>
#include <stdio.h>

static FILE *urandom_file = NULL;

static void random_bytes(void *buf, size_t len) {
  if (!urandom_file) urandom_file = fopen("/dev/urandom", "r");
  if (fread(buf, 1, len, urandom_file) != len) return; // /dev/urandom: silent
}

static void close_random(void) {
  if (urandom_file) fclose(urandom_file);
  urandom_file = NULL;
}

// Another function may store a disk file: reads stay reported.
static FILE *log_file = NULL;

static void log_line(const char *line) {
  if (!log_file) log_file = fopen("/dev/null", "w");
  fputs(line, log_file);
  fflush(log_file);
  // CHECK: kernel_file_static_stream.c:[[@LINE-1]]:3: warning: 'fflush' blocks the libevent event loop
}

void log_reopen(const char *path) { log_file = fopen(path, "a"); }

// Written through a pointer somewhere: what it holds is not known.
static FILE *state_file = NULL;

static void open_into(FILE **out) { *out = fopen("/var/lib/app/state", "r"); }
// CHECK: kernel_file_static_stream.c:[[@LINE-1]]:44: warning: 'fopen' blocks the libevent event loop

static void read_state(char *buf, size_t len) {
  if (!state_file) state_file = fopen("/proc/self/stat", "r");
  open_into(&state_file);
  if (fread(buf, 1, len, state_file) != len) return;
  // CHECK: kernel_file_static_stream.c:[[@LINE-1]]:7: warning: 'fread' blocks the libevent event loop
}

static void on_timer(evutil_socket_t fd, short what, void *arg) {
  char buf[16];
  random_bytes(buf, sizeof buf);
  log_line("tick\n");
  read_state(buf, sizeof buf);
  close_random();
}

int main(void) {
  struct event_base *base = event_base_new();
  struct timeval second = {1, 0};
  event_add(event_new(base, -1, EV_PERSIST, on_timer, NULL), &second);
  log_reopen("/var/log/app.log");
  return event_base_dispatch(base);
}
