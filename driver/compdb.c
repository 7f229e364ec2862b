/*
 * compdb.c - reading compile_commands.json and turning its compile commands
 * into parser arguments.
 *
 * Paths in a compile database may be relative: `directory` to the json file's
 * own directory, `file` to `directory`.  Everything is made absolute here, so
 * that the rest of the driver never depends on its own working directory.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memrchr, realpath */
#endif
#include "compdb.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fputs("stallcheck: out of memory\n", stderr);
    abort();
  }
  return q;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xrealloc(NULL, n), s, n);
}

static void set_err(char *err, size_t errsize, const char *fmt, ...) {
  if (!err || !errsize) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errsize, fmt, ap);
  va_end(ap);
}

/* ---- paths ------------------------------------------------------------- */

/* Joins `path` to `base` unless it is absolute, and folds "." and ".."
 * lexically (no symlinks resolved: the compiler did not resolve them either). */
static char *absolute_path(const char *base, const char *path) {
  size_t blen = base ? strlen(base) : 0;
  char *joined = xrealloc(NULL, blen + strlen(path) + 2);
  if (path[0] == '/' || !base)
    strcpy(joined, path);
  else
    sprintf(joined, "%s/%s", base, path);

  /* Fold components in place: out grows behind in. */
  char *out = joined;
  const char *in = joined;
  int absolute = joined[0] == '/';
  size_t len = 0;
  while (*in) {
    while (*in == '/') in++;
    const char *start = in;
    while (*in && *in != '/') in++;
    size_t n = (size_t)(in - start);
    if (n == 0 || (n == 1 && start[0] == '.')) continue;
    if (n == 2 && start[0] == '.' && start[1] == '.') {
      char *slash = len ? memrchr(out, '/', len) : NULL;
      int prev_is_dotdot = len >= 2 && out[len - 1] == '.' && out[len - 2] == '.' &&
                           (len == 2 || out[len - 3] == '/');
      if (len && !prev_is_dotdot) {
        len = slash ? (size_t)(slash - out) : 0;
        continue;
      }
      if (absolute) continue; /* "/.." is "/" */
    }
    if (len || absolute) out[len++] = '/';
    memmove(out + len, start, n);
    len += n;
  }
  if (len == 0) out[len++] = absolute ? '/' : '.';
  out[len] = '\0';
  return joined;
}

static char *dirname_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return xstrdup(".");
  if (slash == path) return xstrdup("/");
  char *d = xrealloc(NULL, (size_t)(slash - path) + 1);
  memcpy(d, path, (size_t)(slash - path));
  d[slash - path] = '\0';
  return d;
}

static int is_c_file(const char *file) {
  const char *dot = strrchr(file, '.');
  const char *slash = strrchr(file, '/');
  if (!dot || (slash && dot < slash)) return 0;
  return strcmp(dot, ".c") == 0 || strcmp(dot, ".h") == 0 || strcmp(dot, ".i") == 0;
}

/* ---- the shell splitter ------------------------------------------------ */

typedef struct strvec {
  char **items;
  size_t count, cap;
} strvec;

static void strvec_push(strvec *v, char *s) {
  if (v->count + 1 >= v->cap) {
    v->cap = v->cap ? v->cap * 2 : 16;
    v->items = xrealloc(v->items, v->cap * sizeof *v->items);
  }
  v->items[v->count++] = s;
  v->items[v->count] = NULL;
}

static void strvec_free(strvec *v) {
  for (size_t i = 0; i < v->count; i++) free(v->items[i]);
  free(v->items);
  v->items = NULL;
  v->count = v->cap = 0;
}

