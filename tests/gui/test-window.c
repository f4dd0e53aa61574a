/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window against a temporary collection: empty state, import, delete. */

#include "flash-test-accessible.h"
#include "flash-test-display.h"
#include "flash-test-widgets.h"
#include "flash-test-window.h"
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "flash-anki.h"
#include "flash-archive.h"
#include "flash-preferences-window.h"
#include "flash-settings.h"
#include "flash-window-private.h"
#include "flash-window-testing.h"

/* Grades the first card of today's queue, as the study page would, and refreshes the window. */
static void
review_one_card (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) queue = NULL;
  FlashReviewResult result;

  queue = flash_store_today_queue (fixture->store, 0, now, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, >, 0);
  flash_store_record_review (fixture->store, g_array_index (queue, gint64, 0), FLASH_GRADE_GOOD,
                             now, 1000, &result, &error);
  g_assert_no_error (error);

  flash_window_refresh (fixture->window);
  process_events ();
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_true (flash_store_is_empty (fixture->store));
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "empty");
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 0);
  g_assert_null (flash_window_get_dialog (fixture->window));
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  AdwActionRow *row;

  import_test_deck (fixture);

  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "overview");
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Test Deck: 3 cards added");
  g_assert_null (flash_window_get_dialog (fixture->window));

  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 1);
  row = flash_window_get_deck_row (fixture->window, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Test Deck");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "3 cards · 0 due · 3 new");

  g_assert_cmpstr (flash_window_get_count_text (fixture->window, "new"), ==, "3");
  g_assert_cmpstr (flash_window_get_count_text (fixture->window, "learning"), ==, "0");
  g_assert_cmpstr (flash_window_get_count_text (fixture->window, "due"), ==, "0");
  g_assert_true (gtk_widget_get_sensitive (flash_window_get_study_button (fixture->window)));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (fixture->window))
                 == flash_window_get_study_button (fixture->window));

  /* The same file again changes nothing, and says so. */
  import_test_deck (fixture);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Test Deck: no changes");
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 1);
}

/* An Anki package imports through the window as a cheatsheet does, its decks with it; one that
 * is not a package says why. */
static void
test_import_anki (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *sheet = write_file (fixture, "test-deck.md", flash_test_window_deck, -1);
  g_autofree char *package = g_build_filename (fixture->dir, "test.apkg", NULL);
  g_autofree char *bad = write_file (fixture, "bad.apkg", "no zip", -1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  FlashStore *other = flash_store_open (other_path, &error);

  g_assert_no_error (error);
  g_assert_true (flash_store_import_file (other, sheet, NULL, &error));
  g_assert_true (flash_anki_export (other, 0, package, now, &error));
  g_assert_no_error (error);
  flash_store_close (other);

  import_path (fixture, package);
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "overview");
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Test Deck: 3 cards added");
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 1);

  import_path (fixture, bad);
  g_assert_nonnull (flash_window_get_dialog (fixture->window));

  /* A package with media: the toast says they were left out. */
  {
    const FlashArchiveCalls *la = flash_archive_calls (NULL);
    g_autofree char *with_media = g_build_filename (fixture->dir, "media.apkg", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GByteArray) db = g_byte_array_new ();
    struct archive *in = la->read_new ();
    struct archive *out = la->write_new ();
    struct archive_entry *entry;
    const char *names[] = { "collection.anki2", "media", "0", "1" };
    gsize length = 0;

    g_assert_true (g_file_get_contents (package, &contents, &length, NULL));
    la->read_support_format_zip (in);
    g_assert_cmpint (la->read_open_memory (in, contents, length), ==, ARCHIVE_OK);
    while (la->read_next_header (in, &entry) == ARCHIVE_OK)
      if (g_str_equal (la->entry_pathname (entry), "collection.anki2"))
        {
          char buffer[8192];
          la_ssize_t n;

          while ((n = la->read_data (in, buffer, sizeof buffer)) > 0)
            g_byte_array_append (db, (const guint8 *) buffer, (guint) n);
        }
    la->read_free (in);
    la->write_set_format_zip (out);
    g_assert_cmpint (la->write_open_filename (out, with_media), ==, ARCHIVE_OK);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        const void *bytes = i == 0 ? (const void *) db->data : i == 1 ? "{}" : "bytes";
        gsize size = i == 0 ? db->len : i == 1 ? 2 : 5;
        struct archive_entry *item = la->entry_new ();

        la->entry_set_pathname (item, names[i]);
        la->entry_set_size (item, (la_int64_t) size);
        la->entry_set_filetype (item, AE_IFREG);
        la->entry_set_perm (item, 0644);
        g_assert_cmpint (la->write_header (out, item), ==, ARCHIVE_OK);
        g_assert_cmpint (la->write_data (out, bytes, size), ==, (la_ssize_t) size);
        la->entry_free (item);
      }
    la->write_close (out);
    la->write_free (out);
    gtk_window_destroy (GTK_WINDOW (flash_window_get_dialog (fixture->window)));
    process_events ();
    import_path (fixture, with_media);
    g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==,
                     "Test Deck: no changes; 2 media files not imported");
  }
}

