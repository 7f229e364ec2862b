/*
 * uri.h - file:// URIs (RFC 8089 as LSP clients write them) and paths.
 */
#ifndef STALLCHECK_CLANGD_URI_H
#define STALLCHECK_CLANGD_URI_H

/* The absolute path of a file:// URI (percent-decoded), or NULL for another
 * scheme or a malformed URI.  Heap string. */
char *uri_to_path(const char *uri);
/* The file:// URI of an absolute path.  Heap string. */
char *uri_from_path(const char *path);

#endif
