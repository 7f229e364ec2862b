// uv_fs_* with a NULL callback runs synchronously on the calling thread; with
// a callback it runs on the thread pool and calls back on the loop.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <uv.h>

static uv_fs_t open_req, sync_req;

static void on_open(uv_fs_t *req) { uv_fs_req_cleanup(req); }

static void on_connection(uv_stream_t *server, int status) {
  (void)status;
  uv_fs_open(server->loop, &open_req, "/var/log/app.log", O_RDONLY, 0, on_open); // async: silent
  // CHECK: libuv_fs_sync_vs_async.c:[[@LINE+1]]:3: warning: 'uv_fs_open' blocks the libuv event loop
  uv_fs_open(server->loop, &sync_req, "/var/log/app.log", O_RDONLY, 0, NULL);
}

int main(void) {
  static uv_tcp_t server;
  uv_tcp_init(uv_default_loop(), &server);
  uv_listen((uv_stream_t *)&server, 128, on_connection);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
// CHECK: note: 'on_connection' runs on the libuv loop thread: registered here as {{.*}} by 'uv_listen'
// CHECK: note: remedy: pass a uv_fs_cb as the last argument
