/*
 * test_facts_io.c - facts files (facts_io.h) on facts built by hand:
 *
 *  - every field of every record survives a write and a read, including the
 *    strings the format has to escape (spaces, '%', "-", "", newlines, bytes
 *    above 0x7f) and NULL next to the empty string, SC_NONE next to 0;
 *  - writing what was read gives the same bytes (nothing is normalised away);
 *  - several TUs in one file come back in order;
 *  - another tool's file, another format version, an empty file, every
 *    truncation and thousands of single-byte corruptions are refused with a
 *    message naming the file, or (when a corruption happens to be a valid
 *    file) read into facts whose indexes are all in range.  Never a crash:
 *    the sanitizer build runs this too.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memfd_create */
#endif
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "stallcheck/facts_io.h"

static int failures;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

static const char *const awkward[] = {
    "plain", "with space", "tab\there", "new\nline", "100%", "%2D", "-", "", "caf\xc3\xa9", "\x7f\x01", "a%%b",
};
#define NAWKWARD (sizeof awkward / sizeof *awkward)

static const char *s(size_t i) { return awkward[i % NAWKWARD]; }

static sc_loc loc(sc_facts *f, uint32_t n) {
  return sc_facts_loc(f, n % 5 == 4 ? NULL : s(n), n, n + 1, n % 3 ? n + 2 : 0, n % 3 ? n + 7 : 0);
}

