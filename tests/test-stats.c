/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stats.c: the statistics against small hand-computed histories: study days that start at
 * 04:00, same-day repeats, undo, retired and suspended cards, two decks; the kept totals against
 * the log; and a collection the schema-8 CLI wrote. TZ is UTC. */
#include <string.h>

#include "flash-stats.h"
#include "flash-test-collection.h"
#include "flash-test-store.h"
#include "flash-test-util.h"

typedef FlashTestStore Fixture;

static const char sheet_a[] =
  "# Alpha\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n\n## Three\n\nThird.\n\n## Four\n\nFourth.\n";
static const char sheet_a_without_three[] =
  "# Alpha\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n\n## Four\n\nFourth.\n";
static const char sheet_b[] = "# Beta\n\n## Five\n\nFifth.\n\n## Six\n\nSixth.\n";

static void
grade_at (Fixture    *fx,
          const char *question,
          int         grade,
          const char *when)
{
  g_autoptr(GDateTime) now = flash_clock_parse (when, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = flash_test_store_card_id (fx, question);

  g_assert_cmpint (id, >, 0);
  g_assert_true (flash_store_record_review (fx->store, id, grade, now, 2000, NULL, &error));
  g_assert_no_error (error);
}

/* The kept totals are exactly a GROUP BY of the log, per deck and for every deck (deck 0). */
static void
assert_totals_match_log (Fixture *fx)
{
  static const char *const sql =
    "WITH l AS (SELECT deck_id, day, hour, CASE WHEN kind = 1 THEN 1 + (interval_before >= 21) "
    "ELSE 0 END AS m, grade, answer_ms FROM review_log), "
    "t AS (SELECT deck_id, day, hour, m, grade, COUNT(*) AS n, TOTAL(answer_ms) AS ms FROM l "
    "GROUP BY 1, 2, 3, 4, 5 UNION ALL SELECT 0, day, hour, m, grade, COUNT(*), TOTAL(answer_ms) "
    "FROM l GROUP BY 2, 3, 4, 5) "
    "SELECT (SELECT COUNT(*) FROM (SELECT * FROM t EXCEPT SELECT deck_id, day, hour, maturity, "
    "grade, reviews, answer_ms FROM review_stats)) + (SELECT COUNT(*) FROM (SELECT deck_id, day, "
    "hour, maturity, grade, reviews, answer_ms FROM review_stats EXCEPT SELECT * FROM t))";

  g_assert_cmpint (flash_test_raw_int (fx->db_path, sql), ==, 0);
  g_assert_cmpint (flash_test_raw_int (fx->db_path, "SELECT COUNT(*) FROM review_log l JOIN "
                                                    "cards c ON c.id = l.card_id WHERE "
                                                    "l.deck_id <> c.deck_id"), ==, 0);
}

static guint
calendar_sum (Fixture *fx,
              gint64   deck_id)
{
  g_autoptr(GArray) days = flash_store_stats_calendar (fx->store, deck_id, 0, G_MAXINT32, NULL);
  guint sum = 0;

  g_assert_nonnull (days);
  for (guint i = 0; i < days->len; i++)
    sum += g_array_index (days, FlashStatsDay, i).reviews;
  return sum;
}

static guint
log_length (Fixture *fx,
            gint64   deck_id)
{
  g_autoptr(GPtrArray) log = flash_store_list_log (fx->store, deck_id, NULL);

  g_assert_nonnull (log);
  return log->len;
}

static void
import (Fixture    *fx,
        const char *name,
        const char *text)
{
  g_autofree char *path = flash_test_store_write (fx, name, text);

  flash_test_store_import (fx, path, NULL);
}

/* Three study days of two decks, by hand:
 *   Nov 19 09:00 One Good, 09:01 Two Again, 09:05 Two Good (a repeat), and at 03:30 on Nov 20,
 *   still study day Nov 19, Three Hard: 4 entries, all learning;
 *   Nov 20 10:00 One Good (young, interval 1), Five Again (Beta, new), Three Easy, undone;
 *   Nov 21 (today) 08:00 One Again (young, interval 6), 08:01 Two Good (young) and at 23:00 Six
 *   Good (Beta, new). */
static void
build_history (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  gint64 card_id = 0;

  import (fx, "alpha.md", sheet_a);
  import (fx, "beta.md", sheet_b);
  grade_at (fx, "One", FLASH_GRADE_GOOD, "2026-11-19T09:00:00Z");
  grade_at (fx, "Two", FLASH_GRADE_AGAIN, "2026-11-19T09:01:00Z");
  grade_at (fx, "Two", FLASH_GRADE_GOOD, "2026-11-19T09:05:00Z");
  grade_at (fx, "Three", FLASH_GRADE_HARD, "2026-11-20T03:30:00Z");
  grade_at (fx, "One", FLASH_GRADE_GOOD, "2026-11-20T10:00:00Z");
  grade_at (fx, "Five", FLASH_GRADE_AGAIN, "2026-11-20T10:01:00Z");
  grade_at (fx, "Three", FLASH_GRADE_EASY, "2026-11-20T10:02:00Z");
  g_assert_true (flash_store_undo_last (fx->store, &card_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (card_id, ==, flash_test_store_card_id (fx, "Three"));
  grade_at (fx, "One", FLASH_GRADE_AGAIN, "2026-11-21T08:00:00Z");
  grade_at (fx, "Two", FLASH_GRADE_GOOD, "2026-11-21T08:01:00Z");
  grade_at (fx, "Six", FLASH_GRADE_GOOD, "2026-11-21T23:00:00Z");
}

static void
test_hand_history (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) calendar = NULL;
  FlashStatsToday today;
  FlashPassCount hours[24];
  guint buttons[FLASH_N_MATURITIES][FLASH_N_GRADES];
  FlashPassCount retention[FLASH_N_WINDOWS][2];
  gint64 alpha;
  gint64 beta;
  FlashDay nov21;

  build_history (fx);
  alpha = flash_store_find_deck (fx->store, "Alpha", NULL);
  beta = flash_store_find_deck (fx->store, "Beta", NULL);
  nov21 = flash_store_day_for (fx->store, fx->now);
  assert_totals_match_log (fx);

  /* The calendar: Nov 19 has the 03:30 review of Nov 20; the undone review is gone. */
  calendar = flash_store_stats_calendar (fx->store, 0, nov21 - 10, nov21, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calendar->len, ==, 3);
  g_assert_cmpint (g_array_index (calendar, FlashStatsDay, 0).day, ==, nov21 - 2);
  g_assert_cmpuint (g_array_index (calendar, FlashStatsDay, 0).reviews, ==, 4);
  g_assert_cmpint (g_array_index (calendar, FlashStatsDay, 0).answer_ms, ==, 8000);
  g_assert_cmpuint (g_array_index (calendar, FlashStatsDay, 1).reviews, ==, 2);
  g_assert_cmpuint (g_array_index (calendar, FlashStatsDay, 2).reviews, ==, 3);
  g_clear_pointer (&calendar, g_array_unref);
  calendar = flash_store_stats_calendar (fx->store, beta, nov21 - 10, nov21, &error);
  g_assert_cmpuint (calendar->len, ==, 2);
  g_assert_cmpint (g_array_index (calendar, FlashStatsDay, 0).day, ==, nov21 - 1);
  g_assert_cmpuint (calendar_sum (fx, 0), ==, 9);
  g_assert_cmpuint (calendar_sum (fx, 0), ==, log_length (fx, 0));
  g_assert_cmpuint (calendar_sum (fx, alpha), ==, log_length (fx, alpha));
  g_assert_cmpuint (calendar_sum (fx, beta), ==, log_length (fx, beta));

  /* Today: One Again, Two Good, Six Good; three days in a row. */
  g_assert_true (flash_store_stats_today (fx->store, 0, fx->now, &today, &error));
  g_assert_cmpuint (today.reviews, ==, 3);
  g_assert_cmpuint (today.passed, ==, 2);
  g_assert_cmpint (today.answer_ms, ==, 6000);
  g_assert_cmpuint (today.streak, ==, 3);
  g_assert_cmpuint (today.longest_streak, ==, 3);
  g_assert_true (flash_store_stats_today (fx->store, beta, fx->now, &today, &error));
  g_assert_cmpuint (today.reviews, ==, 1);
  g_assert_cmpuint (today.streak, ==, 2);

  /* Hours: 09 has three entries, 03 one (Hard passes), 08 two, 10 two, 23 one. */
  g_assert_true (flash_store_stats_hours (fx->store, 0, hours, &error));
  g_assert_cmpuint (hours[9].reviews, ==, 3);
  g_assert_cmpuint (hours[9].passed, ==, 2);
  g_assert_cmpuint (hours[3].reviews, ==, 1);
  g_assert_cmpuint (hours[3].passed, ==, 1);
  g_assert_cmpuint (hours[8].reviews, ==, 2);
  g_assert_cmpuint (hours[10].reviews, ==, 2);
  g_assert_cmpuint (hours[10].passed, ==, 1);
  g_assert_cmpuint (hours[23].reviews, ==, 1);
  g_assert_cmpuint (hours[12].reviews, ==, 0);
  g_assert_cmpfloat (flash_pass_rate (&hours[12]), <, 0);

  /* Buttons: learning are the new cards' first reviews and Two's repeat; the scheduled reviews
   * of One (twice) and Two today are young. */
  g_assert_true (flash_store_stats_buttons (fx->store, 0, buttons, &error));
  g_assert_cmpuint (buttons[FLASH_MATURITY_LEARNING][FLASH_GRADE_GOOD], ==, 3);
  g_assert_cmpuint (buttons[FLASH_MATURITY_LEARNING][FLASH_GRADE_AGAIN], ==, 2);
  g_assert_cmpuint (buttons[FLASH_MATURITY_LEARNING][FLASH_GRADE_HARD], ==, 1);
  g_assert_cmpuint (buttons[FLASH_MATURITY_YOUNG][FLASH_GRADE_GOOD], ==, 2);
  g_assert_cmpuint (buttons[FLASH_MATURITY_YOUNG][FLASH_GRADE_AGAIN], ==, 1);
  g_assert_cmpuint (buttons[FLASH_MATURITY_MATURE][FLASH_GRADE_GOOD], ==, 0);

  /* Retention counts the scheduled reviews only: today One Again and Two Good (1 of 2); the week
   * adds One Good on Nov 20 (2 of 3). */
  g_assert_true (flash_store_stats_retention (fx->store, 0, fx->now, retention, &error));
  g_assert_cmpuint (retention[FLASH_WINDOW_DAY][0].reviews, ==, 2);
  g_assert_cmpuint (retention[FLASH_WINDOW_DAY][0].passed, ==, 1);
  g_assert_cmpuint (retention[FLASH_WINDOW_WEEK][0].reviews, ==, 3);
  g_assert_cmpuint (retention[FLASH_WINDOW_WEEK][0].passed, ==, 2);
  g_assert_cmpuint (retention[FLASH_WINDOW_YEAR][1].reviews, ==, 0);
  g_assert_cmpfloat (flash_pass_rate (&retention[FLASH_WINDOW_YEAR][1]), <, 0);
  g_assert_true (flash_store_stats_retention (fx->store, beta, fx->now, retention, &error));
  g_assert_cmpuint (retention[FLASH_WINDOW_YEAR][0].reviews, ==, 0);
}

/* A mature review, a deck deleted, a card retired: the kept totals follow the log. */
static void
test_totals_follow_log (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint buttons[FLASH_N_MATURITIES][FLASH_N_GRADES];
  FlashPassCount retention[FLASH_N_WINDOWS][2];
  g_autofree char *make_mature = NULL;
  gint64 beta;

  build_history (fx);
  make_mature = g_strdup_printf ("UPDATE schedule SET interval = 30, due_day = %d WHERE card_id "
                                 "= %" G_GINT64_FORMAT,
                                 flash_store_day_for (fx->store, fx->now),
                                 flash_test_store_card_id (fx, "Three"));
  flash_test_raw_exec (fx->db_path, make_mature);
  grade_at (fx, "Three", FLASH_GRADE_HARD, "2026-11-21T12:00:00Z");
  g_assert_true (flash_store_stats_buttons (fx->store, 0, buttons, &error));
  g_assert_cmpuint (buttons[FLASH_MATURITY_MATURE][FLASH_GRADE_HARD], ==, 1);
  g_assert_true (flash_store_stats_retention (fx->store, 0, fx->now, retention, &error));
  g_assert_cmpuint (retention[FLASH_WINDOW_DAY][1].reviews, ==, 1);
  g_assert_cmpuint (retention[FLASH_WINDOW_DAY][1].passed, ==, 1);
  assert_totals_match_log (fx);

  /* Retiring a card (Three, reviewed twice) keeps its reviews in every count of the log, and
   * takes it out of the forecast and the intervals; deleting a deck takes its reviews out of
   * every total. */
  {
    guint intervals[FLASH_N_INTERVAL_BUCKETS];
    guint before_total = 0;
    guint after_total = 0;
    g_autoptr(GArray) forecast = NULL;

    guint due = 0;
    guint due_after = 0;

    g_assert_true (flash_store_stats_intervals (fx->store, 0, intervals, &error));
    for (guint i = 0; i < FLASH_N_INTERVAL_BUCKETS; i++)
      before_total += intervals[i];
    forecast = flash_store_stats_forecast (fx->store, 0, fx->now, 90, NULL, &error);
    for (guint i = 0; i < forecast->len; i++)
      due += g_array_index (forecast, FlashForecastDay, i).young
             + g_array_index (forecast, FlashForecastDay, i).mature;
    g_clear_pointer (&forecast, g_array_unref);
    import (fx, "alpha.md", sheet_a_without_three);
    g_assert_true (flash_store_stats_intervals (fx->store, 0, intervals, &error));
    for (guint i = 0; i < FLASH_N_INTERVAL_BUCKETS; i++)
      after_total += intervals[i];
    g_assert_cmpuint (after_total, ==, before_total - 1);
    g_assert_cmpuint (calendar_sum (fx, 0), ==, 10);
    forecast = flash_store_stats_forecast (fx->store, 0, fx->now, 90, NULL, &error);
    for (guint i = 0; i < forecast->len; i++)
      due_after += g_array_index (forecast, FlashForecastDay, i).young
                   + g_array_index (forecast, FlashForecastDay, i).mature;
    g_assert_cmpuint (due, ==, 5);
    g_assert_cmpuint (due_after, ==, due - 1);
  }
  assert_totals_match_log (fx);
  beta = flash_store_find_deck (fx->store, "Beta", NULL);
  g_assert_true (flash_store_delete_deck (fx->store, beta, &error));
  g_assert_no_error (error);
  assert_totals_match_log (fx);
  g_assert_cmpuint (calendar_sum (fx, 0), ==, 8);
  g_assert_cmpuint (calendar_sum (fx, 0), ==, log_length (fx, 0));
  g_assert_cmpint (flash_test_raw_int (fx->db_path, "SELECT COUNT(*) FROM review_stats WHERE "
                                                    "deck_id = 2"), ==, 0);
}

static void
test_forecast_and_schedule (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) forecast = NULL;
  g_autoptr(GArray) added = NULL;
  guint intervals[FLASH_N_INTERVAL_BUCKETS];
  guint ease[FLASH_N_EASE_BUCKETS];
  FlashDay today;
  g_autofree char *overdue = NULL;
  gint64 one;
  double load = 0;

  build_history (fx);
  today = flash_store_day_for (fx->store, fx->now);
  one = flash_test_store_card_id (fx, "One");
  /* Scheduled now, each with an interval of 1: Two and Six due tomorrow, Three overdue since
   * Nov 20, Five due today; One becomes mature and overdue by hand. */
  overdue = g_strdup_printf ("UPDATE schedule SET interval = 40, due_day = %d WHERE card_id = %"
                             G_GINT64_FORMAT, today - 3, one);
  flash_test_raw_exec (fx->db_path, overdue);
  forecast = flash_store_stats_forecast (fx->store, 0, fx->now, 30, &load, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (forecast->len, ==, 30);
  /* Today: One (mature, overdue), Three (overdue), Five (due today). */
  g_assert_cmpuint (g_array_index (forecast, FlashForecastDay, 0).mature, ==, 1);
  g_assert_cmpuint (g_array_index (forecast, FlashForecastDay, 0).young, ==, 2);
  g_assert_cmpuint (g_array_index (forecast, FlashForecastDay, 1).young, ==, 2);
  g_assert_cmpuint (g_array_index (forecast, FlashForecastDay, 2).young, ==, 0);
  g_assert_cmpfloat (load, >, 0);

  /* A suspended card never comes due; it keeps its interval. */
  g_assert_true (flash_store_set_suspended (fx->store, &one, 1, TRUE, &error));
  g_clear_pointer (&forecast, g_array_unref);
  forecast = flash_store_stats_forecast (fx->store, 0, fx->now, 30, NULL, &error);
  g_assert_cmpuint (g_array_index (forecast, FlashForecastDay, 0).mature, ==, 0);
  g_assert_true (flash_store_stats_intervals (fx->store, 0, intervals, &error));
  g_assert_cmpuint (intervals[5], ==, 1); /* 21-44: One */
  g_assert_cmpuint (intervals[0] + intervals[1] + intervals[2] + intervals[3] + intervals[4], ==,
                    4);
  g_assert_true (flash_store_stats_ease (fx->store, 0, ease, &error));
  {
    guint total = 0;

    for (guint i = 0; i < FLASH_N_EASE_BUCKETS; i++)
      total += ease[i];
    g_assert_cmpuint (total, ==, 5);
  }

  /* Added: the six cards were imported just now (an import's time is the system clock's); none
   * before, and none of them on the fixture's earlier day. */
  {
    g_autoptr(GDateTime) real_now = g_date_time_new_now_utc ();

    added = flash_store_stats_added (fx->store, 0, real_now, 7, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (added->len, ==, 7);
    g_assert_cmpuint (g_array_index (added, guint, 6), ==, 6);
    g_assert_cmpuint (g_array_index (added, guint, 5), ==, 0);
    g_clear_pointer (&added, g_array_unref);
    added = flash_store_stats_added (fx->store, flash_store_find_deck (fx->store, "Beta", NULL),
                                     real_now, 7, &error);
    g_assert_cmpuint (g_array_index (added, guint, 6), ==, 2);
  }
}

static void
test_buckets (void)
{
  static const char *const intervals[] = {
    "1", "2", "3-6", "7-13", "14-20", "21-44", "45-89", "90-179", "180-364", "365+"
  };
  static const char *const eases[] = {
    "1.3", "1.5", "1.7", "1.9", "2.1", "2.3", "2.5", "2.7", "2.9+"
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (intervals) == FLASH_N_INTERVAL_BUCKETS);
  G_STATIC_ASSERT (G_N_ELEMENTS (eases) == FLASH_N_EASE_BUCKETS);
  for (guint i = 0; i < FLASH_N_INTERVAL_BUCKETS; i++)
    {
      g_autofree char *label = flash_stats_interval_label (i);

      g_assert_cmpstr (label, ==, intervals[i]);
    }
  for (guint i = 0; i < FLASH_N_EASE_BUCKETS; i++)
    {
      g_autofree char *label = flash_stats_ease_label (i);

      g_assert_cmpstr (label, ==, eases[i]);
    }
  g_assert_cmpstr (flash_maturity_name (FLASH_MATURITY_MATURE), ==, "mature");
  g_assert_cmpstr (flash_stats_window_name (FLASH_WINDOW_YEAR), ==, "year");
}

/* Schema 9 gives each log entry its deck and hour and keeps the totals: a collection the schema-8
 * CLI wrote (its fixture says what was graded when) has them right after the migration. */
static void
test_migration_from_v8 (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures",
                                               "collection-v8.sql", NULL);
  g_autofree char *old_path = g_build_filename (fx->dir, "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = flash_clock_parse ("2026-03-04T12:00:00Z", NULL);
  g_autoptr(GArray) calendar = NULL;
  guint buttons[FLASH_N_MATURITIES][FLASH_N_GRADES];
  FlashPassCount hours[24];
  FlashStatsToday today;
  FlashStore *store;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  flash_test_raw_exec (old_path, sql);
  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==, 8);
  store = flash_store_open (old_path, &error);
  g_assert_no_error (error);

  calendar = flash_store_stats_calendar (store, 0, 0, G_MAXINT32, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calendar->len, ==, 10);
  {
    guint sum = 0;

    for (guint i = 0; i < calendar->len; i++)
      sum += g_array_index (calendar, FlashStatsDay, i).reviews;
    g_assert_cmpuint (sum, ==, 19);
  }
  g_assert_true (flash_store_stats_buttons (store, 0, buttons, &error));
  g_assert_cmpuint (buttons[FLASH_MATURITY_MATURE][FLASH_GRADE_HARD], ==, 1);
  g_assert_cmpuint (buttons[FLASH_MATURITY_LEARNING][FLASH_GRADE_GOOD], ==, 3); /* 1, 12, 15 */
  g_assert_true (flash_store_stats_hours (store, 1, hours, &error));
  g_assert_cmpuint (hours[9].reviews, ==, 6);
  g_assert_cmpuint (hours[12].reviews, ==, 2);
  g_assert_cmpuint (hours[18].reviews, ==, 1);
  g_assert_cmpuint (hours[7].reviews, ==, 2);
  g_assert_true (flash_store_stats_hours (store, 3, hours, &error));
  g_assert_cmpuint (hours[21].reviews, ==, 1);
  g_assert_cmpuint (hours[2].reviews, ==, 1); /* the repeat at 02:30 */
  g_assert_cmpuint (hours[7].reviews, ==, 0);
  g_assert_true (flash_store_stats_today (store, 0, now, &today, &error));
  g_assert_cmpuint (today.reviews, ==, 2);
  g_assert_cmpuint (today.streak, ==, 1);
  g_assert_cmpuint (today.longest_streak, ==, 6);
  flash_store_close (store);

  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==,
                   FLASH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT COUNT(*) FROM review_log l JOIN cards c "
                                                 "ON c.id = l.card_id WHERE l.deck_id = c.deck_id"),
                   ==, 19);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT hour FROM review_log WHERE id = 15"), ==,
                   2);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT SUM(reviews) FROM review_stats WHERE "
                                                 "deck_id = 0"), ==, 19);
  flash_test_assert_integrity (old_path);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* The page's worker opens the collection beside the app's connection: read-only, without the
 * day's full check or backup even when the day's marker is missing, and refusing a collection of
 * another schema rather than migrating it. */
