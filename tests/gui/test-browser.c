/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-browser.c: the card browser in the real window: search, the state filter, the actions
 * with their toasts, delete and its Undo, the card editor and a changed source, and the way
 * back. */

#include "flash-test-accessible.h"
#include "flash-test-display.h"
#include "flash-test-widgets.h"
#include "config.h"

#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "flash-card-list.h"
#include "flash-edit-dialog.h"
#include "flash-search-runner.h"
#include "flash-window-testing.h"

typedef struct
{
  char            *dir;
  FlashCollection *collection; /* owns the store */
  FlashStore      *store;
  FlashWindow     *window;
} Fixture;

static const char deck_text[] =
  "# Test Deck\n\n## Basics\n\n### What is one plus one?\n\nTwo.\n\n"
  "### What colour is a clear sky?\n\nBlue.\n\n### The capital of France\n\nParis.\n";

static void
process_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->dir = g_dir_make_tmp ("flashsheet-test-browser-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "collection.sqlite", NULL);
  fixture->store = flash_store_open (path, &error);
  g_assert_no_error (error);
  fixture->collection = flash_collection_new_for_store (fixture->store);
  fixture->window = flash_window_new (NULL, fixture->collection);
  gtk_window_present (GTK_WINDOW (fixture->window));
  sheet = g_build_filename (fixture->dir, "deck.md", NULL);
  g_assert_true (g_file_set_contents (sheet, deck_text, -1, NULL));
  file = g_file_new_for_path (sheet);
  flash_window_import_files (fixture->window, &file, 1);
  while (flash_window_is_importing (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  process_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  process_events ();
  g_clear_object (&fixture->collection);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static FlashBrowserPage *
open_browser (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.browse", NULL));
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "browser");
  return flash_window_get_browser_page (fixture->window);
}

static gboolean
is_suspended (Fixture *fixture,
              gint64   id)
{
  g_autoptr(FlashCard) card = flash_store_get_card (fixture->store, id, NULL);

  return card->suspended;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  FlashBrowserPage *page = open_browser (fixture);

  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 3);
  flash_browser_page_set_search (page, "colou", FLASH_CARD_FILTER_ALL);
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 1);
  g_assert_cmpint (flash_browser_page_get_selected (page), >, 0);
  flash_browser_page_set_search (page, "", FLASH_CARD_FILTER_SUSPENDED);
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 0);
  g_assert_cmpint (flash_browser_page_get_selected (page), ==, 0);

  /* Back to the overview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "overview");
}

/* Suspend and unsuspend, then delete with the toast's Undo. */
static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  FlashBrowserPage *page = open_browser (fixture);
  GtkWidget *widget = GTK_WIDGET (page);
  gint64 id;

  flash_browser_page_select (page, 1);
  id = flash_browser_page_get_selected (page);
  g_assert_true (gtk_widget_activate_action (widget, "browser.suspend", NULL));
  process_events ();
  g_assert_true (is_suspended (fixture, id));
  flash_test_assert_accessible_label (flash_browser_page_get_suspend_button (page), "Unsuspend");
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Card suspended");
  g_assert_cmpint (flash_browser_page_get_selected (page), ==, id);
  g_assert_true (gtk_widget_activate_action (widget, "browser.suspend", NULL));
  process_events ();
  g_assert_false (is_suspended (fixture, id));

  g_assert_true (gtk_widget_activate_action (widget, "browser.delete", NULL));
  process_events ();
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Card deleted");
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undelete-card",
                                             NULL));
  process_events ();
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Card restored");
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 3);
}

