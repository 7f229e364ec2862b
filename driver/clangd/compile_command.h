/*
 * compile_command.h - the compile command clangd would use for a file.
 */
#ifndef STALLCHECK_CLANGD_COMPILE_COMMAND_H
#define STALLCHECK_CLANGD_COMPILE_COMMAND_H

#include "compdb.h"

/* Fills `out` with one command for `path`, searched the way clangd searches:
 * in `compile_commands_dir` if given (its --compile-commands-dir), else in the
 * file's directory and each parent: compile_commands.json, then
 * build/compile_commands.json, then compile_flags.txt; the nearest directory
 * having one wins.  A database without the file lends it the command of the
 * entry nearest in the tree (as clangd's interpolation does, roughly).  With
 * nothing found: `cc -xc path` in the file's directory.  `*origin` names
 * where the command came from.  Returns 0, or -1 with err set. */
int find_compile_command(const char *path, const char *compile_commands_dir, sc_compdb *out, char *origin,
                         size_t origin_size, char *err, size_t errsize);

#endif