/* Export Anki Package… writes every deck in a worker, and a toast says where. */
static void
test_export_anki (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *written = g_build_filename (fixture->dir, "out.apkg", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(FlashAnkiPackage) package = NULL;
  g_autoptr(GError) error = NULL;

  import_test_deck (fixture);
  flash_window_export_to (fixture->window, written);
  while (g_strcmp0 (flash_window_get_last_toast (fixture->window), "Exported to out.apkg") != 0)
    g_main_context_iteration (NULL, TRUE);
  package = flash_anki_read (written, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (package->sheets->len, ==, 1);
  g_assert_cmpuint (((FlashSheet *) g_ptr_array_index (package->sheets, 0))->cards->len, ==, 3);
}

static void
test_import_bad (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char bad_text[] = "# Broken\n\n### Question\n\nAn answer \xff\xfe in Latin-1.\n";
  g_autofree char *path = write_file (fixture, "broken.md", bad_text, sizeof bad_text - 1);
  AdwMessageDialog *dialog;

  import_path (fixture, path);

  dialog = flash_window_get_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.md"));
  g_assert_null (flash_window_get_last_toast (fixture->window));

  g_assert_true (flash_store_is_empty (fixture->store));
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "empty");
}

static void
test_import_bad_keeps_decks (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "nothing.md", "Just a paragraph.\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) decks = NULL;
  const FlashDeckInfo *deck;

  import_test_deck (fixture);
  import_path (fixture, path);

  g_assert_nonnull (flash_window_get_dialog (fixture->window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (flash_window_get_dialog (fixture->window)),
                            "nothing.md"));

  decks = flash_store_list_decks (fixture->store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decks->len, ==, 1);
  deck = g_ptr_array_index (decks, 0);
  g_assert_cmpuint (deck->total, ==, 3);
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 1);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  gint64 deck_id;

  import_test_deck (fixture);
  deck_id = only_deck_id (fixture);

  /* Cancelling keeps the deck. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-deck", "x", deck_id);
  dialog = flash_window_get_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Test Deck”?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Its 3 cards will be deleted. Importing the cheatsheet again brings them back.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel");
  process_events ();
  g_assert_false (flash_store_is_empty (fixture->store));
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 1);

  /* After a review the dialog says that its history goes too. */
  review_one_card (fixture);
  g_assert_cmpstr (flash_window_get_count_text (fixture->window, "new"), ==, "2");
  g_assert_cmpstr (flash_window_get_count_text (fixture->window, "streak"), ==, "1-day streak");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-deck", "x", deck_id);
  dialog = flash_window_get_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "3 cards and the record of 1 review will be deleted"));

  /* Confirming deletes it and shows the empty state again. */
  adw_message_dialog_response (dialog, "delete");
  process_events ();

  g_assert_true (flash_store_is_empty (fixture->store));
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 0);
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "empty");
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "“Test Deck” deleted");
}