static FlashEditDialog *
find_edit_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (FLASH_IS_EDIT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
import_text (Fixture    *fixture,
             const char *text)
{
  g_autofree char *sheet = g_build_filename (fixture->dir, "deck.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sheet);

  g_assert_true (g_file_set_contents (sheet, text, -1, NULL));
  flash_window_import_files (fixture->window, &file, 1);
  while (flash_window_is_importing (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  process_events ();
}

/* Ctrl+E edits the selected card: the preview follows the text, an empty answer is refused, the
 * edit is saved, kept by a re-import, and when the sheet's item changes the user chooses. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  FlashBrowserPage *page = open_browser (fixture);
  FlashEditDialog *dialog;
  g_autoptr(FlashCard) edited = NULL;
  g_autoptr(FlashCard) changed = NULL;
  g_autoptr(FlashCard) resolved = NULL;
  g_autoptr(GString) new_text = g_string_new (deck_text);
  gint64 id;

  flash_browser_page_select (page, 0);
  id = flash_browser_page_get_selected (page);
  g_assert_null (find_edit_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "browser.edit", NULL));
  process_events ();
  dialog = find_edit_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (flash_edit_dialog_get_preview (dialog), ==, "What is one plus one?\n\nTwo.");

  flash_edit_dialog_set_text (dialog, "What is 1 + 1?", "");
  g_assert_false (flash_edit_dialog_save (dialog));
  g_assert_true (find_edit_dialog () == dialog);
  flash_edit_dialog_set_text (dialog, "What is 1 + 1?", "**Two**, in base ten.");
  g_assert_cmpstr (flash_edit_dialog_get_preview (dialog), ==,
                   "What is 1 + 1?\n\n**Two**, in base ten.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  process_events ();
  g_assert_null (find_edit_dialog ());
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, "Card saved");
  edited = flash_store_get_card (fixture->store, id, NULL);
  g_assert_cmpstr (edited->question, ==, "What is 1 + 1?");
  g_assert_cmpstr (edited->answer, ==, "**Two**, in base ten.");
  g_assert_true (edited->edited);

  /* The same sheet again keeps the edit; a changed item asks which text stays. */
  import_text (fixture, deck_text);
  g_clear_pointer (&edited, flash_card_free);
  edited = flash_store_get_card (fixture->store, id, NULL);
  g_assert_cmpstr (edited->answer, ==, "**Two**, in base ten.");
  g_assert_false (edited->source_changed);
  g_string_replace (new_text, "Two.", "Two, always.", 1);
  import_text (fixture, new_text->str);
  changed = flash_store_get_card (fixture->store, id, NULL);
  g_assert_cmpstr (changed->answer, ==, "**Two**, in base ten.");
  g_assert_true (changed->source_changed);
  flash_browser_page_refresh (page);
  flash_browser_page_select (page, 0);
  g_assert_cmpint (flash_browser_page_get_selected (page), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "browser.use-source", NULL));
  process_events ();
  resolved = flash_store_get_card (fixture->store, id, NULL);
  g_assert_cmpstr (resolved->question, ==, "What is one plus one?");
  g_assert_cmpstr (resolved->answer, ==, "Two, always.");
  g_assert_false (resolved->source_changed);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==,
                   "The cheatsheet’s text is used");
}

/* The selected card's reviews, newest first; Open Source File says when there is no file. */
static void
test_history_and_source (Fixture       *fixture,
                         gconstpointer  data)
{
  FlashBrowserPage *page = open_browser (fixture);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 21, 10, 0, 0);
  g_autofree char *sheet = g_build_filename (fixture->dir, "deck.md", NULL);
  g_autofree char *expected = NULL;
  FlashReviewResult result = { 0 };
  gint64 id;

  flash_browser_page_select (page, 0);
  id = flash_browser_page_get_selected (page);
  g_assert_cmpstr (flash_browser_page_get_history (page), ==, "No reviews yet");
  g_assert_true (flash_store_record_review (fixture->store, id, 5, now, 1000, &result, NULL));
  g_assert_true (flash_store_record_review (fixture->store, id, 2, now, 1000, &result, NULL));
  flash_browser_page_refresh (page);
  flash_browser_page_select (page, 0);
  g_assert_nonnull (strstr (flash_browser_page_get_history (page), "grade 2 · next in 1 day\n"));
  g_assert_true (g_str_has_suffix (flash_browser_page_get_history (page),
                                   "grade 5 · next in 1 day"));

  /* The sheet moved away: the toast says where it was. */
  g_assert_cmpint (g_unlink (sheet), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "browser.open-source", NULL));
  process_events ();
  expected = g_strdup_printf ("The cheatsheet is no longer at %s", sheet);
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==, expected);
}

