/*
 * serialize.c - facts files (facts_io.h).
 *
 * A line-oriented text format: one record per line, fields separated by
 * single spaces, strings percent-escaped ("-" is NULL, "%2D" a lone dash),
 * so a file can be read with `less` and diffed, and a reader can check every
 * field.  The first line names the format and version; each TU starts with
 * `tu` and ends with `end` and its record counts, and every line ends with a
 * newline, so truncation is detected.  A file of no TUs is the header alone.
 *
 *   stallcheck-facts 6 0.1.0
 *   tu <file> <parse_failed>
 *   fn <usr> <name> <linkage> <flags> <nparams> <annotations> <params_written> <params_kernel_default> <loc>
 *   call <caller> <callee_kind> <callee_usr> <callee_name> <record> <param> <loop> <nargs>
 *        <callee_flags> <callee_annotations> <zero_guard> <param_guards> <loc>
 *   arg <kind> <ival> <text> <usr> <name> <param> <type> <record> <value_call>   (nargs of them follow their call)
 *   flow <fn_usr> <fn_name> <src_param> <kind> <function> <call> <arg> <var_usr> <var_name> <record> <field>
 *        <holder_usr> <loc>
 *   ref <function> <holder_usr> <var_usr>
 *   store <function> <var_usr> <value_call> <is_null>
 *   loop <function> <parent> <depth> <trip_kind> <trip_count> <bound_text> <body_weight> <continues_outer> <loc>
 *   diag <level> <message> <loc>
 *   end <functions> <calls> <flows> <loops> <diags> <checksum>
 *
 * <checksum> is FNV-1a 64 (16 hex digits) of the TU's lines from `tu` to the
 * one before `end`, newlines included.  Format 1 had no checksum; format 2
 * had no <callee_flags>, <callee_annotations> and <zero_guard>; format 3 had
 * no <param_guards> and <params_written>; format 4 had no <holder_usr> and no
 * `ref` records; format 5 no <params_kernel_default>, no <continues_outer>
 * and no `store` records.
 *
 * A <loc> is five fields: file line col end_line end_col.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "stallcheck/facts_io.h"

#define MAGIC "stallcheck-facts"
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)
#define SC_FACTS_FORMAT_STRING STRINGIFY(SC_FACTS_FORMAT)
#define NONE_U32 "-"

/* ---- writing ----------------------------------------------------------- */

static void put_str(FILE *out, const char *s) {
  fputc(' ', out);
  if (!s) {
    fputc('-', out);
    return;
  }
  if (!*s || !strcmp(s, "-")) { /* empty and "-" must differ from NULL */
    fputs(*s ? "%2D" : "%", out);
    return;
  }
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p <= ' ' || *p == '%' || *p >= 0x7f)
      fprintf(out, "%%%02X", *p);
    else
      fputc(*p, out);
  }
}

static void put_u32(FILE *out, uint32_t v) {
  if (v == SC_NONE)
    fputs(" " NONE_U32, out);
  else
    fprintf(out, " %" PRIu32, v);
}

static void put_loc(FILE *out, const sc_loc *l) {
  put_str(out, l->file);
  fprintf(out, " %" PRIu32 " %" PRIu32 " %" PRIu32 " %" PRIu32, l->line, l->col, l->end_line, l->end_col);
}

int sc_facts_write_header(FILE *out) {
  fprintf(out, "%s %d %s\n", MAGIC, SC_FACTS_FORMAT, STALLCHECK_VERSION);
  return ferror(out) ? -1 : 0;
}

/* FNV-1a, 64 bits: not a defence against tampering, but any corruption of a
 * record's bytes that still parses (a changed name, a digit) is caught. */
#define CHECKSUM_SEED 0xcbf29ce484222325ull

static uint64_t checksum(uint64_t h, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 0x100000001b3ull;
  return h;
}

/* A fuzzer cannot forge checksums: in a fuzzing build (the macro libFuzzer
 * and OSS-Fuzz builds define) every other check still runs, so that mutated
 * facts get through to the engine and are tested there too. */
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
#define VERIFY_CHECKSUM 0
#else
#define VERIFY_CHECKSUM 1
#endif

