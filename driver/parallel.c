/*
 * parallel.c - a fixed pool of threads pulling TU indexes from an atomic
 * counter.  Each TU is independent until linking, so no other coordination
 * is needed; results land in their own slot.
 */
#include "parallel.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "frontend.h"

typedef struct pool {
  const sc_compdb *db;
  sc_facts **out;
  atomic_size_t next;
  size_t done;
  pthread_mutex_t lock;
  sc_progress_fn progress;
  void *ctx;
  const char *cache_dir;
  size_t from_cache;
} pool;

/* The files one TU read, for its cache entry. */
typedef struct file_list {
  char **items;
  size_t count, cap;
} file_list;

static void add_file(void *ctx, const char *path) {
  file_list *l = ctx;
  if (l->count == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    l->items = realloc(l->items, l->cap * sizeof *l->items);
    if (!l->items) abort();
  }
  l->items[l->count++] = strdup(path);
}

static sc_facts *parse_one(pool *p, CXIndex index, const sc_compile_command *cmd, int *hit) {
  *hit = 0;
  if (!p->cache_dir) return sc_frontend_parse(index, cmd, NULL, 0);
  sc_facts *facts = sc_cache_lookup(p->cache_dir, cmd);
  if (facts) {
    *hit = 1;
    return facts;
  }
  file_list files = {0};
  facts = sc_frontend_parse_files(index, cmd, NULL, 0, add_file, &files);
  sc_cache_store(p->cache_dir, cmd, facts, files.items, files.count);
  for (size_t i = 0; i < files.count; i++) free(files.items[i]);
  free(files.items);
  return facts;
}

static void *worker(void *arg) {
  pool *p = arg;
  CXIndex index = clang_createIndex(0, 0);
  for (;;) {
    size_t i = atomic_fetch_add(&p->next, 1);
    if (i >= p->db->count) break;
    int hit;
    p->out[i] = parse_one(p, index, &p->db->commands[i], &hit);
    pthread_mutex_lock(&p->lock);
    p->from_cache += (size_t)hit;
    p->done++;
    if (p->progress) p->progress(p->ctx, p->done, p->db->count, p->db->commands[i].file);
    pthread_mutex_unlock(&p->lock);
  }
  clang_disposeIndex(index);
  return NULL;
}

int sc_default_jobs(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int)n : 1;
}

sc_facts **sc_parse_all(const sc_compdb *db, int jobs, sc_progress_fn progress, void *ctx) {
  return sc_parse_all_cached(db, jobs, progress, ctx, NULL, NULL);
}

sc_facts **sc_parse_all_cached(const sc_compdb *db, int jobs, sc_progress_fn progress, void *ctx,
                               const char *cache_dir, size_t *from_cache) {
  pool p = {.db = db, .progress = progress, .ctx = ctx, .cache_dir = cache_dir};
  p.out = calloc(db->count ? db->count : 1, sizeof *p.out);
  if (!p.out) {
    fputs("stallcheck: out of memory\n", stderr);
    exit(2);
  }
  atomic_init(&p.next, 0);
  pthread_mutex_init(&p.lock, NULL);
  if (jobs <= 0) jobs = sc_default_jobs();
  if ((size_t)jobs > db->count) jobs = db->count ? (int)db->count : 1;
  if (jobs == 1) {
    worker(&p);
  } else {
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    int started = 0;
    for (int i = 0; i < jobs; i++)
      if (pthread_create(&threads[started], NULL, worker, &p) == 0) started++;
    if (started == 0) worker(&p); /* no threads to be had: do it here */
    for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
    free(threads);
  }
  pthread_mutex_destroy(&p.lock);
  if (from_cache) *from_cache = p.from_cache;
  return p.out;
}
