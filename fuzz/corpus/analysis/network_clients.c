// Synchronous HTTP, PostgreSQL and Redis clients in a libuv callback; their
// asynchronous interfaces stay silent.
// RUN: not %stallcheck %s -- %cflags_libpq %cflags_hiredis 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <curl/curl.h>
#include <hiredis.h>
#include <libpq-fe.h>
#include <uv.h>

static PGconn *pg;
static redisContext *redis;
static CURL *curl;

static void on_timer(uv_timer_t *t) {
  (void)t;
  // CHECK: network_clients.c:[[@LINE+1]]:3: warning: 'curl_easy_perform' blocks the libuv event loop
  curl_easy_perform(curl);
  // CHECK: network_clients.c:[[@LINE+1]]:11: warning: 'PQexec' blocks the libuv event loop
  PQclear(PQexec(pg, "SELECT 1"));
  PQsendQuery(pg, "SELECT 1"); // async: silent
  // CHECK: network_clients.c:[[@LINE+1]]:19: warning: 'redisCommand' blocks the libuv event loop
  freeReplyObject(redisCommand(redis, "PING"));
}

int main(void) {
  static uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 1000);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
