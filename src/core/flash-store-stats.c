/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-stats.c: the statistics (see flash-stats.h). The review log is read through the
 * totals schema 4 and 9 keep (review_days, review_stats), the schedule through its indexes, so
 * that no statement walks the whole log (docs/performance.md). */
#include "flash-stats.h"
#include "flash-store-private.h"

#include <string.h>

/* The first day of each interval bucket; the last bucket has no end. */
static const guint interval_starts[FLASH_N_INTERVAL_BUCKETS] = {
  1, 2, 3, 7, 14, 21, 45, 90, 180, 365
};

double
flash_pass_rate (const FlashPassCount *count)
{
  return count->reviews > 0 ? (double) count->passed / count->reviews : -1.0;
}

const char *
flash_maturity_name (FlashMaturity maturity)
{
  static const char *const names[FLASH_N_MATURITIES] = { "learning", "young", "mature" };

  g_return_val_if_fail (maturity < FLASH_N_MATURITIES, NULL);
  return names[maturity];
}

const char *
flash_stats_window_name (FlashStatsWindow window)
{
  static const char *const names[FLASH_N_WINDOWS] = { "day", "week", "month", "year" };

  g_return_val_if_fail (window < FLASH_N_WINDOWS, NULL);
  return names[window];
}

guint
flash_stats_window_days (FlashStatsWindow window)
{
  static const guint days[FLASH_N_WINDOWS] = { 1, 7, 30, 365 };

  g_return_val_if_fail (window < FLASH_N_WINDOWS, 0);
  return days[window];
}

void
flash_stats_interval_bucket (guint  bucket,
                             guint *first,
                             guint *last)
{
  g_return_if_fail (bucket < FLASH_N_INTERVAL_BUCKETS);
  *first = interval_starts[bucket];
  *last = bucket + 1 < FLASH_N_INTERVAL_BUCKETS ? interval_starts[bucket + 1] - 1 : G_MAXUINT;
}

char *
flash_stats_interval_label (guint bucket)
{
  guint first;
  guint last;

  flash_stats_interval_bucket (bucket, &first, &last);
  if (last == G_MAXUINT)
    return g_strdup_printf ("%u+", first);
  if (first == last)
    return g_strdup_printf ("%u", first);
  return g_strdup_printf ("%u-%u", first, last);
}

char *
flash_stats_ease_label (guint bucket)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (bucket < FLASH_N_EASE_BUCKETS, NULL);
  g_ascii_formatd (text, sizeof text, "%.1f", 1.3 + 0.2 * bucket);
  return bucket + 1 < FLASH_N_EASE_BUCKETS ? g_strdup (text) : g_strconcat (text, "+", NULL);
}

static guint
interval_bucket (gint64 interval)
{
  guint bucket = 0;

  while (bucket + 1 < FLASH_N_INTERVAL_BUCKETS && interval >= interval_starts[bucket + 1])
    bucket++;
  return bucket;
}

static gboolean
finish_rows (FlashStore    *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || flash_store_set_error (self, rc, error);
}

/* Today and the streaks --------------------------------------------------------------------- */

/* Walks study days newest first: the streak up to today (or up to yesterday while today has no
 * review yet), and the longest run of consecutive days. */
static gboolean
walk_streaks (FlashStore       *self,
              sqlite3_stmt     *stmt,
              FlashDay          today,
              FlashStatsToday  *totals,
              GError          **error)
{
  gboolean current = TRUE;
  FlashDay previous = 0;
  guint run = 0;
  int rc;

  totals->streak = 0;
  totals->longest_streak = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlashDay day = sqlite3_column_int (stmt, 0);

      if (day <= 0)
        break;
      if (run > 0 && day == previous - 1)
        run++;
      else
        {
          if (run > 0)
            current = FALSE;
          run = 1;
          /* The first run counts as today's streak only if it reaches today or yesterday. */
          if (previous == 0 && day < today - 1)
            current = FALSE;
        }
      if (current)
        totals->streak = run;
      totals->longest_streak = MAX (totals->longest_streak, run);
      previous = day;
    }
  return finish_rows (self, stmt, rc, error);
}

