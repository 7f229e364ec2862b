/*
 * test_compdb.c - the compile database reader: both entry forms, relative
 * paths, shell quoting, errors, duplicates and non-C entries, and the
 * arguments handed to the parser.
 *
 * Usage: test_compdb [scratch-dir]   (a fresh directory is made inside it)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* mkdtemp */
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compdb.h"

static int failures;

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                          \
    }                                                                      \
  } while (0)

#define CHECK_STR(a, b)                                                                     \
  do {                                                                                      \
    const char *a_ = (a), *b_ = (b);                                                        \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                                \
      fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\"\n", __FILE__, __LINE__, b_ ? b_ : "(null)", \
              a_ ? a_ : "(null)");                                                          \
      failures++;                                                                           \
    }                                                                                       \
  } while (0)

static char scratch[4096];

static void write_file(const char *rel, const char *text) {
  char path[8192];
  snprintf(path, sizeof path, "%s/%s", scratch, rel);
  FILE *f = fopen(path, "w");
  if (!f) {
    perror(path);
    exit(2);
  }
  fputs(text, f);
  fclose(f);
}

static char *path_in(const char *rel) {
  static char buf[4][8192];
  static int next;
  char *p = buf[next++ % 4];
  snprintf(p, sizeof buf[0], "%s/%s", scratch, rel);
  return p;
}

/* The parse arguments of a command, joined by single spaces. */
static char *joined_parse_args(const sc_compile_command *cmd) {
  size_t n = 0;
  char **args = sc_compdb_parse_args(cmd, &n);
  static char out[4096];
  out[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    if (i) strcat(out, " ");
    strcat(out, args[i]);
  }
  CHECK(args[n] == NULL);
  sc_compdb_free_args(args, n);
  return out;
}

static void test_shell_split(void) {
  size_t n = 0;
  char **w = sc_shell_split("cc -DNAME=\"a b\" 'single quoted' back\\ slash \"q\\\"x\\\\y\" -c  x.c", &n);
  CHECK(w != NULL);
  if (!w) return;
  CHECK(n == 7);
  CHECK_STR(w[0], "cc");
  CHECK_STR(w[1], "-DNAME=a b");
  CHECK_STR(w[2], "single quoted");
  CHECK_STR(w[3], "back slash");
  CHECK_STR(w[4], "q\"x\\y");
  CHECK_STR(w[5], "-c");
  CHECK_STR(w[6], "x.c");
  CHECK(w[7] == NULL);
  for (size_t i = 0; i < n; i++) free(w[i]);
  free(w);

  /* Inside single quotes a backslash is literal; quotes join words. */
  w = sc_shell_split("'-DP=\"x\\n\"' a\"b\"'c' ''", &n);
  CHECK(w && n == 3);
  if (w && n == 3) {
    CHECK_STR(w[0], "-DP=\"x\\n\"");
    CHECK_STR(w[1], "abc");
    CHECK_STR(w[2], "");
  }
  for (size_t i = 0; w && i < n; i++) free(w[i]);
  free(w);

  CHECK(sc_shell_split("cc 'unterminated", &n) == NULL);
  CHECK(sc_shell_split("cc \"unterminated", &n) == NULL);

  w = sc_shell_split("   ", &n);
  CHECK(w && n == 0 && w[0] == NULL);
  free(w);
}

