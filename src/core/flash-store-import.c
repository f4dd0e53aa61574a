/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-import.c: a parsed cheatsheet into its deck; review history kept by stable keys. */
#include "flash-store.h"
#include "flash-store-private.h"

#include <string.h>


/* Import -------------------------------------------------------------------------------------- */

void
flash_import_result_clear (FlashImportResult *result)
{
  g_clear_pointer (&result->deck_name, g_free);
  memset (result, 0, sizeof *result);
}

typedef struct
{
  gint64    id;
  char     *key;
  char     *context;
  char     *question;
  char     *answer;
  char     *tags;
  int       position;
  gboolean  retired;
  gboolean  edited;  /* question and answer above are the source's, not the user's */
  gboolean  deleted; /* a tombstone: matched, it stays deleted */
  gboolean  matched;
} ExistingCard;

static void
existing_card_free (ExistingCard *card)
{
  g_free (card->key);
  g_free (card->context);
  g_free (card->question);
  g_free (card->answer);
  g_free (card->tags);
  g_free (card);
}

static char *
join_tags (GStrv tags)
{
  return tags != NULL ? g_strjoinv (" ", tags) : g_strdup ("");
}

/* The sheet's deck, made or updated; @name gets the name it keeps (a renamed deck its own). */
static gboolean
find_or_create_deck (FlashStore        *self,
                     const FlashSheet  *sheet,
                     gint64             now,
                     gint64            *deck_id,
                     char             **name,
                     GError           **error)
{
  g_autofree char *tags = join_tags (sheet->tags);
  sqlite3_stmt *stmt;
  int rc;

  stmt = flash_store_prepare (self, "SELECT id FROM decks WHERE source = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sheet->source, -1, SQLITE_STATIC);
  if (!flash_store_query_int64 (self, stmt, 0, deck_id, error))
    return FALSE;

  if (*deck_id != 0)
    {
      stmt = flash_store_prepare (self, "UPDATE decks SET name = CASE renamed WHEN 0 "
                                        "THEN ?2 ELSE name END, description = ?3, tags = ?4, "
                                        "updated = ?5 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *deck_id);
    }
  else
    {
      stmt = flash_store_prepare (self, "INSERT INTO decks (source, name, description, tags, "
                                        "created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, sheet->source, -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (stmt, 2, sheet->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sheet->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, tags, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!flash_store_step_done (self, stmt, error))
    return FALSE;
  if (*deck_id == 0)
    *deck_id = sqlite3_last_insert_rowid (self->db);
  stmt = flash_store_prepare (self, "SELECT name FROM decks WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *deck_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return flash_store_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  return TRUE;
}

static void
renamed_card_free (FlashSheetCard *card)
{
  g_free (card->context);
  g_free (card);
}

/* The cards of @sheet as a deck renamed @name keeps them: each breadcrumb that begins with the
 * sheet's title begins with the deck's name instead (flash_store_rename_deck() does the same);
 * every other field is the sheet's own. NULL when no breadcrumb changes. */
static GPtrArray *
renamed_cards (const FlashSheet *sheet,
               const char       *name)
{
  g_autofree char *prefix = g_strconcat (sheet->name, " › ", NULL);
  size_t title_len = strlen (sheet->name);
  GPtrArray *cards;

  if (g_strcmp0 (sheet->name, name) == 0)
    return NULL;
  cards = g_ptr_array_new_full (sheet->cards->len, (GDestroyNotify) renamed_card_free);
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      const FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      FlashSheetCard *copy = g_memdup2 (card, sizeof *card);

      if (g_str_equal (card->context, sheet->name) || g_str_has_prefix (card->context, prefix))
        copy->context = g_strconcat (name, card->context + title_len, NULL);
      else
        copy->context = g_strdup (card->context);
      g_ptr_array_add (cards, copy);
    }
  return cards;
}

static GPtrArray *
load_existing_cards (FlashStore  *self,
                     gint64       deck_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) existing_card_free);
  sqlite3_stmt *stmt;
  int rc;

  /* An edited card is matched by the text its source gave it, which the user's edit replaced. */
  stmt = flash_store_prepare (self, "SELECT id, key, context, CASE WHEN edited THEN "
                                    "source_question ELSE question END, CASE WHEN edited THEN "
                                    "source_answer ELSE answer END, tags, position, retired, "
                                    "edited, deleted FROM cards WHERE deck_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ExistingCard *card = g_new0 (ExistingCard, 1);

      card->id = sqlite3_column_int64 (stmt, 0);
      card->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      card->context = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      card->question = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      card->answer = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      card->tags = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      card->position = sqlite3_column_int (stmt, 6);
      card->retired = sqlite3_column_int (stmt, 7) != 0;
      card->edited = sqlite3_column_int (stmt, 8) != 0;
      card->deleted = sqlite3_column_int (stmt, 9) != 0;
      g_ptr_array_add (cards, card);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      flash_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&cards);
}

static gboolean
update_card (FlashStore           *self,
             ExistingCard         *old,
             const FlashSheetCard *card,
             const char           *tags,
             int                   position,
             GError              **error)
{
  sqlite3_stmt *stmt;

  /* An edited card keeps the user's text; a change of its source's text is noted beside it, for
   * the user to take or leave (docs/browsing.md). */
  if (old->edited)
    stmt = flash_store_prepare (self, "UPDATE cards SET key = ?2, context = ?3, source_question = "
                                      "?4, source_answer = ?5, tags = ?6, position = ?7, "
                                      "retired = 0, source_changed = source_changed OR "
                                      "source_question IS NOT ?4 OR source_answer IS NOT ?5 "
                                      "WHERE id = ?1", error);
  else
    stmt = flash_store_prepare (self, "UPDATE cards SET key = ?2, context = ?3, question = ?4, "
                                      "answer = ?5, tags = ?6, position = ?7, retired = 0 WHERE "
                                      "id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, old->id);
  sqlite3_bind_text (stmt, 2, card->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, card->context, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, card->question, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, card->answer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, tags, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, position);
  return flash_store_step_done (self, stmt, error);
}

/* The last match, for an item that today's rules read with a longer question: a term list
 * entry "`cut`, `paste` and `join`: …" was the term "`cut`" under the rules of 0.1. A card left
 * over takes an old one left over in the same context whose question begins its own and whose
 * answer ends with its answer. Each context's leftovers are scanned up to a bound, so that a
 * sheet whose every key changed stays linear. */
#define GROWN_SCAN 64
static void
match_grown_terms (GPtrArray         *existing,
                   const FlashSheet  *sheet,
                   ExistingCard     **match)
{
  g_autoptr(GHashTable) by_context = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < existing->len; i++)
    {
      ExistingCard *old = g_ptr_array_index (existing, i);
      GPtrArray *list;

      if (old->matched || *old->question == '\0')
        continue;
      list = g_hash_table_lookup (by_context, old->context);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_context, old->context, list);
        }
      if (list->len < GROWN_SCAN)
        g_ptr_array_add (list, old);
    }
  if (g_hash_table_size (by_context) == 0)
    return;

  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      GPtrArray *list;

      if (match[i] != NULL || (list = g_hash_table_lookup (by_context, card->context)) == NULL)
        continue;
      for (guint j = 0; j < list->len; j++)
        {
          ExistingCard *old = g_ptr_array_index (list, j);

          if (!old->matched && g_str_has_prefix (card->question, old->question)
              && strlen (card->question) > strlen (old->question)
              && g_str_has_suffix (old->answer, card->answer) && *card->answer != '\0')
            {
              old->matched = TRUE;
              match[i] = old;
              break;
            }
        }
    }
}

