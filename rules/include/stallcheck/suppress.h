/*
 * suppress.h - inline suppressions, in the syntax clang-tidy users know:
 *
 *   sleep(1); // NOLINT(stallcheck-blocking-call-in-event-loop)
 *   // NOLINTNEXTLINE(stallcheck-*)
 *   // NOLINTBEGIN(stallcheck-blocking-call-in-event-loop) ... // NOLINTEND(...)
 *
 * A bare NOLINT (no list) or `*` suppresses every rule.  A NOLINT on the
 * line where a callback is registered (or a hand-written loop starts)
 * silences every finding whose path starts there.  A suppressed finding
 * stays in SARIF (with an inSource suppression) but is not printed as text
 * and does not count for the exit status.
 */
#ifndef STALLCHECK_SUPPRESS_H
#define STALLCHECK_SUPPRESS_H

#include <stddef.h>

#include "stallcheck/findings.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Gives the text of `path` (NUL-terminated, *len bytes), or NULL.  The text
 * must stay valid until the next call or the end of the apply call. */
typedef const char *(*sc_source_fn)(void *ctx, const char *path, size_t *len);

/* Marks the findings that a comment at their line, or at their path's root,
 * suppresses.  `source` may be NULL: the files are then read from disk. */
void sc_findings_apply_suppressions(sc_findings *findings, sc_source_fn source, void *ctx);

/* Whether line `line` (1-based) of `text` is suppressed for `rule_id` by a
 * NOLINT comment on it, a NOLINTNEXTLINE on the line before, or an open
 * NOLINTBEGIN region. */
int sc_suppressed_at(const char *text, size_t len, unsigned line, const char *rule_id);

/* Calls `report` for each check a NOLINT list names as "stallcheck-<id>"
 * when no rule has that id (a typo would otherwise silently suppress
 * nothing).  Globs are not checked.  `check` points into `text`, `len` bytes. */
typedef void (*sc_nolint_unknown_fn)(void *ctx, unsigned line, unsigned column, const char *check, size_t len);
void sc_nolint_unknown_checks(const char *text, size_t len, sc_nolint_unknown_fn report, void *ctx);

/* The same over the files the findings (and their roots) are in. */
typedef void (*sc_findings_nolint_fn)(void *ctx, const char *file, unsigned line, unsigned column, const char *check,
                                      size_t len);
void sc_findings_check_nolint(const sc_findings *findings, sc_source_fn source, void *ctx,
                              sc_findings_nolint_fn report, void *report_ctx);

#ifdef __cplusplus
}
#endif
#endif
