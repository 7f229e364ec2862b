/*
 * merge.c - the `stallcheck merge` command (merge.h): its arguments, the
 * *.sarif files below a directory, reading the logs, and replacing the
 * output only when the merge (merge_sarif.c) succeeded.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "merge.h"
#include "options.h"
#include "stallcheck/findings.h"
#include "stallcheck/report.h"

/* As the SARIF writer dumps its logs (rules/report/sarif.c). */
#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER)

enum { EXIT_OK = 0, EXIT_USAGE = 2 };

typedef struct path_list {
  char **items;
  size_t count, capacity;
} path_list;

static void path_list_add(path_list *l, char *path) {
  if (l->count == l->capacity) {
    l->capacity = l->capacity ? 2 * l->capacity : 16;
    l->items = realloc(l->items, l->capacity * sizeof *l->items);
    if (!l->items) abort();
  }
  l->items[l->count++] = path;
}

static int by_name(const void *pa, const void *pb) {
  return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n > k && !strcmp(s + n - k, suffix);
}

/* Every *.sarif file below `dir` in sorted order, but `skip` (the output,
 * which may live there: the next merge must not read the last one). Links to
 * directories are not followed (no cycles); hidden entries are not read. */
static int collect_directory(const char *dir, const char *skip, path_list *out) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  path_list names = {0};
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] != '.') path_list_add(&names, strdup(de->d_name));
  }
  closedir(d);
  if (names.count) qsort(names.items, names.count, sizeof *names.items, by_name);
  int rc = 0;
  for (size_t i = 0; i < names.count; i++) {
    char *path = sc_strdupf("%s%s%s", dir, ends_with(dir, "/") ? "" : "/", names.items[i]);
    struct stat st;
    char real[PATH_MAX];
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (collect_directory(path, skip, out) != 0) rc = -1;
      free(path);
    } else if (ends_with(path, ".sarif") && !(skip && realpath(path, real) && !strcmp(real, skip))) {
      path_list_add(out, path);
    } else {
      free(path);
    }
    free(names.items[i]);
  }
  free(names.items);
  return rc;
}

static const char merge_usage[] =
    "Usage: stallcheck merge [--srcroot=<dir>] [--quiet] -o <out.sarif> <file.sarif|dir>...\n"
    "\n"
    "Merges SARIF 2.1.0 logs (one per compile, from the clang plugin's\n"
    "-fplugin-arg-stallcheck-sarif=<file>) into one log with one run: the rules\n"
    "of all, each result once (a header's finding is in every TU that includes\n"
    "it), sorted.  A directory stands for every *.sarif file below it.\n"
    "\n"
    "  -o <file>          the merged log, replaced only when the merge succeeded\n"
    "  --srcroot=<dir>    locations under <dir> relative to %SRCROOT% = <dir>\n"
    "                     (default: the first log's originalUriBaseIds)\n"
    "  --quiet            no summary on standard error\n"
    "\n"
    "Exit status: 0 merged, 2 usage error or an input that is not a SARIF 2.1.0 log.\n";

static int usage_error(const char *fmt, const char *arg) {
  fputs("stallcheck: error: merge: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'stallcheck merge --help'.\n", stderr);
  return EXIT_USAGE;
}

static int dump_log(FILE *out, void *log) {
  return json_dumpf(log, out, DUMP_FLAGS) == 0 && fputc('\n', out) != EOF ? 0 : -1;
}

/* As the SARIF writer replaces its log: atomically, through symlinks, in
 * place when it is not a regular file (/dev/stdout). */
static int write_log(const char *path, json_t *log) { return sc_report_replace_file(path, dump_log, log); }

