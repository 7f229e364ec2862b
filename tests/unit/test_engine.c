/*
 * test_engine.c - the engine on facts built by hand: linking by USR, pointer
 * resolution, roots, contexts, shortest paths, liveness, cycles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stallcheck/program.h"

static int failures;
#define CHECK(cond)                                                       \
  do {                                                                    \
    if (!(cond)) {                                                        \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                         \
    }                                                                     \
  } while (0)

static uint32_t fn(sc_facts *f, const char *name, int is_static, uint32_t nparams) {
  char usr[128];
  snprintf(usr, sizeof usr, is_static ? "c:%s.c@F@%s" : "c:@F@%s", is_static ? f->tu_file : name, name);
  sc_function d = {0};
  d.usr = usr;
  d.name = name;
  d.linkage = is_static ? SC_LINKAGE_INTERNAL : SC_LINKAGE_EXTERNAL;
  d.loc = sc_facts_loc(f, f->tu_file, 1, 1, 0, 0);
  d.nparams = nparams;
  return sc_facts_add_function(f, &d);
}

static uint32_t call(sc_facts *f, uint32_t caller, const char *callee, uint32_t line, sc_arg *args, uint32_t n) {
  char usr[128];
  snprintf(usr, sizeof usr, "c:@F@%s", callee);
  sc_call c = {0};
  c.caller = caller;
  c.callee_kind = SC_CALLEE_DIRECT;
  c.callee_usr = usr;
  c.callee_name = callee;
  c.loc = sc_facts_loc(f, f->tu_file, line, 3, 0, 0);
  c.loop = SC_NONE;
  return sc_facts_add_call(f, &c, args, n);
}

static sc_arg func_arg(const char *name) {
  static char usr[8][128];
  static int k;
  char *u = usr[k++ % 8];
  snprintf(u, 128, "c:@F@%s", name);
  sc_arg a = {0};
  a.kind = SC_ARG_FUNC;
  a.usr = u;
  a.name = name;
  return a;
}

static sc_arg other_arg(void) {
  sc_arg a = {0};
  a.kind = SC_ARG_OTHER;
  return a;
}

static size_t count_rule(const sc_findings *f, const char *callee) {
  size_t n = 0;
  for (size_t i = 0; i < f->count; i++)
    if (!strcmp(f->items[i].callee, callee)) n++;
  return n;
}

static void analyze(sc_facts **tus, uint32_t n, sc_findings *out) {
  sc_program *p = sc_program_link(tus, n);
  sc_program_solve(p);
  sc_options o;
  sc_options_init(&o);
  sc_findings_init(out);
  sc_analyze(p, &o, out);
  sc_program_free(p);
}

/* main registers on_timer (TU a); on_timer calls helper (TU b), which sleeps. */
static void test_cross_tu_link(void) {
  sc_facts *a = sc_facts_new("a"), *b = sc_facts_new("b");
  uint32_t m = fn(a, "main", 0, 0), cb = fn(a, "on_timer", 1, 1);
  sc_arg args[4] = {other_arg(), func_arg("on_timer"), other_arg(), other_arg()};
  /* the callback is static: its USR is the TU's */
  args[1].usr = a->functions[cb].usr;
  call(a, m, "uv_timer_start", 10, args, 4);
  call(a, cb, "helper", 5, NULL, 0);
  uint32_t h = fn(b, "helper", 0, 0);
  call(b, h, "sleep", 3, NULL, 0);
  sc_facts *tus[] = {a, b};
  sc_findings out;
  analyze(tus, 2, &out);
  CHECK(out.count == 1);
  if (out.count == 1) {
    CHECK(!strcmp(out.items[0].callee, "sleep"));
    CHECK(!strcmp(out.items[0].loc.file, "b"));
    CHECK(out.items[0].nsteps == 2); /* registration, on_timer -> helper */
  }
  sc_findings_free(&out);
  sc_facts_free(a);
  sc_facts_free(b);
}

/* A static inline in a header appears in two TUs: one node, one finding. */
static void test_header_function_once(void) {
  sc_facts *a = sc_facts_new("a"), *b = sc_facts_new("b");
  for (int i = 0; i < 2; i++) {
    sc_facts *f = i ? b : a;
    sc_function d = {0};
    d.usr = "c:h.h@F@slow";
    d.name = "slow";
    d.linkage = SC_LINKAGE_INTERNAL;
    d.loc = sc_facts_loc(f, "h.h", 1, 1, 0, 0);
    uint32_t s = sc_facts_add_function(f, &d);
    call(f, s, "usleep", 2, NULL, 0);
  }
  uint32_t m = fn(a, "main", 0, 0);
  uint32_t cb = fn(a, "cb", 0, 1);
  sc_arg args[2] = {func_arg("cb"), other_arg()};
  call(a, m, "g_idle_add", 10, args, 2);
  sc_call c = {0};
  c.caller = cb;
  c.callee_kind = SC_CALLEE_DIRECT;
  c.callee_usr = "c:h.h@F@slow";
  c.callee_name = "slow";
  c.loop = SC_NONE;
  c.loc = sc_facts_loc(a, "a", 4, 3, 0, 0);
  sc_facts_add_call(a, &c, NULL, 0);
  sc_facts *tus[] = {a, b};
  sc_findings out;
  analyze(tus, 2, &out);
  CHECK(out.count == 1);
  sc_findings_free(&out);
  sc_facts_free(a);
  sc_facts_free(b);
}

