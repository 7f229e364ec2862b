#include <uv.h>
#include <event2/event.h>
#include <unistd.h>
void f34(void) { sleep(1); }
