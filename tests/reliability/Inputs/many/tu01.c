#include <uv.h>
#include <event2/event.h>
#include <unistd.h>
void f1(void) { sleep(1); }
