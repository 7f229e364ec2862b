// Loops: nesting, trip estimates, body weight, and the loop of each call.
// RUN: %stallcheck --dump-facts %s -- -I%S 2>&1 | FileCheck %s
#include <stddef.h>
struct buf { size_t count; int *items; };
void work(int);
#define LIMIT 16

void loops(struct buf *b, size_t len, int n) {
  for (int i = 0; i < 10; i++) {
    for (int j = 2; j <= LIMIT; j++) work(j);
  }
  for (size_t i = 0; i < len; i++) work(1);
  for (size_t i = 0; i < b->count; ++i) { work(2); work(3); }
  for (;;) { work(4); break; }
  while (1) { if (n) break; }
  while (n > 3) n--;
  do { work(5); } while (0);
  for (int k = 100; k > n; k--) work(6);
  for (n = 5; 20 > n; n++) {}
}

// CHECK: tu {{.*}}loops.c
// CHECK-NEXT: function 0 loops
// The body weight counts the calls in the body, nested ones included, and
// the statements directly in it.
// CHECK-NEXT: loop 0 in=0 parent=-1 depth=1 trip=const:10 weight=2 at {{.*}}loops.c:9:3
// A constant from a macro; <= counts one more.
// CHECK-NEXT: loop 1 in=0 parent=0 depth=2 trip=const:15 weight=2 at {{.*}}loops.c:10:5
// Bounded by an input: the bound's spelling.
// CHECK-NEXT: loop 2 in=0 parent=-1 depth=1 trip=input bound=len weight=2 at {{.*}}loops.c:12:3
// CHECK-NEXT: loop 3 in=0 parent=-1 depth=1 trip=input bound=b->count weight=4 at {{.*}}loops.c:13:3
// CHECK-NEXT: loop 4 in=0 parent=-1 depth=1 trip=infinite weight=3 at {{.*}}loops.c:14:3
// CHECK-NEXT: loop 5 in=0 parent=-1 depth=1 trip=infinite weight=1 at {{.*}}loops.c:15:3
// No init to count from: the constant itself.
// CHECK-NEXT: loop 6 in=0 parent=-1 depth=1 trip=const:3 weight=1 at {{.*}}loops.c:16:3
// CHECK-NEXT: loop 7 in=0 parent=-1 depth=1 trip=unknown weight=2 at {{.*}}loops.c:17:3
// The loop variable is on the right: the bound is the left side.
// CHECK-NEXT: loop 8 in=0 parent=-1 depth=1 trip=input bound=n weight=2 at {{.*}}loops.c:18:3
// CHECK-NEXT: loop 9 in=0 parent=-1 depth=1 trip=const:15 weight=0 at {{.*}}loops.c:19:3
// CHECK-NEXT: call 0 in=0 direct work loop=1 at {{.*}}loops.c:10:38 [var j type=int]
// CHECK-NEXT: call 1 in=0 direct work loop=2 at {{.*}}loops.c:12:36 [int 1 type=int]
// CHECK-NEXT: call 2 in=0 direct work loop=3 at {{.*}}loops.c:13:43 [int 2 type=int]
// CHECK-NEXT: call 3 in=0 direct work loop=3 at {{.*}}loops.c:13:52 [int 3 type=int]
// CHECK-NEXT: call 4 in=0 direct work loop=4 at {{.*}}loops.c:14:14 [int 4 type=int]
// CHECK-NEXT: call 5 in=0 direct work loop=7 at {{.*}}loops.c:17:8 [int 5 type=int]
// CHECK-NEXT: call 6 in=0 direct work loop=8 at {{.*}}loops.c:18:33 [int 6 type=int]
// CHECK-NOT: diag
