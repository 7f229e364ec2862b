/* A miniature of Redis's `ae`: file and time events in tables, a loop-run
 * function that waits in a message queue (not a poll stallcheck knows) and
 * dispatches through the tables.  tests/config/mini_ae.test teaches it with
 * "loops", "registrars" and "offload". */
#include <mqueue.h>
#include <stdio.h>
#include <unistd.h>

typedef void ae_file_proc(int fd, void *data);
typedef long ae_time_proc(long id, void *data);
typedef void bio_job(void *arg);

static struct { ae_file_proc *proc; void *data; } files[64];
static struct { ae_time_proc *proc; void *data; } timers[16];
static mqd_t events;

int ae_create_file_event(int fd, int mask, ae_file_proc *proc, void *data) {
  (void)mask;
  files[fd].proc = proc;
  files[fd].data = data;
  return 0;
}

long ae_create_time_event(long ms, ae_time_proc *proc, void *data) {
  timers[ms % 16].proc = proc;
  timers[ms % 16].data = data;
  return ms;
}

void bio_submit(int type, bio_job *job, void *arg); /* a worker thread runs it */

int ae_process_events(void) {
  int fd = -1;
  if (mq_receive(events, (char *)&fd, sizeof fd, NULL) < 0) return 0;
  if (fd >= 0 && fd < 64 && files[fd].proc) files[fd].proc(fd, files[fd].data);
  for (int i = 0; i < 16; i++)
    if (timers[i].proc) timers[i].proc(i, timers[i].data);
  return 1;
}

static void free_slowly(void *arg) {
  (void)arg;
  usleep(1000); /* on the worker: silent */
}

static void read_query(int fd, void *data) {
  char buf[512];
  (void)data;
  (void)read(fd, buf, sizeof buf); /* the loop said fd is ready */
  FILE *log = fopen("/var/log/mini.log", "a");
  if (log) fclose(log);
  bio_submit(0, free_slowly, NULL);
}

static long cron(long id, void *data) {
  (void)id;
  (void)data;
  sleep(1);
  return 100;
}

int main(void) {
  ae_create_file_event(0, 1, read_query, NULL);
  ae_create_time_event(1, cron, NULL);
  for (;;) ae_process_events();
}
