/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-german.c: with LANGUAGE=de the app's window speaks German, from the catalogue the build made. */
#include "flash-test-display.h"
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "flash-window.h"

static gboolean
find_text (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (ADW_IS_STATUS_PAGE (widget)
      && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_window_in_german (void)
{
  g_autofree char *dir = g_dir_make_tmp ("flash-german-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "collection.db", NULL);
  g_autoptr(GError) error = NULL;
  FlashStore *store = flash_store_open (path, &error);
  g_autoptr(FlashCollection) collection = NULL;
  FlashWindow *window;

  g_assert_no_error (error);
  collection = flash_collection_new_for_store (store);
  window = flash_window_new (NULL, collection);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* The empty collection's page and the overview's heading, both from ui/flash-window.ui. */
  g_assert_cmpstr (_("No Decks Yet"), ==, "Noch keine Stapel");
  g_assert_true (find_text (GTK_WIDGET (window), "Noch keine Stapel"));
  g_assert_true (find_text (GTK_WIDGET (window), "Heute"));
  g_assert_false (find_text (GTK_WIDGET (window), "No Decks Yet"));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("FLASHSHEET_LOCALEDIR");
  g_autofree char *mo = NULL;

  /* The same set-up as src/main.c, in German. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  flash_test_require_display ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_message ("no German catalogue at %s", mo);
      g_test_fail ();
    }
  g_test_add_func ("/german/window", test_window_in_german);
  return g_test_run ();
}
