/*
 * main.c - the `stallcheck` command: arguments, then compile database ->
 * parallel parse -> whole-program link -> checks -> reports.
 *
 * Exit status: 0 no findings, 1 findings, 2 usage error or unusable input
 * (a missing or malformed compile database, a source that could not be
 * parsed at all, an output that could not be written).
 */
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "compdb.h"
#include "config.h"
#include "parallel.h"
#include "stallcheck/catalog.h"
#include "stallcheck/facts_io.h"
#include "stallcheck/findings.h"
#include "stallcheck/program.h"
#include "stallcheck/report.h"
#include "stallcheck/suppress.h"
#include "config_tree.h"
#include "merge.h"
#include "options.h"
#include "subcommands.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

typedef enum { FORMAT_TEXT, FORMAT_SARIF, FORMAT_GITHUB, FORMAT_JSON, FORMAT_CODEQUALITY, FORMAT_JUNIT } output_format;
typedef enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color_mode;

typedef struct cli {
  const char *compdb;           /* -p */
  char **files;                 /* positional sources */
  size_t nfiles;
  char **flags;                 /* after -- */
  size_t nflags;
  const char *sarif;            /* --sarif FILE */
  const char *srcroot;
  output_format format;
  color_mode color;
  int jobs;
  int quiet;
  int dump_facts;
  const char *config;           /* --config FILE */
  const char *baseline;         /* --baseline FILE */
  int mode;                     /* MODE_* : the subcommand */
  const char *output;           /* facts: -o FILE */
  unsigned shard, nshards;      /* --shard K/N: analyse slice K of N (1-based) */
  const char *cache_dir;        /* --cache-dir DIR */
  int no_cache;                 /* --no-cache */
  int stats;                    /* --stats */
  int fail_on;                  /* --fail-on: lowest level that makes exit 1; -1: none */
  int no_config;                /* --no-config */
  int dump_config;              /* --dump-config */
  sc_options options;
} cli;

static const char usage_text[] =
    "Usage: stallcheck [options] [<source>...] [-- <compiler flags>]\n"
    "\n"
    "Finds code that stalls event loops: blocking calls reachable from libuv,\n"
    "libevent, libev, GLib and sd-event callbacks and from hand-written\n"
    "epoll/poll loops, and says what to do instead.\n"
    "\n"
    "Inputs:\n"
    "  -p <dir|file>          read compile_commands.json (or that file) and analyse\n"
    "                         the whole program; with sources, only those files\n"
    "  <source>... -- <flags> analyse these files compiled with these flags\n"
    "\n"
    "Outputs:\n"
    "  --format=text|sarif|github|json|codequality|junit\n"
    "                         what to print on standard output (default: text;\n"
    "                         github: workflow commands that annotate a PR;\n"
    "                         codequality: a GitLab Code Quality report;\n"
    "                         junit: JUnit XML for Jenkins and GitLab)\n"
    "  --sarif=<file>         also write a SARIF 2.1.0 log to <file> (atomically)\n"
    "  --baseline=<sarif>     report only findings not in this earlier SARIF log\n"
    "  --fail-on=<level>      exit 1 only for findings of this level or above:\n"
    "                         note (default), warning, error, or none\n"
    "  --srcroot=<dir>        SARIF uris are relative to <dir> (default: the\n"
    "                         current directory)\n"
    "  --color=auto|always|never\n"
    "  --quiet                no progress or summary on standard error\n"
    "  --dump-facts           print the facts of each translation unit instead of\n"
    "                         analysing (for debugging front ends)\n"
    "\n"
    "Analysis:\n"
    "  -j <N>                 parse N files at once (default: number of cores)\n"
    "  --disable=<rule>       turn a rule off (repeatable)\n"
    "  --config=<file>        read this configuration instead of the nearest\n"
    "                         .stallcheck.json (docs/config.md)\n"
    "  --no-config            read no configuration file\n"
    "  --dump-config          print the effective configuration as JSON and exit\n"
    "\n"
    "Facts files (distributed builds, docs/design/facts-files.md):\n"
    "  stallcheck facts -o <file> (-p <dir> | <source>... -- <flags>) [--shard K/N]\n"
    "  stallcheck facts -o <file> -- <compile command>     (cc -c a.c -Iinc -o a.o)\n"
    "                         parse and write the facts, no analysis\n"
    "  stallcheck baseline -o <sarif> (-p <dir> | <source>... -- <flags>)\n"
    "                         write a baseline for --baseline (exit 0 with findings)\n"
    "  stallcheck link [options] <file.facts>...\n"
    "                         link facts files and analyse, as -p would\n"
    "  stallcheck merge -o <out.sarif> <file.sarif|dir>...\n"
    "                         merge the plugin's per-TU SARIF logs into one\n"
    "                         (docs/build-integration.md; merge --help)\n"
    "  --shard=K/N            only the K-th of N slices of the compile database\n"
    "\n"
    "Facts cache (a second run parses only what changed):\n"
    "  --cache-dir=<dir>      keep the facts of each TU in <dir> (default with -p:\n"
    "                         .stallcheck-cache next to compile_commands.json)\n"
    "  --no-cache             neither read nor write the cache\n"
    "  --stats                say on stderr how many TUs came from the cache\n"
    "\n"
    "Information:\n"
    "  --list-rules           list the rules\n"
    "  --explain=<rule>       describe a rule and its remedy\n"
    "  --print-plugin-path    print the path of the clang plugin, for\n"
    "                         clang -fplugin=$(stallcheck --print-plugin-path)\n"
    "  --version, --help\n"
    "\n"
    "Exit status: 0 no findings, 1 findings, 2 usage error or unusable input.\n";