static void test_both_forms_and_relative_paths(void) {
  mkdir(path_in("proj"), 0755);
  mkdir(path_in("proj/build"), 0755);
  /* `directory` relative to the json file's directory; `file` relative to
   * `directory`; a duplicate and non-C entries are dropped.  The "command"
   * quotes a define's string value the way CMake writes it:
   * -DMSG=\"hi\ there\" in the shell. */
  write_file("proj/build/compile_commands.json",
             "[\n"
             " {\"directory\": \"..\", \"file\": \"src/a.c\",\n"
             "  \"arguments\": [\"gcc\", \"-Iinc\", \"-DX=1\", \"-c\", \"-o\", \"a.o\", \"src/a.c\"]},\n"
             " {\"directory\": \".\", \"file\": \"../src/b.c\",\n"
             "  \"command\": \"cc -I'../my inc' -DMSG=\\\\\\\"hi\\\\ there\\\\\\\" -MD -MF b.d -c ../src/b.c -o b.o\"},\n"
             " {\"directory\": \"..\", \"file\": \"src/a.c\", \"command\": \"cc -DSECOND -c src/a.c\"},\n"
             " {\"directory\": \"..\", \"file\": \"src/c.cpp\", \"command\": \"c++ -c src/c.cpp\"},\n"
             " {\"directory\": \"..\", \"file\": \"src/d.S\", \"command\": \"cc -c src/d.S\"}\n"
             "]\n");
  sc_compdb db;
  char err[512] = "";
  int rc = sc_compdb_load(path_in("proj/build"), &db, err, sizeof err);
  CHECK(rc == 0);
  if (rc != 0) {
    fprintf(stderr, "  error: %s\n", err);
    return;
  }
  CHECK(db.count == 2);
  if (db.count == 2) {
    CHECK_STR(db.commands[0].directory, path_in("proj"));
    CHECK_STR(db.commands[0].file, path_in("proj/src/a.c"));
    CHECK(db.commands[0].argc == 7);
    CHECK_STR(db.commands[0].argv[0], "gcc");
    CHECK(db.commands[0].argv[7] == NULL);
    CHECK_STR(joined_parse_args(&db.commands[0]), "-Iinc -DX=1");

    CHECK_STR(db.commands[1].directory, path_in("proj/build"));
    CHECK_STR(db.commands[1].file, path_in("proj/src/b.c"));
    CHECK_STR(db.commands[1].argv[1], "-I../my inc");
    CHECK_STR(db.commands[1].argv[2], "-DMSG=\"hi there\"");
    CHECK_STR(joined_parse_args(&db.commands[1]), "-I../my inc -DMSG=\"hi there\"");
  }

  /* Filtering by files named on the command line, relative to a cwd. */
  char *files[] = {"src/b.c", "src/nowhere.c"};
  char ferr[512] = "";
  size_t missing = sc_compdb_filter(&db, files, 2, path_in("proj"), ferr, sizeof ferr);
  CHECK(missing == 1);
  CHECK(strstr(ferr, "src/nowhere.c") != NULL);
  CHECK(db.count == 1);
  if (db.count == 1) CHECK_STR(db.commands[0].file, path_in("proj/src/b.c"));
  sc_compdb_free(&db);
  CHECK(db.count == 0 && db.commands == NULL);

  /* The json file itself may be named. */
  rc = sc_compdb_load(path_in("proj/build/compile_commands.json"), &db, err, sizeof err);
  CHECK(rc == 0 && db.count == 2);
  sc_compdb_free(&db);
}

static void expect_load_error(const char *json, const char *needle) {
  mkdir(path_in("bad"), 0755);
  write_file("bad/compile_commands.json", json);
  sc_compdb db;
  char err[512] = "";
  int rc = sc_compdb_load(path_in("bad"), &db, err, sizeof err);
  CHECK(rc == -1);
  if (!strstr(err, needle) || !strstr(err, "compile_commands.json")) {
    fprintf(stderr, "%s:%d: for %s expected an error with \"%s\", got \"%s\"\n", __FILE__, __LINE__, json,
            needle, err);
    failures++;
  }
  CHECK(strchr(err, '\n') == NULL);
  if (rc == 0) sc_compdb_free(&db);
}

static void test_errors(void) {
  sc_compdb db;
  char err[512] = "";
  CHECK(sc_compdb_load(path_in("no/such/dir"), &db, err, sizeof err) == -1);
  CHECK(strstr(err, "cannot read ") == err);
  CHECK(strstr(err, "compile_commands.json: No such file or directory") != NULL);

  /* jansson's line and column. */
  expect_load_error("[{\"directory\": \"/tmp\",\n \"file\": \"a.c\", ", "compile_commands.json:2:");
  expect_load_error("[{\"directory\": \"/tmp\", \"file\": \"a.c\", ", "malformed JSON");
  expect_load_error("{}", "must be a JSON array");
  expect_load_error("[]", "empty");
  expect_load_error("[{\"directory\": \"/tmp\", \"file\": 42, \"command\": \"cc -c a.c\"}]",
                    "entry 1: \"file\" must be a string");
  expect_load_error("[{\"directory\": \"/tmp\", \"file\": \"a.c\", \"command\": \"cc a.c\"},"
                    " {\"file\": \"b.c\", \"command\": \"cc b.c\"},"
                    " {\"directory\": \"/tmp\", \"file\": \"c.c\", \"command\": \"cc c.c\"}]",
                    "entry 2: \"directory\" must be a string");
  expect_load_error("[{\"directory\": \"/tmp\", \"file\": \"a.c\"}]", "entry 1: needs \"arguments\"");
  expect_load_error("[{\"directory\": \"/tmp\", \"file\": \"a.c\", \"arguments\": [\"cc\", 3]}]",
                    "\"arguments\" must be an array of strings");
  expect_load_error("[{\"directory\": \"/tmp\", \"file\": \"a.c\", \"command\": \"cc 'a.c\"}]",
                    "unterminated quote");
  expect_load_error("[3]", "entry 1 must be an object");
}

