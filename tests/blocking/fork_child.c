// Code in the child of fork() runs in a new process, not on the loop thread:
// under `if (fork() == 0)`, `if ((pid = wrapper()) == 0)` where the wrapper
// returns fork()'s value (redis's redisFork()), `if (!fork())`, the `else`
// of `if (pid)`, and `switch (pid) { case 0: }`.  From the case studies
// (docs/case-studies/): redis's AOF rewrite and RDB save children, tmux's
// job.c child.  The parent's branch, and a function that forks but returns
// something else, are still on the loop thread.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>
#include <uv.h>

static void child_work(const char *path) {
  FILE *f = fopen(path, "w");   // runs in the child process: silent
  if (f) { fputs("x", f); fflush(f); fsync(fileno(f)); fclose(f); }
  _exit(0);
}

static void parent_work(void) {
  sleep(1);
  // CHECK: [[@LINE-1]]:3: warning: 'sleep' blocks the libuv event loop
}

static void parent_work2(void) {
  usleep(1);
  // CHECK: [[@LINE-1]]:3: warning: 'usleep' blocks the libuv event loop
}

// Forks, but returns 0 for success in the parent.
static int spawn_helper(void) {
  pid_t pid = fork();
  if (pid == 0) _exit(execl("/bin/true", "true", (char *)NULL));
  return pid < 0 ? -1 : 0;
}

static int child_save(void) { return 0; }

// Like redisFork(): returns what fork() returned.
static pid_t app_fork(void) {
  pid_t pid = fork();
  if (pid == 0) {
    /* child set-up */
  }
  return pid;
}

static void on_timer(uv_timer_t *t) {
  (void)t;
  pid_t pid;
  if ((pid = app_fork()) == 0) {
    child_work("/tmp/snapshot");
    // A test of another call's result inside the child (redis's
    // `if (rewriteAppendOnlyFile(tmpfile) == C_OK)`) is still the child.
    if (child_save() == 0) child_work("/tmp/nested");
    int saved = child_save();
    if (saved == 0) child_work("/tmp/nested-local");
  } else {
    parent_work();
  }
  switch (fork()) {
  case 0:
    child_work("/tmp/job");
    break;
  default:
    break;
  }
  pid = fork();
  if (pid)
    parent_work2();
  else
    child_work("/tmp/else");
  if (!fork()) child_work("/tmp/not");
  if (spawn_helper() == 0) {
    usleep(10); // spawn_helper returns 0 in the parent: still the loop thread
    // CHECK: [[@LINE-1]]:5: warning: 'usleep' blocks the libuv event loop
  }
}

int main(void) {
  uv_timer_t t;
  uv_timer_init(uv_default_loop(), &t);
  uv_timer_start(&t, on_timer, 0, 1000);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
