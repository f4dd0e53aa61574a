/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-application.c: the single-instance application; owns the collection and the settings. */

#include "config.h"

#include <glib/gi18n.h>

#include "flash-application.h"
#include "flash-preferences-window.h"
#include "flash-window.h"

struct _FlashApplication
{
  AdwApplication  parent_instance;

  FlashSettings   *settings;
  /* The one collection every window shows; it owns the store, its health check and restores. */
  FlashCollection *collection;
};

G_DEFINE_FINAL_TYPE (FlashApplication, flash_application, ADW_TYPE_APPLICATION)

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns the bundled decks, sorted so they import in a stable order. FLASHSHEET_DECKS_DIR lets
 * an uninstalled build (build-aux/run, the tests) use the decks in the source tree. */
GStrv
flash_application_list_bundled_decks (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *decks_dir;
  const char *name;

  decks_dir = g_getenv ("FLASHSHEET_DECKS_DIR");
  if (decks_dir == NULL || decks_dir[0] == '\0')
    decks_dir = PKGDATADIR "/decks";

  dir = g_dir_open (decks_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".md"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (decks_dir, g_ptr_array_index (names, i), NULL);

      g_strv_builder_add (builder, path);
    }

  return g_strv_builder_end (builder);
}

static void
apply_color_scheme (FlashApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  switch (flash_settings_get_color_scheme (self->settings))
    {
    case FLASH_COLOR_SCHEME_LIGHT:
      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;
    case FLASH_COLOR_SCHEME_DARK:
      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;
    case FLASH_COLOR_SCHEME_DEFAULT:
    default:
      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
      break;
    }
}

static void
color_scheme_changed_cb (FlashApplication *self)
{
  apply_color_scheme (self);
}

static void
refresh_windows (FlashApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (FLASH_IS_WINDOW (l->data))
        flash_window_refresh (FLASH_WINDOW (l->data));
    }
}

/* The collection keeps its own copy of the limits so the CLI schedules the same way; keep that
 * copy in step with the settings. */
static void
sync_limits (FlashApplication *self)
{
  FlashStore *store = flash_collection_get_store (self->collection);
  g_autoptr(GError) error = NULL;
  FlashLimits limits;

  if (store == NULL || flash_store_is_read_only (store))
    return;

  flash_settings_get_limits (self->settings, &limits);
  if (!flash_store_set_limits (store, &limits, &error))
    g_message ("Could not save the daily limits: %s", error->message);
}

static void
limits_changed_cb (FlashApplication *self)
{
  sync_limits (self);
  refresh_windows (self);
}

static void
import_bundled_decks (FlashStore *store)
{
  g_auto(GStrv) paths = flash_application_list_bundled_decks ();

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      FlashImportResult result = { 0 };

      if (!flash_store_import_file (store, paths[i], &result, &error))
        g_message ("Could not import a bundled deck: %s", error->message);
      flash_import_result_clear (&result);
    }
}

static void
open_collection (FlashApplication *self)
{
  g_autofree char *path = flash_store_default_path ();
  FlashStore *store;

  self->collection = flash_collection_new (path);
  /* A restore or a read-only copy gives the collection another store: it gets the limits too. */
  g_signal_connect_object (self->collection, "notify::store", G_CALLBACK (sync_limits), self,
                           G_CONNECT_SWAPPED);
  flash_collection_open (self->collection);

  /* A first start opens ready to study rather than on an empty page. */
  store = flash_collection_get_store (self->collection);
  if (store != NULL && flash_store_is_empty (store))
    import_bundled_decks (store);
}

/* Benchmark hook for build-aux/bench-gui, which cannot see inside the process: with
 * FLASHSHEET_BENCH_FIRST_FRAME=1 the first window prints the monotonic time (the clock of
 * g_get_monotonic_time(), CLOCK_MONOTONIC) at which its first frame has been painted, and with
 * FLASHSHEET_BENCH_QUIT=1 the app then quits. Nothing happens without the variables. */
static void
bench_after_paint_cb (GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  GApplication *application = user_data;

  g_signal_handlers_disconnect_by_func (frame_clock, bench_after_paint_cb, user_data);
  /* With the cairo renderer on X11 the server draws on its own time: wait until it has. */
  gdk_display_sync (gdk_display_get_default ());
  g_printerr ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (g_strcmp0 (g_getenv ("FLASHSHEET_BENCH_QUIT"), "1") == 0)
    g_application_quit (application);
}

