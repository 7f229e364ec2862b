/*
 * blocking_libc.c - C library and POSIX calls that wait: sleeps, file I/O,
 * DNS and NSS look-ups, process waits, lock and signal waits, socket I/O.
 *
 * `why` completes "it ...".  Conditions keep the calls that do not wait
 * silent (waitpid with WNOHANG, flock with LOCK_NB, recv with MSG_DONTWAIT,
 * writes to stdout/stderr); an argument whose value is unknown does not
 * satisfy a LACKS_FLAG condition, so `recv(fd, b, n, flags)` stays silent.
 *
 * Deliberately not listed (see docs/catalog.md): read/write/close (one
 * cannot tell files, pipes, eventfds and non-blocking sockets apart, and
 * every loop reads its descriptors with them), readdir (cheap after
 * opendir), fprintf/fputs and friends (buffered; logging is normal),
 * sendfile (mostly used on sockets), posix_spawn/fork (return at once), and
 * plain mutex and rwlock locks (short critical sections are normal).
 */
#include "catalog/catalog_internal.h"

#define ROW(fn, family, library, cond, flags, why, remedy) \
  {fn, SC_API_BLOCKING, family, library, cond, flags, why, remedy, SC_ALWAYS}
/* Rows are written out in full wherever `cond` is a macro parameter: an
 * expanded condition's braces would split into extra macro arguments. */
#define LIBC(fn, family, cond, why, remedy) {fn, SC_API_BLOCKING, family, "libc", cond, 0, why, remedy, SC_ALWAYS}
/* A call on a path: not when the path is one the kernel answers from memory
 * (/proc, /sys, a device node). */
#define PATH_IO(fn, path_arg) \
  {fn, SC_API_BLOCKING, "file-io", "libc", SC_ALWAYS, 0, disk, sc_remedy_file_io, SC_IF_NOT_KERNEL_FILE(path_arg)}
/* A read of a stream: a file on disk, or a pipe, terminal or socket that the
 * loop may have just reported readable (see SC_APIF_STREAM_READ). */
#define STREAM_READ(fn, stream_arg)                                                                      \
  {fn, SC_API_BLOCKING, "file-io", "libc", SC_ALWAYS, SC_APIF_STREAM_READ, disk_read, sc_remedy_file_io, \
   SC_IF_NOT_KERNEL_FILE(stream_arg)}
#define SOCK(fn, cond, why) {fn, SC_API_BLOCKING, "socket", "libc", cond, SC_APIF_SOCKET, why, sc_remedy_socket, SC_ALWAYS}

static const char disk[] = "waits for the disk";
static const char disk_read[] = "waits for the disk (or, on a pipe or terminal, for input)";
static const char dns[] = "waits for a DNS answer";
static const char nss[] = "may wait for a network directory service (NSS: DNS, LDAP, NIS, systemd-userdb)";
static const char child[] = "waits for a child process to exit";
static const char sleeps[] = "suspends the calling thread";
static const char signal_wait[] = "suspends the calling thread until a signal arrives";
static const char other_thread[] = "waits for another thread";

