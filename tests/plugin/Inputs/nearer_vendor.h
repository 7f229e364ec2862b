/* tests/plugin/nearer_config_for_headers.test: a vendored header library. */
#include <unistd.h>
static inline void vendor_poll(void) { usleep(10); }
