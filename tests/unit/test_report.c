/*
 * test_report.c - the report writers on findings built by hand: the text
 * layout's corner cases (tabs, ranges past the end of the line, unreadable
 * sources, suppressed findings), workflow-command escaping, SARIF that is
 * deterministic and never left half-written, the JSON formats, JUnit XML's
 * escaping, and baselines read from SARIF.
 */
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

#include "stallcheck/report.h"

static int failures;
#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
      failures++;                                                                \
    }                                                                            \
  } while (0)

static char dir[4096];

static char *path_in_dir(const char *name) { return sc_strdupf("%s/%s", dir, name); }

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f) {
    perror(path);
    exit(2);
  }
  fputs(text, f);
  fclose(f);
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) return NULL;
  char *buf = calloc(1, 1 << 20);
  size_t n = fread(buf, 1, (1 << 20) - 1, f);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

/* Runs a writer into a memory stream and returns what it wrote. */
typedef struct captured {
  char *text;
  size_t len;
  FILE *out;
} captured;
static FILE *capture_begin(captured *c) {
  c->text = NULL;
  c->len = 0;
  c->out = open_memstream(&c->text, &c->len);
  return c->out;
}
static char *capture_end(captured *c) {
  fclose(c->out);
  return c->text;
}

static sc_loc loc(const char *file, uint32_t line, uint32_t col, uint32_t end_col) {
  sc_loc l = {file, line, col, end_col ? line : 0, end_col};
  return l;
}

/* A finding as the blocking check makes it: a registration, a call, the
 * stall, a remedy. */
static sc_finding *add_finding(sc_findings *f, const char *file, uint32_t line, uint32_t col, uint32_t end_col,
                               const char *callee, const char *function) {
  const sc_rule *rule = sc_rule_find("blocking-call-in-event-loop");
  sc_finding *x = sc_findings_add(f, rule, SC_LEVEL_WARNING, loc(file, line, col, end_col),
                                  sc_strdupf("'%s' blocks the libuv event loop", callee),
                                  sc_strdupf("use the async API"));
  x->callee = callee;
  x->function = function;
  x->root = "on_timer";
  sc_finding_add_step(x, SC_STEP_REGISTRATION, loc(file, 1, 1, 0), sc_strdupf("registered here"));
  return x;
}

static void test_text_layout(void) {
  char *src = path_in_dir("layout.c");
  /* Line 1: the registration.  Line 2: a tab, then a call whose range runs
   * past the end of the line.  Line 3: tabs in the middle. */
  write_file(src, "int reg;\n\tsleep\n  a\tb\tusleep(1);\n");
  sc_findings f;
  sc_findings_init(&f);
  add_finding(&f, src, 2, 2, 40, "sleep", "a");
  add_finding(&f, src, 3, 7, 13, "usleep", "b");
  sc_finding *hidden = add_finding(&f, src, 3, 3, 0, "hidden", "c");
  hidden->suppressed = SC_SUPPRESSED_IN_SOURCE;
  sc_findings_finish(&f);

  captured c;
  sc_text_options with = {0, 1};
  size_t n = sc_report_text(capture_begin(&c), &f, &with);
  char *text = capture_end(&c);
  CHECK(n == 2);
  CHECK(strstr(text, "hidden") == NULL);
  /* The tab becomes 8 columns; the range past the end stops at the end. */
  CHECK(strstr(text, "    2 |         sleep\n      |         ^~~~~\n") != NULL);
  /* "  a\tb\t" is 2+1 -> 8, 'b' -> 9, tab -> 16: usleep starts at 16. */
  CHECK(strstr(text, "    3 |   a     b       usleep(1);\n      |                 ^~~~~~\n") != NULL);
  CHECK(strstr(text, ":2:2: note: remedy: use the async API\n") != NULL);
  CHECK(strchr(text, '\033') == NULL);
  free(text);

  /* No snippet asked: headers only. */
  sc_text_options without = {0, 0};
  sc_report_text(capture_begin(&c), &f, &without);
  text = capture_end(&c);
  CHECK(strstr(text, " | ") == NULL);
  CHECK(strstr(text, ":3:7: warning: 'usleep' blocks the libuv event loop [blocking-call-in-event-loop]\n") != NULL);
  free(text);

  /* A source that is gone (or a line past its end): the header, no snippet. */
  sc_findings g;
  sc_findings_init(&g);
  char *gone = path_in_dir("gone.c");
  add_finding(&g, gone, 2, 1, 0, "sleep", "a");
  add_finding(&g, src, 99, 1, 0, "sleep", "z");
  sc_findings_finish(&g);
  CHECK(sc_report_text(capture_begin(&c), &g, &with) == 2);
  text = capture_end(&c);
  CHECK(strstr(text, "    2 |") == NULL);
  CHECK(strstr(text, "   99 |") == NULL);
  CHECK(strstr(text, "    1 | int reg;") != NULL); /* the step's line exists */
  CHECK(strstr(text, "gone.c:2:1: warning:") != NULL);
  free(text);
  sc_findings_free(&g);
  sc_findings_free(&f);
  free(gone);
  free(src);
}