/* A label in @widget's tree whose text starts with @prefix, or NULL. */
static const char *
label_with_prefix (GtkWidget  *widget,
                   const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = label_with_prefix (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Under FSRS the selected card's schedule says its stability, difficulty and retrievability. */
static void
test_fsrs_schedule (Fixture       *fixture,
                    gconstpointer  data)
{
  FlashBrowserPage *page = open_browser (fixture);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  FlashReviewResult result = { 0 };
  FlashScheduler scheduler;
  const char *text;
  gint64 id;

  flash_browser_page_select (page, 0);
  id = flash_browser_page_get_selected (page);
  g_assert_true (flash_store_record_review (fixture->store, id, FLASH_GRADE_GOOD, now, 1000,
                                            &result, NULL));
  flash_browser_page_refresh (page);
  flash_browser_page_select (page, 0);
  g_assert_nonnull (label_with_prefix (GTK_WIDGET (page), "Repetitions: 1 · Ease: 2.50"));

  flash_scheduler_init (&scheduler);
  scheduler.kind = FLASH_SCHEDULER_FSRS;
  g_assert_true (flash_store_set_scheduler (fixture->store, &scheduler, NULL));
  flash_browser_page_refresh (page);
  flash_browser_page_select (page, 0);
  text = label_with_prefix (GTK_WIDGET (page), "Stability: ");
  g_assert_nonnull (text);
  /* A first Good: S = w2 = 2.3065 days, D = 2.1181, R = 100 % on the day of the review. */
  g_assert_true (g_str_has_prefix (text, "Stability: 2.3 days · Difficulty: 2.1 · "
                                         "Retrievability: 100 % · Interval: 1 day"));
}

/* The deck and section drop-downs narrow the cards, and follow a deck imported later. */
static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  FlashBrowserPage *page = open_browser (fixture);
  g_autofree char *other = g_build_filename (fixture->dir, "other.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other);
  gint64 test_deck = flash_store_find_deck (fixture->store, "Test Deck", NULL);
  gint64 other_deck;

  g_assert_true (flash_browser_page_set_scope (page, test_deck, "Test Deck › Basics"));
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 3);
  g_assert_true (g_file_set_contents (other, "# Other Deck\n\n## Rivers\n\n### The Nile\n\n"
                                      "Long.\n\n## Hills\n\n### Ben Nevis\n\nHigh.\n", -1, NULL));
  flash_window_import_files (fixture->window, &file, 1);
  while (flash_window_is_importing (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  process_events ();
  other_deck = flash_store_find_deck (fixture->store, "Other Deck", NULL);
  /* The import refreshed the list: the chosen deck stays chosen. */
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 3);
  g_assert_true (flash_browser_page_set_scope (page, other_deck, NULL));
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 2);
  g_assert_true (flash_browser_page_set_scope (page, other_deck, "Other Deck › Hills"));
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 1);
  g_assert_false (flash_browser_page_set_scope (page, other_deck, "Other Deck › Lakes"));
  g_assert_true (flash_browser_page_set_scope (page, 0, NULL));
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 5);
}

/* Each set of rows that comes in, as its first row's question (after the change that removes
 * the old rows, one change adds the new). */
static void
record_rows_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                GPtrArray  *shown)
{
  g_autoptr(GObject) first = NULL;

  if (added == 0 || position > 0)
    return;
  first = g_list_model_get_item (model, 0);
  g_ptr_array_add (shown, g_strdup (flash_card_item_get_card (FLASH_CARD_ITEM (first))->question));
}

