/*
 * loop_only.c - event-loop APIs that are not thread-safe: calling them from a
 * worker thread races with the loop thread (rule loop-api-off-loop-thread).
 *
 * Not listed, because they are documented thread-safe: uv_async_send,
 * ev_async_send, and everything of GLib's main context (g_source_attach,
 * g_idle_add, g_main_context_invoke, g_main_context_wakeup ... lock the
 * context).  libevent calls are thread-safe once evthread_use_pthreads() has
 * run; the check looks for that call before reporting the rows below.
 * Not listed either: uv_run/ev_run/event_base_dispatch and loop creation
 * (a worker may run a loop of its own), libuv's synchronous uv_fs_* calls
 * (no callback: they touch no loop), and evbuffer functions (an evbuffer is
 * often private to the thread that builds it).
 */
#include "catalog/catalog_internal.h"

#define ROW(fn, library, cond, remedy) \
  {fn, SC_API_LOOP_ONLY, "loop-api", library, cond, 0, "is not thread-safe and must run on the loop thread", remedy, SC_ALWAYS}
#define UV(fn) ROW(fn, "libuv", SC_ALWAYS, sc_remedy_loop_only_uv)
/* Written out: an expanded `cond` would split into extra ROW arguments. */
#define UV_IF(fn, cond) \
  {fn, SC_API_LOOP_ONLY, "loop-api", "libuv", cond, 0, "is not thread-safe and must run on the loop thread", sc_remedy_loop_only_uv, SC_ALWAYS}
#define EVENT(fn) ROW(fn, "libevent", SC_ALWAYS, sc_remedy_loop_only_event)
#define EV(fn) ROW(fn, "libev", SC_ALWAYS, sc_remedy_loop_only_ev)
#define SD(fn) ROW(fn, "sd-event", SC_ALWAYS, sc_remedy_loop_only_sd)
#define UV_FS_ASYNC(name) UV_IF(#name, SC_IF_NONNULL(-1)),

static const sc_api rows[] = {
    /* ---- libuv handles, streams and requests ---- */
    UV("uv_close"), UV("uv_ref"), UV("uv_unref"), UV("uv_stop"), UV("uv_walk"), UV("uv_update_time"),
    UV("uv_timer_init"), UV("uv_timer_start"), UV("uv_timer_stop"), UV("uv_timer_again"),
    UV("uv_timer_set_repeat"),
    UV("uv_idle_init"), UV("uv_idle_start"), UV("uv_idle_stop"),
    UV("uv_prepare_init"), UV("uv_prepare_start"), UV("uv_prepare_stop"),
    UV("uv_check_init"), UV("uv_check_start"), UV("uv_check_stop"),
    UV("uv_async_init"),
    UV("uv_poll_init"), UV("uv_poll_init_socket"), UV("uv_poll_start"), UV("uv_poll_stop"),
    UV("uv_signal_init"), UV("uv_signal_start"), UV("uv_signal_start_oneshot"), UV("uv_signal_stop"),
    UV("uv_fs_event_init"), UV("uv_fs_event_start"), UV("uv_fs_event_stop"),
    UV("uv_fs_poll_init"), UV("uv_fs_poll_start"), UV("uv_fs_poll_stop"),
    UV("uv_tcp_init"), UV("uv_tcp_init_ex"), UV("uv_tcp_bind"), UV("uv_tcp_connect"), UV("uv_tcp_close_reset"),
    UV("uv_pipe_init"), UV("uv_pipe_bind"), UV("uv_pipe_connect"),
    UV("uv_tty_init"),
    UV("uv_udp_init"), UV("uv_udp_init_ex"), UV("uv_udp_bind"), UV("uv_udp_send"), UV("uv_udp_try_send"),
    UV("uv_udp_recv_start"), UV("uv_udp_recv_stop"),
    UV("uv_listen"), UV("uv_accept"), UV("uv_read_start"), UV("uv_read_stop"),
    UV("uv_write"), UV("uv_write2"), UV("uv_try_write"), UV("uv_shutdown"),
    UV("uv_spawn"), UV("uv_process_kill"),
    UV("uv_queue_work"), UV("uv_cancel"),
    /* With a NULL callback these run synchronously and touch no loop. */
    UV_IF("uv_getaddrinfo", SC_IF_NONNULL(2)),
    UV_IF("uv_getnameinfo", SC_IF_NONNULL(2)),
    UV_IF("uv_random", SC_IF_NONNULL(5)),
    SC_UV_FS_FUNCTIONS(UV_FS_ASYNC)

    /* ---- libevent ---- */
    EVENT("event_add"), EVENT("event_del"), EVENT("event_active"), EVENT("event_free"),
    EVENT("event_base_once"), EVENT("event_base_loopbreak"), EVENT("event_base_loopexit"),
    EVENT("bufferevent_write"), EVENT("bufferevent_write_buffer"), EVENT("bufferevent_enable"),
    EVENT("bufferevent_disable"), EVENT("bufferevent_setcb"), EVENT("bufferevent_free"),

    /* ---- libev ---- */
    EV("ev_io_start"), EV("ev_io_stop"), EV("ev_timer_start"), EV("ev_timer_stop"), EV("ev_timer_again"),
    EV("ev_periodic_start"), EV("ev_periodic_stop"), EV("ev_periodic_again"),
    EV("ev_signal_start"), EV("ev_signal_stop"), EV("ev_child_start"), EV("ev_child_stop"),
    EV("ev_stat_start"), EV("ev_stat_stop"), EV("ev_idle_start"), EV("ev_idle_stop"),
    EV("ev_prepare_start"), EV("ev_prepare_stop"), EV("ev_check_start"), EV("ev_check_stop"),
    EV("ev_fork_start"), EV("ev_fork_stop"), EV("ev_cleanup_start"), EV("ev_cleanup_stop"),
    EV("ev_embed_start"), EV("ev_embed_stop"), EV("ev_async_start"), EV("ev_async_stop"),
    EV("ev_once"), EV("ev_feed_event"), EV("ev_feed_fd_event"), EV("ev_break"), EV("ev_now_update"),
    EV("ev_clear_pending"),

    /* ---- sd-event ---- */
    SD("sd_event_add_io"), SD("sd_event_add_time"), SD("sd_event_add_time_relative"),
    SD("sd_event_add_defer"), SD("sd_event_add_post"), SD("sd_event_add_exit"), SD("sd_event_add_child"),
    SD("sd_event_add_signal"), SD("sd_event_add_inotify"), SD("sd_event_exit"),
    SD("sd_event_source_set_enabled"), SD("sd_event_source_set_time"),
    SD("sd_event_source_set_time_relative"),
};

const sc_api_family sc_catalog_loop_only = {rows, SC_COUNTOF(rows)};
