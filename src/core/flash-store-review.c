/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-review.c: grading: SM-2 or FSRS state changes, same-day repeats, the review log and
 * undo. */
#include "flash-store.h"
#include "flash-store-private.h"


/* Grading ----------------------------------------------------------------------------------- */

typedef struct
{
  gboolean      scheduled; /* has a schedule row */
  FlashSm2State sm2;
  FlashFsrsState fsrs;     /* stability 0: FSRS has not scheduled it */
  int           reviews;   /* scheduled reviews so far */
  FlashDay      last_day;  /* the study day of the last scheduled review, or 0 */
  guint64       seed;      /* FSRS's fuzz for the next review: the card's identity, reviews */
  FlashDay      due_day;
  FlashDay      first_day;
  FlashDay      repeat_day;
  gint64        repeat_seq;
} CardState;

/* FSRS's interval for the button @grade stands for, and the memory state it leaves. A card SM-2
 * scheduled that has no FSRS state yet (graded through another version) starts from SM-2's. */
static void
plan_fsrs (const CardState      *before,
           const FlashScheduler *scheduler,
           FlashDay              today,
           int                   grade,
           CardState            *after)
{
  FlashFsrsParams params;
  FlashFsrsState from = before->fsrs;
  FlashFsrsState states[4];
  int intervals[4];
  FlashButton button = flash_fsrs_button_for_grade (grade);
  int elapsed = 0;

  flash_scheduler_fsrs_params (scheduler, &params);
  if (before->scheduled)
    {
      /* Since the last scheduled review; without one in the log, the day of the interval that
       * ends on the due day (a due day moved since, by "review missed", moves only that). */
      elapsed = MAX (0, (int) (today - (before->last_day > 0 ? before->last_day
                                                              : before->due_day
                                                                - before->sm2.interval)));
      if (!flash_fsrs_state_is_set (&from))
        {
          from.stability = MAX (before->sm2.interval, 1);
          from.difficulty = CLAMP (5.0 + (2.5 - before->sm2.ef) * 5.0 / 1.2, 1.0, 10.0);
        }
    }
  flash_fsrs_schedule (&params, before->scheduled ? &from : NULL, elapsed, before->seed, states,
                       intervals);
  after->fsrs = states[button - 1];
  after->sm2.interval = intervals[button - 1];
}

/* SM-2 or FSRS, with SM-2's step 7: the first grade of a day moves the schedule; same-day
 * repeats only decide whether the card comes back again today. Under FSRS, SM-2's repetitions
 * and ease go on as SM-2 would have them, so that switching back finds them. */
static void
plan_review (const CardState      *before,
             const FlashScheduler *scheduler,
             FlashDay              today,
             int                   grade,
             CardState            *after,
             FlashReviewResult    *result,
             int                  *kind)
{
  gboolean fsrs = scheduler->kind == FLASH_SCHEDULER_FSRS;

  *after = *before;
  if (before->scheduled && before->repeat_day == today)
    {
      *kind = REVIEW_REPEAT;
    }
  else
    {
      *kind = before->scheduled ? REVIEW_REVIEW : REVIEW_NEW;
      flash_sm2_apply (&before->sm2, grade, &after->sm2);
      if (fsrs)
        plan_fsrs (before, scheduler, today, grade, after);
      after->due_day = today + after->sm2.interval;
      if (!before->scheduled)
        after->first_day = today;
      after->scheduled = TRUE;
      after->reviews = before->reviews + 1;
    }
  after->repeat_day = flash_sm2_needs_repeat (grade) ? today : 0;

  result->grade = grade;
  result->before = before->sm2;
  result->after = after->sm2;
  result->fsrs = fsrs;
  result->fsrs_after = after->fsrs;
  result->due_day = after->due_day;
  result->repeat = after->repeat_day != 0;
}

static guint64
card_seed (const char *source,
           const char *key,
           int         reviews)
{
  g_autofree char *identity = g_strconcat (source != NULL ? source : "", "\x1f",
                                           key != NULL ? key : "", NULL);

  return flash_fsrs_seed (identity, reviews);
}

