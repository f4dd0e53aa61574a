/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sm2.c: SM-2 against steps computed by hand. */
#include "flash-sm2.h"

typedef struct
{
  int    grade;
  int    reps;
  double ef;
  int    interval;
} Step;

static void
check_steps (const Step *steps,
             guint       n_steps)
{
  FlashSm2State state;

  flash_sm2_initial (&state);
  g_assert_cmpint (state.reps, ==, 0);
  g_assert_cmpfloat (state.ef, ==, 2.5);
  for (guint i = 0; i < n_steps; i++)
    {
      FlashSm2State next;

      flash_sm2_apply (&state, steps[i].grade, &next);
      g_test_message ("step %u: grade %d -> n %d EF %.4f I %d", i, steps[i].grade, next.reps, next.ef,
                      next.interval);
      g_assert_cmpint (next.reps, ==, steps[i].reps);
      g_assert_cmpfloat_with_epsilon (next.ef, steps[i].ef, 1e-9);
      g_assert_cmpint (next.interval, ==, steps[i].interval);
      state = next;
    }
}

/* 5: EF 2.5+0.1; 4: +0; 3: -0.14; 0: -0.8; I = 1, 6, round(6 × 2.6) = 16, lapse 1, then 1. */
static void
test_mixed_grades (void)
{
  static const Step steps[] = {
    { 5, 1, 2.60, 1 },
    { 4, 2, 2.60, 6 },
    { 3, 3, 2.46, 16 },
    { 0, 0, 1.66, 1 },
    { 4, 1, 1.66, 1 },
    { 4, 2, 1.66, 6 },
    { 5, 3, 1.76, 10 },  /* round (6 × 1.66) = round (9.96) */
  };

  check_steps (steps, G_N_ELEMENTS (steps));
}

/* Perfect recall: EF grows by 0.1 each time, I = 1, 6, round(6×2.7)=16, round(16×2.8)=45. */
static void
test_all_easy (void)
{
  static const Step steps[] = {
    { 5, 1, 2.6, 1 },
    { 5, 2, 2.7, 6 },
    { 5, 3, 2.8, 16 },
    { 5, 4, 2.9, 45 },
    { 5, 5, 3.0, 131 }, /* round (45 × 2.9) = round (130.5) = 131 */
  };

  check_steps (steps, G_N_ELEMENTS (steps));
}

/* Grade 3 each time: EF falls by 0.14 until the 1.3 floor; the interval uses EF before the update. */
static void
test_floor (void)
{
  static const Step steps[] = {
    { 3, 1, 2.36, 1 },
    { 3, 2, 2.22, 6 },
    { 3, 3, 2.08, 13 },  /* round (6 × 2.22) = round (13.32) */
    { 3, 4, 1.94, 27 },  /* round (13 × 2.08) = round (27.04) */
    { 3, 5, 1.80, 52 },  /* round (27 × 1.94) = round (52.38) */
    { 3, 6, 1.66, 94 },  /* round (52 × 1.80) = 93.6 */
    { 3, 7, 1.52, 156 }, /* round (94 × 1.66) = 156.04 */
    { 3, 8, 1.38, 237 }, /* round (156 × 1.52) = 237.12 */
    { 3, 9, 1.30, 327 }, /* round (237 × 1.38) = 327.06; EF 1.24 -> 1.3 */
    { 0, 0, 1.30, 1 },
    { 2, 0, 1.30, 1 },
    { 1, 0, 1.30, 1 },
  };

  check_steps (steps, G_N_ELEMENTS (steps));
}

/* Each grade's EF change from the formula 0.1 - (5-q)(0.08 + (5-q)0.02). */
static void
test_ef_deltas (void)
{
  static const double deltas[] = { -0.8, -0.54, -0.32, -0.14, 0.0, 0.1 };

  for (int q = 0; q <= 5; q++)
    {
      FlashSm2State before = { 3, 2.5, 10 };
      FlashSm2State after;

      flash_sm2_apply (&before, q, &after);
      g_assert_cmpfloat_with_epsilon (after.ef - before.ef, deltas[q], 1e-9);
      g_assert_cmpint (after.reps, ==, q >= 3 ? 4 : 0);
      g_assert_cmpint (after.interval, ==, q >= 3 ? 25 : 1);
    }
}

/* Half-way products round up even when EF is inexact in binary: 25 × 1.3 = 32.5 -> 33. */
static void
test_rounding (void)
{
  FlashSm2State before = { 2, 1.3, 25 };
  FlashSm2State after;

  flash_sm2_apply (&before, 4, &after);
  g_assert_cmpint (after.interval, ==, 33);
}

static void
test_repeat_rule (void)
{
  g_assert_true (flash_sm2_needs_repeat (0));
  g_assert_true (flash_sm2_needs_repeat (3));
  g_assert_false (flash_sm2_needs_repeat (4));
  g_assert_false (flash_sm2_needs_repeat (5));
  g_assert_false (flash_sm2_grade_valid (-1));
  g_assert_false (flash_sm2_grade_valid (6));
  g_assert_true (flash_sm2_grade_valid (0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sm2/mixed-grades", test_mixed_grades);
  g_test_add_func ("/sm2/all-easy", test_all_easy);
  g_test_add_func ("/sm2/ef-floor", test_floor);
  g_test_add_func ("/sm2/ef-deltas", test_ef_deltas);
  g_test_add_func ("/sm2/rounding", test_rounding);
  g_test_add_func ("/sm2/repeat-rule", test_repeat_rule);

  return g_test_run ();
}
