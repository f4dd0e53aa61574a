/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-edit.c: what a user does to a card: edit, suspend, bury, flag, reset, delete, and
 * the choice when an edited card's source changed (docs/browsing.md). Each action is one
 * transaction over all the cards it names: a missing card changes none of them. */
#include "flash-store.h"
#include "flash-store-private.h"

/* Runs each statement of @sql (?1 the card id, ?2 @value; NULL-terminated) on each card;
 * NOT_FOUND for an id that names no card that is not deleted (or, with @deleted, no deleted
 * card). */
static gboolean
each_card (FlashStore         *self,
           const char *const  *sql,
           const gint64       *ids,
           guint               n_ids,
           gint64              value,
           gboolean            deleted,
           GError            **error)
{
  sqlite3_stmt *exists;
  gboolean ok = TRUE;

  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!flash_store_begin (self, error))
    return FALSE;
  exists = flash_store_prepare (self, deleted ? "SELECT COUNT(*) FROM cards WHERE id = ?1 AND "
                                                "deleted > 0"
                                              : "SELECT COUNT(*) FROM cards WHERE id = ?1 AND "
                                                "deleted = 0", error);
  ok = exists != NULL;
  for (guint i = 0; ok && i < n_ids; i++)
    {
      gint64 found = 0;

      sqlite3_bind_int64 (exists, 1, ids[i]);
      ok = flash_store_query_int64 (self, exists, 0, &found, error);
      if (ok && found == 0)
        {
          g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                       "no card with id %" G_GINT64_FORMAT, ids[i]);
          ok = FALSE;
        }
      for (guint j = 0; ok && sql[j] != NULL; j++)
        {
          sqlite3_stmt *stmt = flash_store_prepare (self, sql[j], error);

          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_int64 (stmt, 1, ids[i]);
              if (sqlite3_bind_parameter_count (stmt) >= 2)
                sqlite3_bind_int64 (stmt, 2, value);
              ok = flash_store_step_done (self, stmt, error);
            }
        }
    }
  if (ok)
    return flash_store_commit (self, error);
  flash_store_rollback (self);
  return FALSE;
}

gboolean
flash_store_set_suspended (FlashStore    *self,
                           const gint64  *ids,
                           guint          n_ids,
                           gboolean       suspended,
                           GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  static const char *const sql[] = { "UPDATE cards SET suspended = ?2 WHERE id = ?1", NULL };

  return each_card (self, sql, ids, n_ids, suspended ? 1 : 0, FALSE, error);
}

gboolean
flash_store_bury_cards (FlashStore    *self,
                        const gint64  *ids,
                        guint          n_ids,
                        GDateTime     *now,
                        GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  static const char *const sql[] = { "UPDATE cards SET bury_day = ?2 WHERE id = ?1", NULL };

  return each_card (self, sql, ids, n_ids, flash_store_day_for (self, now), FALSE, error);
}

gboolean
flash_store_set_flag (FlashStore    *self,
                      const gint64  *ids,
                      guint          n_ids,
                      int            flag,
                      GError       **error)
{
  static const char *const sql[] = { "UPDATE cards SET flag = ?2 WHERE id = ?1", NULL };

  g_return_val_if_fail (self != NULL, FALSE);

  if (flag < 0 || flag > FLASH_CARD_MAX_FLAG)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "flag %d is out of range (0 to %d)", flag, FLASH_CARD_MAX_FLAG);
      return FALSE;
    }
  return each_card (self, sql, ids, n_ids, flag, FALSE, error);
}

gboolean
flash_store_reset_cards (FlashStore    *self,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  /* The schedule goes (the card is new again, in its deck's file order); the log stays. The
   * triggers on cards keep the deck's count of new cards. */
  static const char *const sql[] = {
    "DELETE FROM schedule WHERE card_id = ?1",
    "UPDATE cards SET is_new = 1, bury_day = 0 WHERE id = ?1",
    NULL
  };

  g_return_val_if_fail (self != NULL, FALSE);

  return each_card (self, sql, ids, n_ids, 0, FALSE, error);
}

