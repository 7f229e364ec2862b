/*
 * frontend.h - the libclang front end: parses one translation unit and fills
 * its facts (rules/include/stallcheck/facts.h).
 */
#ifndef STALLCHECK_FRONTEND_H
#define STALLCHECK_FRONTEND_H

#include <clang-c/Index.h>

#include "compdb.h"
#include "stallcheck/facts.h"

/* Text of a file that is open in an editor and not saved. */
typedef struct sc_unsaved_file {
  const char *path;
  const char *contents;
  unsigned long length;
} sc_unsaved_file;

/* Parses `cmd` with `index` (one CXIndex per thread) and returns its facts.
 * Never NULL: a TU that cannot be parsed at all comes back with parse_failed
 * set and a diag saying why; compile errors become diags (level error) and
 * the facts of what did parse are kept. */
sc_facts *sc_frontend_parse(CXIndex index, const sc_compile_command *cmd,
                            const sc_unsaved_file *unsaved, unsigned nunsaved);

/* The same, calling `on_file` with every file the TU read (the main file and
 * each header), for the facts cache. */
typedef void (*sc_file_fn)(void *ctx, const char *path);
sc_facts *sc_frontend_parse_files(CXIndex index, const sc_compile_command *cmd, const sc_unsaved_file *unsaved,
                                  unsigned nunsaved, sc_file_fn on_file, void *ctx);

#endif