static void die_usage(const char *fmt, const char *arg) {
  fputs("stallcheck: error: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'stallcheck --help'.\n", stderr);
  exit(EXIT_USAGE);
}

/* sc_option_value, where a missing value ends the run. */
static const char *option_value(int argc, char **argv, int *i, const char *name) {
  int missing = 0;
  const char *v = sc_option_value(argc, argv, i, name, &missing);
  if (missing) die_usage("option '%s' needs a value", name);
  return v;
}

static int list_rules(void) {
  size_t n = 0;
  const sc_rule *rules = sc_rules(&n);
  for (size_t i = 0; i < n; i++) printf("%-32s %s\n", rules[i].id, rules[i].short_desc);
  return EXIT_CLEAN;
}

static int explain_rule(const char *id) {
  const sc_rule *rule = sc_rule_find(id);
  if (!rule) {
    fprintf(stderr, "stallcheck: error: no rule named '%s' (see --list-rules)\n", id);
    return EXIT_USAGE;
  }
  char uri[512];
  printf("%s: %s\n\n%s\n\nWhat to do: %s\n\nMore: %s\n", rule->id, rule->short_desc, rule->full_desc,
         rule->help_text, sc_rule_help_uri(rule, uri, sizeof uri));
  return EXIT_CLEAN;
}

/* The plugin sits next to the build tree's driver, or in the install's libdir. */
static int print_plugin_path(void) {
  char exe[PATH_MAX];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len > 0) {
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) *slash = '\0';
    const char *candidates[] = {"/../plugin/stallcheck-plugin.so", "/../lib/stallcheck/stallcheck-plugin.so",
                                "/../" STALLCHECK_LIBDIR "/stallcheck/stallcheck-plugin.so"};
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
      char path[PATH_MAX + 64], real[PATH_MAX];
      snprintf(path, sizeof path, "%s%s", exe, candidates[i]);
      if (realpath(path, real) && access(real, R_OK) == 0) {
        puts(real);
        return EXIT_CLEAN;
      }
    }
  }
  fputs("stallcheck: error: the clang plugin is not installed next to this stallcheck "
        "(build it with -DSTALLCHECK_BUILD_PLUGIN=ON)\n",
        stderr);
  return EXIT_USAGE;
}

/* Subcommands: facts files for distributed builds (docs/design/facts-files.md). */
enum { MODE_ANALYSE = 0, MODE_FACTS, MODE_LINK, MODE_BASELINE };