static void write_records(FILE *out, const sc_facts *f);

int sc_facts_write(FILE *out, const sc_facts *f) {
  if (ftell(out) == 0) sc_facts_write_header(out);
  char *records = NULL;
  size_t len = 0;
  FILE *buf = open_memstream(&records, &len);
  if (!buf) return -1;
  write_records(buf, f);
  int failed = ferror(buf);
  if (fclose(buf) != 0 || failed) {
    free(records);
    return -1;
  }
  fwrite(records, 1, len, out);
  fprintf(out, "end %" PRIu32 " %" PRIu32 " %" PRIu32 " %" PRIu32 " %" PRIu32 " %016" PRIx64 "\n", f->nfunctions,
          f->ncalls, f->nflows, f->nloops, f->ndiags, checksum(CHECKSUM_SEED, records, len));
  free(records);
  return ferror(out) ? -1 : 0;
}

/* Every record of one TU, from `tu` to the last before `end`. */
static void write_records(FILE *out, const sc_facts *f) {
  fputs("tu", out);
  put_str(out, f->tu_file);
  fprintf(out, " %d\n", f->parse_failed ? 1 : 0);
  for (uint32_t i = 0; i < f->nfunctions; i++) {
    const sc_function *x = &f->functions[i];
    fputs("fn", out);
    put_str(out, x->usr);
    put_str(out, x->name);
    fprintf(out, " %d %" PRIu32 " %" PRIu32, (int)x->linkage, x->flags, x->nparams);
    put_str(out, x->annotations);
    put_u32(out, x->params_written);
    put_u32(out, x->params_kernel_default);
    put_loc(out, &x->loc);
    fputc('\n', out);
  }
  for (uint32_t i = 0; i < f->ncalls; i++) {
    const sc_call *c = &f->calls[i];
    fputs("call", out);
    put_u32(out, c->caller);
    fprintf(out, " %d", (int)c->callee_kind);
    put_str(out, c->callee_usr);
    put_str(out, c->callee_name);
    put_str(out, c->record);
    put_u32(out, c->param);
    put_u32(out, c->loop);
    put_u32(out, c->nargs);
    put_u32(out, c->callee_flags);
    put_str(out, c->callee_annotations);
    put_u32(out, sc_call_zero_guard(c));
    put_u32(out, c->param_guards);
    put_loc(out, &c->loc);
    fputc('\n', out);
    for (uint32_t a = 0; a < c->nargs; a++) {
      const sc_arg *g = &f->args[c->first_arg + a];
      fprintf(out, "arg %d %" PRId64, (int)g->kind, g->ival);
      put_str(out, g->text);
      put_str(out, g->usr);
      put_str(out, g->name);
      put_u32(out, g->param);
      put_str(out, g->type);
      put_str(out, g->record);
      put_u32(out, g->value_call ? g->value_call - 1 : SC_NONE);
      fputc('\n', out);
    }
  }
  for (uint32_t i = 0; i < f->nflows; i++) {
    const sc_flow *w = &f->flows[i];
    fputs("flow", out);
    put_str(out, w->fn_usr);
    put_str(out, w->fn_name);
    put_u32(out, w->src_param);
    fprintf(out, " %d", (int)w->kind);
    put_u32(out, w->function);
    put_u32(out, w->call);
    put_u32(out, w->arg);
    put_str(out, w->var_usr);
    put_str(out, w->var_name);
    put_str(out, w->record);
    put_str(out, w->field);
    put_str(out, w->holder_usr);
    put_loc(out, &w->loc);
    fputc('\n', out);
  }
  for (uint32_t i = 0; i < f->nvar_refs; i++) {
    const sc_var_ref *v = &f->var_refs[i];
    fputs("ref", out);
    put_u32(out, v->function);
    put_str(out, v->holder_usr);
    put_str(out, v->var_usr);
    fputc('\n', out);
  }
  for (uint32_t i = 0; i < f->nvar_stores; i++) {
    const sc_var_store *v = &f->var_stores[i];
    fputs("store", out);
    put_u32(out, v->function);
    put_str(out, v->var_usr);
    put_u32(out, v->value_call ? v->value_call - 1 : SC_NONE);
    put_u32(out, v->is_null);
    fputc('\n', out);
  }
  for (uint32_t i = 0; i < f->nloops; i++) {
    const sc_loop *l = &f->loops[i];
    fputs("loop", out);
    put_u32(out, l->function);
    put_u32(out, l->parent);
    put_u32(out, l->depth);
    fprintf(out, " %d %" PRId64, (int)l->trip_kind, l->trip_count);
    put_str(out, l->bound_text);
    put_u32(out, l->body_weight);
    put_u32(out, l->continues_outer);
    put_loc(out, &l->loc);
    fputc('\n', out);
  }
  for (uint32_t i = 0; i < f->ndiags; i++) {
    const sc_diag *d = &f->diags[i];
    fprintf(out, "diag %d", (int)d->level);
    put_str(out, d->message);
    put_loc(out, &d->loc);
    fputc('\n', out);
  }
}