char **sc_shell_split(const char *command, size_t *argc) {
  strvec words = {0};
  size_t len = strlen(command);
  char *word = xrealloc(NULL, len + 1);
  size_t n = 0;
  int in_word = 0;
  const char *p = command;
  while (*p) {
    char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) {
        word[n] = '\0';
        strvec_push(&words, xstrdup(word));
        n = 0;
        in_word = 0;
      }
      p++;
    } else if (c == '\\') {
      in_word = 1;
      if (p[1] == '\n') {
        p += 2; /* a line continuation joins the lines */
      } else if (p[1]) {
        word[n++] = p[1];
        p += 2;
      } else {
        p++; /* a trailing backslash stands for nothing */
      }
    } else if (c == '\'') {
      in_word = 1;
      const char *close = strchr(p + 1, '\'');
      if (!close) goto unterminated;
      memcpy(word + n, p + 1, (size_t)(close - p - 1));
      n += (size_t)(close - p - 1);
      p = close + 1;
    } else if (c == '"') {
      in_word = 1;
      p++;
      for (;;) {
        if (!*p) goto unterminated;
        if (*p == '"') {
          p++;
          break;
        }
        /* Inside double quotes a backslash escapes only these. */
        if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '$' || p[1] == '`')) {
          word[n++] = p[1];
          p += 2;
        } else if (*p == '\\' && p[1] == '\n') {
          p += 2;
        } else {
          word[n++] = *p++;
        }
      }
    } else {
      in_word = 1;
      word[n++] = c;
      p++;
    }
  }
  if (in_word) {
    word[n] = '\0';
    strvec_push(&words, xstrdup(word));
  }
  free(word);
  if (!words.items) words.items = xrealloc(NULL, sizeof *words.items), words.items[0] = NULL;
  if (argc) *argc = words.count;
  return words.items;

unterminated:
  free(word);
  strvec_free(&words);
  return NULL;
}

/* ---- the database ------------------------------------------------------ */

static void command_free(sc_compile_command *c) {
  free(c->directory);
  free(c->file);
  for (size_t i = 0; i < c->argc; i++) free(c->argv[i]);
  free(c->argv);
}

void sc_compdb_free(sc_compdb *db) {
  if (!db) return;
  for (size_t i = 0; i < db->count; i++) command_free(&db->commands[i]);
  free(db->commands);
  db->commands = NULL;
  db->count = 0;
}

static int db_has_file(const sc_compdb *db, const char *file) {
  for (size_t i = 0; i < db->count; i++)
    if (strcmp(db->commands[i].file, file) == 0) return 1;
  return 0;
}

/* Takes ownership of the command; drops it when its file is already there. */
static void db_add(sc_compdb *db, sc_compile_command *cmd) {
  if (db_has_file(db, cmd->file)) {
    command_free(cmd);
    return;
  }
  db->commands = xrealloc(db->commands, (db->count + 1) * sizeof *db->commands);
  db->commands[db->count++] = *cmd;
}

/* Reads one entry.  Returns 1 when it was added or skipped, 0 on a
 * malformed entry (err set). */
static int read_entry(json_t *entry, size_t index, const char *path, const char *json_dir,
                      sc_compdb *db, char *err, size_t errsize) {
  if (!json_is_object(entry)) {
    set_err(err, errsize, "%s: entry %zu must be an object", path, index);
    return 0;
  }
  json_t *dir = json_object_get(entry, "directory");
  json_t *file = json_object_get(entry, "file");
  json_t *arguments = json_object_get(entry, "arguments");
  json_t *command = json_object_get(entry, "command");
  if (!json_is_string(dir)) {
    set_err(err, errsize, "%s: entry %zu: \"directory\" must be a string", path, index);
    return 0;
  }
  if (!json_is_string(file)) {
    set_err(err, errsize, "%s: entry %zu: \"file\" must be a string", path, index);
    return 0;
  }
  if (arguments && !json_is_array(arguments)) {
    set_err(err, errsize, "%s: entry %zu: \"arguments\" must be an array of strings", path, index);
    return 0;
  }
  if (!arguments && !json_is_string(command)) {
    set_err(err, errsize, "%s: entry %zu: needs \"arguments\" (an array) or \"command\" (a string)",
            path, index);
    return 0;
  }

  sc_compile_command cmd = {0};
  cmd.directory = absolute_path(json_dir, json_string_value(dir));
  cmd.file = absolute_path(cmd.directory, json_string_value(file));
  if (!is_c_file(cmd.file) || db_has_file(db, cmd.file)) {
    command_free(&cmd);
    return 1;
  }
  if (arguments) {
    strvec v = {0};
    size_t i;
    json_t *a;
    json_array_foreach(arguments, i, a) {
      if (!json_is_string(a)) {
        set_err(err, errsize, "%s: entry %zu: \"arguments\" must be an array of strings", path, index);
        strvec_free(&v);
        command_free(&cmd);
        return 0;
      }
      strvec_push(&v, xstrdup(json_string_value(a)));
    }
    cmd.argv = v.items;
    cmd.argc = v.count;
  } else {
    cmd.argv = sc_shell_split(json_string_value(command), &cmd.argc);
    if (!cmd.argv) {
      set_err(err, errsize, "%s: entry %zu: \"command\" has an unterminated quote", path, index);
      command_free(&cmd);
      return 0;
    }
  }
  if (cmd.argc == 0) {
    set_err(err, errsize, "%s: entry %zu: the compile command is empty", path, index);
    command_free(&cmd);
    return 0;
  }
  db_add(db, &cmd);
  return 1;
}

