/*
 * cache.c - the facts cache (cache.h).
 *
 * <dir>/<key>.facts holds the TU's facts (the facts-file format) and
 * <dir>/<key>.deps the files it read:
 *
 *   stallcheck-cache 1 <version>
 *   <size> <mtime seconds> <mtime nanoseconds> <path>
 *   ...
 *
 * Both are written to temporaries and renamed, the facts first: a reader
 * that finds deps that still match finds the facts that go with them.
 *
 * A file modified while stallcheck runs may have been read before the change
 * and stat'ed after it, so its size and mtime would vouch for facts of its
 * old contents.  As git does with "racily clean" index entries, a TU that
 * read a file modified after the run began (or dated in the future) is not
 * stored: it is parsed again next time.
 */
#include "cache.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "stallcheck/facts_io.h"
#include "stallcheck/findings.h"

#define DEPS_MAGIC "stallcheck-cache 1 " STALLCHECK_VERSION

static uint64_t fnv(uint64_t h, const char *s) {
  for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
  return (h ^ 0xff) * 0x100000001b3ull;
}

/* When the run began, by the clock the kernel stamps files with (the coarse
 * one, updated each jiffy): a file written after that instant has an mtime
 * no earlier than it, and one written a jiffy or more before, an earlier
 * one.  Set by the first lookup, which comes before any parse. */
static struct timespec run_start;
static pthread_once_t run_start_once = PTHREAD_ONCE_INIT;

static void mark_run_start(void) {
  if (clock_gettime(CLOCK_REALTIME_COARSE, &run_start) != 0) clock_gettime(CLOCK_REALTIME, &run_start);
}

static int changed_during_run(const struct stat *st) {
  pthread_once(&run_start_once, mark_run_start);
  /* A whole-second mtime comes from a file system with a coarse clock (FAT
   * keeps 2 s): compare in seconds, with that much slack. */
  if (st->st_mtim.tv_nsec == 0) return st->st_mtim.tv_sec >= run_start.tv_sec - 2;
  return st->st_mtim.tv_sec > run_start.tv_sec ||
         (st->st_mtim.tv_sec == run_start.tv_sec && st->st_mtim.tv_nsec >= run_start.tv_nsec);
}

static char *entry_path(const char *dir, const sc_compile_command *cmd, const char *ext) {
  uint64_t h = fnv(0xcbf29ce484222325ull, STALLCHECK_VERSION);
  h = fnv(h, cmd->directory);
  h = fnv(h, cmd->file);
  for (size_t i = 0; i < cmd->argc && cmd->argv[i]; i++) h = fnv(h, cmd->argv[i]);
  return sc_strdupf("%s/%016" PRIx64 "%s", dir, h, ext);
}

sc_facts *sc_cache_lookup(const char *dir, const sc_compile_command *cmd) {
  pthread_once(&run_start_once, mark_run_start);
  char *deps_path = entry_path(dir, cmd, ".deps"), *facts_path = entry_path(dir, cmd, ".facts");
  sc_facts *found = NULL;
  FILE *deps = fopen(deps_path, "r");
  char *line = NULL;
  size_t cap = 0;
  int fresh = deps != NULL;
  if (fresh) {
    ssize_t n = getline(&line, &cap, deps);
    fresh = n > 0 && !strncmp(line, DEPS_MAGIC "\n", (size_t)n);
  }
  while (fresh && getline(&line, &cap, deps) > 0) {
    unsigned long long size;
    long long sec, nsec;
    int used = 0;
    if (sscanf(line, "%llu %lld %lld %n", &size, &sec, &nsec, &used) != 3 || used == 0) {
      fresh = 0;
      break;
    }
    char *path = line + used;
    path[strcspn(path, "\n")] = 0;
    struct stat st;
    if (stat(path, &st) != 0 || (unsigned long long)st.st_size != size || (long long)st.st_mtim.tv_sec != sec ||
        (long long)st.st_mtim.tv_nsec != nsec)
      fresh = 0;
  }
  if (deps) fclose(deps);
  free(line);
  if (fresh) {
    sc_facts **tus = NULL;
    char err[256];
    int n = sc_facts_read_file(facts_path, &tus, err, sizeof err);
    if (n == 1) {
      found = tus[0];
    } else {
      for (int i = 0; i < n; i++) sc_facts_free(tus[i]);
    }
    free(tus);
  }
  free(deps_path);
  free(facts_path);
  return found;
}

/* Writes `path` through a temporary and a rename; returns 0 or -1. */
static int replace_file(const char *path, int (*write)(FILE *out, void *ctx), void *ctx) {
  char *tmp = sc_strdupf("%s.XXXXXX", path);
  int fd = mkstemp(tmp), rc = -1;
  FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (out) {
    rc = write(out, ctx);
    if (fclose(out) != 0) rc = -1;
    if (rc == 0 && rename(tmp, path) != 0) rc = -1;
  } else if (fd >= 0) {
    close(fd);
  }
  if (rc != 0) unlink(tmp);
  free(tmp);
  return rc;
}

static int write_facts(FILE *out, void *ctx) { return sc_facts_write(out, ctx); }

/* The deps of an entry, as text: NULL when a file cannot be vouched for
 * (gone, a newline in its name, changed during this run). */
static char *format_deps(char **files, size_t nfiles) {
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  if (!out) return NULL;
  int ok = fprintf(out, "%s\n", DEPS_MAGIC) > 0;
  for (size_t i = 0; i < nfiles && ok; i++) {
    struct stat st;
    ok = !strchr(files[i], '\n') && stat(files[i], &st) == 0 && !changed_during_run(&st);
    if (ok)
      fprintf(out, "%llu %lld %lld %s\n", (unsigned long long)st.st_size, (long long)st.st_mtim.tv_sec,
              (long long)st.st_mtim.tv_nsec, files[i]);
  }
  if (ferror(out)) ok = 0;
  if (fclose(out) != 0) ok = 0;
  if (!ok) {
    free(text);
    return NULL;
  }
  return text;
}

static int write_text(FILE *out, void *ctx) { return fputs(ctx, out) < 0 ? -1 : 0; }

void sc_cache_store(const char *dir, const sc_compile_command *cmd, const sc_facts *facts, char **files,
                    size_t nfiles) {
  if (facts->parse_failed || facts->ndiags) return; /* compile errors: parse it again next time */
  char *deps = format_deps(files, nfiles);
  if (!deps) return;
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    free(deps);
    return;
  }
  char *deps_path = entry_path(dir, cmd, ".deps"), *facts_path = entry_path(dir, cmd, ".facts");
  unlink(deps_path); /* no stale deps may vouch for the new facts while they are written */
  if (replace_file(facts_path, write_facts, (void *)facts) == 0) replace_file(deps_path, write_text, deps);
  free(deps);
  free(deps_path);
  free(facts_path);
}
