/*
 * registrars.c - calls that register callbacks, the callback typedefs of each
 * library, and the struct fields that hold callbacks.
 *
 * Every argument index was checked against the prototypes in /usr/include
 * (uv.h, event2/ headers, ev.h, glib-2.0, systemd/sd-*.h), and
 * tests/unit/test_catalog.c re-checks every row against the installed headers
 * with libclang (the argument must have a function-pointer type).  A wrong
 * index loses findings silently.
 *
 * Macros are listed by what the compiler sees: libevent's evtimer_new,
 * evtimer_assign, evsignal_new and evsignal_assign expand to event_new and
 * event_assign; GLib's g_signal_connect and g_signal_connect_swapped/_after
 * expand to g_signal_connect_data; libev's ev_*_init and ev_set_cb store into
 * the watcher's `cb` field (the callback-field rows below).
 */
#include <string.h>

#include "catalog/catalog_internal.h"

#define LOOP SC_CTX_LOOP
#define WORKER SC_CTX_WORKER

#define UV_FS_REGISTRAR(name) \
  {#name, -1, LOOP, "libuv", "file-system callback", SC_IF_NONNULL(-1)},

const sc_registrar sc_catalog_registrar_rows[] = {
    /* ---- libuv (uv.h) ---- */
    {"uv_timer_start", 1, LOOP, "libuv", "timer callback", SC_ALWAYS},
    {"uv_read_start", 1, LOOP, "libuv", "allocation callback", SC_ALWAYS},
    {"uv_read_start", 2, LOOP, "libuv", "read callback", SC_ALWAYS},
    {"uv_idle_start", 1, LOOP, "libuv", "idle callback", SC_ALWAYS},
    {"uv_prepare_start", 1, LOOP, "libuv", "prepare callback", SC_ALWAYS},
    {"uv_check_start", 1, LOOP, "libuv", "check callback", SC_ALWAYS},
    {"uv_poll_start", 2, LOOP, "libuv", "poll callback", SC_ALWAYS},
    {"uv_signal_start", 1, LOOP, "libuv", "signal callback", SC_ALWAYS},
    {"uv_signal_start_oneshot", 1, LOOP, "libuv", "signal callback", SC_ALWAYS},
    {"uv_fs_event_start", 1, LOOP, "libuv", "file-event callback", SC_ALWAYS},
    {"uv_fs_poll_start", 1, LOOP, "libuv", "file-poll callback", SC_ALWAYS},
    {"uv_async_init", 2, LOOP, "libuv", "async callback", SC_ALWAYS},
    {"uv_listen", 2, LOOP, "libuv", "connection callback", SC_ALWAYS},
    {"uv_write", 4, LOOP, "libuv", "write callback", SC_ALWAYS},
    {"uv_write2", 5, LOOP, "libuv", "write callback", SC_ALWAYS},
    {"uv_shutdown", 2, LOOP, "libuv", "shutdown callback", SC_ALWAYS},
    {"uv_tcp_connect", 3, LOOP, "libuv", "connect callback", SC_ALWAYS},
    {"uv_pipe_connect", 3, LOOP, "libuv", "connect callback", SC_ALWAYS},
    {"uv_pipe_connect2", 5, LOOP, "libuv", "connect callback", SC_ALWAYS},
    {"uv_udp_recv_start", 1, LOOP, "libuv", "allocation callback", SC_ALWAYS},
    {"uv_udp_recv_start", 2, LOOP, "libuv", "receive callback", SC_ALWAYS},
    {"uv_udp_send", 5, LOOP, "libuv", "send callback", SC_ALWAYS},
    {"uv_close", 1, LOOP, "libuv", "close callback", SC_IF_NONNULL(1)},
    {"uv_tcp_close_reset", 1, LOOP, "libuv", "close callback", SC_IF_NONNULL(1)},
    {"uv_walk", 1, LOOP, "libuv", "walk callback", SC_ALWAYS},
    /* uv_getaddrinfo/uv_getnameinfo/uv_random with a NULL callback run
     * synchronously and register nothing. */
    {"uv_getaddrinfo", 2, LOOP, "libuv", "getaddrinfo callback", SC_IF_NONNULL(2)},
    {"uv_getnameinfo", 2, LOOP, "libuv", "getnameinfo callback", SC_IF_NONNULL(2)},
    {"uv_random", 5, LOOP, "libuv", "random callback", SC_IF_NONNULL(5)},
    {"uv_queue_work", 2, WORKER, "libuv", "work callback", SC_ALWAYS},
    {"uv_queue_work", 3, LOOP, "libuv", "after-work callback", SC_IF_NONNULL(3)},
    {"uv_thread_create", 1, WORKER, "libuv", "thread entry", SC_ALWAYS},
    {"uv_thread_create_ex", 2, WORKER, "libuv", "thread entry", SC_ALWAYS},
    SC_UV_FS_FUNCTIONS(UV_FS_REGISTRAR)

    /* ---- libevent (event2/event.h, bufferevent.h, http.h, listener.h, dns.h, buffer.h) ---- */
    {"event_new", 3, LOOP, "libevent", "event callback", SC_ALWAYS},
    {"event_assign", 4, LOOP, "libevent", "event callback", SC_ALWAYS},
    {"event_set", 3, LOOP, "libevent", "event callback", SC_ALWAYS}, /* event_compat.h */
    {"event_base_once", 3, LOOP, "libevent", "one-shot event callback", SC_ALWAYS},
    {"event_finalize", 2, LOOP, "libevent", "finalize callback", SC_ALWAYS},
    {"event_free_finalize", 2, LOOP, "libevent", "finalize callback", SC_ALWAYS},
    {"bufferevent_setcb", 1, LOOP, "libevent", "bufferevent read callback", SC_ALWAYS},
    {"bufferevent_setcb", 2, LOOP, "libevent", "bufferevent write callback", SC_ALWAYS},
    {"bufferevent_setcb", 3, LOOP, "libevent", "bufferevent event callback", SC_ALWAYS},
    {"evbuffer_add_cb", 1, LOOP, "libevent", "evbuffer callback", SC_ALWAYS},
    {"evhttp_set_cb", 2, LOOP, "libevent", "HTTP request callback", SC_ALWAYS},
    {"evhttp_set_gencb", 1, LOOP, "libevent", "HTTP request callback", SC_ALWAYS},
    {"evhttp_set_bevcb", 1, LOOP, "libevent", "HTTP bufferevent callback", SC_ALWAYS},
    {"evhttp_request_new", 0, LOOP, "libevent", "HTTP response callback", SC_ALWAYS},
    {"evhttp_request_set_chunked_cb", 1, LOOP, "libevent", "HTTP chunk callback", SC_ALWAYS},
    {"evhttp_request_set_header_cb", 1, LOOP, "libevent", "HTTP header callback", SC_ALWAYS},
    {"evhttp_request_set_error_cb", 1, LOOP, "libevent", "HTTP error callback", SC_ALWAYS},
    {"evhttp_request_set_on_complete_cb", 1, LOOP, "libevent", "HTTP completion callback", SC_ALWAYS},
    {"evhttp_connection_set_closecb", 1, LOOP, "libevent", "HTTP close callback", SC_ALWAYS},
    {"evconnlistener_new", 1, LOOP, "libevent", "listener callback", SC_ALWAYS},
    {"evconnlistener_new_bind", 1, LOOP, "libevent", "listener callback", SC_ALWAYS},
    {"evconnlistener_set_cb", 1, LOOP, "libevent", "listener callback", SC_ALWAYS},
    {"evconnlistener_set_error_cb", 1, LOOP, "libevent", "listener error callback", SC_ALWAYS},
    {"evdns_getaddrinfo", 4, LOOP, "libevent", "DNS callback", SC_ALWAYS},
    {"evdns_base_resolve_ipv4", 3, LOOP, "libevent", "DNS callback", SC_ALWAYS},
    {"evdns_base_resolve_ipv6", 3, LOOP, "libevent", "DNS callback", SC_ALWAYS},
    {"evdns_base_resolve_reverse", 3, LOOP, "libevent", "DNS callback", SC_ALWAYS},
    {"evdns_base_resolve_reverse_ipv6", 3, LOOP, "libevent", "DNS callback", SC_ALWAYS},

    /* ---- libev (ev.h; watcher callbacks are the `cb` field rows) ---- */
    {"ev_once", 4, LOOP, "libev", "one-shot callback", SC_ALWAYS}, /* ev_once (EV_P_ fd, events, timeout, cb, arg) */

    /* ---- GLib / GIO ---- */
    {"g_idle_add", 0, LOOP, "GLib", "idle callback", SC_ALWAYS},
    {"g_idle_add_full", 1, LOOP, "GLib", "idle callback", SC_ALWAYS},
    {"g_idle_add_once", 0, LOOP, "GLib", "idle callback", SC_ALWAYS},
    {"g_timeout_add", 1, LOOP, "GLib", "timeout callback", SC_ALWAYS},
    {"g_timeout_add_full", 2, LOOP, "GLib", "timeout callback", SC_ALWAYS},
    {"g_timeout_add_once", 1, LOOP, "GLib", "timeout callback", SC_ALWAYS},
    {"g_timeout_add_seconds", 1, LOOP, "GLib", "timeout callback", SC_ALWAYS},
    {"g_timeout_add_seconds_full", 2, LOOP, "GLib", "timeout callback", SC_ALWAYS},
    {"g_timeout_add_seconds_once", 1, LOOP, "GLib", "timeout callback", SC_ALWAYS},
    {"g_io_add_watch", 2, LOOP, "GLib", "I/O watch callback", SC_ALWAYS},
    {"g_io_add_watch_full", 3, LOOP, "GLib", "I/O watch callback", SC_ALWAYS},
    {"g_source_set_callback", 1, LOOP, "GLib", "source callback", SC_ALWAYS},
    {"g_child_watch_add", 1, LOOP, "GLib", "child watch callback", SC_ALWAYS},
    {"g_child_watch_add_full", 2, LOOP, "GLib", "child watch callback", SC_ALWAYS},
    {"g_unix_fd_add", 2, LOOP, "GLib", "fd watch callback", SC_ALWAYS},
    {"g_unix_fd_add_full", 3, LOOP, "GLib", "fd watch callback", SC_ALWAYS},
    {"g_unix_signal_add", 1, LOOP, "GLib", "signal callback", SC_ALWAYS},
    {"g_unix_signal_add_full", 2, LOOP, "GLib", "signal callback", SC_ALWAYS},
    {"g_main_context_invoke", 1, LOOP, "GLib", "invoked function", SC_ALWAYS},
    {"g_main_context_invoke_full", 2, LOOP, "GLib", "invoked function", SC_ALWAYS},
    {"g_signal_connect_data", 2, LOOP, "GLib", "signal handler", SC_ALWAYS},
    {"g_signal_connect_object", 2, LOOP, "GLib", "signal handler", SC_ALWAYS},
    {"g_task_new", 2, LOOP, "GLib", "task completion callback", SC_IF_NONNULL(2)},
    {"g_task_run_in_thread", 1, WORKER, "GLib", "task thread function", SC_ALWAYS},
    {"g_task_run_in_thread_sync", 1, WORKER, "GLib", "task thread function", SC_ALWAYS},
    {"g_thread_new", 1, WORKER, "GLib", "thread function", SC_ALWAYS},
    {"g_thread_try_new", 1, WORKER, "GLib", "thread function", SC_ALWAYS},
    {"g_thread_pool_new", 0, WORKER, "GLib", "thread pool function", SC_ALWAYS},

    /* ---- sd-event / sd-bus (systemd/sd-event.h, sd-bus.h) ---- */
    {"sd_event_add_io", 4, LOOP, "sd-event", "I/O handler", SC_ALWAYS},
    {"sd_event_add_time", 5, LOOP, "sd-event", "timer handler", SC_ALWAYS},
    {"sd_event_add_time_relative", 5, LOOP, "sd-event", "timer handler", SC_ALWAYS},
    {"sd_event_add_defer", 2, LOOP, "sd-event", "defer handler", SC_ALWAYS},
    {"sd_event_add_post", 2, LOOP, "sd-event", "post handler", SC_ALWAYS},
    {"sd_event_add_exit", 2, LOOP, "sd-event", "exit handler", SC_ALWAYS},
    {"sd_event_add_child", 4, LOOP, "sd-event", "child handler", SC_ALWAYS},
    {"sd_event_add_child_pidfd", 4, LOOP, "sd-event", "child handler", SC_ALWAYS},
    {"sd_event_add_signal", 3, LOOP, "sd-event", "signal handler", SC_ALWAYS},
    {"sd_event_add_inotify", 4, LOOP, "sd-event", "inotify handler", SC_ALWAYS},
    {"sd_event_add_inotify_fd", 4, LOOP, "sd-event", "inotify handler", SC_ALWAYS},
    {"sd_event_source_set_prepare", 1, LOOP, "sd-event", "prepare handler", SC_IF_NONNULL(1)},
    {"sd_bus_add_match", 3, LOOP, "sd-bus", "D-Bus match handler", SC_ALWAYS},
    {"sd_bus_add_match_async", 3, LOOP, "sd-bus", "D-Bus match handler", SC_ALWAYS},
    {"sd_bus_add_match_async", 4, LOOP, "sd-bus", "D-Bus match install handler", SC_IF_NONNULL(4)},
    {"sd_bus_add_filter", 2, LOOP, "sd-bus", "D-Bus filter", SC_ALWAYS},
    {"sd_bus_add_object", 3, LOOP, "sd-bus", "D-Bus object handler", SC_ALWAYS},
    {"sd_bus_add_fallback", 3, LOOP, "sd-bus", "D-Bus fallback handler", SC_ALWAYS},
    {"sd_bus_match_signal", 6, LOOP, "sd-bus", "D-Bus signal handler", SC_ALWAYS},
    {"sd_bus_match_signal_async", 6, LOOP, "sd-bus", "D-Bus signal handler", SC_ALWAYS},
    {"sd_bus_match_signal_async", 7, LOOP, "sd-bus", "D-Bus match install handler", SC_IF_NONNULL(7)},
    {"sd_bus_call_async", 3, LOOP, "sd-bus", "D-Bus reply handler", SC_IF_NONNULL(3)},
    {"sd_bus_call_method_async", 6, LOOP, "sd-bus", "D-Bus reply handler", SC_IF_NONNULL(6)},
    {"sd_bus_request_name_async", 4, LOOP, "sd-bus", "D-Bus reply handler", SC_IF_NONNULL(4)},

    /* ---- threads ---- */
    {"pthread_create", 2, WORKER, "pthread", "thread start routine", SC_ALWAYS},
    {"thrd_create", 1, WORKER, "C11 threads", "thread start routine", SC_ALWAYS},
};
const size_t sc_catalog_registrar_count = SC_COUNTOF(sc_catalog_registrar_rows);

/* Typedefs a library declares for its callback parameters.  A function passed
 * where one of these is expected is registered, whichever function takes it:
 * this covers registrars not listed above and the program's own wrappers.
 * Not listed: GCallback (any function, cast), GFunc and GDestroyNotify (not
 * loop callbacks: list iteration and destructors run where they are called). */
const sc_callback_type sc_catalog_callback_type_rows[] = {
    /* libuv: everything but the work and thread callbacks runs on the loop */
    {"uv_alloc_cb", LOOP, "libuv", "allocation callback"},
    {"uv_read_cb", LOOP, "libuv", "read callback"},
    {"uv_write_cb", LOOP, "libuv", "write callback"},
    {"uv_connect_cb", LOOP, "libuv", "connect callback"},
    {"uv_shutdown_cb", LOOP, "libuv", "shutdown callback"},
    {"uv_connection_cb", LOOP, "libuv", "connection callback"},
    {"uv_close_cb", LOOP, "libuv", "close callback"},
    {"uv_poll_cb", LOOP, "libuv", "poll callback"},
    {"uv_timer_cb", LOOP, "libuv", "timer callback"},
    {"uv_async_cb", LOOP, "libuv", "async callback"},
    {"uv_prepare_cb", LOOP, "libuv", "prepare callback"},
    {"uv_check_cb", LOOP, "libuv", "check callback"},
    {"uv_idle_cb", LOOP, "libuv", "idle callback"},
    {"uv_exit_cb", LOOP, "libuv", "process exit callback"},
    {"uv_walk_cb", LOOP, "libuv", "walk callback"},
    {"uv_fs_cb", LOOP, "libuv", "file-system callback"},
    {"uv_work_cb", WORKER, "libuv", "work callback"},
    {"uv_after_work_cb", LOOP, "libuv", "after-work callback"},
    {"uv_getaddrinfo_cb", LOOP, "libuv", "getaddrinfo callback"},
    {"uv_getnameinfo_cb", LOOP, "libuv", "getnameinfo callback"},
    {"uv_random_cb", LOOP, "libuv", "random callback"},
    {"uv_fs_event_cb", LOOP, "libuv", "file-event callback"},
    {"uv_fs_poll_cb", LOOP, "libuv", "file-poll callback"},
    {"uv_signal_cb", LOOP, "libuv", "signal callback"},
    {"uv_udp_send_cb", LOOP, "libuv", "send callback"},
    {"uv_udp_recv_cb", LOOP, "libuv", "receive callback"},
    {"uv_thread_cb", WORKER, "libuv", "thread entry"},

    /* libevent */
    {"event_callback_fn", LOOP, "libevent", "event callback"},
    {"event_finalize_callback_fn", LOOP, "libevent", "finalize callback"},
    {"bufferevent_data_cb", LOOP, "libevent", "bufferevent data callback"},
    {"bufferevent_event_cb", LOOP, "libevent", "bufferevent event callback"},
    {"bufferevent_filter_cb", LOOP, "libevent", "bufferevent filter"},
    {"evbuffer_cb_func", LOOP, "libevent", "evbuffer callback"},
    {"evconnlistener_cb", LOOP, "libevent", "listener callback"},
    {"evconnlistener_errorcb", LOOP, "libevent", "listener error callback"},
    {"evdns_callback_type", LOOP, "libevent", "DNS callback"},
    {"evdns_getaddrinfo_cb", LOOP, "libevent", "DNS callback"},
    {"evdns_request_callback_fn_type", LOOP, "libevent", "DNS server callback"},

    /* GLib / GIO */
    {"GSourceFunc", LOOP, "GLib", "source callback"},
    {"GSourceOnceFunc", LOOP, "GLib", "source callback"},
    {"GIOFunc", LOOP, "GLib", "I/O watch callback"},
    {"GChildWatchFunc", LOOP, "GLib", "child watch callback"},
    {"GUnixFDSourceFunc", LOOP, "GLib", "fd watch callback"},
    {"GAsyncReadyCallback", LOOP, "GLib", "async completion callback"},
    {"GBusAcquiredCallback", LOOP, "GLib", "D-Bus name callback"},
    {"GBusNameAcquiredCallback", LOOP, "GLib", "D-Bus name callback"},
    {"GBusNameLostCallback", LOOP, "GLib", "D-Bus name callback"},
    {"GBusNameAppearedCallback", LOOP, "GLib", "D-Bus name callback"},
    {"GBusNameVanishedCallback", LOOP, "GLib", "D-Bus name callback"},
    {"GDBusSignalCallback", LOOP, "GLib", "D-Bus signal callback"},
    {"GTaskThreadFunc", WORKER, "GLib", "task thread function"},
    {"GThreadFunc", WORKER, "GLib", "thread function"},

    /* sd-event / sd-bus */
    {"sd_event_handler_t", LOOP, "sd-event", "event handler"},
    {"sd_event_io_handler_t", LOOP, "sd-event", "I/O handler"},
    {"sd_event_time_handler_t", LOOP, "sd-event", "timer handler"},
    {"sd_event_signal_handler_t", LOOP, "sd-event", "signal handler"},
    {"sd_event_child_handler_t", LOOP, "sd-event", "child handler"},
    {"sd_event_inotify_handler_t", LOOP, "sd-event", "inotify handler"},
    {"sd_bus_message_handler_t", LOOP, "sd-bus", "D-Bus message handler"},
};
const size_t sc_catalog_callback_type_count = SC_COUNTOF(sc_catalog_callback_type_rows);

/* Struct fields that hold callbacks.  libev's ev_TYPE_init and ev_set_cb
 * expand to `(ev)->cb = (cb_)`, an assignment to the `cb` field of the
 * concrete watcher (struct ev_io ...; the field comes from EV_WATCHER), so
 * each watcher record is listed; ev_watcher, ev_watcher_list and
 * ev_watcher_time are the generic views ev.h casts to.  The records are
 * named in full: a prefix such as "ev_" would also catch unrelated records
 * of programs that have their own ev_ namespace.  Rows match by prefix, so
 * "ev_watcher" covers ev_watcher_list and ev_watcher_time too. */
#define EV_WATCHER_CB(record) {record, "cb", LOOP, "libev", "watcher callback"},
const sc_callback_field sc_catalog_callback_field_rows[] = {
    EV_WATCHER_CB("ev_watcher") EV_WATCHER_CB("ev_io") EV_WATCHER_CB("ev_timer") EV_WATCHER_CB("ev_periodic")
    EV_WATCHER_CB("ev_signal") EV_WATCHER_CB("ev_child") EV_WATCHER_CB("ev_stat")
    EV_WATCHER_CB("ev_idle") EV_WATCHER_CB("ev_prepare") EV_WATCHER_CB("ev_check")
    EV_WATCHER_CB("ev_fork") EV_WATCHER_CB("ev_cleanup") EV_WATCHER_CB("ev_embed")
    EV_WATCHER_CB("ev_async")
    {"ev_periodic", "reschedule_cb", LOOP, "libev", "periodic reschedule callback"},
    /* uv_spawn: options.exit_cb (struct uv_process_options_s, typedef
     * uv_process_options_t) runs on the loop when the child exits. */
    {"uv_process_options_", "exit_cb", LOOP, "libuv", "process exit callback"},
    /* A custom GSource: GSourceFuncs (struct _GSourceFuncs) runs on the
     * main context that the source is attached to. */
    {"_GSourceFuncs", "prepare", LOOP, "GLib", "source prepare function"},
    {"_GSourceFuncs", "check", LOOP, "GLib", "source check function"},
    {"_GSourceFuncs", "dispatch", LOOP, "GLib", "source dispatch function"},
    /* Exported D-Bus objects: method calls and property access run on the
     * main context of the thread that registered the object. */
    {"_GDBusInterfaceVTable", "method_call", LOOP, "GLib", "D-Bus method handler"},
    {"_GDBusInterfaceVTable", "get_property", LOOP, "GLib", "D-Bus property getter"},
    {"_GDBusInterfaceVTable", "set_property", LOOP, "GLib", "D-Bus property setter"},
};
const size_t sc_catalog_callback_field_count = SC_COUNTOF(sc_catalog_callback_field_rows);

/* Registrars whose callbacks run because a descriptor is ready: a read of
 * that descriptor's stream right in the callback does not wait. */
#define SC_EV_READ 0x02
static const struct {
  const char *registrar;
  sc_cond when; /* libevent: only with EV_READ (evtimer_new is event_new without it) */
} readiness[] = {
    {"event_new", SC_IF_HAS(2, SC_EV_READ, "EV_READ")},
    {"event_assign", SC_IF_HAS(3, SC_EV_READ, "EV_READ")},
    {"event_base_once", SC_IF_HAS(2, SC_EV_READ, "EV_READ")},
    {"uv_poll_start", SC_ALWAYS},
    {"g_io_add_watch", SC_ALWAYS},
    {"g_io_add_watch_full", SC_ALWAYS},
    {"g_unix_fd_add", SC_ALWAYS},
    {"g_unix_fd_add_full", SC_ALWAYS},
    {"sd_event_add_io", SC_ALWAYS},
    {"ev_io", SC_ALWAYS},
};

int sc_catalog_is_readiness_registration(const char *registrar, const sc_facts *facts, const sc_call *call) {
  for (size_t i = 0; registrar && i < SC_COUNTOF(readiness); i++)
    if (!strcmp(readiness[i].registrar, registrar))
      return readiness[i].when.kind == SC_COND_ALWAYS || (call && sc_cond_holds(&readiness[i].when, facts, call));
  return 0;
}
