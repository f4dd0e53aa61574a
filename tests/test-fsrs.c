/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fsrs.c: FSRS-6 against the reference implementations' own vectors (ts-fsrs 5.4.2 in
 * long-term mode, fsrs-rs), in double precision. */
#include "flash-fsrs.h"

#include <math.h>

#define TOLERANCE 1e-4

/* Again, then Good five times, at 0, 0, 1, 3, 8 and 21 days since the review before: ts-fsrs
 * 5.4.2 with enable_short_term false gives S = 53.33506 and D = 6.35749 (53.62690 is short-term
 * mode, which changes the state on a same-day review). */
static void
test_reference_memory_state (void)
{
  static const FlashButton buttons[] = { 1, 3, 3, 3, 3, 3 };
  static const int elapsed[] = { 0, 0, 1, 3, 8, 21 };
  FlashFsrsParams params;
  FlashFsrsState state = { 0 };

  flash_fsrs_params_init (&params);
  g_assert_false (flash_fsrs_state_is_set (&state));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      FlashFsrsState next;

      flash_fsrs_next_state (&params, &state, elapsed[i], buttons[i], &next);
      g_test_message ("review %u: S %.5f D %.5f", i, next.stability, next.difficulty);
      state = next;
    }
  g_assert_cmpfloat_with_epsilon (state.stability, 53.33506, TOLERANCE);
  g_assert_cmpfloat_with_epsilon (state.difficulty, 6.35749, TOLERANCE);
}

/* For S = 1 the days until recall falls to the desired retention, 0.1 … 1.0, before the maximum
 * applies (fsrs-rs, in single precision, gets 3116766 for the first). */
static void
test_reference_intervals (void)
{
  static const int expected[] = { 3116769, 34793, 2508, 387, 90, 27, 9, 3, 1, 1 };
  FlashFsrsParams params;

  flash_fsrs_params_init (&params);
  params.maximum_interval = G_MAXINT;
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      params.retention = (i + 1) / 10.0;
      g_assert_cmpint (flash_fsrs_interval (&params, 1.0), ==, expected[i]);
    }
  params.retention = 0.1;
  params.maximum_interval = FLASH_FSRS_MAX_INTERVAL;
  g_assert_cmpint (flash_fsrs_interval (&params, 1.0), ==, FLASH_FSRS_MAX_INTERVAL);
}