void
flash_card_preview (const FlashCard      *card,
                    const FlashScheduler *scheduler,
                    FlashDay              today,
                    int                   grade,
                    FlashReviewResult    *result)
{
  CardState before = { 0 };
  CardState after;
  int kind;

  g_return_if_fail (card != NULL);
  g_return_if_fail (scheduler != NULL);
  g_return_if_fail (result != NULL);
  g_return_if_fail (flash_sm2_grade_valid (grade));

  memset (result, 0, sizeof *result);
  before.scheduled = !card->is_new;
  before.sm2 = card->sm2;
  before.fsrs = card->fsrs;
  before.reviews = card->reviews;
  before.seed = card_seed (card->source, card->key, card->reviews);
  before.last_day = card->last_review_day;
  before.due_day = card->due_day;
  before.repeat_day = card->repeat_day;
  plan_review (&before, scheduler, today, grade, &after, result, &kind);
  result->card_id = card->id;
}

/* A statement whose ?1 is @card_id. */
static sqlite3_stmt *
prepare_for_card (FlashStore  *self,
                  const char  *sql,
                  gint64       card_id,
                  GError     **error)
{
  sqlite3_stmt *stmt = flash_store_prepare (self, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, card_id);
  return stmt;
}

/* Reads a state from the seven columns from @first on, in bind_state()'s order. A card without
 * a schedule (reps NULL from a join, or -1 in the log) gets SM-2's initial state. */
static void
column_state (sqlite3_stmt *stmt,
              int           first,
              CardState    *state)
{
  memset (state, 0, sizeof *state);
  flash_sm2_initial (&state->sm2);
  if (sqlite3_column_type (stmt, first) == SQLITE_NULL || sqlite3_column_int (stmt, first) < 0)
    return;
  state->scheduled = TRUE;
  state->sm2.reps = sqlite3_column_int (stmt, first);
  state->sm2.ef = sqlite3_column_double (stmt, first + 1);
  state->sm2.interval = sqlite3_column_int (stmt, first + 2);
  state->due_day = sqlite3_column_int (stmt, first + 3);
  state->first_day = sqlite3_column_int (stmt, first + 4);
  state->repeat_day = sqlite3_column_int (stmt, first + 5);
  state->repeat_seq = sqlite3_column_int64 (stmt, first + 6);
}

/* Binds @state to the seven parameters from @first on, in the order of the schedule's columns
 * and of the log's "before" ones: reps (-1 for a card without a schedule), ef, interval, due day,
 * first day, repeat day, repeat place. */
static void
bind_state (sqlite3_stmt    *stmt,
            int              first,
            const CardState *state)
{
  sqlite3_bind_int (stmt, first, state->scheduled ? state->sm2.reps : -1);
  sqlite3_bind_double (stmt, first + 1, state->sm2.ef);
  sqlite3_bind_int (stmt, first + 2, state->sm2.interval);
  sqlite3_bind_int (stmt, first + 3, state->due_day);
  sqlite3_bind_int (stmt, first + 4, state->first_day);
  sqlite3_bind_int (stmt, first + 5, state->repeat_day);
  sqlite3_bind_int64 (stmt, first + 6, state->repeat_seq);
}

/* FSRS's state from the stability and difficulty at @first and after it (NULL: none). */
static void
column_memory_state (sqlite3_stmt   *stmt,
                     int             first,
                     FlashFsrsState *state)
{
  memset (state, 0, sizeof *state);
  if (sqlite3_column_type (stmt, first) == SQLITE_NULL)
    return;
  state->stability = sqlite3_column_double (stmt, first);
  state->difficulty = sqlite3_column_double (stmt, first + 1);
}

/* Binds FSRS's state to @first and the parameter after it, NULL for none. */
static void
bind_memory_state (sqlite3_stmt         *stmt,
                   int                   first,
                   const FlashFsrsState *state)
{
  if (!flash_fsrs_state_is_set (state))
    {
      sqlite3_bind_null (stmt, first);
      sqlite3_bind_null (stmt, first + 1);
      return;
    }
  sqlite3_bind_double (stmt, first, state->stability);
  sqlite3_bind_double (stmt, first + 1, state->difficulty);
}