/* Collects the buttons below @widget, in tree order. */
static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/* A screen reader says what each control does, without mnemonic underscores; the deck row's
 * buttons say which deck they act on (the AT-SPI walk of tests/gui/test-a11y.sh checks the
 * names as Orca reads them). */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *study;

  import_test_deck (fixture);
  collect_buttons (GTK_WIDGET (flash_window_get_deck_row (fixture->window, 0)), buttons);
  /* The row opens the deck's page; its one button studies the deck. */
  g_assert_cmpuint (buttons->len, ==, 1);
  flash_test_assert_accessible_label (g_ptr_array_index (buttons, 0), "Study “Test Deck”");
  g_assert_true (gtk_list_box_row_get_activatable (
    GTK_LIST_BOX_ROW (flash_window_get_deck_row (fixture->window, 0))));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (g_ptr_array_index (buttons, 0)),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);

  /* The overview's Study button is named after what it shows now. */
  flash_test_assert_accessible_label (flash_window_get_study_button (fixture->window), "Study");
  review_one_card (fixture);
  review_one_card (fixture);
  review_one_card (fixture);
  study = flash_window_get_study_button (fixture->window);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (study)), ==, "All Done for Today");
  flash_test_assert_accessible_label (study, "All Done for Today");
}

/* Tab reaches every drawable, sensitive button of the window's page before it comes round to a
 * control it has been on: nothing traps the focus short of a button. */
static void
assert_tab_reaches_all (FlashWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) reached = g_ptr_array_new ();
  gboolean cycled = FALSE;

  collect_buttons (GTK_WIDGET (window), buttons);
  /* Tab until the focus comes back to a control it has been on: that is the whole cycle. */
  for (guint i = 0; i < 200 && !cycled; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      cycled = g_ptr_array_find (reached, focus, NULL);
      if (!cycled)
        g_ptr_array_add (reached, focus);
    }
  g_assert_true (cycled);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      gboolean found = FALSE;

      if (!gtk_widget_is_drawable (button) || !gtk_widget_is_sensitive (button))
        continue;
      /* GTK keeps the title bar's minimise, maximise and close out of the Tab chain: Ctrl+W and
       * the window manager's keys do those. */
      if (gtk_widget_get_ancestor (button, GTK_TYPE_WINDOW_CONTROLS) != NULL)
        continue;
      for (guint j = 0; j < reached->len && !found; j++)
        found = g_ptr_array_index (reached, j) == button
                || gtk_widget_is_ancestor (g_ptr_array_index (reached, j), button);
      if (!found)
        g_error ("Tab never reaches the %s “%s” (icon %s, in a %s)", G_OBJECT_TYPE_NAME (button),
                 gtk_widget_get_tooltip_text (button) != NULL
                 ? gtk_widget_get_tooltip_text (button)
                 : gtk_button_get_label (GTK_BUTTON (button)),
                 gtk_button_get_icon_name (GTK_BUTTON (button)),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (button)));
    }
}

/* The keyboard alone reaches every button of the overview, of a question and of an answer. */
static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  import_test_deck (fixture);
  assert_tab_reaches_all (fixture->window);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.study", NULL);
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "study");
  assert_tab_reaches_all (fixture->window);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "study.show-answer", NULL);
  process_events ();
  assert_tab_reaches_all (fixture->window);
}

static void
test_bundled_decks (Fixture       *fixture,
                    gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-bundled-decks", NULL);
  while (flash_window_is_importing (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  process_events ();

  g_assert_null (flash_window_get_dialog (fixture->window));
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "overview");
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 2);
  g_assert_nonnull (g_strrstr (flash_window_get_last_toast (fixture->window),
                               "2 cheatsheets imported"));
  /* Today's new cards are capped by the default limit of 20 a day. */
  g_assert_cmpstr (flash_window_get_count_text (fixture->window, "new"), ==, "20");
}

static gboolean
drop_files (Fixture    *fixture,
            const char *first_path,
            ...)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean accepted = FALSE;
  va_list args;

  va_start (args, first_path);
  for (const char *path = first_path; path != NULL; path = va_arg (args, const char *))
    files = g_slist_append (files, g_file_new_for_path (path));
  va_end (args);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);

  g_signal_emit_by_name (flash_window_get_drop_target (fixture->window), "drop",
                         &value, 10.0, 10.0, &accepted);
  while (flash_window_is_importing (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  process_events ();

  return accepted;
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *deck = write_file (fixture, "dropped.md", flash_test_window_deck, -1);
  g_autofree char *picture = write_file (fixture, "picture.png", "\x89PNG", -1);
  g_autofree char *page = write_file (fixture, "saved.HTML",
                                      "<title>Saved Page</title><h2>Web</h2><p>From a browser.</p>",
                                      -1);

  /* Only Markdown files and saved web pages are taken, and nothing else changes. */
  g_assert_false (drop_files (fixture, picture, NULL));
  g_assert_true (flash_store_is_empty (fixture->store));
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==,
                   "Only Markdown cheatsheets and saved web pages can be imported");

  g_assert_true (drop_files (fixture, picture, deck, NULL));
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 1);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Test Deck: 3 cards added");

  g_assert_true (drop_files (fixture, page, NULL));
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 2);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Saved Page: 1 card added");
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Puts @length bytes of @text on the clipboard as @mime_type and presses Ctrl+V, then waits
 * (a bounded while) for the toast or dialog that ends the paste. */
