/*
 * baseline_fuzzer.c - the SARIF baseline reader on arbitrary bytes, matched
 * against a few findings.
 */
#include "fuzz_util.h"
#include "stallcheck/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64], err[512];
  if (fuzz_write_file(data, size, ".sarif", path, sizeof path) != 0) return 0;
  size_t n = 0;
  const sc_rule *rules = sc_rules(&n);
  sc_findings findings;
  sc_findings_init(&findings);
  sc_loc loc = {"/tmp/x.c", 3, 4, 3, 9};
  for (int i = 0; i < 3; i++) {
    sc_finding *f = sc_findings_add(&findings, &rules[0], SC_LEVEL_WARNING, loc, sc_strdupf("m%d", i), NULL);
    f->callee = "sleep";
    f->function = "cb";
    loc.line++;
  }
  sc_findings_finish(&findings);
  sc_baseline_apply(path, &findings, err, sizeof err);
  sc_findings_free(&findings);
  unlink(path);
  return 0;
}
