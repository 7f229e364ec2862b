/*
 * log.h - log lines on standard error, which editors show in their LSP log.
 */
#ifndef STALLCHECK_CLANGD_LOG_H
#define STALLCHECK_CLANGD_LOG_H

void log_msg(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#endif
