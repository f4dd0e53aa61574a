/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-stats.c: `flashsheet-cli stats` and its kinds, as whole processes on a collection with
 * a short history (TZ=UTC, study days from 04:00). */
#include "flash-test-collection.h"
#include "flash-test-util.h"

#include <string.h>

typedef FlashTestCollection Fixture;

static const char sheet_a[] =
  "# Alpha\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n\n## Three\n\nThird.\n";
static const char sheet_b[] = "# Beta\n\n## Four\n\nFourth.\n";

static void
run_at (FlashTestRun       *result,
        Fixture            *f,
        const char         *now,
        const char * const *args)
{
  flash_test_cli_run (result, f->db, now, NULL, NULL, NULL, args);
}

static char *
out_at (Fixture            *f,
        const char         *now,
        const char * const *args)
{
  g_auto(FlashTestRun) result = { 0 };

  run_at (&result, f, now, args);
  if (result.status != 0)
    g_printerr ("stderr: %s\n", result.err);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  return g_steal_pointer (&result.out);
}

#define OUT(f, ...) out_at ((f), FLASH_TEST_NOW, FLASH_TEST_ARGS (__VA_ARGS__))

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* The sum of column @column (from 0) of tab-separated @text. */
static guint
column_sum (const char *text,
            guint       column)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint sum = 0;

  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), >, column);
      sum += (guint) g_ascii_strtoull (fields[column], NULL, 10);
    }
  return sum;
}

static void
grade (Fixture    *f,
       const char *now,
       const char *id,
       const char *grade_word)
{
  g_free (out_at (f, now, FLASH_TEST_ARGS ("grade", id, grade_word)));
}

/* Cards 1–3 are Alpha's, 4 Beta's. Nov 20: 1 Good, 2 Again, 2 Good (a repeat), at 03:30 on Nov 21
 * (still Nov 20) 4 Hard; Nov 21 (today): 1 Good, 2 Again. */
static void
build (Fixture *f)
{
  g_autofree char *a = g_build_filename (f->dir, "alpha.md", NULL);
  g_autofree char *b = g_build_filename (f->dir, "beta.md", NULL);

  g_assert_true (g_file_set_contents (a, sheet_a, -1, NULL));
  g_assert_true (g_file_set_contents (b, sheet_b, -1, NULL));
  g_free (OUT (f, "import", a, b));
  grade (f, "2026-11-20T09:00:00Z", "1", "good");
  grade (f, "2026-11-20T09:01:00Z", "2", "again");
  grade (f, "2026-11-20T09:05:00Z", "2", "good");
  grade (f, "2026-11-21T03:30:00Z", "4", "hard");
  grade (f, "2026-11-21T10:00:00Z", "1", "good");
  grade (f, "2026-11-21T10:01:00Z", "2", "again");
}

