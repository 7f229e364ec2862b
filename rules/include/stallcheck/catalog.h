/*
 * catalog.h - what stallcheck knows about library APIs, as data.
 *
 * One place for every API fact: which calls register callbacks and on which
 * thread those callbacks run, which calls block (and under which argument
 * conditions), which are CPU-heavy, which touch the GPU, which are event-loop
 * APIs that must stay on the loop thread, and the remedy for each.  The tables
 * live in the files of rules/catalog/; adding an API is adding one row.
 */
#ifndef STALLCHECK_CATALOG_H
#define STALLCHECK_CATALOG_H

#include "stallcheck/facts.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The thread a callback runs on. */
typedef enum sc_ctx {
  SC_CTX_LOOP = 0,  /* an event-loop thread: nothing may wait there */
  SC_CTX_WORKER,    /* a worker thread (thread pool, pthread, GTask thread) */
  SC_CTX_COUNT
} sc_ctx;

/* Argument conditions.  A row's condition is a predicate over the call's
 * arguments; what it means depends on the row (see each table). */
typedef enum sc_cond_kind {
  SC_COND_ALWAYS = 0,
  SC_COND_ARG_NULL,         /* argument `arg` is a null pointer constant */
  SC_COND_ARG_NONNULL,      /* argument `arg` is present and not a null constant */
  SC_COND_ARG_HAS_FLAG,     /* argument `arg` is a constant with a bit of `mask`
                               set, or its spelling names `flag` */
  SC_COND_ARG_LACKS_FLAG,   /* argument `arg` is a constant without any bit of
                               `mask` and its spelling does not name `flag`
                               (an unknown value does not satisfy it) */
  SC_COND_ARG_NONZERO,      /* argument `arg` is a nonzero constant (CL_TRUE) */
  SC_COND_ARG_NOT_STD_STREAM,/* argument `arg` is not stdin/stdout/stderr */
  SC_COND_ARG_EQUALS,       /* argument `arg` is the constant `mask`, or its
                               spelling is `flag` */
  SC_COND_ARG_NOT_ADDRESS,  /* argument `arg` is not a string literal holding a
                               numeric IPv4/IPv6 address ("127.0.0.1", "::1") */
  SC_COND_ARG_MAY_HAVE_FLAG,/* argument `arg` has a bit of `mask` set, names
                               `flag`, or is a value computed at run time
                               (`flags`, not `&lock`): a flags word the
                               program builds itself usually carries it */
  SC_COND_ARG_NOT_NUMERIC_HOST, /* getaddrinfo: argument `arg` (the host) is not
                               a numeric address literal, and argument `mask`
                               (the hints) is not a local whose fields the
                               caller set with AI_NUMERICHOST in ai_flags */
  SC_COND_ARG_NOT_KERNEL_FILE /* argument `arg` is not a path the kernel answers
                               from memory: a literal under /proc/, /sys/ or
                               /dev/ (not a terminal), or a buffer the caller
                               last filled with sprintf/snprintf/asprintf from
                               such a literal format */
} sc_cond_kind;

typedef struct sc_cond {
  sc_cond_kind kind;
  int arg;            /* 0-based; -1 means the last argument */
  int64_t mask;
  const char *flag;   /* macro name to look for in the argument's spelling */
} sc_cond;

/* A call that registers a callback: the function reference passed as argument
 * `cb_arg` (-1: the last argument) will run in context `ctx`. */
typedef struct sc_registrar {
  const char *function;
  int cb_arg;
  sc_ctx ctx;
  const char *library;  /* "libuv", "libevent", "libev", "GLib", "sd-event", "pthread", ... */
  const char *what;     /* "timer callback", "read callback", "work callback" ... */
  sc_cond when;         /* it registers only when this holds (uv_fs_* with a callback) */
} sc_registrar;

/* A callback parameter type: a function passed where the callee declares a
 * parameter of this type is registered to run in `ctx`.  This catches every
 * registrar of a library, and the program's own wrappers around them. */
typedef struct sc_callback_type {
  const char *type;     /* typedef name as spelled in the headers: "uv_timer_cb" */
  sc_ctx ctx;
  const char *library;
  const char *what;
} sc_callback_type;

