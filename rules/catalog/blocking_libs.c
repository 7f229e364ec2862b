/*
 * blocking_libs.c - library calls that wait: the synchronous halves of libuv,
 * GLib/GIO and sd-bus, and the synchronous clients of HTTP (libcurl),
 * PostgreSQL (libpq), Redis (hiredis) and SQLite.
 *
 * Each remedy names the library's own asynchronous counterpart; SQLite has
 * none, so its remedy is a worker with its own connection.
 */
#include "catalog/catalog_internal.h"

#define ROW(fn, family, library, cond, why, remedy) \
  {fn, SC_API_BLOCKING, family, library, cond, 0, why, remedy, SC_ALWAYS}
#define GIO(fn, why, async) ROW(fn, "gio", "GIO", SC_ALWAYS, why, "use " async " and finish in its callback")

static const char uv_fs_why[] = "waits for the disk (without a callback the request runs synchronously)";
static const char db_query[] = "waits for the database server";
static const char redis_wait[] = "waits for the Redis server";
static const char sqlite_wait[] = "waits for the disk and for locks held by other connections";
static const char dbus_wait[] = "waits for the D-Bus peer to reply";
static const char net_wait[] = "waits for the network";

#define JOIN(fn, library) \
  {fn, SC_API_BLOCKING, "thread", library, SC_ALWAYS, SC_APIF_JOIN, "waits for another thread to finish", \
   sc_remedy_thread_join, SC_ALWAYS}
#define UV_FS_SYNC(name) ROW(#name, "libuv-fs", "libuv", SC_IF_NULL(-1), uv_fs_why, sc_remedy_uv_fs),

