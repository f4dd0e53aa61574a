/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-study-page.c: the study page walks question → answer → grade, with keys, undo and done. */

#include "flash-test-accessible.h"
#include "flash-test-display.h"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "flash-test-study.h"
#include "flash-test-widgets.h"

static const char *
shown_error (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && gtk_widget_has_css_class (widget, "error"))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = shown_error (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  GtkWidget *child;

  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GPtrArray *
review_log (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *log = flash_store_list_log (fixture->store, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (log);
  return log;
}

static guint
log_length (Fixture *fixture)
{
  g_autoptr(GPtrArray) log = review_log (fixture);

  return log->len;
}

/* The tests. */

static void
test_walk (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  int first;
  int second;

  start (fixture);
  g_assert_false (flash_study_page_is_done (fixture->page));

  /* New cards come in file order; the breadcrumb names the deck and section. */
  first = shown_question (fixture);
  g_assert_cmpint (first, ==, 0);
  g_assert_false (answer_shown (fixture, first));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "Basics"));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "5 left"));

  activate (fixture, "study.show-answer", NULL);
  g_assert_true (answer_shown (fixture, first));
  g_assert_cmpint (shown_question (fixture), ==, first);

  /* Four buttons, each saying what it would give. */
  buttons = grade_buttons (fixture);
  g_assert_cmpuint (buttons->len, ==, 4);
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "Again"));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "today, then 1 day"));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "1 day"));
  for (guint i = 0; i < buttons->len; i++)
    g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (buttons, i)));

  /* The answer time runs from the question appearing to the grade. */
  g_usleep (100 * 1000);
  activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_GOOD));
  g_assert_cmpuint (fixture->changed, ==, 1);

  log = review_log (fixture);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (log, 0))->grade, ==, FLASH_GRADE_GOOD);
  g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (log, 0))->answer_ms, >=, 100);
  g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (log, 0))->answer_ms, <, 60 * 1000);

  second = shown_question (fixture);
  g_assert_cmpint (second, ==, 1);
  g_assert_false (answer_shown (fixture, second));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "4 left"));
}

/* Whether the keyboard focus is on the Show Answer button. */
static gboolean
focus_on_show_answer (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return GTK_IS_BUTTON (focus)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), "_Show Answer") == 0;
}

/* A screen reader hears each grade with what it would give, and after a grade the focus is where
 * the keyboard user goes on: the next card's Show Answer button. */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = NULL;

  start (fixture);
  g_assert_true (focus_on_show_answer (fixture));
  activate (fixture, "study.show-answer", NULL);
  g_assert_false (focus_on_show_answer (fixture));
  buttons = grade_buttons (fixture);
  g_assert_cmpuint (buttons->len, ==, 4);
  flash_test_assert_accessible_label (g_ptr_array_index (buttons, 0), "Again, today, then 1 day");
  flash_test_assert_accessible_label (g_ptr_array_index (buttons, 2), "Good, 1 day");
  flash_test_assert_accessible_label (g_ptr_array_index (buttons, 3), "Easy, 1 day");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (g_ptr_array_index (buttons, 2)),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);

  activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_GOOD));
  g_assert_true (focus_on_show_answer (fixture));
}

static void
test_grades_disabled_before_answer (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = NULL;

  start (fixture);
  buttons = grade_buttons (fixture);
  g_assert_cmpuint (buttons->len, ==, 4);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)));

  /* Neither a digit key nor the action itself grades a card whose answer is hidden. */
  g_assert_false (press_key (fixture, GDK_KEY_3, 0));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "study.grade", "i", FLASH_GRADE_GOOD);
  iterate ();
  g_assert_cmpuint (log_length (fixture), ==, 0);
  g_assert_cmpint (shown_question (fixture), ==, 0);
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* Nothing to undo yet either. */
  g_assert_false (press_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK));

  g_assert_true (press_key (fixture, GDK_KEY_space, 0));
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = grade_buttons (fixture);
  g_assert_cmpuint (buttons->len, ==, 4);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)));
      g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (buttons, i)));
    }

  /* Once the answer is shown, Space has nothing more to do. */
  g_assert_false (press_key (fixture, GDK_KEY_space, 0));
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;
  const guint keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4 };
  const int grades[] = { FLASH_GRADE_AGAIN, FLASH_GRADE_HARD, FLASH_GRADE_GOOD, FLASH_GRADE_EASY };

  start (fixture);

  /* Space, then Enter, show the answer; 1–4 are Again, Hard, Good and Easy. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      int question = shown_question (fixture);

      g_assert_cmpint (question, >=, 0);
      g_assert_true (press_key (fixture, i % 2 == 0 ? GDK_KEY_space : GDK_KEY_Return, 0));
      g_assert_true (answer_shown (fixture, question));
      g_assert_true (press_key (fixture, keys[i], 0));
    }

  log = review_log (fixture);
  g_assert_cmpuint (log->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < log->len; i++)
    g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (log, i))->grade, ==, grades[i]);

  /* 0 and 5 mean nothing with four buttons. */
  g_assert_true (press_key (fixture, GDK_KEY_KP_Enter, 0));
  g_assert_false (press_key (fixture, GDK_KEY_0, 0));
  g_assert_false (press_key (fixture, GDK_KEY_5, 0));
  g_assert_cmpuint (log_length (fixture), ==, G_N_ELEMENTS (keys));

  /* Ctrl+Z takes the last grade back. */
  g_assert_true (press_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (log_length (fixture), ==, G_N_ELEMENTS (keys) - 1);
}