static gboolean
read_today (FlashStore       *self,
            gint64            deck_id,
            FlashDay          today,
            FlashStatsToday  *totals,
            GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (totals, 0, sizeof *totals);
  stmt = flash_store_prepare (self, "SELECT TOTAL(reviews), TOTAL(answer_ms), TOTAL(reviews * "
                                    "(grade >= 3)) FROM review_stats WHERE deck_id = ?1 AND "
                                    "day = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  sqlite3_bind_int (stmt, 2, today);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      totals->reviews = (guint) sqlite3_column_double (stmt, 0);
      totals->answer_ms = (gint64) sqlite3_column_double (stmt, 1);
      totals->passed = (guint) sqlite3_column_double (stmt, 2);
      rc = SQLITE_DONE;
    }
  if (!finish_rows (self, stmt, rc, error))
    return FALSE;

  /* Every deck's study days are one row each in the day totals; one deck's are read from its
   * totals by day, hour, maturity and grade, which come in day order. */
  if (deck_id == 0)
    stmt = flash_store_prepare (self, "SELECT day FROM review_days WHERE day <= ?2 ORDER BY day "
                                      "DESC", error);
  else
    stmt = flash_store_prepare (self, "SELECT DISTINCT day FROM review_stats WHERE deck_id = ?1 "
                                      "AND day <= ?2 ORDER BY day DESC", error);
  if (stmt == NULL)
    return FALSE;
  if (deck_id != 0)
    sqlite3_bind_int64 (stmt, 1, deck_id);
  sqlite3_bind_int (stmt, 2, today);
  return walk_streaks (self, stmt, today, totals, error);
}

gboolean
flash_store_stats_today (FlashStore       *self,
                         gint64            deck_id,
                         GDateTime        *now,
                         FlashStatsToday  *totals,
                         GError          **error)
{
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL && now != NULL && totals != NULL, FALSE);

  began = flash_store_read_begin (self);
  ok = read_today (self, deck_id, flash_store_day_for (self, now), totals, error);
  flash_store_read_end (self, began);
  return ok;
}

/* The overview's key figures ------------------------------------------------------------------ */

