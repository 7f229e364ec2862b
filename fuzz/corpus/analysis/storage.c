/* storage.c - the in-memory table, SAVE, and the journal. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kvd.h"

#define SLOTS 1024
static char keys[SLOTS][64];

const char *storage_get(const char *key) {
  for (int i = 0; i < SLOTS; i++)
    if (!strcmp(keys[i], key)) return keys[i];
  return NULL;
}

void storage_set(const char *key, const char *value) {
  (void)value;
  for (int i = 0; i < SLOTS; i++)
    if (!keys[i][0]) {
      strncpy(keys[i], key, sizeof keys[i] - 1);
      return;
    }
}

/* STALL (CPU): compares every key with every other one, on the loop. */
int storage_duplicates(size_t n) {
  int dups = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) dups += !strcmp(keys[i % SLOTS], keys[j % SLOTS]);
  return dups;
}

void storage_save(void) {
  FILE *f = fopen("kvd.db", "w"); /* STALL: file I/O on the loop thread */
  if (!f) return;
  for (int i = 0; i < SLOTS; i++)
    if (keys[i][0]) fprintf(f, "%s\n", keys[i]);
  fflush(f);         /* STALL */
  fsync(fileno(f));  /* STALL: waits until the disk has the data */
  fclose(f);
}

/* OK: the journal is appended with libuv's asynchronous file API. */
static uv_fs_t journal_open, journal_write;
static uv_file journal = -1;
static char pending[256];

static void on_journal_written(uv_fs_t *req) { uv_fs_req_cleanup(req); }

static void on_journal_open(uv_fs_t *req) {
  journal = (uv_file)req->result;
  uv_fs_req_cleanup(req);
}

void storage_log(const char *line) {
  if (journal < 0) {
    uv_fs_open(uv_default_loop(), &journal_open, "kvd.journal", O_WRONLY | O_APPEND | O_CREAT, 0644,
               on_journal_open);
    return;
  }
  snprintf(pending, sizeof pending, "%s\n", line);
  uv_buf_t buf = uv_buf_init(pending, (unsigned)strlen(pending));
  uv_fs_write(uv_default_loop(), &journal_write, journal, &buf, 1, -1, on_journal_written);
}
