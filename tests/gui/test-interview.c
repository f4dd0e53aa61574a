/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-interview.c: a mock interview in the app, by its keys: the set-up dialog, the questions
 * with notes, pausing, the time running out, ending early, the report and its actions, the
 * history, and resuming an interview that a window was closed in. */

#include "flash-test-display.h"
#include "flash-test-window.h"
#include "config.h"

#include "flash-interview.h"
#include "flash-study-page.h"
#include "flash-window-testing.h"

/* Presses a key as GTK does for a key event: through the shortcuts of @widget's controllers. */
static void
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              found = TRUE;
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
            }
        }
    }
  g_assert_true (found);
  process_events ();
}

/* Ctrl+I on the deck's page: the set-up dialog, planned as given, started with Ctrl+Enter. */
static FlashInterviewPage *
start_interview (Fixture             *fixture,
                 guint                n_questions,
                 FlashInterviewLimit  limit,
                 guint                amount)
{
  FlashInterviewSetup *setup;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-deck", "x",
                                             only_deck_id (fixture)));
  process_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.choose-interview", "x", (gint64) 0));
  process_events ();
  setup = flash_window_get_interview_setup (fixture->window);
  g_assert_nonnull (setup);
  flash_interview_setup_set_plan (setup, n_questions, limit, amount, 7);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (setup), "setup.start", NULL));
  process_events ();
  g_assert_null (flash_window_get_interview_setup (fixture->window));
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "interview");
  return flash_window_get_interview_page (fixture->window);
}