/* The list of cards (the drop-downs hold list views of their own). */
static GtkListView *
find_card_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

      if (GTK_IS_SINGLE_SELECTION (model)
          && FLASH_IS_CARD_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))))
        return GTK_LIST_VIEW (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_card_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types @text into the search entry as a keystroke does (without the entry's delay). */
static void
type_search (GtkWidget  *entry,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

/* What is typed is searched in the worker: the rows change when its results are in, and a
 * search typed over is given up, so its results never show. */
static void
test_type_ahead (Fixture       *fixture,
                 gconstpointer  data)
{
  FlashBrowserPage *page = open_browser (fixture);
  GtkWidget *entry = flash_test_find_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (find_card_list (GTK_WIDGET (page))));
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 3);
  g_signal_connect (rows, "items-changed", G_CALLBACK (record_rows_cb), shown);
  type_search (entry, "colou");
  g_assert_true (flash_browser_page_is_searching (page));
  g_assert_cmpuint (shown->len, ==, 0);
  while (flash_browser_page_is_searching (page))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 1);
  g_assert_cmpuint (shown->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (shown, shown->len - 1), ==, "What colour is a clear sky?");

  /* Two keystrokes in a row: the first one's rows never show, only the second's (the window may
   * refresh them meanwhile, when it becomes active, say). */
  g_ptr_array_set_size (shown, 0);
  type_search (entry, "sky");
  type_search (entry, "paris");
  while (flash_browser_page_is_searching (page))
    g_main_context_iteration (NULL, TRUE);
  process_events ();
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 1);
  g_assert_cmpuint (shown->len, >=, 1);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (g_ptr_array_index (shown, i), ==, "The capital of France");
  g_signal_handlers_disconnect_by_func (rows, record_rows_cb, shown);
}

/* A search that finds many cards shows its first page at once and the rest when they are read:
 * the rows grow, and the selected card stays selected. */
static void
test_long_results (Fixture       *fixture,
                   gconstpointer  data)
{
  FlashBrowserPage *page = open_browser (fixture);
  GtkWidget *entry = flash_test_find_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *path = g_build_filename (fixture->dir, "many.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) sheet = g_string_new ("# Many\n\n");
  gint64 first;

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (sheet, "## Walrus %u\n\nAnswer %u.\n\n", i, i);
  g_assert_true (g_file_set_contents (path, sheet->str, -1, NULL));
  flash_window_import_files (fixture->window, &file, 1);
  while (flash_window_is_importing (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  process_events ();

  type_search (entry, "walrus");
  while (flash_browser_page_is_searching (page))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 50);
  first = flash_browser_page_get_selected (page);
  g_assert_cmpint (first, >, 0);
  while (flash_browser_page_get_n_results (page) < 250)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (flash_browser_page_get_selected (page), ==, first);
  process_events ();
  g_assert_cmpuint (flash_browser_page_get_n_results (page), ==, 250);

  /* Selecting a row far down scrolls the list to it. */
  {
    GtkWidget *list = GTK_WIDGET (find_card_list (GTK_WIDGET (page)));
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);
    flash_browser_page_select (page, 240);
    for (guint i = 0; i < 20; i++)
      {
        process_events ();
        g_usleep (10000);
      }
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0.0);
  }
}

typedef struct
{
  guint order;       /* what has run so far */
  guint search_done; /* when the search's callback ran */
  guint frame;       /* when the stand-in for the frame ran */
  GArray *ids;
} Race;

static void
race_search_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Race *race = user_data;
  g_autoptr(GError) error = NULL;

  race->ids = flash_search_runner_finish (FLASH_SEARCH_RUNNER (source), result, &error);
  g_assert_no_error (error);
  race->search_done = ++race->order;
}

static gboolean
race_frame_cb (gpointer user_data)
{
  Race *race = user_data;

  race->frame = ++race->order;
  return G_SOURCE_REMOVE;
}

typedef struct
{
  FlashBrowserPage *page;
  gboolean          ran;
  guint             rows; /* the page's rows when the frame came */
} PageFrame;

static gboolean
page_frame_cb (gpointer user_data)
{
  PageFrame *frame = user_data;

  frame->ran = TRUE;
  frame->rows = flash_browser_page_get_n_results (frame->page);
  return G_SOURCE_REMOVE;
}

/* When the worker's search has ended within the wait, its results come before a frame that was
 * already due: a typed letter and its first results are drawn together. */