static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *calendar = NULL;
  g_autofree char *log = NULL;
  g_autofree char *beta_calendar = NULL;
  g_autofree char *beta_log = NULL;
  g_autofree char *today = NULL;
  g_autofree char *forecast = NULL;
  g_autofree char *week = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *buttons = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *intervals = NULL;
  g_autofree char *ease = NULL;
  g_autofree char *summary = NULL;

  build (f);

  /* The calendar counts what the log lists, for every deck and for one. */
  calendar = OUT (f, "stats", "calendar");
  g_assert_cmpstr (calendar, ==, "2026-11-20\t4\t0.0\n2026-11-21\t2\t0.0\n");
  log = OUT (f, "log");
  g_assert_cmpuint (column_sum (calendar, 1), ==, count_lines (log));
  beta_calendar = OUT (f, "stats", "calendar", "--deck", "Beta");
  beta_log = OUT (f, "log", "--deck", "Beta");
  g_assert_cmpstr (beta_calendar, ==, "2026-11-20\t1\t0.0\n");
  g_assert_cmpuint (column_sum (beta_calendar, 1), ==, count_lines (beta_log));
  today = OUT (f, "stats", "calendar", "--days", "1");
  g_assert_cmpstr (today, ==, "2026-11-21\t2\t0.0\n");

  /* The forecast has a row for every day, today first; every scheduled card is in it once. */
  forecast = OUT (f, "stats", "forecast");
  g_assert_cmpuint (count_lines (forecast), ==, 30);
  g_assert_true (g_str_has_prefix (forecast, "2026-11-21\t1\n2026-11-22\t1\n"));
  g_assert_cmpuint (column_sum (forecast, 1), ==, 3);
  week = OUT (f, "stats", "forecast", "--days", "7", "--deck", "Alpha");
  g_assert_cmpuint (count_lines (week), ==, 7);
  g_assert_true (g_str_has_prefix (week, "2026-11-21\t0\n2026-11-22\t1\n"));

  /* Retention: today 1 Good and 2 Again, both young (1 of 2); no mature review. */
  retention = OUT (f, "stats", "retention");
  g_assert_cmpstr (retention, ==,
                   "day\tyoung\t2\t1\t50.0\nday\tmature\t0\t0\t-\n"
                   "week\tyoung\t2\t1\t50.0\nweek\tmature\t0\t0\t-\n"
                   "month\tyoung\t2\t1\t50.0\nmonth\tmature\t0\t0\t-\n"
                   "year\tyoung\t2\t1\t50.0\nyear\tmature\t0\t0\t-\n");

  buttons = OUT (f, "stats", "buttons");
  g_assert_cmpstr (buttons, ==,
                   "learning\t1\t1\nlearning\t3\t1\nlearning\t4\t2\nlearning\t5\t0\n"
                   "young\t1\t1\nyoung\t3\t0\nyoung\t4\t1\nyoung\t5\t0\n"
                   "mature\t1\t0\nmature\t3\t0\nmature\t4\t0\nmature\t5\t0\n");

  hours = OUT (f, "stats", "hours");
  g_assert_cmpuint (count_lines (hours), ==, 24);
  g_assert_nonnull (strstr (hours, "\n3\t1\t100.0\n"));
  g_assert_nonnull (strstr (hours, "\n9\t3\t66.7\n"));
  g_assert_nonnull (strstr (hours, "\n10\t2\t50.0\n"));
  g_assert_nonnull (strstr (hours, "\n11\t0\t-\n"));
  g_assert_cmpuint (column_sum (hours, 1), ==, count_lines (log));

  intervals = OUT (f, "stats", "intervals");
  g_assert_true (g_str_has_prefix (intervals, "1\t2\n2\t0\n3-6\t1\n"));
  g_assert_cmpuint (count_lines (intervals), ==, 10);
  ease = OUT (f, "stats", "ease", "--deck", "Beta");
  g_assert_cmpuint (column_sum (ease, 1), ==, 1);

  summary = OUT (f, "stats");
  g_assert_nonnull (strstr (summary, "\nreviews\t6\nreviews_today\t2\n"));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  const char * const *usage[] = {
    FLASH_TEST_ARGS ("stats", "frobnicate"),
    FLASH_TEST_ARGS ("stats", "retention", "--days", "7"),
    FLASH_TEST_ARGS ("stats", "calendar", "--days", "0"),
    FLASH_TEST_ARGS ("stats", "forecast", "--days", "x"),
    FLASH_TEST_ARGS ("stats", "forecast", "--days", "100000"),
    FLASH_TEST_ARGS ("stats", "--deck", "Alpha"),
    FLASH_TEST_ARGS ("stats", "calendar", "hours"),
    FLASH_TEST_ARGS ("decks", "--days", "3"),
  };

  build (f);
  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(FlashTestRun) result = { 0 };

      run_at (&result, f, FLASH_TEST_NOW, usage[i]);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_nonnull (strstr (result.err, "Usage: flashsheet-cli"));
    }
  {
    g_auto(FlashTestRun) result = { 0 };

    run_at (&result, f, FLASH_TEST_NOW, FLASH_TEST_ARGS ("stats", "hours", "--deck", "Nope"));
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
  }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, flash_test_collection_set_up, (func), \
              flash_test_collection_tear_down)
  ADD ("/cli-stats/kinds", test_kinds);
  ADD ("/cli-stats/errors", test_errors);
#undef ADD

  return g_test_run ();
}
