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

/* The format's version: a reader refuses any other.  2: a checksum on each
 * TU's `end` record.  3: what a direct callee's declarations say of it
 * (clang's effects, annotations) on each `call`. */
#define SC_FACTS_FORMAT 6

/* Writes the first line of a facts file: enough for a file of no TUs (an
 * empty shard).  Returns 0, or -1 on a write error. */
int sc_facts_write_header(FILE *out);

/* Appends the facts of one TU to `out`, after the header (written first when
 * `out` is at offset 0).  Returns 0, or -1 on a write error. */
int sc_facts_write(FILE *out, const sc_facts *facts);

/* Reads every TU of a facts file.  Returns the number read, maybe 0 (their
 * facts in *tus, an array even when empty, to free with sc_facts_free and
 * free), or -1 with *tus NULL and a message in
 * `error`: a file of another format or version, a truncated or corrupted
 * file (bad fields, indexes out of range).  Never trusts the file. */
int sc_facts_read_file(const char *path, sc_facts ***tus, char *error, size_t error_size);

/* Puts TUs in the order the analysis sees them: by main file, then by size.
 * The engine breaks ties between equally short paths by the order of its
 * input, so without this `link b.facts a.facts`, or shards made with another
 * N, could pick other (equally true) notes than `-p`. */
void sc_facts_sort(sc_facts **tus, size_t ntus);

#ifdef __cplusplus
}
#endif
#endif
