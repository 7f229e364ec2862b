/*
 * facts_fuzzer.c - the facts-file reader on arbitrary bytes; what it accepts
 * is linked and analysed, so a file that passes validation must be safe for
 * the engine too.
 */
#include "fuzz_util.h"
#include "stallcheck/facts_io.h"
#include "stallcheck/program.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64], err[1024];
  if (fuzz_write_file(data, size, ".facts", path, sizeof path) != 0) return 0;
  sc_facts **tus = NULL;
  int n = sc_facts_read_file(path, &tus, err, sizeof err);
  if (n > 0) {
    sc_options o;
    sc_options_init(&o);
    sc_findings findings;
    sc_findings_init(&findings);
    sc_analyze_programs(tus, (uint32_t)n, &o, &findings);
    sc_findings_free(&findings);
  }
  for (int i = 0; i < n; i++) sc_facts_free(tus[i]);
  free(tus);
  unlink(path);
  return 0;
}