static void
paste (Fixture    *fixture,
       const char *mime_type,
       const char *text,
       gssize      length)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GdkContentProvider) provider = gdk_content_provider_new_for_bytes (mime_type, bytes);
  g_autofree char *before = g_strdup (flash_window_get_last_toast (fixture->window));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  gdk_clipboard_set_content (gtk_widget_get_clipboard (window), provider);
  /* A disabled action (while studying) is not run, and nothing ends: the wait is short. */
  if (g_strcmp0 (flash_window_get_page_name (fixture->window), "study") == 0)
    deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  gtk_widget_activate_action (window, "win.paste-sheet", NULL);
  while (g_strcmp0 (before, flash_window_get_last_toast (fixture->window)) == 0
         && flash_window_get_dialog (fixture->window) == NULL
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  process_events ();
}

static const char pasted_html[] =
  "<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\">"
  "<h1>Git Tips</h1><h2>Stash</h2><p>Put work <b>aside</b>.</p><h2>Größe</h2><p>Size.</p>";

/* Ctrl+V on the overview imports the clipboard's HTML (UTF-16, as Firefox gives it) into a deck
 * of its own; Undo removes it; the same text again changes nothing; while studying, Ctrl+V is
 * not an import. */
static void
test_paste (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GByteArray) utf16 = g_byte_array_new ();
  g_autofree char *converted = NULL;
  gsize length = 0;

  converted = g_convert (pasted_html, -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  g_byte_array_append (utf16, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (utf16, (const guint8 *) converted, (guint) length);

  /* On the empty page too: a first start can begin with a paste. */
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "empty");
  paste (fixture, "text/html", (const char *) utf16->data, (gssize) utf16->len);
  g_assert_null (flash_window_get_dialog (fixture->window));
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Git Tips: 2 cards added");
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 1);
  g_assert_true (gtk_widget_activate_action (window, "win.undo-paste", NULL));
  process_events ();
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Import undone");
  g_assert_true (flash_store_is_empty (fixture->store));
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "empty");

  paste (fixture, "text/html", pasted_html, -1);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Git Tips: 2 cards added");
  paste (fixture, "text/plain;charset=utf-8", "# Notes\n\n## One\n\nFirst.\n", -1);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Notes: 1 card added");
  paste (fixture, "text/html", pasted_html, -1);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Git Tips: no changes");
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 2);

  /* Text that makes no cards: an error that names it, and nothing changes. */
  paste (fixture, "text/plain", "just a line", -1);
  g_assert_nonnull (flash_window_get_dialog (fixture->window));
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 2);

  adw_message_dialog_response (flash_window_get_dialog (fixture->window), "close");
  process_events ();
  gtk_widget_activate_action (window, "win.study", NULL);
  process_events ();
  paste (fixture, "text/plain", "# While studying\n\n## One\n\nFirst.\n", -1);
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "study");
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Git Tips: no changes");
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GPtrArray) decks = flash_store_list_decks (fixture->store, now, NULL);

    g_assert_cmpuint (decks->len, ==, 2);
  }
}

static void
test_nothing_to_study (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FlashLimits limits = { .new_per_day = 0, .reviews_per_day = 200, .day_start_hour = 4 };
  GtkWidget *study_button = flash_window_get_study_button (fixture->window);

  import_test_deck (fixture);
  g_assert_true (gtk_widget_is_sensitive (study_button));

  /* With no new cards allowed and nothing reviewed yet, today is done. */
  flash_store_set_limits (fixture->store, &limits, &error);
  g_assert_no_error (error);
  flash_window_refresh (fixture->window);
  process_events ();

  g_assert_cmpstr (flash_window_get_count_text (fixture->window, "new"), ==, "0");
  g_assert_false (gtk_widget_is_sensitive (study_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (study_button)), ==, "All Done for Today");
}

