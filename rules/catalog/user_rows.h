/*
 * user_rows.h - lookups of the rows a configuration file added (user_rows.c);
 * lookup.c consults them before the built-in tables.
 */
#ifndef STALLCHECK_CATALOG_USER_ROWS_H
#define STALLCHECK_CATALOG_USER_ROWS_H

#include "stallcheck/catalog.h"

const sc_api *sc_catalog_user_apis(const char *function, sc_api_kind kind, size_t *count);
const sc_registrar *sc_catalog_user_registrars(const char *function, size_t *count);

#endif
