/*
 * report.h - writing findings for people (clang-style text) and for machines
 * (SARIF 2.1.0, written with jansson).
 */
#ifndef STALLCHECK_REPORT_H
#define STALLCHECK_REPORT_H

#include <stdio.h>

#include "stallcheck/facts.h"
#include "stallcheck/findings.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sc_text_options {
  int color;          /* ANSI colours, as clang does on a terminal */
  int show_snippet;   /* the source line and a caret under the column */
} sc_text_options;

/* Writes every finding that is not suppressed:
 *   file:line:col: warning: message [rule-id]
 *     42 |     sleep(1);
 *        |     ^~~~~
 *   file:line:col: note: ... (registration, then each call on the path)
 *   file:line:col: note: remedy: ...
 * Returns the number of findings written. */
size_t sc_report_text(FILE *out, const sc_findings *findings, const sc_text_options *opts);

/* A file that could not be analysed, for SARIF's toolExecutionNotifications. */
typedef struct sc_notification {
  const char *file;     /* may be NULL */
  sc_diag_level level;
  const char *message;
} sc_notification;

typedef struct sc_sarif_options {
  const char *srcroot;          /* absolute directory that %SRCROOT% stands for;
                                   files under it get relative uris */
  const char *tool_version;     /* "0.1.0" */
  const char *automation_id;    /* runAutomationDetails.id, e.g. "stallcheck/" */
  const sc_notification *notifications;
  size_t nnotifications;
  int execution_successful;
  int baseline;                 /* a baseline was given: every result gets a
                                   baselineState, "unchanged" or "new" */
  const char *command_line;     /* invocation command line, may be NULL */
} sc_sarif_options;

/* Writes a SARIF 2.1.0 log to `path` atomically (a temporary file in the same
 * directory, then rename).  Returns 0, or -1 with errno set and nothing
 * changed at `path`. */
int sc_report_sarif_file(const char *path, const sc_findings *findings, const sc_sarif_options *opts);
/* The temporary file sc_report_sarif_file (or sc_report_replace_file) is
 * writing, or NULL: a signal handler may unlink it (unlink is
 * async-signal-safe) before exiting. */
extern const char *volatile sc_report_pending_file;

/* Replaces `path` with what `write` writes (returning 0, or -1), the way
 * sc_report_sarif_file does: through symlinks; in place when `path` is not
 * a regular file (/dev/stdout, a FIFO); else a temporary beside it, synced
 * and renamed over it.  Returns 0, or -1 with errno set and `path`
 * unchanged (as far as a regular file goes). */
typedef int (*sc_report_write_fn)(FILE *out, void *ctx);
int sc_report_replace_file(const char *path, sc_report_write_fn write, void *ctx);

/* Writes it to a stream (stdout). Returns 0 or -1. */
int sc_report_sarif_stream(FILE *out, const sc_findings *findings, const sc_sarif_options *opts);

/* GitHub Actions workflow commands (::warning file=...::message), paths
 * relative to `srcroot`.  Returns the number of findings written. */
size_t sc_report_github(FILE *out, const sc_findings *findings, const char *srcroot);

/* stallcheck's own JSON report, every finding (suppressed ones marked).
 * Returns 0 or -1. */
int sc_report_json(FILE *out, const sc_findings *findings);

/* A GitLab Code Quality report of the findings that are not suppressed,
 * paths relative to `srcroot`.  Returns 0 or -1. */
int sc_report_codequality(FILE *out, const sc_findings *findings, const char *srcroot);
/* JUnit XML: a test case per finding (failed, or skipped if suppressed), paths relative to srcroot. 0 or -1. */
int sc_report_junit(FILE *out, const sc_findings *findings, const char *srcroot);

/* Marks the findings whose fingerprint is in the SARIF log at `path` as
 * suppressed by the baseline.  Returns how many, or -1 with a message in
 * `error` ("file:line:col: ..."). */
int sc_baseline_apply(const char *path, sc_findings *findings, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif
#endif
