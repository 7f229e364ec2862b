#include <uv.h>
#include <event2/event.h>
#include <unistd.h>
void f10(void) { sleep(1); }
