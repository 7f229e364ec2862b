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
 */
#include "cache.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stallcheck/facts_io.h"
#include "stallcheck/findings.h"

#define DEPS_MAGIC "stallcheck-cache 1 " STALLCHECK_VERSION

static uint64_t fnv(uint64_t h, const char *s) {
  for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
  return (h ^ 0xff) * 0x100000001b3ull;
}

static char *entry_path(const char *dir, const sc_compile_command *cmd, const char *ext) {
  uint64_t h = fnv(0xcbf29ce484222325ull, STALLCHECK_VERSION);
  h = fnv(h, cmd->directory);
  h = fnv(h, cmd->file);
  for (size_t i = 0; i < cmd->argc && cmd->argv[i]; i++) h = fnv(h, cmd->argv[i]);
  return sc_strdupf("%s/%016" PRIx64 "%s", dir, h, ext);
}

sc_facts *sc_cache_lookup(const char *dir, const sc_compile_command *cmd) {
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

typedef struct deps_list {
  char **files;
  size_t nfiles;
} deps_list;

static int write_deps(FILE *out, void *ctx) {
  const deps_list *d = ctx;
  fprintf(out, "%s\n", DEPS_MAGIC);
  for (size_t i = 0; i < d->nfiles; i++) {
    struct stat st;
    if (strchr(d->files[i], '\n') || stat(d->files[i], &st) != 0) return -1; /* cannot vouch for it */
    fprintf(out, "%llu %lld %lld %s\n", (unsigned long long)st.st_size, (long long)st.st_mtim.tv_sec,
            (long long)st.st_mtim.tv_nsec, d->files[i]);
  }
  return ferror(out) ? -1 : 0;
}

void sc_cache_store(const char *dir, const sc_compile_command *cmd, const sc_facts *facts, char **files,
                    size_t nfiles) {
  if (facts->parse_failed || facts->ndiags) return; /* compile errors: parse it again next time */
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) return;
  char *deps_path = entry_path(dir, cmd, ".deps"), *facts_path = entry_path(dir, cmd, ".facts");
  deps_list d = {files, nfiles};
  unlink(deps_path); /* no stale deps may vouch for the new facts while they are written */
  if (replace_file(facts_path, write_facts, (void *)facts) == 0) replace_file(deps_path, write_deps, &d);
  free(deps_path);
  free(facts_path);
}