static gboolean
load_state (FlashStore  *self,
            gint64       card_id,
            CardState   *state,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  memset (state, 0, sizeof *state);
  stmt = prepare_for_card (self, "SELECT c.retired, s.reps, s.ef, s.interval, s.due_day, "
                                 "s.first_day, s.repeat_day, s.repeat_seq, s.stability, "
                                 "s.difficulty, coalesce (s.reviews, 0), d.source, c.key, (SELECT "
                                 "MAX (l.day) FROM review_log l WHERE l.card_id = c.id AND "
                                 "l.kind <> 2) FROM cards c JOIN decks d ON d.id = c.deck_id LEFT "
                                 "JOIN schedule s ON s.card_id = c.id WHERE c.id = ?1", card_id,
                           error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      column_state (stmt, 1, state);
      column_memory_state (stmt, 8, &state->fsrs);
      state->reviews = sqlite3_column_int (stmt, 10);
      state->seed = card_seed ((const char *) sqlite3_column_text (stmt, 11),
                               (const char *) sqlite3_column_text (stmt, 12), state->reviews);
      state->last_day = sqlite3_column_int (stmt, 13);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  if (!found)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                   "no card with id %" G_GINT64_FORMAT, card_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_state (FlashStore       *self,
            gint64            card_id,
            const CardState  *state,
            GError          **error)
{
  sqlite3_stmt *stmt;

  if (state->scheduled)
    {
      stmt = prepare_for_card (self, "INSERT INTO schedule (card_id, reps, ef, interval, "
                                     "due_day, first_day, repeat_day, repeat_seq, deck_id, "
                                     "stability, difficulty, reviews) VALUES (?1, ?2, ?3, ?4, ?5, "
                                     "?6, ?7, ?8, (SELECT deck_id FROM cards WHERE id = ?1), ?9, "
                                     "?10, ?11) ON CONFLICT (card_id) DO UPDATE SET reps = "
                                     "excluded.reps, ef = excluded.ef, interval = "
                                     "excluded.interval, due_day = excluded.due_day, first_day = "
                                     "excluded.first_day, repeat_day = excluded.repeat_day, "
                                     "repeat_seq = excluded.repeat_seq, stability = "
                                     "excluded.stability, difficulty = excluded.difficulty, "
                                     "reviews = excluded.reviews", card_id, error);
      if (stmt == NULL)
        return FALSE;
      bind_state (stmt, 2, state);
      bind_memory_state (stmt, 9, &state->fsrs);
      sqlite3_bind_int (stmt, 11, state->reviews);
    }
  else
    {
      stmt = prepare_for_card (self, "DELETE FROM schedule WHERE card_id = ?1", card_id, error);
      if (stmt == NULL)
        return FALSE;
    }
  if (!flash_store_step_done (self, stmt, error))
    return FALSE;

  stmt = prepare_for_card (self, "UPDATE cards SET is_new = ?2 WHERE id = ?1", card_id, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, state->scheduled ? 0 : 1);
  return flash_store_step_done (self, stmt, error);
}

/* Keeps decks.reviews equal to the number of the deck's log entries. */
static gboolean
count_review (FlashStore  *self,
              gint64       card_id,
              int          delta,
              GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare_for_card (self, "UPDATE decks SET reviews = reviews + ?2 WHERE id = (SELECT "
                                 "deck_id FROM cards WHERE id = ?1)", card_id, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, delta);
  return flash_store_step_done (self, stmt, error);
}

/* Buries for the rest of @today the card made from the same item as @card_id (a reverse card and
 * its forward one, docs/cheatsheet-format.md), unless it is already; @buried is its id, or 0. */
static gboolean
bury_sibling (FlashStore  *self,
              gint64       card_id,
              FlashDay     today,
              gint64      *buried,
              GError     **error)
{
  sqlite3_stmt *stmt;

  *buried = 0;
  stmt = prepare_for_card (self, "SELECT s.id FROM cards c JOIN cards s ON s.deck_id = c.deck_id "
                                 "AND s.key = (CASE WHEN substr (c.key, -length (?3)) = ?3 THEN "
                                 "substr (c.key, 1, length (c.key) - length (?3)) ELSE c.key || "
                                 "?3 END) WHERE c.id = ?1 AND s.retired = 0 AND s.bury_day <> ?2",
                           card_id, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, today);
  sqlite3_bind_text (stmt, 3, FLASH_SHEET_REVERSE_MARK, -1, SQLITE_STATIC);
  if (!flash_store_query_int64 (self, stmt, 0, buried, error))
    return FALSE;
  if (*buried == 0)
    return TRUE;
  stmt = prepare_for_card (self, "UPDATE cards SET bury_day = ?2 WHERE id = ?1", *buried, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, today);
  return flash_store_step_done (self, stmt, error);
}

/* A lapse: a scheduled review graded below 3 of a card that had graduated (n > 0 before). */
static gboolean
is_lapse (int kind,
          int reps_before,
          int grade)
{
  return kind == REVIEW_REVIEW && reps_before > 0 && grade < 3;
}

static gboolean
count_lapse (FlashStore  *self,
             gint64       card_id,
             int          delta,
             GError     **error)
{
  sqlite3_stmt *stmt = prepare_for_card (self, "UPDATE schedule SET lapses = MAX (0, lapses + ?2) "
                                               "WHERE card_id = ?1", card_id, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, delta);
  return flash_store_step_done (self, stmt, error);
}

/* Records a grade given at @time (UTC seconds) on study day @today, inside the caller's
 * transaction. */
static gboolean
record_review (FlashStore         *self,
               gint64              card_id,
               int                 grade,
               FlashDay            today,
               gint64              time,
               int                 answer_ms,
               FlashReviewResult  *result,
               GError            **error)
{
  CardState before;
  CardState after;
  FlashDayBudget budget;
  FlashScheduler scheduler;
  sqlite3_stmt *stmt;
  gint64 buried;
  int kind;

  if (!load_state (self, card_id, &before, error)
      || !flash_store_get_scheduler (self, &scheduler, error)
      || !flash_store_day_budget (self, today, &budget, error)
      || !bury_sibling (self, card_id, today, &buried, error))
    return FALSE;

  plan_review (&before, &scheduler, today, grade, &after, result, &kind);
  /* This grade is entry done_today + 1; the card comes back after REPEAT_GAP more. */
  after.repeat_seq = after.repeat_day != 0 ? budget.done_today + 1 + REPEAT_GAP : 0;

  stmt = prepare_for_card (self, "INSERT INTO review_log (card_id, time, day, grade, kind, "
                                 "reps_before, ef_before, interval_before, due_before, "
                                 "first_day_before, repeat_day_before, repeat_seq_before, "
                                 "reps_after, ef_after, interval_after, due_after, answer_ms, "
                                 "buried_card, deck_id, hour, button, stability_before, "
                                 "difficulty_before) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                 "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, (SELECT deck_id "
                                 "FROM cards WHERE id = ?1), CAST (strftime ('%H', ?2, "
                                 "'unixepoch', 'localtime') AS INTEGER), ?19, ?20, ?21)",
                           card_id, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, time);
  sqlite3_bind_int (stmt, 3, today);
  sqlite3_bind_int (stmt, 4, grade);
  sqlite3_bind_int (stmt, 5, kind);
  bind_state (stmt, 6, &before);
  sqlite3_bind_int (stmt, 13, after.sm2.reps);
  sqlite3_bind_double (stmt, 14, after.sm2.ef);
  sqlite3_bind_int (stmt, 15, after.sm2.interval);
  sqlite3_bind_int (stmt, 16, after.due_day);
  sqlite3_bind_int (stmt, 17, MAX (answer_ms, 0));
  sqlite3_bind_int64 (stmt, 18, buried);
  sqlite3_bind_int (stmt, 19, flash_fsrs_button_for_grade (grade));
  bind_memory_state (stmt, 20, &before.fsrs);
  if (!flash_store_step_done (self, stmt, error))
    return FALSE;
  result->log_id = sqlite3_last_insert_rowid (self->db);
  result->card_id = card_id;

  if (!count_review (self, card_id, 1, error) || !save_state (self, card_id, &after, error))
    return FALSE;
  return !is_lapse (kind, before.scheduled ? before.sm2.reps : -1, grade)
         || count_lapse (self, card_id, 1, error);
}

gboolean
flash_store_record_review (FlashStore         *self,
                           gint64              card_id,
                           int                 grade,
                           GDateTime          *now,
                           int                 answer_ms,
                           FlashReviewResult  *result,
                           GError            **error)
{
  FlashReviewResult local = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!flash_sm2_grade_valid (grade))
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "grade %d is out of range (0 to 5)", grade);
      return FALSE;
    }
  if (!flash_store_begin (self, error))
    return FALSE;
  if (!record_review (self, card_id, grade, flash_store_day_for (self, now),
                      g_date_time_to_unix (now), answer_ms, &local, error)
      || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  if (result != NULL)
    *result = local;
  return TRUE;
}

static gboolean
undo_last (FlashStore  *self,
           gint64      *card_id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  CardState state = { 0 };
  gint64 log_id = 0;
  gint64 buried = 0;
  gboolean lapse = FALSE;
  int rc;

  stmt = flash_store_prepare (self, "SELECT l.id, l.card_id, l.reps_before, l.ef_before, "
                                    "l.interval_before, l.due_before, l.first_day_before, "
                                    "l.repeat_day_before, l.repeat_seq_before, l.buried_card, "
                                    "l.kind, l.grade, l.stability_before, l.difficulty_before, "
                                    "coalesce (s.reviews, 0), l.imported FROM review_log l LEFT "
                                    "JOIN schedule s ON s.card_id = l.card_id ORDER BY l.id DESC "
                                    "LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      log_id = sqlite3_column_int64 (stmt, 0);
      *card_id = sqlite3_column_int64 (stmt, 1);
      column_state (stmt, 2, &state);
      buried = sqlite3_column_int64 (stmt, 9);
      lapse = is_lapse (sqlite3_column_int (stmt, 10), sqlite3_column_int (stmt, 2),
                        sqlite3_column_int (stmt, 11));
      column_memory_state (stmt, 12, &state.fsrs);
      /* The history an import brought is not a grade given here: there is nothing to undo. */
      if (sqlite3_column_int (stmt, 15) != 0)
        log_id = 0;
      /* A repeat did not count as a scheduled review. */
      state.reviews = MAX (0, sqlite3_column_int (stmt, 14)
                              - (sqlite3_column_int (stmt, 10) != REVIEW_REPEAT));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  if (log_id == 0)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOTHING_TO_UNDO, "there is nothing "
                                                                                "to undo");
      return FALSE;
    }

  if (!save_state (self, *card_id, &state, error) || !count_review (self, *card_id, -1, error)
      || (lapse && !count_lapse (self, *card_id, -1, error)))
    return FALSE;
  /* The card this grade buried is back in today's queue. */
  if (buried != 0)
    {
      stmt = prepare_for_card (self, "UPDATE cards SET bury_day = 0 WHERE id = ?1", buried, error);
      if (stmt == NULL || !flash_store_step_done (self, stmt, error))
        return FALSE;
    }
  stmt = flash_store_prepare (self, "DELETE FROM review_log WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, log_id);
  return flash_store_step_done (self, stmt, error);
}

gboolean
flash_store_undo_last (FlashStore  *self,
                       gint64      *card_id,
                       GError     **error)
{
  gint64 local = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!flash_store_begin (self, error))
    return FALSE;
  if (!undo_last (self, &local, error) || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  if (card_id != NULL)
    *card_id = local;
  return TRUE;
}
