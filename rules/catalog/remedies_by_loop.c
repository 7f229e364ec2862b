/*
 * remedies_by_loop.c - the remedy for a finding, in the words of the loop it
 * stalls.
 *
 * Rows share remedy texts that name every library's API (sleep, file I/O,
 * DNS, ...).  When the finding knows its loop, the project's guidance asks
 * for that loop's answer: its asynchronous API when it has one (uv_fs_* and
 * uv_getaddrinfo for libuv, evdns for libevent, GIO for GLib), else the
 * loop's thread adaptor (uv_queue_work, g_task_run_in_thread, a worker
 * thread plus a wake-up).  A row with its own remedy (libpq, hiredis, curl)
 * already names the async API and is kept as it is.
 */
#include <string.h>

#include "catalog/catalog_internal.h"
#include "stallcheck/findings.h"

typedef struct tailored {
  const char *shared;  /* the shared remedy a row points to */
  const char *library; /* the loop; NULL: any other loop, hand-written ones included */
  const char *text;
  int then_adaptor;    /* append ": <the loop's thread adaptor>" */
} tailored;

static const tailored table[] = {
    {sc_remedy_sleep, "libuv", "resume later from a uv_timer_t (uv_timer_start) instead of sleeping", 0},
    {sc_remedy_sleep, "libevent", "resume later from a timer event (evtimer_new, evtimer_add) instead of sleeping", 0},
    {sc_remedy_sleep, "libev", "resume later from an ev_timer (ev_timer_start) instead of sleeping", 0},
    {sc_remedy_sleep, "GLib", "resume later from g_timeout_add (or g_timeout_add_seconds) instead of sleeping", 0},
    {sc_remedy_sleep, "sd-event", "resume later from sd_event_add_time_relative instead of sleeping", 0},
    {sc_remedy_sleep, NULL, "return to the loop and resume from a timer it waits on (the wait's timeout or a "
                            "timerfd) instead of sleeping", 0},

    {sc_remedy_file_io, "libuv", "use the uv_fs_* request with a callback (uv_fs_open, uv_fs_read, uv_fs_write, "
                                 "uv_fs_stat...): it runs on the libuv thread pool and calls back on the loop", 0},
    {sc_remedy_file_io, "GLib", "use GIO's asynchronous file API (g_file_read_async, g_input_stream_read_async, "
                                "g_file_load_contents_async, g_file_replace_contents_async...)", 0},
    {sc_remedy_file_io, NULL, "the loop has no asynchronous file API; move the file I/O off the loop", 1},

    {sc_remedy_dns, "libuv", "resolve with uv_getaddrinfo and continue in its callback", 0},
    {sc_remedy_dns, "libevent", "resolve with evdns_getaddrinfo (event2/dns.h) and continue in its callback", 0},
    {sc_remedy_dns, "GLib", "resolve with g_resolver_lookup_by_name_async and continue in its callback", 0},
    {sc_remedy_dns, NULL, "resolve asynchronously (getaddrinfo_a, or c-ares driven by the loop) or move the "
                          "lookup off the loop", 1},

    {sc_remedy_nss, NULL, "look the entry up once at start-up and cache it, or move the lookup off the loop", 1},

    {sc_remedy_child_wait, "libuv", "start the child with uv_spawn and handle its exit in options.exit_cb", 0},
    {sc_remedy_child_wait, "libevent", "reap the child from a SIGCHLD event (evsignal_new) with "
                                       "waitpid(pid, &status, WNOHANG)", 0},
    {sc_remedy_child_wait, "libev", "watch the child with an ev_child watcher (ev_child_start)", 0},
    {sc_remedy_child_wait, "GLib", "watch the child with g_child_watch_add or g_subprocess_wait_async", 0},
    {sc_remedy_child_wait, "sd-event", "watch the child with sd_event_add_child", 0},
    {sc_remedy_child_wait, NULL, "watch the child from the loop (a pidfd or signalfd for SIGCHLD in the wait set) "
                                 "and reap it with waitpid(pid, &status, WNOHANG)", 0},

    {sc_remedy_run_command, "libuv", "start the command with uv_spawn, read its output through uv_pipe_t with "
                                     "uv_read_start and finish in options.exit_cb", 0},
    {sc_remedy_run_command, "GLib", "start the command with g_subprocess_new and finish in "
                                    "g_subprocess_communicate_async or g_subprocess_wait_async", 0},
    {sc_remedy_run_command, "sd-event", "start the command with posix_spawn, watch its pipe with sd_event_add_io "
                                        "and its exit with sd_event_add_child", 0},
    {sc_remedy_run_command, "libev", "start the command with posix_spawn, watch its pipe with ev_io and its exit "
                                     "with ev_child", 0},
    {sc_remedy_run_command, NULL, "start the command with posix_spawn, watch its output pipe from the loop and "
                                  "reap it with waitpid(pid, &status, WNOHANG) on SIGCHLD", 0},

    {sc_remedy_thread_join, "libuv", "have the thread call uv_async_send when it is done and join it in the async "
                                     "callback, or detach it", 0},
    {sc_remedy_thread_join, "libevent", "have the thread activate a user event (event_active, after "
                                        "evthread_use_pthreads) when it is done and join it there, or detach it", 0},
    {sc_remedy_thread_join, "libev", "have the thread call ev_async_send when it is done and join it in the "
                                     "ev_async callback, or detach it", 0},
    {sc_remedy_thread_join, "GLib", "have the thread report back with g_main_context_invoke (or use a GTask) and "
                                    "join it there, or detach it", 0},

    {sc_remedy_sync_wait, "libuv", "do not wait on the loop thread: let the other thread call uv_async_send and "
                                   "continue in the async callback", 0},
    {sc_remedy_sync_wait, "libevent", "do not wait on the loop thread: let the other thread activate a user event "
                                      "(event_active, after evthread_use_pthreads) and continue there", 0},
    {sc_remedy_sync_wait, "libev", "do not wait on the loop thread: let the other thread call ev_async_send and "
                                   "continue in the ev_async callback", 0},
    {sc_remedy_sync_wait, "GLib", "do not wait on the loop thread: let the other thread call "
                                  "g_main_context_invoke (or g_idle_add) and continue there", 0},

    {sc_remedy_socket, "libuv", "use a uv_tcp_t/uv_udp_t with uv_read_start and uv_write: the loop says when the "
                                "socket is ready", 0},
    {sc_remedy_socket, "libevent", "make the socket non-blocking (evutil_make_socket_nonblocking) and use a "
                                   "bufferevent or an EV_READ/EV_WRITE event", 0},
    {sc_remedy_socket, "libev", "make the socket non-blocking and do the I/O from an ev_io watcher", 0},
    {sc_remedy_socket, "GLib", "use GIO streams asynchronously (g_input_stream_read_async, "
                               "g_output_stream_write_async) or g_socket_create_source", 0},
    {sc_remedy_socket, "sd-event", "make the socket non-blocking and do the I/O from sd_event_add_io", 0},
    {sc_remedy_socket, NULL, "make the socket non-blocking (O_NONBLOCK) and do the I/O when the loop's wait "
                             "reports it ready", 0},

    {sc_remedy_sqlite, NULL, "SQLite has no asynchronous API; give the worker its own connection and move the "
                             "statement off the loop", 1},
    {sc_remedy_cpu_worker, NULL, "move the work off the loop, to a pool of worker threads (C threads run CPU work "
                                 "in parallel)", 1},
};

/* A function declared nonblocking (a real-time or signal-safe path) has no
 * loop to come back to later: the wait has to leave it altogether. */
static const char nonblocking_remedy[] =
    "a nonblocking function must not wait: hand the request to another thread through a lock-free queue "
    "and pick up the answer on a later call, or drop the 'nonblocking' declaration if waiting here is acceptable";

char *sc_catalog_remedy(const sc_api *api, const char *library) {
  if (library && !strcmp(library, "nonblocking")) return sc_strdupf("%s", nonblocking_remedy);
  if (!api->remedy) return sc_strdupf("%s", sc_catalog_thread_adaptor(library));
  const tailored *fallback = NULL;
  for (size_t i = 0; i < SC_COUNTOF(table); i++) {
    const tailored *t = &table[i];
    if (t->shared != api->remedy) continue;
    if (t->library && library && !strcmp(t->library, library)) {
      fallback = t;
      break;
    }
    if (!t->library) fallback = t;
  }
  if (!fallback) return sc_strdupf("%s", api->remedy);
  if (fallback->then_adaptor) return sc_strdupf("%s: %s", fallback->text, sc_catalog_thread_adaptor(library));
  return sc_strdupf("%s", fallback->text);
}