/* reg(cb) -> inner(cb2 = param) -> uv_timer_start(.., param): two-level forwarding. */
static void test_parameter_forwarding_and_cycles(void) {
  sc_facts *a = sc_facts_new("a");
  uint32_t m = fn(a, "main", 0, 0), outer = fn(a, "outer", 0, 1), inner = fn(a, "inner", 0, 1);
  uint32_t cb = fn(a, "cb", 0, 1), rec = fn(a, "rec", 0, 0);
  sc_arg f = func_arg("cb");
  call(a, m, "outer", 20, &f, 1);
  sc_arg p0 = {0};
  p0.kind = SC_ARG_PARAM;
  p0.param = 0;
  call(a, outer, "inner", 15, &p0, 1);
  sc_arg args[4] = {other_arg(), p0, other_arg(), other_arg()};
  call(a, inner, "uv_timer_start", 10, args, 4);
  /* cb -> rec -> rec (a cycle) -> nanosleep */
  call(a, cb, "rec", 5, NULL, 0);
  call(a, rec, "rec", 6, NULL, 0);
  call(a, rec, "nanosleep", 7, NULL, 0);
  sc_facts *tus[] = {a};
  sc_findings out;
  analyze(tus, 1, &out);
  CHECK(count_rule(&out, "nanosleep") == 1);
  if (out.count == 1) CHECK(out.items[0].steps[0].loc.line == 20); /* registered where cb is handed over */
  sc_findings_free(&out);
  sc_facts_free(a);
}

/* Two roots reach the same blocking call: the explanation is the shortest path. */
static void test_shortest_path(void) {
  sc_facts *a = sc_facts_new("a");
  uint32_t m = fn(a, "main", 0, 0), far = fn(a, "far", 0, 1), near = fn(a, "near", 0, 1);
  uint32_t x = fn(a, "x", 0, 0), y = fn(a, "y", 0, 0);
  sc_arg f1 = func_arg("far"), f2 = func_arg("near");
  sc_arg a1[2] = {f1, other_arg()}, a2[2] = {f2, other_arg()};
  call(a, m, "g_idle_add", 30, a1, 2);
  call(a, m, "g_idle_add", 31, a2, 2);
  call(a, far, "x", 5, NULL, 0);
  call(a, x, "y", 6, NULL, 0);
  call(a, near, "y", 7, NULL, 0);
  call(a, y, "sleep", 8, NULL, 0);
  sc_facts *tus[] = {a};
  sc_findings out;
  analyze(tus, 1, &out);
  CHECK(out.count == 1);
  if (out.count == 1) {
    CHECK(out.items[0].nsteps == 2);
    CHECK(!strcmp(out.items[0].root, "near"));
  }
  sc_findings_free(&out);
  sc_facts_free(a);
}

/* A pointer stored in a variable resolves to what was stored; an unknown
 * pointer resolves to nothing. */
static void test_variable_flow(void) {
  sc_facts *a = sc_facts_new("a");
  uint32_t m = fn(a, "main", 0, 0), cb = fn(a, "cb", 0, 1), slow = fn(a, "slow", 0, 0);
  (void)slow;
  sc_flow fl = {0};
  fl.fn_usr = "c:@F@slow";
  fl.fn_name = "slow";
  fl.kind = SC_FLOW_VAR;
  fl.function = m;
  fl.var_usr = "c:@hook";
  fl.var_name = "hook";
  fl.loc = sc_facts_loc(a, "a", 2, 1, 0, 0);
  sc_facts_add_flow(a, &fl);
  sc_arg args[2] = {func_arg("cb"), other_arg()};
  call(a, m, "g_idle_add", 3, args, 2);
  sc_call c = {0};
  c.caller = cb;
  c.callee_kind = SC_CALLEE_VAR;
  c.callee_usr = "c:@hook";
  c.callee_name = "hook";
  c.loop = SC_NONE;
  c.loc = sc_facts_loc(a, "a", 4, 3, 0, 0);
  sc_facts_add_call(a, &c, NULL, 0);
  c.callee_kind = SC_CALLEE_UNKNOWN;
  c.callee_usr = NULL;
  sc_facts_add_call(a, &c, NULL, 0);
  call(a, 2, "sleep", 9, NULL, 0);
  sc_facts *tus[] = {a};
  sc_findings out;
  analyze(tus, 1, &out);
  CHECK(out.count == 1);
  if (out.count == 1) CHECK(out.items[0].nsteps == 2);
  sc_findings_free(&out);
  sc_facts_free(a);
}

int main(void) {
  test_cross_tu_link();
  test_header_function_once();
  test_parameter_forwarding_and_cycles();
  test_shortest_path();
  test_variable_flow();
  if (failures) {
    fprintf(stderr, "test_engine: %d check(s) failed\n", failures);
    return 1;
  }
  puts("test_engine: all checks passed");
  return 0;
}