static gboolean
count_query (FlashStore  *self,
             const char  *sql,
             gint64       a,
             gint64       b,
             guint       *out,
             GError     **error)
{
  sqlite3_stmt *stmt = flash_store_prepare (self, sql, error);
  gint64 value = 0;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (!flash_store_query_int64 (self, stmt, 0, &value, error))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* Scheduled reviews since @after, and how many of them were recalled (graded 3 or better), from
 * the day totals (schema 4): one row per study day. */
static gboolean
count_recalled (FlashStore  *self,
                FlashDay     after,
                guint       *reviews,
                guint       *recalled,
                GError     **error)
{
  sqlite3_stmt *stmt = flash_store_prepare (self, "SELECT TOTAL(reviews), TOTAL(recalled) FROM "
                                                  "review_days WHERE day > ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, after);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *reviews = (guint) sqlite3_column_double (stmt, 0);
      *recalled = (guint) sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
read_stats (FlashStore  *self,
            FlashDay     today,
            FlashStats  *stats,
            GError     **error)
{
  FlashStatsToday totals;
  guint recent = 0;
  guint recalled = 0;

  /* The card and review totals come from the counts each deck keeps, and the few retired cards
   * from their partial index, so no statement here scans the cards or the whole review log
   * (docs/performance.md). */
  if (!count_query (self, "SELECT COUNT(*) FROM decks", 0, 0, &stats->decks, error)
      || !count_query (self, "SELECT SUM(cards) FROM decks", 0, 0, &stats->cards, error)
      || !count_query (self, "SELECT COUNT(*) FROM cards WHERE retired = 1",
                       0, 0, &stats->retired, error)
      || !count_query (self, "SELECT SUM(new_cards) FROM decks", 0, 0, &stats->new_cards, error)
      || !count_query (self, "SELECT SUM(reviews) FROM decks", 0, 0, &stats->reviews_total,
                       error)
      || !count_query (self, "SELECT TOTAL(entries) FROM review_days WHERE day = ?1", today, 0,
                       &stats->reviews_today, error)
      || !count_query (self, "SELECT (SELECT COUNT(*) FROM schedule WHERE due_day <= ?1) + (SELECT "
                             "COUNT(*) FROM schedule WHERE repeat_day = ?1 AND repeat_day > 0    "
                             "AND due_day > ?1) - (SELECT COUNT(*) FROM cards c JOIN schedule s ON "
                             "s.card_id = c.id    WHERE c.retired = 1 AND (s.due_day <= ?1 OR "
                             "s.repeat_day = ?1))",
                       today, 0, &stats->due_today, error)
      || !count_query (self, "SELECT COUNT(*) FROM schedule WHERE due_day = ?1 AND card_id NOT IN "
                             "(SELECT id FROM cards WHERE retired = 1)", today + 1, 0,
                       &stats->due_tomorrow, error)
      || !count_recalled (self, today - 30, &recent, &recalled, error))
    return FALSE;
  stats->retention_30d = recent > 0 ? (double) recalled / recent : -1.0;
  if (!read_today (self, 0, today, &totals, error))
    return FALSE;
  stats->streak = totals.streak;
  return TRUE;
}

gboolean
flash_store_get_stats (FlashStore  *self,
                       GDateTime   *now,
                       FlashStats  *stats,
                       GError     **error)
{
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  began = flash_store_read_begin (self);
  ok = read_stats (self, flash_store_day_for (self, now), stats, error);
  flash_store_read_end (self, began);
  return ok;
}

/* The calendar --------------------------------------------------------------------------------- */

GArray *
flash_store_stats_calendar (FlashStore  *self,
                            gint64       deck_id,
                            FlashDay     first,
                            FlashDay     last,
                            GError     **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (FlashStatsDay));
  sqlite3_stmt *stmt;
  gboolean began;
  gboolean ok;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  began = flash_store_read_begin (self);
  if (deck_id == 0)
    stmt = flash_store_prepare (self, "SELECT day, entries, answer_ms FROM review_days WHERE day "
                                      "BETWEEN ?2 AND ?3 ORDER BY day", error);
  else
    stmt = flash_store_prepare (self, "SELECT day, SUM(reviews), SUM(answer_ms) FROM review_stats "
                                      "WHERE deck_id = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY day "
                                      "ORDER BY day", error);
  if (stmt == NULL)
    {
      flash_store_read_end (self, began);
      return NULL;
    }
  if (deck_id != 0)
    sqlite3_bind_int64 (stmt, 1, deck_id);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlashStatsDay day = {
        .day = sqlite3_column_int (stmt, 0),
        .reviews = (guint) sqlite3_column_int64 (stmt, 1),
        .answer_ms = sqlite3_column_int64 (stmt, 2),
      };

      if (day.reviews > 0)
        g_array_append_val (days, day);
    }
  ok = finish_rows (self, stmt, rc, error);
  flash_store_read_end (self, began);
  return ok ? g_steal_pointer (&days) : NULL;
}

/* The forecast --------------------------------------------------------------------------------- */

/* Cards that never come due: retired (and deleted) and suspended ones, which are few. */
#define MATURE G_STRINGIFY (FLASH_MATURE_DAYS)
#define NOT_DUE "card_id NOT IN (SELECT id FROM cards WHERE retired = 1 UNION ALL " \
                "SELECT id FROM cards WHERE suspended = 1)"

static gboolean read_schedule (FlashStore  *self,
                               gint64       deck_id,
                               guint       *intervals,
                               guint       *ease,
                               double      *daily_load,
                               GError     **error);

static gboolean
read_forecast (FlashStore  *self,
               gint64       deck_id,
               FlashDay     today,
               GArray      *forecast,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The schedule's due index holds the interval (schema 9), so neither reads a card's row. */
  if (deck_id == 0)
    stmt = flash_store_prepare (self, "SELECT MAX (due_day, ?2), interval >= " MATURE ", "
                                      "COUNT(*) FROM schedule WHERE due_day < ?3 AND " NOT_DUE " GROUP BY 1, 2",
                                error);
  else
    stmt = flash_store_prepare (self, "SELECT MAX (due_day, ?2), interval >= " MATURE ", "
                                      "COUNT(*) FROM schedule WHERE deck_id = ?1 AND due_day < ?3 AND " NOT_DUE
                                      " GROUP BY 1, 2", error);
  if (stmt == NULL)
    return FALSE;
  if (deck_id != 0)
    sqlite3_bind_int64 (stmt, 1, deck_id);
  sqlite3_bind_int (stmt, 2, today);
  sqlite3_bind_int (stmt, 3, today + (FlashDay) forecast->len);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlashDay day = sqlite3_column_int (stmt, 0);
      FlashForecastDay *entry = &g_array_index (forecast, FlashForecastDay, day - today);

      if (sqlite3_column_int (stmt, 1))
        entry->mature += (guint) sqlite3_column_int64 (stmt, 2);
      else
        entry->young += (guint) sqlite3_column_int64 (stmt, 2);
    }
  return finish_rows (self, stmt, rc, error);
}
#undef NOT_DUE
#undef MATURE

