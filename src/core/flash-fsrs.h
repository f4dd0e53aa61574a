/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-fsrs.h: FSRS-6, the optional scheduler, as pure functions (day-granular, long-term). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FLASH_FSRS_N_WEIGHTS          21
#define FLASH_FSRS_DEFAULT_RETENTION  0.90
#define FLASH_FSRS_MIN_RETENTION      0.70
#define FLASH_FSRS_MAX_RETENTION      0.97
#define FLASH_FSRS_MAX_INTERVAL       36500
#define FLASH_FSRS_MIN_STABILITY      0.001
#define FLASH_FSRS_MAX_STABILITY      36500.0

/* The four answer buttons, as FSRS numbers them. */
typedef enum
{
  FLASH_BUTTON_AGAIN = 1,
  FLASH_BUTTON_HARD  = 2,
  FLASH_BUTTON_GOOD  = 3,
  FLASH_BUTTON_EASY  = 4,
} FlashButton;

typedef struct
{
  double   w[FLASH_FSRS_N_WEIGHTS];
  double   retention;        /* desired retention, FLASH_FSRS_MIN_RETENTION … _MAX_RETENTION */
  int      maximum_interval; /* days */
  gboolean fuzz;             /* spread intervals of 3 days or more a little */
} FlashFsrsParams;

/* A card's memory state; a stability of 0 means none yet (a new card). */
typedef struct
{
  double stability;  /* days until recall falls to 90 % */
  double difficulty; /* 1 … 10 */
} FlashFsrsState;

/* FSRS-6's default weights, retention 0.9, the longest interval, fuzz on. */
void        flash_fsrs_params_init      (FlashFsrsParams       *params);
gboolean    flash_fsrs_state_is_set     (const FlashFsrsState  *state);
/* The probability of recall @elapsed_days after a review that left @stability. */
double      flash_fsrs_retrievability   (const FlashFsrsParams *params,
                                         double                 elapsed_days,
                                         double                 stability);
/* The state after @button pressed @elapsed_days after the last review (@before none: the first
 * review). */
void        flash_fsrs_next_state       (const FlashFsrsParams *params,
                                         const FlashFsrsState  *before,
                                         double                 elapsed_days,
                                         FlashButton            button,
                                         FlashFsrsState        *after);
/* The days until recall falls to the desired retention, at least 1, at most the maximum; no
 * fuzz. */
int         flash_fsrs_interval         (const FlashFsrsParams *params,
                                         double                 stability);
/* What each button would give: after[b - 1] and intervals[b - 1] for every button b, fuzzed by
 * @seed when the parameters ask for it, and ordered Again ≤ Hard < Good < Easy. */
void        flash_fsrs_schedule         (const FlashFsrsParams *params,
                                         const FlashFsrsState  *before,
                                         int                    elapsed_days,
                                         guint64                seed,
                                         FlashFsrsState         after[4],
                                         int                    intervals[4]);
/* A seed for the fuzz from what identifies a card for good (its deck's source and its key) and
 * the number of its reviews so far. */
guint64     flash_fsrs_seed             (const char            *identity,
                                         int                    reviews);
/* The button for a grade on SM-2's scale (0–2 Again, 3 Hard, 4 Good, 5 Easy), and back (the
 * grade each button of the app gives). */
FlashButton flash_fsrs_button_for_grade (int                    grade);
int         flash_fsrs_grade_for_button (FlashButton            button);

G_END_DECLS