static void
test_full_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) log = NULL;

  flash_study_page_set_full_scale (fixture->page, TRUE);
  start (fixture);
  press_key (fixture, GDK_KEY_space, 0);

  buttons = grade_buttons (fixture);
  g_assert_cmpuint (buttons->len, ==, 6);
  for (guint i = 0; i < buttons->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (g_ptr_array_index (buttons, i));

      g_assert_cmpint (g_variant_get_int32 (target), ==, (int) i);
    }

  /* On the full scale the key is the grade. */
  g_assert_true (press_key (fixture, GDK_KEY_2, 0));
  press_key (fixture, GDK_KEY_space, 0);
  g_assert_true (press_key (fixture, GDK_KEY_KP_0, 0));

  log = review_log (fixture);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (log, 0))->grade, ==, 2);
  g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (log, 1))->grade, ==, 0);

  /* Back to four buttons. */
  flash_study_page_set_full_scale (fixture->page, FALSE);
  press_key (fixture, GDK_KEY_space, 0);
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = grade_buttons (fixture);
  g_assert_cmpuint (buttons->len, ==, 4);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  int first;

  start (fixture);
  first = shown_question (fixture);
  activate (fixture, "study.show-answer", NULL);
  activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_EASY));
  g_assert_cmpint (shown_question (fixture), !=, first);
  g_assert_cmpuint (log_length (fixture), ==, 1);

  /* Undo forgets the review and shows that card again, question side up. */
  activate (fixture, "study.undo", NULL);
  g_assert_cmpuint (fixture->changed, ==, 2);
  g_assert_cmpuint (log_length (fixture), ==, 0);
  g_assert_cmpint (shown_question (fixture), ==, first);
  g_assert_false (answer_shown (fixture, first));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "5 left"));
  g_assert_cmpstr (fixture->last_toast, ==, "Review undone");

  /* There was one grade to take back, and it is gone. */
  g_assert_false (press_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (fixture->changed, ==, 2);

  /* The card can be graded again. */
  activate (fixture, "study.show-answer", NULL);
  activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_GOOD));
  g_assert_cmpuint (log_length (fixture), ==, 1);
}

static void
test_again_requeues (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;
  int failed;
  int seen_between = 0;
  gboolean came_back = FALSE;

  start (fixture);
  failed = shown_question (fixture);
  activate (fixture, "study.show-answer", NULL);
  activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_AGAIN));

  /* Step 7: the failed card comes back today, a few cards later rather than at once. */
  g_assert_false (flash_study_page_is_done (fixture->page));
  for (guint i = 0; i < 2 * G_N_ELEMENTS (question_names) && !came_back; i++)
    {
      int question = shown_question (fixture);

      g_assert_cmpint (question, >=, 0);
      if (question == failed)
        {
          came_back = TRUE;
          break;
        }
      seen_between++;
      activate (fixture, "study.show-answer", NULL);
      activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_GOOD));
    }
  g_assert_true (came_back);
  g_assert_cmpint (seen_between, >=, 1);

  activate (fixture, "study.show-answer", NULL);
  activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_GOOD));

  log = review_log (fixture);
  g_assert_cmpuint (log->len, ==, seen_between + 2);
}

