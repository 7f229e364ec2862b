// The remedy speaks the language of the loop that stalls: the loop's async
// API when it has one, else its thread adaptor.
// RUN: not %stallcheck %s -- %cflags_glib_2_0 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <ev.h>
#include <event2/event.h>
#include <glib.h>
#include <stdio.h>
#include <unistd.h>
#include <uv.h>

static void on_event(evutil_socket_t fd, short what, void *arg) {
  // CHECK: remedy_names_the_loop.c:[[@LINE+1]]:3: warning: 'sleep' blocks the libevent event loop
  sleep(1);
  // CHECK: note: remedy: resume later from a timer event (evtimer_new, evtimer_add) instead of sleeping
}

static gboolean on_idle(gpointer data) {
  // CHECK: remedy_names_the_loop.c:[[@LINE+1]]:13: warning: 'fopen' blocks the GLib event loop
  FILE *f = fopen("/etc/hosts", "r");
  // CHECK: note: remedy: use GIO's asynchronous file API (g_file_read_async
  if (f) fclose(f);
  return G_SOURCE_REMOVE;
}

static void on_io(struct ev_loop *loop, ev_io *w, int revents) {
  // CHECK: remedy_names_the_loop.c:[[@LINE+1]]:13: warning: 'fopen' blocks the libev event loop
  FILE *f = fopen("/etc/hosts", "r");
  // CHECK: note: remedy: the loop has no asynchronous file API; move the file I/O off the loop: run it on a worker thread and wake the loop with ev_async_send
  if (f) fclose(f);
}

static void on_timer(uv_timer_t *t) {
  // CHECK: remedy_names_the_loop.c:[[@LINE+1]]:3: warning: 'sleep' blocks the libuv event loop
  sleep(1);
  // CHECK: note: remedy: resume later from a uv_timer_t (uv_timer_start) instead of sleeping
}

int main(void) {
  struct event_base *base = event_base_new();
  event_add(event_new(base, -1, EV_TIMEOUT, on_event, NULL), NULL);
  g_idle_add(on_idle, NULL);
  static ev_io watcher;
  ev_io_init(&watcher, on_io, 0, EV_READ);
  ev_io_start(EV_DEFAULT, &watcher);
  static uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 0);
  return 0;
}
