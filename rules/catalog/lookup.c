/*
 * lookup.c - the catalog's indexes and the argument-condition evaluator.
 *
 * The family tables are static data; the first lookup builds one string map
 * per table (function name -> row index) under a pthread_once, so lookups
 * are O(1) average and safe from the driver's parsing threads.  Rows of the
 * API families are merged into one table in a fixed order (libc, libraries,
 * CPU, GPU, loop-only, loop waits, markers) so iteration is stable.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog_internal.h"
#include "catalog/user_rows.h"
#include "util/strmap.h"

static const sc_api_family *const families[] = {
    &sc_catalog_blocking_libc, &sc_catalog_blocking_libs, &sc_catalog_cpu_heavy,
    &sc_catalog_gpu,           &sc_catalog_loop_only,     &sc_catalog_loop_waits,
    &sc_catalog_nonblock_markers, &sc_catalog_loop_wakes,
};

static struct {
  sc_api *apis;             /* every family's rows, grouped by function */
  size_t napis;
  sc_strmap *api_index;     /* function -> first row in `apis` of that function */
  sc_strmap *registrar_index;
  sc_strmap *type_index;
  sc_strmap *text_index;    /* functions whose conditions read the spelling */
} cat;

static pthread_once_t built = PTHREAD_ONCE_INIT;

static int reads_spelling(const sc_cond *c) {
  return c->kind == SC_COND_ARG_HAS_FLAG || c->kind == SC_COND_ARG_LACKS_FLAG || c->kind == SC_COND_ARG_EQUALS ||
         c->kind == SC_COND_ARG_MAY_HAVE_FLAG || c->kind == SC_COND_ARG_NOT_STD_STREAM ||
         c->kind == SC_COND_ARG_NOT_NUMERIC_HOST;
}

/* Rows of one function are made adjacent, so a lookup returns a slice; the
 * sort keeps each function's rows in table order (the first row whose
 * condition holds wins). */
/* Entries carry their original position so that qsort is stable. */
typedef struct api_entry {
  sc_api row;
  size_t order;
} api_entry;

static int by_function_kind_order(const void *pa, const void *pb) {
  const api_entry *a = pa, *b = pb;
  int c = strcmp(a->row.function, b->row.function);
  if (!c) c = (int)a->row.kind - (int)b->row.kind;
  if (!c) c = a->order < b->order ? -1 : a->order > b->order;
  return c;
}

static void build(void) {
  for (size_t i = 0; i < SC_COUNTOF(families); i++) cat.napis += families[i]->count;
  typedef api_entry entry;
  entry *tmp = malloc(cat.napis * sizeof *tmp);
  cat.apis = malloc(cat.napis * sizeof *cat.apis);
  if (!tmp || !cat.apis) abort();
  size_t n = 0;
  for (size_t i = 0; i < SC_COUNTOF(families); i++)
    for (size_t j = 0; j < families[i]->count; j++, n++) tmp[n].row = families[i]->rows[j], tmp[n].order = n;
  /* Built on every compile the plugin sees: qsort, not an insertion sort. */
  qsort(tmp, n, sizeof *tmp, by_function_kind_order);
  cat.api_index = sc_strmap_new();
  cat.text_index = sc_strmap_new();
  for (size_t i = 0; i < n; i++) {
    cat.apis[i] = tmp[i].row;
    if (i == 0 || strcmp(cat.apis[i - 1].function, cat.apis[i].function))
      sc_strmap_add(cat.api_index, cat.apis[i].function, (uint32_t)i);
    if ((reads_spelling(&cat.apis[i].cond) || reads_spelling(&cat.apis[i].also)) && sc_strmap_first(cat.text_index, cat.apis[i].function) == UINT32_MAX)
      sc_strmap_add(cat.text_index, cat.apis[i].function, (uint32_t)i);
  }
  free(tmp);

  cat.registrar_index = sc_strmap_new();
  for (size_t i = 0; i < sc_catalog_registrar_count; i++) {
    const sc_registrar *r = &sc_catalog_registrar_rows[i];
    sc_strmap_add(cat.registrar_index, r->function, (uint32_t)i);
    if (reads_spelling(&r->when)) sc_strmap_add(cat.text_index, r->function, (uint32_t)i);
  }
  cat.type_index = sc_strmap_new();
  for (size_t i = 0; i < sc_catalog_callback_type_count; i++)
    sc_strmap_add(cat.type_index, sc_catalog_callback_type_rows[i].type, (uint32_t)i);
}

