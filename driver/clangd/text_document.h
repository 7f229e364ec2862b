/*
 * text_document.h - the text of an open document and LSP positions in it.
 *
 * LSP counts a position's character in the code units of the negotiated
 * position encoding (UTF-16 unless the server chose otherwise); the rest of
 * stallcheck counts 1-based byte columns.  Lines end at "\n" (a "\r" before
 * it belongs to the line ending), as clangd counts them.
 */
#ifndef STALLCHECK_CLANGD_TEXT_DOCUMENT_H
#define STALLCHECK_CLANGD_TEXT_DOCUMENT_H

#include <stddef.h>

typedef enum lsp_encoding { LSP_UTF16 = 0, LSP_UTF8, LSP_UTF32 } lsp_encoding;

/* Byte offset of LSP position (line, character), clamped to the line's end
 * (past the last line: the end of the text), as LSP asks. */
size_t text_offset_of(const char *text, size_t len, long line, long character, lsp_encoding enc);

/* The LSP character of 1-based byte column `col` on 1-based line `line`. */
long text_character_of(const char *text, size_t len, unsigned line, unsigned col, lsp_encoding enc);

/* The LSP character of the end of 0-based line `line` (before "\r\n"). */
long text_line_end_character(const char *text, size_t len, long line, lsp_encoding enc);

/* Replaces bytes [start, end) of *text (length *len) with `with` (length n).
 * Returns 0, or -1 on out-of-memory (the text is left unchanged). */
int text_replace(char **text, size_t *len, size_t start, size_t end, const char *with, size_t n);

#endif
