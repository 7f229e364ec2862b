// Where function addresses flow: arguments, assignments, initialisers of
// variables, struct tables (designated, positional, nested), arrays of
// function pointers, returns, and a callback parameter stored by a registrar.
// RUN: %stallcheck --dump-facts %s -- -I%S 2>&1 | FileCheck %s
typedef void (*handler_fn)(int);
struct handlers { const char *name; handler_fn on_read; handler_fn on_write; };
struct server { int port; struct handlers h; handler_fn extra[2]; };
typedef struct { handler_fn cb; } watcher_t;

static void on_a(int x) { (void)x; }
static void on_b(int x) { (void)x; }
void register_cb(handler_fn cb);

struct handlers designated = { .on_write = on_b, .on_read = &on_a };
struct handlers positional = { "pos", on_a, on_b };
struct server nested = { 80, { "n", on_a }, { on_b, 0 } };
handler_fn vector[] = { on_a, on_b };
struct handlers table[] = { { "t0", on_a, on_b }, [1].on_write = on_a };

handler_fn pick(int which, watcher_t *w, struct server *s, handler_fn cb) {
  handler_fn local = on_a;
  register_cb(which ? on_a : on_b);
  local = on_b;
  w->cb = on_a;
  s->extra[1] = on_b;
  w->cb = cb;
  watcher_t init = { .cb = cb };
  (void)init;
  if (which == on_a) return 0;
  return on_b;
}

// CHECK: tu {{.*}}flows.c
// CHECK: call 0 in=2 direct register_cb at {{.*}}flows.c:22:3 [other type=handler_fn]
// File-scope initialisers (no `in=`): fields by designator or by position.
// CHECK-NEXT: flow 0 on_b field field=handlers.on_write at {{.*}}flows.c:14:44
// CHECK-NEXT: flow 1 on_a field field=handlers.on_read at {{.*}}flows.c:14:62
// CHECK-NEXT: flow 2 on_a field field=handlers.on_read at {{.*}}flows.c:15:39
// CHECK-NEXT: flow 3 on_b field field=handlers.on_write at {{.*}}flows.c:15:45
// A nested struct's fields are its own record's; an array member's elements
// are the member.
// CHECK-NEXT: flow 4 on_a field field=handlers.on_read at {{.*}}flows.c:16:37
// CHECK-NEXT: flow 5 on_b field field=server.extra at {{.*}}flows.c:16:47
// An array of function pointers names the variable.
// CHECK-NEXT: flow 6 on_a var var=vector at {{.*}}flows.c:17:25
// CHECK-NEXT: flow 7 on_b var var=vector at {{.*}}flows.c:17:31
// An array of structs: each element's fields, array designators too.
// CHECK-NEXT: flow 8 on_a field field=handlers.on_read at {{.*}}flows.c:18:37
// CHECK-NEXT: flow 9 on_b field field=handlers.on_write at {{.*}}flows.c:18:43
// CHECK-NEXT: flow 10 on_a field field=handlers.on_write at {{.*}}flows.c:18:66
// In a function: a local's initialiser, both arms of ?: as the argument.
// CHECK-NEXT: flow 11 on_a var in=2 var=local at {{.*}}flows.c:21:22
// CHECK-NEXT: flow 12 on_a arg in=2 call=0 arg=0 at {{.*}}flows.c:22:23
// CHECK-NEXT: flow 13 on_b arg in=2 call=0 arg=0 at {{.*}}flows.c:22:30
// Assignments: to a variable, a field, an element of an array member.
// CHECK-NEXT: flow 14 on_b var in=2 var=local at {{.*}}flows.c:23:11
// CHECK-NEXT: flow 15 on_a field in=2 field=watcher_t.cb at {{.*}}flows.c:24:11
// CHECK-NEXT: flow 16 on_b field in=2 field=server.extra at {{.*}}flows.c:25:17
// A parameter of function-pointer type stored away (a registrar the program
// wrote itself), by assignment and by initialiser.
// CHECK-NEXT: flow 17 param:3:cb field in=2 field=watcher_t.cb at {{.*}}flows.c:26:11
// CHECK-NEXT: flow 18 param:3:cb field in=2 field=watcher_t.cb at {{.*}}flows.c:27:28
// A comparison is some other use; a return is a return.
// CHECK-NEXT: flow 19 on_a other in=2 at {{.*}}flows.c:29:16
// CHECK-NEXT: flow 20 on_b return in=2 at {{.*}}flows.c:30:10
// CHECK-NOT: flow
// CHECK-NOT: diag