static void ensure_built(void) { pthread_once(&built, build); }

const sc_registrar *sc_catalog_registrars(const char *function, size_t *count) {
  *count = 0;
  if (!function) return NULL;
  const sc_registrar *mine = sc_catalog_user_registrars(function, count);
  if (mine) return mine;
  ensure_built();
  /* Rows of one registrar are adjacent in the table (uv_read_start has two). */
  uint32_t e = sc_strmap_first(cat.registrar_index, function);
  if (e == UINT32_MAX) return NULL;
  uint32_t first = sc_strmap_value(cat.registrar_index, e);
  size_t n = 0;
  while (first + n < sc_catalog_registrar_count && !strcmp(sc_catalog_registrar_rows[first + n].function, function))
    n++;
  *count = n;
  return &sc_catalog_registrar_rows[first];
}

/* A parameter type as the front end spells it may carry qualifiers or be the
 * underlying function-pointer spelling; only typedef names are listed, so
 * strip "const " and trailing spaces before the look-up. */
const sc_callback_type *sc_catalog_callback_type(const char *type) {
  if (!type) return NULL;
  ensure_built();
  while (!strncmp(type, "const ", 6)) type += 6;
  char buf[128];
  size_t n = strlen(type);
  while (n > 0 && (type[n - 1] == ' ' || type[n - 1] == '\t')) n--;
  if (n == 0 || n >= sizeof buf) return NULL;
  memcpy(buf, type, n);
  buf[n] = 0;
  uint32_t e = sc_strmap_first(cat.type_index, buf);
  return e == UINT32_MAX ? NULL : &sc_catalog_callback_type_rows[sc_strmap_value(cat.type_index, e)];
}

const sc_callback_field *sc_catalog_callback_field(const char *record, const char *field) {
  if (!record || !field) return NULL;
  /* Few rows, matched by record prefix: a linear scan is the index. */
  for (size_t i = 0; i < sc_catalog_callback_field_count; i++) {
    const sc_callback_field *r = &sc_catalog_callback_field_rows[i];
    size_t plen = strlen(r->record_prefix);
    if (!strcmp(r->field, field) && !strncmp(record, r->record_prefix, plen)) return r;
  }
  return NULL;
}

const sc_api *sc_catalog_apis(const char *function, sc_api_kind kind, size_t *count) {
  *count = 0;
  if (!function) return NULL;
  const sc_api *mine = sc_catalog_user_apis(function, kind, count);
  if (mine) return mine;
  ensure_built();
  uint32_t e = sc_strmap_first(cat.api_index, function);
  if (e == UINT32_MAX) return NULL;
  size_t i = sc_strmap_value(cat.api_index, e);
  for (; i < cat.napis && !strcmp(cat.apis[i].function, function); i++) {
    if (cat.apis[i].kind != kind) continue;
    size_t n = 0;
    while (i + n < cat.napis && cat.apis[i + n].kind == kind && !strcmp(cat.apis[i + n].function, function)) n++;
    *count = n;
    return &cat.apis[i];
  }
  return NULL;
}

int sc_catalog_wants_arg_text(const char *function) {
  if (!function) return 0;
  ensure_built();
  return sc_strmap_first(cat.text_index, function) != UINT32_MAX;
}

/* ---- conditions ------------------------------------------------------ */

static const sc_arg *cond_arg(const sc_cond *c, const sc_facts *f, const sc_call *call) {
  int i = c->arg < 0 ? (int)call->nargs + c->arg : c->arg;
  if (i < 0 || (uint32_t)i >= call->nargs) return NULL;
  return &f->args[call->first_arg + (uint32_t)i];
}

static int is_ident_char(char ch) { return isalnum((unsigned char)ch) || ch == '_'; }

/* Whether `text` names `word` as a whole identifier that is not negated by a
 * '~' in front of it (`flags & ~O_NONBLOCK` clears the flag). */