int sc_compdb_load(const char *path, sc_compdb *out, char *err, size_t errsize) {
  memset(out, 0, sizeof *out);
  char *json_path;
  struct stat st;
  size_t plen = strlen(path);
  int names_json = plen >= 5 && strcmp(path + plen - 5, ".json") == 0;
  int exists = stat(path, &st) == 0;
  /* A build directory, or something that is not there and is not a .json:
   * say which compile_commands.json was looked for. */
  if ((exists && S_ISDIR(st.st_mode)) || (!exists && !names_json)) {
    json_path = xrealloc(NULL, strlen(path) + sizeof "/compile_commands.json");
    sprintf(json_path, "%s%scompile_commands.json", path,
            path[0] && path[strlen(path) - 1] == '/' ? "" : "/");
  } else {
    json_path = xstrdup(path);
  }

  FILE *fp = fopen(json_path, "rb");
  if (!fp) {
    set_err(err, errsize, "cannot read %s: %s", json_path, strerror(errno));
    free(json_path);
    return -1;
  }
  json_error_t jerr;
  json_t *root = json_loadf(fp, 0, &jerr);
  fclose(fp);
  if (!root) {
    set_err(err, errsize, "%s:%d:%d: malformed JSON: %s", json_path, jerr.line, jerr.column, jerr.text);
    free(json_path);
    return -1;
  }

  int rc = -1;
  if (!json_is_array(root)) {
    set_err(err, errsize, "%s: the compile database must be a JSON array", json_path);
  } else if (json_array_size(root) == 0) {
    set_err(err, errsize, "%s: the compile database is empty", json_path);
  } else {
    /* `directory` is relative to the json file's directory, made absolute. */
    char *cwd = getcwd(NULL, 0);
    char *raw_dir = dirname_of(json_path);
    char *json_dir = absolute_path(cwd ? cwd : "/", raw_dir);
    free(raw_dir);
    free(cwd);
    rc = 0;
    size_t i;
    json_t *entry;
    json_array_foreach(root, i, entry) {
      if (!read_entry(entry, i + 1, json_path, json_dir, out, err, errsize)) {
        rc = -1;
        break;
      }
    }
    free(json_dir);
    if (rc != 0) sc_compdb_free(out);
  }
  json_decref(root);
  free(json_path);
  return rc;
}

int sc_compdb_from_args(char **files, size_t nfiles, char **flags, size_t nflags, const char *cwd,
                        sc_compdb *out, char *err, size_t errsize) {
  (void)err;
  (void)errsize;
  memset(out, 0, sizeof *out);
  for (size_t i = 0; i < nfiles; i++) {
    sc_compile_command cmd = {0};
    cmd.directory = absolute_path(NULL, cwd);
    cmd.file = absolute_path(cwd, files[i]);
    strvec v = {0};
    strvec_push(&v, xstrdup("cc"));
    for (size_t f = 0; f < nflags; f++) strvec_push(&v, xstrdup(flags[f]));
    strvec_push(&v, xstrdup(cmd.file));
    cmd.argv = v.items;
    cmd.argc = v.count;
    db_add(out, &cmd);
  }
  return 0;
}

/* Whether two absolute paths name the same file: equal, or the same file
 * once symlinks are resolved. */
static int same_file(const char *a, const char *b) {
  if (strcmp(a, b) == 0) return 1;
  char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
  int same = ra && rb && strcmp(ra, rb) == 0;
  free(ra);
  free(rb);
  return same;
}

size_t sc_compdb_filter(sc_compdb *db, char **files, size_t nfiles, const char *cwd, char *err,
                        size_t errsize) {
  char **wanted = xrealloc(NULL, (nfiles + 1) * sizeof *wanted);
  for (size_t i = 0; i < nfiles; i++) wanted[i] = absolute_path(cwd, files[i]);

  size_t missing = 0;
  for (size_t i = 0; i < nfiles; i++) {
    int found = 0;
    for (size_t c = 0; c < db->count && !found; c++) found = same_file(db->commands[c].file, wanted[i]);
    if (!found && missing++ == 0)
      set_err(err, errsize, "%s is not in the compile database", files[i]);
  }

  size_t kept = 0;
  for (size_t c = 0; c < db->count; c++) {
    int keep = 0;
    for (size_t i = 0; i < nfiles && !keep; i++) keep = same_file(db->commands[c].file, wanted[i]);
    if (keep)
      db->commands[kept++] = db->commands[c];
    else
      command_free(&db->commands[c]);
  }
  db->count = kept;
  for (size_t i = 0; i < nfiles; i++) free(wanted[i]);
  free(wanted);
  return missing;
}

