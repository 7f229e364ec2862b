// A thread that polls with a zero timeout and paces itself with a sleep is a
// worker loop (memcached's logger thread), not an event loop: its sleep is
// not reported.  The same loop waiting in poll with a timeout is an event
// loop, and the sleep in it stalls its descriptors (second RUN line).
// RUN: %stallcheck %s -- 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: not %stallcheck %s -- -DTIMEOUT=100 2>&1 | FileCheck %s --check-prefix=WAITS --implicit-check-not=warning:
#include <poll.h>
#include <unistd.h>

#ifndef TIMEOUT
#define TIMEOUT 0
#endif

struct watcher {
  int fd;
  void (*on_ready)(struct watcher *w);
};

static struct pollfd fds[16];
static struct watcher *watchers[16];
static volatile int running = 1;

static void flush_logs(struct watcher *w) { (void)w; }

static void *logger_thread(void *arg) {
  (void)arg;
  while (running) {
    int n = poll(fds, 16, TIMEOUT);
    for (int i = 0; i < 16 && n > 0; i++)
      if (fds[i].revents) watchers[i]->on_ready(watchers[i]);
    // WAITS: zero_timeout_poll_is_not_a_loop.c:[[@LINE+1]]:5: warning: 'usleep' blocks the event loop in 'logger_thread'
    usleep(1000);
  }
  return 0;
}

int main(void) {
  static struct watcher w = {0, flush_logs};
  watchers[0] = &w;
  logger_thread(0);
  return 0;
}