static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStatusPage *status;
  guint graded = 0;

  start (fixture);
  while (!flash_study_page_is_done (fixture->page))
    {
      g_assert_cmpuint (graded, <, G_N_ELEMENTS (question_names));
      activate (fixture, "study.show-answer", NULL);
      activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_GOOD));
      graded++;
    }
  g_assert_cmpuint (graded, ==, G_N_ELEMENTS (question_names));
  g_assert_cmpuint (fixture->changed, ==, graded);

  /* The done state says when to come back, and offers no grades. */
  status = find_status_page (GTK_WIDGET (fixture->page));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "5 cards in under a minute, 100 % recalled\nNext review tomorrow");
  g_assert_cmpint (shown_question (fixture), ==, -1);
  g_assert_false (press_key (fixture, GDK_KEY_space, 0));
  g_assert_false (press_key (fixture, GDK_KEY_3, 0));

  /* Undo works from the done state too. */
  g_assert_true (press_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (flash_study_page_is_done (fixture->page));
  g_assert_cmpint (shown_question (fixture), ==, G_N_ELEMENTS (question_names) - 1);

  /* Easy on a new card schedules it further out, but the others are due tomorrow. */
  activate (fixture, "study.show-answer", NULL);
  activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_EASY));
  g_assert_true (flash_study_page_is_done (fixture->page));
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "5 cards in under a minute, 100 % recalled\nNext review tomorrow");

  /* Starting again on a finished day goes straight to the done state, a new session. */
  start (fixture);
  g_assert_true (flash_study_page_is_done (fixture->page));
  g_assert_cmpstr (adw_status_page_get_description (status), ==, "Next review tomorrow");
}

static void
grade_all (Fixture *fixture,
           int      grade)
{
  for (guint i = 0; !flash_study_page_is_done (fixture->page); i++)
    {
      g_assert_cmpuint (i, <, 2 * G_N_ELEMENTS (question_names));
      activate (fixture, "study.show-answer", NULL);
      activate (fixture, "study.grade", g_variant_new_int32 (grade));
    }
}

static void
test_done_later (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  AdwStatusPage *status;

  start (fixture);
  grade_all (fixture, FLASH_GRADE_GOOD);

  /* The next day every card is due again; Good now gives six days (SM-2's second interval). */
  tomorrow = flash_clock_parse ("2026-11-22T10:00:00", NULL);
  g_assert_nonnull (tomorrow);
  flash_clock_set_override (tomorrow);

  start (fixture);
  g_assert_false (flash_study_page_is_done (fixture->page));
  activate (fixture, "study.show-answer", NULL);
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "6 days"));
  grade_all (fixture, FLASH_GRADE_GOOD);

  status = find_status_page (GTK_WIDGET (fixture->page));
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "5 cards in under a minute, 100 % recalled\nNext review in 6 days");

  flash_clock_set_override (NULL);
}

/* Under FSRS the buttons say FSRS's intervals: a new card's first answer gives 1, 2, 3 or 8 days,
 * Again and Hard coming back later today first. */
static void
test_fsrs_buttons (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = flash_clock_parse (TEST_NOW, NULL);
  FlashScheduler scheduler;

  flash_clock_set_override (now);
  flash_scheduler_init (&scheduler);
  scheduler.kind = FLASH_SCHEDULER_FSRS;
  scheduler.fuzz = FALSE;
  g_assert_true (flash_store_set_scheduler (fixture->store, &scheduler, &error));
  g_assert_no_error (error);

  start (fixture);
  activate (fixture, "study.show-answer", NULL);
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "today, then 1 day"));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "today, then 2 days"));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "3 days"));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "8 days"));

  /* Back under SM-2, chosen meanwhile by another process: the next card says SM-2's. */
  scheduler.kind = FLASH_SCHEDULER_SM2;
  g_assert_true (flash_store_set_scheduler (fixture->store, &scheduler, &error));
  activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_GOOD));
  activate (fixture, "study.show-answer", NULL);
  g_assert_false (label_mapped_with_text (GTK_WIDGET (fixture->page), "8 days"));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "1 day"));
  flash_clock_set_override (NULL);
}

/* Review Ahead on the done page: offered when reviews are due in the next days (not those graded
 * today); it studies them early, soonest first, each once, and then is no longer offered. */
