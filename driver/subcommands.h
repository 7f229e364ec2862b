/*
 * subcommands.h - the facts of one compile, given as the compile command
 * itself:
 *
 *   stallcheck facts -o obj/a.o.facts -- cc -c a.c -Iinclude -o obj/a.o
 *
 * so that whatever runs the compiles (make with a prefixed $(CC), distcc or
 * icecc, a remote-execution action) can write the facts beside each object
 * file, and one `stallcheck link` ends the build.
 */
#ifndef STALLCHECK_DRIVER_SUBCOMMANDS_H
#define STALLCHECK_DRIVER_SUBCOMMANDS_H

#include <stddef.h>

/* Splits `cmd` (the words after `--`) when it is a compile command, that is
 * when its first word is not an option: the launchers and the compiler
 * (leading words that are neither options nor C sources: "ccache gcc") are
 * dropped, the C sources (.c, .i) go to *sources and every other word, in
 * order, to *flags (output and dependency options stay: the parser drops
 * them).  Their strings are those of `cmd`; *sources is the caller's to
 * free, *flags lives until the process exits, like `cmd`.  Returns
 * the number of sources, 0 when `cmd` is only flags (`-- -I. -DX`), which
 * then stays as it was. */
size_t sc_split_compile_command(char **cmd, size_t ncmd, char ***sources, size_t *nsources, char ***flags,
                                size_t *nflags);

#endif
