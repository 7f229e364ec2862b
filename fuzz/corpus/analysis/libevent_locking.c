// libevent calls from another thread are safe once evthread_use_pthreads()
// has run; without it they race with the loop.
// RUN: %stallcheck %s -- -DLOCKED 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --check-prefix=RACE --implicit-check-not=warning:
#include <event2/event.h>
#include <event2/thread.h>
#include <pthread.h>

static struct event *ev;

static void *producer(void *arg) {
  (void)arg;
  // RACE: libevent_locking.c:[[@LINE+1]]:3: warning: 'event_active' is called on a pthread worker thread{{.*}}[loop-api-off-loop-thread]
  event_active(ev, EV_READ, 0);
  return NULL;
}

static void on_event(evutil_socket_t fd, short what, void *arg) { (void)fd, (void)what, (void)arg; }

int main(void) {
  pthread_t th;
#ifdef LOCKED
  evthread_use_pthreads();
#endif
  struct event_base *base = event_base_new();
  ev = event_new(base, -1, EV_PERSIST, on_event, NULL);
  pthread_create(&th, NULL, producer, NULL);
  return event_base_dispatch(base);
}
