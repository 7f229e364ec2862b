/*
 * findings_lsp.h - stallcheck's findings as LSP diagnostics.
 */
#ifndef STALLCHECK_CLANGD_FINDINGS_LSP_H
#define STALLCHECK_CLANGD_FINDINGS_LSP_H

#include <jansson.h>

#include "stallcheck/findings.h"
#include "text_document.h"

/* The diagnostics (a JSON array) for the findings located in `path`, whose
 * text is `text`: source "stallcheck", code the rule id, the rule's page as
 * codeDescription, each explanation step as relatedInformation, and the
 * remedy after the message.  Findings in other files are left out. */
json_t *findings_to_lsp(const sc_findings *findings, const char *path, const char *text, size_t len,
                        lsp_encoding enc);

#endif
