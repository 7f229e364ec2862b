// A loop API reached through a table of functions (avahi's AvahiPoll,
// PulseAudio's pa_mainloop_api, libverto): callers register through
// `api->watch_new(api, fd, event, callback, userdata)`, a call through a
// pointer, and the implementation stores `callback` where its poll loop
// dispatches from.  The callback's values are what those calls pass.
//
// Real code (avahi 0.8 avahi-daemon: avahi-common/simple-watch.c): the
// loop waits through `s->poll_func` (system_poll, poll()) two calls below
// avahi_simple_poll_loop and dispatches `w->callback`; avahi-daemon's
// watches are all registered through `poll_api->watch_new(...)`.  Nothing
// was found before (the loop's dispatch resolved to nothing).
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct watch watch;
typedef void (*watch_cb)(watch *w, int fd, int events, void *userdata);
typedef struct poll_api {
  void *userdata;
  watch *(*watch_new)(const struct poll_api *api, int fd, int events, watch_cb callback, void *userdata);
} poll_api;

struct watch {
  struct pollfd pfd;
  watch_cb callback;
  void *userdata;
};

typedef int (*poll_func)(struct pollfd *fds, unsigned n, int timeout);
typedef struct simple_poll {
  poll_api api;
  poll_func poll;
  watch *watches[16];
  struct pollfd fds[16];
  unsigned n;
} simple_poll;

static watch *watch_new(const poll_api *api, int fd, int events, watch_cb callback, void *userdata) {
  simple_poll *s = api->userdata;
  watch *w = calloc(1, sizeof *w);
  w->pfd.fd = fd;
  w->pfd.events = (short)events;
  w->callback = callback;
  w->userdata = userdata;
  s->watches[s->n++] = w;
  return w;
}

static int system_poll(struct pollfd *fds, unsigned n, int timeout) { return poll(fds, n, timeout); }

static int run(simple_poll *s) {
  for (unsigned i = 0; i < s->n; i++) s->fds[i] = s->watches[i]->pfd;
  return s->poll(s->fds, s->n, -1);
}

static void dispatch(simple_poll *s) {
  for (unsigned i = 0; i < s->n; i++)
    if (s->fds[i].revents) s->watches[i]->callback(s->watches[i], s->fds[i].fd, s->fds[i].revents, s->watches[i]->userdata);
}

static int iterate(simple_poll *s) {
  if (run(s) < 0) return -1;
  dispatch(s);
  return 0;
}

static void poll_loop(simple_poll *s) {
  for (;;)
    if (iterate(s) != 0) return;
}

// The daemon's side: it only knows the table.
static void on_config_changed(watch *w, int fd, int events, void *userdata) {
  FILE *f = fopen("/etc/app/hosts", "r");
  // CHECK: vtable_poll_api.c:[[@LINE-1]]:13: warning: 'fopen' blocks the event loop in 'poll_loop'
  // CHECK: note: 'dispatch' calls 'on_config_changed' here, through field 'callback'
  if (f) fclose(f);
}

int main(void) {
  static simple_poll s;
  s.api.userdata = &s;
  s.api.watch_new = watch_new;
  s.poll = system_poll;
  const poll_api *api = &s.api;
  api->watch_new(api, 3, POLLIN, on_config_changed, NULL);
  poll_loop(&s);
  return 0;
}
