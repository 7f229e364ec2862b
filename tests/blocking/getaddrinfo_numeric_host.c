// getaddrinfo with AI_NUMERICHOST in the hints' ai_flags only parses a
// numeric address (it never calls NSS or sends a query): programs use it as
// a portable address parser.  The front ends spell the hints argument with
// the stores the caller made to its fields ("&hints {ai_flags=...}").
//
// Real code (connman 1.41 connmand, 7 of its 36 findings):
//  - gweb/gresolv.c:784-788 connect_udp_channel:
//      hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV | AI_NUMERICHOST;
//      err = getaddrinfo(nameserver->address, portnr, &hints, &rp);
//  - gweb/gweb.c:1217-1225 handle_resolved_address (hints.ai_flags = AI_NUMERICHOST)
//  - gweb/gweb.c:1270-1276 is_ip_address (hints.ai_flags = AI_NUMERICHOST)
//  - src/dnsproxy.c:2639-2641 create_server (AI_NUMERICSERV | AI_NUMERICHOST)
//  - src/inet.c:2786-2788 __connman_inet_get_route (AI_PASSIVE | AI_NUMERICSERV | AI_NUMERICHOST)
//  - src/inet.c:2863-2866 connman_inet_check_ipaddress (AI_NUMERICHOST)
//  - src/ntp.c:486-487 start_ntp (hint.ai_flags = AI_NUMERICHOST | AI_PASSIVE)
//
// A getaddrinfo whose hints are a local struct addrinfo whose ai_flags the
// caller set with AI_NUMERICHOST in it is silent; without the flag it stays
// reported.
// RUN: not %stallcheck %s -- %cflags_glib_2_0 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <glib.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>

static gboolean is_ip_address(const char *host) {
  struct addrinfo hints;
  struct addrinfo *addr = NULL;
  memset(&hints, 0, sizeof(struct addrinfo));
  hints.ai_flags = AI_NUMERICHOST;
  hints.ai_family = AF_UNSPEC;
  int result = getaddrinfo(host, NULL, &hints, &addr);        // silent: numeric only
  if (addr) freeaddrinfo(addr);
  return result == 0;
}

static int connect_udp_channel(const char *address, const char *portnr) {
  struct addrinfo hints, *rp = NULL;
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV | AI_NUMERICHOST;
  int err = getaddrinfo(address, portnr, &hints, &rp);        // silent: numeric only
  if (rp) freeaddrinfo(rp);
  return err;
}

static int resolve_portal(const char *host) {
  struct addrinfo hints, *rp = NULL;
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_UNSPEC;
  hints.ai_flags = AI_ADDRCONFIG;
  int err = getaddrinfo(host, "80", &hints, &rp);
  // CHECK: [[@LINE-1]]:13: warning: 'getaddrinfo' blocks the GLib event loop
  if (rp) freeaddrinfo(rp);
  return err;
}

// The flag set in a branch: numeric only when the caller asked (redis
// 7.0.15 anetResolve, anet.c:240: `if (flags & ANET_IP_ONLY)
// hints.ai_flags = AI_NUMERICHOST;`, and sentinel's resolve-hostnames
// passes ANET_NONE).
static int resolve(const char *host, int ip_only) {
  struct addrinfo hints, *rp = NULL;
  memset(&hints, 0, sizeof(hints));
  if (ip_only) hints.ai_flags = AI_NUMERICHOST;
  hints.ai_family = AF_UNSPEC;
  int err = getaddrinfo(host, NULL, &hints, &rp);
  // CHECK: [[@LINE-1]]:13: warning: 'getaddrinfo' blocks the GLib event loop
  if (rp) freeaddrinfo(rp);
  return err;
}

// The flag in a designated initialiser (keepalived 2.2.7
// check/check_parser.c:525): numeric only.
static int parse_granularity(const char *text) {
  struct addrinfo hints = {.ai_flags = AI_NUMERICHOST, .ai_family = AF_INET};
  struct addrinfo *res = NULL;
  int err = getaddrinfo(text, NULL, &hints, &res); // silent
  if (res) freeaddrinfo(res);
  return err;
}

static gboolean on_timeout(gpointer data) {
  const char *host = data;
  resolve(host, 0);
  parse_granularity("255.255.255.0");
  if (is_ip_address(host))
    connect_udp_channel(host, "53");
  else
    resolve_portal(host);
  return G_SOURCE_CONTINUE;
}

int main(void) {
  g_timeout_add_seconds(1, on_timeout, "192.0.2.1");
  g_main_loop_run(g_main_loop_new(NULL, FALSE));
  return 0;
}