/* Facts that use every record and every field, with values at the edges. */
static sc_facts *build(const char *tu) {
  sc_facts *f = sc_facts_new(tu);
  for (uint32_t i = 0; i < 4; i++) {
    sc_function fn = {0};
    fn.usr = i == 3 ? "" : s(i + 1);
    fn.name = s(i + 4);
    fn.linkage = i % 2 ? SC_LINKAGE_INTERNAL : SC_LINKAGE_EXTERNAL;
    fn.loc = loc(f, i);
    fn.flags = i == 2 ? (SC_FN_HOT | SC_FN_BLOCKING | SC_FN_INLINE_HEADER) : i;
    fn.nparams = i + 1;
    fn.params_written = i == 1 ? 3u : 0; /* function 1 writes its first two parameters, */
    fn.params_kernel_default = i == 1 ? 1u : 0; /* the first only with a kernel default */
    fn.annotations = i == 1 ? "stallcheck::blocking\nstallcheck::hot" : NULL;
    sc_facts_add_function(f, &fn);
  }
  sc_loop outer = {0, SC_NONE, 1, SC_TRIP_INPUT, 0, "len", 12, loc(f, 20), 0};
  sc_facts_add_loop(f, &outer);
  sc_loop inner = {0, 0, 2, SC_TRIP_CONST, INT64_MIN, NULL, UINT32_MAX - 1, loc(f, 21), 1};
  sc_facts_add_loop(f, &inner);
  sc_loop forever = {3, SC_NONE, 1, SC_TRIP_INFINITE, INT64_MAX, "", 0, loc(f, 22), 0};
  sc_facts_add_loop(f, &forever);

  sc_arg args[8];
  for (uint32_t a = 0; a < 8; a++) {
    memset(&args[a], 0, sizeof args[a]);
    args[a].kind = (sc_arg_kind)a; /* every kind, OTHER to FIELD */
    args[a].ival = a == 1 ? -42 : (int64_t)a * 1000000007;
    args[a].text = a % 2 ? s(a) : NULL;
    args[a].usr = a == 4 || a == 5 ? s(a + 2) : NULL;
    args[a].name = s(a + 3);
    args[a].param = a == SC_ARG_PARAM ? 1 : SC_NONE;
    args[a].type = a == 4 ? "uv_timer_cb" : a == 3 ? "" : NULL;
    args[a].record = a == SC_ARG_FIELD ? "ev_io" : NULL;
  }
  for (uint32_t i = 0; i < 5; i++) {
    sc_call c = {0};
    c.caller = i % 4;
    c.callee_kind = (sc_callee_kind)i; /* every kind, DIRECT to UNKNOWN */
    c.callee_usr = i == 4 ? NULL : s(i);
    c.callee_name = s(i + 5);
    c.record = i == SC_CALLEE_FIELD ? "struct ops" : NULL;
    c.param = i == SC_CALLEE_PARAM ? 2 : SC_NONE;
    c.loc = loc(f, 30 + i);
    c.loop = i == 0 ? 1 : i == 3 ? 2 : SC_NONE;
    c.callee_flags = i == 0 ? SC_FN_BLOCKING : i == 1 ? SC_FN_NONBLOCKING : 0;
    c.callee_annotations = i == 0 ? "stallcheck::blocking\nstallcheck::offload(2)" : i == 1 ? "" : NULL;
    c.zero_guard = i == 4 ? 1 : 0; /* call 0 guards call 4: both are in function 0 */
    c.param_guards = i == 4 ? 1u : 0; /* call 4 runs only when parameter 0 is nonzero */
    sc_arg mine[8];
    memcpy(mine, args, sizeof mine);
    mine[1].value_call = i == 4 ? 1 : 0; /* call 4's second argument holds call 0's result */
    sc_facts_add_call(f, &c, i == 2 ? NULL : mine, i == 2 ? 0 : i == 0 ? 8 : i);
  }
  for (uint32_t i = 0; i < 5; i++) {
    sc_flow w = {0};
    w.fn_usr = i == 3 ? NULL : s(i + 2);
    w.fn_name = s(i);
    w.src_param = i == 3 ? 1 : SC_NONE;
    w.kind = (sc_flow_kind)i; /* every kind, ARG to OTHER */
    w.function = i == 1 ? SC_NONE : i % 4;
    w.call = i == SC_FLOW_ARG ? 0 : SC_NONE;
    w.arg = i == SC_FLOW_ARG ? 7 : SC_NONE;
    w.var_usr = i == SC_FLOW_VAR ? "c:@handlers" : NULL;
    w.var_name = i == SC_FLOW_VAR ? "handlers" : NULL;
    w.record = i == SC_FLOW_FIELD ? "" : NULL;
    w.field = i == SC_FLOW_FIELD ? "on read" : NULL;
    w.holder_usr = i == 1 ? "c:x.c@lualibs" : NULL; /* flow 1 is in a global initialiser */
    w.loc = loc(f, 40 + i);
    sc_facts_add_flow(f, &w);
  }
  /* References from bodies and from an initialiser; a repeat is kept once. */
  sc_var_ref refs[] = {{0, NULL, "c:x.c@lualibs"}, {0, NULL, "c:@server"}, {0, NULL, "c:x.c@lualibs"},
                       {SC_NONE, "c:x.c@lualibs", "c:x.c@iolib"}, {3, NULL, "c:@server"}};
  for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) sc_facts_add_var_ref(f, &refs[i]);
  CHECK(f->nvar_refs == 4);
  sc_var_store stores[] = {{0, "c:x.c@urandom_file", 1, 0}, {1, "c:x.c@urandom_file", 0, 1}, {2, "c:x.c@log", 0, 0}};
  for (size_t i = 0; i < sizeof stores / sizeof stores[0]; i++) sc_facts_add_var_store(f, &stores[i]);
  sc_loc d = loc(f, 50);
  sc_facts_add_diag(f, SC_DIAG_WARNING, &d, "unused variable 'x' [-Wunused]");
  sc_facts_add_diag(f, SC_DIAG_FATAL, &d, "'gio/gio.h' file not found");
  sc_facts_add_diag(f, SC_DIAG_ERROR, &d, "");
  return f;
}

