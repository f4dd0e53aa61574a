/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-scheduler.c: which scheduler the collection uses, FSRS's settings in the config
 * table, and the memory states computed from the review log when FSRS is chosen. */
#include "flash-store.h"
#include "flash-store-private.h"

void
flash_scheduler_init (FlashScheduler *scheduler)
{
  g_return_if_fail (scheduler != NULL);

  scheduler->kind = FLASH_SCHEDULER_SM2;
  scheduler->retention = FLASH_FSRS_DEFAULT_RETENTION;
  scheduler->maximum_interval = FLASH_FSRS_MAX_INTERVAL;
  scheduler->fuzz = TRUE;
}

void
flash_scheduler_fsrs_params (const FlashScheduler *scheduler,
                             FlashFsrsParams      *params)
{
  g_return_if_fail (scheduler != NULL);
  g_return_if_fail (params != NULL);

  flash_fsrs_params_init (params);
  params->retention = scheduler->retention;
  params->maximum_interval = scheduler->maximum_interval;
  params->fuzz = scheduler->fuzz;
}

gboolean
flash_store_get_scheduler (FlashStore      *self,
                           FlashScheduler  *scheduler,
                           GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scheduler != NULL, FALSE);

  flash_scheduler_init (scheduler);
  stmt = flash_store_prepare (self, "SELECT key, value FROM config WHERE key IN ('scheduler', "
                                    "'fsrs_retention', 'fsrs_fuzz', 'fsrs_maximum_interval')",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (g_str_equal (key, "scheduler"))
        scheduler->kind = g_strcmp0 (value, "fsrs") == 0 ? FLASH_SCHEDULER_FSRS
                                                          : FLASH_SCHEDULER_SM2;
      else if (g_str_equal (key, "fsrs_retention"))
        {
          double retention = g_ascii_strtod (value != NULL ? value : "", NULL);

          if (retention >= FLASH_FSRS_MIN_RETENTION && retention <= FLASH_FSRS_MAX_RETENTION)
            scheduler->retention = retention;
        }
      else if (g_str_equal (key, "fsrs_fuzz"))
        scheduler->fuzz = sqlite3_column_int (stmt, 1) != 0;
      else if (g_str_equal (key, "fsrs_maximum_interval"))
        {
          int days = sqlite3_column_int (stmt, 1);

          if (days >= 1 && days <= FLASH_FSRS_MAX_INTERVAL)
            scheduler->maximum_interval = days;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
set_config (FlashStore  *self,
            const char  *key,
            const char  *value,
            GError     **error)
{
  sqlite3_stmt *stmt = flash_store_prepare (self, "INSERT INTO config (key, value) VALUES (?1, ?2) "
                                                  "ON CONFLICT (key) DO UPDATE SET value = "
                                                  "excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return flash_store_step_done (self, stmt, error);
}

static gboolean
save_memory_state (FlashStore            *self,
                   gint64                 card_id,
                   const FlashFsrsState  *state,
                   GError               **error)
{
  sqlite3_stmt *stmt = flash_store_prepare (self, "UPDATE schedule SET stability = ?2, difficulty "
                                                  "= ?3 WHERE card_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  sqlite3_bind_double (stmt, 2, state->stability);
  sqlite3_bind_double (stmt, 3, state->difficulty);
  return flash_store_step_done (self, stmt, error);
}

/* Every scheduled card's FSRS state, from its scheduled reviews in order (same-day repeats
 * leave it as it is, as FSRS's long-term mode has it). A card scheduled without any such review
 * gets a state from SM-2's: its interval as the stability, its ease as the difficulty (EF 2.5 →
 * 5, lower is harder). */
static gboolean
replay_log (FlashStore             *self,
            const FlashFsrsParams  *params,
            GError                **error)
{
  sqlite3_stmt *stmt;
  FlashFsrsState state = { 0 };
  gint64 card_id = 0;
  FlashDay last_day = 0;
  int rc;

  stmt = flash_store_prepare (self, "SELECT l.card_id, l.day, l.button, l.kind FROM review_log "
                                    "l JOIN schedule s ON s.card_id = l.card_id WHERE l.kind <> "
                                    "2 ORDER BY l.card_id, l.id", error);
  if (stmt == NULL)
    return FALSE;
  /* The statement's rows are read while the schedule is written: SQLite reads a snapshot of its
   * own transaction, and the columns written are not in the query. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      FlashDay day = sqlite3_column_int (stmt, 1);
      int button = CLAMP (sqlite3_column_int (stmt, 2), FLASH_BUTTON_AGAIN, FLASH_BUTTON_EASY);
      FlashFsrsState next;

      if (id != card_id)
        {
          if (card_id != 0 && !save_memory_state (self, card_id, &state, error))
            break;
          card_id = id;
          memset (&state, 0, sizeof state);
          last_day = day;
        }
      /* A card reset to new starts again at its next first review. */
      if (sqlite3_column_int (stmt, 3) == REVIEW_NEW)
        {
          memset (&state, 0, sizeof state);
          last_day = day;
        }
      flash_fsrs_next_state (params, &state, MAX (day - last_day, 0), button, &next);
      state = next;
      last_day = day;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return flash_store_set_error (self, rc, error);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return FALSE;
  if (card_id != 0 && !save_memory_state (self, card_id, &state, error))
    return FALSE;
  return flash_store_exec (self, "UPDATE schedule SET stability = MAX (interval, 1), difficulty = "
                                 "MIN (10.0, MAX (1.0, 5.0 + (2.5 - ef) * 5.0 / 1.2)) WHERE NOT "
                                 "EXISTS (SELECT 1 FROM review_log l WHERE l.card_id = "
                                 "schedule.card_id AND l.kind <> 2)", error);
}

gboolean
flash_store_set_scheduler (FlashStore            *self,
                           const FlashScheduler  *scheduler,
                           GError               **error)
{
  FlashScheduler current;
  FlashFsrsParams params;
  char retention[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *maximum = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scheduler != NULL, FALSE);

  if (scheduler->retention < FLASH_FSRS_MIN_RETENTION - 1e-9
      || scheduler->retention > FLASH_FSRS_MAX_RETENTION + 1e-9
      || scheduler->maximum_interval < 1 || scheduler->maximum_interval > FLASH_FSRS_MAX_INTERVAL)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "the desired retention must be from %.2f to %.2f and the maximum interval from "
                   "1 to %d days", FLASH_FSRS_MIN_RETENTION, FLASH_FSRS_MAX_RETENTION,
                   FLASH_FSRS_MAX_INTERVAL);
      return FALSE;
    }
  if (!flash_store_begin (self, error))
    return FALSE;
  g_ascii_formatd (retention, sizeof retention, "%.2f", scheduler->retention);
  maximum = g_strdup_printf ("%d", scheduler->maximum_interval);
  flash_scheduler_fsrs_params (scheduler, &params);
  if (!flash_store_get_scheduler (self, &current, error)
      || !set_config (self, "scheduler", scheduler->kind == FLASH_SCHEDULER_FSRS ? "fsrs" : "sm2",
                      error)
      || !set_config (self, "fsrs_retention", retention, error)
      || !set_config (self, "fsrs_fuzz", scheduler->fuzz ? "1" : "0", error)
      || !set_config (self, "fsrs_maximum_interval", maximum, error)
      || (scheduler->kind == FLASH_SCHEDULER_FSRS && current.kind != FLASH_SCHEDULER_FSRS
          && !replay_log (self, &params, error))
      || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
