/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-fsrs.c: FSRS-6 in long-term mode (whole days, no same-day state change), written from
 * the model's published formulas; docs/scheduling.md says what it does and how it was checked. */
#include "flash-fsrs.h"

#include <math.h>
#include <string.h>

static const double default_weights[FLASH_FSRS_N_WEIGHTS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

void
flash_fsrs_params_init (FlashFsrsParams *params)
{
  g_return_if_fail (params != NULL);

  memcpy (params->w, default_weights, sizeof default_weights);
  params->retention = FLASH_FSRS_DEFAULT_RETENTION;
  params->maximum_interval = FLASH_FSRS_MAX_INTERVAL;
  params->fuzz = TRUE;
}

gboolean
flash_fsrs_state_is_set (const FlashFsrsState *state)
{
  return state != NULL && state->stability > 0;
}

static double
clamp (double value,
       double low,
       double high)
{
  return MIN (MAX (value, low), high);
}

/* The forgetting curve R = (1 + F·t/S)^(−w20) passes through 0.9 at t = S. */
static double
decay (const FlashFsrsParams *params)
{
  return -params->w[20];
}

static double
factor (const FlashFsrsParams *params)
{
  return pow (0.9, 1.0 / decay (params)) - 1.0;
}

double
flash_fsrs_retrievability (const FlashFsrsParams *params,
                           double                 elapsed_days,
                           double                 stability)
{
  g_return_val_if_fail (params != NULL, 0);

  if (stability <= 0)
    return 0;
  return pow (1.0 + factor (params) * MAX (elapsed_days, 0) / stability, decay (params));
}

static double
initial_difficulty (const FlashFsrsParams *params,
                    FlashButton            button)
{
  return params->w[4] - exp (params->w[5] * (button - 1)) + 1.0;
}

/* Linear damping towards 10, then mean reversion towards the difficulty of a first Easy. */
static double
next_difficulty (const FlashFsrsParams *params,
                 double                 difficulty,
                 FlashButton            button)
{
  double delta = -params->w[6] * (button - 3);
  double damped = difficulty + delta * (10.0 - difficulty) / 9.0;
  double reverted = params->w[7] * initial_difficulty (params, FLASH_BUTTON_EASY)
                    + (1.0 - params->w[7]) * damped;

  return clamp (reverted, 1.0, 10.0);
}

static double
recall_stability (const FlashFsrsParams *params,
                  double                 difficulty,
                  double                 stability,
                  double                 recall,
                  FlashButton            button)
{
  double hard = button == FLASH_BUTTON_HARD ? params->w[15] : 1.0;
  double easy = button == FLASH_BUTTON_EASY ? params->w[16] : 1.0;
  double growth = exp (params->w[8]) * (11.0 - difficulty) * pow (stability, -params->w[9])
                  * (exp ((1.0 - recall) * params->w[10]) - 1.0) * hard * easy;

  return clamp (stability * (1.0 + growth), FLASH_FSRS_MIN_STABILITY, FLASH_FSRS_MAX_STABILITY);
}

static double
lapse_stability (const FlashFsrsParams *params,
                 double                 difficulty,
                 double                 stability,
                 double                 recall)
{
  double value = params->w[11] * pow (difficulty, -params->w[12])
                 * (pow (stability + 1.0, params->w[13]) - 1.0)
                 * exp ((1.0 - recall) * params->w[14]);

  /* In long-term mode a lapse never raises the stability. */
  return clamp (MIN (value, stability), FLASH_FSRS_MIN_STABILITY, FLASH_FSRS_MAX_STABILITY);
}

void
flash_fsrs_next_state (const FlashFsrsParams *params,
                       const FlashFsrsState  *before,
                       double                 elapsed_days,
                       FlashButton            button,
                       FlashFsrsState        *after)
{
  double recall;

  g_return_if_fail (params != NULL);
  g_return_if_fail (after != NULL);
  g_return_if_fail (button >= FLASH_BUTTON_AGAIN && button <= FLASH_BUTTON_EASY);

  if (!flash_fsrs_state_is_set (before))
    {
      after->stability = MAX (params->w[button - 1], 0.1);
      after->difficulty = clamp (initial_difficulty (params, button), 1.0, 10.0);
      return;
    }
  recall = flash_fsrs_retrievability (params, elapsed_days, before->stability);
  if (button == FLASH_BUTTON_AGAIN)
    after->stability = lapse_stability (params, before->difficulty, before->stability, recall);
  else
    after->stability = recall_stability (params, before->difficulty, before->stability, recall,
                                         button);
  after->difficulty = next_difficulty (params, before->difficulty, button);
}

int
flash_fsrs_interval (const FlashFsrsParams *params,
                     double                 stability)
{
  double modifier;
  double days;

  g_return_val_if_fail (params != NULL, 1);

  /* The t at which R(t, S) equals the desired retention, in units of S. */
  modifier = (pow (params->retention, 1.0 / decay (params)) - 1.0) / factor (params);
  days = round (stability * modifier);
  return (int) clamp (MAX (days, 1.0), 1.0, params->maximum_interval);
}

/* SplitMix64: a small, well-mixed generator, so the same card and review count always fuzz the
 * same way. */
static guint64
mix (guint64 value)
{
  value += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  value = (value ^ (value >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  value = (value ^ (value >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return value ^ (value >> 31);
}

guint64
flash_fsrs_seed (const char *identity,
                 int         reviews)
{
  guint64 hash = G_GUINT64_CONSTANT (0xCBF29CE484222325);

  /* FNV-1a over the identity, mixed with the count. */
  for (const char *p = identity != NULL ? identity : ""; *p != '\0'; p++)
    hash = (hash ^ (guchar) *p) * G_GUINT64_CONSTANT (0x100000001B3);
  return mix (hash ^ mix ((guint64) MAX (reviews, 0)));
}

/* Spreads an interval over a range that widens with it (±15 % from 2.5 to 7 days, then ±10 % to
 * 20, then ±5 %), never below 2 days nor, when the card is on time or early, not past what has
 * already elapsed. */
static int
fuzz (const FlashFsrsParams *params,
      int                    interval,
      int                    elapsed_days,
      guint64                seed)
{
  static const struct { double start, end, factor; } ranges[] = {
    { 2.5, 7.0, 0.15 }, { 7.0, 20.0, 0.10 }, { 20.0, INFINITY, 0.05 },
  };
  double delta = 1.0;
  double ivl = interval;
  double fraction;
  int low, high;

  if (!params->fuzz || ivl < 2.5)
    return interval;
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    delta += ranges[i].factor * MAX (MIN (ivl, ranges[i].end) - ranges[i].start, 0.0);
  ivl = MIN (ivl, params->maximum_interval);
  low = (int) MAX (2.0, round (ivl - delta));
  high = (int) MIN (round (ivl + delta), params->maximum_interval);
  if (ivl > elapsed_days)
    low = MAX (low, elapsed_days + 1);
  low = MIN (low, high);
  fraction = (mix (seed) >> 11) * (1.0 / 9007199254740992.0);
  return (int) floor (fraction * (high - low + 1) + low);
}

void
flash_fsrs_schedule (const FlashFsrsParams *params,
                     const FlashFsrsState  *before,
                     int                    elapsed_days,
                     guint64                seed,
                     FlashFsrsState         after[4],
                     int                    intervals[4])
{
  g_return_if_fail (params != NULL);
  g_return_if_fail (after != NULL && intervals != NULL);

  for (FlashButton b = FLASH_BUTTON_AGAIN; b <= FLASH_BUTTON_EASY; b++)
    {
      flash_fsrs_next_state (params, before, elapsed_days, b, &after[b - 1]);
      /* Each button draws its own fuzz from the one seed. */
      intervals[b - 1] = fuzz (params, flash_fsrs_interval (params, after[b - 1].stability),
                               elapsed_days, seed + (guint64) b);
    }
  intervals[0] = MIN (intervals[0], intervals[1]);
  intervals[1] = MAX (intervals[1], intervals[0] + 1);
  intervals[2] = MAX (intervals[2], intervals[1] + 1);
  intervals[3] = MAX (intervals[3], intervals[2] + 1);
}

FlashButton
flash_fsrs_button_for_grade (int grade)
{
  if (grade <= 2)
    return FLASH_BUTTON_AGAIN;
  if (grade == 3)
    return FLASH_BUTTON_HARD;
  if (grade == 4)
    return FLASH_BUTTON_GOOD;
  return FLASH_BUTTON_EASY;
}

int
flash_fsrs_grade_for_button (FlashButton button)
{
  static const int grades[] = { 1, 3, 4, 5 };

  g_return_val_if_fail (button >= FLASH_BUTTON_AGAIN && button <= FLASH_BUTTON_EASY, 4);
  return grades[button - 1];
}
