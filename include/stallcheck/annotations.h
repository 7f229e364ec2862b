/*
 * stallcheck/annotations.h - teach stallcheck about your own functions in the
 * source, where a configuration file would be far from the code.
 *
 *   STALLCHECK_BLOCKING int rpc_call_sync(const char *method);
 *       calls to it on a loop thread are `blocking-call-in-event-loop`
 *       findings (put it on the definition, or on a declaration the
 *       definition's file sees);
 *   STALLCHECK_NONBLOCKING void audio_render(float *out, int frames);
 *       it must not wait: a blocking call it reaches is a
 *       `blocking-call-in-event-loop` finding (clang's own
 *       [[clang::nonblocking]] / __attribute__((nonblocking)) works the same,
 *       and [[clang::blocking]] works like STALLCHECK_BLOCKING);
 *   STALLCHECK_OFFLOAD(1) int pool_submit(pool_t *p, void (*job)(void *), void *arg);
 *       argument 1 (counting from 0) is a function that runs on a worker
 *       thread: what it calls may wait, and loop APIs in it are
 *       `loop-api-off-loop-thread` findings;
 *   STALLCHECK_LOOP_CALLBACK void on_tick(void *arg);
 *       it runs on an event-loop thread (your own loop's callback);
 *   STALLCHECK_WORKER void *encode_job(void *arg);
 *       it runs on a worker thread;
 *   STALLCHECK_HOT void step(float *x);
 *       a hot path for the GPU rules: a device sync or allocation anywhere in
 *       it is reported as in a hot loop (it is __attribute__((hot))).
 *
 * The macros expand to clang's annotate attribute; other compilers see
 * nothing.  Annotations on a declaration count wherever a call sees that
 * declaration, so a library the program only links can be annotated in the
 * program's own header for it.
 */
#ifndef STALLCHECK_ANNOTATIONS_H
#define STALLCHECK_ANNOTATIONS_H

#if defined(__clang__)
#define STALLCHECK_ANNOTATE(what) __attribute__((annotate("stallcheck::" what)))
#else
#define STALLCHECK_ANNOTATE(what)
#endif

#define STALLCHECK_BLOCKING STALLCHECK_ANNOTATE("blocking")
#define STALLCHECK_NONBLOCKING STALLCHECK_ANNOTATE("nonblocking")
#define STALLCHECK_OFFLOAD(callback_arg) STALLCHECK_ANNOTATE("offload(" #callback_arg ")")
#define STALLCHECK_LOOP_CALLBACK STALLCHECK_ANNOTATE("loop_callback")
#define STALLCHECK_WORKER STALLCHECK_ANNOTATE("worker")
#define STALLCHECK_HOT __attribute__((hot))

#endif