static int same_str(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

static int same_loc(sc_loc a, sc_loc b) {
  return same_str(a.file, b.file) && a.line == b.line && a.col == b.col && a.end_line == b.end_line &&
         a.end_col == b.end_col;
}

static void check_same(const sc_facts *a, const sc_facts *b) {
  CHECK(same_str(a->tu_file, b->tu_file));
  CHECK(!a->parse_failed == !b->parse_failed);
  CHECK(a->nfunctions == b->nfunctions && a->ncalls == b->ncalls && a->nargs == b->nargs &&
        a->nflows == b->nflows && a->nloops == b->nloops && a->ndiags == b->ndiags);
  if (failures) return;
  for (uint32_t i = 0; i < a->nfunctions; i++) {
    const sc_function *x = &a->functions[i], *y = &b->functions[i];
    CHECK(same_str(x->usr, y->usr) && same_str(x->name, y->name) && x->linkage == y->linkage);
    CHECK(same_loc(x->loc, y->loc) && x->flags == y->flags && x->nparams == y->nparams &&
          x->params_written == y->params_written && x->params_kernel_default == y->params_kernel_default);
    CHECK(same_str(x->annotations, y->annotations));
  }
  for (uint32_t i = 0; i < a->ncalls; i++) {
    const sc_call *x = &a->calls[i], *y = &b->calls[i];
    CHECK(x->caller == y->caller && x->callee_kind == y->callee_kind && x->param == y->param);
    CHECK(same_str(x->callee_usr, y->callee_usr) && same_str(x->callee_name, y->callee_name));
    CHECK(same_str(x->record, y->record) && same_loc(x->loc, y->loc) && x->loop == y->loop);
    CHECK(x->nargs == y->nargs && x->callee_flags == y->callee_flags && x->zero_guard == y->zero_guard &&
          x->param_guards == y->param_guards);
    CHECK(same_str(x->callee_annotations, y->callee_annotations));
    for (uint32_t k = 0; k < x->nargs && k < y->nargs; k++) {
      const sc_arg *g = sc_call_arg(a, x, k), *h = sc_call_arg(b, y, k);
      CHECK(g->kind == h->kind && g->ival == h->ival && g->param == h->param);
      CHECK(same_str(g->text, h->text) && same_str(g->usr, h->usr) && same_str(g->name, h->name));
      CHECK(same_str(g->type, h->type) && same_str(g->record, h->record) && g->value_call == h->value_call);
    }
  }
  for (uint32_t i = 0; i < a->nflows; i++) {
    const sc_flow *x = &a->flows[i], *y = &b->flows[i];
    CHECK(same_str(x->fn_usr, y->fn_usr) && same_str(x->fn_name, y->fn_name) && x->src_param == y->src_param);
    CHECK(x->kind == y->kind && x->function == y->function && x->call == y->call && x->arg == y->arg);
    CHECK(same_str(x->var_usr, y->var_usr) && same_str(x->var_name, y->var_name));
    CHECK(same_str(x->record, y->record) && same_str(x->field, y->field) && same_loc(x->loc, y->loc));
    CHECK(same_str(x->holder_usr, y->holder_usr));
  }
  CHECK(a->nvar_stores == b->nvar_stores);
  for (uint32_t i = 0; i < a->nvar_stores && i < b->nvar_stores; i++) {
    const sc_var_store *x = &a->var_stores[i], *y = &b->var_stores[i];
    CHECK(x->function == y->function && same_str(x->var_usr, y->var_usr) && x->value_call == y->value_call &&
          x->is_null == y->is_null);
  }
  CHECK(a->nvar_refs == b->nvar_refs);
  for (uint32_t i = 0; i < a->nvar_refs && i < b->nvar_refs; i++) {
    const sc_var_ref *x = &a->var_refs[i], *y = &b->var_refs[i];
    CHECK(x->function == y->function && same_str(x->holder_usr, y->holder_usr) && same_str(x->var_usr, y->var_usr));
  }
  for (uint32_t i = 0; i < a->nloops; i++) {
    const sc_loop *x = &a->loops[i], *y = &b->loops[i];
    CHECK(x->function == y->function && x->parent == y->parent && x->depth == y->depth);
    CHECK(x->trip_kind == y->trip_kind && x->trip_count == y->trip_count && x->body_weight == y->body_weight);
    CHECK(same_str(x->bound_text, y->bound_text) && same_loc(x->loc, y->loc));
    CHECK(x->continues_outer == y->continues_outer);
  }
  for (uint32_t i = 0; i < a->ndiags; i++) {
    const sc_diag *x = &a->diags[i], *y = &b->diags[i];
    CHECK(x->level == y->level && same_loc(x->loc, y->loc) && same_str(x->message, y->message));
  }
}

static char *slurp(const char *path, size_t *len) {
  FILE *in = fopen(path, "rb");
  if (!in) return NULL;
  char *buf = NULL;
  size_t cap = 0, n = 0, got;
  do {
    if (n + 4096 > cap) {
      cap = (n + 4096) * 2;
      buf = realloc(buf, cap);
      if (!buf) abort();
    }
    got = fread(buf + n, 1, cap - n, in);
    n += got;
  } while (got > 0);
  fclose(in);
  *len = n;
  return buf;
}

static void spit(const char *path, const char *data, size_t len) {
  FILE *out = fopen(path, "wb");
  if (!out || fwrite(data, 1, len, out) != len || fclose(out) != 0) {
    perror(path);
    exit(2);
  }
}

static void write_tus(const char *path, sc_facts **tus, size_t n) {
  FILE *out = fopen(path, "w");
  CHECK(out != NULL);
  if (!out) return;
  for (size_t i = 0; i < n; i++) CHECK(sc_facts_write(out, tus[i]) == 0);
  CHECK(fclose(out) == 0);
}

static void free_tus(sc_facts **tus, int n) {
  for (int i = 0; i < n; i++) sc_facts_free(tus[i]);
  free(tus);
}

/* What the engine relies on after a successful read: every index in range. */
static void check_indexes(const sc_facts *f) {
  for (uint32_t i = 0; i < f->ncalls; i++) {
    const sc_call *c = &f->calls[i];
    CHECK(c->caller < f->nfunctions);
    CHECK(c->loop == SC_NONE || c->loop < f->nloops);
    CHECK((uint64_t)c->first_arg + c->nargs <= f->nargs);
  }
  for (uint32_t i = 0; i < f->nflows; i++) {
    const sc_flow *w = &f->flows[i];
    CHECK(w->function == SC_NONE || w->function < f->nfunctions);
    if (w->kind == SC_FLOW_ARG) CHECK(w->call < f->ncalls && w->arg < f->calls[w->call].nargs);
  }
  for (uint32_t i = 0; i < f->nloops; i++)
    CHECK(f->loops[i].function < f->nfunctions && (f->loops[i].parent == SC_NONE || f->loops[i].parent < i));
}

/* Reads `path`; a refusal must come with a message that names the file. */
static int read_checked(const char *path, sc_facts ***tus) {
  char err[512] = "";
  int n = sc_facts_read_file(path, tus, err, sizeof err);
  if (n < 0) {
    CHECK(*tus == NULL);
    CHECK(strstr(err, path) == err);
  } else {
    for (int i = 0; i < n; i++) check_indexes((*tus)[i]);
  }
  return n;
}

static void test_round_trip(const char *dir) {
  char path[4096], again[4096];
  snprintf(path, sizeof path, "%s/facts_io_round_trip.facts", dir);
  snprintf(again, sizeof again, "%s/facts_io_again.facts", dir);
  sc_facts *orig[3] = {build("/src/a b.c"), build("-"), sc_facts_new("")};
  orig[2]->parse_failed = 1;
  write_tus(path, orig, 3);

  sc_facts **tus = NULL;
  char err[512] = "";
  int n = sc_facts_read_file(path, &tus, err, sizeof err);
  if (n < 0) fprintf(stderr, "%s\n", err);
  CHECK(n == 3);
  for (int i = 0; i < n && i < 3; i++) check_same(orig[i], tus[i]);

  /* Writing what was read gives the same bytes. */
  if (n == 3) write_tus(again, tus, 3);
  size_t la, lb;
  char *a = slurp(path, &la), *b = slurp(again, &lb);
  CHECK(a && b && la == lb && !memcmp(a, b, la));
  free(a);
  free(b);
  free_tus(tus, n);
  for (int i = 0; i < 3; i++) sc_facts_free(orig[i]);
}

static void expect_refused(const char *path, const char *data, const char *message) {
  spit(path, data, strlen(data));
  sc_facts **tus = (sc_facts **)&tus;
  char err[512] = "";
  CHECK(sc_facts_read_file(path, &tus, err, sizeof err) == -1);
  CHECK(tus == NULL);
  if (!strstr(err, message)) {
    fprintf(stderr, "expected '%s' in: %s\n", message, err);
    failures++;
  }
}

/* `records` (lines from `tu` on) sealed with the `end` line a writer would
 * put after them, so that a test reaches the checks behind the checksum. */
static void sealed(char *buf, size_t size, const char *header, const char *records, const char *counts) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (const char *p = records; *p; p++) h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
  snprintf(buf, size, "%s%send %s %016" PRIx64 "\n", header, records, counts, h);
}

