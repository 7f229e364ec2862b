// A GThread and a GTask thread that touch a libev loop's watchers race with
// it; GLib's main-context calls (g_idle_add, g_main_context_invoke,
// g_timeout_add) and ev_async_send are thread-safe, and stay silent.
// RUN: not %stallcheck %s -- %cflags_glib_2_0 %cflags_gio_2_0 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <ev.h>
#include <gio/gio.h>
#include <glib.h>

static struct ev_loop *loop;
static ev_timer timeout;
static ev_async wake;

static gboolean deliver(gpointer data) {
  (void)data;
  ev_timer_again(loop, &timeout); // back on the thread that runs the loop: silent
  return G_SOURCE_REMOVE;
}

static gpointer producer(gpointer data) {
  (void)data;
  // CHECK: glib_and_libev_workers.c:[[@LINE+1]]:3: warning: 'ev_timer_start' is called on a GLib worker thread: it is not thread-safe and must run on the loop thread [loop-api-off-loop-thread]
  ev_timer_start(loop, &timeout);
  // CHECK: note: 'producer' runs on the GLib worker thread: registered here as a thread function by 'g_thread_new'
  // CHECK: note: remedy:
  ev_async_send(loop, &wake);                  // thread-safe: silent
  g_idle_add(deliver, NULL);                   // thread-safe: silent
  g_main_context_invoke(NULL, deliver, NULL);  // thread-safe: silent
  g_timeout_add(10, deliver, NULL);            // thread-safe: silent
  return NULL;
}

static void stop_watchers(void) {
  // CHECK: glib_and_libev_workers.c:[[@LINE+1]]:3: warning: 'ev_io_stop' is called on a GLib worker thread
  ev_io_stop(loop, NULL);
}

static void task_body(GTask *task, gpointer source, gpointer data, GCancellable *cancel) {
  (void)source, (void)data, (void)cancel;
  // CHECK: note: 'task_body' runs on the GLib worker thread
  // CHECK: glib_and_libev_workers.c:[[@LINE+1]]:3: note: 'task_body' calls 'stop_watchers' here
  stop_watchers();
  g_task_return_boolean(task, TRUE);
}

static void on_wake(struct ev_loop *l, ev_async *w, int revents) { (void)l, (void)w, (void)revents; }
static void on_timeout(struct ev_loop *l, ev_timer *w, int revents) { (void)l, (void)w, (void)revents; }

int main(void) {
  loop = EV_DEFAULT;
  ev_async_init(&wake, on_wake);
  ev_async_start(loop, &wake);
  ev_timer_init(&timeout, on_timeout, 1., 0.);
  g_thread_new("producer", producer, NULL);
  GTask *task = g_task_new(NULL, NULL, NULL, NULL);
  g_task_run_in_thread(task, task_body);
  ev_run(loop, 0);
  return 0;
}
