/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-snapshot.c: a deck as it was before an import, to undo that import: a new deck is
 * deleted again, an updated one gets back its name, description, tags and cards' text. */
#include "flash-store.h"
#include "flash-store-private.h"

typedef struct
{
  gint64  id;
  char   *key;
  char   *context;
  char   *question;
  char   *answer;
  char   *tags;
  int     position;
  int     retired;
} SnapshotCard;

struct _FlashDeckSnapshot
{
  char      *source;
  gint64     deck_id;      /* 0: the deck did not exist */
  char      *name;
  char      *description;
  char      *tags;
  int        n_cards;
  gint64     updated;
  gint64     max_card_id;  /* every card of the collection had an id up to this */
  GArray    *cards;        /* SnapshotCard */
};

static void
snapshot_card_clear (SnapshotCard *card)
{
  g_free (card->key);
  g_free (card->context);
  g_free (card->question);
  g_free (card->answer);
  g_free (card->tags);
}

void
flash_deck_snapshot_free (FlashDeckSnapshot *self)
{
  if (self == NULL)
    return;
  g_free (self->source);
  g_free (self->name);
  g_free (self->description);
  g_free (self->tags);
  g_array_unref (self->cards);
  g_free (self);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
read_snapshot (FlashStore         *self,
               FlashDeckSnapshot  *snapshot,
               GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = flash_store_prepare (self, "SELECT id, name, description, tags, cards, updated FROM decks "
                                    "WHERE source = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, snapshot->source, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      snapshot->deck_id = sqlite3_column_int64 (stmt, 0);
      snapshot->name = column_dup (stmt, 1);
      snapshot->description = column_dup (stmt, 2);
      snapshot->tags = column_dup (stmt, 3);
      snapshot->n_cards = sqlite3_column_int (stmt, 4);
      snapshot->updated = sqlite3_column_int64 (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);

  stmt = flash_store_prepare (self, "SELECT MAX(id) FROM cards", error);
  if (stmt == NULL || !flash_store_query_int64 (self, stmt, 0, &snapshot->max_card_id, error))
    return FALSE;
  if (snapshot->deck_id == 0)
    return TRUE;

  stmt = flash_store_prepare (self, "SELECT id, key, context, question, answer, tags, position, "
                                    "retired FROM cards WHERE deck_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SnapshotCard card = {
        .id = sqlite3_column_int64 (stmt, 0),
        .key = column_dup (stmt, 1),
        .context = column_dup (stmt, 2),
        .question = column_dup (stmt, 3),
        .answer = column_dup (stmt, 4),
        .tags = column_dup (stmt, 5),
        .position = sqlite3_column_int (stmt, 6),
        .retired = sqlite3_column_int (stmt, 7),
      };

      g_array_append_val (snapshot->cards, card);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

FlashDeckSnapshot *
flash_store_snapshot_deck (FlashStore  *self,
                           const char  *source,
                           GError     **error)
{
  g_autoptr(FlashDeckSnapshot) snapshot = g_new0 (FlashDeckSnapshot, 1);
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  snapshot->source = g_strdup (source);
  snapshot->cards = g_array_new (FALSE, FALSE, sizeof (SnapshotCard));
  g_array_set_clear_func (snapshot->cards, (GDestroyNotify) snapshot_card_clear);
  began = flash_store_read_begin (self);
  ok = read_snapshot (self, snapshot, error);
  flash_store_read_end (self, began);
  return ok ? g_steal_pointer (&snapshot) : NULL;
}

static gboolean
restore_cards (FlashStore               *self,
               const FlashDeckSnapshot  *snapshot,
               GError                  **error)
{
  sqlite3_stmt *stmt;

  /* Cards the import added have ids above every id before it; their reviews go with them. */
  stmt = flash_store_prepare (self, "DELETE FROM cards WHERE deck_id = ?1 AND id > ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->deck_id);
  sqlite3_bind_int64 (stmt, 2, snapshot->max_card_id);
  if (!flash_store_step_done (self, stmt, error))
    return FALSE;
  /* Keys are unique in a deck and an import may have passed one from card to card: each first
   * gets a key no card has. */
  stmt = flash_store_prepare (self, "UPDATE cards SET key = char(29) || id WHERE deck_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->deck_id);
  if (!flash_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < snapshot->cards->len; i++)
    {
      const SnapshotCard *card = &g_array_index (snapshot->cards, SnapshotCard, i);

      stmt = flash_store_prepare (self, "UPDATE cards SET key = ?2, context = ?3, question = ?4, "
                                        "answer = ?5, tags = ?6, position = ?7, retired = ?8 "
                                        "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, card->id);
      sqlite3_bind_text (stmt, 2, card->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, card->context, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, card->question, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, card->answer, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, card->tags, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, card->position);
      sqlite3_bind_int (stmt, 8, card->retired);
      if (!flash_store_step_done (self, stmt, error))
        return FALSE;
    }

  stmt = flash_store_prepare (self, "UPDATE decks SET name = ?2, description = ?3, tags = ?4, "
                                    "cards = ?5, updated = ?6 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->deck_id);
  sqlite3_bind_text (stmt, 2, snapshot->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, snapshot->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, snapshot->tags, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, snapshot->n_cards);
  sqlite3_bind_int64 (stmt, 6, snapshot->updated);
  return flash_store_step_done (self, stmt, error);
}

gboolean
flash_store_restore_deck (FlashStore               *self,
                          const FlashDeckSnapshot  *snapshot,
                          GError                  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!flash_store_begin (self, error))
    return FALSE;
  if (snapshot->deck_id != 0)
    ok = restore_cards (self, snapshot, error);
  else
    {
      /* A deck the import made: it and everything in it go. */
      stmt = flash_store_prepare (self, "DELETE FROM decks WHERE source = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, snapshot->source, -1, SQLITE_STATIC);
          ok = flash_store_step_done (self, stmt, error);
        }
    }
  if (!ok || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
