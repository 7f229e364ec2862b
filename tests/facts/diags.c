// Compile errors become diags and what parsed is kept; a file that cannot be
// read at all gives a parse-failed TU with one diag naming it.
// RUN: %stallcheck --dump-facts %s -- -I%S 2>&1 | FileCheck %s
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %stallcheck --dump-facts %t/missing.c 2>&1 | FileCheck %s --check-prefix=MISSING
#include <unistd.h>

void fine(void) { sleep(1); }

void broken(void) {
  sleep(undeclared_thing);
  usleep(2);
}

// CHECK: tu {{.*}}diags.c
// CHECK-NEXT: function 0 fine
// CHECK-NEXT: function 1 broken
// CHECK-NEXT: call 0 in=0 direct sleep at {{.*}}diags.c:8:19 [int 1 type=unsigned int]
// CHECK-NEXT: call 1 in=1 direct usleep at {{.*}}diags.c:12:3 [int 2 type=__useconds_t]
// clang keeps a call with a broken argument only as a recovery expression:
// no call, and the callee's name is a reference like any other.
// CHECK-NEXT: flow 0 sleep other in=1 at {{.*}}diags.c:11:3
// CHECK-NEXT: diag error {{.*}}diags.c:11:9 use of undeclared identifier 'undeclared_thing'

// MISSING: tu {{.*}}missing.c parse-failed
// MISSING-NEXT: diag error {{.*}}missing.c:0:0 cannot parse {{.*}}missing.c: No such file or directory
// The plugin leaves compile errors to clang and analyses nothing then.
// REQUIRES: driver