static gint64
only_interview (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = flash_store_interview_list (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  return ((FlashInterview *) g_ptr_array_index (all, 0))->id;
}

/* The deck's page offers the deck, its section and no tag (each is on every card); a plan with
 * no topic cannot start. */
static void
test_interview_setup (Fixture       *fixture,
                      gconstpointer  data)
{
  FlashInterviewSetup *setup;

  import_test_deck (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.choose-interview", "x",
                                             only_deck_id (fixture)));
  process_events ();
  setup = flash_window_get_interview_setup (fixture->window);
  g_assert_nonnull (setup);
  g_assert_cmpuint (flash_interview_setup_get_n_topics (setup), ==, 2);
  g_assert_true (flash_interview_setup_can_start (setup));
  flash_interview_setup_set_topic (setup, 0, FALSE);
  g_assert_false (flash_interview_setup_can_start (setup));
  /* Ctrl+Enter does nothing then; Escape closes without an interview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (setup), "setup.start", NULL));
  process_events ();
  g_assert_nonnull (flash_window_get_interview_setup (fixture->window));
  flash_interview_setup_set_topic (setup, 1, TRUE);
  g_assert_true (flash_interview_setup_can_start (setup));
  gtk_window_close (GTK_WINDOW (setup));
  process_events ();
  g_assert_null (flash_window_get_interview_setup (fixture->window));
  g_assert_true (flash_store_interview_unfinished (fixture->store) == 0);
}

/* Three questions by their keys: notes typed, Ctrl+Enter, 3 (Good); Ctrl+P pauses the clock;
 * 1 (Again); Escape ends early. The report scores a third, lists two missed questions, and
 * neither the review log nor the schedule has changed until asked. */
static void
test_interview_keys_and_report (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(FlashInterview) interview = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  FlashInterviewPage *page;
  FlashInterviewReport *report;
  FlashInterviewQuestion *first;
  g_autofree char *clock = NULL;
  gint64 id;

  import_test_deck (fixture);
  page = start_interview (fixture, 3, FLASH_INTERVIEW_NO_LIMIT, 0);
  id = only_interview (fixture);
  g_assert_cmpint (flash_interview_page_get_position (page), ==, 0);
  g_assert_false (flash_interview_page_is_revealed (page));
  /* The digits are grades only once the answer shows. */
  press (GTK_WIDGET (page), GDK_KEY_3, 0);
  g_assert_cmpint (flash_interview_page_get_position (page), ==, 0);
  gtk_text_buffer_set_text (flash_interview_page_get_notes (page), "said two", -1);
  press (GTK_WIDGET (page), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (flash_interview_page_is_revealed (page));
  press (GTK_WIDGET (page), GDK_KEY_3, 0);
  g_assert_cmpint (flash_interview_page_get_position (page), ==, 1);
  /* Each question starts with empty notes. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (flash_interview_page_get_notes (page)), ==, 0);

  /* Paused, the clock stands still however long it is. */
  press (GTK_WIDGET (page), GDK_KEY_p, GDK_CONTROL_MASK);
  g_assert_true (flash_interview_page_is_paused (page));
  clock = g_strdup (flash_interview_page_get_clock (page));
  flash_interview_page_pass_time (page, 90 * 1000);
  g_assert_cmpstr (flash_interview_page_get_clock (page), ==, clock);
  press (GTK_WIDGET (page), GDK_KEY_p, GDK_CONTROL_MASK);
  g_assert_false (flash_interview_page_is_paused (page));
  flash_interview_page_pass_time (page, 61 * 1000);
  g_assert_cmpstr (flash_interview_page_get_clock (page), !=, clock);

  press (GTK_WIDGET (page), GDK_KEY_Return, GDK_CONTROL_MASK);
  press (GTK_WIDGET (page), GDK_KEY_1, 0);
  g_assert_cmpint (flash_interview_page_get_position (page), ==, 2);

  /* Escape asks; the interview waits, paused, for the answer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "interview");
  g_assert_true (flash_interview_page_is_paused (page));
  adw_message_dialog_response (flash_interview_page_get_end_dialog (page), "end");
  process_events ();

  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "report");
  report = flash_window_get_report_page (fixture->window);
  g_assert_cmpint (flash_interview_report_get_id (report), ==, id);
  g_assert_cmpstr (flash_interview_report_get_score (report), ==, "33 %");
  g_assert_cmpuint (flash_interview_report_get_n_rows (report, "Topics"), ==, 1);
  g_assert_cmpuint (flash_interview_report_get_n_rows (report, "Missed Questions"), ==, 2);
  g_assert_cmpuint (flash_interview_report_get_missed (report)->len, ==, 2);

  interview = flash_store_interview_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (interview->finished, !=, 0);
  first = g_ptr_array_index (interview->questions, 0);
  g_assert_cmpint (first->grade, ==, FLASH_GRADE_GOOD);
  g_assert_cmpstr (first->note, ==, "said two");
  g_assert_cmpint (((FlashInterviewQuestion *) g_ptr_array_index (interview->questions,
                                                                  1))->grade, ==,
                   FLASH_GRADE_AGAIN);
  g_assert_cmpint (((FlashInterviewQuestion *) g_ptr_array_index (interview->questions,
                                                                  2))->grade, ==, -1);
  decks = flash_store_list_decks (fixture->store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((FlashDeckInfo *) g_ptr_array_index (decks, 0))->reviews, ==, 0);
  g_assert_cmpuint (((FlashDeckInfo *) g_ptr_array_index (decks, 0))->new_cards, ==, 3);

  /* Its cards are new: adding them to today's reviews moves none, and says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "win.review-missed", "x", id));
  process_events ();
  g_assert_cmpstr (flash_window_get_last_toast (fixture->window), ==,
                   "The missed cards are due today already, or new");
  /* Cramming them studies the two, the schedule untouched. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "win.cram-missed", "x", id));
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "study");
  g_assert_true (flash_study_page_is_cramming (flash_window_get_study_page (fixture->window)));
}

/* A question's own limit runs out: recorded as out of time, its answer shown, Ctrl+Enter goes
 * on. The whole interview's limit runs out: the report, the rest unanswered. */
static void
test_interview_time_runs_out (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(FlashInterview) interview = NULL;
  g_autoptr(GError) error = NULL;
  FlashInterviewPage *page;
  FlashInterviewQuestion *first;
  gint64 id;

  import_test_deck (fixture);
  page = start_interview (fixture, 3, FLASH_INTERVIEW_QUESTION_LIMIT, 30);
  g_assert_cmpstr (flash_interview_page_get_clock (page), ==, "0:30");
  flash_interview_page_pass_time (page, 29 * 1000);
  g_assert_false (flash_interview_page_is_revealed (page));
  flash_interview_page_pass_time (page, 2 * 1000);
  g_assert_true (flash_interview_page_is_revealed (page));
  g_assert_cmpstr (flash_interview_page_get_clock (page), ==, "0:00");
  /* Grades are no longer taken: the digit does nothing, Ctrl+Enter goes on. */
  press (GTK_WIDGET (page), GDK_KEY_4, 0);
  g_assert_cmpint (flash_interview_page_get_position (page), ==, 0);
  press (GTK_WIDGET (page), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_cmpint (flash_interview_page_get_position (page), ==, 1);
  g_assert_cmpstr (flash_interview_page_get_clock (page), ==, "0:30");
  id = flash_interview_page_get_id (page);
  interview = flash_store_interview_get (fixture->store, id, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (interview->questions, 0);
  g_assert_true (first->timed_out);
  g_clear_pointer (&interview, flash_interview_free);
  flash_interview_page_ask_end (page);
  adw_message_dialog_response (flash_interview_page_get_end_dialog (page), "end");
  process_events ();

  page = start_interview (fixture, 3, FLASH_INTERVIEW_TOTAL_LIMIT, 1);
  g_assert_cmpstr (flash_interview_page_get_clock (page), ==, "1:00");
  id = flash_interview_page_get_id (page);
  flash_interview_page_pass_time (page, 61 * 1000);
  g_assert_cmpstr (flash_window_get_page_name (fixture->window), ==, "report");
  g_assert_cmpstr (flash_interview_report_get_score (flash_window_get_report_page (
                     fixture->window)), ==, "0 %");
  /* The first interview is among the earlier ones. */
  g_assert_cmpuint (flash_interview_report_get_n_rows (flash_window_get_report_page (
                      fixture->window), "Earlier Interviews"), ==, 1);
  interview = flash_store_interview_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (interview->finished, !=, 0);
  g_assert_true (((FlashInterviewQuestion *) g_ptr_array_index (interview->questions,
                                                                0))->timed_out);
}

/* An interview left unfinished (the app closed or killed) is offered again by the next window:
 * Resume goes on at the first question without an answer, the clock where it stopped. */
static void
test_interview_resume (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_topic_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(FlashInterview) interview = NULL;
  g_autoptr(GError) error = NULL;
  FlashInterviewPlan plan = { 0 };
  FlashInterviewQuestion *first;
  FlashInterviewPage *page;
  AdwMessageDialog *dialog;
  FlashWindow *window;
  gint64 id;

  import_test_deck (fixture);
  g_ptr_array_add (topics, flash_topic_new (FLASH_TOPIC_DECK, only_deck_id (fixture),
                                            "Test Deck"));
  plan.topics = topics;
  plan.n_questions = 3;
  plan.total_seconds = 600;
  plan.seed = 11;
  id = flash_store_interview_start (fixture->store, &plan, now, &error);
  g_assert_no_error (error);
  interview = flash_store_interview_get (fixture->store, id, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (interview->questions, 0);
  g_assert_true (flash_store_interview_answer (fixture->store, id, first->card_id,
                                               FLASH_GRADE_GOOD, FALSE, 4000, NULL, 125 * 1000,
                                               now, &error));
  g_assert_no_error (error);

  window = flash_window_new (NULL, fixture->collection);
  gtk_window_present (GTK_WINDOW (window));
  process_events ();
  dialog = flash_window_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Resume the Interview?");
  adw_message_dialog_response (dialog, "resume");
  process_events ();
  g_assert_cmpstr (flash_window_get_page_name (window), ==, "interview");
  page = flash_window_get_interview_page (window);
  g_assert_cmpint (flash_interview_page_get_id (page), ==, id);
  g_assert_cmpint (flash_interview_page_get_position (page), ==, 1);
  /* Ten minutes less the 2:05 spent. */
  g_assert_cmpstr (flash_interview_page_get_clock (page), ==, "7:55");
  /* A minute on, paused, the window closed: the next one resumes with that minute spent. */
  flash_interview_page_pass_time (page, 60 * 1000);
  g_assert_cmpstr (flash_interview_page_get_clock (page), ==, "6:55");
  press (GTK_WIDGET (page), GDK_KEY_p, GDK_CONTROL_MASK);
  gtk_window_destroy (GTK_WINDOW (window));
  process_events ();
  window = flash_window_new (NULL, fixture->collection);
  gtk_window_present (GTK_WINDOW (window));
  process_events ();
  adw_message_dialog_response (flash_window_get_dialog (window), "resume");
  process_events ();
  g_assert_cmpstr (flash_interview_page_get_clock (flash_window_get_interview_page (window)), ==,
                   "6:55");
  gtk_window_destroy (GTK_WINDOW (window));
  process_events ();

  /* Not Now leaves it; a window opened later asks again, and Discard forgets it. */
  window = flash_window_new (NULL, fixture->collection);
  gtk_window_present (GTK_WINDOW (window));
  process_events ();
  adw_message_dialog_response (flash_window_get_dialog (window), "later");
  process_events ();
  g_assert_true (flash_store_interview_unfinished (fixture->store) == id);
  gtk_window_destroy (GTK_WINDOW (window));
  process_events ();
  window = flash_window_new (NULL, fixture->collection);
  gtk_window_present (GTK_WINDOW (window));
  process_events ();
  adw_message_dialog_response (flash_window_get_dialog (window), "discard");
  process_events ();
  g_assert_true (flash_store_interview_unfinished (fixture->store) == 0);
  gtk_window_destroy (GTK_WINDOW (window));
  process_events ();
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

  g_test_add ("/interview/setup", Fixture, NULL, fixture_set_up, test_interview_setup,
              fixture_tear_down);
  g_test_add ("/interview/keys-and-report", Fixture, NULL, fixture_set_up,
              test_interview_keys_and_report, fixture_tear_down);
  g_test_add ("/interview/time-runs-out", Fixture, NULL, fixture_set_up,
              test_interview_time_runs_out, fixture_tear_down);
  g_test_add ("/interview/resume", Fixture, NULL, fixture_set_up, test_interview_resume,
              fixture_tear_down);

  return g_test_run ();
}
