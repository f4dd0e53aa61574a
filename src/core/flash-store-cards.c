/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-cards.c: reading decks and cards, and deleting decks. */
#include "flash-store.h"
#include "flash-store-private.h"


/* Decks and cards ------------------------------------------------------------------------------ */

void
flash_deck_info_free (FlashDeckInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->source);
  g_free (info);
}

void
flash_card_free (FlashCard *card)
{
  if (card == NULL)
    return;
  g_free (card->deck_name);
  g_free (card->context);
  g_free (card->question);
  g_free (card->answer);
  g_free (card->tags);
  g_free (card->source);
  g_free (card->source_question);
  g_free (card->source_answer);
  g_free (card->key);
  g_free (card);
}

#define CARD_COLUMNS                                                                       \
  "c.id, c.deck_id, d.name, c.context, c.question, c.answer, c.position, c.retired, c.is_new, " \
  "s.reps, s.ef, s.interval, s.due_day, s.repeat_day, c.tags, d.source, c.suspended, "            \
  "c.bury_day, c.flag, c.edited, c.source_changed, c.source_question, c.source_answer, "          \
  "coalesce (s.lapses, 0), c.added, s.stability, s.difficulty, coalesce (s.reviews, 0), c.key, " \
  "(SELECT MAX (l.day) FROM review_log l WHERE l.card_id = c.id AND l.kind <> 2)"
#define CARD_FROM                                                                          \
  " FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN schedule s ON s.card_id = c.id "

static FlashCard *
card_from_row (sqlite3_stmt *stmt)
{
  FlashCard *card = g_new0 (FlashCard, 1);

  card->id = sqlite3_column_int64 (stmt, 0);
  card->deck_id = sqlite3_column_int64 (stmt, 1);
  card->deck_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  card->context = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  card->question = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  card->answer = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  card->position = sqlite3_column_int (stmt, 6);
  card->retired = sqlite3_column_int (stmt, 7) != 0;
  card->is_new = sqlite3_column_int (stmt, 8) != 0;
  flash_sm2_initial (&card->sm2);
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    {
      card->sm2.reps = sqlite3_column_int (stmt, 9);
      card->sm2.ef = sqlite3_column_double (stmt, 10);
      card->sm2.interval = sqlite3_column_int (stmt, 11);
      card->due_day = sqlite3_column_int (stmt, 12);
      card->repeat_day = sqlite3_column_int (stmt, 13);
    }
  card->tags = g_strdup ((const char *) sqlite3_column_text (stmt, 14));
  card->source = g_strdup ((const char *) sqlite3_column_text (stmt, 15));
  card->suspended = sqlite3_column_int (stmt, 16) != 0;
  card->bury_day = sqlite3_column_int (stmt, 17);
  card->flag = sqlite3_column_int (stmt, 18);
  card->edited = sqlite3_column_int (stmt, 19) != 0;
  card->source_changed = sqlite3_column_int (stmt, 20) != 0;
  card->source_question = g_strdup ((const char *) sqlite3_column_text (stmt, 21));
  card->source_answer = g_strdup ((const char *) sqlite3_column_text (stmt, 22));
  card->lapses = sqlite3_column_int (stmt, 23);
  card->added = sqlite3_column_int64 (stmt, 24);
  if (sqlite3_column_type (stmt, 25) != SQLITE_NULL)
    {
      card->fsrs.stability = sqlite3_column_double (stmt, 25);
      card->fsrs.difficulty = sqlite3_column_double (stmt, 26);
    }
  card->reviews = sqlite3_column_int (stmt, 27);
  card->key = g_strdup ((const char *) sqlite3_column_text (stmt, 28));
  card->last_review_day = sqlite3_column_int (stmt, 29);
  return card;
}

FlashCard *
flash_store_get_card (FlashStore  *self,
                      gint64       card_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  FlashCard *card = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = flash_store_prepare (self, "SELECT " CARD_COLUMNS CARD_FROM "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, card_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    card = card_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    flash_store_set_error (self, rc, error);
  else if (card == NULL)
    g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                 "no card with id %" G_GINT64_FORMAT, card_id);
  return card;
}

gboolean
flash_store_each_question (FlashStore         *self,
                           const gint64       *card_ids,
                           guint               n_cards,
                           FlashQuestionFunc   func,
                           gpointer            user_data,
                           GError            **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);
  sqlite3_stmt *stmt;
  gboolean began;
  gboolean ok;
  int rc = SQLITE_OK;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (card_ids != NULL || n_cards == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  began = flash_store_read_begin (self);
  /* Deck names once (a collection has a few dozen decks), not a join per card. */
  stmt = flash_store_prepare (self, "SELECT id, name FROM decks", error);
  ok = stmt != NULL;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (ok)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        ok = flash_store_set_error (self, rc, error);
    }
  /* Neither the schedule nor the answer: a long answer's overflow pages stay unread. */
  stmt = ok ? flash_store_prepare (self, "SELECT deck_id, question FROM cards WHERE id = ?1",
                                   error)
            : NULL;
  ok = stmt != NULL;
  for (guint i = 0; ok && i < n_cards; i++)
    {
      sqlite3_bind_int64 (stmt, 1, card_ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          gint64 deck_id = sqlite3_column_int64 (stmt, 0);

          func (card_ids[i], g_hash_table_lookup (names, &deck_id),
                (const char *) sqlite3_column_text (stmt, 1), user_data);
        }
      else if (rc != SQLITE_DONE)
        ok = flash_store_set_error (self, rc, error);
      else
        {
          g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                       "no card with id %" G_GINT64_FORMAT, card_ids[i]);
          ok = FALSE;
        }
      sqlite3_reset (stmt);
    }
  flash_store_read_end (self, began);
  return ok;
}

