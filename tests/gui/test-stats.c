/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stats.c: the Statistics page in the window: reached by its key and from a deck's page,
 * its numbers against a history graded here, the charts and the calendar by their keys, the
 * deck chooser, the empty state, and Back. */

#include "flash-test-display.h"
#include "flash-test-window.h"
#include "config.h"

#include "flash-stats-calendar.h"
#include "flash-stats-chart.h"
#include "flash-window-testing.h"

/* Presses a key as GTK does: through the shortcuts of @widget's controllers, else its key
 * controllers' handlers. */
static void
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                    GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_true (handled);
  process_events ();
}

static FlashStatsPage *
wait_for_page (Fixture *fixture)
{
  FlashStatsPage *page = flash_window_get_stats_page (fixture->window);

  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "stats");
  while (flash_stats_page_is_loading (page))
    g_main_context_iteration (NULL, TRUE);
  process_events ();
  return page;
}

static void
grade (Fixture    *fixture,
       const char *question,
       int         grade_value,
       GDateTime  *now)
{
  g_autoptr(GPtrArray) cards = flash_store_list_cards (fixture->store, 0, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < cards->len; i++)
    {
      FlashCard *card = g_ptr_array_index (cards, i);

      if (g_str_equal (card->question, question))
        {
          g_assert_true (flash_store_record_review (fixture->store, card->id, grade_value, now,
                                                    90000, NULL, &error));
          g_assert_no_error (error);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Before any review the page says there is nothing yet; Back leaves it. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  FlashStatsPage *page;

  import_test_deck (fixture);
  press (GTK_WIDGET (fixture->window), GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  page = wait_for_page (fixture);
  g_assert_true (flash_stats_page_is_empty (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "overview");
}

/* Yesterday one card Good; today two cards, Good and Again, 90 s each: the tiles, the calendar,
 * the forecast and the hours say so, and the arrow keys move along them. */
static void
test_numbers_and_keys (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) yesterday = flash_clock_parse ("2026-11-20T09:00:00Z", NULL);
  g_autoptr(GDateTime) today = flash_clock_parse ("2026-11-21T14:10:00Z", NULL);
  FlashStatsPage *page;
  FlashStatsChart *forecast;
  FlashStatsChart *hours;
  FlashStatsCalendar *calendar;
  g_autofree char *before = NULL;

  flash_clock_set_override (today);
  import_test_deck (fixture);
  grade (fixture, "What is one plus one?", FLASH_GRADE_GOOD, yesterday);
  grade (fixture, "What colour is a clear sky?", FLASH_GRADE_GOOD, today);
  grade (fixture, "What is the capital of France?", FLASH_GRADE_AGAIN, today);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-stats", "x",
                                             (gint64) 0));
  page = wait_for_page (fixture);
  g_assert_false (flash_stats_page_is_empty (page));
  g_assert_cmpstr (flash_stats_page_get_tile (page, "reviews"), ==, "2");
  g_assert_cmpstr (flash_stats_page_get_tile (page, "time"), ==, "3 min");
  g_assert_cmpstr (flash_stats_page_get_tile (page, "correct"), ==, "50 %");
  g_assert_cmpstr (flash_stats_page_get_tile (page, "streak"), ==, "2");

  /* The calendar starts on today; Up is yesterday, Left a week before. */
  calendar = FLASH_STATS_CALENDAR (flash_stats_page_get_part (page, "calendar"));
  g_assert_cmpstr (flash_stats_page_get_caption (page, "calendar"), ==,
                   "Saturday, 21 November 2026: 2 reviews in 3 minutes");
  press (GTK_WIDGET (calendar), GDK_KEY_Up, 0);
  g_assert_cmpstr (flash_stats_page_get_caption (page, "calendar"), ==,
                   "Friday, 20 November 2026: 1 review in 2 minutes");
  press (GTK_WIDGET (calendar), GDK_KEY_Left, 0);
  g_assert_cmpstr (flash_stats_page_get_caption (page, "calendar"), ==,
                   "Friday, 13 November 2026: no reviews");
  /* A day below 10 has no padding blank. */
  press (GTK_WIDGET (calendar), GDK_KEY_Left, 0);
  g_assert_cmpstr (flash_stats_page_get_caption (page, "calendar"), ==,
                   "Friday, 6 November 2026: no reviews");

  /* The forecast's 30 days: each card's first interval is a day, so yesterday's card is due
   * today and today's two tomorrow. */
  forecast = FLASH_STATS_CHART (flash_stats_page_get_part (page, "forecast"));
  g_assert_cmpuint (flash_stats_chart_get_n_bars (forecast), ==, 30);
  g_assert_cmpstr (flash_stats_page_get_caption (page, "forecast"), ==,
                   "Today: 1 due (1 young, 0 mature)");
  press (GTK_WIDGET (forecast), GDK_KEY_Right, 0);
  g_assert_cmpstr (flash_stats_page_get_caption (page, "forecast"), ==,
                   "Tomorrow: 2 due (2 young, 0 mature)");
  press (GTK_WIDGET (forecast), GDK_KEY_End, 0);
  g_assert_cmpuint (flash_stats_chart_get_selected (forecast), ==, 29);
  before = g_strdup (flash_stats_chart_get_text (forecast));
  press (GTK_WIDGET (forecast), GDK_KEY_Right, 0);
  g_assert_cmpstr (flash_stats_chart_get_text (forecast), ==, before);

  /* The hours start on the busiest: 14:00, with one of two correct. */
  hours = FLASH_STATS_CHART (flash_stats_page_get_part (page, "hours"));
  g_assert_cmpuint (flash_stats_chart_get_n_bars (hours), ==, 24);
  g_assert_cmpstr (flash_stats_page_get_caption (page, "hours"), ==,
                   "14:00–15:00: 2 reviews, 50.0 % correct");
  press (GTK_WIDGET (hours), GDK_KEY_Home, 0);
  g_assert_cmpstr (flash_stats_page_get_caption (page, "hours"), ==,
                   "00:00–01:00: 0 reviews, – correct");

  /* A grade from elsewhere and a new deck, then a reload (as the window makes when the
   * collection changes): the numbers follow, the deck appears in the chooser, the hour selected
   * stays selected. */
  {
    static const char other[] = "# Later Deck\n\n## One\n\nFirst.\n";
    g_autofree char *other_path = write_file (fixture, "later.md", other, -1);
    g_autoptr(GPtrArray) decks = NULL;
    GtkDropDown *chooser = GTK_DROP_DOWN (flash_stats_page_get_part (page, "deck"));

    import_path (fixture, other_path);
    grade (fixture, "What is one plus one?", FLASH_GRADE_GOOD, today);
    decks = flash_store_list_decks (fixture->store, today, NULL);
    flash_stats_page_reload (page, decks, today);
    page = wait_for_page (fixture);
    g_assert_cmpstr (flash_stats_page_get_tile (page, "reviews"), ==, "3");
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (chooser)), ==, 3);
    g_assert_cmpstr (flash_stats_page_get_caption (page, "hours"), ==,
                     "00:00–01:00: 0 reviews, – correct");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  process_events ();
  flash_clock_set_override (NULL);
}

