/* replication.c - peers the server copies its writes to. */
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>

#include "kvd.h"

static struct addrinfo *peers[8];
static int npeers;

void replication_add_peer(const char *host) {
  struct addrinfo hints, *res;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  /* STALL: getaddrinfo waits for DNS; uv_getaddrinfo does not. */
  if (getaddrinfo(host, "7379", &hints, &res) == 0 && npeers < 8) peers[npeers++] = res;
}