GArray *
flash_store_stats_forecast (FlashStore  *self,
                            gint64       deck_id,
                            GDateTime   *now,
                            guint        days,
                            double      *daily_load,
                            GError     **error)
{
  g_autoptr(GArray) forecast = NULL;
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL && now != NULL, NULL);
  g_return_val_if_fail (days > 0 && days <= FLASH_STATS_MAX_DAYS, NULL);

  forecast = g_array_new (FALSE, TRUE, sizeof (FlashForecastDay));
  g_array_set_size (forecast, days);
  began = flash_store_read_begin (self);
  ok = read_forecast (self, deck_id, flash_store_day_for (self, now), forecast, error)
       && (daily_load == NULL || read_schedule (self, deck_id, NULL, NULL, daily_load, error));
  flash_store_read_end (self, began);
  return ok ? g_steal_pointer (&forecast) : NULL;
}

/* Retention, buttons and hours: one walk of the log's totals ----------------------------------- */

typedef struct
{
  FlashPassCount (*retention)[2];
  guint          (*buttons)[FLASH_N_GRADES];
  FlashPassCount  *hours;
} LogTotals;

/* Adds the totals of @deck_id's log from study day @first to @today into @totals' parts. */
static gboolean
walk_log_totals (FlashStore       *self,
                 gint64            deck_id,
                 FlashDay          first,
                 FlashDay          today,
                 const LogTotals  *totals,
                 GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = flash_store_prepare (self, "SELECT day, hour, maturity, grade, reviews FROM review_stats "
                                    "WHERE deck_id = ?1 AND day >= ?2 AND day <= ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlashDay day = sqlite3_column_int (stmt, 0);
      int hour = sqlite3_column_int (stmt, 1);
      int maturity = sqlite3_column_int (stmt, 2);
      int grade = sqlite3_column_int (stmt, 3);
      guint reviews = (guint) sqlite3_column_int64 (stmt, 4);
      gboolean passed = grade >= 3;

      if (maturity < 0 || maturity >= FLASH_N_MATURITIES || grade < 0 || grade >= FLASH_N_GRADES
          || hour < 0 || hour > 23)
        continue;
      if (totals->buttons != NULL)
        totals->buttons[maturity][grade] += reviews;
      if (totals->hours != NULL)
        {
          totals->hours[hour].reviews += reviews;
          totals->hours[hour].passed += passed ? reviews : 0;
        }
      if (totals->retention != NULL && maturity != FLASH_MATURITY_LEARNING)
        for (guint w = 0; w < FLASH_N_WINDOWS; w++)
          if (day > today - (FlashDay) flash_stats_window_days (w))
            {
              FlashPassCount *count = &totals->retention[w][maturity - FLASH_MATURITY_YOUNG];

              count->reviews += reviews;
              count->passed += passed ? reviews : 0;
            }
    }
  return finish_rows (self, stmt, rc, error);
}

static gboolean
read_log_totals (FlashStore       *self,
                 gint64            deck_id,
                 FlashDay          first,
                 FlashDay          today,
                 const LogTotals  *totals,
                 GError          **error)
{
  gboolean began = flash_store_read_begin (self);
  gboolean ok = walk_log_totals (self, deck_id, first, today, totals, error);

  flash_store_read_end (self, began);
  return ok;
}

