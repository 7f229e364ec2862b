/* Helpers of cross_tu_flags.c, in another translation unit. */
#include <stdio.h>
#include <unistd.h>

/* Writes only when asked to create the file. */
int uuid_read(char *out, int create_if_missing) {
  if (out[0]) return 1;
  if (!create_if_missing) return 0;
  FILE *f = fopen("/var/lib/app/uuid", "w");
  if (!f) return 0;
  fputs("0123\n", f);
  fclose(f);
  return 1;
}

/* Every caller in the program passes a /proc path. */
int conf_read(const char *path) {
  FILE *f = fopen(path, "r");
  int v = 0;
  if (f) {
    if (fscanf(f, "%d", &v) != 1) v = 0;
    fclose(f);
  }
  return v;
}
