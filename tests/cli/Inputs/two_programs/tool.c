/* A command-line tool built from the same tree: its own main, and its own
 * definition of `report`, which does not wait. */
#include "shared.h"

void report(const char *what) { (void)what; }

int main(void) {
  process("batch");
  return 0;
}
