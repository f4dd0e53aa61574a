/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-scheduler.c: `scheduler`, `schedule ID`, grading by word under FSRS and `simulate
 * --scheduler fsrs`, as whole processes (TZ=UTC, study days from 04:00). */
#include "flash-test-collection.h"
#include "flash-test-util.h"

typedef FlashTestCollection Fixture;

static const char sheet[] = "# Alpha\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n";

static char *
out_at (Fixture            *f,
        const char         *now,
        const char * const *args)
{
  g_auto(FlashTestRun) result = { 0 };

  flash_test_cli_run (&result, f->db, now, NULL, NULL, NULL, args);
  if (result.status != 0)
    g_printerr ("stderr: %s\n", result.err);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  return g_steal_pointer (&result.out);
}

#define OUT(f, ...) out_at ((f), FLASH_TEST_NOW, FLASH_TEST_ARGS (__VA_ARGS__))

static void
import (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "alpha.md", NULL);

  g_assert_true (g_file_set_contents (path, sheet, -1, NULL));
  g_free (OUT (f, "import", path));
}

static void
test_scheduler (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *shown = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *graded = NULL;
  g_autofree char *schedule = NULL;
  g_autofree char *later = NULL;
  g_autofree char *sm2 = NULL;
  g_autofree char *sm2_schedule = NULL;

  import (f);
  shown = OUT (f, "scheduler");
  g_assert_cmpstr (shown, ==,
                   "scheduler\tsm2\nretention\t0.90\nfuzz\ton\nmaximum_interval\t36500\n");

  /* Card 1 graded Good under SM-2 first: FSRS's state then comes from its log. */
  g_free (OUT (f, "grade", "1", "good"));
  chosen = OUT (f, "scheduler", "fsrs", "--retention", "0.85", "--fuzz", "off");
  g_assert_cmpstr (chosen, ==, "scheduler\tfsrs\nretention\t0.85\nfuzz\toff\n"
                               "maximum_interval\t36500\n");
  schedule = OUT (f, "schedule", "1");
  /* w2 = 2.3065 from a first Good; D0(3) = 6.4133 − e^(2·0.8334) + 1; due the next day. */
  g_assert_cmpstr (schedule, ==, "fsrs\t1\t0\t-\t2.3065\t2.1181\t1.0000\t1\t2026-11-22\n");

  /* A new card's first Good under FSRS at 0.85: S = 2.3065 lasts longer at a lower retention,
   * 2.3065 × 1.906 = 4.4, so 4 days; the second column is the difficulty. */
  graded = OUT (f, "grade", "2", "good");
  g_assert_cmpstr (graded, ==, "1\t2.1181\t4\t2026-11-25\n");
  later = out_at (f, "2026-11-24T10:00:00Z", FLASH_TEST_ARGS ("schedule", "2"));
  g_assert_true (g_str_has_prefix (later, "fsrs\t1\t0\t-\t2.3065\t2.1181\t0."));

  /* Back to SM-2: its own state, no FSRS columns. */
  sm2 = OUT (f, "scheduler", "sm2");
  g_assert_true (g_str_has_prefix (sm2, "scheduler\tsm2\nretention\t0.85\n"));
  sm2_schedule = OUT (f, "schedule", "1");
  g_assert_cmpstr (sm2_schedule, ==, "sm2\t1\t0\t2.5000\t-\t-\t-\t1\t2026-11-22\n");
}

static void
test_simulate (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *fsrs = OUT (f, "simulate", "--scheduler", "fsrs", "again,good,good,easy");
  g_autofree char *sm2 = OUT (f, "simulate", "--scheduler", "sm2", "5,4");
  g_auto(GStrv) rows = g_strsplit (fsrs, "\n", -1);

  g_assert_cmpuint (g_strv_length (rows), ==, 5);
  g_assert_cmpstr (rows[0], ==, "1\t0.2120\t6.4133\t1");
  g_assert_true (g_str_has_prefix (rows[1], "4\t"));
  g_assert_cmpstr (sm2, ==, "5\t1\t2.6000\t1\n4\t2\t2.6000\t6\n");
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  const char * const *const bad[] = {
    FLASH_TEST_ARGS ("scheduler", "anki"),
    FLASH_TEST_ARGS ("scheduler", "fsrs", "--retention", "0.5"),
    FLASH_TEST_ARGS ("scheduler", "fsrs", "--retention", "much"),
    FLASH_TEST_ARGS ("scheduler", "fsrs", "--fuzz", "maybe"),
    FLASH_TEST_ARGS ("schedule", "x"),
    FLASH_TEST_ARGS ("simulate", "--scheduler", "leitner", "4"),
    FLASH_TEST_ARGS ("grade", "1", "meh"),
  };

  import (f);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(FlashTestRun) result = { 0 };

      flash_test_cli_run (&result, f->db, FLASH_TEST_NOW, NULL, NULL, NULL, bad[i]);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
    }
  /* Nothing was chosen by the refused ones. */
  {
    g_autofree char *shown = OUT (f, "scheduler");

    g_assert_true (g_str_has_prefix (shown, "scheduler\tsm2\nretention\t0.90\n"));
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
  ADD ("/cli-scheduler/scheduler", test_scheduler);
  ADD ("/cli-scheduler/simulate", test_simulate);
  ADD ("/cli-scheduler/errors", test_errors);
#undef ADD

  return g_test_run ();
}