/* From a deck's page the page shows that deck; the chooser goes to every deck and back. */
static void
test_deck_chooser (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) today = flash_clock_parse ("2026-11-21T10:00:00Z", NULL);
  static const char other[] = "# Other Deck\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n";
  g_autofree char *other_path = NULL;
  FlashStatsPage *page;
  GtkDropDown *chooser;
  gint64 test_deck;

  flash_clock_set_override (today);
  import_test_deck (fixture);
  test_deck = only_deck_id (fixture);
  other_path = write_file (fixture, "other.md", other, -1);
  import_path (fixture, other_path);
  grade (fixture, "One", FLASH_GRADE_GOOD, today);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-deck", "x",
                                             test_deck));
  process_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-stats", "x",
                                             (gint64) 0));
  page = wait_for_page (fixture);
  g_assert_cmpint (flash_stats_page_get_deck (page), ==, test_deck);
  /* The test deck has no review: the empty state. */
  g_assert_true (flash_stats_page_is_empty (page));

  chooser = GTK_DROP_DOWN (flash_stats_page_get_part (page, "deck"));
  g_assert_nonnull (chooser);
  gtk_drop_down_set_selected (chooser, 0);
  page = wait_for_page (fixture);
  g_assert_cmpint (flash_stats_page_get_deck (page), ==, 0);
  g_assert_false (flash_stats_page_is_empty (page));
  g_assert_cmpstr (flash_stats_page_get_tile (page, "reviews"), ==, "1");
  flash_clock_set_override (NULL);
}

int
main (int    argc,
      char **argv)
{
  /* The study day and the hours are read in UTC. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  flash_test_require_display ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/stats-page/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/stats-page/numbers-and-keys", Fixture, NULL, fixture_set_up,
              test_numbers_and_keys, fixture_tear_down);
  g_test_add ("/stats-page/deck-chooser", Fixture, NULL, fixture_set_up, test_deck_chooser,
              fixture_tear_down);

  return g_test_run ();
}