/* "context › question", normalised as keys are: the context of the cards a heading card becomes
 * when it is split, and of those that merge into it. */
static char *
child_context (const char *context,
               const char *question)
{
  g_autofree char *joined = g_strconcat (context, " › ", question, NULL);

  return flash_sheet_normalise_question (joined);
}

/* @context normalised, from @cache (context → normalised, contexts owned by the caller): thousands
 * of cards share one context, which is normalised once. */
static const char *
normal_context (GHashTable *cache,
                const char *context)
{
  char *normal = g_hash_table_lookup (cache, context);

  if (normal == NULL)
    {
      normal = flash_sheet_normalise_question (context);
      g_hash_table_insert (cache, (gpointer) context, normal);
    }
  return normal;
}

/* Adds @item to the list under @key in @groups (lists owned by the table, keys too). */
static void
group_add (GHashTable *groups,
           char       *key,
           gpointer    item)
{
  GPtrArray *list = g_hash_table_lookup (groups, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (groups, key, list);
    }
  else
    g_free (key);
  g_ptr_array_add (list, item);
}

/* The fourth match, for a heading card that today's rules split into a card per fact (its
 * heading is now their context) or the other way round: the first new part takes the old card,
 * or the new card the first old part. Only cards left over by the other matches count. */
static void
match_splits_and_merges (GPtrArray          *existing,
                         const FlashSheet   *sheet,
                         ExistingCard      **match,
                         FlashImportResult  *result)
{
  g_autoptr(GHashTable) new_by_context = NULL;
  g_autoptr(GHashTable) old_by_context = NULL;

  g_autoptr(GHashTable) normal = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  new_by_context = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  old_by_context = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  /* A first import, or one that matched every card, has nothing to do here. */
  for (guint i = 0; i < existing->len; i++)
    {
      ExistingCard *old = g_ptr_array_index (existing, i);

      if (!old->matched && !old->retired)
        group_add (old_by_context, g_strdup (normal_context (normal, old->context)), old);
    }
  if (g_hash_table_size (old_by_context) == 0)
    return;
  for (guint i = 0; i < sheet->cards->len; i++)
    if (match[i] == NULL)
      {
        FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

        group_add (new_by_context, g_strdup (normal_context (normal, card->context)),
                   GUINT_TO_POINTER (i));
      }
  if (g_hash_table_size (new_by_context) == 0)
    return;

  /* Split: an old heading card whose heading is the context of two new cards or more. */
  for (guint i = 0; i < existing->len; i++)
    {
      ExistingCard *old = g_ptr_array_index (existing, i);
      g_autofree char *child = NULL;
      GPtrArray *parts;
      guint first;

      if (old->matched || old->retired)
        continue;
      child = child_context (old->context, old->question);
      parts = g_hash_table_lookup (new_by_context, child);
      if (parts == NULL || parts->len < 2)
        continue;
      first = GPOINTER_TO_UINT (g_ptr_array_index (parts, 0));
      if (match[first] != NULL)
        continue;
      old->matched = TRUE;
      match[first] = old;
      result->split++;
    }

  /* Merged: a new heading card whose heading is the context of two old cards or more; the
   * others are retired. */
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      g_autofree char *child = NULL;
      GPtrArray *parts;
      ExistingCard *first = NULL;

      if (match[i] != NULL)
        continue;
      child = child_context (card->context, card->question);
      parts = g_hash_table_lookup (old_by_context, child);
      if (parts == NULL || parts->len < 2)
        continue;
      for (guint j = 0; j < parts->len; j++)
        {
          ExistingCard *old = g_ptr_array_index (parts, j);

          if (!old->matched && (first == NULL || old->position < first->position))
            first = old;
        }
      if (first == NULL)
        continue;
      first->matched = TRUE;
      match[i] = first;
      result->merged++;
    }
}

