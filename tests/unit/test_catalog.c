/*
 * test_catalog.c - the catalog's lookups and argument conditions, and its
 * registrar rows checked against the real library headers.
 *
 * A wrong callback index in a registrar row loses findings silently, so the
 * second half parses uv.h, event2, ev.h, GLib/GIO, sd-event/sd-bus and
 * pthread.h with libclang and checks that the argument each row names has a
 * function-pointer type, and that every callback typedef exists and is one.
 */
#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stallcheck/catalog.h"
#include "stallcheck/findings.h"

static int failures;
#define CHECK(cond)                                                                \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);     \
      failures++;                                                                  \
    }                                                                              \
  } while (0)

/* ---- conditions on hand-built calls ------------------------------------ */

static sc_facts *facts;

static const sc_call *make_call(const char *callee, const sc_arg *args, uint32_t n) {
  sc_function fn = {0};
  fn.usr = "c:@F@caller";
  fn.name = "caller";
  uint32_t caller = facts->nfunctions ? 0 : sc_facts_add_function(facts, &fn);
  sc_call c = {0};
  c.caller = caller;
  c.callee_kind = SC_CALLEE_DIRECT;
  c.callee_name = callee;
  c.loop = SC_NONE;
  uint32_t i = sc_facts_add_call(facts, &c, args, n);
  return &facts->calls[i];
}

static sc_arg int_arg(int64_t v, const char *text) {
  sc_arg a = {0};
  a.kind = SC_ARG_INT;
  a.ival = v;
  a.text = text;
  return a;
}

static sc_arg other_arg(const char *text) {
  sc_arg a = {0};
  a.kind = SC_ARG_OTHER;
  a.text = text;
  return a;
}

static sc_arg var_arg(const char *name) {
  sc_arg a = {0};
  a.kind = SC_ARG_VAR;
  a.name = name;
  a.text = name;
  return a;
}

static sc_arg null_arg(void) {
  sc_arg a = {0};
  a.kind = SC_ARG_NULL;
  return a;
}

/* Whether some row of `kind` for the call applies (the call is built first:
 * the facts' arrays may move on the next add). */
static int applies(const char *fn, sc_api_kind kind, const sc_arg *args, uint32_t n) {
  const sc_call *c = make_call(fn, args, n);
  size_t count = 0;
  const sc_api *rows = sc_catalog_apis(fn, kind, &count);
  for (size_t i = 0; i < count; i++)
    if (sc_api_applies(&rows[i], facts, c)) return 1;
  return 0;
}

static void test_conditions(void) {
  facts = sc_facts_new("/t.c");
  sc_arg a[4];
  /* waitpid blocks unless WNOHANG is set. */
  a[0] = other_arg("pid"), a[1] = other_arg("&st"), a[2] = int_arg(0, "0");
  CHECK(applies("waitpid", SC_API_BLOCKING, a, 3));
  a[2] = int_arg(1, "WNOHANG");
  CHECK(!applies("waitpid", SC_API_BLOCKING, a, 3));
  a[2] = other_arg("opts"); /* unknown: not reported */
  CHECK(!applies("waitpid", SC_API_BLOCKING, a, 3));

  /* fcntl marks sockets non-blocking with O_NONBLOCK or run-time flags. */
  a[0] = other_arg("fd"), a[1] = int_arg(4, "F_SETFL"), a[2] = other_arg("flags | O_NONBLOCK");
  CHECK(applies("fcntl", SC_API_NONBLOCK_MARKER, a, 3));
  a[2] = var_arg("flags");
  CHECK(applies("fcntl", SC_API_NONBLOCK_MARKER, a, 3));
  a[2] = other_arg("flags & ~O_NONBLOCK");
  CHECK(!applies("fcntl", SC_API_NONBLOCK_MARKER, a, 3));
  a[2] = other_arg("&lock");
  CHECK(!applies("fcntl", SC_API_NONBLOCK_MARKER, a, 3));
  a[1] = int_arg(2, "F_SETFD"), a[2] = int_arg(1, "FD_CLOEXEC");
  CHECK(!applies("fcntl", SC_API_NONBLOCK_MARKER, a, 3));
  a[1] = int_arg(3, "F_GETFL");
  CHECK(!applies("fcntl", SC_API_NONBLOCK_MARKER, a, 2));
  CHECK(sc_catalog_wants_arg_text("fcntl"));
  CHECK(!sc_catalog_wants_arg_text("sleep"));

  /* fwrite to stdout or stderr is logging, to a file it waits for the disk. */
  a[0] = other_arg("buf"), a[1] = int_arg(1, "1"), a[2] = other_arg("n"), a[3] = var_arg("stderr");
  CHECK(!applies("fwrite", SC_API_BLOCKING, a, 4));
  a[3] = var_arg("log_file");
  CHECK(applies("fwrite", SC_API_BLOCKING, a, 4));

  /* uv_fs_* run synchronously only without a callback. */
  sc_arg fs[6] = {other_arg("loop"), other_arg("&req"), other_arg("path"), int_arg(0, "O_RDONLY"),
                  int_arg(0, "0"), null_arg()};
  CHECK(applies("uv_fs_open", SC_API_BLOCKING, fs, 6));
  fs[5] = other_arg("on_open");
  CHECK(!applies("uv_fs_open", SC_API_BLOCKING, fs, 6));
  sc_facts_free(facts);
}