gboolean
flash_store_stats_retention (FlashStore      *self,
                             gint64           deck_id,
                             GDateTime       *now,
                             FlashPassCount   retention[FLASH_N_WINDOWS][2],
                             GError         **error)
{
  LogTotals totals = { .retention = retention };
  FlashDay today;

  g_return_val_if_fail (self != NULL && now != NULL, FALSE);

  memset (retention, 0, sizeof (FlashPassCount) * FLASH_N_WINDOWS * 2);
  today = flash_store_day_for (self, now);
  return read_log_totals (self, deck_id, today - 364, today, &totals, error);
}

gboolean
flash_store_stats_buttons (FlashStore  *self,
                           gint64       deck_id,
                           guint        buttons[FLASH_N_MATURITIES][FLASH_N_GRADES],
                           GError     **error)
{
  LogTotals totals = { .buttons = buttons };

  g_return_val_if_fail (self != NULL, FALSE);

  memset (buttons, 0, sizeof (guint) * FLASH_N_MATURITIES * FLASH_N_GRADES);
  return read_log_totals (self, deck_id, G_MININT32, G_MAXINT32, &totals, error);
}

gboolean
flash_store_stats_hours (FlashStore      *self,
                         gint64           deck_id,
                         FlashPassCount   hours[24],
                         GError         **error)
{
  LogTotals totals = { .hours = hours };

  g_return_val_if_fail (self != NULL, FALSE);

  memset (hours, 0, sizeof (FlashPassCount) * 24);
  return read_log_totals (self, deck_id, G_MININT32, G_MAXINT32, &totals, error);
}

/* Intervals, ease and cards added -------------------------------------------------------------- */

/* One walk of the scheduled cards that are not retired: their intervals and ease into buckets,
 * and the daily load of those that are not suspended (each asks for a review every interval
 * days). Any of the three may be NULL. Reading the rows is cheaper than grouping them in SQL. */
static gboolean
read_schedule (FlashStore  *self,
               gint64       deck_id,
               guint       *intervals,
               guint       *ease,
               double      *daily_load,
               GError     **error)
{
  sqlite3_stmt *stmt;
  double load = 0;
  int rc;

  if (deck_id == 0)
    stmt = flash_store_prepare (self, "SELECT interval, ef, card_id IN (SELECT id FROM cards WHERE "
                                      "suspended = 1) FROM schedule WHERE card_id NOT IN (SELECT "
                                      "id FROM cards WHERE retired = 1)", error);
  else
    stmt = flash_store_prepare (self, "SELECT interval, ef, card_id IN (SELECT id FROM cards WHERE "
                                      "suspended = 1) FROM schedule WHERE deck_id = ?1 AND card_id "
                                      "NOT IN (SELECT id FROM cards WHERE retired = 1)", error);
  if (stmt == NULL)
    return FALSE;
  if (deck_id != 0)
    sqlite3_bind_int64 (stmt, 1, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 interval = sqlite3_column_int64 (stmt, 0);
      /* Buckets of 0.2 from 1.3, SM-2's floor; the small term keeps 1.5 out of the bucket below. */
      double bucket = (sqlite3_column_double (stmt, 1) - 1.3) / 0.2 + 1e-6;

      if (intervals != NULL)
        intervals[interval_bucket (interval)]++;
      if (ease != NULL)
        ease[(guint) CLAMP (bucket, 0, FLASH_N_EASE_BUCKETS - 1)]++;
      if (!sqlite3_column_int (stmt, 2))
        load += 1.0 / MAX (interval, 1);
    }
  if (daily_load != NULL)
    *daily_load = load;
  return finish_rows (self, stmt, rc, error);
}

gboolean
flash_store_stats_intervals (FlashStore  *self,
                             gint64       deck_id,
                             guint        intervals[FLASH_N_INTERVAL_BUCKETS],
                             GError     **error)
{
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  memset (intervals, 0, sizeof (guint) * FLASH_N_INTERVAL_BUCKETS);
  began = flash_store_read_begin (self);
  ok = read_schedule (self, deck_id, intervals, NULL, NULL, error);
  flash_store_read_end (self, began);
  return ok;
}