/* Matches the sheet's cards to the deck's cards: by stable key first, then (for a renamed
 * heading) by an unchanged answer, then a grown term (match_grown_terms()), then a split or
 * merged heading card (match_splits_and_merges()), so review history follows the item. */
static gboolean
import_cards (FlashStore         *self,
              gint64              deck_id,
              const FlashSheet   *sheet,
              FlashImportResult  *result,
              GError            **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GHashTable) by_answer = NULL;
  g_autofree ExistingCard **match = NULL;
  sqlite3_stmt *stmt;
  guint n_deleted = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  existing = load_existing_cards (self, deck_id, error);
  if (existing == NULL)
    return FALSE;

  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  by_answer = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < existing->len; i++)
    {
      ExistingCard *old = g_ptr_array_index (existing, i);

      g_hash_table_insert (by_key, old->key, old);
    }

  match = g_new0 (ExistingCard *, sheet->cards->len);
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      ExistingCard *old = g_hash_table_lookup (by_key, card->key);

      if (old != NULL && !old->matched)
        {
          old->matched = TRUE;
          match[i] = old;
        }
    }
  /* Only cards left over may be taken by a renamed item; the first one with the answer wins. */
  for (guint i = 0; i < existing->len; i++)
    {
      ExistingCard *old = g_ptr_array_index (existing, i);

      if (!old->matched && !g_hash_table_contains (by_answer, old->answer))
        g_hash_table_insert (by_answer, old->answer, old);
    }
  /* A first import has no card left over: no answer is hashed. */
  for (guint i = 0; g_hash_table_size (by_answer) > 0 && i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      ExistingCard *old;

      if (match[i] != NULL)
        continue;
      old = g_hash_table_lookup (by_answer, card->answer);
      if (old != NULL && !old->matched)
        {
          old->matched = TRUE;
          match[i] = old;
        }
    }

  match_grown_terms (existing, sheet, match);
  match_splits_and_merges (existing, sheet, match, result);

  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      ExistingCard *old = match[i];
      g_autofree char *tags = join_tags (card->tags);

      if (old != NULL && old->deleted)
        {
          /* The user deleted this item's card: the sheet does not bring it back. */
          n_deleted++;
          continue;
        }
      if (old != NULL)
        {
          gboolean same_text = g_strcmp0 (old->key, card->key) == 0
                               && g_strcmp0 (old->context, card->context) == 0
                               && g_strcmp0 (old->question, card->question) == 0
                               && g_strcmp0 (old->answer, card->answer) == 0;

          if (same_text && !old->retired && old->position == (int) i
              && g_strcmp0 (old->tags, tags) == 0)
            {
              result->unchanged++;
              continue;
            }
          if (!update_card (self, old, card, tags, (int) i, error))
            return FALSE;
          if (same_text && !old->retired)
            result->unchanged++;
          else
            result->updated++;
          continue;
        }

      stmt = flash_store_prepare (self, "INSERT INTO cards (deck_id, key, context, question, "
                                        "answer, tags, position, added) VALUES (?1, ?2, ?3, ?4, "
                                        "?5, ?6, ?7, ?8)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, deck_id);
      sqlite3_bind_text (stmt, 2, card->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, card->context, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, card->question, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, card->answer, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, tags, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, (int) i);
      sqlite3_bind_int64 (stmt, 8, now);
      if (!flash_store_step_done (self, stmt, error))
        return FALSE;
      result->added++;
    }

  stmt = flash_store_prepare (self, "UPDATE cards SET retired = 1 WHERE id = ?1", error);
  for (guint i = 0; stmt != NULL && i < existing->len; i++)
    {
      ExistingCard *old = g_ptr_array_index (existing, i);

      if (old->matched || old->retired)
        continue;
      sqlite3_bind_int64 (stmt, 1, old->id);
      if (!flash_store_step_done (self, stmt, error))
        return FALSE;
      result->retired++;
    }
  if (stmt == NULL)
    return FALSE;

  result->total = sheet->cards->len - n_deleted;
  stmt = flash_store_prepare (self, "UPDATE decks SET cards = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  sqlite3_bind_int (stmt, 2, (int) result->total);
  return flash_store_step_done (self, stmt, error);
}

