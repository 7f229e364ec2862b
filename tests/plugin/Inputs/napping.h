// A header with function bodies, for precompiled_header.c: one the TU
// calls, one it does not (clang's PCH reader hands the consumer neither
// as a top-level declaration of the TU's own).
#include <unistd.h>
#include <uv.h>

static inline void nap(void) { sleep(1); }
static inline void doze(void) { usleep(100); }