static void
test_first_page_before_frame (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(FlashSearchRunner) runner = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  FlashCardSearch search = { .text = "paris" };

  runner = flash_search_runner_new (flash_store_get_path (fixture->store));
  for (guint round = 0; round < 20; round++)
    {
      Race race = { 0 };

      process_events ();
      /* The frame the typed letter asked for, at GDK's priority for drawing. */
      g_idle_add_full (GDK_PRIORITY_REDRAW, race_frame_cb, &race, NULL);
      flash_search_runner_run (runner, &search, now, 50, NULL, race_search_cb, &race);
      g_assert_true (flash_search_runner_wait (runner, 10 * G_USEC_PER_SEC));
      while (race.frame == 0 || race.search_done == 0)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (race.search_done, ==, 1);
      g_assert_cmpuint (race.frame, ==, 2);
      g_assert_cmpuint (race.ids->len, ==, 1);
      g_array_unref (race.ids);
    }

  /* The page searches at each key and waits for its worker: the frame after the keystroke
   * shows the new rows (1 card, not the 3 before). */
  {
    FlashBrowserPage *page = open_browser (fixture);
    GtkWidget *entry = flash_test_find_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
    const char *typed[] = { "paris", "", "capital", "" };

    /* The worker opens its connection at its first search, which may take longer than the
     * wait. */
    type_search (entry, "sky");
    while (flash_browser_page_is_searching (page))
      g_main_context_iteration (NULL, TRUE);

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        PageFrame frame = { .page = page };

        /* As typed: the entry starts the search itself, with no delay after the key. */
        gtk_editable_set_text (GTK_EDITABLE (entry), typed[i]);
        g_idle_add_full (GDK_PRIORITY_REDRAW, page_frame_cb, &frame, NULL);
        while (!frame.ran)
          g_main_context_iteration (NULL, TRUE);
        g_assert_cmpuint (frame.rows, ==, *typed[i] != '\0' ? 1 : 3);
        while (flash_browser_page_is_searching (page))
          g_main_context_iteration (NULL, TRUE);
      }
  }
}

/* The card a typed search selects shows its code whole: GtkTextView lays its lines out after it
 * is mapped, and a code block measured before that used to keep no height at all. */
static void
test_typed_code (Fixture       *fixture,
                 gconstpointer  data)
{
  FlashBrowserPage *page = open_browser (fixture);
  GtkWidget *entry = flash_test_find_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *path = g_build_filename (fixture->dir, "scala.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *code;

  g_assert_true (g_file_set_contents (path, "# Scala\n\n## Collections\n\n```scala\n"
                                      "xs.map(_ * 2)      // transform each element\n"
                                      "xs.filter(_ > 3)   // keep matching elements\n"
                                      "xs.sum             // add them all up\n```\n", -1, NULL));
  flash_window_import_files (fixture->window, &file, 1);
  while (flash_window_is_importing (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  process_events ();
  for (const char *typed = "m"; typed != NULL;)
    {
      type_search (entry, typed);
      while (flash_browser_page_is_searching (page))
        g_main_context_iteration (NULL, TRUE);
      typed = g_str_equal (typed, "m") ? "ma" : g_str_equal (typed, "ma") ? "matching" : NULL;
    }
  for (guint i = 0; i < 30; i++)
    {
      process_events ();
      g_usleep (10000);
    }
  code = flash_test_find_type (GTK_WIDGET (page), GTK_SOURCE_TYPE_VIEW);
  g_assert_nonnull (code);
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_parent (code)), >, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  flash_test_require_display ();
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD_TEST ("/browser/search", test_search);
  ADD_TEST ("/browser/actions", test_actions);
  ADD_TEST ("/browser/edit", test_edit);
  ADD_TEST ("/browser/history-and-source", test_history_and_source);
  ADD_TEST ("/browser/fsrs-schedule", test_fsrs_schedule);
  ADD_TEST ("/browser/scope", test_scope);
  ADD_TEST ("/browser/type-ahead", test_type_ahead);
  ADD_TEST ("/browser/long-results", test_long_results);
  ADD_TEST ("/browser/first-page-before-frame", test_first_page_before_frame);
  ADD_TEST ("/browser/typed-code", test_typed_code);
#undef ADD_TEST

  return g_test_run ();
}