gboolean
flash_store_stats_ease (FlashStore  *self,
                        gint64       deck_id,
                        guint        ease[FLASH_N_EASE_BUCKETS],
                        GError     **error)
{
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  memset (ease, 0, sizeof (guint) * FLASH_N_EASE_BUCKETS);
  began = flash_store_read_begin (self);
  ok = read_schedule (self, deck_id, NULL, ease, NULL, error);
  flash_store_read_end (self, began);
  return ok;
}

static gboolean
read_added (FlashStore  *self,
            gint64       deck_id,
            FlashDay     today,
            GArray      *added,
            GError     **error)
{
  FlashDay first = today - (FlashDay) added->len + 1;
  g_autoptr(GDateTime) start = flash_day_start_time (first, self->limits.day_start_hour);
  sqlite3_stmt *stmt;
  int rc;

  /* An import gives all its cards one time, so there are few groups. */
  if (deck_id == 0)
    stmt = flash_store_prepare (self, "SELECT added, COUNT(*) FROM cards WHERE added >= ?2 AND "
                                      "deleted = 0 GROUP BY added", error);
  else
    stmt = flash_store_prepare (self, "SELECT added, COUNT(*) FROM cards WHERE added >= ?2 AND "
                                      "deck_id = ?1 AND deleted = 0 GROUP BY added", error);
  if (stmt == NULL)
    return FALSE;
  if (deck_id != 0)
    sqlite3_bind_int64 (stmt, 1, deck_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (start));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt, 0));
      FlashDay day = time != NULL ? flash_day_for_time (time, self->limits.day_start_hour) : 0;

      if (day >= first && day <= today)
        g_array_index (added, guint, day - first) += (guint) sqlite3_column_int64 (stmt, 1);
    }
  return finish_rows (self, stmt, rc, error);
}

GArray *
flash_store_stats_added (FlashStore  *self,
                         gint64       deck_id,
                         GDateTime   *now,
                         guint        days,
                         GError     **error)
{
  g_autoptr(GArray) added = NULL;
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL && now != NULL, NULL);
  g_return_val_if_fail (days > 0 && days <= FLASH_STATS_MAX_DAYS, NULL);

  added = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (added, days);
  began = flash_store_read_begin (self);
  ok = read_added (self, deck_id, flash_store_day_for (self, now), added, error);
  flash_store_read_end (self, began);
  return ok ? g_steal_pointer (&added) : NULL;
}

/* The page's report ---------------------------------------------------------------------------- */

FlashStatsReport *
flash_store_stats_report (FlashStore  *self,
                          gint64       deck_id,
                          GDateTime   *now,
                          GError     **error)
{
  g_autoptr(FlashStatsReport) report = g_new0 (FlashStatsReport, 1);
  LogTotals totals;
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL && now != NULL, NULL);

  report->deck_id = deck_id;
  report->today = flash_store_day_for (self, now);
  totals = (LogTotals) {
    .retention = report->retention, .buttons = report->buttons, .hours = report->hours,
  };
  report->forecast = g_array_new (FALSE, TRUE, sizeof (FlashForecastDay));
  g_array_set_size (report->forecast, FLASH_STATS_FORECAST_DAYS);
  report->added = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (report->added, FLASH_STATS_ADDED_DAYS);

  began = flash_store_read_begin (self);
  ok = read_today (self, deck_id, report->today, &report->totals, error)
       && (report->calendar = flash_store_stats_calendar (self, deck_id, 0, report->today,
                                                          error)) != NULL
       && read_forecast (self, deck_id, report->today, report->forecast, error)
       && walk_log_totals (self, deck_id, G_MININT32, report->today, &totals, error)
       && read_schedule (self, deck_id, report->intervals, report->ease, &report->daily_load,
                         error)
       && read_added (self, deck_id, report->today, report->added, error);
  flash_store_read_end (self, began);
  return ok ? g_steal_pointer (&report) : NULL;
}

void
flash_stats_report_free (FlashStatsReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->calendar, g_array_unref);
  g_clear_pointer (&report->forecast, g_array_unref);
  g_clear_pointer (&report->added, g_array_unref);
  g_free (report);
}
