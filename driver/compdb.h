/*
 * compdb.h - reading compile_commands.json (both the "arguments" and the
 * "command" forms) and turning a compile command into the arguments a parser
 * needs.
 */
#ifndef STALLCHECK_COMPDB_H
#define STALLCHECK_COMPDB_H

#include <stddef.h>

typedef struct sc_compile_command {
  char *directory; /* absolute working directory of the compile */
  char *file;      /* absolute path of the main source file */
  char **argv;     /* the full command, argv[0] the compiler; NULL-terminated */
  size_t argc;
} sc_compile_command;

typedef struct sc_compdb {
  sc_compile_command *commands;
  size_t count;
} sc_compdb;

/* Loads `path`: a compile_commands.json file, or a directory holding one.
 * Entries whose file is not C (by extension: .c, .h, .i) are skipped, and a
 * file listed twice is kept once (the first entry).  Returns 0, or -1 with a
 * one-line message naming the file and the problem in err. */
int sc_compdb_load(const char *path, sc_compdb *out, char *err, size_t errsize);

/* A compile database for files given on the command line with the flags after
 * `--`: each file compiled as `cc <flags> <file>` in `cwd`. */
int sc_compdb_from_args(char **files, size_t nfiles, char **flags, size_t nflags, const char *cwd,
                        sc_compdb *out, char *err, size_t errsize);

/* Keeps only the commands whose file is one of `files` (made absolute against
 * `cwd`).  Returns the number of `files` that matched no command, and names
 * the first in err. */
size_t sc_compdb_filter(sc_compdb *db, char **files, size_t nfiles, const char *cwd, char *err,
                        size_t errsize);

void sc_compdb_free(sc_compdb *db);

/* The arguments to give a parser for `cmd` (without argv[0] and without the
 * source file itself): drops output and dependency-file options (-o, -c, -MD,
 * -MF ...) that mean nothing to a parse.  The returned array and strings are
 * owned by the caller (free with sc_compdb_free_args). */
char **sc_compdb_parse_args(const sc_compile_command *cmd, size_t *argc);
void sc_compdb_free_args(char **args, size_t argc);

/* Splits a shell command line the way a POSIX shell would (quotes, escapes).
 * Returns a NULL-terminated array or NULL on an unterminated quote. */
char **sc_shell_split(const char *command, size_t *argc);

#endif