/* ---- link order -------------------------------------------------------- */

static int cmp_u32(uint32_t a, uint32_t b) { return a < b ? -1 : a > b; }

static int by_file_then_size(const void *pa, const void *pb) {
  const sc_facts *a = *(sc_facts *const *)pa, *b = *(sc_facts *const *)pb;
  int c = strcmp(a->tu_file ? a->tu_file : "", b->tu_file ? b->tu_file : "");
  if (!c) c = cmp_u32(a->nfunctions, b->nfunctions);
  if (!c) c = cmp_u32(a->ncalls, b->ncalls);
  if (!c) c = cmp_u32(a->nargs, b->nargs);
  if (!c) c = cmp_u32(a->nflows, b->nflows);
  if (!c) c = cmp_u32(a->nloops, b->nloops);
  if (!c) c = cmp_u32(a->ndiags, b->ndiags);
  if (!c) c = cmp_u32(a->nvar_refs, b->nvar_refs);
  if (!c) c = cmp_u32(a->nvar_stores, b->nvar_stores);
  if (!c) c = (a->parse_failed != 0) - (b->parse_failed != 0);
  return c;
}

void sc_facts_sort(sc_facts **tus, size_t ntus) {
  if (ntus > 1) qsort(tus, ntus, sizeof *tus, by_file_then_size);
}

/* ---- reading ----------------------------------------------------------- */

typedef struct reader {
  const char *path;
  unsigned line_no;
  char *fields[32];
  int nfields;
  char *error;
  size_t error_size;
  int failed;
} reader;

static void fail(reader *r, const char *fmt, ...) {
  if (r->failed) return;
  r->failed = 1;
  int n = snprintf(r->error, r->error_size, "%s:%u: ", r->path, r->line_no);
  if (n < 0 || (size_t)n >= r->error_size) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->error + n, r->error_size - (size_t)n, fmt, ap);
  va_end(ap);
}

static void split(reader *r, char *line) {
  r->nfields = 0;
  for (char *p = line; *p && r->nfields < 32;) {
    while (*p == ' ') p++;
    if (!*p) break;
    r->fields[r->nfields++] = p;
    while (*p && *p != ' ') p++;
    if (*p) *p++ = 0;
  }
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* Decodes field `i` in place; NULL for "-". */
static const char *get_str(reader *r, int i) {
  char *s = r->fields[i];
  if (!strcmp(s, "-")) return NULL;
  if (!strcmp(s, "%")) return "";
  char *o = s;
  for (char *p = s; *p; p++) {
    if (*p != '%') {
      *o++ = *p;
      continue;
    }
    int hi = hexval(p[1]), lo = hi < 0 ? -1 : hexval(p[2]);
    if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
      fail(r, "bad escape in field %d", i);
      return NULL;
    }
    *o++ = (char)(hi * 16 + lo);
    p += 2;
  }
  *o = 0;
  return s;
}

static uint32_t get_u32(reader *r, int i) {
  const char *s = r->fields[i];
  if (!strcmp(s, NONE_U32)) return SC_NONE;
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end || s[0] == '-' || v >= SC_NONE) {
    fail(r, "field %d is not a count: '%s'", i, s);
    return 0;
  }
  return (uint32_t)v;
}

