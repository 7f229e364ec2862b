/*
 * user_rows.c - catalog rows a project adds in its configuration file: its
 * own blocking functions (a synchronous RPC client), its own registrars (a
 * wrapper library around the loop), its own CPU-heavy functions, and the
 * functions that run its own event loop.
 *
 * They are added before any analysis starts (the driver reads the
 * configuration first) and looked up before the built-in tables, so a
 * project can also redefine a row.  Strings are copied.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog_internal.h"
#include "catalog/user_rows.h"
#include "util/strmap.h"

static struct {
  sc_api *apis;
  size_t napis, cap_apis;
  sc_registrar *registrars;
  size_t nregistrars, cap_registrars;
  sc_loop_function *loops;
  size_t nloops, cap_loops;
} user;

static char *copy(const char *s) { return s ? strdup(s) : NULL; }

static void *grow(void *items, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return items;
  size_t n = *cap ? *cap * 2 : 16;
  while (n < need) n *= 2;
  void *p = realloc(items, n * size);
  if (!p) abort();
  *cap = n;
  return p;
}

void sc_catalog_add_api(const sc_api *row) {
  user.apis = grow(user.apis, &user.cap_apis, user.napis + 1, sizeof *user.apis);
  sc_api r = *row;
  r.function = copy(row->function);
  r.family = copy(row->family ? row->family : "user");
  r.library = copy(row->library ? row->library : "the program");
  r.why = copy(row->why);
  r.remedy = copy(row->remedy);
  r.flags |= SC_APIF_USER;
  user.apis[user.napis++] = r;
}

void sc_catalog_add_registrar(const sc_registrar *row) {
  user.registrars = grow(user.registrars, &user.cap_registrars, user.nregistrars + 1, sizeof *user.registrars);
  sc_registrar r = *row;
  r.function = copy(row->function);
  r.library = copy(row->library ? row->library : "the program");
  r.what = copy(row->what ? row->what : "callback");
  user.registrars[user.nregistrars++] = r;
}

void sc_catalog_add_loop_function(const sc_loop_function *row) {
  user.loops = grow(user.loops, &user.cap_loops, user.nloops + 1, sizeof *user.loops);
  sc_loop_function r = {copy(row->function), copy(row->library ? row->library : "project")};
  user.loops[user.nloops++] = r;
}

const sc_loop_function *sc_catalog_loop_function(const char *function) {
  for (size_t i = 0; function && i < user.nloops; i++)
    if (!strcmp(user.loops[i].function, function)) return &user.loops[i];
  return NULL;
}

const sc_loop_function *sc_catalog_user_loop_function_table(size_t *count) {
  *count = user.nloops;
  return user.loops;
}

const sc_api *sc_catalog_user_apis(const char *function, sc_api_kind kind, size_t *count) {
  /* Few rows: a scan.  Rows of one function and kind are returned as the
   * first run of them. */
  for (size_t i = 0; i < user.napis; i++) {
    if (user.apis[i].kind != kind || strcmp(user.apis[i].function, function)) continue;
    size_t n = 1;
    while (i + n < user.napis && user.apis[i + n].kind == kind && !strcmp(user.apis[i + n].function, function)) n++;
    *count = n;
    return &user.apis[i];
  }
  *count = 0;
  return NULL;
}

const sc_registrar *sc_catalog_user_registrars(const char *function, size_t *count) {
  for (size_t i = 0; i < user.nregistrars; i++) {
    if (strcmp(user.registrars[i].function, function)) continue;
    size_t n = 1;
    while (i + n < user.nregistrars && !strcmp(user.registrars[i + n].function, function)) n++;
    *count = n;
    return &user.registrars[i];
  }
  *count = 0;
  return NULL;
}

void sc_catalog_clear_user_rows(void) {
  for (size_t i = 0; i < user.napis; i++) {
    free((char *)user.apis[i].function);
    free((char *)user.apis[i].family);
    free((char *)user.apis[i].library);
    free((char *)user.apis[i].why);
    free((char *)user.apis[i].remedy);
  }
  for (size_t i = 0; i < user.nregistrars; i++) {
    free((char *)user.registrars[i].function);
    free((char *)user.registrars[i].library);
    free((char *)user.registrars[i].what);
  }
  for (size_t i = 0; i < user.nloops; i++) {
    free((char *)user.loops[i].function);
    free((char *)user.loops[i].library);
  }
  free(user.apis);
  free(user.registrars);
  free(user.loops);
  memset(&user, 0, sizeof user);
}

int sc_catalog_is_user_registrar(const char *function) {
  size_t n = 0;
  return function && sc_catalog_user_registrars(function, &n) != NULL;
}

const sc_api *sc_catalog_user_api_table(size_t *count) {
  *count = user.napis;
  return user.apis;
}

const sc_registrar *sc_catalog_user_registrar_table(size_t *count) {
  *count = user.nregistrars;
  return user.registrars;
}
