// CPU work inside a hand-written epoll loop's body, sorts once per item,
// chunked slices, small constant loops and reads until EAGAIN.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <errno.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>

#define MIN(a, b) ((a) < (b) ? (a) : (b))

struct conn {
  void (*on_ready)(struct conn *c);
  int fd;
  size_t nkeys;
  int *keys;
};

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static void handle(struct conn *c) {
  for (size_t i = 0; i < c->nkeys; i++) {
    // CHECK: epoll_loop_sorts_and_chunks.c:[[@LINE+1]]:5: warning: 'qsort' sorts on every iteration of the loop over 'c->nkeys' in 'handle', on the thread of the event loop in 'main' [cpu-heavy-work-on-io-thread]
    qsort(c->keys, c->nkeys, sizeof *c->keys, cmp_int);
    // CHECK: note: the loop is here; sort once after it
    // CHECK: note: remedy: move the work off the loop, to a pool of worker threads
  }
  qsort(c->keys, c->nkeys, sizeof *c->keys, cmp_int); // once per request: silent
  int few[8] = {0};
  for (size_t i = 0; i < c->nkeys; i++) qsort(few, 8, sizeof *few, cmp_int); // eight elements: silent
}

static size_t progress, nconns;

static void step(struct conn *c) {
  size_t end = MIN(c->nkeys, progress + 256);
  for (size_t i = progress; i < MIN(c->nkeys, progress + 256); i++) // one chunk per turn: silent
    for (size_t j = 0; j < c->nkeys; j++) c->keys[i] ^= c->keys[j];
  progress = end;
}

static void drain(int fd) {
  char buf[4096];
  for (;;) { // reads until EAGAIN: silent
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EAGAIN) break;
    if (n <= 0) break;
  }
}

static int small(void) {
  int acc = 0;
  for (int i = 0; i < 64; i++) // a small constant loop: silent
    for (int j = 0; j < 64; j++) acc += i ^ j;
  return acc;
}

static void on_ready(struct conn *c) {
  drain(c->fd);
  handle(c);
  step(c);
  small();
}

int main(void) {
  struct epoll_event evs[64];
  static struct conn conns[64];
  for (int i = 0; i < 64; i++) conns[i].on_ready = on_ready; // start-up, before the loop: silent
  int ep = epoll_create1(0);
  for (;;) {
    int n = epoll_wait(ep, evs, 64, -1);
    for (int i = 0; i < n; i++) {
      struct conn *c = evs[i].data.ptr;
      c->on_ready(c);
    }
    // CHECK: epoll_loop_sorts_and_chunks.c:[[@LINE+3]]:5: warning: nested loops over 'nconns' in 'main', quadratic in 'nconns', run on the thread of the event loop in 'main' [cpu-heavy-work-on-io-thread]
    // CHECK: note: this loop in 'main' waits in 'epoll_wait' and dispatches events
    // CHECK: note: estimated cost: nconns^2 iterations x 2 statements
    for (size_t i = 0; i < nconns; i++) // every pair of clients, every turn
      for (size_t j = 0; j < nconns; j++) {
        conns[i].nkeys += conns[j].nkeys;
        conns[i].fd ^= conns[j].fd;
      }
  }
}
