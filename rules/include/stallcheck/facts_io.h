/*
 * facts_io.h - facts files: the facts of translation units saved to disk, so
 * that they can come out of whatever runs the compiles (a CI matrix, a build
 * farm, the clang plugin) and be linked into whole-program results later
 * (`stallcheck link *.facts`).  docs/design/facts-files.md describes the
 * format.
 */
#ifndef STALLCHECK_FACTS_IO_H
#define STALLCHECK_FACTS_IO_H

#include <stdio.h>

#include "stallcheck/facts.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The format's version: a reader refuses any other. */
#define SC_FACTS_FORMAT 1

/* Appends the facts of one TU to `out`.  Returns 0, or -1 on a write error. */
int sc_facts_write(FILE *out, const sc_facts *facts);

/* Reads every TU of a facts file.  Returns the number read (their facts in
 * *tus, to free with sc_facts_free and free), or -1 with a message in
 * `error`: a file of another format or version, a truncated or corrupted
 * file (bad fields, indexes out of range).  Never trusts the file. */
int sc_facts_read_file(const char *path, sc_facts ***tus, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif
#endif