static void test_parse_args_filtering(void) {
  char *argv[] = {"/usr/bin/clang", "-c", "-S", "-E", "-o", "out.o", "-oother.o", "-M", "-MM", "-MD",
                  "-MMD", "-MP", "-MF", "dep.d", "-MT", "target", "-MQ", "quoted", "-MFjoined.d",
                  "-Werror", "-Werror=format", "-fplugin=/p.so", "-fplugin-arg-x-y=z", "-Xclang", "-load",
                  "-Xclang", "/plugin.so", "--serialize-diagnostics", "diag.dia", "-pipe", "-save-temps",
                  "-fdiagnostics-color=always", "-fdiagnostics-color",
                  /* kept */
                  "-Iinc", "-I", "other inc", "-DX=1", "-std=gnu11", "-isystem", "/sys", "-include",
                  "pre.h", "--target=x86_64-linux-gnu", "-m64", "-fno-strict-aliasing", "-Wall", "-O2",
                  "-x", "c",
                  /* the source file, spelled relative to the directory */
                  "./src/../src/main.c", NULL};
  sc_compile_command cmd = {"/proj", "/proj/src/main.c", argv, sizeof argv / sizeof *argv - 1};
  CHECK_STR(joined_parse_args(&cmd),
            "-Iinc -I other inc -DX=1 -std=gnu11 -isystem /sys -include pre.h --target=x86_64-linux-gnu "
            "-m64 -fno-strict-aliasing -Wall -O2 -x c");

  /* An -o at the very end, and a source given absolute. */
  char *argv2[] = {"cc", "/proj/src/main.c", "-o", NULL};
  sc_compile_command cmd2 = {"/elsewhere", "/proj/src/main.c", argv2, 3};
  CHECK_STR(joined_parse_args(&cmd2), "");
}

static void test_from_args(void) {
  char *files[] = {"a.c", "sub/../b.c", "/abs/c.c", "a.c"};
  char *flags[] = {"-Iinc", "-DX"};
  sc_compdb db;
  char err[256] = "";
  CHECK(sc_compdb_from_args(files, 4, flags, 2, "/work/dir", &db, err, sizeof err) == 0);
  CHECK(db.count == 3); /* a.c once */
  if (db.count == 3) {
    CHECK_STR(db.commands[0].directory, "/work/dir");
    CHECK_STR(db.commands[0].file, "/work/dir/a.c");
    CHECK_STR(db.commands[1].file, "/work/dir/b.c");
    CHECK_STR(db.commands[2].file, "/abs/c.c");
    CHECK(db.commands[0].argc == 4);
    CHECK_STR(db.commands[0].argv[1], "-Iinc");
    CHECK_STR(db.commands[0].argv[3], "/work/dir/a.c");
    CHECK_STR(joined_parse_args(&db.commands[0]), "-Iinc -DX");
  }
  sc_compdb_free(&db);
}

int main(int argc, char **argv) {
  const char *base = argc > 1 ? argv[1] : "/tmp";
  snprintf(scratch, sizeof scratch, "%s/test_compdb.XXXXXX", base);
  if (!mkdtemp(scratch)) {
    perror(scratch);
    return 2;
  }
  test_shell_split();
  test_both_forms_and_relative_paths();
  test_errors();
  test_parse_args_filtering();
  test_from_args();
  char cmd[8300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", scratch);
  if (failures) fprintf(stderr, "test_compdb: %d check(s) failed\n", failures);
  else printf("test_compdb: all checks passed\n");
  return failures ? 1 : 0;
}
