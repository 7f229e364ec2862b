/*
 * merge.h - `stallcheck merge`: the SARIF logs that the clang plugin writes,
 * one per compile (-fplugin-arg-stallcheck-sarif=FILE), made into one log
 * with one run, as code scanning and other consumers want it:
 *
 *   stallcheck merge -o build/stallcheck.sarif build/sarif/
 *
 * A finding in a header shows up in every translation unit that includes it;
 * the merged log has it once.
 */
#ifndef STALLCHECK_DRIVER_MERGE_H
#define STALLCHECK_DRIVER_MERGE_H

#include <jansson.h>
#include <stddef.h>

/* (merge_sarif.c) Merges SARIF 2.1.0 logs into a new log with one run:
 * tool.driver from the first run, the rules of all runs (each id once, in
 * the rule registry's order, unknown ids after it by id), each result once
 * (same ruleId and partialFingerprints "stallcheck/v1"; the shortest
 * explanation is kept), results sorted by file, line, column, rule and
 * message, artifacts re-indexed, locations rebased onto the merged run's
 * originalUriBaseIds (the first run's; with `srcroot`, %SRCROOT% = that
 * absolute directory).  `names` (for messages) are the files the logs came
 * from.  Returns the new log, or NULL with a message in `error` when a log
 * is not a SARIF 2.1.0 log of one tool. */
json_t *sc_sarif_merge(json_t *const *logs, const char *const *names, size_t n, const char *srcroot, char *error,
                       size_t error_size);

/* (merge.c) `stallcheck merge [-q] [--srcroot DIR] -o OUT <file.sarif|dir>...`,
 * with argv[0] = "merge".  A directory stands for every *.sarif file below
 * it, in sorted order.  OUT is replaced atomically, and only when every
 * input was read and merged.  Returns the exit status: 0, or 2 for a usage
 * error or an unusable input. */
int sc_merge_main(int argc, char **argv);

#endif
