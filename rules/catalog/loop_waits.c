/*
 * loop_waits.c - the waits that make a hand-written event loop (a loop that
 * waits in one of these and dispatches what it returns is a loop root), and
 * the calls that make descriptors non-blocking.
 *
 * Markers: when one of them is called anywhere in the program with its
 * condition holding, socket rows (SC_APIF_SOCKET) stop reporting, since the
 * program's socket I/O is then readiness-driven.  fcntl(fd, F_SETFL,
 * flags | O_NONBLOCK) marks, and so does a flags word computed at run time;
 * fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) does not (a '~' before the name
 * clears the flag); ioctl marks only when FIONBIO is spelled (its value,
 * 0x5421, shares bits with FIONREAD and other requests).
 */
#include "catalog/catalog_internal.h"

#define WAIT(fn, library) \
  {fn, SC_API_LOOP_WAIT, "loop-wait", library, SC_ALWAYS, 0, "waits for readiness on a set of descriptors", sc_remedy_loop_wait, SC_ALWAYS}
#define MARK(fn, library, cond) \
  {fn, SC_API_NONBLOCK_MARKER, "nonblock", library, cond, 0, "makes descriptors non-blocking", sc_remedy_nonblock_marker, SC_ALWAYS}

static const sc_api waits[] = {
    WAIT("epoll_wait", "libc"), WAIT("epoll_pwait", "libc"), WAIT("epoll_pwait2", "libc"),
    WAIT("poll", "libc"),       WAIT("ppoll", "libc"),       WAIT("select", "libc"),
    WAIT("pselect", "libc"),    WAIT("kevent", "libc"),
};

static const sc_api markers[] = {
    /* fcntl(fd, F_SETFL, flags) with flags computed at run time: programs
     * wrap the F_GETFL / F_SETFL dance in a helper (tmux's setblocking,
     * redis's anetSetBlock) whose flags word is a variable. */
    {"fcntl", SC_API_NONBLOCK_MARKER, "nonblock", "libc", SC_IF_EQUALS(1, SC_F_SETFL, "F_SETFL"), 0,
     "makes descriptors non-blocking", sc_remedy_nonblock_marker, SC_IF_MAY_HAVE(2, SC_O_NONBLOCK, "O_NONBLOCK")},
    MARK("socket", "libc", SC_IF_HAS(1, SC_SOCK_NONBLOCK, "SOCK_NONBLOCK")),
    MARK("accept4", "libc", SC_IF_HAS(3, SC_SOCK_NONBLOCK, "SOCK_NONBLOCK")),
    MARK("ioctl", "libc", SC_IF_HAS(1, 0, "FIONBIO")),
    MARK("pipe2", "libc", SC_IF_HAS(1, SC_O_NONBLOCK, "O_NONBLOCK")),
    MARK("mq_open", "libc", SC_IF_HAS(1, SC_O_NONBLOCK, "O_NONBLOCK")),
    MARK("evutil_make_socket_nonblocking", "libevent", SC_ALWAYS),
    MARK("bufferevent_socket_new", "libevent", SC_ALWAYS),
    MARK("evconnlistener_new", "libevent", SC_ALWAYS),
    MARK("evconnlistener_new_bind", "libevent", SC_ALWAYS),
    /* g_socket_set_blocking(socket, FALSE): a constant without bit 0. */
    MARK("g_socket_set_blocking", "GIO", SC_IF_LACKS(1, 1, "TRUE")),
    MARK("uv_tcp_open", "libuv", SC_ALWAYS),
    MARK("uv_udp_open", "libuv", SC_ALWAYS),
    MARK("uv_pipe_open", "libuv", SC_ALWAYS),
};

/* Calls that wake a loop from another thread.  A worker that calls one tells
 * the loop it has finished, so the loop's later join does not wait. */
#define WAKE(fn, library) \
  {fn, SC_API_LOOP_WAKE, "loop-wake", library, SC_ALWAYS, 0, "wakes an event loop", sc_remedy_loop_wait, SC_ALWAYS}
static const sc_api wakes[] = {
    WAKE("uv_async_send", "libuv"),       WAKE("ev_async_send", "libev"),
    WAKE("event_active", "libevent"),     WAKE("g_idle_add", "GLib"),
    WAKE("g_idle_add_full", "GLib"),      WAKE("g_main_context_invoke", "GLib"),
    WAKE("g_main_context_invoke_full", "GLib"), WAKE("g_main_context_wakeup", "GLib"),
    WAKE("eventfd_write", "libc"),        WAKE("write", "libc"),
};

const sc_api_family sc_catalog_loop_waits = {waits, SC_COUNTOF(waits)};
const sc_api_family sc_catalog_nonblock_markers = {markers, SC_COUNTOF(markers)};
const sc_api_family sc_catalog_loop_wakes = {wakes, SC_COUNTOF(wakes)};