static void test_lookups(void) {
  size_t n = 0;
  const sc_registrar *r = sc_catalog_registrars("uv_read_start", &n);
  CHECK(r && n == 2);
  CHECK(!sc_catalog_registrars("printf", &n) && n == 0);
  CHECK(sc_catalog_apis("sleep", SC_API_BLOCKING, &n) && n == 1);
  CHECK(!sc_catalog_apis("sleep", SC_API_CPU_HEAVY, &n) && n == 0);
  const sc_callback_type *t = sc_catalog_callback_type("const uv_timer_cb ");
  CHECK(t && t->ctx == SC_CTX_LOOP && !strcmp(t->library, "libuv"));
  CHECK(!sc_catalog_callback_type("int"));
  CHECK(sc_catalog_callback_field("ev_io", "cb") != NULL);
  CHECK(sc_catalog_callback_field("ev_timer", "cb") != NULL);
  CHECK(sc_catalog_callback_field("evil_record", "cb") == NULL);

  /* Every row is complete: a remedy without an async API comes from the
   * loop's adaptor, every other kind says why and what to do. */
  const sc_api *apis = sc_catalog_api_table(&n);
  CHECK(n > 200);
  for (size_t i = 0; i < n; i++) {
    CHECK(apis[i].function && apis[i].family && apis[i].library && apis[i].why);
    if (apis[i].kind != SC_API_NONBLOCK_MARKER && apis[i].kind != SC_API_LOOP_WAIT) CHECK(apis[i].remedy);
    size_t k = 0;
    const sc_api *same = sc_catalog_apis(apis[i].function, apis[i].kind, &k);
    CHECK(same && k >= 1);
  }

  /* Remedies speak the stalled loop's language. */
  const sc_api *sl = sc_catalog_apis("sleep", SC_API_BLOCKING, &n);
  char *uv = sc_catalog_remedy(sl, "libuv"), *glib = sc_catalog_remedy(sl, "GLib"), *hand = sc_catalog_remedy(sl, "");
  CHECK(strstr(uv, "uv_timer_start") && !strstr(uv, "g_timeout_add"));
  CHECK(strstr(glib, "g_timeout_add") && !strstr(glib, "uv_timer"));
  CHECK(strstr(hand, "timerfd"));
  free(uv), free(glib), free(hand);
  const sc_api *pq = sc_catalog_apis("PQexec", SC_API_BLOCKING, &n);
  char *pqr = sc_catalog_remedy(pq, "libev");
  CHECK(strstr(pqr, "PQsendQuery"));
  free(pqr);
}

/* ---- registrar rows against the real headers ---------------------------- */

static const char *headers[] = {
    "uv.h", "event2/event.h", "event2/bufferevent.h", "event2/http.h", "event2/listener.h", "event2/dns.h",
    "event2/buffer.h", "ev.h", "glib.h", "gio/gio.h", "glib-unix.h", "systemd/sd-event.h", "systemd/sd-bus.h",
    "pthread.h", "threads.h", "hiredis/async.h", "curl/curl.h",
};