/* ---- parser arguments -------------------------------------------------- */

static int starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* How many arguments starting at argv[i] mean nothing to a parse (0: keep). */
static size_t ignored_args(char **argv, size_t argc, size_t i) {
  const char *a = argv[i];
  size_t rest = argc - i;
  /* Options that take the next argument as their value. */
  static const char *const with_value[] = {"-o", "-MF", "-MT", "-MQ", "-MJ", "--serialize-diagnostics"};
  for (size_t k = 0; k < sizeof with_value / sizeof *with_value; k++)
    if (strcmp(a, with_value[k]) == 0) return rest >= 2 ? 2 : 1;
  /* The same options with the value attached. */
  if (starts_with(a, "-o") || starts_with(a, "-MF") || starts_with(a, "-MT") || starts_with(a, "-MQ") ||
      starts_with(a, "-MJ") || starts_with(a, "--serialize-diagnostics="))
    return 1;
  static const char *const alone[] = {"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG",
                                      "-pipe"};
  for (size_t k = 0; k < sizeof alone / sizeof *alone; k++)
    if (strcmp(a, alone[k]) == 0) return 1;
  if (starts_with(a, "-Werror") || starts_with(a, "-fplugin=") || starts_with(a, "-fplugin-arg-") ||
      starts_with(a, "-save-temps") || starts_with(a, "-fdiagnostics-color") ||
      starts_with(a, "-fno-diagnostics-color"))
    return 1;
  /* -Xclang -load -Xclang libfoo.so, and -Xclang -plugin -Xclang name. */
  if (strcmp(a, "-Xclang") == 0 && rest >= 4 && strcmp(argv[i + 2], "-Xclang") == 0 &&
      (strcmp(argv[i + 1], "-load") == 0 || strcmp(argv[i + 1], "-plugin") == 0 ||
       strcmp(argv[i + 1], "-add-plugin") == 0))
    return 4;
  if (strcmp(a, "-Xclang") == 0 && rest >= 2 && starts_with(argv[i + 1], "-plugin-arg-"))
    return rest >= 4 && strcmp(argv[i + 2], "-Xclang") == 0 ? 4 : 2;
  return 0;
}

/* Kept options whose value is the next argument: the value is no source file. */
static int takes_value(const char *a) {
  static const char *const options[] = {"-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote",
                                        "-idirafter", "-iprefix", "-isysroot", "--sysroot", "-x",
                                        "-target", "-arch", "-Xclang", "-Xpreprocessor", "-F",
                                        "-iwithprefix", "-iwithprefixbefore", "-include-pch"};
  for (size_t k = 0; k < sizeof options / sizeof *options; k++)
    if (strcmp(a, options[k]) == 0) return 1;
  return 0;
}

char **sc_compdb_parse_args(const sc_compile_command *cmd, size_t *argc) {
  strvec v = {0};
  for (size_t i = 1; i < cmd->argc;) {
    size_t skip = ignored_args(cmd->argv, cmd->argc, i);
    if (skip) {
      i += skip;
      continue;
    }
    const char *a = cmd->argv[i];
    if (takes_value(a) && i + 1 < cmd->argc) {
      strvec_push(&v, xstrdup(a));
      strvec_push(&v, xstrdup(cmd->argv[i + 1]));
      i += 2;
      continue;
    }
    if (a[0] != '-') {
      /* The source file itself, however the command spelled it. */
      char *abs = absolute_path(cmd->directory, a);
      int is_source = strcmp(abs, cmd->file) == 0;
      free(abs);
      if (is_source) {
        i++;
        continue;
      }
    }
    strvec_push(&v, xstrdup(a));
    i++;
  }
  if (!v.items) v.items = xrealloc(NULL, sizeof *v.items), v.items[0] = NULL;
  *argc = v.count;
  return v.items;
}

void sc_compdb_free_args(char **args, size_t argc) {
  if (!args) return;
  for (size_t i = 0; i < argc; i++) free(args[i]);
  free(args);
}