static const sc_api rows[] = {
    /* ---- sleep ---- */
    LIBC("sleep", "sleep", SC_ALWAYS, sleeps, sc_remedy_sleep),
    LIBC("usleep", "sleep", SC_ALWAYS, sleeps, sc_remedy_sleep),
    LIBC("nanosleep", "sleep", SC_ALWAYS, sleeps, sc_remedy_sleep),
    LIBC("clock_nanosleep", "sleep", SC_ALWAYS, sleeps, sc_remedy_sleep),
    ROW("thrd_sleep", "sleep", "C11 threads", SC_ALWAYS, 0, sleeps, sc_remedy_sleep),
    /* select() and pselect() on no descriptors: a portable sleep. */
    ROW("select", "sleep", "libc", SC_IF_EQUALS(0, 0, NULL), 0, sleeps, sc_remedy_sleep),
    ROW("pselect", "sleep", "libc", SC_IF_EQUALS(0, 0, NULL), 0, sleeps, sc_remedy_sleep),

    /* ---- signal waits ---- */
    LIBC("pause", "signal", SC_ALWAYS, signal_wait,
         "watch the signal on the loop (uv_signal_start, evsignal_new, ev_signal_start, g_unix_signal_add, "
         "sd_event_add_signal, a signalfd)"),
    LIBC("sigsuspend", "signal", SC_ALWAYS, signal_wait,
         "watch the signal on the loop (uv_signal_start, evsignal_new, ev_signal_start, g_unix_signal_add, "
         "sd_event_add_signal, a signalfd)"),
    LIBC("sigwait", "signal", SC_ALWAYS, signal_wait,
         "watch the signal on the loop (uv_signal_start, evsignal_new, ev_signal_start, g_unix_signal_add, "
         "sd_event_add_signal, a signalfd)"),
    LIBC("sigwaitinfo", "signal", SC_ALWAYS, signal_wait,
         "watch the signal on the loop (uv_signal_start, evsignal_new, ev_signal_start, g_unix_signal_add, "
         "sd_event_add_signal, a signalfd)"),
    LIBC("sigtimedwait", "signal", SC_ALWAYS, signal_wait,
         "watch the signal on the loop (uv_signal_start, evsignal_new, ev_signal_start, g_unix_signal_add, "
         "sd_event_add_signal, a signalfd)"),

    /* ---- file I/O ----
     * Reads wait on any stream, stdin included (a read of stdin waits for
     * the user or the pipe).  Writes and flushes to stdout/stderr are left
     * alone: logging there is normal and a terminal or pipe drains fast. */
    PATH_IO("fopen", 0),
    PATH_IO("freopen", 0),
    STREAM_READ("fread", 3),
    STREAM_READ("fgets", 2),
    STREAM_READ("fscanf", 0),
    STREAM_READ("getline", 2),
    STREAM_READ("getdelim", 3),
    LIBC("fwrite", "file-io", SC_IF_NOT_STD_STREAM(3), disk, sc_remedy_file_io),
    LIBC("fflush", "file-io", SC_IF_NOT_STD_STREAM(0), disk, sc_remedy_file_io),
    LIBC("fsync", "file-io", SC_ALWAYS, "waits until the disk has written the file", sc_remedy_file_io),
    LIBC("fdatasync", "file-io", SC_ALWAYS, "waits until the disk has written the file", sc_remedy_file_io),
    LIBC("sync", "file-io", SC_ALWAYS, "waits until every file system has been written out", sc_remedy_file_io),
    LIBC("syncfs", "file-io", SC_ALWAYS, "waits until the file system has been written out", sc_remedy_file_io),
    LIBC("sync_file_range", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    PATH_IO("open", 0),
    PATH_IO("openat", 1),
    LIBC("creat", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    PATH_IO("opendir", 0),
    PATH_IO("scandir", 0),
    PATH_IO("stat", 0),
    PATH_IO("lstat", 0),
    PATH_IO("fstatat", 1),
    PATH_IO("statx", 1),
    PATH_IO("access", 0),
    LIBC("truncate", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("ftruncate", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("unlink", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("unlinkat", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("remove", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("rename", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("renameat", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("link", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("symlink", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("mkdir", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("mkdirat", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("rmdir", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("copy_file_range", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    /* Positional I/O only works on files (a pipe or socket fails with
     * ESPIPE), so unlike read/write these are known to touch the disk. */
    LIBC("pread", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("pwrite", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("preadv", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),
    LIBC("pwritev", "file-io", SC_ALWAYS, disk, sc_remedy_file_io),

    /* ---- DNS ---- */
    /* getaddrinfo(NULL, port, ...) (a passive or loopback address) and a
     * numeric host literal ask no server. */
    {"getaddrinfo", SC_API_BLOCKING, "dns", "libc", SC_IF_NONNULL(0), 0, dns, sc_remedy_dns, SC_IF_NOT_NUMERIC_HOST(0, 2)},
    LIBC("gethostbyname", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("gethostbyname2", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("gethostbyname_r", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("gethostbyname2_r", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("gethostbyaddr", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("gethostbyaddr_r", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    /* With NI_NUMERICHOST it only formats the address. */
    LIBC("getnameinfo", "dns", SC_IF_LACKS(6, SC_NI_NUMERICHOST, "NI_NUMERICHOST"), dns, sc_remedy_dns),
    LIBC("res_query", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("res_search", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("res_querydomain", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("res_nquery", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("res_nsearch", "dns", SC_ALWAYS, dns, sc_remedy_dns),
    LIBC("res_nquerydomain", "dns", SC_ALWAYS, dns, sc_remedy_dns),

    /* ---- NSS (users, groups, services) ---- */
    LIBC("getpwnam", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getpwnam_r", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getpwuid", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getpwuid_r", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getgrnam", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getgrnam_r", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getgrgid", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getgrgid_r", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getgrouplist", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("initgroups", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getservbyname", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getservbyport", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getprotobyname", "nss", SC_ALWAYS, nss, sc_remedy_nss),
    LIBC("getprotobynumber", "nss", SC_ALWAYS, nss, sc_remedy_nss),

    /* ---- processes ---- */
    LIBC("system", "process", SC_ALWAYS, "runs a shell command and waits for it to exit", sc_remedy_run_command),
    LIBC("popen", "process", SC_ALWAYS, "forks a shell whose output is then read synchronously", sc_remedy_run_command),
    LIBC("pclose", "process", SC_ALWAYS, child, sc_remedy_child_wait),
    LIBC("wait", "process", SC_ALWAYS, child, sc_remedy_child_wait),
    LIBC("waitpid", "process", SC_IF_LACKS(2, SC_WNOHANG, "WNOHANG"), child, sc_remedy_child_wait),
    LIBC("waitid", "process", SC_IF_LACKS(3, SC_WNOHANG, "WNOHANG"), child, sc_remedy_child_wait),
    LIBC("wait3", "process", SC_IF_LACKS(1, SC_WNOHANG, "WNOHANG"), child, sc_remedy_child_wait),
    LIBC("wait4", "process", SC_IF_LACKS(2, SC_WNOHANG, "WNOHANG"), child, sc_remedy_child_wait),

    /* ---- threads and locks ---- */
    /* Joining a thread that has told the loop it is done (chrony's
     * resolver; the remedy itself) does not wait: SC_APIF_JOIN rows stay
     * silent in programs whose threads wake a loop. */
    ROW("pthread_join", "thread", "pthread", SC_ALWAYS, SC_APIF_JOIN, "waits for another thread to finish", sc_remedy_thread_join),
    ROW("thrd_join", "thread", "C11 threads", SC_ALWAYS, SC_APIF_JOIN, "waits for another thread to finish", sc_remedy_thread_join),
    ROW("pthread_cond_wait", "lock", "pthread", SC_ALWAYS, SC_APIF_OTHER_THREAD, other_thread, sc_remedy_sync_wait),
    ROW("pthread_cond_timedwait", "lock", "pthread", SC_ALWAYS, SC_APIF_OTHER_THREAD, other_thread, sc_remedy_sync_wait),
    ROW("pthread_cond_clockwait", "lock", "pthread", SC_ALWAYS, SC_APIF_OTHER_THREAD, other_thread, sc_remedy_sync_wait),
    ROW("pthread_barrier_wait", "lock", "pthread", SC_ALWAYS, SC_APIF_OTHER_THREAD, "waits for the other threads at the barrier", sc_remedy_sync_wait),
    ROW("cnd_wait", "lock", "C11 threads", SC_ALWAYS, SC_APIF_OTHER_THREAD, other_thread, sc_remedy_sync_wait),
    ROW("cnd_timedwait", "lock", "C11 threads", SC_ALWAYS, SC_APIF_OTHER_THREAD, other_thread, sc_remedy_sync_wait),
    LIBC("sem_wait", "lock", SC_ALWAYS, other_thread, sc_remedy_sync_wait),
    LIBC("sem_timedwait", "lock", SC_ALWAYS, other_thread, sc_remedy_sync_wait),
    LIBC("sem_clockwait", "lock", SC_ALWAYS, other_thread, sc_remedy_sync_wait),
    LIBC("flock", "lock", SC_IF_LACKS(1, SC_LOCK_NB, "LOCK_NB"), "waits for another process to release the file lock",
         sc_remedy_file_lock),
    /* lockf commands are small integers (F_ULOCK 0, F_LOCK 1, F_TLOCK 2,
     * F_TEST 3) that share bits, and fcntl commands likewise (F_SETLKW is 7,
     * F_SETLK 6, F_GETLK 5): these rows match the spelling of the waiting
     * command only (mask 0), so the front end records the argument text. */
    LIBC("lockf", "lock", SC_IF_HAS(1, 0, "F_LOCK"), "waits for another process to release the file lock",
         sc_remedy_file_lock),
    LIBC("fcntl", "lock", SC_IF_HAS(1, 0, "F_SETLKW"), "waits for another process to release the record lock",
         sc_remedy_file_lock),
    LIBC("fcntl", "lock", SC_IF_HAS(1, 0, "F_OFD_SETLKW"), "waits for another process to release the record lock",
         sc_remedy_file_lock),

    /* ---- message queues: a queue opened with O_NONBLOCK does not wait, and
     * mq_open(..., O_NONBLOCK) marks the program like a non-blocking socket ---- */
    ROW("mq_receive", "ipc", "libc", SC_ALWAYS, SC_APIF_SOCKET, "waits for a message on the queue",
        "open the queue with O_NONBLOCK and watch its descriptor on the loop (an mqd_t is a descriptor on Linux)"),
    ROW("mq_timedreceive", "ipc", "libc", SC_ALWAYS, SC_APIF_SOCKET, "waits for a message on the queue",
        "open the queue with O_NONBLOCK and watch its descriptor on the loop (an mqd_t is a descriptor on Linux)"),
    ROW("mq_send", "ipc", "libc", SC_ALWAYS, SC_APIF_SOCKET, "waits for room on a full queue",
        "open the queue with O_NONBLOCK and watch its descriptor on the loop (an mqd_t is a descriptor on Linux)"),
    ROW("mq_timedsend", "ipc", "libc", SC_ALWAYS, SC_APIF_SOCKET, "waits for room on a full queue",
        "open the queue with O_NONBLOCK and watch its descriptor on the loop (an mqd_t is a descriptor on Linux)"),
    LIBC("msgrcv", "ipc", SC_IF_LACKS(4, 04000, "IPC_NOWAIT"), "waits for a message on the queue",
         "pass IPC_NOWAIT and retry from a timer, or receive on a worker thread that wakes the loop"),
    LIBC("msgsnd", "ipc", SC_IF_LACKS(3, 04000, "IPC_NOWAIT"), "waits for room on a full queue",
         "pass IPC_NOWAIT and retry from a timer, or send on a worker thread that wakes the loop"),

    /* ---- sockets: silent in programs that make their sockets non-blocking
     * (SC_APIF_SOCKET; see the non-blocking markers) ---- */
    SOCK("connect", SC_ALWAYS, "waits for the connection to be established"),
    SOCK("accept", SC_ALWAYS, "waits for an incoming connection"),
    SOCK("accept4", SC_IF_LACKS(3, SC_SOCK_NONBLOCK, "SOCK_NONBLOCK"), "waits for an incoming connection"),
    SOCK("recv", SC_IF_LACKS(3, SC_MSG_DONTWAIT, "MSG_DONTWAIT"), "waits for data from the peer"),
    SOCK("recvfrom", SC_IF_LACKS(3, SC_MSG_DONTWAIT, "MSG_DONTWAIT"), "waits for data from the peer"),
    SOCK("recvmsg", SC_IF_LACKS(2, SC_MSG_DONTWAIT, "MSG_DONTWAIT"), "waits for data from the peer"),
    SOCK("recvmmsg", SC_IF_LACKS(3, SC_MSG_DONTWAIT, "MSG_DONTWAIT"), "waits for data from the peer"),
    SOCK("send", SC_IF_LACKS(3, SC_MSG_DONTWAIT, "MSG_DONTWAIT"), "waits for room in the socket buffer"),
    SOCK("sendto", SC_IF_LACKS(3, SC_MSG_DONTWAIT, "MSG_DONTWAIT"), "waits for room in the socket buffer"),
    SOCK("sendmsg", SC_IF_LACKS(2, SC_MSG_DONTWAIT, "MSG_DONTWAIT"), "waits for room in the socket buffer"),
    SOCK("sendmmsg", SC_IF_LACKS(3, SC_MSG_DONTWAIT, "MSG_DONTWAIT"), "waits for room in the socket buffer"),
};

const sc_api_family sc_catalog_blocking_libc = {rows, SC_COUNTOF(rows)};
