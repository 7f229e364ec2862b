#include <unistd.h>

#include "shared.h"

/* The server's `report` sleeps. */
void report(const char *what) {
  (void)what;
  sleep(1);
}
