/*
 * remedies.c - remedy texts that several catalog rows share, and the thread
 * adaptor of each loop library (the remedy when a call has no async form).
 *
 * A remedy follows "remedy: " in a report: an imperative that names the
 * asynchronous API of each loop library, so that it helps whichever loop the
 * finding is about.
 */
#include <string.h>

#include "catalog/catalog_internal.h"

const char sc_remedy_sleep[] =
    "resume later from a timer on the loop instead of sleeping (uv_timer_start, evtimer_add, "
    "ev_timer_start, g_timeout_add, sd_event_add_time_relative)";

const char sc_remedy_file_io[] =
    "do the file I/O off the loop: uv_fs_* with a callback (libuv), g_file_*_async (GIO), or a worker "
    "thread that hands the result back (uv_queue_work, g_task_run_in_thread)";

const char sc_remedy_dns[] =
    "resolve asynchronously: uv_getaddrinfo (libuv), evdns_getaddrinfo (libevent), "
    "g_resolver_lookup_by_name_async (GIO), or getaddrinfo_a";

const char sc_remedy_nss[] =
    "look the entry up once at start-up or on a worker thread (uv_queue_work, g_task_run_in_thread): "
    "NSS may ask LDAP, NIS or systemd over the network";

const char sc_remedy_child_wait[] =
    "let the loop tell you when the child exits: uv_spawn with an exit_cb, g_subprocess_wait_async, "
    "sd_event_add_child, ev_child_start, or a SIGCHLD watcher that reaps with waitpid(..., WNOHANG)";

const char sc_remedy_run_command[] =
    "start the command asynchronously (uv_spawn with an exit_cb, g_subprocess_new with "
    "g_subprocess_wait_async, posix_spawn with sd_event_add_child) and read its output from a pipe "
    "watched by the loop";

const char sc_remedy_thread_join[] =
    "have the thread tell the loop when it is done (uv_async_send, event_active, ev_async_send, "
    "g_idle_add, an eventfd) and join it then, or detach it";

const char sc_remedy_sync_wait[] =
    "do not wait on the loop thread: let the other thread wake the loop (uv_async_send, event_active, "
    "ev_async_send, g_main_context_invoke, an eventfd) and continue in that callback";

const char sc_remedy_file_lock[] =
    "try the lock without waiting (LOCK_NB, F_SETLK, F_TLOCK) and retry from a timer, or take it on a "
    "worker thread";

const char sc_remedy_socket[] =
    "make the socket non-blocking and let the loop say when it is ready (uv_read_start/uv_write, "
    "a bufferevent, ev_io, g_socket_create_source, sd_event_add_io)";

const char sc_remedy_uv_fs[] =
    "pass a uv_fs_cb as the last argument: the request then runs on the libuv thread pool and calls "
    "back on the loop";

const char sc_remedy_sqlite[] =
    "SQLite has no asynchronous API: run the statement on a worker (uv_queue_work, "
    "g_task_run_in_thread, a database thread) with its own connection and hand the result back to the "
    "loop";

const char sc_remedy_postgres[] =
    "use libpq's asynchronous API: PQconnectStart/PQconnectPoll and PQsendQuery (PQsendQueryParams, "
    "PQsendPrepare), a loop watcher on PQsocket(), then PQconsumeInput, PQisBusy and PQgetResult";

const char sc_remedy_redis[] =
    "use the async context: redisAsyncConnect and redisAsyncCommand with the adapter for your loop "
    "(hiredis/adapters/libuv.h, libevent.h, libev.h, glib.h)";

const char sc_remedy_cpu_worker[] =
    "move the work to a worker pool (uv_queue_work, g_task_run_in_thread, g_thread_pool_push, a "
    "pthread pool) and hand the result back to the loop: C threads run CPU work in parallel";

const char sc_remedy_loop_only_uv[] =
    "libuv handles belong to the loop thread: post the request to the loop with uv_async_send and make "
    "the call in the async callback";

const char sc_remedy_loop_only_event[] =
    "call it on the loop thread (wake it with event_active on a user event or a pipe), or enable "
    "libevent locking with evthread_use_pthreads() before creating the event_base";

const char sc_remedy_loop_only_ev[] =
    "libev loops are not thread-safe: queue the request, wake the loop with ev_async_send and make "
    "the call in the ev_async callback";

const char sc_remedy_loop_only_sd[] =
    "sd-event objects belong to the thread of their loop: wake that loop through an eventfd watched "
    "with sd_event_add_io and make the call there";

const char sc_remedy_loop_wait[] =
    "this is the wait of a hand-written event loop: keep every callback it dispatches short and "
    "offload waits to worker threads that wake it through an eventfd or pipe";

const char sc_remedy_nonblock_marker[] =
    "(a marker: this call makes descriptors non-blocking, so recv/send in this program do not wait)";

typedef struct adaptor {
  const char *library;
  const char *remedy;
} adaptor;

static const adaptor adaptors[] = {
    {"libuv", "run it on the libuv thread pool with uv_queue_work and finish in the after-work "
              "callback on the loop"},
    {"libevent", "run it on a worker thread and hand the result back with event_active on a user "
                 "event (after evthread_use_pthreads) or through a socketpair watched by the base"},
    {"libev", "run it on a worker thread and wake the loop with ev_async_send"},
    {"GLib", "run it in a GTask thread with g_task_run_in_thread and finish in the "
             "GAsyncReadyCallback on the main context"},
    {"sd-event", "run it on a worker thread and wake the loop through an eventfd watched with "
                 "sd_event_add_io"},
    {"sd-bus", "run it on a worker thread and wake the loop through an eventfd watched with "
               "sd_event_add_io"},
};

const char *sc_catalog_thread_adaptor(const char *library) {
  for (size_t i = 0; library && i < SC_COUNTOF(adaptors); i++)
    if (!strcmp(adaptors[i].library, library)) return adaptors[i].remedy;
  /* A hand-written loop (epoll, poll, select, kqueue) or an unknown one. */
  return "run it on a worker thread and wake the loop through an eventfd or a pipe that the loop "
         "waits on";
}
