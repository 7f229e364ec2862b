/* kvd: a tiny key-value server on libuv, written to show stallcheck at work.
 * It has real stalls (marked STALL in the sources) next to code that does
 * the same things the right way (marked OK). */
#ifndef KVD_H
#define KVD_H

#include <stddef.h>
#include <uv.h>

typedef struct client {
  uv_tcp_t tcp;
  char line[1024];
  size_t used;
} client;

/* A command handler: the command table maps names to these. */
typedef void command_fn(client *c, const char *arg);

void commands_dispatch(client *c, char *line);
void reply(client *c, const char *text);

/* storage.c */
const char *storage_get(const char *key);
void storage_set(const char *key, const char *value);
void storage_save(void);
int storage_duplicates(size_t n);
void storage_log(const char *line);

/* replication.c */
void replication_add_peer(const char *host);

/* snapshot.c */
void snapshot_start(uv_loop_t *loop);

#endif
