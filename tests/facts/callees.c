// How the callee of each call is classified, and where a call is located.
// RUN: %stallcheck --dump-facts %s -- -I%S 2>&1 | FileCheck %s
#include <unistd.h>

typedef void (*handler_fn)(int);
typedef struct { handler_fn on_event; } anon_ops; /* anonymous: named by its typedef */
struct named_ops { handler_fn on_read; handler_fn slots[4]; };

handler_fn current;
handler_fn table[8];
static int helper(int x) { return x + 1; }
#define NAP(n) sleep(n)

void dispatch(handler_fn cb, anon_ops *a, struct named_ops *n, handler_fn *many, int i) {
  helper(1);
  current(2);
  table[i](3);
  a->on_event(4);
  n->on_read(5);
  n->slots[i](6);
  cb(7);
  (*cb)(8);
  many[i](9);
  ((handler_fn)helper)(10);
  NAP(1);
  helper(helper(2));
  __builtin_trap();
}

// CHECK: tu {{.*}}callees.c
// CHECK-NEXT: function 0 helper usr=c:callees.c@F@helper static params=1 flags=0 at {{.*}}callees.c:11:12
// CHECK-NEXT: function 1 dispatch usr=c:@F@dispatch extern params=5 flags=0 at {{.*}}callees.c:14:6
// CHECK-NEXT: call 0 in=1 direct helper at {{.*}}callees.c:15:3 [int 1 type=int]
// CHECK-NEXT: call 1 in=1 var current at {{.*}}callees.c:16:3 [int 2 type=int]
// CHECK-NEXT: call 2 in=1 var table at {{.*}}callees.c:17:3 [int 3 type=int]
// CHECK-NEXT: call 3 in=1 field on_event record=anon_ops at {{.*}}callees.c:18:3 [int 4 type=int]
// CHECK-NEXT: call 4 in=1 field on_read record=named_ops at {{.*}}callees.c:19:3 [int 5 type=int]
// CHECK-NEXT: call 5 in=1 field slots record=named_ops at {{.*}}callees.c:20:3 [int 6 type=int]
// CHECK-NEXT: call 6 in=1 param cb param=0 at {{.*}}callees.c:21:3 [int 7 type=int]
// CHECK-NEXT: call 7 in=1 param cb param=0 at {{.*}}callees.c:22:3 [int 8 type=int]
// CHECK-NEXT: call 8 in=1 param many param=3 at {{.*}}callees.c:23:3 [int 9 type=int]
// A cast of a function is stripped: still a direct call.
// CHECK-NEXT: call 9 in=1 direct helper at {{.*}}callees.c:24:3 [int 10 type=int]
// A call written by a macro is located where the macro is used.
// CHECK-NEXT: call 10 in=1 direct sleep at {{.*}}callees.c:25:3 [int 1 type=unsigned int]
// Pre-order: the outer call, then the call in its argument.
// CHECK-NEXT: call 11 in=1 direct helper at {{.*}}callees.c:26:3 [other type=int]
// CHECK-NEXT: call 12 in=1 direct helper at {{.*}}callees.c:26:10 [int 2 type=int]
// CHECK-NEXT: call 13 in=1 direct __builtin_trap at {{.*}}callees.c:27:3
// The cast callee `(handler_fn)helper` is a direct call, so no flow either.
// CHECK-NOT: flow
// CHECK-NOT: diag
