// Facts where the plugin follows how libclang shows the AST, so that both
// front ends record the same (same_facts_as_driver.test compares them on
// this file too): a parameter declared as an array keeps its written type,
// and NULL passed there is not a null pointer constant in libclang's view;
// va_arg(ap, T) with a builtin T reads as a cast of `ap`, with a typedef
// name as T it does not.
// REQUIRES: plugin
// RUN: %stallcheck --dump-facts %s -- | FileCheck %s
#include <stdarg.h>
#include <stddef.h>

typedef struct buf { char *base; size_t len; } buf;
int write_all(int fd, const buf bufs[], unsigned n);
int put_name(char *dst, char *name);
int put_size(char *dst, size_t size);

int reply(int fd, const buf *b) {
  return write_all(fd, b, 1) + write_all(fd, NULL, 0);
}
// CHECK: direct write_all {{.*}}[param 0 type=int] [param 1 type=const buf[]] [int 1 type=unsigned int]
// CHECK: direct write_all {{.*}}[param 0 type=int] [other type=const buf[]] [int 0 type=unsigned int]

int format(char *dst, ...) {
  va_list ap;
  va_start(ap, dst);
  int n = put_name(dst, va_arg(ap, char *)) + put_size(dst, va_arg(ap, size_t));
  va_end(ap);
  return n;
}
// CHECK: direct put_name {{.*}}[param 0 type=char *] [var ap type=char *]
// CHECK: direct put_size {{.*}}[param 0 type=char *] [other type=size_t]
