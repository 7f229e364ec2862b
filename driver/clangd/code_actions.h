/*
 * code_actions.h - the "Suppress this stallcheck finding" quick fix.
 */
#ifndef STALLCHECK_CLANGD_CODE_ACTIONS_H
#define STALLCHECK_CLANGD_CODE_ACTIONS_H

#include <jansson.h>

#include "session.h"

/* Appends to `actions` one quick fix per stallcheck diagnostic of `doc` on
 * lines [first_line, last_line] (0-based): a NOLINT comment for its rule at
 * the end of its line.  Needs s->lock held. */
void add_suppress_actions(session *s, open_doc *doc, json_int_t first_line, json_int_t last_line,
                          json_t *actions);

#endif
