/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-window.c: a window on a temporary collection, for the window's tests. */
#include "flash-test-window.h"
#include "config.h"

#include <glib/gstdio.h>

#include "flash-window-testing.h"


const char flash_test_window_deck[] =
  "# Test Deck\n"
  "\n"
  "## Basics\n"
  "\n"
  "### What is one plus one?\n"
  "\n"
  "Two.\n"
  "\n"
  "### What colour is a clear sky?\n"
  "\n"
  "Blue.\n"
  "\n"
  "### What is the capital of France?\n"
  "\n"
  "Paris.\n";

void
process_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

void
import_path (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  flash_window_import_files (fixture->window, &file, 1);
  while (flash_window_is_importing (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  process_events ();
}

void
import_test_deck (Fixture *fixture)
{
  g_autofree char *path = write_file (fixture, "test-deck.md", flash_test_window_deck, -1);

  import_path (fixture, path);
}

gint64
only_deck_id (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) decks = flash_store_list_decks (fixture->store, now, &error);
  const FlashDeckInfo *deck;

  g_assert_no_error (error);
  g_assert_cmpuint (decks->len, ==, 1);
  deck = g_ptr_array_index (decks, 0);

  return deck->id;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("flashsheet-test-window-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "collection.sqlite", NULL);
  fixture->store = flash_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  fixture->collection = flash_collection_new_for_store (fixture->store);
  fixture->window = flash_window_new (NULL, fixture->collection);
  gtk_window_present (GTK_WINDOW (fixture->window));
  process_events ();
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog = flash_window_get_dialog (fixture->window);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  process_events ();

  fixture->store = NULL;
  g_clear_object (&fixture->collection);
  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