static void parse_args(int argc, char **argv, cli *c) {
  memset(c, 0, sizeof *c);
  sc_options_init(&c->options);
  c->fail_on = SC_LEVEL_NOTE;
  c->files = calloc((size_t)argc, sizeof *c->files);
  const char *v;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    /* The subcommand is the first word that is not an option. */
    if (c->mode == MODE_ANALYSE && c->nfiles == 0 && !strcmp(a, "merge"))
      exit(sc_merge_main(argc - i, argv + i)); /* SARIF logs in, one out: its own arguments (merge.h) */
    if (c->mode == MODE_ANALYSE && c->nfiles == 0 &&
        (!strcmp(a, "facts") || !strcmp(a, "link") || !strcmp(a, "baseline"))) {
      c->mode = !strcmp(a, "facts") ? MODE_FACTS : !strcmp(a, "link") ? MODE_LINK : MODE_BASELINE;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      c->flags = argv + i + 1;
      c->nflags = (size_t)(argc - i - 1);
      break;
    } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(usage_text, stdout);
      exit(EXIT_CLEAN);
    } else if (strcmp(a, "--version") == 0) {
      printf("stallcheck %s\n", STALLCHECK_VERSION);
      exit(EXIT_CLEAN);
    } else if (strcmp(a, "--list-rules") == 0) {
      exit(list_rules());
    } else if ((v = option_value(argc, argv, &i, "--explain"))) {
      exit(explain_rule(v));
    } else if (strcmp(a, "--print-plugin-path") == 0) {
      exit(print_plugin_path());
    } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
      c->quiet = 1;
    } else if (strcmp(a, "--dump-facts") == 0) {
      c->dump_facts = 1;
    } else if ((v = option_value(argc, argv, &i, "--sarif"))) {
      c->sarif = v;
    } else if ((v = option_value(argc, argv, &i, "--srcroot"))) {
      c->srcroot = v;
    } else if ((v = option_value(argc, argv, &i, "--format"))) {
      if (strcmp(v, "text") == 0) c->format = FORMAT_TEXT;
      else if (strcmp(v, "sarif") == 0) c->format = FORMAT_SARIF;
      else if (strcmp(v, "github") == 0) c->format = FORMAT_GITHUB;
      else if (strcmp(v, "json") == 0) c->format = FORMAT_JSON;
      else if (strcmp(v, "codequality") == 0) c->format = FORMAT_CODEQUALITY;
      else if (strcmp(v, "junit") == 0) c->format = FORMAT_JUNIT;
      else die_usage("unknown format '%s' (expected text, sarif, github, json, codequality or junit)", v);
    } else if ((v = option_value(argc, argv, &i, "--color"))) {
      if (strcmp(v, "auto") == 0) c->color = COLOR_AUTO;
      else if (strcmp(v, "always") == 0) c->color = COLOR_ALWAYS;
      else if (strcmp(v, "never") == 0) c->color = COLOR_NEVER;
      else die_usage("unknown color mode '%s' (expected auto, always or never)", v);
    } else if ((c->mode == MODE_FACTS || c->mode == MODE_BASELINE) && (v = option_value(argc, argv, &i, "-o"))) {
      c->output = v;
    } else if ((v = option_value(argc, argv, &i, "--fail-on"))) {
      if (!strcmp(v, "note")) c->fail_on = SC_LEVEL_NOTE;
      else if (!strcmp(v, "warning")) c->fail_on = SC_LEVEL_WARNING;
      else if (!strcmp(v, "error")) c->fail_on = SC_LEVEL_ERROR;
      else if (!strcmp(v, "none")) c->fail_on = -1;
      else die_usage("--fail-on takes error, warning, note or none, not '%s'", v);
    } else if ((v = option_value(argc, argv, &i, "--cache-dir"))) {
      c->cache_dir = v;
    } else if (strcmp(a, "--no-cache") == 0) {
      c->no_cache = 1;
    } else if (strcmp(a, "--stats") == 0) {
      c->stats = 1;
    } else if ((v = option_value(argc, argv, &i, "--shard"))) {
      if (sscanf(v, "%u/%u", &c->shard, &c->nshards) != 2 || c->nshards == 0 || c->shard == 0 ||
          c->shard > c->nshards)
        die_usage("--shard takes K/N with 1 <= K <= N, not '%s'", v);
    } else if ((v = option_value(argc, argv, &i, "--baseline"))) {
      c->baseline = v;
    } else if ((v = option_value(argc, argv, &i, "--config"))) {
      c->config = v;
    } else if (strcmp(a, "--no-config") == 0) {
      c->no_config = 1;
    } else if (strcmp(a, "--dump-config") == 0) {
      c->dump_config = 1;
    } else if ((v = option_value(argc, argv, &i, "--disable"))) {
      if (sc_options_disable(&c->options, v) != 0) die_usage("no rule named '%s' (see --list-rules)", v);
    } else if ((v = option_value(argc, argv, &i, "-j"))) {
      char *end;
      long n = strtol(v, &end, 10);
      if (*end || n < 1 || n > 1024) die_usage("-j takes a number from 1 to 1024, not '%s'", v);
      c->jobs = (int)n;
    } else if ((v = option_value(argc, argv, &i, "-p"))) {
      c->compdb = v;
    } else if (a[0] == '-' && a[1] != '\0') {
      die_usage("unknown option '%s'", a);
    } else {
      c->files[c->nfiles++] = argv[i];
    }
  }
  /* `stallcheck baseline -o FILE`: the SARIF of this run, to compare later
   * runs with (--baseline FILE); findings do not fail it. */
  if (c->mode == MODE_BASELINE) {
    if (!c->output) die_usage("%s", "baseline needs -o FILE");
    c->sarif = c->output;
    c->fail_on = -1;
    c->format = FORMAT_TEXT;
    c->quiet = 1;
  }
  if (c->mode == MODE_LINK && c->nfiles == 0)
    die_usage("%s", "link needs facts files (stallcheck facts -o FILE ...)");
  /* `facts -o F -- cc -c a.c ...`: the compile command itself (subcommands.h). */
  char **sources;
  if (c->mode == MODE_FACTS && !c->compdb && c->nfiles == 0 &&
      sc_split_compile_command(c->flags, c->nflags, &sources, &c->nfiles, &c->flags, &c->nflags)) {
    free(c->files);
    c->files = sources;
  }
  if (!c->compdb && c->nfiles == 0 && !c->dump_config)
    die_usage("%s", "nothing to analyse: give -p <build-dir> or source files");
}

