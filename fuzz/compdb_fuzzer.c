/*
 * compdb_fuzzer.c - the compile database reader on arbitrary bytes: JSON of
 * any shape, both entry forms, shell quoting in "command".
 */
#include "compdb.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64], err[512];
  if (fuzz_write_file(data, size, ".json", path, sizeof path) != 0) return 0;
  sc_compdb db = {0};
  if (sc_compdb_load(path, &db, err, sizeof err) == 0) {
    for (size_t i = 0; i < db.count; i++) {
      size_t argc = 0;
      char **args = sc_compdb_parse_args(&db.commands[i], &argc);
      if (args) sc_compdb_free_args(args, argc);
    }
    sc_compdb_free(&db);
  }
  unlink(path);
  return 0;
}