static void test_refusals(const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/facts_io_refused.facts", dir);
  char header[128];
  snprintf(header, sizeof header, "stallcheck-facts %d %s\n", SC_FACTS_FORMAT, STALLCHECK_VERSION);
  expect_refused(path, "", "empty file");
  expect_refused(path, "{\"version\": \"2.1.0\", \"runs\": []}\n", ":1: not a stallcheck facts file");
  expect_refused(path, "\x7f" "ELF\x02\x01\x01", ":1: not a stallcheck facts file");
  expect_refused(path, "stallcheck-facts 0 0.0.1\ntu a.c 0\nend 0 0 0 0 0\n", ":1: facts format 0");
  expect_refused(path, "stallcheck-facts 1 0.1.0\ntu a.c 0\nend 0 0 0 0 0\n", ":1: facts format 1, this stallcheck reads format 6");
  expect_refused(path, "stallcheck-facts 99 9.9.9\n", "regenerate the file");
  expect_refused(path, "stallcheck-facts 6\n", ":1: malformed header");
  expect_refused(path, "stallcheck-facts 6 0.1.0", ":1: the file ends inside a line (truncated)");
  char buf[512];
  snprintf(buf, sizeof buf, "%stu a.c 0\n", header);
  expect_refused(path, buf, "truncated");
  sealed(buf, sizeof buf, header, "tu a.c 0\nfn u f 0 0 0 - 0 0 a.c 1 1 0 0\n", "2 0 0 0 0");
  expect_refused(path, buf, ":4: record counts do not match");
  sealed(buf, sizeof buf, header, "tu a.c 0\nfn u f 0 0 0 - 0 0 a.c 1 1 0 0\n", "1 0 0 0 0");
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION /* checksums are not verified there */
  buf[strlen(header) + 14] = 'g'; /* fn u g: still a valid record */
  expect_refused(path, buf, ":4: checksum mismatch");
#endif
  sealed(buf, sizeof buf, header, "tu a.c 0\nfn u f 0 0 0 - 0 0 a.c 1 1 0 0\n", "1 0 0 0 0");
  {
    sc_facts **tus = NULL;
    char err[256] = "";
    spit(path, buf, strlen(buf));
    int n = sc_facts_read_file(path, &tus, err, sizeof err);
    CHECK(n == 1 && !strcmp(tus[0]->functions[0].name, "f"));
    if (n < 0) fprintf(stderr, "%s\n", err);
    free_tus(tus, n);
    spit(path, header, strlen(header)); /* an empty shard: the header alone */
    CHECK(sc_facts_read_file(path, &tus, err, sizeof err) == 0);
    free(tus);
  }
  snprintf(buf, sizeof buf, "%stu a.c 0\nfn u f 0 0 0 - 0 0 a.c 1 1 0 0\ncall 0 0 u g - - - 3 0 - - 0 a.c 2 1 0 0\narg 1 5 - - - - - - -\nend 1 1 0 0 0\n", header);
  expect_refused(path, buf, ":6: call with 2 arguments missing");
  snprintf(buf, sizeof buf, "%stu a.c 0\ncall 0 0 u g - - - 4294967295 0 - - 0 a.c 2 1 0 0\n", header);
  expect_refused(path, buf, ":3: field 8 is not a count");
  snprintf(buf, sizeof buf, "%stu a.c 0\ncall 0 0 u g - - - 100000 0 - - 0 a.c 2 1 0 0\n", header);
  expect_refused(path, buf, "a call with 100000 arguments");
  snprintf(buf, sizeof buf, "%stu a.c 0\nfn u%%00x f 0 0 0 - 0 0 a.c 1 1 0 0\n", header);
  expect_refused(path, buf, ":3: bad escape");
  snprintf(buf, sizeof buf, "%stu a.c 0\nfn u f 7 0 0 - 0 0 a.c 1 1 0 0\n", header);
  expect_refused(path, buf, ":3: field 3 is out of range");
  sealed(buf, sizeof buf, header, "tu a.c 0\nloop 0 - 1 0 0 - 0 0 a.c 1 1 0 0\n", "0 0 0 1 0");
  expect_refused(path, buf, "loop 0: function out of range");
  snprintf(buf, sizeof buf, "%sfn u f 0 0 0 - 0 0 a.c 1 1 0 0\n", header);
  expect_refused(path, buf, ":2: 'fn' record outside a TU");
  snprintf(buf, sizeof buf, "%stu a.c 0\nsymlink /etc/passwd\n", header);
  expect_refused(path, buf, ":3: unknown record 'symlink'");
  snprintf(buf, sizeof buf, "%stu a.c 0\nend 0 0 0 0 0\n", header);
  buf[strlen(header) + 3] = 0; /* a NUL inside a line */
  spit(path, buf, strlen(header) + 24);
  sc_facts **tus;
  char err[256];
  CHECK(sc_facts_read_file(path, &tus, err, sizeof err) == -1 && strstr(err, "NUL byte"));
  CHECK(sc_facts_read_file("/nonexistent/dir/x.facts", &tus, err, sizeof err) == -1 &&
        strstr(err, "/nonexistent/dir/x.facts: "));
  /* A message longer than the buffer is cut, still terminated. */
  char small[8];
  CHECK(sc_facts_read_file(path, &tus, small, sizeof small) == -1 && strlen(small) < sizeof small);
}

