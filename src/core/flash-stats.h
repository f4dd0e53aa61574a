/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stats.h: statistics of a collection or one deck: today, the calendar, the forecast, true
 * retention, the answer buttons, hours, intervals, ease and cards added (docs/statistics.md).
 * Every function takes a deck id, 0 for every deck, and reads one snapshot. */
#pragma once

#include "flash-store.h"

G_BEGIN_DECLS

/* A card is mature once its interval reaches this many days. */
#define FLASH_MATURE_DAYS 21

/* What a log entry reviewed: a new card's first review or a same-day repeat (learning), or a
 * scheduled review of a young or a mature card (the card's interval before the review). */
typedef enum
{
  FLASH_MATURITY_LEARNING,
  FLASH_MATURITY_YOUNG,
  FLASH_MATURITY_MATURE,
} FlashMaturity;
#define FLASH_N_MATURITIES 3

/* The windows of true retention, each ending today: today, 7, 30 and 365 study days. */
typedef enum
{
  FLASH_WINDOW_DAY,
  FLASH_WINDOW_WEEK,
  FLASH_WINDOW_MONTH,
  FLASH_WINDOW_YEAR,
} FlashStatsWindow;
#define FLASH_N_WINDOWS 4

/* The grades of the log, 0–5 on the SM-2 scale (the buttons give 1, 3, 4 and 5). */
#define FLASH_N_GRADES 6

/* Interval buckets: 1, 2, 3–6, 7–13, 14–20, 21–44, 45–89, 90–179, 180–364 days, a year or more. */
#define FLASH_N_INTERVAL_BUCKETS 10
/* Ease (EF) buckets of 0.2 from 1.3: 1.3–1.49, …, 2.7–2.89, and 2.9 or more. */
#define FLASH_N_EASE_BUCKETS 9

typedef struct
{
  guint reviews;
  guint passed; /* graded 3 (Hard) or better */
} FlashPassCount;

typedef struct
{
  FlashDay day;
  guint    reviews;   /* every log entry of the day, as `log` lists them */
  gint64   answer_ms;
} FlashStatsDay;

typedef struct
{
  guint young;  /* cards due that day (today: and every overdue one) with an interval under 21 */
  guint mature;
} FlashForecastDay;

typedef struct
{
  guint  reviews;        /* log entries today */
  gint64 answer_ms;
  guint  passed;         /* of them graded 3 or better */
  guint  streak;         /* study days with reviews up to today (or yesterday) */
  guint  longest_streak;
} FlashStatsToday;

/* Everything the Statistics page shows, read in one snapshot. */
typedef struct
{
  gint64           deck_id;
  FlashDay         today;
  FlashStatsToday  totals;
  GArray          *calendar;  /* FlashStatsDay of every study day with reviews, oldest first */
  GArray          *forecast;  /* FlashForecastDay, today first, FLASH_STATS_FORECAST_DAYS */
  double           daily_load; /* reviews a day the schedule asks for on average */
  FlashPassCount   retention[FLASH_N_WINDOWS][2]; /* [window][0 young, 1 mature] */
  guint            buttons[FLASH_N_MATURITIES][FLASH_N_GRADES];
  FlashPassCount   hours[24];
  guint            intervals[FLASH_N_INTERVAL_BUCKETS];
  guint            ease[FLASH_N_EASE_BUCKETS];
  GArray          *added;     /* guint cards added per day, FLASH_STATS_ADDED_DAYS, today last */
} FlashStatsReport;

#define FLASH_STATS_FORECAST_DAYS 90
#define FLASH_STATS_ADDED_DAYS 90
/* The most days a forecast or calendar covers. */
#define FLASH_STATS_MAX_DAYS 3660

/* A share of @count, or -1 with nothing to rate. */
double       flash_pass_rate              (const FlashPassCount *count);
const char  *flash_maturity_name          (FlashMaturity         maturity); /* "learning", … */
const char  *flash_stats_window_name      (FlashStatsWindow      window);   /* "day", … */
guint        flash_stats_window_days      (FlashStatsWindow      window);
/* The bucket's first day and its last (G_MAXUINT for the last bucket). */
void         flash_stats_interval_bucket  (guint                 bucket,
                                           guint                *first,
                                           guint                *last);
/* "1", "3-6", "365+"; and for ease "1.3", "1.5", … "2.9+" (the bucket's lower bound). */
char        *flash_stats_interval_label   (guint                 bucket);
char        *flash_stats_ease_label       (guint                 bucket);

gboolean     flash_store_stats_today      (FlashStore           *self,
                                           gint64                deck_id,
                                           GDateTime            *now,
                                           FlashStatsToday      *totals,
                                           GError              **error);
/* The study days from @first to @last (inclusive) that have reviews, oldest first. */
GArray      *flash_store_stats_calendar   (FlashStore           *self,
                                           gint64                deck_id,
                                           FlashDay              first,
                                           FlashDay              last,
                                           GError              **error);
/* @days FlashForecastDay from today; @daily_load (may be NULL) gets the average daily load. */
GArray      *flash_store_stats_forecast   (FlashStore           *self,
                                           gint64                deck_id,
                                           GDateTime            *now,
                                           guint                 days,
                                           double               *daily_load,
                                           GError              **error);
gboolean     flash_store_stats_retention  (FlashStore           *self,
                                           gint64                deck_id,
                                           GDateTime            *now,
                                           FlashPassCount        retention[FLASH_N_WINDOWS][2],
                                           GError              **error);
gboolean     flash_store_stats_buttons    (FlashStore           *self,
                                           gint64                deck_id,
                                           guint                 buttons[FLASH_N_MATURITIES]
                                                                        [FLASH_N_GRADES],
                                           GError              **error);
/* Every log entry by the local hour it was given in; passed: graded 3 or better. */
gboolean     flash_store_stats_hours      (FlashStore           *self,
                                           gint64                deck_id,
                                           FlashPassCount        hours[24],
                                           GError              **error);
/* Scheduled cards that are not retired, by interval and by ease. */
gboolean     flash_store_stats_intervals  (FlashStore           *self,
                                           gint64                deck_id,
                                           guint                 intervals
                                                                 [FLASH_N_INTERVAL_BUCKETS],
                                           GError              **error);
gboolean     flash_store_stats_ease       (FlashStore           *self,
                                           gint64                deck_id,
                                           guint                 ease[FLASH_N_EASE_BUCKETS],
                                           GError              **error);
/* Cards (not deleted) added on each of the last @days study days, today last. */
GArray      *flash_store_stats_added      (FlashStore           *self,
                                           gint64                deck_id,
                                           GDateTime            *now,
                                           guint                 days,
                                           GError              **error);

FlashStatsReport *flash_store_stats_report (FlashStore          *self,
                                            gint64               deck_id,
                                            GDateTime           *now,
                                            GError             **error);
void         flash_stats_report_free      (FlashStatsReport     *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlashStatsReport, flash_stats_report_free)

G_END_DECLS
