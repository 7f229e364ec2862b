/* kvctl - a libevent client that sends a command to kvd every second.  A
 * second program in the same compile database. */
#include <event2/event.h>
#include <stdio.h>
#include <unistd.h>

static void on_tick(evutil_socket_t fd, short what, void *arg) {
  (void)fd;
  (void)what;
  (void)arg;
  /* STALL: sleeping in a callback stops the whole loop. */
  usleep(200 * 1000);
  puts("PING");
}

int main(void) {
  struct event_base *base = event_base_new();
  struct event *tick = event_new(base, -1, EV_PERSIST, on_tick, NULL);
  struct timeval second = {1, 0};
  event_add(tick, &second);
  return event_base_dispatch(base);
}
