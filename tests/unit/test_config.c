/*
 * test_config.c - the .stallcheck.json reader (each kind of input, the place
 * its problems are reported at, what it sets), discovery, excludes by rule,
 * and the NOLINT scanner's check of rule names.
 *
 * Usage: test_config [scratch-dir]   (a fresh directory is made inside it)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* mkdtemp */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "stallcheck/catalog.h"
#include "stallcheck/suppress.h"

static int failures;

#define CHECK(cond)                                                             \
  do {                                                                          \
    if (!(cond)) {                                                              \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                               \
    }                                                                           \
  } while (0)

static char scratch[4096];

static const char *write_file(const char *name, const char *text) {
  static char path[4200];
  snprintf(path, sizeof path, "%s/%s", scratch, name);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
  return path;
}

/* Loads `text`; returns the loader's result and what it printed. */
static int load(const char *text, sc_config *config, sc_options *options, char *err, size_t errsize) {
  const char *path = write_file("c.json", text);
  sc_options_init(options);
  sc_catalog_clear_user_rows();
  fflush(stderr);
  char errpath[4200];
  snprintf(errpath, sizeof errpath, "%s/err.txt", scratch);
  FILE *saved = stderr;
  stderr = fopen(errpath, "w");
  int rc = sc_config_load(path, config, options);
  fclose(stderr);
  stderr = saved;
  FILE *f = fopen(errpath, "r");
  size_t n = fread(err, 1, errsize - 1, f);
  err[n] = 0;
  fclose(f);
  return rc;
}

static void test_valid(void) {
  sc_config c;
  sc_options o;
  char err[4096];
  int rc = load("{\"disable\": [\"gpu-sync-in-hot-loop\"], \"levels\": {\"blocking-call-in-event-loop\": \"error\"},"
                " \"blocking\": [{\"function\": \"rpc\"}], \"offload\": [{\"function\": \"pool\", \"callback\": 0}],"
                " \"hot\": [\"frame\"], \"exclude\": [\"a/*\", {\"paths\": [\"b\", \"c\"], \"rules\": [\"cpu-heavy-work-on-io-thread\"]}]}",
                &c, &o, err, sizeof err);
  CHECK(rc == 0);
  CHECK(err[0] == 0);
  CHECK(!sc_options_enabled(&o, sc_rule_find("gpu-sync-in-hot-loop")));
  CHECK(sc_options_level(&o, sc_rule_find("blocking-call-in-event-loop")) == SC_LEVEL_ERROR);
  size_t n = 0;
  CHECK(sc_catalog_apis("rpc", SC_API_BLOCKING, &n) && n == 1);
  const sc_registrar *r = sc_catalog_registrars("pool", &n);
  CHECK(r && n == 1 && r->ctx == SC_CTX_WORKER && r->cb_arg == 0);
  CHECK(c.nhot == 1 && !strcmp(c.hot[0], "frame"));
  CHECK(c.nexclude == 3 && c.exclude[0].rules == 0 && c.exclude[1].rules && c.exclude[2].rules == c.exclude[1].rules);

  /* Excludes: every rule, or the rules named. */
  sc_findings f;
  sc_findings_init(&f);
  char file[4300];
  snprintf(file, sizeof file, "%s/b", scratch);
  sc_loc loc = {0};
  loc.file = file;
  loc.line = 1;
  sc_findings_add(&f, sc_rule_find("cpu-heavy-work-on-io-thread"), SC_LEVEL_WARNING, loc, strdup("m"), NULL);
  sc_findings_add(&f, sc_rule_find("blocking-call-in-event-loop"), SC_LEVEL_WARNING, loc, strdup("m"), NULL);
  sc_config_apply_excludes(&c, &f);
  CHECK(f.count == 1 && !strcmp(f.items[0].rule->id, "blocking-call-in-event-loop"));
  sc_findings_free(&f);

  /* "hot" sets the flag on the facts by name. */
  sc_facts facts = {0};
  sc_function fns[2] = {{0}};
  fns[0].name = "frame";
  fns[1].name = "other";
  facts.functions = fns;
  facts.nfunctions = 2;
  sc_facts *tus[1] = {&facts};
  sc_config_mark_functions(&c, tus, 1);
  CHECK((fns[0].flags & SC_FN_HOT) && !(fns[1].flags & SC_FN_HOT));
  sc_config_free(&c);
}

