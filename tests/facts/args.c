// How each argument is classified, its declared parameter type (typedef names
// kept), and the argument text recorded for the calls the catalog asks about.
// RUN: %stallcheck --dump-facts %s -- -I%S 2>&1 | FileCheck %s
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/socket.h>
#include <uv.h>

enum mode { MODE_A = 3, MODE_B };
static char buffer[64];
static void on_tick(uv_timer_t *t) { (void)t; }
void take(void *p, int n, const char *s);

void args(uv_timer_t *timer, int fd, size_t len) {
  take(NULL, 0, "hi\tthere");
  take(0, MODE_B, (void *)0);
  uv_timer_start(timer, on_tick, 0, 100);
  uv_timer_start(timer, (uv_timer_cb)&on_tick, 1 + 2, sizeof(buffer));
  recv(fd, buffer, len, MSG_DONTWAIT);
  fcntl(fd, F_SETFL, fd | O_NONBLOCK);
  printf("%d %s", fd, buffer);
  take(&buffer, fd > 0, buffer + 1);
}

// CHECK: tu {{.*}}args.c
// CHECK: function 1 args usr=c:@F@args extern params=3
// NULL and (void *)0 where a pointer is expected are null; 0 where an int is
// expected is the integer 0.  A string literal's contents are unescaped.
// CHECK: call 0 in=1 direct take at {{.*}}args.c:16:3 [null type=void *] [int 0 type=int] [string "hi	there" type=const char *]
// An enumerator is an integer constant; 0 passed for a pointer is null.
// CHECK-NEXT: call 1 in=1 direct take at {{.*}}args.c:17:3 [null type=void *] [int 4 type=int] [null type=const char *]
// A function passed by name is a func argument; the parameter's type is the
// library's callback typedef.  Parameters of the caller are params.
// CHECK-NEXT: call 2 in=1 direct uv_timer_start at {{.*}}args.c:18:3 [param 0 type=uv_timer_t *] [func on_tick type=uv_timer_cb] [int 0 type=uint64_t] [int 100 type=uint64_t]
// Casts and & are stripped; constant expressions are folded.
// CHECK-NEXT: call 3 in=1 direct uv_timer_start at {{.*}}args.c:19:3 [param 0 type=uv_timer_t *] [func on_tick type=uv_timer_cb] [int 3 type=uint64_t] [int 64 type=uint64_t]
// A flag macro is an integer constant; recv's arguments are also recorded as
// text, tokens joined by single spaces.
// CHECK-NEXT: call 4 in=1 direct recv at {{.*}}args.c:20:3 [param 1 text=fd type=int] [var buffer text=buffer type=void *] [param 2 text=len type=size_t] [int 64 text=MSG_DONTWAIT type=int]
// CHECK-NEXT: call 5 in=1 direct fcntl at {{.*}}args.c:21:3 [param 1 text=fd type=int] [int 4 text=F_SETFL type=int] [other text=fd | O_NONBLOCK]
// Variadic positions have no type.
// CHECK-NEXT: call 6 in=1 direct printf at {{.*}}args.c:22:3 [string "%d %s" type=const char *] [param 1] [var buffer]
// &var is the variable; anything else is other.
// CHECK-NEXT: call 7 in=1 direct take at {{.*}}args.c:23:3 [var buffer type=void *] [other type=int] [other type=const char *]
// CHECK-NEXT: flow 0 on_tick arg in=1 call=2 arg=1 at {{.*}}args.c:18:25
// CHECK-NEXT: flow 1 on_tick arg in=1 call=3 arg=1 at {{.*}}args.c:19:39
// CHECK-NOT: diag
