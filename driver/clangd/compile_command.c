/*
 * compile_command.c - finding a file's compile command like clangd does.
 *
 * The database is reloaded only when its file changes: a project's
 * compile_commands.json can hold thousands of entries, and analyses run
 * after every pause in typing.
 */
#include "compile_command.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The last database loaded (only the analysis thread uses it, the lock is
 * for safety should there ever be two). */
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static char cache_path[PATH_MAX];
static struct timespec cache_mtime;
static off_t cache_size;
static sc_compdb cache_db;

static int is_file(const char *path, struct stat *st) { return stat(path, st) == 0 && S_ISREG(st->st_mode); }

static size_t common_prefix(const char *a, const char *b) {
  size_t n = 0;
  while (a[n] && a[n] == b[n]) n++;
  return n;
}

/* One command for `path` out of the database at `json` (cached). */
static int from_database(const char *json, const struct stat *st, const char *path, sc_compdb *out, char *err,
                         size_t errsize) {
  pthread_mutex_lock(&cache_lock);
  if (strcmp(cache_path, json) != 0 || st->st_mtim.tv_sec != cache_mtime.tv_sec ||
      st->st_mtim.tv_nsec != cache_mtime.tv_nsec || st->st_size != cache_size) {
    sc_compdb_free(&cache_db);
    cache_path[0] = '\0';
    if (sc_compdb_load(json, &cache_db, err, errsize) != 0) {
      pthread_mutex_unlock(&cache_lock);
      return -1;
    }
    snprintf(cache_path, sizeof cache_path, "%s", json);
    cache_mtime = st->st_mtim;
    cache_size = st->st_size;
  }
  /* The file's own entry, else the entry nearest in the tree. */
  const sc_compile_command *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < cache_db.count; i++) {
    const sc_compile_command *c = &cache_db.commands[i];
    if (strcmp(c->file, path) == 0) {
      best = c;
      break;
    }
    size_t n = common_prefix(c->file, path);
    if (!best || n > best_len) {
      best = c;
      best_len = n;
    }
  }
  int rc = -1;
  if (!best) {
    snprintf(err, errsize, "%s has no entries", json);
  } else {
    size_t nargs = 0;
    char **args = sc_compdb_parse_args(best, &nargs);
    char *files[] = {(char *)path};
    rc = sc_compdb_from_args(files, 1, args, nargs, best->directory, out, err, errsize);
    sc_compdb_free_args(args, nargs);
  }
  pthread_mutex_unlock(&cache_lock);
  return rc;
}

/* `cc <one flag per line of compile_flags.txt> path` in its directory. */
static int from_flags_file(const char *flags_path, const char *dir, const char *path, sc_compdb *out, char *err,
                           size_t errsize) {
  FILE *f = fopen(flags_path, "r");
  if (!f) {
    snprintf(err, errsize, "cannot read %s: %s", flags_path, strerror(errno));
    return -1;
  }
  char **flags = NULL;
  size_t nflags = 0;
  char line[4096];
  while (fgets(line, sizeof line, f)) {
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
      line[--n] = '\0';
    if (n == 0) continue;
    char **grown = realloc(flags, (nflags + 1) * sizeof *flags);
    if (!grown) break;
    flags = grown;
    flags[nflags++] = strdup(line);
  }
  fclose(f);
  char *files[] = {(char *)path};
  int rc = sc_compdb_from_args(files, 1, flags, nflags, dir, out, err, errsize);
  for (size_t i = 0; i < nflags; i++) free(flags[i]);
  free(flags);
  return rc;
}

int find_compile_command(const char *path, const char *compile_commands_dir, sc_compdb *out, char *origin,
                         size_t origin_size, char *err, size_t errsize) {
  char candidate[PATH_MAX + 32];
  struct stat st;
  memset(out, 0, sizeof *out);
  if (compile_commands_dir) {
    snprintf(candidate, sizeof candidate, "%s/compile_commands.json", compile_commands_dir);
    snprintf(origin, origin_size, "%s", candidate);
    if (is_file(candidate, &st)) return from_database(candidate, &st, path, out, err, errsize);
  } else {
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    while (slash) {
      *slash = '\0';
      const char *d = dir[0] ? dir : "/";
      static const char *const json_names[] = {"compile_commands.json", "build/compile_commands.json"};
      for (int i = 0; i < 2; i++) {
        snprintf(candidate, sizeof candidate, "%s/%s", dir, json_names[i]);
        if (is_file(candidate, &st)) {
          snprintf(origin, origin_size, "%s", candidate);
          return from_database(candidate, &st, path, out, err, errsize);
        }
      }
      snprintf(candidate, sizeof candidate, "%s/compile_flags.txt", dir);
      if (is_file(candidate, &st)) {
        snprintf(origin, origin_size, "%s", candidate);
        return from_flags_file(candidate, d, path, out, err, errsize);
      }
      slash = strrchr(dir, '/');
    }
  }
  /* Nothing: what clangd falls back to for a C file. */
  snprintf(origin, origin_size, "the default command (cc -xc)");
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", path);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = '\0';
  char *files[] = {(char *)path};
  char *flags[] = {"-xc"};
  return sc_compdb_from_args(files, 1, flags, 1, dir[0] ? dir : "/", out, err, errsize);
}