GPtrArray *
flash_store_list_cards (FlashStore  *self,
                        gint64       deck_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_card_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = flash_store_prepare (self, "SELECT " CARD_COLUMNS CARD_FROM
                                    "WHERE c.retired = 0 AND (?1 = 0 OR c.deck_id = ?1) ORDER BY "
                                    "c.deck_id, c.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cards, card_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      flash_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&cards);
}

static GPtrArray *
read_decks (FlashStore  *self,
            GDateTime   *now,
            GError     **error)
{
  g_autoptr(GPtrArray) decks = NULL;
  FlashDayBudget budget;
  sqlite3_stmt *stmt;
  FlashDay today;
  int rc;

  decks = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_deck_info_free);
  /* Each deck keeps its numbers of active and new cards and of reviews (schema 2 and 3). */
  stmt = flash_store_prepare (self, "SELECT id, name, source, cards, new_cards, reviews, "
                                    "ifnull (new_per_day, -1) FROM decks ORDER BY name COLLATE "
                                    "NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlashDeckInfo *info = g_new0 (FlashDeckInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->source = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info->total = (guint) sqlite3_column_int (stmt, 3);
      info->new_cards = (guint) sqlite3_column_int (stmt, 4);
      info->reviews = (guint) sqlite3_column_int (stmt, 5);
      info->new_per_day = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (decks, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      flash_store_set_error (self, rc, error);
      return NULL;
    }

  today = flash_store_day_for (self, now);
  if (!flash_store_day_budget (self, today, &budget, error))
    return NULL;
  if (!flash_store_deck_counts (self, decks, today, &budget, error))
    return NULL;
  return g_steal_pointer (&decks);
}

GPtrArray *
flash_store_list_decks (FlashStore  *self,
                        GDateTime   *now,
                        GError     **error)
{
  GPtrArray *decks;
  gboolean began;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  began = flash_store_read_begin (self);
  decks = read_decks (self, now, error);
  flash_store_read_end (self, began);
  return decks;
}

gint64
flash_store_find_deck (FlashStore  *self,
                       const char  *name,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  stmt = flash_store_prepare (self, "SELECT id FROM decks WHERE name = ?1 ORDER BY id LIMIT 1",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!flash_store_query_int64 (self, stmt, 0, &id, error))
    return 0;
  if (id == 0)
    g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND, "no deck named “%s”",
                 name);
  return id;
}

/* Runs each of @sql (?1 the deck's id, ?2 @text unless it is NULL) in one transaction of its own,
 * through the store's write gate; NOT_FOUND, changing nothing, when the last one changes no row
 * (no deck has that id). */
static gboolean
write_deck (FlashStore        *self,
            const char *const *sql,
            gint64             deck_id,
            const char        *text,
            GError           **error)
{
  if (!flash_store_begin (self, error))
    return FALSE;
  for (guint i = 0; sql[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = flash_store_prepare (self, sql[i], error);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, deck_id);
          if (text != NULL)
            sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
        }
      if (stmt == NULL || !flash_store_step_done (self, stmt, error))
        {
          flash_store_rollback (self);
          return FALSE;
        }
    }
  if (sqlite3_changes (self->db) == 0)
    {
      flash_store_rollback (self);
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                   "no deck with id %" G_GINT64_FORMAT, deck_id);
      return FALSE;
    }
  return flash_store_commit (self, error);
}

gboolean
flash_store_delete_deck (FlashStore  *self,
                         gint64       deck_id,
                         GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  static const char *const sql[] = { "DELETE FROM decks WHERE id = ?1", NULL };

  return write_deck (self, sql, deck_id, NULL, error);
}

/* The breadcrumbs that begin with the deck's old name begin with the new one (the import maps a
 * sheet's title to the name it keeps in the same way); the cards' keys stay the sheet's. */
static const char *const rename_sql[] = {
  "WITH old (name) AS (SELECT name FROM decks WHERE id = ?1) UPDATE cards SET context = ?2 || "
  "substr (context, length ((SELECT name FROM old)) + 1) WHERE deck_id = ?1 AND (context = "
  "(SELECT name FROM old) OR substr (context, 1, length ((SELECT name FROM old)) + 3) = "
  "(SELECT name FROM old) || ' › ')",
  "UPDATE decks SET name = ?2, renamed = 1 WHERE id = ?1",
  NULL
};

gboolean
flash_store_set_deck_new_limit (FlashStore  *self,
                                gint64       deck_id,
                                int          limit,
                                GError     **error)
{
  static const char *const set_sql[] = { "UPDATE decks SET new_per_day = ?2 WHERE id = ?1", NULL };
  static const char *const clear_sql[] = {
    "UPDATE decks SET new_per_day = NULL WHERE id = ?1", NULL
  };
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (limit > FLASH_DECK_NEW_LIMIT_MAX)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "a deck’s daily limit of new cards is at most %d", FLASH_DECK_NEW_LIMIT_MAX);
      return FALSE;
    }
  if (limit < 0)
    return write_deck (self, clear_sql, deck_id, NULL, error);
  text = g_strdup_printf ("%d", limit);
  return write_deck (self, set_sql, deck_id, text, error);
}

gboolean
flash_store_rename_deck (FlashStore  *self,
                         gint64       deck_id,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                           *trimmed == '\0' ? "a deck’s name cannot be empty"
                                            : "a deck’s name must be UTF-8 text");
      return FALSE;
    }
  return write_deck (self, rename_sql, deck_id, trimmed, error);
}