typedef struct decls {
  CXTranslationUnit tu;
  const char *want;  /* the name looked for */
  CXCursor found;
  int have;
} decls;

static enum CXChildVisitResult find_decl(CXCursor c, CXCursor parent, CXClientData data) {
  decls *d = data;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k != CXCursor_FunctionDecl && k != CXCursor_TypedefDecl) return CXChildVisit_Continue;
  CXString s = clang_getCursorSpelling(c);
  int match = !strcmp(clang_getCString(s), d->want);
  clang_disposeString(s);
  if (match) {
    d->found = c;
    d->have = 1;
    return CXChildVisit_Break;
  }
  return CXChildVisit_Continue;
}

static int lookup(decls *d, const char *name) {
  d->want = name;
  d->have = 0;
  clang_visitChildren(clang_getTranslationUnitCursor(d->tu), find_decl, d);
  return d->have;
}

static int is_function_pointer(CXType t) {
  t = clang_getCanonicalType(t);
  if (t.kind != CXType_Pointer) return 0;
  CXType pointee = clang_getCanonicalType(clang_getPointeeType(t));
  return pointee.kind == CXType_FunctionProto || pointee.kind == CXType_FunctionNoProto;
}

static void test_against_headers(const char *build_dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/catalog_headers.c", build_dir);
  FILE *f = fopen(path, "w");
  if (!f) {
    perror(path);
    failures++;
    return;
  }
  for (size_t i = 0; i < sizeof headers / sizeof *headers; i++) fprintf(f, "#include <%s>\n", headers[i]);
  fclose(f);

  /* Include directories come from pkg-config at configure time. */
  const char *args[64];
  int nargs = 0;
  char flags[] = STALLCHECK_TEST_HEADER_FLAGS;
  for (char *tok = strtok(flags, " "); tok && nargs < 60; tok = strtok(NULL, " ")) args[nargs++] = tok;
  args[nargs++] = "-std=gnu11";
  CXIndex index = clang_createIndex(0, 0);
  decls d = {0};
  if (clang_parseTranslationUnit2(index, path, args, nargs, NULL, 0, CXTranslationUnit_SkipFunctionBodies,
                                  &d.tu) != CXError_Success) {
    fprintf(stderr, "cannot parse the library headers\n");
    failures++;
    clang_disposeIndex(index);
    return;
  }
  size_t n = 0, checked = 0;
  const sc_registrar *rows = sc_catalog_registrar_table(&n);
  for (size_t i = 0; i < n; i++) {
    if (!lookup(&d, rows[i].function)) continue; /* a header this machine lacks */
    CXCursor fn = d.found;
    int nparams = clang_Cursor_getNumArguments(fn);
    int at = rows[i].cb_arg < 0 ? nparams + rows[i].cb_arg : rows[i].cb_arg;
    if (at < 0 || at >= nparams || !is_function_pointer(clang_getCursorType(clang_Cursor_getArgument(fn, (unsigned)at)))) {
      fprintf(stderr, "registrar row %s: argument %d is not a function pointer\n", rows[i].function, rows[i].cb_arg);
      failures++;
    }
    checked++;
  }
  fprintf(stderr, "checked %zu of %zu registrar rows against the headers\n", checked, n);
  CHECK(checked * 10 >= n * 8); /* the headers of every library are installed */

  const sc_callback_type *types = sc_catalog_callback_type_table(&n);
  checked = 0;
  for (size_t i = 0; i < n; i++) {
    if (!lookup(&d, types[i].type)) continue;
    CXType t = clang_getTypedefDeclUnderlyingType(d.found);
    if (!is_function_pointer(t)) {
      fprintf(stderr, "callback type %s is not a function-pointer typedef\n", types[i].type);
      failures++;
    }
    checked++;
  }
  fprintf(stderr, "checked %zu of %zu callback types against the headers\n", checked, n);
  CHECK(checked * 10 >= n * 7);
  clang_disposeTranslationUnit(d.tu);
  clang_disposeIndex(index);
}

int main(int argc, char **argv) {
  test_conditions();
  test_lookups();
  test_against_headers(argc > 1 ? argv[1] : ".");
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
