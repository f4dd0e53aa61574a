/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sm2.h: the SM-2 scheduling algorithm as pure functions. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FLASH_SM2_INITIAL_EF 2.5
#define FLASH_SM2_MIN_EF     1.3

typedef struct
{
  int    reps;     /* n: successful repetitions in a row */
  double ef;       /* E-Factor */
  int    interval; /* I: days */
} FlashSm2State;

/* The four buttons offered by default map onto SM-2 grades. */
typedef enum
{
  FLASH_GRADE_AGAIN = 1,
  FLASH_GRADE_HARD  = 3,
  FLASH_GRADE_GOOD  = 4,
  FLASH_GRADE_EASY  = 5,
} FlashGrade;

void     flash_sm2_initial     (FlashSm2State       *state);
void     flash_sm2_apply       (const FlashSm2State *before,
                                int                  grade,
                                FlashSm2State       *after);
gboolean flash_sm2_needs_repeat (int                 grade);
gboolean flash_sm2_grade_valid  (int                 grade);

G_END_DECLS
