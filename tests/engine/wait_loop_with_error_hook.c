// A scheduler whose "next event" function waits in its own loop and calls a
// hook on an error path, while the loop around it runs the handlers:
//   while ((t = fetch_next(m))) t->func(t);
// The outer loop is the event loop (it dispatches to every handler); the
// inner one only waits (its one call through a pointer is the hook).
//
// Real code (keepalived 2.2.7 lib/scheduler.c): process_threads loops over
// thread_fetch_next_queue, which waits in epoll_wait and calls
// `shutdown_function` after five epoll errors; thread_call runs
// `(*thread->func)(thread)`.  Only the inner loop was taken, and none of
// the handlers keepalived registers was analysed (11 findings, all on the
// shutdown path; 46 now, the same as with the configuration that names
// process_threads).
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>

typedef struct thread thread;
typedef int (*thread_func)(thread *t);
struct thread {
  thread_func func;
  thread *next;
};
typedef struct master {
  int epoll_fd;
  thread *ready;
} master;

void (*shutdown_function)(int status);

static thread *fetch_next(master *m) {
  struct epoll_event events[16];
  int errors = 0;
  do {
    if (m->ready) return m->ready;
    int n = epoll_wait(m->epoll_fd, events, 16, -1);
    if (n < 0 && ++errors == 5 && shutdown_function) shutdown_function(1);
    for (int i = 0; i < n; i++) m->ready = events[i].data.ptr;
  } while (1);
}

static void call(thread *t) { t->func(t); }

static void process_threads(master *m) {
  thread *t;
  while ((t = fetch_next(m))) {
    m->ready = t->next;
    call(t);
  }
}

static int h_read(thread *t) { return 0; }
static int h_write(thread *t) { return 0; }
static int h_timer(thread *t) { return 0; }
static int h_child(thread *t) { return 0; }
static int h_signal(thread *t) { return 0; }
static int h_event(thread *t) { return 0; }
static int h_check(thread *t) { return 0; }
static int h_reload(thread *t) {
  FILE *f = fopen("/etc/app/app.conf", "r");
  // CHECK: wait_loop_with_error_hook.c:[[@LINE-1]]:13: warning: 'fopen' blocks the event loop in 'process_threads'
  if (f) fclose(f);
  return 0;
}

static void stop(int status) { exit(status); }

static thread *add(master *m, thread_func func) {
  thread *t = calloc(1, sizeof *t);
  t->func = func;
  t->next = m->ready;
  m->ready = t;
  return t;
}

int main(void) {
  static master m;
  m.epoll_fd = epoll_create1(0);
  shutdown_function = stop;
  thread_func all[] = {h_read, h_write, h_timer, h_child, h_signal, h_event, h_check, h_reload};
  for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++) add(&m, all[i]);
  process_threads(&m);
  return 0;
}
