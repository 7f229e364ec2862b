/*
 * config_fuzzer.c - the .stallcheck.json reader on arbitrary bytes.
 */
#include "config.h"
#include "fuzz_util.h"
#include "stallcheck/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64];
  if (fuzz_write_file(data, size, ".json", path, sizeof path) != 0) return 0;
  FILE *saved = stderr;
  stderr = fopen("/dev/null", "w"); /* its messages are not under test */
  sc_config config;
  sc_options o;
  sc_options_init(&o);
  if (sc_config_load(path, &config, &o) == 0) sc_config_free(&config);
  fclose(stderr);
  stderr = saved;
  sc_catalog_clear_user_rows();
  unlink(path);
  return 0;
}