static int spelling_sets(const char *text, const char *word) {
  if (!text || !word) return 0;
  size_t n = strlen(word);
  for (const char *s = strstr(text, word); s; s = strstr(s + 1, word)) {
    if (s > text && is_ident_char(s[-1])) continue;
    if (is_ident_char(s[n])) continue;
    const char *b = s;
    while (b > text && (b[-1] == ' ' || b[-1] == '(')) b--;
    if (b > text && b[-1] == '~') continue;
    return 1;
  }
  return 0;
}

static int is_std_stream(const sc_arg *a) {
  static const char *const streams[] = {"stdin", "stdout", "stderr"};
  for (size_t i = 0; i < SC_COUNTOF(streams); i++)
    if ((a->name && !strcmp(a->name, streams[i])) || spelling_sets(a->text, streams[i])) return 1;
  return 0;
}

/* "127.0.0.1", "::1", "fe80::1%eth0": resolving them asks no server. */
static int is_address_literal(const sc_arg *a) {
  if (a->kind != SC_ARG_STRING || !a->text || !a->text[0]) return 0;
  int colon = strchr(a->text, ':') != NULL;
  for (const char *s = a->text; *s && *s != '%'; s++)
    if (!(isdigit((unsigned char)*s) || *s == '.' || (colon && (isxdigit((unsigned char)*s) || *s == ':')))) return 0;
  return 1;
}

/* Paths the kernel answers from memory: procfs and sysfs files, tmpfs
 * (/run, /dev/shm), and device nodes, whose open returns at once.  A terminal's open may wait for the
 * line (a serial port without CLOCAL waits for carrier): not those. */
static int is_kernel_path(const char *path) {
  if (!path) return 0;
  /* The mount points themselves (`opendir("/proc")`, an O_TMPFILE in "/run"). */
  if (!strcmp(path, "/proc") || !strcmp(path, "/sys") || !strcmp(path, "/run") || !strcmp(path, "/var/run") ||
      !strcmp(path, "/dev/shm"))
    return 1;
  if (!strncmp(path, "/proc/", 6) || !strncmp(path, "/sys/", 5)) return 1;
  /* tmpfs: memory, whatever the files hold. */
  if (!strncmp(path, "/run/", 5) || !strncmp(path, "/var/run/", 9) || !strncmp(path, "/dev/shm/", 9)) return 1;
  return !strncmp(path, "/dev/", 5) && strncmp(path + 5, "tty", 3) && strncmp(path + 5, "serial", 6) &&
         strncmp(path + 5, "cu", 2);
}

int sc_catalog_is_kernel_path(const char *path) { return is_kernel_path(path); }

/* The printf-family calls that fill their first argument from a format:
 * the format's position. */
static int format_arg_of_filler(const char *name) {
  static const struct {
    const char *name;
    int format;
  } fillers[] = {{"snprintf", 2}, {"vsnprintf", 2}, {"sprintf", 1},   {"vsprintf", 1},
                 {"asprintf", 1}, {"vasprintf", 1}, {"xasprintf", 1}, {"g_snprintf", 2},
                 /* What glibc's _FORTIFY_SOURCE macros turn them into under clang
                  * (Debian builds with -D_FORTIFY_SOURCE=2). */
                 {"__builtin___snprintf_chk", 4}, {"__builtin___vsnprintf_chk", 4}, {"__snprintf_chk", 4},
                 {"__vsnprintf_chk", 4}, {"__builtin___sprintf_chk", 3}, {"__builtin___vsprintf_chk", 3},
                 {"__sprintf_chk", 3}, {"__vsprintf_chk", 3}, {"__asprintf_chk", 2}, {"__vasprintf_chk", 2}};
  for (size_t i = 0; name && i < SC_COUNTOF(fillers); i++)
    if (!strcmp(name, fillers[i].name)) return fillers[i].format;
  return -1;
}

static int same_variable(const sc_arg *a, const sc_arg *b) {
  if (a->kind != SC_ARG_VAR || b->kind != SC_ARG_VAR) return 0;
  if (a->usr && b->usr) return !strcmp(a->usr, b->usr);
  return a->name && b->name && !strcmp(a->name, b->name);
}