/* A callback field: a function stored into `field` of a record whose name
 * starts with `record_prefix` runs in `ctx` (libev's ev_*_init macros store
 * the callback into the watcher's `cb` field). */
typedef struct sc_callback_field {
  const char *record_prefix;
  const char *field;
  sc_ctx ctx;
  const char *library;
  const char *what;
} sc_callback_field;

typedef enum sc_api_kind {
  SC_API_BLOCKING = 0,   /* waits: sleep, I/O, DNS, process and lock waits */
  SC_API_CPU_HEAVY,      /* burns CPU in proportion to its input */
  SC_API_GPU_SYNC,       /* waits for the GPU or copies synchronously */
  SC_API_GPU_ALLOC,      /* allocates or frees device or pinned memory */
  SC_API_GPU_LAUNCH,     /* launches work (per-element launches want batching) */
  SC_API_LOOP_ONLY,      /* an event-loop API that is not thread-safe */
  SC_API_LOOP_WAIT,      /* the wait of a hand-written loop: epoll_wait, poll */
  SC_API_NONBLOCK_MARKER,/* makes sockets non-blocking when `cond` holds */
  SC_API_LOOP_WAKE,      /* wakes a loop from another thread (uv_async_send) */
  SC_API_KIND_COUNT
} sc_api_kind;

/* Row flags. */
enum {
  SC_APIF_SOCKET = 1u << 0, /* socket I/O: not blocking in a program that makes
                               its sockets non-blocking */
  SC_APIF_JOIN = 1u << 1,   /* a thread join: not blocking in a program whose
                               threads wake the loop when they are done */
  SC_APIF_STREAM_READ = 1u << 2, /* a stream read: does not wait when it sits in
                               a callback the loop runs because a descriptor
                               is readable (fgets of stdin in an EV_READ callback) */
  SC_APIF_USER = 1u << 3,   /* added by the project's configuration: applies to
                               the program's own functions too */
  SC_APIF_OTHER_THREAD = 1u << 4 /* waits for another thread of the process (a
                               condition variable, a barrier): a program that
                               starts no thread never gets here (dbus's
                               locks in a build without threads) */
};

/* An API of interest.  For SC_API_BLOCKING / CPU / GPU rows `cond` says when
 * the call is of that kind (SC_COND_ALWAYS for most); for markers, when the
 * call marks sockets non-blocking. */
typedef struct sc_api {
  const char *function;
  sc_api_kind kind;
  const char *family;   /* "sleep", "file-io", "dns", "process", "lock", "http",
                           "postgres", "redis", "sqlite", "glib", "libuv-fs", ... */
  const char *library;  /* "libc", "libuv", "libcurl", ... */
  sc_cond cond;
  uint32_t flags;       /* SC_APIF_* */
  const char *why;      /* what the call waits for, completing "it ..." :
                           "sleeps the calling thread" */
  const char *remedy;   /* what to do instead, naming the async API or adaptor */
  sc_cond also;         /* a second condition that must hold too (zero: always) */
} sc_api;

/* Lookups.  Names are exact C function names; every lookup is O(1) average. */
const sc_registrar *sc_catalog_registrars(const char *function, size_t *count);
const sc_callback_type *sc_catalog_callback_type(const char *type_spelling);
const sc_callback_field *sc_catalog_callback_field(const char *record, const char *field);
/* All rows for `function` of the given kind (there may be several, each with
 * its own condition), or NULL with *count = 0. */
const sc_api *sc_catalog_apis(const char *function, sc_api_kind kind, size_t *count);

/* Whether callbacks registered by `registrar` (a function, with its `call`;
 * or the record of a callback field, with call NULL) run because a
 * descriptor is readable: event_new(base, fd, EV_READ, ...), uv_poll_start,
 * g_io_add_watch, ev_io ... */
int sc_catalog_is_readiness_registration(const char *registrar, const sc_facts *facts, const sc_call *call);

/* Whether a front end should record the source spelling of `function`'s
 * arguments (sc_arg.text): only calls whose conditions look for a flag name. */
int sc_catalog_wants_arg_text(const char *function);

