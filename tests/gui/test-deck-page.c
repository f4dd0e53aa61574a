/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-deck-page.c: a deck's page: its sections, renaming the deck, studying one section or one
 * tag, deleting the deck. */

#include "flash-test-display.h"
#include "flash-test-widgets.h"
#include "flash-test-window.h"
#include "config.h"

#include <sqlite3.h>

#include "flash-browser-page.h"
#include "flash-deck-page.h"
#include "flash-window-testing.h"

/* Opens the page of the collection's only deck, as activating its row does. */
static FlashDeckPage *
show_only_deck (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-deck", "x",
                                             only_deck_id (fixture)));
  process_events ();
  return flash_window_get_deck_page (fixture->window);
}

/* Activating a deck's row opens its page: its sections, browsing one of them and back, and
 * deleting the deck from there. */
static void
test_deck_page (Fixture       *fixture,
                gconstpointer  data)
{
  FlashDeckPage *page;
  AdwMessageDialog *dialog;
  gint64 deck_id;

  import_test_deck (fixture);
  deck_id = only_deck_id (fixture);
  g_signal_emit_by_name (flash_window_get_deck_row (fixture->window, 0), "activated");
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "deck");
  page = flash_window_get_deck_page (fixture->window);
  g_assert_cmpint (flash_deck_page_get_deck_id (page), ==, deck_id);
  g_assert_cmpuint (flash_deck_page_get_n_sections (page), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.browse-deck", "(xs)",
                                             deck_id, "Test Deck › Basics"));
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "browser");
  g_assert_cmpuint (flash_browser_page_get_n_results (flash_window_get_browser_page (
                      fixture->window)), ==, 3);
  /* Back goes to the deck's page, then to the overview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "deck");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.delete-deck", "x", deck_id));
  dialog = flash_window_get_dialog (fixture->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  process_events ();
  g_assert_true (flash_store_is_empty (fixture->store));
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "empty");
}

/* The deck page renames its deck through a dialog (a blank name is not offered) and studies one
 * section from its row's button. */
static void
test_deck_rename_and_section (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) decks = NULL;
  FlashDeckPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GtkWidget *study;

  import_test_deck (fixture);
  page = show_only_deck (fixture);
  g_signal_emit_by_name (flash_test_find_button (GTK_WIDGET (page), "_Rename…"), "clicked");
  process_events ();
  dialog = flash_window_get_dialog (fixture->window);
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Test Deck");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Quiz Night");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  adw_message_dialog_response (dialog, "rename");
  process_events ();
  decks = flash_store_list_decks (fixture->store, now, NULL);
  g_assert_cmpstr (((FlashDeckInfo *) g_ptr_array_index (decks, 0))->name, ==, "Quiz Night");
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Deck renamed");
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "deck");
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (page), "Quiz Night"));
  /* The section is named by its own heading, not by the sheet's old title. */
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (page), "Basics"));

  study = flash_test_find_button (GTK_WIDGET (page), "Study");
  g_assert_nonnull (study);
  g_signal_emit_by_name (study, "clicked");
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "study");
}

/* The only deck's own limit of new cards, as the store has it. */
static int
deck_limit (Fixture *fixture)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) decks = flash_store_list_decks (fixture->store, now, NULL);

  return ((FlashDeckInfo *) g_ptr_array_index (decks, 0))->new_per_day;
}

/* A sheet whose tags pick out parts of it: "threads" two cards, "processes" one, "tagged-deck"
 * every card (and so not offered). */
static const char tagged_sheet[] =
  "# Tagged Deck\n\n"
  "## Threads\n\n### Lock\n\nMutual exclusion.\n\n### Queue\n\nThread-safe FIFO.\n\n"
  "## Processes\n\n### Fork\n\nA copy of the process.\n";

/* "Study a Tag…" (T on the page) lists the deck's tags that are not on every card; activating
 * one studies only its cards, and the done page then speaks of that tag's cards alone. */
static void
test_deck_study_tag (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "tagged.md", tagged_sheet, -1);
  FlashDeckPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *row;
  guint n_rows = 0;

  import_path (fixture, path);
  page = show_only_deck (fixture);
  g_signal_emit_by_name (flash_test_find_button (GTK_WIDGET (page), "Study a _Tag…"), "clicked");
  process_events ();
  dialog = flash_window_get_dialog (fixture->window);
  g_assert_nonnull (dialog);
  list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (
                                          adw_message_dialog_get_extra_child (dialog)));
  if (GTK_IS_VIEWPORT (list))
    list = gtk_viewport_get_child (GTK_VIEWPORT (list));
  g_assert_true (GTK_IS_LIST_BOX (list));
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 2);
  g_assert_nonnull (flash_test_find_label (list, "processes"));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "threads");
  g_assert_nonnull (flash_test_find_label (row, "2 cards"));
  g_signal_emit_by_name (list, "row-activated", row);
  process_events ();
  g_assert_null (flash_window_get_dialog (fixture->window));
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "study");
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (fixture->window), "Tagged Deck › #threads"));
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (fixture->window), "2 left"));
}