/* Whether argument `a` of `call` names a kernel path: a literal; a
 * parameter of the caller in `kernel_params` (every caller passes one); a local
 * buffer that the nearest earlier call of the same function filling it
 * (snprintf(path, n, "/sys/class/rfkill/rfkill%u/name", i)) filled from a
 * literal format under such a directory; or a local holding what a call
 * made of such a path: a stream or descriptor that fopen, open or the
 * program's own opener returned for it (lldpd's priv_open), the fdopen of
 * such a descriptor, or a string g_strdup_printf or g_build_filename built
 * from it. */
static int names_kernel_file(const sc_arg *a, const sc_facts *f, const sc_call *call, int depth,
                             uint32_t kernel_params);

/* For a `static` file-scope variable (the only kind with stores): whether
 * every value the translation unit stores in it is NULL or what a call made
 * of a kernel path (chrony's lazily opened `urandom_file`), with one such
 * call at least; -1 when the variable has no stores. */
static int stores_name_kernel_file(const char *usr, const sc_facts *f, int depth) {
  int stores = 0, kernel = 0;
  for (uint32_t i = 0; i < f->nvar_stores; i++) {
    const sc_var_store *v = &f->var_stores[i];
    if (v->var_usr != usr && strcmp(v->var_usr, usr)) continue;
    stores++;
    if (v->is_null) continue;
    if (!v->value_call || depth >= 4) return 0;
    const sc_call *from = &f->calls[v->value_call - 1];
    int found = 0;
    for (uint32_t k = 0; k < from->nargs && !found; k++)
      found = names_kernel_file(&f->args[from->first_arg + k], f, from, depth + 1, 0);
    if (!found) return 0;
    kernel = 1;
  }
  return stores ? kernel : -1;
}

static int names_kernel_file(const sc_arg *a, const sc_facts *f, const sc_call *call, int depth,
                             uint32_t kernel_params) {
  if (a->kind == SC_ARG_STRING) return is_kernel_path(a->text);
  if (a->kind == SC_ARG_PARAM) return a->param < 32 && ((kernel_params >> a->param) & 1);
  if (a->kind != SC_ARG_VAR) return 0;
  if (a->value_call && a->value_call - 1 < (uint32_t)(call - f->calls)) {
    /* Earlier calls only, and a few steps back: the recursion ends soon. */
    const sc_call *from = &f->calls[a->value_call - 1];
    int fdopen = from->callee_kind == SC_CALLEE_DIRECT && from->callee_name && !strcmp(from->callee_name, "fdopen");
    for (uint32_t i = 0; depth < 4 && i < from->nargs && (!fdopen || i == 0); i++)
      if (names_kernel_file(&f->args[from->first_arg + i], f, from, depth + 1, kernel_params)) return 1;
    return 0;
  }
  int stored = a->usr ? stores_name_kernel_file(a->usr, f, depth) : -1;
  if (stored >= 0) return stored;
  for (const sc_call *c = call; c-- > f->calls && c->caller == call->caller;) {
    int format = c->callee_kind == SC_CALLEE_DIRECT ? format_arg_of_filler(c->callee_name) : -1;
    if (format < 0 || c->nargs <= (uint32_t)format || !same_variable(&f->args[c->first_arg], a)) continue;
    const sc_arg *fmt = &f->args[c->first_arg + (uint32_t)format];
    return fmt->kind == SC_ARG_STRING && is_kernel_path(fmt->text);
  }
  return 0;
}

int sc_catalog_arg_names_kernel_file(const sc_facts *f, const sc_call *call, uint32_t arg, uint32_t kernel_params) {
  return arg < call->nargs && names_kernel_file(&f->args[call->first_arg + arg], f, call, 0, kernel_params);
}

int sc_cond_holds(const sc_cond *c, const sc_facts *f, const sc_call *call) { return sc_cond_holds_in(c, f, call, 0); }

