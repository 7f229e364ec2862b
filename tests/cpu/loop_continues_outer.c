// A `for` with no init that steps the variable of an enclosing `for` walks
// the same sequence: its trips add to the enclosing loop's, they do not
// multiply.
//
// Real code (lighttpd 1.4.69, src/request.c:1113-1166
// http_request_parse_headers): the outer loop goes over header lines, the
// inner one takes the continuation lines of the same header with the same
// index; reported as "nested loops over 'hoff[0]', quadratic".
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <event2/event.h>
#include <string.h>

static int parse_headers(const char *ptr, const unsigned short *hoff) {
  int n = 0;
  for (int i = 2; i < hoff[0]; ++i) {
    const char *k = ptr + hoff[i];
    for (; i + 1 <= hoff[0]; ++i) { // continuation lines: the same i
      if (ptr[hoff[i + 1]] != ' ') break;
    }
    n += k[0] == 'H';
  }
  return n;
}

// Genuinely nested: the inner loop starts again for every outer trip.
static int count_pairs(const int *v, int len) {
  int n = 0;
  // CHECK: loop_continues_outer.c:[[@LINE+1]]:3: warning: nested loops over 'len' in 'count_pairs', quadratic in 'len'
  for (int i = 0; i < len; i++)
    for (int j = 0; j < len; j++) n += v[i] == v[j];
  return n;
}

// Re-initialised in its own init: nested too.
static int count_pairs_again(const int *v, int len) {
  int n = 0, i, j;
  // CHECK: loop_continues_outer.c:[[@LINE+1]]:3: warning: nested loops over 'len' in 'count_pairs_again', quadratic in 'len'
  for (i = 0; i < len; i++)
    for (j = 0; j < len; j++) n += v[i] == v[j];
  return n;
}

static void on_read(evutil_socket_t fd, short what, void *arg) {
  static const unsigned short hoff[8] = {5, 0, 0, 4, 8, 12};
  int v[4] = {0};
  parse_headers((const char *)arg, hoff);
  count_pairs(v, (int)fd);
  count_pairs_again(v, (int)fd);
}

int main(void) {
  struct event_base *base = event_base_new();
  event_add(event_new(base, 0, EV_READ | EV_PERSIST, on_read, "Host: x\r\n"), NULL);
  return event_base_dispatch(base);
}
