// A function whose address sits only in a table that no live code reads
// cannot run, however its callers' pointers are resolved.
//
// Real code (Redis 7.0.15 embeds Lua 5.1 and opens only some of its
// libraries, script_lua.c:1237-1246): liolib.c's `iolib[]` and loadlib.c's
// `loaders[]` are read only by luaopen_io and luaopen_package, named only
// in linit.c's `lualibs[]`, read only by luaL_openlibs, which Redis never
// calls.  Through Lua's closure calls (`cl->c.f`, filled by
// lua_pushcclosure from every table) they reached the loop: 4 findings
// (liolib.c:300 fgets, lauxlib.c:564 fopen and :574 freopen, loadlib.c:333
// fopen).
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>
#include <stdio.h>
#include <unistd.h>

typedef int (*cfunction)(void *L);
struct closure { cfunction f; };
struct reg { const char *name; cfunction func; };

static struct closure stack[64];
static int top;

static void push_cfunction(void *L, cfunction fn) {
  (void)L;
  stack[top++].f = fn;
}

static int call_top(void *L) { return stack[top - 1].f(L); }

// The io library: never opened.  Its `lines` pushes a reader.
static int io_readline(void *L) {
  char line[128];
  (void)L;
  return fgets(line, sizeof line, stdin) != NULL; // dead: silent
}
static void aux_lines(void *L) { push_cfunction(L, io_readline); }
static int io_lines(void *L) { aux_lines(L); return 1; }
static const struct reg iolib[] = {{"lines", io_lines}, {NULL, NULL}};
static int open_io(void *L) {
  for (const struct reg *l = iolib; l->name; l++) (void)l;
  return 1;
}

// The package library: never opened.  Its loaders are a table of pointers.
static int loader_file(void *L) {
  (void)L;
  FILE *f = fopen("/usr/share/lua/mod.lua", "r"); // dead: silent
  if (f) fclose(f);
  return 1;
}
static const cfunction loaders[] = {loader_file, NULL};
static int open_package(void *L) {
  for (int i = 0; loaders[i] != NULL; i++) push_cfunction(L, loaders[i]);
  return 1;
}

// The base library: opened by main.
static int base_print(void *L) {
  (void)L;
  FILE *f = fopen("/var/log/script.log", "a");
  // CHECK: address_taken_only_in_dead_code.c:[[@LINE-1]]:13: warning: 'fopen' blocks the libevent event loop
  if (f) fclose(f);
  return 0;
}
static int open_base(void *L) { push_cfunction(L, base_print); return 1; }

// Every library, as linit.c lists them: only open_all_libs reads this
// table, and nothing calls it.
static const struct reg all_libs[] = {{"", open_base}, {"io", open_io}, {"package", open_package}, {NULL, NULL}};
void open_all_libs(void *L) {
  for (const struct reg *lib = all_libs; lib->func; lib++) lib->func(L);
}

static void on_request(evutil_socket_t fd, short what, void *arg) {
  (void)fd;
  (void)what;
  call_top(arg); // runs whatever scripts call
}

int main(void) {
  void *L = stack;
  open_base(L);
  struct event_base *base = event_base_new();
  event_add(event_new(base, 0, EV_READ | EV_PERSIST, on_request, L), NULL);
  return event_base_dispatch(base);
}