static void
test_study_and_back (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  import_test_deck (fixture);

  gtk_widget_activate_action (window, "win.study", NULL);
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "study");
  /* Enter belongs to the study page while studying. */
  g_assert_null (gtk_window_get_default_widget (GTK_WINDOW (window)));

  /* A grade while studying leaves the page, and shows in the counts after going back. */
  review_one_card (fixture);
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "study");

  gtk_widget_activate_action (window, "win.back", NULL);
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "overview");
  g_assert_cmpstr (flash_window_get_count_text (fixture->window, "new"), ==, "2");
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (window))
                 == flash_window_get_study_button (fixture->window));
}

/* A study page that cannot record a grade says so in a toast of the window. */
static void
test_study_error_toast (Fixture       *fixture,
                        gconstpointer  data)
{
  import_test_deck (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.study", NULL);
  process_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (flash_window_get_study_button (fixture->window)),
                                             "win.show-toast", "s", "collection.db: the disk is full"));
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "collection.db: the disk is full");
}

/* A collection that fails its health check after the window showed its decks: the window shows
 * the error and stays on it, whatever refreshes follow. */
static void
test_check_fails_later (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED,
                                                 "collection.db: the collection is damaged");

  import_test_deck (fixture);
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "overview");
  flash_window_show_open_error (fixture->window, error);
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "error");
  gtk_window_destroy (GTK_WINDOW (flash_window_get_dialog (fixture->window)));

  flash_window_refresh (fixture->window);
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "error");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.study", NULL);
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "error");
}

static void
test_open_error (void)
{
  g_autoptr(GError) error = NULL;
  FlashWindow *window = flash_window_new (NULL, NULL);
  AdwMessageDialog *dialog;

  error = g_error_new_literal (FLASH_STORE_ERROR, FLASH_STORE_ERROR_TOO_NEW,
                               "The collection was written by a newer Flashsheet");
  gtk_window_present (GTK_WINDOW (window));
  flash_window_show_open_error (window, error);
  process_events ();

  g_assert_cmpstr (flash_window_get_page_name (window), ==, "error");
  dialog = flash_window_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer Flashsheet"));
  g_assert_false (gtk_widget_is_sensitive (flash_window_get_study_button (window)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  process_events ();
}

static void
test_settings (void)
{
  static const char * const choices[] = { "buttons", "full", NULL };
  g_autoptr(FlashSettings) settings = flash_settings_new ();
  g_autoptr(GtkAdjustment) adjustment = gtk_adjustment_new (0, 0, 99999, 1, 10, 0);
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const []) { "a", "b", NULL });
  AdwComboRow *row = g_object_ref_sink (ADW_COMBO_ROW (adw_combo_row_new ()));
  GtkWidget *preferences;
  FlashLimits limits;

  flash_settings_get_limits (settings, &limits);
  g_assert_cmpint (limits.new_per_day, ==, 20);
  g_assert_cmpint (limits.reviews_per_day, ==, 200);
  g_assert_cmpint (limits.day_start_hour, ==, 4);
  g_assert_false (flash_settings_get_full_scale (settings));
  g_assert_cmpfloat (flash_settings_get_text_scale (settings), ==, 1.0);

  /* A spin button's double value drives an integer key, as in the preferences window. */
  flash_settings_bind (settings, "new-cards-per-day", adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 20.0);
  gtk_adjustment_set_value (adjustment, 35);
  flash_settings_get_limits (settings, &limits);
  g_assert_cmpint (limits.new_per_day, ==, 35);

  /* A combo row's selected item drives a key with choices, both ways. */
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  flash_settings_bind_choice (settings, "grading-scale", row, "selected", choices);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  adw_combo_row_set_selected (row, 1);
  g_assert_true (flash_settings_get_full_scale (settings));

  /* The preferences window builds from its template and shows the current values. */
  preferences = flash_preferences_window_new (settings, NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  process_events ();
  gtk_window_destroy (GTK_WINDOW (preferences));
  process_events ();

  /* The memory backend lives as long as the process: leave the defaults for later tests. */
  gtk_adjustment_set_value (adjustment, 20);
  adw_combo_row_set_selected (row, 0);
  g_object_unref (row);
}

/* The preferences row titled @title, or NULL. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The preferences' scheduling rows change the collection's scheduler at once; FSRS's own rows
 * follow whether FSRS is chosen. */
static void
test_preferences_scheduler (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(FlashSettings) settings = flash_settings_new ();
  GtkWidget *preferences;
  AdwComboRow *row;
  GtkWidget *retention_row;
  GtkSpinButton *spin;
  GtkSwitch *fuzz;
  FlashScheduler scheduler;

  import_test_deck (fixture);
  preferences = flash_preferences_window_new (settings, fixture->collection);
  gtk_window_present (GTK_WINDOW (preferences));
  process_events ();
  row = ADW_COMBO_ROW (find_row (preferences, "_Scheduler"));
  retention_row = find_row (preferences, "Desired _Retention");
  g_assert_nonnull (row);
  g_assert_nonnull (retention_row);
  spin = GTK_SPIN_BUTTON (flash_test_find_type (retention_row, GTK_TYPE_SPIN_BUTTON));
  fuzz = GTK_SWITCH (flash_test_find_type (find_row (preferences, "_Fuzz Intervals"),
                                           GTK_TYPE_SWITCH));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (retention_row));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 0.9, 1e-9);
  g_assert_true (gtk_switch_get_active (fuzz));

  adw_combo_row_set_selected (row, 1);
  g_assert_true (gtk_widget_is_sensitive (retention_row));
  gtk_spin_button_set_value (spin, 0.85);
  gtk_switch_set_active (fuzz, FALSE);
  g_assert_true (flash_store_get_scheduler (fixture->store, &scheduler, NULL));
  g_assert_cmpint (scheduler.kind, ==, FLASH_SCHEDULER_FSRS);
  g_assert_cmpfloat_with_epsilon (scheduler.retention, 0.85, 1e-9);
  g_assert_false (scheduler.fuzz);

  adw_combo_row_set_selected (row, 0);
  g_assert_true (flash_store_get_scheduler (fixture->store, &scheduler, NULL));
  g_assert_cmpint (scheduler.kind, ==, FLASH_SCHEDULER_SM2);
  g_assert_cmpfloat_with_epsilon (scheduler.retention, 0.85, 1e-9);
  g_assert_false (gtk_widget_is_sensitive (retention_row));
  gtk_window_destroy (GTK_WINDOW (preferences));
  process_events ();
}

