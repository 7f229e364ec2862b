// Which functions are recorded and with what: system-header definitions are
// library code and left out; inline definitions from the program's own
// headers are kept, flagged inline-header (16); hot (1), variadic (8),
// stallcheck annotations from any declaration.
// RUN: %stallcheck --dump-facts %s -- -I%S/Inputs 2>&1 | FileCheck %s
#include <byteswap.h>
#include "local_inline.h"

__attribute__((annotate("stallcheck::blocking"))) void slow_path(int fd);

__attribute__((hot)) static unsigned swap(unsigned v) { return bswap_32(v) + (unsigned)local_twice(1); }

void slow_path(int fd) __attribute__((annotate("stallcheck::reason=disk"))) { (void)fd; }

int logf_(const char *fmt, ...) { (void)fmt; return swap(1); }

// CHECK: tu {{.*}}functions.c
// CHECK-NOT: __bswap_32 usr
// CHECK-NEXT: function 0 local_twice usr=c:local_inline.h@F@local_twice static params=1 flags=16 at {{.*}}Inputs{{/|\\}}local_inline.h:2:19
// CHECK-NEXT: function 1 swap usr=c:functions.c@F@swap static params=1 flags=1 at {{.*}}functions.c:11:38
// Annotations are joined by a newline (the dump prints it escaped): those of
// earlier declarations first.
// CHECK-NEXT: function 2 slow_path usr=c:@F@slow_path extern params=1 flags=0 at {{.*}}functions.c:13:6 annotations=stallcheck::blocking\nstallcheck::reason=disk
// CHECK-NEXT: function 3 logf_ usr=c:@F@logf_ extern params=1 flags=8 at {{.*}}functions.c:15:5
// bswap_32 is a macro for the system header's inline __bswap_32: a call to
// library code, located at the macro's use.
// CHECK: call 0 in=1 direct __bswap_32 at {{.*}}functions.c:11:64 [param 0 type=__uint32_t]
// CHECK-NEXT: call 1 in=1 direct local_twice at {{.*}}functions.c:11:88 [int 1 type=int]
// CHECK-NEXT: call 2 in=3 direct swap at {{.*}}functions.c:15:53 [int 1 type=unsigned int]
// CHECK-NOT: diag