static void test_github_escaping(void) {
  sc_findings f;
  sc_findings_init(&f);
  sc_finding *x = add_finding(&f, "/root/src/a,b:c%.c", 4, 2, 7, "sleep", "a");
  free(x->message);
  x->message = sc_strdupf("100%% blocked:\nreally, yes");
  sc_findings_finish(&f);
  captured c;
  CHECK(sc_report_github(capture_begin(&c), &f, "/root/") == 1);
  char *text = capture_end(&c);
  CHECK(strcmp(text, "::warning file=src/a%2Cb%3Ac%25.c,line=4,col=2,endColumn=7,title=blocking-call-in-event-loop"
                     "::100%25 blocked:%0Areally, yes. Remedy: use the async API\n") == 0);
  free(text);
  sc_findings_free(&f);
}

/* Findings do not own their file names: these outlive them. */
static char file_names[8][4200];
static size_t nfile_names;

static sc_findings two_findings(const char *root) {
  sc_findings f;
  sc_findings_init(&f);
  char *a = file_names[nfile_names++ % 8];
  snprintf(a, sizeof file_names[0], "%s/src/with space.c", root);
  add_finding(&f, a, 10, 3, 8, "sleep", "on_timer");
  add_finding(&f, "/elsewhere/lib.c", 5, 1, 0, "usleep", "helper");
  return f;
}

