// open()/fopen() of procfs, sysfs and device nodes does not wait for a disk:
// those files live in memory (procfs, sysfs) or are devices whose open
// returns at once (/dev/urandom, /dev/uinput, /dev/rfkill).  A path built by
// snprintf/asprintf from such a literal format counts too, and so do reads
// of the stream such an open returned (fgets on fopen("/proc/self/maps")).
// From the case studies (docs/case-studies/): redis zmalloc_get_rss's
// open("/proc/self/stat")
// every 100 ms, tmux's xasprintf(&path, "/proc/%lld/cmdline"), bluetoothd's
// /dev/uinput, /dev/uhid, /dev/rfkill and /sys/class/rfkill paths.
// A regular path, and a terminal (whose open may wait for the line), are
// still reported.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// The same under glibc's _FORTIFY_SOURCE, which turns snprintf into
// __builtin___snprintf_chk (Debian builds with it):
// RUN: not %stallcheck %s -- -O2 -D_FORTIFY_SOURCE=2 2>&1 | FileCheck %s --implicit-check-not=warning:
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <uv.h>

static void on_timer(uv_timer_t *t) {
  (void)t;
  char path[64];
  int fd = open("/proc/self/stat", O_RDONLY);            // silent
  if (fd >= 0) close(fd);
  fd = open("/dev/urandom", O_RDONLY);                   // silent
  if (fd >= 0) close(fd);
  snprintf(path, sizeof path, "/sys/class/rfkill/rfkill%u/name", 0u);
  fd = open(path, O_RDONLY);                             // silent
  if (fd >= 0) close(fd);
  char *cmdline;
  if (asprintf(&cmdline, "/proc/%d/cmdline", (int)getpid()) >= 0) {
    FILE *f = fopen(cmdline, "r");                       // silent
    if (f) fclose(f);
  }
  fd = open("/dev/ttyS0", O_RDWR);
  // CHECK: [[@LINE-1]]:8: warning: 'open' blocks the libuv event loop
  if (fd >= 0) close(fd);
  snprintf(path, sizeof path, "/var/lib/app/%d.state", 1);
  fd = open(path, O_RDONLY);
  // CHECK: [[@LINE-1]]:8: warning: 'open' blocks the libuv event loop
  if (fd >= 0) close(fd);
  // Reading the stream or descriptor such an open gave is no disk wait either.
  char seed[20], line[256];
  FILE *fp = fopen("/dev/urandom", "r");
  if (fp == NULL || fread(seed, sizeof seed, 1, fp) != 1) seed[0] = 0; // silent
  if (fp) fclose(fp);
  fp = fopen("/proc/self/maps", "r");
  if (fp) {
    while (fgets(line, sizeof line, fp) != NULL) {} // silent
    fclose(fp);
  }
  snprintf(path, sizeof path, "/proc/%ld/smaps", (long)getpid());
  fp = fopen(path, "r");
  if (fp) {
    while (fgets(line, sizeof line, fp) != NULL) {} // silent
    fclose(fp);
  }
  // A kernel file opened in either branch (redis's zmalloc_get_smap_bytes_by_field).
  if (t->repeat) {
    fp = fopen("/proc/self/smaps", "r");
  } else {
    snprintf(path, sizeof path, "/proc/%ld/smaps", (long)getpid());
    fp = fopen(path, "r");
  }
  if (fp && fgets(line, sizeof line, fp)) {} // silent
  if (fp) fclose(fp);
  FILE *cfg = fopen("/etc/app.conf", "r");
  // CHECK: [[@LINE-1]]:15: warning: 'fopen' blocks the libuv event loop
  if (cfg) {
    while (fgets(line, sizeof line, cfg) != NULL) {}
    // CHECK: [[@LINE-1]]:12: warning: 'fgets' blocks the libuv event loop
    fclose(cfg);
  }
}

int main(void) {
  uv_timer_t t;
  uv_timer_init(uv_default_loop(), &t);
  uv_timer_start(&t, on_timer, 0, 1000);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
