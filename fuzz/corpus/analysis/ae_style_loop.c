// A Redis-style event loop written by hand: the registrar stores the handler
// into a field, the loop waits in a function two calls down and dispatches
// through that field.  Handlers run on the loop thread with no configuration.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <sys/epoll.h>
#include <unistd.h>

struct loop;

typedef void fileProc(struct loop *l, int fd, void *data);
typedef struct fileEvent {
  fileProc *rproc;
  void *data;
} fileEvent;
typedef struct loop {
  int epfd, stop;
  fileEvent events[1024];
  struct epoll_event fired[64];
} loop;

int createFileEvent(loop *l, int fd, fileProc *proc, void *data) {
  fileEvent *fe = &l->events[fd];
  fe->rproc = proc;
  fe->data = data;
  return 0;
}

static int apiPoll(loop *l) { return epoll_wait(l->epfd, l->fired, 64, 100); }

static void processEvents(loop *l) {
  int n = apiPoll(l);
  for (int j = 0; j < n; j++) {
    fileEvent *fe = &l->events[l->fired[j].data.fd];
    fe->rproc(l, l->fired[j].data.fd, fe->data);
  }
}

void loopMain(loop *l) {
  while (!l->stop) processEvents(l);
}

static void saveHandler(loop *l, int fd, void *data) {
  (void)l;
  (void)data;
  // CHECK: ae_style_loop.c:[[@LINE+1]]:3: warning: 'fsync' blocks the event loop in 'loopMain'
  fsync(fd);
}

static loop el;
int main(void) {
  el.epfd = epoll_create1(0);
  createFileEvent(&el, 5, saveHandler, NULL);
  loopMain(&el);
  return 0;
}
// CHECK: ae_style_loop.c:39:3: note: this loop in 'loopMain' waits in 'processEvents' and dispatches events
// CHECK: ae_style_loop.c:39:20: note: 'loopMain' calls 'processEvents' here
// CHECK: ae_style_loop.c:34:5: note: 'processEvents' calls 'saveHandler' here, through field 'rproc'