static void load_compdb(const cli *c, const char *cwd, sc_compdb *db) {
  char err[1024] = "";
  if (c->compdb) {
    if (sc_compdb_load(c->compdb, db, err, sizeof err) != 0) {
      fprintf(stderr, "stallcheck: error: %s\n", err);
      exit(EXIT_USAGE);
    }
    if (c->nfiles) {
      size_t missing = sc_compdb_filter(db, c->files, c->nfiles, cwd, err, sizeof err);
      if (missing) {
        fprintf(stderr, "stallcheck: error: %s\n", err);
        exit(EXIT_USAGE);
      }
    }
  } else if (sc_compdb_from_args(c->files, c->nfiles, c->flags, c->nflags, cwd, db, err, sizeof err) != 0) {
    fprintf(stderr, "stallcheck: error: %s\n", err);
    exit(EXIT_USAGE);
  }
  if (db->count == 0) {
    fprintf(stderr, "stallcheck: error: no C translation units to analyse%s%s\n", c->compdb ? " in " : "",
            c->compdb ? c->compdb : "");
    exit(EXIT_USAGE);
  }
}

/* Not a terminal (a CI log): a line per PROGRESS_STEP files, none on small runs. */
#define PROGRESS_STEP 100
static void log_progress(void *ctx, size_t done, size_t total, const char *file) {
  (void)ctx;
  (void)file;
  if (done % PROGRESS_STEP == 0 || (done == total && total >= PROGRESS_STEP))
    fprintf(stderr, "stallcheck: parsed %zu of %zu translation units\n", done, total);
}

static void show_progress(void *ctx, size_t done, size_t total, const char *file) {
  (void)ctx;
  const char *base = strrchr(file, '/');
  fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, total, base ? base + 1 : file);
  if (done == total) fputs("\r\033[K", stderr);
  fflush(stderr);
}

/* Reports what went wrong while parsing; returns how many TUs were unusable. */
static size_t report_parse_problems(sc_facts **tus, size_t n, sc_notification **out, size_t *nout) {
  size_t failed = 0;
  *out = calloc(n ? n : 1, sizeof **out);
  *nout = 0;
  for (size_t i = 0; i < n; i++) {
    const sc_facts *f = tus[i];
    if (f->parse_failed) {
      failed++;
      const char *why = f->ndiags ? f->diags[0].message : "the parser gave up";
      fprintf(stderr, "stallcheck: error: cannot analyse %s: %s\n", f->tu_file, why);
      sc_notification note = {f->tu_file, SC_DIAG_ERROR, why};
      (*out)[(*nout)++] = note;
      continue;
    }
    uint32_t errors = 0;
    const sc_diag *first = NULL;
    for (uint32_t d = 0; d < f->ndiags; d++)
      if (f->diags[d].level != SC_DIAG_WARNING) {
        errors++;
        if (!first) first = &f->diags[d];
      }
    if (!first) continue;
    fprintf(stderr, "stallcheck: warning: %s has %u compile error%s; results for it may be incomplete: %s:%u:%u: %s\n",
            f->tu_file, errors, errors == 1 ? "" : "s", first->loc.file ? first->loc.file : f->tu_file,
            first->loc.line, first->loc.col, first->message);
    sc_notification note = {f->tu_file, SC_DIAG_WARNING, first->message};
    (*out)[(*nout)++] = note;
  }
  return failed;
}

