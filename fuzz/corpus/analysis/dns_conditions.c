// DNS look-ups that ask a server are reported; resolving NULL (a passive
// address), a numeric literal, or formatting with NI_NUMERICHOST is not.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <netdb.h>
#include <sys/socket.h>
#include <uv.h>

static void on_connection(uv_stream_t *server, int status) {
  struct addrinfo hints = {0}, *res;
  char host[NI_MAXHOST];
  struct sockaddr_storage peer;
  int flags = status;
  const char *name = (const char *)server->data;
  // CHECK: dns_conditions.c:[[@LINE+1]]:3: warning: 'getaddrinfo' blocks the libuv event loop: it waits for a DNS answer
  getaddrinfo("backend.example.org", "80", &hints, &res);
  // CHECK: dns_conditions.c:[[@LINE+1]]:3: warning: 'getaddrinfo' blocks the libuv event loop
  getaddrinfo(name, "80", &hints, &res);
  // CHECK: note: remedy: resolve with uv_getaddrinfo and continue in its callback
  getaddrinfo(NULL, "8080", &hints, &res);      // passive: silent
  getaddrinfo("127.0.0.1", "8080", &hints, &res); // literal: silent
  getaddrinfo("::1", "8080", &hints, &res);       // literal: silent
  getnameinfo((struct sockaddr *)&peer, sizeof peer, host, sizeof host, NULL, 0, NI_NUMERICHOST); // silent
  getnameinfo((struct sockaddr *)&peer, sizeof peer, host, sizeof host, NULL, 0, flags);          // unknown: silent
  // CHECK: dns_conditions.c:[[@LINE+1]]:3: warning: 'getnameinfo' blocks the libuv event loop
  getnameinfo((struct sockaddr *)&peer, sizeof peer, host, sizeof host, NULL, 0, 0);
}

int main(void) {
  static uv_tcp_t server;
  uv_tcp_init(uv_default_loop(), &server);
  uv_listen((uv_stream_t *)&server, 128, on_connection);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