/* Ctrl+plus, Ctrl+minus and Ctrl+0 step the card text through its sizes, with a toast; the
 * preferences' row follows. */
static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FlashSettings) settings = flash_settings_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (
    (const char * const []) { "1", "2", "3", "4", "5", "6", NULL });
  AdwComboRow *row = g_object_ref_sink (ADW_COMBO_ROW (adw_combo_row_new ()));
  GtkWidget *window = GTK_WIDGET (fixture->window);

  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  flash_settings_bind_text_size (settings, row, "selected");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
  g_assert_true (gtk_widget_activate_action (window, "win.zoom-in", NULL));
  process_events ();
  g_assert_cmpfloat (flash_settings_get_text_scale (settings), ==, 1.2);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Card text 120 %");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 3);
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (window, "win.zoom-in", NULL));
  g_assert_cmpfloat (flash_settings_get_text_scale (settings), ==, 2.0);
  g_assert_true (gtk_widget_activate_action (window, "win.zoom-reset", NULL));
  g_assert_cmpfloat (flash_settings_get_text_scale (settings), ==, 1.0);
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (window, "win.zoom-out", NULL));
  g_assert_cmpfloat (flash_settings_get_text_scale (settings), ==, 0.8);
  /* The row sets it too; the normal size is left for later tests. */
  adw_combo_row_set_selected (row, 4);
  g_assert_cmpfloat (flash_settings_get_text_scale (settings), ==, 1.5);
  adw_combo_row_set_selected (row, 2);
  g_assert_cmpfloat (flash_settings_get_text_scale (settings), ==, 1.0);
  g_object_unref (row);
}

/* Notes a text on the import bar that names another import's files ("(3 of 17)"). */
static void
import_label_changed_cb (GtkLabel   *label,
                         GParamSpec *pspec,
                         gboolean   *stale)
{
  if (strstr (gtk_label_get_text (label), " of 17)") != NULL)
    *stale = TRUE;
}