/* A file in memory for the thousands of corrupted variants (the build
 * directory may be on a slow, shared disk); `dir` if that fails. */
static void scratch_path(char *path, size_t size, const char *dir, const char *name) {
  int fd = memfd_create(name, 0);
  if (fd >= 0)
    snprintf(path, size, "/proc/self/fd/%d", fd); /* stays open until exit */
  else
    snprintf(path, size, "%s/%s", dir, name);
}

/* Every truncation of a good two-TU file and single-byte corruptions at every
 * position: refused with a message, or (a corruption that is still a valid
 * file, e.g. a digit changed) read with every index in range. */
static void test_corruptions(const char *dir) {
  char good[4096], bad[4096];
  snprintf(good, sizeof good, "%s/facts_io_good.facts", dir);
  scratch_path(bad, sizeof bad, dir, "facts_io_bad.facts");
  sc_facts *orig[2] = {build("one.c"), build("two.c")};
  write_tus(good, orig, 2);
  sc_facts_free(orig[0]);
  sc_facts_free(orig[1]);
  size_t len;
  char *data = slurp(good, &len);
  CHECK(data != NULL);
  if (!data) return;

  size_t accepted_cuts = 0;
  for (size_t cut = 0; cut < len; cut++) {
    spit(bad, data, cut);
    sc_facts **tus = NULL;
    int n = read_checked(bad, &tus);
    CHECK(n < 2); /* a cut file never reads as whole */
    if (n >= 0) {
      accepted_cuts++;
      if (getenv("FACTS_IO_VERBOSE")) fprintf(stderr, "cut at %zu of %zu accepted: %d TUs\n", cut, len, n);
    }
    if (n >= 0) free_tus(tus, n);
  }
  /* Only the cuts right after a whole line that ends a TU or the header make
   * a valid file: of one TU and of none. */
  CHECK(accepted_cuts == 2);

  static const char replacements[] = {'0', '9', '-', '%', ' ', '\n', 'x', '\x80'};
  size_t accepted = 0, refused = 0;
  for (size_t pos = 0; pos < len; pos++) {
    for (size_t r = 0; r < sizeof replacements; r++) {
      if (data[pos] == replacements[r]) continue;
      char saved = data[pos];
      data[pos] = replacements[r];
      spit(bad, data, len);
      data[pos] = saved;
      sc_facts **tus = NULL;
      int n = read_checked(bad, &tus);
      if (n < 0) {
        refused++;
      } else {
        accepted++;
        free_tus(tus, n);
      }
    }
  }
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  CHECK(refused > accepted); /* most corruptions are caught, even without checksums */
#else
  /* Only the stallcheck version in the header is not checked: 5 bytes. */
  CHECK(accepted <= 5 * sizeof replacements);
#endif
  printf("facts_io: %zu bytes, %zu truncations, %zu corruptions refused, %zu still valid\n", len, len, refused,
         accepted);
  free(data);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : ".";
  test_round_trip(dir);
  test_refusals(dir);
  test_corruptions(dir);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("test_facts_io: all checks passed");
  return 0;
}