gboolean
flash_store_import_sheet_locked (FlashStore         *self,
                                 const FlashSheet   *sheet,
                                 FlashImportResult  *result,
                                 GError            **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) renamed = NULL;
  FlashSheet kept;
  gint64 deck_id = 0;

  memset (result, 0, sizeof *result);
  if (!find_or_create_deck (self, sheet, g_get_real_time () / G_USEC_PER_SEC, &deck_id, &name,
                            error))
    return FALSE;
  kept = *sheet;
  renamed = renamed_cards (sheet, name);
  if (renamed != NULL)
    kept.cards = renamed;
  if (!import_cards (self, deck_id, &kept, result, error))
    {
      flash_import_result_clear (result);
      return FALSE;
    }
  result->deck_id = deck_id;
  result->deck_name = g_steal_pointer (&name);
  return TRUE;
}

gboolean
flash_store_import_sheet (FlashStore         *self,
                          const FlashSheet   *sheet,
                          FlashImportResult  *result,
                          GError            **error)
{
  FlashImportResult local = { 0 };
  gint64 indexed_up_to = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!flash_store_begin (self, error))
    return FALSE;
  /* The new cards are indexed for search in one statement at the end, not one by one. */
  if (!flash_store_pause_search_index (self, &indexed_up_to, error)
      || !flash_store_import_sheet_locked (self, sheet, &local, error)
      || !flash_store_resume_search_index (self, indexed_up_to, error)
      || !flash_store_commit (self, error))
    {
      flash_import_result_clear (&local);
      flash_store_rollback (self);
      return FALSE;
    }

  if (result != NULL)
    *result = local;
  else
    flash_import_result_clear (&local);
  return TRUE;
}

gboolean
flash_store_import_file (FlashStore         *self,
                         const char         *path,
                         FlashImportResult  *result,
                         GError            **error)
{
  g_autoptr(FlashSheet) sheet = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  sheet = flash_sheet_load (path, error);
  if (sheet == NULL)
    return FALSE;
  return flash_store_import_sheet (self, sheet, result, error);
}

static int
import_stopped_cb (void *data)
{
  return g_atomic_int_get ((const gint *) data);
}

gboolean
flash_store_import_sheet_cancellable (FlashStore         *self,
                                      const FlashSheet   *sheet,
                                      const gint         *stop,
                                      FlashImportResult  *result,
                                      GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (stop != NULL, FALSE);

  if (g_atomic_int_get (stop))
    {
      g_set_error_literal (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_CANCELLED,
                           "The import was given up");
      return FALSE;
    }
  /* SQLite asks every few thousand steps whether to go on; stopping rolls the import back. */
  sqlite3_progress_handler (self->db, 4000, import_stopped_cb, (void *) stop);
  ok = flash_store_import_sheet (self, sheet, result, &local_error);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (!ok && g_atomic_int_get (stop))
    {
      g_set_error_literal (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_CANCELLED,
                           "The import was given up");
      return FALSE;
    }
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}
