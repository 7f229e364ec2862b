// A condition-variable wait (pthread_cond_wait / pthread_cond_timedwait)
// is not reported in a program that never starts a thread.
//
// Real code (dbus 1.14.10 dbus-daemon, 2 findings; the compile database has
// no pthread_create/thrd_create/g_thread_new outside test/, which is not
// built):
//  - dbus/dbus-connection.c:1084-1112 _dbus_connection_acquire_io_path:
//      if (connection->io_path_acquired) {
//        if (timeout_milliseconds != -1) _dbus_condvar_wait_timeout (...);
//        else while (connection->io_path_acquired) _dbus_condvar_wait (...);
//      }
//    -> dbus/dbus-sysdeps-pthread.c:218 pthread_cond_wait and :251
//    pthread_cond_timedwait, reached from _dbus_loop_run > _dbus_loop_iterate
//    > dbus_watch_handle > _dbus_connection_handle_watch.
//
// Expected: in a whole program with no thread-creating call (pthread_create,
// thrd_create, g_thread_new, uv_thread_create, std::thread, ..., nor a
// library that calls back from its own threads), lock and condition waits
// are silent.  condvar_wait_with_threads_control.c is the same code plus
// one pthread_create: there the waits stay reported (it passes today).
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
    pthread_cond_wait(&c->io_path_cond, &c->io_path_mutex);   // one thread: never waits
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

int main(void) {
  struct event_base *base = event_base_new();
  struct event *ev = event_new(base, 0, EV_READ | EV_PERSIST, on_readable, &conn);
  event_add(ev, NULL);
  return event_base_dispatch(base);
}