static const sc_api rows[] = {
    /* ---- libuv ---- */
    ROW("uv_sleep", "sleep", "libuv", SC_ALWAYS, "suspends the calling thread", sc_remedy_sleep),
    JOIN("uv_thread_join", "libuv"),
    ROW("uv_cond_wait", "lock", "libuv", SC_ALWAYS, "waits for another thread", sc_remedy_sync_wait),
    ROW("uv_cond_timedwait", "lock", "libuv", SC_ALWAYS, "waits for another thread", sc_remedy_sync_wait),
    ROW("uv_sem_wait", "lock", "libuv", SC_ALWAYS, "waits for another thread", sc_remedy_sync_wait),
    ROW("uv_barrier_wait", "lock", "libuv", SC_ALWAYS, "waits for the other threads at the barrier", sc_remedy_sync_wait),
    ROW("uv_getaddrinfo", "dns", "libuv", SC_IF_NULL(2), "waits for a DNS answer (without a callback it resolves synchronously)",
        "pass a uv_getaddrinfo_cb: the look-up then runs on the thread pool and calls back on the loop"),
    ROW("uv_getnameinfo", "dns", "libuv", SC_IF_NULL(2), "waits for a DNS answer (without a callback it resolves synchronously)",
        "pass a uv_getnameinfo_cb: the look-up then runs on the thread pool and calls back on the loop"),
    SC_UV_FS_FUNCTIONS(UV_FS_SYNC)

    /* ---- libevent ---- */
    ROW("evutil_getaddrinfo", "dns", "libevent", SC_ALWAYS, "waits for a DNS answer",
        "use evdns_getaddrinfo with an evdns_base on the same event_base"),

    /* ---- GLib ---- */
    ROW("g_usleep", "sleep", "GLib", SC_ALWAYS, "suspends the calling thread", sc_remedy_sleep),
    JOIN("g_thread_join", "GLib"),
    ROW("g_cond_wait", "lock", "GLib", SC_ALWAYS, "waits for another thread", sc_remedy_sync_wait),
    ROW("g_cond_wait_until", "lock", "GLib", SC_ALWAYS, "waits for another thread", sc_remedy_sync_wait),
    ROW("g_async_queue_pop", "lock", "GLib", SC_ALWAYS, "waits for another thread to push an item", sc_remedy_sync_wait),
    ROW("g_async_queue_timeout_pop", "lock", "GLib", SC_ALWAYS, "waits for another thread to push an item", sc_remedy_sync_wait),
    ROW("g_spawn_sync", "process", "GLib", SC_ALWAYS, "runs a command and waits for it to exit",
        "use g_subprocess_newv with g_subprocess_communicate_async or g_subprocess_wait_async"),
    ROW("g_spawn_command_line_sync", "process", "GLib", SC_ALWAYS, "runs a command and waits for it to exit",
        "use g_subprocess_newv with g_subprocess_communicate_async or g_subprocess_wait_async"),
    {"g_file_get_contents", SC_API_BLOCKING, "file-io", "GLib", SC_ALWAYS, 0, "waits for the disk",
     "use g_file_load_contents_async and finish in its callback", SC_IF_NOT_KERNEL_FILE(0)},
    ROW("g_file_set_contents", "file-io", "GLib", SC_ALWAYS, "waits for the disk (and fsyncs the file)",
        "use g_file_replace_contents_async and finish in its callback"),
    ROW("g_file_set_contents_full", "file-io", "GLib", SC_ALWAYS, "waits for the disk (and may fsync the file)",
        "use g_file_replace_contents_async and finish in its callback"),

    /* ---- GIO ---- */
    GIO("g_subprocess_wait", "waits for a child process to exit", "g_subprocess_wait_async"),
    GIO("g_subprocess_wait_check", "waits for a child process to exit", "g_subprocess_wait_check_async"),
    GIO("g_subprocess_communicate", "waits for a child process to exit", "g_subprocess_communicate_async"),
    GIO("g_subprocess_communicate_utf8", "waits for a child process to exit", "g_subprocess_communicate_utf8_async"),
    GIO("g_file_load_contents", "waits for the disk", "g_file_load_contents_async"),
    GIO("g_file_read", "waits for the disk", "g_file_read_async"),
    GIO("g_file_replace", "waits for the disk", "g_file_replace_async"),
    GIO("g_file_replace_contents", "waits for the disk", "g_file_replace_contents_async"),
    GIO("g_file_create", "waits for the disk", "g_file_create_async"),
    GIO("g_file_append_to", "waits for the disk", "g_file_append_to_async"),
    GIO("g_file_query_info", "waits for the disk", "g_file_query_info_async"),
    GIO("g_file_copy", "waits for the disk", "g_file_copy_async"),
    GIO("g_file_move", "waits for the disk", "g_file_move_async"),
    GIO("g_file_delete", "waits for the disk", "g_file_delete_async"),
    GIO("g_file_make_directory", "waits for the disk", "g_file_make_directory_async"),
    GIO("g_file_enumerate_children", "waits for the disk", "g_file_enumerate_children_async"),
    GIO("g_input_stream_read", "waits for the stream's data", "g_input_stream_read_async"),
    GIO("g_input_stream_read_all", "waits for the stream's data", "g_input_stream_read_all_async"),
    GIO("g_output_stream_write", "waits until the stream accepts the data", "g_output_stream_write_async"),
    GIO("g_output_stream_write_all", "waits until the stream accepts the data", "g_output_stream_write_all_async"),
    GIO("g_socket_client_connect", "waits for the connection to be established", "g_socket_client_connect_async"),
    GIO("g_socket_client_connect_to_host", "waits for DNS and the connection", "g_socket_client_connect_to_host_async"),
    GIO("g_resolver_lookup_by_name", "waits for a DNS answer", "g_resolver_lookup_by_name_async"),
    GIO("g_resolver_lookup_by_address", "waits for a DNS answer", "g_resolver_lookup_by_address_async"),
    GIO("g_dbus_connection_call_sync", "waits for the D-Bus peer to reply", "g_dbus_connection_call"),
    GIO("g_dbus_proxy_call_sync", "waits for the D-Bus peer to reply", "g_dbus_proxy_call"),
    GIO("g_dbus_proxy_new_sync", "waits for the D-Bus peer to reply", "g_dbus_proxy_new"),
    GIO("g_dbus_proxy_new_for_bus_sync", "waits for the D-Bus peer to reply", "g_dbus_proxy_new_for_bus"),
    GIO("g_bus_get_sync", "waits for the connection to the message bus", "g_bus_get"),

    /* ---- sd-bus ---- */
    ROW("sd_bus_call", "sd-bus", "sd-bus", SC_ALWAYS, dbus_wait, "use sd_bus_call_async and handle the reply in its callback"),
    ROW("sd_bus_call_method", "sd-bus", "sd-bus", SC_ALWAYS, dbus_wait,
        "use sd_bus_call_method_async and handle the reply in its callback"),
    ROW("sd_bus_get_property", "sd-bus", "sd-bus", SC_ALWAYS, dbus_wait,
        "call org.freedesktop.DBus.Properties.Get with sd_bus_call_method_async"),
    ROW("sd_bus_get_property_string", "sd-bus", "sd-bus", SC_ALWAYS, dbus_wait,
        "call org.freedesktop.DBus.Properties.Get with sd_bus_call_method_async"),
    ROW("sd_bus_get_property_strv", "sd-bus", "sd-bus", SC_ALWAYS, dbus_wait,
        "call org.freedesktop.DBus.Properties.Get with sd_bus_call_method_async"),
    ROW("sd_bus_get_property_trivial", "sd-bus", "sd-bus", SC_ALWAYS, dbus_wait,
        "call org.freedesktop.DBus.Properties.Get with sd_bus_call_method_async"),
    ROW("sd_bus_set_property", "sd-bus", "sd-bus", SC_ALWAYS, dbus_wait,
        "call org.freedesktop.DBus.Properties.Set with sd_bus_call_method_async"),
    ROW("sd_bus_request_name", "sd-bus", "sd-bus", SC_ALWAYS, dbus_wait,
        "use sd_bus_request_name_async and handle the reply in its callback"),
    ROW("sd_bus_release_name", "sd-bus", "sd-bus", SC_ALWAYS, dbus_wait,
        "use sd_bus_release_name_async and handle the reply in its callback"),
    ROW("sd_bus_wait", "sd-bus", "sd-bus", SC_ALWAYS, "waits for bus traffic",
        "attach the bus to the loop with sd_bus_attach_event and let it dispatch"),
    ROW("sd_bus_flush", "sd-bus", "sd-bus", SC_ALWAYS, "waits until every queued message is written",
        "let the bus attached with sd_bus_attach_event write its queue from the loop"),

    /* ---- libcurl ---- */
    ROW("curl_easy_perform", "http", "libcurl", SC_ALWAYS, "performs the whole transfer, waiting for the network",
        "use the multi interface: curl_multi_add_handle and curl_multi_socket_action driven by the loop "
        "through CURLMOPT_SOCKETFUNCTION and CURLMOPT_TIMERFUNCTION"),
    ROW("curl_multi_wait", "http", "libcurl", SC_IF_NONZERO(3), net_wait,
        "let the loop watch curl's sockets (CURLMOPT_SOCKETFUNCTION) and call curl_multi_socket_action"),
    ROW("curl_multi_poll", "http", "libcurl", SC_IF_NONZERO(3), net_wait,
        "let the loop watch curl's sockets (CURLMOPT_SOCKETFUNCTION) and call curl_multi_socket_action"),

    /* ---- PostgreSQL (libpq) ---- */
    ROW("PQconnectdb", "postgres", "libpq", SC_ALWAYS, "waits for the connection to the database server", sc_remedy_postgres),
    ROW("PQconnectdbParams", "postgres", "libpq", SC_ALWAYS, "waits for the connection to the database server", sc_remedy_postgres),
    ROW("PQsetdbLogin", "postgres", "libpq", SC_ALWAYS, "waits for the connection to the database server", sc_remedy_postgres),
    ROW("PQreset", "postgres", "libpq", SC_ALWAYS, "waits for the connection to the database server",
        "use PQresetStart and PQresetPoll driven by a loop watcher on PQsocket()"),
    ROW("PQping", "postgres", "libpq", SC_ALWAYS, "waits for the database server", sc_remedy_postgres),
    ROW("PQpingParams", "postgres", "libpq", SC_ALWAYS, "waits for the database server", sc_remedy_postgres),
    ROW("PQexec", "postgres", "libpq", SC_ALWAYS, db_query, sc_remedy_postgres),
    ROW("PQexecParams", "postgres", "libpq", SC_ALWAYS, db_query, sc_remedy_postgres),
    ROW("PQexecPrepared", "postgres", "libpq", SC_ALWAYS, db_query, sc_remedy_postgres),
    ROW("PQprepare", "postgres", "libpq", SC_ALWAYS, db_query, sc_remedy_postgres),
    ROW("PQdescribePrepared", "postgres", "libpq", SC_ALWAYS, db_query, sc_remedy_postgres),
    ROW("PQdescribePortal", "postgres", "libpq", SC_ALWAYS, db_query, sc_remedy_postgres),

    /* ---- Redis (hiredis) ---- */
    ROW("redisConnect", "redis", "hiredis", SC_ALWAYS, redis_wait, sc_remedy_redis),
    ROW("redisConnectWithTimeout", "redis", "hiredis", SC_ALWAYS, redis_wait, sc_remedy_redis),
    ROW("redisConnectUnix", "redis", "hiredis", SC_ALWAYS, redis_wait, sc_remedy_redis),
    ROW("redisConnectUnixWithTimeout", "redis", "hiredis", SC_ALWAYS, redis_wait, sc_remedy_redis),
    ROW("redisReconnect", "redis", "hiredis", SC_ALWAYS, redis_wait, sc_remedy_redis),
    ROW("redisCommand", "redis", "hiredis", SC_ALWAYS, redis_wait, sc_remedy_redis),
    ROW("redisvCommand", "redis", "hiredis", SC_ALWAYS, redis_wait, sc_remedy_redis),
    ROW("redisCommandArgv", "redis", "hiredis", SC_ALWAYS, redis_wait, sc_remedy_redis),
    ROW("redisGetReply", "redis", "hiredis", SC_ALWAYS, redis_wait, sc_remedy_redis),

    /* ---- SQLite ---- */
    ROW("sqlite3_open", "sqlite", "sqlite3", SC_ALWAYS, sqlite_wait, sc_remedy_sqlite),
    ROW("sqlite3_open_v2", "sqlite", "sqlite3", SC_ALWAYS, sqlite_wait, sc_remedy_sqlite),
    ROW("sqlite3_open16", "sqlite", "sqlite3", SC_ALWAYS, sqlite_wait, sc_remedy_sqlite),
    ROW("sqlite3_exec", "sqlite", "sqlite3", SC_ALWAYS, sqlite_wait, sc_remedy_sqlite),
    ROW("sqlite3_get_table", "sqlite", "sqlite3", SC_ALWAYS, sqlite_wait, sc_remedy_sqlite),
    ROW("sqlite3_step", "sqlite", "sqlite3", SC_ALWAYS, sqlite_wait, sc_remedy_sqlite),
    ROW("sqlite3_backup_step", "sqlite", "sqlite3", SC_ALWAYS, sqlite_wait, sc_remedy_sqlite),
    ROW("sqlite3_wal_checkpoint", "sqlite", "sqlite3", SC_ALWAYS, sqlite_wait, sc_remedy_sqlite),
    ROW("sqlite3_wal_checkpoint_v2", "sqlite", "sqlite3", SC_ALWAYS, sqlite_wait, sc_remedy_sqlite),
};

const sc_api_family sc_catalog_blocking_libs = {rows, SC_COUNTOF(rows)};
