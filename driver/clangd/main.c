/*
 * main.c - stallcheck-clangd: clangd with stallcheck's diagnostics added.
 *
 *   stallcheck-clangd [--clangd=PATH] [clangd arguments...]
 *
 * Editors start it in clangd's place.  It starts the real clangd with the
 * same arguments and relays the LSP stream both ways, untouched except for
 * what it adds: stallcheck's findings in clangd's publishDiagnostics, and a
 * quick fix suppressing them in clangd's codeAction answers.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "relay.h"

/* Arguments after which clangd prints something and exits instead of
 * speaking LSP: hand the process over to clangd for those. */
static int is_one_shot(const char *arg) {
  static const char *const one_shot[] = {"--version", "-version", "--help", "-help", "-h", "--help-hidden",
                                         "--help-list", "--check", NULL};
  for (int i = 0; one_shot[i]; i++) {
    size_t n = strlen(one_shot[i]);
    if (strncmp(arg, one_shot[i], n) == 0 && (arg[n] == '\0' || arg[n] == '=')) return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  static session s;
  session_init(&s);

  const char *requested = NULL;
  char **clangd_argv = calloc((size_t)argc + 1, sizeof *clangd_argv);
  if (!clangd_argv) return 1;
  int n = 1, one_shot = 0;
  for (int i = 1; i < argc; i++) {
    if (strncmp(argv[i], "--clangd=", 9) == 0) {
      requested = argv[i] + 9;
      continue;
    }
    if (strncmp(argv[i], "--compile-commands-dir=", 23) == 0) s.compile_commands_dir = argv[i] + 23;
    else if (strcmp(argv[i], "--compile-commands-dir") == 0 && i + 1 < argc) s.compile_commands_dir = argv[i + 1];
    one_shot |= is_one_shot(argv[i]);
    clangd_argv[n++] = argv[i];
  }
  s.clangd_path = clangd_find(requested);
  if (!s.clangd_path) {
    log_msg("cannot find clangd%s%s (give its path with --clangd=PATH)", requested ? " " : "",
            requested ? requested : "");
    return 1;
  }
  clangd_argv[0] = s.clangd_path;
  s.clangd_argv = clangd_argv;
  if (one_shot) {
    execv(s.clangd_path, clangd_argv);
    log_msg("cannot run %s", s.clangd_path);
    return 1;
  }

  /* A dead peer must show up as a failed write, not kill the wrapper. */
  signal(SIGPIPE, SIG_IGN);
  lsp_writer_init(&s.editor, STDOUT_FILENO);
  if (clangd_start(s.clangd_path, clangd_argv, &s.process) != 0) return 1;
  lsp_writer_init(&s.clangd, s.process.to_clangd);

  pthread_t editor_thread, analysis_thread;
  if (pthread_create(&editor_thread, NULL, editor_relay_main, &s) != 0 ||
      pthread_create(&analysis_thread, NULL, analysis_main, &s) != 0) {
    log_msg("cannot start threads");
    return 1;
  }
  int status = server_relay_run(&s);
  /* The editor thread may sit in read() and the worker in libclang: leave
   * without running exit handlers under them. */
  _exit(status);
}