static void test_sarif_deterministic_and_relative(void) {
  sc_findings f = two_findings("/proj");
  sc_findings_finish(&f);
  sc_sarif_options o = {.srcroot = "/proj/", .tool_version = "1.2.3", .automation_id = "stallcheck/",
                        .execution_successful = 1};
  captured c;
  CHECK(sc_report_sarif_stream(capture_begin(&c), &f, &o) == 0);
  char *one = capture_end(&c);
  CHECK(sc_report_sarif_stream(capture_begin(&c), &f, &o) == 0);
  char *two = capture_end(&c);
  CHECK(strcmp(one, two) == 0);

  json_error_t err;
  json_t *log = json_loads(one, 0, &err);
  CHECK(log != NULL);
  json_t *run = json_array_get(json_object_get(log, "runs"), 0);
  CHECK(!strcmp(json_string_value(json_object_get(json_object_get(json_object_get(run, "originalUriBaseIds"),
                                                                   "%SRCROOT%"), "uri")), "file:///proj/"));
  json_t *results = json_object_get(run, "results");
  CHECK(json_array_size(results) == 2);
  /* Sorted by file: /elsewhere before /proj. */
  json_t *outside = json_object_get(json_object_get(json_object_get(json_array_get(json_object_get(
      json_array_get(results, 0), "locations"), 0), "physicalLocation"), "artifactLocation"), "uri");
  json_t *inside_loc = json_object_get(json_object_get(json_array_get(json_object_get(
      json_array_get(results, 1), "locations"), 0), "physicalLocation"), "artifactLocation");
  CHECK(!strcmp(json_string_value(outside), "file:///elsewhere/lib.c"));
  CHECK(!strcmp(json_string_value(json_object_get(inside_loc, "uri")), "src/with%20space.c"));
  CHECK(!strcmp(json_string_value(json_object_get(inside_loc, "uriBaseId")), "%SRCROOT%"));
  /* No baseline: no baselineState; a baseline: every result has one. */
  CHECK(json_object_get(json_array_get(results, 0), "baselineState") == NULL);
  json_decref(log);
  free(one);
  free(two);

  f.items[0].suppressed = SC_SUPPRESSED_BASELINE;
  o.baseline = 1;
  sc_report_sarif_stream(capture_begin(&c), &f, &o);
  one = capture_end(&c);
  log = json_loads(one, 0, &err);
  results = json_object_get(json_array_get(json_object_get(log, "runs"), 0), "results");
  CHECK(!strcmp(json_string_value(json_object_get(json_array_get(results, 0), "baselineState")), "unchanged"));
  CHECK(!strcmp(json_string_value(json_object_get(json_array_get(results, 1), "baselineState")), "new"));
  /* Baselined results stay open alerts: no suppressions entry. */
  CHECK(json_object_get(json_array_get(results, 0), "suppressions") == NULL);
  json_decref(log);
  free(one);
  sc_findings_free(&f);
}

/* No "name.sarif.XXXXXX" temporary left in the directory. */
static int temporaries_left(const char *name) {
  DIR *d = opendir(dir);
  int n = 0;
  struct dirent *e;
  size_t len = strlen(name);
  while ((e = readdir(d)))
    n += !strncmp(e->d_name, name, len) && e->d_name[len] == '.';
  closedir(d);
  return n;
}

static void test_sarif_file_is_atomic(void) {
  sc_findings f = two_findings(dir);
  sc_findings_finish(&f);
  sc_sarif_options o = {.srcroot = dir, .tool_version = "1", .execution_successful = 1};
  char *path = path_in_dir("out.sarif");
  CHECK(sc_report_sarif_file(path, &f, &o) == 0);
  char *good = read_file(path);
  CHECK(good && strstr(good, "\"version\": \"2.1.0\""));
  CHECK(temporaries_left("out.sarif") == 0);

  /* A write that fails half-way (the file size limit, as on a full disk):
   * -1 with errno, the good log untouched, no temporary left. */
  struct rlimit old, small;
  getrlimit(RLIMIT_FSIZE, &old);
  small = old;
  small.rlim_cur = 512;
  signal(SIGXFSZ, SIG_IGN);
  setrlimit(RLIMIT_FSIZE, &small);
  errno = 0;
  int rc = sc_report_sarif_file(path, &f, &o);
  int saved = errno;
  setrlimit(RLIMIT_FSIZE, &old);
  CHECK(rc == -1);
  CHECK(saved != 0);
  char *after = read_file(path);
  CHECK(after && good && strcmp(after, good) == 0);
  CHECK(temporaries_left("out.sarif") == 0);
  CHECK(sc_report_pending_file == NULL);

  /* A directory that does not exist: -1, nothing created. */
  char *nowhere = path_in_dir("no/such/dir/out.sarif");
  CHECK(sc_report_sarif_file(nowhere, &f, &o) == -1);
  free(nowhere);
  free(after);
  free(good);
  free(path);
  sc_findings_free(&f);
}

