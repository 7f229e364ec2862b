/* commands.c - the command table.  Handlers run on the loop thread: the
 * table is dispatched from the read callback. */
#include <string.h>

#include "kvd.h"

static void cmd_get(client *c, const char *key) {
  const char *value = storage_get(key);
  reply(c, value ? value : "(nil)\n");
}

static void cmd_set(client *c, const char *arg) {
  storage_set(arg, "1");
  storage_log(arg); /* appends to the journal: see storage.c */
  reply(c, "OK\n");
}

static void cmd_save(client *c, const char *arg) {
  (void)arg;
  storage_save(); /* STALL: writes and fsyncs the whole database on the loop */
  reply(c, "OK\n");
}

static void cmd_dups(client *c, const char *arg) {
  (void)arg;
  reply(c, storage_duplicates(1024) ? "1\n" : "0\n");
}

static void cmd_replicate(client *c, const char *host) {
  replication_add_peer(host); /* STALL: resolves the host name on the loop */
  reply(c, "OK\n");
}

static const struct {
  const char *name;
  command_fn *fn;
} table[] = {
    {"GET", cmd_get},
    {"SET", cmd_set},
    {"SAVE", cmd_save},
    {"REPLICATE", cmd_replicate},
    {"DUPS", cmd_dups},
};

void commands_dispatch(client *c, char *line) {
  char *arg = strchr(line, ' ');
  if (arg) *arg++ = 0;
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (!strcmp(table[i].name, line)) {
      table[i].fn(c, arg ? arg : "");
      return;
    }
  reply(c, "ERR unknown command\n");
}
