/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sm2.c: SM-2 as Wozniak described it, with no I/O so it can be tested by table. */
#include "flash-sm2.h"

#include <math.h>

void
flash_sm2_initial (FlashSm2State *state)
{
  g_return_if_fail (state != NULL);

  state->reps = 0;
  state->ef = FLASH_SM2_INITIAL_EF;
  state->interval = 0;
}

gboolean
flash_sm2_grade_valid (int grade)
{
  return grade >= 0 && grade <= 5;
}

/* Step 7 of SM-2: within a study day a card graded below 4 is repeated until it gets 4 or 5. */
gboolean
flash_sm2_needs_repeat (int grade)
{
  return grade < 4;
}

void
flash_sm2_apply (const FlashSm2State *before,
                 int                  grade,
                 FlashSm2State       *after)
{
  FlashSm2State next;
  int q;

  g_return_if_fail (before != NULL);
  g_return_if_fail (after != NULL);
  g_return_if_fail (flash_sm2_grade_valid (grade));

  next = *before;
  q = grade;

  if (q >= 3)
    {
      if (before->reps == 0)
        next.interval = 1;
      else if (before->reps == 1)
        next.interval = 6;
      else
        /* The epsilon makes x.5 round up even when EF is not exact in binary (25 × 1.3). */
        next.interval = (int) lround (before->interval * before->ef + 1e-9);
      next.reps = before->reps + 1;
    }
  else
    {
      next.reps = 0;
      next.interval = 1;
    }

  next.ef = before->ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
  if (next.ef < FLASH_SM2_MIN_EF)
    next.ef = FLASH_SM2_MIN_EF;
  /* EF moves in steps of 0.02; rounding keeps years of updates from drifting in binary. */
  next.ef = round (next.ef * 10000.0) / 10000.0;

  *after = next;
}