static void test_baseline_apply(void) {
  sc_findings f = two_findings(dir);
  sc_findings_finish(&f);
  sc_sarif_options o = {.srcroot = dir, .tool_version = "1", .execution_successful = 1};
  char *base = path_in_dir("base.sarif");
  CHECK(sc_report_sarif_file(base, &f, &o) == 0);

  /* The same findings plus a new one: two known, one new. */
  sc_findings g = two_findings(dir);
  add_finding(&g, "/elsewhere/new.c", 1, 1, 0, "sleep", "fresh");
  sc_findings_finish(&g);
  char why[512] = "";
  CHECK(sc_baseline_apply(base, &g, why, sizeof why) == 2);
  int known = 0, fresh = 0;
  for (size_t i = 0; i < g.count; i++) {
    known += g.items[i].suppressed == SC_SUPPRESSED_BASELINE;
    fresh += g.items[i].suppressed == 0 && !strcmp(g.items[i].function, "fresh");
  }
  CHECK(known == 2 && fresh == 1);
  sc_findings_free(&g);

  /* An in-source suppression stays one (SARIF says inSource, not baseline). */
  sc_findings h = two_findings(dir);
  sc_findings_finish(&h);
  h.items[0].suppressed = SC_SUPPRESSED_IN_SOURCE;
  CHECK(sc_baseline_apply(base, &h, why, sizeof why) == 1);
  CHECK(h.items[0].suppressed == SC_SUPPRESSED_IN_SOURCE);
  sc_findings_free(&h);

  /* Unusable baselines: a message naming the file (and the place). */
  char *bad = path_in_dir("bad.sarif");
  write_file(bad, "{\"runs\": [\n  {\"results\": [}\n]}");
  CHECK(sc_baseline_apply(bad, &f, why, sizeof why) == -1);
  CHECK(strstr(why, "bad.sarif:2:") != NULL);
  write_file(bad, "[1, 2]");
  CHECK(sc_baseline_apply(bad, &f, why, sizeof why) == -1);
  CHECK(strstr(why, "not a SARIF log") != NULL);
  char *missing = path_in_dir("missing.sarif");
  CHECK(sc_baseline_apply(missing, &f, why, sizeof why) == -1);
  CHECK(strstr(why, "missing.sarif") != NULL);
  /* Results without fingerprints (another tool's log) match nothing. */
  write_file(bad, "{\"runs\": [{\"results\": [{\"ruleId\": \"x\"}]}]}");
  CHECK(sc_baseline_apply(bad, &f, why, sizeof why) == 0);
  free(missing);
  free(bad);
  free(base);
  sc_findings_free(&f);
}

static void test_json_formats(void) {
  sc_findings f = two_findings("/proj");
  sc_findings_finish(&f);
  f.items[1].suppressed = SC_SUPPRESSED_BASELINE;
  captured c;
  CHECK(sc_report_json(capture_begin(&c), &f) == 0);
  char *text = capture_end(&c);
  json_error_t err;
  json_t *doc = json_loads(text, 0, &err);
  CHECK(doc && json_integer_value(json_object_get(doc, "version")) == 1);
  json_t *list = json_object_get(doc, "findings");
  CHECK(json_array_size(list) == 2);
  CHECK(!strcmp(json_string_value(json_object_get(json_array_get(list, 1), "suppressed")), "baseline"));
  CHECK(json_is_false(json_object_get(json_array_get(list, 0), "suppressed")));
  CHECK(json_array_size(json_object_get(json_array_get(list, 0), "path")) == 1);
  json_decref(doc);
  free(text);

  CHECK(sc_report_codequality(capture_begin(&c), &f, "/proj") == 0);
  text = capture_end(&c);
  doc = json_loads(text, 0, &err);
  CHECK(json_array_size(doc) == 1); /* the baselined one is left out */
  json_t *issue = json_array_get(doc, 0);
  CHECK(!strcmp(json_string_value(json_object_get(json_object_get(issue, "location"), "path")), "/elsewhere/lib.c") ||
        !strcmp(json_string_value(json_object_get(json_object_get(issue, "location"), "path")), "src/with space.c"));
  CHECK(!strcmp(json_string_value(json_object_get(issue, "severity")), "major"));
  json_decref(doc);
  free(text);
  sc_findings_free(&f);
}