/* Whether `cond` holds for `call` in `facts`. */
int sc_cond_holds(const sc_cond *cond, const sc_facts *facts, const sc_call *call);
/* Whether row `api` applies to `call`: both of its conditions hold. */
int sc_api_applies(const sc_api *api, const sc_facts *facts, const sc_call *call);
/* The same, knowing that the caller's parameters in `kernel_params` (bit k:
 * parameter k) hold a kernel path (/proc, /sys, tmpfs) whatever the caller:
 * what the whole program says of them (sc_program_kernel_params). */
int sc_cond_holds_in(const sc_cond *cond, const sc_facts *facts, const sc_call *call, uint32_t kernel_params);
int sc_api_applies_in(const sc_api *api, const sc_facts *facts, const sc_call *call, uint32_t kernel_params);
/* Whether `path` is one the kernel answers from memory: /proc, /sys, tmpfs
 * (/run, /dev/shm), device nodes other than terminals. */
int sc_catalog_is_kernel_path(const char *path);
/* Whether argument `arg` of `call` names a kernel path, as the conditions
 * on kernel files read it. */
int sc_catalog_arg_names_kernel_file(const sc_facts *facts, const sc_call *call, uint32_t arg,
                                     uint32_t kernel_params);

/* The remedy for offloading blocking work from a loop of `library`
 * ("use uv_queue_work ..."), used where a row has no async variant. */
const char *sc_catalog_thread_adaptor(const char *library);

/* The remedy for a finding of row `api` on a loop of `library` (NULL or ""
 * for a hand-written loop): the loop's own async API or thread adaptor when
 * the row's remedy is one of the texts shared by every loop.  A heap string. */
char *sc_catalog_remedy(const sc_api *api, const char *library);

/* Rows a project adds (its configuration file): consulted before the
 * built-in tables.  Strings are copied.  Add them before analysing; not
 * thread-safe against concurrent lookups. */
void sc_catalog_add_api(const sc_api *row);
void sc_catalog_add_registrar(const sc_registrar *row);
/* A function of the program that runs its own event loop (one turn or all
 * of it, like aeProcessEvents): what it calls runs on the loop thread. */
typedef struct sc_loop_function {
  const char *function;
  const char *library; /* names the loop in messages; "project" by default */
} sc_loop_function;
void sc_catalog_add_loop_function(const sc_loop_function *row);
/* The row of `function`, or NULL. */
const sc_loop_function *sc_catalog_loop_function(const char *function);
const sc_loop_function *sc_catalog_user_loop_function_table(size_t *count);
/* Whether the configuration made `function` a registrar. */
int sc_catalog_is_user_registrar(const char *function);
void sc_catalog_clear_user_rows(void);
/* The rows the configuration added. */
const sc_api *sc_catalog_user_api_table(size_t *count);
const sc_registrar *sc_catalog_user_registrar_table(size_t *count);

/* The numbers the CPU and GPU checks judge loops by.  The defaults are the
 * documented ones (docs/rules/cpu-heavy-work-on-io-thread.md,
 * gpu-sync-in-hot-loop.md); a project's configuration may change them
 * ("thresholds").  Set them before analysing, like the rows above. */
typedef struct sc_thresholds {
  double cpu_heavy_steps;          /* constant trips x body weight from which a nest is heavy (1e7) */
  uint32_t cpu_nested_input_loops; /* input-bounded loops nested this deep are heavy (3; 3..8) */
  int64_t cpu_sort_few_elements;   /* a sort of at most this many constant elements is cheap (64) */
  int64_t gpu_hot_min_trips;       /* constant trips from which a loop is hot for the GPU rules (16) */
} sc_thresholds;

extern const sc_thresholds sc_thresholds_default;
/* The thresholds in force (the defaults until set). */
const sc_thresholds *sc_thresholds_get(void);
void sc_thresholds_set(const sc_thresholds *t);

/* Iteration over every row (for --list-apis, docs and tests). */
const sc_api *sc_catalog_api_table(size_t *count);
const sc_registrar *sc_catalog_registrar_table(size_t *count);
const sc_callback_type *sc_catalog_callback_type_table(size_t *count);
const sc_callback_field *sc_catalog_callback_field_table(size_t *count);

#ifdef __cplusplus
}
#endif
#endif
