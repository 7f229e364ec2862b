/*
 * catalog_internal.h - what the table files of rules/catalog/ share: the
 * per-family tables that lookup.c merges and indexes, shorthand for row
 * conditions, the remedy strings several families use, and the list of
 * libuv file-system functions (one list, three tables use it).
 */
#ifndef STALLCHECK_CATALOG_INTERNAL_H
#define STALLCHECK_CATALOG_INTERNAL_H

#include <stddef.h>

#include "stallcheck/catalog.h"

#define SC_COUNTOF(a) (sizeof(a) / sizeof((a)[0]))

/* Row conditions.  `arg` is 0-based; -1 is the last argument. */
#define SC_ALWAYS {SC_COND_ALWAYS, 0, 0, NULL}
#define SC_IF_NULL(arg) {SC_COND_ARG_NULL, (arg), 0, NULL}
#define SC_IF_NONNULL(arg) {SC_COND_ARG_NONNULL, (arg), 0, NULL}
#define SC_IF_HAS(arg, mask, flag) {SC_COND_ARG_HAS_FLAG, (arg), (mask), (flag)}
#define SC_IF_LACKS(arg, mask, flag) {SC_COND_ARG_LACKS_FLAG, (arg), (mask), (flag)}
#define SC_IF_NONZERO(arg) {SC_COND_ARG_NONZERO, (arg), 0, NULL}
#define SC_IF_NOT_STD_STREAM(arg) {SC_COND_ARG_NOT_STD_STREAM, (arg), 0, NULL}
#define SC_IF_EQUALS(arg, value, name) {SC_COND_ARG_EQUALS, (arg), (value), (name)}
#define SC_IF_NOT_ADDRESS(arg) {SC_COND_ARG_NOT_ADDRESS, (arg), 0, NULL}
#define SC_IF_MAY_HAVE(arg, mask, flag) {SC_COND_ARG_MAY_HAVE_FLAG, (arg), (mask), (flag)}
#define SC_IF_NOT_KERNEL_FILE(arg) {SC_COND_ARG_NOT_KERNEL_FILE, (arg), 0, NULL}
#define SC_IF_NOT_NUMERIC_HOST(host, hints) {SC_COND_ARG_NOT_NUMERIC_HOST, (host), (hints), "AI_NUMERICHOST"}

/* Flag values of Linux/glibc on x86-64 and aarch64.  Rows match the macro's
 * spelling too, so a platform with other values still matches the names. */
#define SC_WNOHANG 1
#define SC_LOCK_NB 4
#define SC_MSG_DONTWAIT 0x40
#define SC_O_NONBLOCK 04000
#define SC_SOCK_NONBLOCK 04000
#define SC_F_SETFL 4
#define SC_NI_NUMERICHOST 1

/* A family's API rows.  lookup.c concatenates these into one table. */
typedef struct sc_api_family {
  const sc_api *rows;
  size_t count;
} sc_api_family;

extern const sc_api_family sc_catalog_blocking_libc;
extern const sc_api_family sc_catalog_blocking_libs;
extern const sc_api_family sc_catalog_cpu_heavy;
extern const sc_api_family sc_catalog_gpu;
extern const sc_api_family sc_catalog_loop_only;
extern const sc_api_family sc_catalog_loop_waits;
extern const sc_api_family sc_catalog_nonblock_markers;
extern const sc_api_family sc_catalog_loop_wakes;

extern const sc_registrar sc_catalog_registrar_rows[];
extern const size_t sc_catalog_registrar_count;
extern const sc_callback_type sc_catalog_callback_type_rows[];
extern const size_t sc_catalog_callback_type_count;
extern const sc_callback_field sc_catalog_callback_field_rows[];
extern const size_t sc_catalog_callback_field_count;

/* Remedies shared by several rows (remedies.c). */
extern const char sc_remedy_sleep[];
extern const char sc_remedy_file_io[];
extern const char sc_remedy_dns[];
extern const char sc_remedy_nss[];
extern const char sc_remedy_child_wait[];
extern const char sc_remedy_run_command[];
extern const char sc_remedy_thread_join[];
extern const char sc_remedy_sync_wait[];
extern const char sc_remedy_file_lock[];
extern const char sc_remedy_socket[];
extern const char sc_remedy_uv_fs[];
extern const char sc_remedy_sqlite[];
extern const char sc_remedy_postgres[];
extern const char sc_remedy_redis[];
extern const char sc_remedy_cpu_worker[];
extern const char sc_remedy_loop_only_uv[];
extern const char sc_remedy_loop_only_event[];
extern const char sc_remedy_loop_only_ev[];
extern const char sc_remedy_loop_only_sd[];
extern const char sc_remedy_loop_wait[];
extern const char sc_remedy_nonblock_marker[];

/* Every libuv file-system request: X(name) for each uv_fs_* function whose
 * last parameter is a uv_fs_cb (checked against uv.h of libuv 1.44+).  With a
 * callback the request runs on the thread pool and calls back on the loop;
 * with NULL it runs synchronously on the calling thread. */
#define SC_UV_FS_FUNCTIONS(X)                                                  \
  X(uv_fs_close) X(uv_fs_open) X(uv_fs_read) X(uv_fs_unlink) X(uv_fs_write)   \
  X(uv_fs_copyfile) X(uv_fs_mkdir) X(uv_fs_mkdtemp) X(uv_fs_mkstemp)          \
  X(uv_fs_rmdir) X(uv_fs_scandir) X(uv_fs_opendir) X(uv_fs_readdir)           \
  X(uv_fs_closedir) X(uv_fs_stat) X(uv_fs_fstat) X(uv_fs_rename)              \
  X(uv_fs_fsync) X(uv_fs_fdatasync) X(uv_fs_ftruncate) X(uv_fs_sendfile)      \
  X(uv_fs_access) X(uv_fs_chmod) X(uv_fs_utime) X(uv_fs_futime)               \
  X(uv_fs_lutime) X(uv_fs_lstat) X(uv_fs_link) X(uv_fs_symlink)               \
  X(uv_fs_readlink) X(uv_fs_realpath) X(uv_fs_fchmod) X(uv_fs_chown)          \
  X(uv_fs_fchown) X(uv_fs_lchown) X(uv_fs_statfs)

#endif