/* JUnit XML: every character XML 1.0 cannot hold becomes U+FFFD (invalid
 * UTF-8, overlong forms, surrogates, U+FFFE, control characters), the
 * specials are escaped (newlines and tabs as references in attributes),
 * valid multi-byte text is kept, and names stay unique. */
static void test_junit(void) {
  sc_findings f;
  sc_findings_init(&f);
  sc_finding *x = add_finding(&f, "/proj/a&b.c", 12, 3, 8, "sleep", "on_timer");
  free(x->message);
  x->message = sc_strdupf("<'q' \"x\"> & ]]> caf\xc3\xa9 \xf0\x9f\x98\x80 bad:\xff\xc0\xaf\xed\xa0\x80\xef\xbf\xbe"
                          "\x01\x1b line\nnext\ttab\r");
  add_finding(&f, "/proj/a&b.c", 20, 3, 8, "sleep", "on_timer");
  x = add_finding(&f, "/proj/b.c", 5, 1, 0, "usleep", "on_idle");
  x->suppressed = SC_SUPPRESSED_IN_SOURCE;
  sc_findings_finish(&f);
  captured c;
  CHECK(sc_report_junit(capture_begin(&c), &f, "/proj/") == 0);
  char *text = capture_end(&c);
  CHECK(strstr(text, "<testsuites name=\"stallcheck\" tests=\"3\" failures=\"2\" errors=\"0\" skipped=\"1\">"));
  CHECK(strstr(text, "message=\"a&amp;b.c:12:3: &lt;'q' &quot;x&quot;&gt; &amp; ]]&gt; caf\xc3\xa9 \xf0\x9f\x98\x80 bad:"
                     "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
                     "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd line&#10;next&#9;tab&#13;\">"));
  CHECK(strstr(text, ">a&amp;b.c:12:3: warning: &lt;'q' \"x\"&gt; &amp; ]]&gt; caf\xc3\xa9"));
  CHECK(strstr(text, " line\nnext\ttab&#13; [blocking-call-in-event-loop]\na&amp;b.c:1:1: note: registered here\n"
                     "remedy: use the async API\nrule: "));
  /* Two sleeps in on_timer: located names; the suppressed one is skipped. */
  CHECK(strstr(text, "name=\"a&amp;b.c:12:3: 'sleep' in on_timer\" file=\"a&amp;b.c\" line=\"12\""));
  CHECK(strstr(text, "name=\"a&amp;b.c:20:3: 'sleep' in on_timer\""));
  CHECK(strstr(text, "name=\"b.c: 'usleep' in on_idle\" file=\"b.c\" line=\"5\">\n"
                     "      <skipped message=\"suppressed in the source (NOLINT)\"/>"));
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) CHECK(*p >= 0x20 || *p == '\n' || *p == '\t');
  free(text);
  sc_findings_free(&f);

  sc_findings none;
  sc_findings_init(&none);
  CHECK(sc_report_junit(capture_begin(&c), &none, NULL) == 0);
  text = capture_end(&c);
  CHECK(strstr(text, "tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\""));
  CHECK(strstr(text, "<testcase classname=\"stallcheck\" name=\"no findings\"/>"));
  free(text);
  sc_findings_free(&none);
}

int main(int argc, char **argv) {
  const char *base = argc > 1 ? argv[1] : ".";
  snprintf(dir, sizeof dir, "%s/test_report.tmp", base);
  char *rm = sc_strdupf("rm -rf '%s'", dir);
  if (system(rm) != 0 || mkdir(dir, 0777) != 0) {
    perror(dir);
    return 2;
  }
  char real[4096];
  if (realpath(dir, real)) snprintf(dir, sizeof dir, "%s", real);
  test_text_layout();
  test_github_escaping();
  test_sarif_deterministic_and_relative();
  test_sarif_file_is_atomic();
  test_baseline_apply();
  test_json_formats();
  test_junit();
  free(rm);
  if (failures) {
    fprintf(stderr, "test_report: %d check(s) failed\n", failures);
    return 1;
  }
  puts("test_report: all checks passed");
  return 0;
}