/* The curve passes through 0.9 at t = S and falls after it. */
static void
test_retrievability (void)
{
  FlashFsrsParams params;

  flash_fsrs_params_init (&params);
  g_assert_cmpfloat_with_epsilon (flash_fsrs_retrievability (&params, 0, 5.0), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (flash_fsrs_retrievability (&params, 5.0, 5.0), 0.9, 1e-12);
  g_assert_cmpfloat (flash_fsrs_retrievability (&params, 20.0, 5.0), <, 0.9);
  g_assert_cmpfloat (flash_fsrs_retrievability (&params, 20.0, 5.0), >, 0.0);
}

/* A new card's first answer: 1, 2, 3 and 8 days (Hard < Good < Easy, Again at least a day), its
 * difficulty from w4 and w5. */
static void
test_first_review (void)
{
  static const int expected[] = { 1, 2, 3, 8 };
  FlashFsrsParams params;
  FlashFsrsState after[4];
  int intervals[4];

  flash_fsrs_params_init (&params);
  params.fuzz = FALSE;
  flash_fsrs_schedule (&params, NULL, 0, 0, after, intervals);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (intervals[i], ==, expected[i]);
  g_assert_cmpfloat_with_epsilon (after[0].stability, 0.212, 1e-12);
  g_assert_cmpfloat_with_epsilon (after[3].stability, 8.2956, 1e-12);
  g_assert_cmpfloat_with_epsilon (after[2].difficulty, 6.4133 - exp (2 * 0.8334) + 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (after[0].difficulty, 6.4133, 1e-12);
}

/* A lapse never raises the stability; stability and difficulty stay in their bounds after any
 * run of answers. */
static void
test_bounds (void)
{
  FlashFsrsParams params;
  FlashFsrsState state = { 0 };

  flash_fsrs_params_init (&params);
  for (guint i = 0; i < 400; i++)
    {
      FlashButton button = (FlashButton) (1 + (i * 7 + i / 3) % 4);
      FlashFsrsState next;
      int elapsed = (int) ((i * 37) % 900);

      flash_fsrs_next_state (&params, &state, elapsed, button, &next);
      if (button == FLASH_BUTTON_AGAIN && flash_fsrs_state_is_set (&state))
        g_assert_cmpfloat (next.stability, <=, state.stability);
      g_assert_cmpfloat (next.stability, >=, FLASH_FSRS_MIN_STABILITY);
      g_assert_cmpfloat (next.stability, <=, FLASH_FSRS_MAX_STABILITY);
      g_assert_cmpfloat (next.difficulty, >=, 1.0);
      g_assert_cmpfloat (next.difficulty, <=, 10.0);
      state = next;
    }
}

/* Fuzz: the same card and count always give the same interval, different ones spread it over
 * its range, and the order of the buttons holds. */
static void
test_fuzz (void)
{
  FlashFsrsParams params;
  FlashFsrsState before = { .stability = 30.0, .difficulty = 5.0 };
  FlashFsrsState after[4];
  int plain[4];
  int first[4];
  int again[4];
  gboolean seen_other = FALSE;

  flash_fsrs_params_init (&params);
  params.fuzz = FALSE;
  flash_fsrs_schedule (&params, &before, 30, 0, after, plain);
  params.fuzz = TRUE;
  flash_fsrs_schedule (&params, &before, 30, flash_fsrs_seed ("deck.md\x1fkey", 4), after, first);
  flash_fsrs_schedule (&params, &before, 30, flash_fsrs_seed ("deck.md\x1fkey", 4), after, again);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (first[i], ==, again[i]);
  g_assert_cmpuint (flash_fsrs_seed ("deck.md\x1fkey", 4), !=, flash_fsrs_seed ("deck.md\x1fkey",
                                                                                5));
  for (int reviews = 0; reviews < 200; reviews++)
    {
      int fuzzed[4];

      flash_fsrs_schedule (&params, &before, 30, flash_fsrs_seed ("deck.md\x1fkey", reviews),
                           after, fuzzed);
      for (guint i = 1; i < 4; i++)
        g_assert_cmpint (fuzzed[i], >, fuzzed[i - 1]);
      /* Good's interval, well above 20 days: within 1 + 0.15·4.5 + 0.1·13 + 0.05·(I − 20). */
      g_assert_cmpint (ABS (fuzzed[2] - plain[2]), <=,
                       (int) ceil (1 + 0.675 + 1.3 + 0.05 * (plain[2] - 20)));
      seen_other = seen_other || fuzzed[2] != plain[2];
    }
  g_assert_true (seen_other);

  /* Short intervals are not fuzzed. */
  before.stability = 1.0;
  flash_fsrs_schedule (&params, &before, 1, flash_fsrs_seed ("x", 1), after, first);
  params.fuzz = FALSE;
  flash_fsrs_schedule (&params, &before, 1, 0, after, plain);
  g_assert_cmpint (first[0], ==, plain[0]);
}

static void
test_buttons (void)
{
  static const FlashButton expected[] = { 1, 1, 1, 2, 3, 4 };

  for (int grade = 0; grade <= 5; grade++)
    g_assert_cmpint (flash_fsrs_button_for_grade (grade), ==, expected[grade]);
  for (FlashButton b = FLASH_BUTTON_AGAIN; b <= FLASH_BUTTON_EASY; b++)
    g_assert_cmpint (flash_fsrs_button_for_grade (flash_fsrs_grade_for_button (b)), ==, b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fsrs/reference-memory-state", test_reference_memory_state);
  g_test_add_func ("/fsrs/reference-intervals", test_reference_intervals);
  g_test_add_func ("/fsrs/retrievability", test_retrievability);
  g_test_add_func ("/fsrs/first-review", test_first_review);
  g_test_add_func ("/fsrs/bounds", test_bounds);
  g_test_add_func ("/fsrs/fuzz", test_fuzz);
  g_test_add_func ("/fsrs/buttons", test_buttons);
  return g_test_run ();
}
