/* Does not compile: its TU is reported as a tool execution notification. */
#include <uv.h>
static void on_timer(uv_timer_t *t) { undeclared_function_call(t) }
