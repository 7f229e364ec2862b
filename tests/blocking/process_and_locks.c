// Process waits and lock waits, with the flags that make them not wait.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <uv.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static pthread_t worker;

static void on_child_signal(uv_signal_t *handle, int signum) {
  int status;
  (void)handle;
  (void)signum;
  while (waitpid(-1, &status, WNOHANG) > 0) { // does not wait: silent
  }
  // CHECK: process_and_locks.c:[[@LINE+1]]:3: warning: 'waitpid' blocks the libuv event loop
  waitpid(-1, &status, 0);
}

static void on_timer(uv_timer_t *t) {
  (void)t;
  pthread_mutex_lock(&lock); // short critical sections are normal: silent
  // CHECK: process_and_locks.c:[[@LINE+1]]:3: warning: 'pthread_cond_wait' blocks the libuv event loop
  pthread_cond_wait(&ready, &lock);
  pthread_mutex_unlock(&lock);
  // CHECK: process_and_locks.c:[[@LINE+1]]:3: warning: 'pthread_join' blocks the libuv event loop
  pthread_join(worker, NULL);
  // CHECK: process_and_locks.c:[[@LINE+1]]:3: warning: 'flock' blocks the libuv event loop
  flock(3, LOCK_EX);
  flock(3, LOCK_EX | LOCK_NB); // does not wait: silent
  // CHECK: process_and_locks.c:[[@LINE+1]]:3: warning: 'system' blocks the libuv event loop
  system("sync");
  fprintf(stderr, "tick\n"); // logging to stderr: silent
}

// The thread the timer waits for (a program without threads never gets
// past a condition wait: tests/blocking/condvar_without_threads.c).
static void *produce(void *arg) {
  pthread_mutex_lock(&lock);
  pthread_cond_signal(&ready);
  pthread_mutex_unlock(&lock);
  return arg;
}

int main(void) {
  static uv_timer_t timer;
  static uv_signal_t sig;
  pthread_create(&worker, NULL, produce, NULL);
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 1000);
  uv_signal_init(uv_default_loop(), &sig);
  uv_signal_start(&sig, on_child_signal, SIGCHLD);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