gboolean
flash_store_delete_cards (FlashStore    *self,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* A tombstone: the card leaves every list and queue, its deck's count of cards drops, and a
   * re-import of its sheet does not bring it back; undelete restores it as it was. */
  static const char *const sql[] = {
    "UPDATE decks SET cards = cards - (SELECT retired = 0 FROM cards WHERE id = ?1) WHERE id = "
    "(SELECT deck_id FROM cards WHERE id = ?1)",
    "UPDATE cards SET deleted = 1 + retired, retired = 1 WHERE id = ?1",
    NULL
  };

  g_return_val_if_fail (self != NULL, FALSE);

  return each_card (self, sql, ids, n_ids, 0, FALSE, error);
}

gboolean
flash_store_undelete_cards (FlashStore    *self,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  static const char *const sql[] = {
    "UPDATE cards SET retired = deleted - 1, deleted = 0 WHERE id = ?1",
    "UPDATE decks SET cards = cards + (SELECT retired = 0 FROM cards WHERE id = ?1) WHERE id = "
    "(SELECT deck_id FROM cards WHERE id = ?1)",
    NULL
  };

  g_return_val_if_fail (self != NULL, FALSE);

  return each_card (self, sql, ids, n_ids, 0, TRUE, error);
}

/* Edits -------------------------------------------------------------------------------------- */

gboolean
flash_store_edit_card (FlashStore  *self,
                       gint64       card_id,
                       const char  *question,
                       const char  *answer,
                       GError     **error)
{
  /* The source's text is kept beside the user's the first time; an edit back to it is no edit. */
  static const char *const sql[] = {
    "UPDATE cards SET source_question = CASE WHEN edited THEN source_question ELSE question END, "
    "source_answer = CASE WHEN edited THEN source_answer ELSE answer END, edited = 1 WHERE id = ?1",
    "UPDATE cards SET question = coalesce (?2, question) WHERE id = ?1",
    "UPDATE cards SET answer = coalesce (?2, answer) WHERE id = ?1",
    "UPDATE cards SET edited = 0, source_question = NULL, source_answer = NULL WHERE id = ?1 AND "
    "source_changed = 0 AND question IS source_question AND answer IS source_answer",
    NULL
  };
  g_autofree char *question_line = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (question != NULL)
    {
      question_line = g_strstrip (g_strdelimit (g_strdup (question), "\r\n", ' '));
      if (*question_line == '\0' || !g_utf8_validate (question_line, -1, NULL))
        {
          g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                       "a question cannot be empty");
          return FALSE;
        }
    }
  if (answer != NULL && (*answer == '\0' || !g_utf8_validate (answer, -1, NULL)))
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "an answer cannot be empty");
      return FALSE;
    }
  if (!flash_store_begin (self, error))
    return FALSE;
  stmt = flash_store_prepare (self, "SELECT COUNT(*) FROM cards WHERE id = ?1 AND deleted = 0",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      gint64 found = 0;

      sqlite3_bind_int64 (stmt, 1, card_id);
      ok = flash_store_query_int64 (self, stmt, 0, &found, error);
      if (ok && found == 0)
        {
          g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                       "no card with id %" G_GINT64_FORMAT, card_id);
          ok = FALSE;
        }
    }
  for (guint i = 0; ok && sql[i] != NULL; i++)
    {
      const char *text = i == 1 ? question_line : i == 2 ? answer : NULL;

      stmt = flash_store_prepare (self, sql[i], error);
      ok = stmt != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, card_id);
      if (i == 1 || i == 2)
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      ok = flash_store_step_done (self, stmt, error);
    }
  if (ok)
    return flash_store_commit (self, error);
  flash_store_rollback (self);
  return FALSE;
}

gboolean
flash_store_resolve_source_change (FlashStore  *self,
                                   gint64       card_id,
                                   gboolean     use_source,
                                   GError     **error)
{
  static const char *const use[] = {
    "UPDATE cards SET question = source_question, answer = source_answer, edited = 0, "
    "source_changed = 0, source_question = NULL, source_answer = NULL WHERE id = ?1 AND "
    "source_changed = 1",
    NULL
  };
  static const char *const keep[] = {
    "UPDATE cards SET source_changed = 0 WHERE id = ?1", NULL
  };

  g_return_val_if_fail (self != NULL, FALSE);

  return each_card (self, use_source ? use : keep, &card_id, 1, 0, FALSE, error);
}