static void
wait_for_imports (Fixture *fixture)
{
  while (flash_window_is_importing (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  process_events ();
}

/* Imports run in a worker: the window answers meanwhile (importing again is refused, with a
 * toast) and shows the result once they are done; Cancel stops them, each sheet all or nothing. */
static void
test_import_in_background (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *window = GTK_WIDGET (fixture->window);
  gboolean stale = FALSE;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("sheet-%02u.md", i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *path = NULL;

      g_string_append_printf (text, "# Sheet %02u\n\n", i);
      for (guint j = 0; j < 40; j++)
        g_string_append_printf (text, "## Item %u\n\nAnswer %u of sheet %u.\n\n", j, j, i);
      path = write_file (fixture, name, text->str, -1);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  flash_window_import_files (fixture->window, (GFile **) files->pdata, 3);
  g_assert_true (flash_window_is_importing (fixture->window));
  flash_window_import_files (fixture->window, (GFile **) files->pdata + 3, 1);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==,
                   "Wait for the import to finish, or cancel it");
  wait_for_imports (fixture);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==,
                   "3 cheatsheets imported, 120 cards added");
  g_assert_cmpuint (flash_window_get_n_deck_rows (fixture->window), ==, 3);

  /* Cancelled at once: the worker stops before the next sheet, or rolls back the one it is in. */
  flash_window_import_files (fixture->window, (GFile **) files->pdata + 3, 17);
  g_assert_true (gtk_widget_activate_action (window, "win.cancel-import", NULL));
  wait_for_imports (fixture);
  g_assert_true (g_str_has_prefix (flash_window_get_last_toast (fixture->window),
                                   "Import stopped"));
  decks = flash_store_list_decks (fixture->store, now, NULL);
  g_assert_cmpuint (decks->len, <, 20);
  for (guint i = 0; i < decks->len; i++)
    g_assert_cmpuint (((FlashDeckInfo *) g_ptr_array_index (decks, i))->total, ==, 40);
  g_assert_false (flash_window_is_importing (fixture->window));

  /* An import the window let go of (its store changed) reports into a queue the next import
   * finds: those reports never reach the new import's bar. */
  flash_window_import_files (fixture->window, (GFile **) files->pdata + 3, 17);
  g_usleep (100 * 1000);
  flash_window_stop_import (fixture->window);
  flash_window_import_files (fixture->window, (GFile **) files->pdata, 1);
  g_signal_connect (fixture->window->import_label, "notify::label",
                    G_CALLBACK (import_label_changed_cb), &stale);
  wait_for_imports (fixture);
  g_assert_false (stale);
}

int
main (int   argc,
      char *argv[])
{
  /* Without a session bus, GTK's accessibility bridge warns, and warnings are fatal here. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  flash_test_require_display ();
  /* GTK's test accessibility backend keeps the properties set on each widget, which
   * /window/accessible-names reads, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A page's cross-fade keeps the page it leaves mapped, and focusable, for a moment. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/window/empty", test_empty);
  ADD_TEST ("/window/import", test_import);
  ADD_TEST ("/window/import-anki", test_import_anki);
  ADD_TEST ("/window/export-anki", test_export_anki);
  ADD_TEST ("/window/import-bad", test_import_bad);
  ADD_TEST ("/window/import-bad-keeps-decks", test_import_bad_keeps_decks);
  ADD_TEST ("/window/delete", test_delete);
  ADD_TEST ("/window/accessible-names", test_accessible_names);
  ADD_TEST ("/window/tab-order", test_tab_order);
  ADD_TEST ("/window/bundled-decks", test_bundled_decks);
  ADD_TEST ("/window/drop", test_drop);
  ADD_TEST ("/window/paste", test_paste);
  ADD_TEST ("/window/nothing-to-study", test_nothing_to_study);
  ADD_TEST ("/window/study-and-back", test_study_and_back);
  ADD_TEST ("/window/study-error-toast", test_study_error_toast);
  ADD_TEST ("/window/check-fails-later", test_check_fails_later);
  ADD_TEST ("/window/zoom", test_zoom);
  ADD_TEST ("/window/preferences-scheduler", test_preferences_scheduler);
  ADD_TEST ("/window/import-in-background", test_import_in_background);
  g_test_add_func ("/window/open-error", test_open_error);
  g_test_add_func ("/window/settings", test_settings);

#undef ADD_TEST

  return g_test_run ();
}