/* The deck's own limit of new cards: the switch turns it on at the spin button's number, the
 * number changes it, and off lifts it; each is saved at once and shown again after a refresh. */
static void
test_deck_new_limit (Fixture       *fixture,
                     gconstpointer  data)
{
  FlashDeckPage *page;
  GtkWidget *toggle;
  GtkWidget *spin;

  import_test_deck (fixture);
  page = show_only_deck (fixture);
  toggle = flash_test_find_type (GTK_WIDGET (page), GTK_TYPE_SWITCH);
  spin = flash_test_find_type (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (toggle);
  g_assert_nonnull (spin);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_cmpint (deck_limit (fixture), ==, -1);

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  process_events ();
  g_assert_cmpint (deck_limit (fixture), ==, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
  process_events ();
  g_assert_cmpint (deck_limit (fixture), ==, 1);
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (page),
                                           "3 cards · 0 due today · 1 new today"));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  process_events ();
  g_assert_cmpint (deck_limit (fixture), ==, -1);
  g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_ancestor (spin, ADW_TYPE_ACTION_ROW)));
}

/* The number @sql counts in the collection, read beside the app's connection. */
static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (flash_store_get_path (fixture->store), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Cram, weakest first, from the deck's page: the study page with the same keys, a card graded
 * Again comes back, the done page says "Cram Done", and only the cram log was written. */
static void
test_deck_cram (Fixture       *fixture,
                gconstpointer  data)
{
  FlashStudyPage *study;
  AdwMessageDialog *dialog;
  guint graded = 0;

  import_test_deck (fixture);
  g_signal_emit_by_name (flash_test_find_button (GTK_WIDGET (show_only_deck (fixture)), "_Cram…"),
                         "clicked");
  process_events ();
  dialog = flash_window_get_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "weakest");
  adw_message_dialog_response (dialog, "weakest");
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "study");
  study = flash_window_get_study_page (fixture->window);
  g_assert_true (flash_study_page_is_cramming (study));
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (fixture->window), "Test Deck › Cram"));
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (study), "3 left"));
  while (!flash_study_page_is_done (study) && graded < 10)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (study), "study.show-answer", NULL));
      /* The buttons say whether the card comes back, not an interval. */
      if (graded == 0)
        g_assert_nonnull (flash_test_find_label (GTK_WIDGET (study), "comes back"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (study), "study.grade", "i",
                                                 graded == 0 ? 1 : 4));
      process_events ();
      graded++;
    }
  g_assert_cmpuint (graded, ==, 4);
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (study), "Cram Done"));
  /* Nothing to undo: the cram log keeps its answers. */
  gtk_widget_activate_action (GTK_WIDGET (study), "study.undo", NULL);
  process_events ();
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM cram_log"), ==, 4);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM review_log"), ==, 0);
}

/* The browser's Cram… (Ctrl+Shift+R) crams what it lists, here shuffled; a card action that
 * would take the card out of the cram is not offered while cramming; the overview's menu crams
 * every deck. */
static void
test_browser_cram (Fixture       *fixture,
                   gconstpointer  data)
{
  FlashStudyPage *study;
  AdwMessageDialog *dialog;

  import_test_deck (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.browse", NULL));
  while (flash_browser_page_is_searching (flash_window_get_browser_page (fixture->window)))
    g_main_context_iteration (NULL, TRUE);
  process_events ();
  g_assert_nonnull (flash_test_find_button (GTK_WIDGET (flash_window_get_browser_page (
                                              fixture->window)), "_Cram…"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cram-results",
                                             NULL));
  process_events ();
  dialog = flash_window_get_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cram These Cards?");
  adw_message_dialog_response (dialog, "random");
  process_events ();
  study = flash_window_get_study_page (fixture->window);
  g_assert_true (flash_study_page_is_cramming (study));
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (study), "3 left"));
  gtk_widget_activate_action (GTK_WIDGET (study), "study.suspend", NULL);
  process_events ();
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM cards WHERE suspended = 1"), ==, 0);

  /* The overview's menu crams every deck. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  process_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cram-all", NULL));
  process_events ();
  dialog = flash_window_get_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cram All Decks?");
  adw_message_dialog_response (dialog, "weakest");
  process_events ();
  g_assert_true (flash_study_page_is_cramming (study));
  g_assert_nonnull (flash_test_find_label (GTK_WIDGET (fixture->window), "All Decks › Cram"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  flash_test_require_display ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/deck-page/sections-and-delete", test_deck_page);
  ADD_TEST ("/deck-page/rename-and-section", test_deck_rename_and_section);
  ADD_TEST ("/deck-page/study-tag", test_deck_study_tag);
  ADD_TEST ("/deck-page/new-limit", test_deck_new_limit);
  ADD_TEST ("/deck-page/cram", test_deck_cram);
  ADD_TEST ("/deck-page/browser-cram", test_browser_cram);

#undef ADD_TEST

  return g_test_run ();
}
