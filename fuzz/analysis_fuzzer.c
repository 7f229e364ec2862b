/*
 * analysis_fuzzer.c - the whole analysis on arbitrary C source: the libclang
 * front end fills facts from whatever parses, then link, solve, every check,
 * suppressions, and both report writers.  Seeds: the lit tests.
 */
#include <clang-c/Index.h>
#include <string.h>

#include "compdb.h"
#include "frontend.h"
#include "fuzz_util.h"
#include "stallcheck/program.h"
#include "stallcheck/report.h"
#include "stallcheck/suppress.h"

static CXIndex index_once(void) {
  static CXIndex index;
  if (!index) index = clang_createIndex(0, 0);
  return index;
}

static const char *in_memory(void *ctx, const char *path, size_t *len) {
  const sc_unsaved_file *u = ctx;
  if (strcmp(path, u->path) != 0) return NULL;
  *len = u->length;
  return u->contents;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* The source is handed to libclang as an unsaved file: nothing on disk. */
  char *text = malloc(size + 1);
  memcpy(text, data, size);
  text[size] = 0;
  char *argv[] = {"cc", "-c", "/tmp/stallcheck-fuzz.c", "-w", NULL};
  sc_compile_command cmd = {"/tmp", "/tmp/stallcheck-fuzz.c", argv, 4};
  sc_unsaved_file unsaved = {cmd.file, text, (unsigned long)size};
  sc_facts *facts = sc_frontend_parse(index_once(), &cmd, &unsaved, 1);
  sc_program *p = sc_program_link(&facts, 1);
  sc_program_solve(p);
  sc_options o;
  sc_options_init(&o);
  sc_findings findings;
  sc_findings_init(&findings);
  sc_analyze(p, &o, &findings);
  sc_findings_apply_suppressions(&findings, in_memory, &unsaved);
  FILE *null = fopen("/dev/null", "w");
  sc_text_options to = {0, 1};
  sc_report_text(null, &findings, &to);
  sc_sarif_options so = {0};
  so.srcroot = "/tmp";
  so.tool_version = "fuzz";
  sc_report_sarif_stream(null, &findings, &so);
  fclose(null);
  sc_findings_free(&findings);
  sc_program_free(p);
  sc_facts_free(facts);
  free(text);
  return 0;
}