static void
test_review_ahead (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *const days[] = { "2026-11-19T10:00:00", "2026-11-20T10:00:00" };
  guint graded = 0;

  /* Two days of Good: every card's next review is six days on, four days from TEST_NOW. */
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDateTime) day = flash_clock_parse (days[i], NULL);

      flash_clock_set_override (day);
      start (fixture);
      g_assert_false (gtk_widget_is_visible (flash_test_find_button (GTK_WIDGET (fixture->page),
                                                                     "_Review Ahead")));
      grade_all (fixture, FLASH_GRADE_GOOD);
    }
  /* Graded today, they are not offered ahead today. */
  g_assert_false (gtk_widget_is_visible (flash_test_find_button (GTK_WIDGET (fixture->page),
                                                                 "_Review Ahead")));
  flash_clock_set_override (NULL);
  start (fixture);
  g_assert_true (flash_study_page_is_done (fixture->page));
  g_assert_true (gtk_widget_is_visible (flash_test_find_button (GTK_WIDGET (fixture->page),
                                                                "_Review Ahead")));

  activate (fixture, "study.ahead", NULL);
  g_assert_false (flash_study_page_is_done (fixture->page));
  g_assert_cmpint (shown_question (fixture), ==, 0);
  while (!flash_study_page_is_done (fixture->page))
    {
      g_assert_cmpuint (graded, <, G_N_ELEMENTS (question_names));
      activate (fixture, "study.show-answer", NULL);
      activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_GOOD));
      graded++;
    }
  g_assert_cmpuint (graded, ==, G_N_ELEMENTS (question_names));
  g_assert_false (gtk_widget_is_visible (flash_test_find_button (GTK_WIDGET (fixture->page),
                                                                 "_Review Ahead")));
  g_assert_cmpuint (log_length (fixture), ==, 3 * G_N_ELEMENTS (question_names));
}

static void
test_store_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int question;

  /* Without a window that shows toasts, the page says it inline. */
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", NULL);
  start (fixture);
  question = shown_question (fixture);
  activate (fixture, "study.show-answer", NULL);

  /* The deck goes away behind the page's back (say, through flashsheet-cli). */
  g_assert_true (flash_store_delete_deck (fixture->store, fixture->deck_id, &error));
  g_assert_no_error (error);

  /* Grading fails: the page says so and keeps the card and its answer on screen. */
  g_assert_null (shown_error (GTK_WIDGET (fixture->page)));
  activate (fixture, "study.grade", g_variant_new_int32 (FLASH_GRADE_GOOD));
  g_assert_nonnull (shown_error (GTK_WIDGET (fixture->page)));
  g_assert_cmpstr (shown_error (GTK_WIDGET (fixture->page)), !=, "");
  g_assert_cmpuint (log_length (fixture), ==, 0);
  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_false (flash_study_page_is_done (fixture->page));
  g_assert_cmpint (shown_question (fixture), ==, question);
  g_assert_true (answer_shown (fixture, question));
  g_assert_false (press_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
}

static void
test_load_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "collection.db", NULL);
  AdwStatusPage *status;
  sqlite3 *db = NULL;

  /* Another program damages the collection: the schedule table is gone. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE schedule", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Today's cards cannot be read: the page says why instead of claiming all is done. */
  start (fixture);
  g_assert_true (flash_study_page_is_done (fixture->page));
  status = find_status_page (GTK_WIDGET (fixture->page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), !=, "All Done for Today");
  g_assert_nonnull (adw_status_page_get_description (status));
  g_assert_cmpstr (adw_status_page_get_description (status), !=, "");
  g_assert_false (press_key (fixture, GDK_KEY_space, 0));
}

static void
test_empty_store (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStatusPage *status;

  /* A deck that does not exist has nothing to study and nothing scheduled. */
  flash_study_page_start (fixture->page, fixture->deck_id + 1000);
  iterate ();
  g_assert_true (flash_study_page_is_done (fixture->page));
  status = find_status_page (GTK_WIDGET (fixture->page));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "All Done for Today");
  g_assert_cmpstr (adw_status_page_get_description (status), ==, "No more cards are scheduled");
}


int
main (int   argc,
      char *argv[])
{
  g_setenv ("FLASHSHEET_NOW", TEST_NOW, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* GTK's test accessibility backend keeps the properties set on each widget (read by
   * /study-page/accessible-names); the AT-SPI bridge would warn without a session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  flash_test_require_display ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/study-page/" name, Fixture, NULL, flash_test_study_set_up, func, \
              flash_test_study_tear_down)

  ADD ("walk", test_walk);
  ADD ("grades-disabled-before-answer", test_grades_disabled_before_answer);
  ADD ("accessible-names", test_accessible_names);
  ADD ("keys", test_keys);
  ADD ("full-scale", test_full_scale);
  ADD ("undo", test_undo);
  ADD ("again-requeues", test_again_requeues);
  ADD ("done", test_done);
  ADD ("done-later", test_done_later);
  ADD ("review-ahead", test_review_ahead);
  ADD ("fsrs-buttons", test_fsrs_buttons);
  ADD ("store-error", test_store_error);
  ADD ("load-error", test_load_error);
  ADD ("empty-store", test_empty_store);

#undef ADD

  return g_test_run ();
}