int sc_merge_main(int argc, char **argv) {
  const char *output = NULL, *srcroot = NULL, *v;
  int quiet = 0, missing = 0, only_inputs = 0;
  char **args = calloc((size_t)argc + 1, sizeof *args);
  size_t nargs = 0;
  if (!args) abort();
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_inputs || a[0] != '-' || a[1] == '\0') {
      args[nargs++] = argv[i];
    } else if (!strcmp(a, "--")) {
      only_inputs = 1;
    } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(merge_usage, stdout);
      free(args);
      return EXIT_OK;
    } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
      quiet = 1;
    } else if ((v = sc_option_value(argc, argv, &i, "-o", &missing)) ||
               (v = sc_option_value(argc, argv, &i, "--output", &missing))) {
      output = v;
    } else if ((v = sc_option_value(argc, argv, &i, "--srcroot", &missing))) {
      srcroot = v;
    } else {
      free(args);
      return usage_error(missing ? "option '%s' needs a value" : "unknown option '%s'", a);
    }
  }
  if (!output || nargs == 0) {
    free(args);
    return usage_error("%s", !output ? "needs -o <out.sarif>" : "needs SARIF files or directories to merge");
  }

  char srcroot_abs[PATH_MAX], output_abs[PATH_MAX];
  if (srcroot && !realpath(srcroot, srcroot_abs)) {
    fprintf(stderr, "stallcheck: error: merge: --srcroot %s: %s\n", srcroot, strerror(errno));
    free(args);
    return EXIT_USAGE;
  }
  const char *skip = realpath(output, output_abs) ? output_abs : NULL;
  path_list inputs = {0};
  int status = EXIT_OK;
  for (size_t i = 0; i < nargs && status == EXIT_OK; i++) {
    struct stat st;
    size_t before = inputs.count;
    if (stat(args[i], &st) != 0) {
      fprintf(stderr, "stallcheck: error: merge: cannot read %s: %s\n", args[i], strerror(errno));
      status = EXIT_USAGE;
    } else if (!S_ISDIR(st.st_mode)) {
      path_list_add(&inputs, strdup(args[i]));
    } else if (collect_directory(args[i], skip, &inputs) != 0) {
      fprintf(stderr, "stallcheck: error: merge: cannot read the directory %s: %s\n", args[i], strerror(errno));
      status = EXIT_USAGE;
    } else if (inputs.count == before) {
      fprintf(stderr, "stallcheck: error: merge: no *.sarif files in %s\n", args[i]);
      status = EXIT_USAGE;
    }
  }
  free(args);

  json_t **logs = calloc(inputs.count + 1, sizeof *logs);
  if (!logs) abort();
  for (size_t i = 0; i < inputs.count && status == EXIT_OK; i++) {
    json_error_t why;
    logs[i] = json_load_file(inputs.items[i], 0, &why);
    if (logs[i]) continue;
    if (why.line > 0)
      fprintf(stderr, "stallcheck: error: merge: %s:%d:%d: not a SARIF log: %s\n", inputs.items[i], why.line,
              why.column, why.text);
    else
      fprintf(stderr, "stallcheck: error: merge: %s\n", why.text);
    status = EXIT_USAGE;
  }
  json_t *merged = NULL;
  if (status == EXIT_OK) {
    char error[PATH_MAX + 256];
    merged = sc_sarif_merge(logs, (const char *const *)inputs.items, inputs.count, srcroot ? srcroot_abs : NULL,
                            error, sizeof error);
    if (!merged) {
      fprintf(stderr, "stallcheck: error: merge: %s\n", error);
      status = EXIT_USAGE;
    }
  }
  if (merged && write_log(output, merged) != 0) {
    fprintf(stderr, "stallcheck: error: merge: cannot write %s: %s\n", output, strerror(errno));
    status = EXIT_USAGE;
  }
  if (merged && status == EXIT_OK && !quiet) {
    json_t *run = json_array_get(json_object_get(merged, "runs"), 0);
    size_t results = json_array_size(json_object_get(run, "results"));
    fprintf(stderr, "stallcheck: merged %zu log%s into %s: %zu result%s\n", inputs.count,
            inputs.count == 1 ? "" : "s", output, results, results == 1 ? "" : "s");
  }
  json_decref(merged);
  for (size_t i = 0; i < inputs.count; i++) {
    json_decref(logs[i]);
    free(inputs.items[i]);
  }
  free(logs);
  free(inputs.items);
  return status;
}