/* Each invalid input: an error (or warning) at the right line and column. */
static void test_invalid(void) {
  static const struct {
    const char *text;
    int rc;
    const char *message; /* after "stallcheck: " and before the path */
    const char *place;   /* ":LINE:COL: ..." */
  } cases[] = {
      {"{\"disable\": [\"x\",}", -1, "error: ", ":1:18: "},
      {"{\n \"disabel\": []}", -1, "error: ", ":2:2: unknown key 'disabel' in the configuration"},
      {"{\"levels\": {\"nope\": \"error\"}}", 0, "warning: ", ":1:13: no rule named 'nope'"},
      {"{\"levels\": []}", -1, "error: ", ":1:2: 'levels' must be an object"},
      {"{\"blocking\": [{}]}", -1, "error: ", ":1:15: an entry of 'blocking' needs \"function\""},
      {"{\"blocking\": [{\"function\": 3}]}", -1, "error: ", ":1:16: 'function' must be a non-empty string"},
      {"{\"blocking\": [\"rpc\"]}", -1, "error: ", ":1:15: an entry of 'blocking' is an object"},
      {"{\"registrars\": [{\"function\": \"f\", \"callback\": 300}]}", -1, "error: ", ":1:35: \"callback\""},
      {"{\"offload\": [{\"function\": \"f\", \"callback\": 0, \"thread\": \"loop\"}]}", -1, "error: ",
       ":1:47: unknown key 'thread' in offload"},
      {"{\"hot\": [\"\"]}", -1, "error: ", ":1:10: an entry of 'hot' is a function name"},
      {"{\"exclude\": [{\"paths\": [\"a\", 1]}]}", -1, "error: ", ":1:30: a path pattern"},
      {"{\"exclude\": [{\"paths\": \"a\", \"rules\": [\"x\"]}]}", 0, "warning: ", ":1:39: no rule named 'x'"},
      {"{\"a\\u0062\": 1}", -1, "error: ", ":1:1: unknown key 'ab'"}, /* escaped key: placed at the object */
      {"3", -1, "error: ", ":1:1: '[' or '{' expected"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    sc_config c;
    sc_options o;
    char err[4096], want[4600];
    int rc = load(cases[i].text, &c, &o, err, sizeof err);
    snprintf(want, sizeof want, "stallcheck: %s%s/c.json%s", cases[i].message, scratch, cases[i].place);
    if (rc != cases[i].rc || strncmp(err, want, strlen(want)) != 0) {
      fprintf(stderr, "case %zu: %s\n  rc %d, printed: %s  expected: %s\n", i, cases[i].text, rc, err, want);
      failures++;
    }
    CHECK(rc != 0 || c.path);
    CHECK(rc == 0 || !c.path);
    sc_config_free(&c);
  }
  /* A config with an excluded-only-unknown-rule entry excludes nothing. */
  sc_config c;
  sc_options o;
  char err[4096];
  CHECK(load("{\"exclude\": [{\"paths\": \"a\", \"rules\": [\"x\"]}]}", &c, &o, err, sizeof err) == 0);
  CHECK(c.nexclude == 0);
  sc_config_free(&c);
}

static void test_find(void) {
  char deep[4300], want[4400];
  snprintf(deep, sizeof deep, "%s/p/q/r", scratch);
  snprintf(want, sizeof want, "%s/p/q", scratch);
  char p[4300];
  snprintf(p, sizeof p, "%s/p", scratch);
  mkdir(p, 0700);
  mkdir(want, 0700);
  mkdir(deep, 0700);
  snprintf(want, sizeof want, "%s/p/q/.stallcheck.json", scratch);
  FILE *f = fopen(want, "w");
  fputs("{}", f);
  fclose(f);
  char *found = sc_config_find(deep);
  char real[4400];
  CHECK(found && realpath(want, real) && !strcmp(found, real));
  free(found);
}

static unsigned unknown_lines[8], nunknown;
static void collect(void *ctx, unsigned line, unsigned column, const char *check, size_t len) {
  (void)ctx, (void)column, (void)check, (void)len;
  if (nunknown < 8) unknown_lines[nunknown++] = line;
}

static void test_nolint_names(void) {
  const char *text = "a(); // NOLINT(stallcheck-blocking-call-in-event-loop)\n"
                     "b(); // NOLINT(stallcheck-no-such, bugprone-x)\n"
                     "// NOLINTNEXTLINE(stallcheck-*, stallcheck-cpu-heavy-*)\n"
                     "// NOLINTBEGIN(stallcheck-typo)\n"
                     "// NOLINTEND(stallcheck-typo)\n"
                     "c(); // NOLINT\n";
  sc_nolint_unknown_checks(text, strlen(text), collect, NULL);
  CHECK(nunknown == 3 && unknown_lines[0] == 2 && unknown_lines[1] == 4 && unknown_lines[2] == 5);
}

int main(int argc, char **argv) {
  snprintf(scratch, sizeof scratch, "%s/test_config.XXXXXX", argc > 1 ? argv[1] : "/tmp");
  if (!mkdtemp(scratch)) {
    perror(scratch);
    return 2;
  }
  char real[4096];
  if (realpath(scratch, real)) snprintf(scratch, sizeof scratch, "%s", real);
  test_valid();
  test_invalid();
  test_find();
  test_nolint_names();
  sc_catalog_clear_user_rows();
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
  if (system(cmd) != 0) failures++;
  if (failures) fprintf(stderr, "test_config: %d failures\n", failures);
  else printf("test_config: all passed\n");
  return failures != 0;
}
