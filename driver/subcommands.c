/*
 * subcommands.c - a compile command as the input of `stallcheck facts`
 * (subcommands.h).
 */
#include "subcommands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Options of gcc and clang whose value is the next word: that word is never
 * a source, even when it ends in ".c" (-include config.c, -MT a.c). */
static const char *const options_with_value[] = {
    "-o",        "-I",          "-D",      "-U",       "-include",   "-imacros", "-isystem", "-iquote",
    "-idirafter", "-iprefix",   "-iwithprefix", "-iwithprefixbefore", "-isysroot", "-x", "-MF", "-MT",
    "-MQ",       "-MJ",         "-target", "-arch",    "-Xclang",    "-Xpreprocessor", "-Xassembler",
    "-Xlinker",  "-L",          "-F",      "-T",       "-u",         "-z",       "-aux-info", "-gcc-toolchain",
    "--param",   "-ivfsoverlay", "-serialize-diagnostics", "-working-directory",
};

static int takes_value(const char *word) {
  for (size_t i = 0; i < sizeof options_with_value / sizeof *options_with_value; i++)
    if (!strcmp(word, options_with_value[i])) return 1;
  return 0;
}

static int is_c_source(const char *word) {
  size_t n = strlen(word);
  return word[0] != '-' && n > 2 && word[n - 2] == '.' && (word[n - 1] == 'c' || word[n - 1] == 'i');
}

/* The flags array lives as long as the command line it replaces: kept here,
 * reachable, not leaked. */
static char **split_flags;

size_t sc_split_compile_command(char **cmd, size_t ncmd, char ***sources, size_t *nsources, char ***flags,
                                size_t *nflags) {
  if (ncmd == 0 || cmd[0][0] == '-') return 0; /* flags only: `files -- flags` */
  size_t first = 0;
  while (first < ncmd && cmd[first][0] != '-' && !is_c_source(cmd[first])) first++;
  char **src = calloc(ncmd + 1, sizeof *src), **rest = calloc(ncmd + 1, sizeof *rest);
  if (!src || !rest) {
    fputs("stallcheck: out of memory\n", stderr);
    exit(2);
  }
  size_t nsrc = 0, nrest = 0;
  for (size_t i = first; i < ncmd; i++) {
    if (takes_value(cmd[i]) && i + 1 < ncmd) {
      rest[nrest++] = cmd[i++];
      rest[nrest++] = cmd[i];
    } else if (is_c_source(cmd[i])) {
      src[nsrc++] = cmd[i];
    } else {
      rest[nrest++] = cmd[i];
    }
  }
  if (nsrc == 0) {
    free(src);
    free(rest);
    return 0;
  }
  *sources = src;
  *nsources = nsrc;
  free(split_flags);
  split_flags = rest;
  *flags = rest;
  *nflags = nrest;
  return nsrc;
}