static void
test_reader_open (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (fx->dir, "backups", NULL);
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures",
                                               "collection-v8.sql", NULL);
  g_autofree char *old_path = g_build_filename (fx->dir, "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashStatsReport) report = NULL;
  FlashStore *reader;
  guint before;

  build_history (fx);
  flash_test_raw_exec (fx->db_path, "DELETE FROM config WHERE key = 'checked'");
  before = count_files (backups);
  reader = flash_store_open_reader (fx->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_is_read_only (reader));
  report = flash_store_stats_report (reader, 0, fx->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->totals.reviews, ==, 3);
  g_assert_false (flash_store_record_review (reader, flash_test_store_card_id (fx, "One"),
                                             FLASH_GRADE_GOOD, fx->now, 0, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  flash_store_close (reader);
  g_assert_cmpuint (count_files (backups), ==, before);
  g_assert_cmpint (flash_test_raw_int (fx->db_path, "SELECT COUNT(*) FROM config WHERE key = "
                                                    "'checked'"), ==, 0);

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  flash_test_raw_exec (old_path, sql);
  reader = flash_store_open_reader (old_path, &error);
  g_assert_null (reader);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_FAILED);
  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==, 8);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, flash_test_store_set_up, func, flash_test_store_tear_down)
  ADD ("/stats/hand-history", test_hand_history);
  ADD ("/stats/totals-follow-log", test_totals_follow_log);
  ADD ("/stats/forecast-and-schedule", test_forecast_and_schedule);
  ADD ("/stats/migration-from-v8", test_migration_from_v8);
  ADD ("/stats/reader-open", test_reader_open);
#undef ADD
  g_test_add_func ("/stats/buckets", test_buckets);

  return g_test_run ();
}