static int use_color(color_mode m) {
  if (m == COLOR_ALWAYS) return 1;
  if (m == COLOR_NEVER) return 0;
  const char *no = getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no && *no);
}

static char *join_command_line(int argc, char **argv) {
  size_t len = 1;
  for (int i = 0; i < argc; i++) len += strlen(argv[i]) + 1;
  char *s = calloc(len, 1);
  for (int i = 0; i < argc; i++) {
    if (i) strcat(s, " ");
    strcat(s, argv[i]);
  }
  return s;
}

/* SIGINT/SIGTERM: the SARIF file is replaced only by rename, so the previous
 * one is intact; remove a half-written temporary and say so. */
static void on_interrupt(int sig) {
  const char *tmp = sc_report_pending_file;
  if (tmp) unlink(tmp);
  static const char msg[] = "stallcheck: interrupted; no output file was changed\n";
  ssize_t ignored = write(STDERR_FILENO, msg, sizeof msg - 1);
  (void)ignored;
  _exit(128 + sig);
}

/* .stallcheck-cache next to the compile database. */
static char *default_cache_dir(const char *compdb) {
  struct stat st;
  if (stat(compdb, &st) == 0 && S_ISDIR(st.st_mode)) return sc_strdupf("%s/.stallcheck-cache", compdb);
  const char *slash = strrchr(compdb, '/');
  if (!slash) return sc_strdupf(".stallcheck-cache");
  return sc_strdupf("%.*s/.stallcheck-cache", (int)(slash - compdb), compdb);
}

/* `stallcheck link`: the facts of every file named, in order. */
static sc_facts **read_facts_files(const cli *c, size_t *ntus) {
  sc_facts **all = NULL;
  size_t n = 0;
  if (c->nfiles == 0) die_usage("%s", "link needs facts files (stallcheck facts -o FILE ...)");
  for (size_t i = 0; i < c->nfiles; i++) {
    sc_facts **tus;
    char err[1024];
    int k = sc_facts_read_file(c->files[i], &tus, err, sizeof err);
    if (k < 0) {
      fprintf(stderr, "stallcheck: error: %s\n", err);
      exit(EXIT_USAGE);
    }
    all = realloc(all, (n + (size_t)k + 1) * sizeof *all);
    memcpy(all + n, tus, (size_t)k * sizeof *tus);
    n += (size_t)k;
    free(tus);
  }
  *ntus = n;
  return all;
}

/* `stallcheck facts -o FILE`: written next to FILE and renamed over it. */
static int write_facts_file(const cli *c, sc_facts **tus, size_t ntus) {
  if (!c->output) die_usage("%s", "facts needs -o FILE");
  char *tmp = sc_strdupf("%s.XXXXXX", c->output);
  int fd = mkstemp(tmp);
  if (fd >= 0) {
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask); /* mkstemp's 0600 is for secrets, not build outputs */
  }
  FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
  int rc = out ? sc_facts_write_header(out) : -1; /* an empty shard is a header alone */
  for (size_t i = 0; i < ntus && rc == 0; i++) rc = sc_facts_write(out, tus[i]);
  if (out && fclose(out) != 0) rc = -1;
  if (rc == 0 && rename(tmp, c->output) != 0) rc = -1;
  if (rc != 0) {
    fprintf(stderr, "stallcheck: error: cannot write %s: %s\n", c->output, strerror(errno));
    unlink(tmp);
  }
  free(tmp);
  return rc == 0 ? EXIT_CLEAN : EXIT_USAGE;
}

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A NOLINT naming a rule that does not exist suppresses nothing: say so. */
static void warn_unknown_nolint_check(void *ctx, const char *file, unsigned line, unsigned column, const char *check,
                                      size_t len) {
  (void)ctx;
  fprintf(stderr, "stallcheck: warning: %s:%u:%u: NOLINT names '%.*s', but no rule has that id (see stallcheck --list-rules)\n",
          file, line, column, (int)len, check);
}

