/*
 * stallcheck/annotations.h - teach stallcheck about your own functions in the
 * source, where a configuration file would be far from the code.
 *
 *   STALLCHECK_BLOCKING int rpc_call_sync(const char *method);
 *       calls to it on a loop thread are `blocking-call-in-event-loop`
 *       findings (put it on the definition, or on a declaration the
 *       definition's file sees);
 *   STALLCHECK_LOOP_CALLBACK void on_tick(void *arg);
 *       it runs on an event-loop thread (your own loop's callback);
 *   STALLCHECK_WORKER void *encode_job(void *arg);
 *       it runs on a worker thread;
 *   STALLCHECK_HOT void step(float *x);
 *       a hot path for the GPU rules: a device sync or allocation anywhere in
 *       it is reported as in a hot loop (it is __attribute__((hot))).
 *
 * The macros expand to clang's annotate attribute; other compilers see
 * nothing.
 */
#ifndef STALLCHECK_ANNOTATIONS_H
#define STALLCHECK_ANNOTATIONS_H

#if defined(__clang__)
#define STALLCHECK_ANNOTATE(what) __attribute__((annotate("stallcheck::" what)))
#else
#define STALLCHECK_ANNOTATE(what)
#endif

#define STALLCHECK_BLOCKING STALLCHECK_ANNOTATE("blocking")
#define STALLCHECK_LOOP_CALLBACK STALLCHECK_ANNOTATE("loop_callback")
#define STALLCHECK_WORKER STALLCHECK_ANNOTATE("worker")
#define STALLCHECK_HOT __attribute__((hot))

#endif
