// A condition-variable wait in a program that starts a thread is reported
// (the counterpart of condvar_without_threads.c): another thread may hold
// the io path while the loop callback runs, so the condition wait is a real
// wait on the loop.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

struct connection {
  pthread_mutex_t io_path_mutex;
  pthread_cond_t io_path_cond;
  bool io_path_acquired;
};

static struct connection conn = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};

static void acquire_io_path(struct connection *c) {
  pthread_mutex_lock(&c->io_path_mutex);
  while (c->io_path_acquired)
    pthread_cond_wait(&c->io_path_cond, &c->io_path_mutex);
  // CHECK: [[@LINE-1]]:5: warning: 'pthread_cond_wait' blocks the libevent event loop
  c->io_path_acquired = true;
  pthread_mutex_unlock(&c->io_path_mutex);
}

static void release_io_path(struct connection *c) {
  pthread_mutex_lock(&c->io_path_mutex);
  c->io_path_acquired = false;
  pthread_cond_signal(&c->io_path_cond);
  pthread_mutex_unlock(&c->io_path_mutex);
}

static void on_readable(evutil_socket_t fd, short what, void *arg) {
  (void)fd; (void)what;
  struct connection *c = arg;
  acquire_io_path(c);
  release_io_path(c);
  sleep(1);   // positive control: a real wait whatever the threads
  // CHECK: [[@LINE-1]]:3: warning: 'sleep' blocks the libevent event loop
}

static void *sender_thread(void *arg) {
  struct connection *c = arg;
  acquire_io_path(c);
  release_io_path(c);
  return NULL;
}

int main(void) {
  pthread_t sender;
  pthread_create(&sender, NULL, sender_thread, &conn);
  struct event_base *base = event_base_new();
  struct event *ev = event_new(base, 0, EV_READ | EV_PERSIST, on_readable, &conn);
  event_add(ev, NULL);
  return event_base_dispatch(base);
}
