#include <unistd.h>
int main(void) { sleep(1); return 0; } /* not on a loop: silent */
