/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scheduler.c: FSRS in the store: the settings, the memory states computed from the log
 * when it is chosen, grading, same-day repeats, undo, the preview, switching back to SM-2, and
 * the migration from a collection the schema-9 CLI wrote. */
#include "flash-test-store.h"
#include "flash-test-util.h"

#include <string.h>

static const char deck[] =
  "# Scheduling\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n\n## Three\n\nThird.\n";

static double
raw_double (const char *path,
            const char *sql)
{
  sqlite3 *db = flash_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  double value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
use_fsrs (FlashStore *store,
          gboolean    fuzz)
{
  g_autoptr(GError) error = NULL;
  FlashScheduler scheduler;

  flash_scheduler_init (&scheduler);
  scheduler.kind = FLASH_SCHEDULER_FSRS;
  scheduler.fuzz = fuzz;
  g_assert_true (flash_store_set_scheduler (store, &scheduler, &error));
  g_assert_no_error (error);
}

static GDateTime *
day_after (GDateTime *now,
           int        days)
{
  return g_date_time_add_days (now, days);
}

/* The settings are kept in the collection and checked. */
static void
test_settings (FlashTestStore *fx,
               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  FlashScheduler scheduler;

  g_assert_true (flash_store_get_scheduler (fx->store, &scheduler, &error));
  g_assert_cmpint (scheduler.kind, ==, FLASH_SCHEDULER_SM2);
  g_assert_cmpfloat (scheduler.retention, ==, 0.9);
  g_assert_true (scheduler.fuzz);

  scheduler.kind = FLASH_SCHEDULER_FSRS;
  scheduler.retention = 0.85;
  scheduler.fuzz = FALSE;
  scheduler.maximum_interval = 365;
  g_assert_true (flash_store_set_scheduler (fx->store, &scheduler, &error));
  g_assert_no_error (error);
  memset (&scheduler, 0, sizeof scheduler);
  g_assert_true (flash_store_get_scheduler (fx->store, &scheduler, &error));
  g_assert_cmpint (scheduler.kind, ==, FLASH_SCHEDULER_FSRS);
  g_assert_cmpfloat_with_epsilon (scheduler.retention, 0.85, 1e-9);
  g_assert_false (scheduler.fuzz);
  g_assert_cmpint (scheduler.maximum_interval, ==, 365);

  scheduler.retention = 0.5;
  g_assert_false (flash_store_set_scheduler (fx->store, &scheduler, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (flash_store_get_scheduler (fx->store, &scheduler, &error));
  g_assert_cmpfloat_with_epsilon (scheduler.retention, 0.85, 1e-9);
}

/* Under FSRS a new card's first answer gives 1, 2, 3 or 8 days; Again and Hard come back later
 * the same day, and those repeats leave the state as it is; the preview says what grading does;
 * undo puts the state back. */
static void
test_grading (FlashTestStore *fx,
              gconstpointer   data)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", deck);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = NULL;
  FlashFsrsParams params;
  FlashScheduler scheduler;
  FlashReviewResult result;
  FlashReviewResult preview;
  FlashDay today = flash_store_day_for (fx->store, fx->now);
  gint64 one, two;

  flash_test_store_import (fx, path, NULL);
  one = flash_test_store_card_id (fx, "One");
  two = flash_test_store_card_id (fx, "Two");
  use_fsrs (fx->store, FALSE);
  g_assert_true (flash_store_get_scheduler (fx->store, &scheduler, &error));
  flash_scheduler_fsrs_params (&scheduler, &params);

  /* The preview and the grade agree. */
  {
    g_autoptr(FlashCard) card = flash_store_get_card (fx->store, one, &error);

    flash_card_preview (card, &scheduler, today, FLASH_GRADE_GOOD, &preview);
  }
  g_assert_true (flash_store_record_review (fx->store, one, FLASH_GRADE_GOOD, fx->now, 0, &result,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (result.fsrs);
  g_assert_cmpint (result.due_day, ==, today + 3);
  g_assert_cmpint (preview.due_day, ==, result.due_day);
  g_assert_cmpfloat_with_epsilon (result.fsrs_after.stability, params.w[2], 1e-12);
  g_assert_false (result.repeat);

  /* Again: a day, and back today; its repeat changes nothing of FSRS's. */
  g_assert_true (flash_store_record_review (fx->store, two, FLASH_GRADE_AGAIN, fx->now, 0, &result,
                                            &error));
  g_assert_cmpint (result.due_day, ==, today + 1);
  g_assert_true (result.repeat);
  g_assert_cmpfloat_with_epsilon (raw_double (fx->db_path, "SELECT stability FROM schedule WHERE "
                                                           "card_id = 2"), params.w[0], 1e-12);
  g_assert_true (flash_store_record_review (fx->store, two, FLASH_GRADE_GOOD, fx->now, 0, &result,
                                            &error));
  g_assert_cmpint (result.due_day, ==, today + 1);
  g_assert_false (result.repeat);
  g_assert_cmpfloat_with_epsilon (raw_double (fx->db_path, "SELECT stability FROM schedule WHERE "
                                                           "card_id = 2"), params.w[0], 1e-12);
  g_assert_cmpfloat (raw_double (fx->db_path, "SELECT reviews FROM schedule WHERE card_id = 2"),
                     ==, 1);
  g_assert_cmpfloat (raw_double (fx->db_path, "SELECT button FROM review_log ORDER BY id DESC"),
                     ==, FLASH_BUTTON_GOOD);

  /* Three days on, card one is due: Good grows its stability as the model does. */
  later = day_after (fx->now, 3);
  {
    FlashFsrsState before = { .stability = params.w[2] };
    FlashFsrsState expected;
    g_autoptr(FlashCard) card = flash_store_get_card (fx->store, one, &error);

    before.difficulty = card->fsrs.difficulty;
    g_assert_cmpint (card->reviews, ==, 1);
    flash_fsrs_next_state (&params, &before, 3, FLASH_BUTTON_GOOD, &expected);
    flash_card_preview (card, &scheduler, today + 3, FLASH_GRADE_GOOD, &preview);
    g_assert_true (flash_store_record_review (fx->store, one, FLASH_GRADE_GOOD, later, 0, &result,
                                              &error));
    g_assert_cmpfloat_with_epsilon (result.fsrs_after.stability, expected.stability, 1e-9);
    g_assert_cmpfloat_with_epsilon (result.fsrs_after.difficulty, expected.difficulty, 1e-9);
    g_assert_cmpint (result.due_day, ==, preview.due_day);
    g_assert_cmpint (result.due_day - (today + 3), ==, flash_fsrs_interval (&params,
                                                                            expected.stability));
  }

  /* A due day moved earlier (as "add missed cards to today's reviews" does) leaves the elapsed
   * time counted from the last review: two days on, not the interval's start. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE schedule SET due_day = %d WHERE card_id = 2",
                                            today + 0);
    g_autoptr(GDateTime) two_days = day_after (fx->now, 2);
    g_autoptr(FlashCard) card = flash_store_get_card (fx->store, two, &error);
    FlashFsrsState expected;
    sqlite3 *db = flash_test_raw_open (fx->db_path);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    flash_fsrs_next_state (&params, &card->fsrs, 2, FLASH_BUTTON_GOOD, &expected);
    g_assert_true (flash_store_record_review (fx->store, two, FLASH_GRADE_GOOD, two_days, 0,
                                              &result, &error));
    g_assert_cmpfloat_with_epsilon (result.fsrs_after.stability, expected.stability, 1e-9);
    g_assert_true (flash_store_undo_last (fx->store, NULL, &error));
  }

  /* Undo puts the state before it back. */
  g_assert_true (flash_store_undo_last (fx->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (raw_double (fx->db_path, "SELECT stability FROM schedule WHERE "
                                                           "card_id = 1"), params.w[2], 1e-12);
  g_assert_cmpfloat (raw_double (fx->db_path, "SELECT reviews FROM schedule WHERE card_id = 1"),
                     ==, 1);
  g_assert_cmpint (raw_double (fx->db_path, "SELECT due_day FROM schedule WHERE card_id = 1"), ==,
                   today + 3);
}

/* Choosing FSRS after SM-2 has scheduled for a while computes each card's state from its log,
 * repeats left out; SM-2's own state goes on under FSRS and is what SM-2 finds when chosen
 * again. */
static void
test_switching (FlashTestStore *fx,
                gconstpointer   data)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", deck);
  g_autoptr(GError) error = NULL;
  FlashScheduler scheduler;
  FlashFsrsParams params;
  FlashFsrsState expected = { 0 };
  FlashReviewResult result;
  static const struct { int days; int grade; } history[] = {
    { 0, FLASH_GRADE_AGAIN }, { 0, FLASH_GRADE_GOOD }, { 1, FLASH_GRADE_GOOD },
    { 7, FLASH_GRADE_HARD }, { 20, FLASH_GRADE_EASY },
  };
  int previous = 0;
  gint64 one;

  flash_test_store_import (fx, path, NULL);
  one = flash_test_store_card_id (fx, "One");
  flash_scheduler_init (&scheduler);
  flash_scheduler_fsrs_params (&scheduler, &params);
  for (guint i = 0; i < G_N_ELEMENTS (history); i++)
    {
      g_autoptr(GDateTime) when = day_after (fx->now, history[i].days);

      g_assert_true (flash_store_record_review (fx->store, one, history[i].grade, when, 0, &result,
                                                &error));
      g_assert_no_error (error);
      g_assert_false (result.fsrs);
      /* The repeat on the first day (Good after Again) is not a scheduled review. */
      if (i == 1)
        continue;
      {
        FlashFsrsState next;

        flash_fsrs_next_state (&params, &expected, history[i].days - previous,
                               flash_fsrs_button_for_grade (history[i].grade), &next);
        expected = next;
      }
      previous = history[i].days;
    }
  g_assert_cmpfloat (raw_double (fx->db_path, "SELECT stability FROM schedule WHERE card_id = 1"),
                     ==, -1);
  g_assert_cmpfloat (raw_double (fx->db_path, "SELECT reviews FROM schedule WHERE card_id = 1"),
                     ==, 4);

  use_fsrs (fx->store, TRUE);
  g_assert_cmpfloat_with_epsilon (raw_double (fx->db_path, "SELECT stability FROM schedule WHERE "
                                                           "card_id = 1"), expected.stability,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (raw_double (fx->db_path, "SELECT difficulty FROM schedule WHERE "
                                                           "card_id = 1"), expected.difficulty,
                                  1e-9);

  /* Under FSRS SM-2's repetitions go on; back under SM-2 the next interval is SM-2's. */
  {
    g_autoptr(GDateTime) when = day_after (fx->now, 60);
    g_autoptr(GDateTime) after = day_after (fx->now, 200);
    g_autoptr(FlashCard) card = NULL;
    int reps;

    g_assert_true (flash_store_record_review (fx->store, one, FLASH_GRADE_GOOD, when, 0, &result,
                                              &error));
    g_assert_true (result.fsrs);
    reps = result.after.reps;
    g_assert_cmpint (reps, ==, result.before.reps + 1);
    scheduler.kind = FLASH_SCHEDULER_SM2;
    g_assert_true (flash_store_set_scheduler (fx->store, &scheduler, &error));
    card = flash_store_get_card (fx->store, one, &error);
    g_assert_cmpint (card->sm2.reps, ==, reps);
    g_assert_true (flash_store_record_review (fx->store, one, FLASH_GRADE_GOOD, after, 0, &result,
                                              &error));
    g_assert_false (result.fsrs);
    {
      FlashSm2State sm2;

      flash_sm2_apply (&card->sm2, FLASH_GRADE_GOOD, &sm2);
      g_assert_cmpint (result.after.interval, ==, sm2.interval);
    }
  }
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = flash_test_raw_open (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

/* A collection the schema-9 CLI wrote: the counts of scheduled reviews, the buttons, and the
 * states computed from the log when FSRS is chosen. */
static void
test_migration_from_v9 (FlashTestStore *fx,
                        gconstpointer   data)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures",
                                               "collection-v9.sql", NULL);
  g_autofree char *old_path = g_build_filename (fx->dir, "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  FlashScheduler scheduler;
  FlashFsrsParams params;
  FlashFsrsState expected = { 0 };
  FlashStore *store;
  /* Card 2's scheduled reviews in the fixture: study day, grade. */
  static const struct { int day; int grade; } card2[] = {
    { 739626, 1 }, { 739627, 4 }, { 739628, 4 }, { 739643, 4 }, { 739655, 5 }, { 739679, 3 },
  };

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  raw_exec (old_path, sql);
  g_assert_cmpfloat (raw_double (old_path, "PRAGMA user_version"), ==, 9);
  store = flash_store_open (old_path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (raw_double (old_path, "PRAGMA user_version"), ==, 10);
  g_assert_cmpfloat (raw_double (old_path, "SELECT reviews FROM schedule WHERE card_id = 2"), ==,
                     6);
  g_assert_cmpfloat (raw_double (old_path, "SELECT reviews FROM schedule WHERE card_id = 7"), ==,
                     1);
  g_assert_cmpfloat (raw_double (old_path, "SELECT COUNT(*) FROM review_log WHERE button = 0"), ==,
                     0);
  g_assert_cmpfloat (raw_double (old_path, "SELECT button FROM review_log WHERE card_id = 3 ORDER "
                                           "BY id DESC"), ==, FLASH_BUTTON_AGAIN);
  g_assert_cmpfloat (raw_double (old_path, "SELECT COUNT(*) FROM schedule WHERE stability IS NOT "
                                           "NULL"), ==, 0);
  g_assert_true (flash_store_get_scheduler (store, &scheduler, &error));
  g_assert_cmpint (scheduler.kind, ==, FLASH_SCHEDULER_SM2);

  use_fsrs (store, TRUE);
  flash_scheduler_fsrs_params (&scheduler, &params);
  for (guint i = 0; i < G_N_ELEMENTS (card2); i++)
    {
      FlashFsrsState next;

      flash_fsrs_next_state (&params, &expected, i == 0 ? 0 : card2[i].day - card2[i - 1].day,
                             flash_fsrs_button_for_grade (card2[i].grade), &next);
      expected = next;
    }
  g_assert_cmpfloat_with_epsilon (raw_double (old_path, "SELECT stability FROM schedule WHERE "
                                                        "card_id = 2"), expected.stability, 1e-9);
  g_assert_cmpfloat_with_epsilon (raw_double (old_path, "SELECT difficulty FROM schedule WHERE "
                                                        "card_id = 2"), expected.difficulty, 1e-9);
  g_assert_cmpfloat (raw_double (old_path, "SELECT COUNT(*) FROM schedule WHERE stability IS "
                                           "NULL"), ==, 0);
  flash_store_close (store);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, FlashTestStore, NULL, flash_test_store_set_up, func, \
              flash_test_store_tear_down)
  ADD ("/scheduler/settings", test_settings);
  ADD ("/scheduler/grading", test_grading);
  ADD ("/scheduler/switching", test_switching);
  ADD ("/scheduler/migration-from-v9", test_migration_from_v9);
#undef ADD
  return g_test_run ();
}
