// GLib: an idle source and a signal handler run on the main context; a GTask
// thread function runs on a worker; the *_async variant does not wait.
// RUN: not %stallcheck %s -- %cflags_gio_2_0 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <gio/gio.h>

static gboolean on_idle(gpointer data) {
  gchar *contents = NULL;
  (void)data;
  // CHECK: glib_sources.c:[[@LINE+1]]:3: warning: 'g_file_get_contents' blocks the GLib event loop
  g_file_get_contents("/etc/app.conf", &contents, NULL, NULL);
  g_free(contents);
  return G_SOURCE_REMOVE;
}

static void load_in_thread(GTask *task, gpointer source, gpointer data, GCancellable *cancel) {
  gchar *contents = NULL;
  (void)source;
  (void)data;
  (void)cancel;
  g_file_get_contents("/etc/app.conf", &contents, NULL, NULL); // on a worker: silent
  g_task_return_pointer(task, contents, g_free);
}

static void on_loaded(GObject *source, GAsyncResult *res, gpointer data) {
  (void)source;
  (void)res;
  (void)data;
}

static void on_activate(GApplication *app, gpointer data) {
  GFile *file = g_file_new_for_path("/etc/app.conf");
  (void)data;
  g_file_load_contents_async(file, NULL, on_loaded, NULL); // async: silent
  GTask *task = g_task_new(app, NULL, on_loaded, NULL);
  g_task_run_in_thread(task, load_in_thread);
  // CHECK: glib_sources.c:[[@LINE+1]]:3: warning: 'g_usleep' blocks the GLib event loop
  g_usleep(1000);
}

int main(int argc, char **argv) {
  GApplication *app = g_application_new("org.example.App", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect(app, "activate", G_CALLBACK(on_activate), NULL);
  g_idle_add(on_idle, NULL);
  return g_application_run(app, argc, argv);
}