static int64_t get_i64(reader *r, int i) {
  char *end;
  errno = 0;
  long long v = strtoll(r->fields[i], &end, 10);
  if (errno || *end) fail(r, "field %d is not an integer", i);
  return (int64_t)v;
}

static int get_enum(reader *r, int i, int max) {
  int64_t v = get_i64(r, i);
  if (v < 0 || v > max) fail(r, "field %d is out of range", i);
  return (int)v;
}

static sc_loc get_loc(reader *r, sc_facts *f, int i) {
  const char *file = get_str(r, i);
  return sc_facts_loc(f, file, get_u32(r, i + 1), get_u32(r, i + 2), get_u32(r, i + 3), get_u32(r, i + 4));
}

static int want(reader *r, int n) {
  if (r->nfields != n) fail(r, "'%s' record with %d fields, expected %d", r->fields[0], r->nfields, n);
  return !r->failed;
}

/* Index checks the engine relies on: a corrupted file must not make it read
 * out of bounds. */
static void validate(reader *r, const sc_facts *f) {
  char problem[160];
  if (sc_facts_check(f, problem, sizeof problem) != 0) fail(r, "%s", problem);
}

int sc_facts_read_file(const char *path, sc_facts ***out, char *error, size_t error_size) {
  reader r = {path, 0, {0}, 0, error, error_size, 0};
  *out = NULL;
  FILE *in = fopen(path, "r");
  if (!in) {
    snprintf(error, error_size, "%s: %s", path, strerror(errno));
    return -1;
  }
  sc_facts **tus = NULL, *f = NULL;
  size_t ntus = 0;
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  uint32_t pending_args = 0;
  sc_call call = {0};
  sc_arg *args = NULL;
  uint32_t nargs_read = 0;
  uint64_t sum = CHECKSUM_SEED;
  while (!r.failed && (len = getline(&line, &cap, in)) >= 0) {
    r.line_no++;
    /* The checksum covers the raw bytes of a TU's records, `tu` included. */
    if (!strncmp(line, "tu ", 3)) sum = CHECKSUM_SEED;
    if (strncmp(line, "end ", 4)) sum = checksum(sum, line, (size_t)len);
    /* The writer ends every line: a last line without its newline is a cut. */
    int ended = len > 0 && line[len - 1] == '\n';
    if (ended) line[--len] = 0;
    int has_nul = (size_t)len != strlen(line);
    if (!has_nul) split(&r, line);
    if (r.line_no == 1) {
      if (has_nul || r.nfields < 2 || strcmp(r.fields[0], MAGIC)) {
        fail(&r, "not a stallcheck facts file");
      } else if (strcmp(r.fields[1], SC_FACTS_FORMAT_STRING) != 0) {
        fail(&r, "facts format %s, this stallcheck reads format %d: regenerate the file", r.fields[1],
             SC_FACTS_FORMAT);
      } else if (r.nfields != 3) {
        fail(&r, "malformed header: expected '%s %d <stallcheck version>'", MAGIC, SC_FACTS_FORMAT);
      } else if (!ended) {
        fail(&r, "the file ends inside a line (truncated)");
      }
      continue;
    }
    if (!ended) {
      fail(&r, "the file ends inside a line (truncated)");
      break;
    }
    if (has_nul) {
      fail(&r, "NUL byte in the file");
      break;
    }
    if (r.nfields == 0) {
      fail(&r, "empty line");
      break;
    }
    const char *tag = r.fields[0];
    if (pending_args && strcmp(tag, "arg")) {
      fail(&r, "call with %u arguments missing", pending_args);
      break;
    }
    if (!strcmp(tag, "tu")) {
      if (f) fail(&r, "'tu' inside a TU (missing 'end')");
      if (!want(&r, 3)) break;
      const char *file = get_str(&r, 1);
      f = sc_facts_new(file ? file : "");
      f->parse_failed = get_enum(&r, 2, 1);
      continue;
    }
    if (!f) {
      fail(&r, "'%s' record outside a TU", tag);
      break;
    }
    if (!strcmp(tag, "fn")) {
      if (!want(&r, 14)) break;
      sc_function x = {0};
      x.usr = get_str(&r, 1);
      x.name = get_str(&r, 2);
      x.linkage = (sc_linkage)get_enum(&r, 3, 1);
      x.flags = get_u32(&r, 4);
      x.nparams = get_u32(&r, 5);
      x.annotations = get_str(&r, 6);
      x.params_written = get_u32(&r, 7);
      x.params_kernel_default = get_u32(&r, 8);
      x.loc = get_loc(&r, f, 9);
      if (!x.usr || !x.name) fail(&r, "function without a USR or name");
      if (!r.failed) sc_facts_add_function(f, &x);
    } else if (!strcmp(tag, "call")) {
      if (!want(&r, 18)) break;
      memset(&call, 0, sizeof call);
      call.caller = get_u32(&r, 1);
      call.callee_kind = (sc_callee_kind)get_enum(&r, 2, SC_CALLEE_UNKNOWN);
      /* Interned now: the call is added after its arguments' lines, which
       * reuse the line buffer. */
      call.callee_usr = sc_facts_intern(f, get_str(&r, 3));
      call.callee_name = sc_facts_intern(f, get_str(&r, 4));
      call.record = sc_facts_intern(f, get_str(&r, 5));
      call.param = get_u32(&r, 6);
      call.loop = get_u32(&r, 7);
      pending_args = get_u32(&r, 8);
      call.callee_flags = get_u32(&r, 9);
      call.callee_annotations = sc_facts_intern(f, get_str(&r, 10));
      uint32_t guard = get_u32(&r, 11);
      call.zero_guard = guard == SC_NONE ? 0 : guard + 1;
      call.param_guards = get_u32(&r, 12);
      call.loc = get_loc(&r, f, 13);
      if (pending_args > 4096 && !r.failed) fail(&r, "a call with %u arguments", pending_args);
      if (r.failed) break; /* found by fuzz/facts_fuzzer.c: never size an allocation from a bad field */
      free(args);
      args = calloc(pending_args ? pending_args : 1, sizeof *args);
      nargs_read = 0;
      if (!args) fail(&r, "out of memory");
      if (!r.failed && pending_args == 0) sc_facts_add_call(f, &call, NULL, 0);
    } else if (!strcmp(tag, "arg")) {
      if (!pending_args) {
        fail(&r, "'arg' without a call");
        break;
      }
      if (!want(&r, 10)) break;
      sc_arg *g = &args[nargs_read];
      g->kind = (sc_arg_kind)get_enum(&r, 1, SC_ARG_FIELD);
      g->ival = get_i64(&r, 2);
      g->text = get_str(&r, 3);
      g->usr = get_str(&r, 4);
      g->name = get_str(&r, 5);
      g->param = get_u32(&r, 6);
      g->type = get_str(&r, 7);
      g->record = get_str(&r, 8);
      uint32_t value_call = get_u32(&r, 9);
      g->value_call = value_call == SC_NONE ? 0 : value_call + 1;
      /* The strings live in `line`, which the next getline reuses: intern now. */
      g->text = sc_facts_intern(f, g->text);
      g->usr = sc_facts_intern(f, g->usr);
      g->name = sc_facts_intern(f, g->name);
      g->type = sc_facts_intern(f, g->type);
      g->record = sc_facts_intern(f, g->record);
      nargs_read++;
      if (--pending_args == 0 && !r.failed) sc_facts_add_call(f, &call, args, nargs_read);
      continue;
    } else if (!strcmp(tag, "flow")) {
      if (!want(&r, 18)) break;
      sc_flow w = {0};
      w.fn_usr = get_str(&r, 1);
      w.fn_name = get_str(&r, 2);
      w.src_param = get_u32(&r, 3);
      w.kind = (sc_flow_kind)get_enum(&r, 4, SC_FLOW_OTHER);
      w.function = get_u32(&r, 5);
      w.call = get_u32(&r, 6);
      w.arg = get_u32(&r, 7);
      w.var_usr = get_str(&r, 8);
      w.var_name = get_str(&r, 9);
      w.record = get_str(&r, 10);
      w.field = get_str(&r, 11);
      w.holder_usr = get_str(&r, 12);
      w.loc = get_loc(&r, f, 13);
      if (!r.failed) sc_facts_add_flow(f, &w);
    } else if (!strcmp(tag, "store")) {
      if (!want(&r, 5)) break;
      sc_var_store v = {0};
      v.function = get_u32(&r, 1);
      v.var_usr = get_str(&r, 2);
      uint32_t call = get_u32(&r, 3);
      v.value_call = call == SC_NONE ? 0 : call + 1;
      v.is_null = get_enum(&r, 4, 1);
      if (!v.var_usr) fail(&r, "a store without a variable");
      if (!r.failed) sc_facts_add_var_store(f, &v);
    } else if (!strcmp(tag, "ref")) {
      if (!want(&r, 4)) break;
      sc_var_ref v = {0};
      v.function = get_u32(&r, 1);
      v.holder_usr = get_str(&r, 2);
      v.var_usr = get_str(&r, 3);
      if (!v.var_usr) fail(&r, "a reference without a variable");
      /* Added as written: the writer already left out repeats. */
      if (!r.failed) {
        size_t before = f->nvar_refs;
        sc_facts_add_var_ref(f, &v);
        if (f->nvar_refs == before) fail(&r, "a repeated reference");
      }
    } else if (!strcmp(tag, "loop")) {
      if (!want(&r, 14)) break;
      sc_loop l = {0};
      l.function = get_u32(&r, 1);
      l.parent = get_u32(&r, 2);
      l.depth = get_u32(&r, 3);
      l.trip_kind = (sc_trip_kind)get_enum(&r, 4, SC_TRIP_INFINITE);
      l.trip_count = get_i64(&r, 5);
      l.bound_text = get_str(&r, 6);
      l.body_weight = get_u32(&r, 7);
      l.continues_outer = get_enum(&r, 8, 1);
      l.loc = get_loc(&r, f, 9);
      if (!r.failed) {
        sc_facts_add_loop(f, &l);
      }
    } else if (!strcmp(tag, "diag")) {
      if (!want(&r, 8)) break;
      sc_diag_level level = (sc_diag_level)get_enum(&r, 1, SC_DIAG_FATAL);
      const char *message = get_str(&r, 2);
      sc_loc loc = get_loc(&r, f, 3);
      if (!r.failed) sc_facts_add_diag(f, level, &loc, message ? message : "");
    } else if (!strcmp(tag, "end")) {
      if (!want(&r, 7)) break;
      if (get_u32(&r, 1) != f->nfunctions || get_u32(&r, 2) != f->ncalls || get_u32(&r, 3) != f->nflows ||
          get_u32(&r, 4) != f->nloops || get_u32(&r, 5) != f->ndiags)
        fail(&r, "record counts do not match 'end' (a truncated or edited file)");
      char expected[17];
      snprintf(expected, sizeof expected, "%016" PRIx64, sum);
      if (!r.failed && VERIFY_CHECKSUM && strcmp(r.fields[6], expected))
        fail(&r, "checksum mismatch: the TU's records were altered (a corrupted or edited file)");
      validate(&r, f);
      if (r.failed) break;
      sc_facts **grown = realloc(tus, (ntus + 1) * sizeof *tus);
      if (!grown) {
        fail(&r, "out of memory");
        break;
      }
      tus = grown;
      tus[ntus++] = f;
      f = NULL;
    } else {
      fail(&r, "unknown record '%s'", tag);
    }
  }
  if (!r.failed && r.line_no == 0) fail(&r, "empty file");
  if (!r.failed && (f || pending_args)) fail(&r, "the file ends inside a TU (truncated)");
  free(line);
  free(args);
  fclose(in);
  if (r.failed) {
    if (f) sc_facts_free(f);
    for (size_t i = 0; i < ntus; i++) sc_facts_free(tus[i]);
    free(tus);
    return -1;
  }
  /* No TUs (an empty shard) is still an array, never NULL: callers memcpy
   * from it. */
  if (!tus && !(tus = calloc(1, sizeof *tus))) {
    snprintf(error, error_size, "%s: out of memory", path);
    return -1;
  }
  *out = tus;
  return (int)ntus;
}
