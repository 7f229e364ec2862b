// Redis's AOF loader: a loop that executes commands read from a file and
// now and then calls a self-contained event step (processEventsWhileBlocked)
// is not an event loop itself; the event step's own loop is.  Findings name
// the real loop.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not="loop in 'load_commands'"
#include <stdio.h>
#include <sys/epoll.h>
#include <unistd.h>

typedef void command_proc(const char *arg);
struct command {
  const char *name;
  command_proc *proc;
};
typedef void handler(int fd);

static int epfd;
static handler *handlers[1024];

static int process_events(void) {
  struct epoll_event ev[64];
  int n = epoll_wait(epfd, ev, 64, 100);
  for (int i = 0; i < n; i++) handlers[ev[i].data.fd](ev[i].data.fd);
  return n;
}

static void process_events_while_blocked(void) {
  for (int i = 0; i < 4; i++) process_events();
}

static void save_command(const char *arg) {
  (void)arg;
  // CHECK: occasional_event_step_is_not_a_loop.c:[[@LINE+1]]:3: warning: 'fsync' blocks the event loop in '{{event_main|process_events_while_blocked}}'
  fsync(3);
}

static struct command commands[] = {{"save", save_command}};

static void on_client(int fd) {
  char name[16];
  if (read(fd, name, sizeof name) > 0) commands[0].proc(name);
}

static void load_commands(FILE *f) {
  char line[256];
  long loaded = 0;
  while (fgets(line, sizeof line, f)) {
    commands[0].proc(line);
    if (++loaded % 1024 == 0) process_events_while_blocked();
  }
}

static void event_main(void) {
  for (;;) process_events();
}

int main(void) {
  handlers[0] = on_client;
  load_commands(stdin);
  event_main();
}
