// A file opened through a parameter that every caller fills with a kernel
// path (/proc, /sys, tmpfs) reads memory, not the disk.
//
// Real code (connman 1.41 connmand, 3 findings):
//  - src/ipconfig.c:264-336
//      #define PROC_IPV4_CONF_PREFIX "/proc/sys/net/ipv4/conf"
//      static int read_conf_value(const char *prefix, const char *ifname,
//                                 const char *suffix, int *value) {
//        path = g_build_filename(prefix, ifname ? ifname : "all", suffix, NULL);
//        f = fopen(path, "r"); ... fscanf(f, "%d", value); ...
//      }
//      static int read_ipv4_conf_value(...) {
//        return read_conf_value(PROC_IPV4_CONF_PREFIX, ifname, suffix, value);
//      }
//    reached from GLib timeouts and netlink watches.
// RUN: not %stallcheck %s -- %cflags_glib_2_0 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <glib.h>
#include <stdio.h>

#define PROC_IPV4_CONF_PREFIX "/proc/sys/net/ipv4/conf"
#define PROC_IPV6_CONF_PREFIX "/proc/sys/net/ipv6/conf"

static int read_conf_value(const char *prefix, const char *ifname, const char *suffix, int *value) {
  gchar *path = g_build_filename(prefix, ifname ? ifname : "all", suffix, NULL);
  FILE *f = fopen(path, "r"); // every caller passes a /proc prefix: silent
  int err = -1;
  if (f) {
    err = fscanf(f, "%d", value); // a procfs stream: silent
    fclose(f);
  }
  g_free(path);
  return err;
}

static int read_ipv4_conf_value(const char *ifname, const char *suffix, int *value) {
  return read_conf_value(PROC_IPV4_CONF_PREFIX, ifname, suffix, value);
}

static int read_ipv6_conf_value(const char *ifname, const char *suffix, int *value) {
  return read_conf_value(PROC_IPV6_CONF_PREFIX, ifname, suffix, value);
}

// Two callers, one of which passes a disk path: reported, from either.
static int read_setting(const char *dir, const char *name) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "r");
  // CHECK-DAG: kernel_path_parameter.c:[[@LINE-1]]:13: warning: 'fopen' blocks the GLib event loop
  int v = 0;
  if (f) {
    if (fscanf(f, "%d", &v) != 1) v = 0;
    fclose(f);
  }
  return v;
}

// A parameter the body writes holds what it was given last, not the caller's.
static void rewrites_prefix(const char *prefix, const char *home) {
  if (home) prefix = home;
  FILE *f = fopen(prefix, "r");
  // CHECK-DAG: kernel_path_parameter.c:[[@LINE-1]]:13: warning: 'fopen' blocks the GLib event loop
  if (f) fclose(f);
}

// Exported: other translation units may call it with any path, and one
// file does not show them (tests/engine/cross_tu_flags.c links them all).
int sysctl_read(const char *path) {
  FILE *f = fopen(path, "r");
  // CHECK-DAG: kernel_path_parameter.c:[[@LINE-1]]:13: warning: 'fopen' blocks the GLib event loop
  int v = 0;
  if (f) {
    if (fscanf(f, "%d", &v) != 1) v = 0;
    // CHECK-DAG: kernel_path_parameter.c:[[@LINE-1]]:9: warning: 'fscanf' blocks the GLib event loop
    fclose(f);
  }
  return v;
}

// A kernel path put in place of NULL at the top (connman 1.41
// src/inet.c:3305-3327 get_nfs_server_ip, whose only caller passes NULL:
// 2 findings).
static int read_boot_args(const char *cmdline_file, char **out) {
  if (!cmdline_file)
    cmdline_file = "/proc/cmdline";
  return g_file_get_contents(cmdline_file, out, NULL, NULL); // silent
}

// The same with a disk default: reported.
static int read_defaults(const char *file, char **out) {
  if (file == NULL) file = "/etc/default/app";
  return g_file_get_contents(file, out, NULL, NULL);
  // CHECK-DAG: kernel_path_parameter.c:[[@LINE-1]]:10: warning: 'g_file_get_contents' blocks the GLib event loop
}

// A default, then another write: what the caller passed says nothing.
static int read_either(const char *file, char **out, int user) {
  if (!file) file = "/proc/cmdline";
  if (user) file = "/home/user/.apprc";
  return g_file_get_contents(file, out, NULL, NULL);
  // CHECK-DAG: kernel_path_parameter.c:[[@LINE-1]]:10: warning: 'g_file_get_contents' blocks the GLib event loop
}

static gboolean on_timeout(gpointer data) {
  int forwarding = 0, privacy = 0;
  read_ipv4_conf_value("eth0", "forwarding", &forwarding);
  read_ipv6_conf_value(NULL, "use_tempaddr", &privacy);
  read_setting("/sys/class/net/eth0", "mtu");
  read_setting((const char *)data, "mtu");
  rewrites_prefix("/proc/cmdline", (const char *)data);
  sysctl_read("/proc/sys/net/core/somaxconn");
  char *text = NULL;
  read_boot_args(NULL, &text);
  read_boot_args("/proc/self/cmdline", &text);
  read_defaults(NULL, &text);
  read_either(NULL, &text, 1);
  return G_SOURCE_CONTINUE;
}

int main(int argc, char **argv) {
  GMainLoop *loop = g_main_loop_new(NULL, FALSE);
  g_timeout_add(1000, on_timeout, argc > 1 ? argv[1] : "/var/lib/app");
  g_main_loop_run(loop);
  return 0;
}
