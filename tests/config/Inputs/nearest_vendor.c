/* tests/config/nearest_config.test: a vendored library. */
#include <unistd.h>
void vendor_poll(void) { usleep(10); }
