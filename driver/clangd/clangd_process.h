/*
 * clangd_process.h - the real clangd, a child process on two pipes.
 */
#ifndef STALLCHECK_CLANGD_CLANGD_PROCESS_H
#define STALLCHECK_CLANGD_CLANGD_PROCESS_H

#include <sys/types.h>

typedef struct clangd_process {
  pid_t pid;
  int to_clangd;    /* its standard input */
  int from_clangd;  /* its standard output; its stderr is ours */
} clangd_process;

/* The clangd to run: `requested` if given, else clangd-22 on PATH, else
 * /usr/lib/llvm-22/bin/clangd, else clangd on PATH; never this wrapper itself
 * (a `clangd` symlink to it would start it again and again).  Returns a heap
 * string or NULL. */
char *clangd_find(const char *requested);

/* Starts `path` with `argv` (argv[0] included, NULL-terminated).  Returns 0 or
 * -1 (logged). */
int clangd_start(const char *path, char **argv, clangd_process *out);

/* Closes our ends, makes sure the process is gone and reaps it.  Returns its
 * exit status the way a shell reports it (128+signal when killed). */
int clangd_reap(clangd_process *p);

#endif