int sc_cond_holds_in(const sc_cond *c, const sc_facts *f, const sc_call *call, uint32_t kernel_params) {
  if (c->kind == SC_COND_ALWAYS) return 1;
  const sc_arg *a = cond_arg(c, f, call);
  switch (c->kind) {
    case SC_COND_ARG_NULL:
      return a && a->kind == SC_ARG_NULL;
    case SC_COND_ARG_NONNULL:
      return a && a->kind != SC_ARG_NULL;
    case SC_COND_ARG_HAS_FLAG:
      if (!a) return 0;
      if (a->kind == SC_ARG_INT && c->mask && (a->ival & c->mask)) return 1;
      return spelling_sets(a->text, c->flag);
    case SC_COND_ARG_LACKS_FLAG:
      if (!a || a->kind != SC_ARG_INT) return 0;
      if (c->mask && (a->ival & c->mask)) return 0;
      return !spelling_sets(a->text, c->flag);
    case SC_COND_ARG_NONZERO:
      return a && a->kind == SC_ARG_INT && a->ival != 0;
    case SC_COND_ARG_NOT_STD_STREAM:
      return a && !is_std_stream(a);
    case SC_COND_ARG_NOT_ADDRESS:
      return a && !is_address_literal(a);
    case SC_COND_ARG_NOT_NUMERIC_HOST: {
      if (!a || is_address_literal(a)) return 0;
      /* The hints, spelled with the stores the caller made to their fields:
       * "&hints {ai_family=AF_UNSPEC; ai_flags=AI_PASSIVE | AI_NUMERICHOST}". */
      const sc_arg *hints = c->mask < call->nargs ? &f->args[call->first_arg + (uint32_t)c->mask] : NULL;
      const char *flags = hints && hints->text ? strstr(hints->text, "ai_flags=") : NULL;
      if (!flags) return 1;
      const char *end = strchr(flags, ';');
      char value[256];
      size_t n = end ? (size_t)(end - flags) : strlen(flags);
      if (n >= sizeof value) n = sizeof value - 1;
      memcpy(value, flags, n);
      value[n] = '\0';
      return !spelling_sets(value, c->flag);
    }
    case SC_COND_ARG_NOT_KERNEL_FILE:
      return !a || !names_kernel_file(a, f, call, 0, kernel_params);
    case SC_COND_ARG_EQUALS:
      if (!a) return 0;
      if (a->kind == SC_ARG_INT) return a->ival == c->mask;
      return a->text && c->flag && !strcmp(a->text, c->flag);
    case SC_COND_ARG_MAY_HAVE_FLAG:
      if (!a) return 0;
      if (a->kind == SC_ARG_INT) return (c->mask && (a->ival & c->mask)) || spelling_sets(a->text, c->flag);
      if (a->kind != SC_ARG_VAR && a->kind != SC_ARG_PARAM && a->kind != SC_ARG_OTHER) return 0;
      /* A run-time value: a pointer (`&lock`) is not a flags word, and a
       * spelling that clears the flag (`flags & ~O_NONBLOCK`) does not set it. */
      if (a->text && a->text[0] == '&') return 0;
      if (a->text && c->flag && strstr(a->text, c->flag)) return spelling_sets(a->text, c->flag);
      return 1;
    default:
      return 0;
  }
}

int sc_api_applies(const sc_api *api, const sc_facts *f, const sc_call *call) {
  return sc_api_applies_in(api, f, call, 0);
}

int sc_api_applies_in(const sc_api *api, const sc_facts *f, const sc_call *call, uint32_t kernel_params) {
  return sc_cond_holds_in(&api->cond, f, call, kernel_params) && sc_cond_holds_in(&api->also, f, call, kernel_params);
}

/* ---- iteration ------------------------------------------------------- */

const sc_api *sc_catalog_api_table(size_t *count) {
  ensure_built();
  *count = cat.napis;
  return cat.apis;
}

const sc_registrar *sc_catalog_registrar_table(size_t *count) {
  *count = sc_catalog_registrar_count;
  return sc_catalog_registrar_rows;
}

const sc_callback_type *sc_catalog_callback_type_table(size_t *count) {
  *count = sc_catalog_callback_type_count;
  return sc_catalog_callback_type_rows;
}

const sc_callback_field *sc_catalog_callback_field_table(size_t *count) {
  *count = sc_catalog_callback_field_count;
  return sc_catalog_callback_field_rows;
}