static void
bench_window_map_cb (GtkWidget *window,
                     gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, bench_window_map_cb, user_data);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), user_data);
}

/* Returns the window to act in, creating and presenting one when there is none. */
static FlashWindow *
get_window (FlashApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (FLASH_IS_WINDOW (window))
    return FLASH_WINDOW (window);

  window = GTK_WINDOW (flash_window_new (self, self->collection));
  if (g_strcmp0 (g_getenv ("FLASHSHEET_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "map", G_CALLBACK (bench_window_map_cb), self);
  gtk_window_present (window);

  /* Shown after the window, so the dialog stacks above it even without a window manager. */
  if (flash_collection_get_error (self->collection) != NULL)
    flash_window_show_open_error (FLASH_WINDOW (window),
                                  flash_collection_get_error (self->collection));

  return FLASH_WINDOW (window);
}

static void
flash_application_activate (GApplication *application)
{
  FlashApplication *self = FLASH_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    get_window (self);
}

static void
flash_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  FlashApplication *self = FLASH_APPLICATION (application);
  FlashWindow *window = get_window (self);

  if (flash_collection_get_store (self->collection) != NULL)
    flash_window_import_files (window, files, n_files);
}

static void
import_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  FlashApplication *self = user_data;
  FlashWindow *window = get_window (self);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FlashApplication *self = user_data;
  GtkWindow *preferences;

  preferences = GTK_WINDOW (flash_preferences_window_new (self->settings, self->collection));
  gtk_window_set_transient_for (preferences, GTK_WINDOW (get_window (self)));
  gtk_window_present (preferences);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  FlashApplication *self = user_data;
  static const char *developers[] = { "The Flashsheet developers", NULL };

  adw_show_about_window (GTK_WINDOW (get_window (self)),
                         "application-name", _("Flashsheet"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Study Markdown cheatsheets as flashcards"),
                         "developer-name", _("The Flashsheet developers"),
                         "developers", developers,
                         "copyright", _("© 2026 The Flashsheet developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/flashsheet/flashsheet",
                         "issue-url", "https://github.com/flashsheet/flashsheet/issues",
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "import", import_action_cb },
  { "preferences", preferences_action_cb },
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
flash_application_startup (GApplication *application)
{
  FlashApplication *self = FLASH_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    /* Ctrl+O is the window's own binding (flash-window.c), not bound here a second time. */
  };

  G_APPLICATION_CLASS (flash_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = flash_settings_new ();
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::new-cards-per-day",
                           G_CALLBACK (limits_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::reviews-per-day",
                           G_CALLBACK (limits_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::day-start-hour",
                           G_CALLBACK (limits_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  open_collection (self);
}

static void
flash_application_shutdown (GApplication *application)
{
  FlashApplication *self = FLASH_APPLICATION (application);
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  if (self->collection != NULL)
    flash_collection_close (self->collection);

  G_APPLICATION_CLASS (flash_application_parent_class)->shutdown (application);
}

static void
flash_application_dispose (GObject *object)
{
  FlashApplication *self = FLASH_APPLICATION (object);

  g_clear_object (&self->collection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (flash_application_parent_class)->dispose (object);
}

static void
flash_application_class_init (FlashApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = flash_application_dispose;

  app_class->startup = flash_application_startup;
  app_class->shutdown = flash_application_shutdown;
  app_class->activate = flash_application_activate;
  app_class->open = flash_application_open;
}

static void
flash_application_init (FlashApplication *self)
{
}

FlashApplication *
flash_application_new (void)
{
  return g_object_new (FLASH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/flashsheet/Flashsheet",
                       NULL);
}

FlashCollection *
flash_application_get_collection (FlashApplication *self)
{
  g_return_val_if_fail (FLASH_IS_APPLICATION (self), NULL);

  return self->collection;
}

FlashSettings *
flash_application_get_settings (FlashApplication *self)
{
  g_return_val_if_fail (FLASH_IS_APPLICATION (self), NULL);

  return self->settings;
}
