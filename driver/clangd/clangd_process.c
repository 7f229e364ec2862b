/*
 * clangd_process.c - finding, starting and reaping clangd.
 */
#include "clangd_process.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"

extern char **environ;

static int is_self(const char *path) {
  char self[PATH_MAX], other[PATH_MAX];
  if (!realpath("/proc/self/exe", self) || !realpath(path, other)) return 0;
  return strcmp(self, other) == 0;
}

static int executable(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0 && !is_self(path);
}

/* `name` looked up on PATH, or NULL. */
static char *on_path(const char *name) {
  const char *path = getenv("PATH");
  if (!path) return NULL;
  size_t nlen = strlen(name);
  while (*path) {
    const char *colon = strchr(path, ':');
    size_t dlen = colon ? (size_t)(colon - path) : strlen(path);
    char *candidate = malloc(dlen + nlen + 3);
    if (!candidate) return NULL;
    if (dlen == 0)
      memcpy(candidate, ".", 2);
    else {
      memcpy(candidate, path, dlen);
      candidate[dlen] = '\0';
    }
    strcat(candidate, "/");
    strcat(candidate, name);
    if (executable(candidate)) return candidate;
    free(candidate);
    if (!colon) break;
    path = colon + 1;
  }
  return NULL;
}

char *clangd_find(const char *requested) {
  if (requested) {
    if (strchr(requested, '/')) return executable(requested) ? strdup(requested) : NULL;
    return on_path(requested);
  }
  char *found = on_path("clangd-22");
  if (found) return found;
  if (executable("/usr/lib/llvm-22/bin/clangd")) return strdup("/usr/lib/llvm-22/bin/clangd");
  return on_path("clangd");
}

int clangd_start(const char *path, char **argv, clangd_process *out) {
  int in[2], outp[2];
  if (pipe2(in, O_CLOEXEC) != 0) {
    log_msg("cannot create a pipe: %s", strerror(errno));
    return -1;
  }
  if (pipe2(outp, O_CLOEXEC) != 0) {
    log_msg("cannot create a pipe: %s", strerror(errno));
    close(in[0]);
    close(in[1]);
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  /* dup2 clears close-on-exec on the copies: only 0 and 1 (and our stderr)
   * reach clangd. */
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, outp[1], STDOUT_FILENO);
  /* clangd must not inherit our ignored SIGPIPE. */
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  pid_t pid;
  int rc = posix_spawn(&pid, path, &actions, &attr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  close(in[0]);
  close(outp[1]);
  if (rc != 0) {
    log_msg("cannot start %s: %s", path, strerror(rc));
    close(in[1]);
    close(outp[0]);
    return -1;
  }
  out->pid = pid;
  out->to_clangd = in[1];
  out->from_clangd = outp[0];
  return 0;
}

int clangd_reap(clangd_process *p) {
  if (p->to_clangd >= 0) close(p->to_clangd);
  if (p->from_clangd >= 0) close(p->from_clangd);
  p->to_clangd = p->from_clangd = -1;
  if (p->pid <= 0) return 0;
  int status = 0;
  /* It closed its output: it is exiting.  Give it a moment, then insist. */
  for (int i = 0; i < 50; i++) {
    pid_t r = waitpid(p->pid, &status, WNOHANG);
    if (r == p->pid || (r < 0 && errno != EINTR)) goto reaped;
    usleep(20000);
  }
  kill(p->pid, SIGKILL);
  while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR) {
  }
reaped:
  p->pid = 0;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}