/* "stallcheck: 140 translation units, 12 findings (blocking-call-in-event-loop 11,
 * cpu-heavy-work-on-io-thread 1), 2.3 s" */
static void print_summary(const sc_findings *findings, size_t ntus, size_t shown, double started) {
  size_t nrules = 0;
  const sc_rule *rules = sc_rules(&nrules);
  fprintf(stderr, "stallcheck: %zu translation unit%s, %zu finding%s", ntus, ntus == 1 ? "" : "s", shown,
          shown == 1 ? "" : "s");
  const char *sep = " (";
  for (size_t r = 0; r < nrules; r++) {
    size_t n = 0;
    for (size_t i = 0; i < findings->count; i++) n += !findings->items[i].suppressed && findings->items[i].rule == &rules[r];
    if (!n) continue;
    fprintf(stderr, "%s%s %zu", sep, rules[r].id, n);
    sep = ", ";
  }
  fprintf(stderr, "%s, %.1f s\n", *sep == ',' ? ")" : "", seconds_now() - started);
}

/* Errors after the first allocation leave with exit(), not return: what main
 * holds stays reachable, and LeakSanitizer reports only real leaks. */
int main(int argc, char **argv) {
  cli c;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_interrupt;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  parse_args(argc, argv, &c);
  double started = seconds_now();
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) {
    perror("stallcheck: error: getcwd");
    exit(EXIT_USAGE);
  }

  /* The configuration first: it adds catalog rows the analysis uses. */
  sc_config config = {0};
  /* Like .clang-tidy: the nearest one above the inputs. */
  const char *config_start = c.compdb ? c.compdb : c.nfiles ? c.files[0] : cwd;
  char *config_path = c.no_config ? NULL : c.config ? strdup(c.config) : sc_config_find(config_start);
  if (config_path && sc_config_load(config_path, &config, &c.options) != 0) exit(EXIT_USAGE);
  /* Found, not named: nearer ones in subdirectories judge their findings. */
  int nearer_configs = !c.no_config && !c.config;
  sc_config_tree nearer;
  sc_config_tree_init(&nearer, config_path);
  free(config_path);
  if (c.dump_config) {
    sc_config_dump(stdout, &config, &c.options);
    exit(EXIT_CLEAN);
  }

  sc_compdb db = {0};
  sc_facts **tus;
  size_t ntus;
  if (c.mode == MODE_LINK) {
    tus = read_facts_files(&c, &ntus);
  } else {
    load_compdb(&c, cwd, &db);
    /* A shard parses every N-th command; its facts are linked later. */
    sc_compdb slice = db;
    if (c.nshards) {
      slice.commands = calloc(db.count + 1, sizeof *slice.commands);
      slice.count = 0;
      for (size_t i = c.shard - 1; i < db.count; i += c.nshards) slice.commands[slice.count++] = db.commands[i];
    }
    sc_progress_fn progress = c.quiet ? NULL : isatty(STDERR_FILENO) ? (slice.count > 1 ? show_progress : NULL)
                                                                     : log_progress;
    char *cache = c.no_cache ? NULL : c.cache_dir ? strdup(c.cache_dir) : c.compdb ? default_cache_dir(c.compdb) : NULL;
    size_t from_cache = 0;
    tus = sc_parse_all_cached(&slice, c.jobs, progress, NULL, cache, &from_cache);
    ntus = slice.count;
    if (c.stats) fprintf(stderr, "stallcheck: %zu translation units, %zu from the cache\n", ntus, from_cache);
    free(cache);
    if (c.nshards) free(slice.commands);
  }
  if (c.mode == MODE_FACTS) exit(write_facts_file(&c, tus, ntus));
  sc_facts_sort(tus, ntus); /* the same results whatever the order of facts files or shards */

  if (c.dump_facts) {
    for (size_t i = 0; i < ntus; i++) sc_facts_dump(tus[i], stdout);
  }

  sc_notification *notes;
  size_t nnotes;
  size_t failed = report_parse_problems(tus, ntus, &notes, &nnotes);

  sc_findings findings;
  sc_findings_init(&findings);
  for (size_t i = 0; nearer_configs && !c.dump_facts && i < ntus; i++)
    if (sc_config_tree_add_file(&nearer, tus[i]->tu_file) != 0) exit(EXIT_USAGE);
  if (!c.dump_facts) {
    sc_config_mark_functions(&config, tus, ntus);
    sc_config_tree_mark_functions(&nearer, tus, ntus);
    sc_analyze_programs(tus, (uint32_t)ntus, &c.options, &findings);
    sc_findings_apply_suppressions(&findings, NULL, NULL);
    sc_findings_check_nolint(&findings, NULL, NULL, warn_unknown_nolint_check, NULL);
    sc_config_apply_excludes(&config, &findings);
    sc_config_apply_suppressions(&config, &findings);
    if (nearer_configs && sc_config_tree_apply(&nearer, &findings) != 0) exit(EXIT_USAGE);
    if (c.baseline) {
      char why[1024];
      if (sc_baseline_apply(c.baseline, &findings, why, sizeof why) < 0) {
        fprintf(stderr, "stallcheck: error: --baseline %s\n", why);
        exit(EXIT_USAGE);
      }
    }

    /* Reports read strings owned by the facts: write them before freeing. */
    char *command_line = join_command_line(argc, argv);
    sc_sarif_options so = {
        .srcroot = c.srcroot ? c.srcroot : cwd,
        .tool_version = STALLCHECK_VERSION,
        .automation_id = "stallcheck/",
        .notifications = notes,
        .nnotifications = nnotes,
        .execution_successful = failed == 0,
        .baseline = c.baseline != NULL,
        .command_line = command_line,
    };
    char srcroot_abs[PATH_MAX];
    if (c.srcroot) {
      if (!realpath(c.srcroot, srcroot_abs)) {
        fprintf(stderr, "stallcheck: error: --srcroot %s: %s\n", c.srcroot, strerror(errno));
        exit(EXIT_USAGE);
      }
      so.srcroot = srcroot_abs;
    }
    if (c.sarif && sc_report_sarif_file(c.sarif, &findings, &so) != 0) {
      fprintf(stderr, "stallcheck: error: cannot write %s: %s\n", c.sarif, strerror(errno));
      exit(EXIT_USAGE);
    }
    if (c.format == FORMAT_SARIF) {
      if (sc_report_sarif_stream(stdout, &findings, &so) != 0) {
        fprintf(stderr, "stallcheck: error: cannot write SARIF to standard output\n");
        exit(EXIT_USAGE);
      }
    } else if (c.format == FORMAT_GITHUB) {
      sc_report_github(stdout, &findings, so.srcroot);
    } else if (c.format == FORMAT_JSON) {
      sc_report_json(stdout, &findings);
    } else if (c.format == FORMAT_CODEQUALITY) {
      sc_report_codequality(stdout, &findings, so.srcroot);
    } else if (c.format == FORMAT_JUNIT) {
      sc_report_junit(stdout, &findings, so.srcroot);
    } else if (c.mode == MODE_BASELINE) {
      fprintf(stderr, "stallcheck: baseline of %zu finding%s written to %s\n", findings.count,
              findings.count == 1 ? "" : "s", c.output);
    } else {
      sc_text_options to = {use_color(c.color), 1};
      sc_report_text(stdout, &findings, &to);
    }
    free(command_line);
  }
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "stallcheck: error: cannot write standard output: %s\n", strerror(errno));
    exit(EXIT_USAGE);
  }

  size_t shown = 0, failing = 0;
  for (size_t i = 0; i < findings.count; i++)
    if (!findings.items[i].suppressed) {
      shown++;
      failing += c.fail_on >= 0 && (int)findings.items[i].level >= c.fail_on;
    }
  if (c.stats || (!c.quiet && isatty(STDERR_FILENO) && c.mode != MODE_FACTS))
    print_summary(&findings, ntus, shown, started);
  sc_findings_free(&findings);
  for (size_t i = 0; i < ntus; i++) sc_facts_free(tus[i]);
  free(tus);
  free(notes);
  free(c.files);
  sc_compdb_free(&db);
  sc_config_free(&config);
  sc_config_tree_free(&nearer);
  sc_catalog_clear_user_rows();
  if (failed) return EXIT_USAGE;
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}
