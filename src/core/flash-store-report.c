/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-report.c: the review log, and exports to Markdown and TSV. */
#include "flash-store.h"
#include "flash-store-private.h"

#include <string.h>


/* The log --------------------------------------------------------------------------- */

static GPtrArray *
read_log (FlashStore    *self,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlashLogEntry *entry = g_new0 (FlashLogEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->card_id = sqlite3_column_int64 (stmt, 1);
      entry->time = sqlite3_column_int64 (stmt, 2);
      entry->grade = sqlite3_column_int (stmt, 3);
      entry->interval_before = sqlite3_column_int (stmt, 4);
      entry->interval_after = sqlite3_column_int (stmt, 5);
      entry->ef_before = sqlite3_column_double (stmt, 6);
      entry->ef_after = sqlite3_column_double (stmt, 7);
      entry->answer_ms = sqlite3_column_int (stmt, 8);
      entry->kind = sqlite3_column_int (stmt, 9);
      entry->reps_before = sqlite3_column_int (stmt, 10);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      flash_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
flash_store_list_log (FlashStore  *self,
                      gint64       deck_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = flash_store_prepare (self, "SELECT l.id, l.card_id, l.time, l.grade, l.interval_before, "
                                    "l.interval_after, l.ef_before, l.ef_after, l.answer_ms, l.kind, "
                                    "l.reps_before FROM "
                                    "review_log l JOIN cards c ON c.id = l.card_id WHERE (?1 = 0 "
                                    "OR c.deck_id = ?1) ORDER BY l.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  return read_log (self, stmt, error);
}

GPtrArray *
flash_store_card_log (FlashStore  *self,
                      gint64       card_id,
                      guint        limit,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);

  /* The card's index (review_log_card) reads its reviews alone, however long the log is. */
  stmt = flash_store_prepare (self, "SELECT id, card_id, time, grade, interval_before, "
                                    "interval_after, ef_before, ef_after, answer_ms, kind, "
                                    "reps_before FROM review_log WHERE card_id = ?1 ORDER BY id "
                                    "DESC LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, card_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (sqlite3_int64) limit : -1);
  return read_log (self, stmt, error);
}

/* Export ------------------------------------------------------------------------------------ */

static gboolean
context_starts_with (GPtrArray  *cards,
                     const char *name)
{
  FlashCard *first;

  if (cards->len == 0)
    return FALSE;
  first = g_ptr_array_index (cards, 0);
  return g_str_has_prefix (first->context, name)
         && (first->context[strlen (name)] == '\0'
             || g_str_has_prefix (first->context + strlen (name), " › "));
}

/* Writes the cards back as headings under their breadcrumb, which imports to the same keys:
 * a card's context is its chain of headings and its question its own heading. */
char *
flash_store_export_markdown (FlashStore  *self,
                             gint64       deck_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  GString *out;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  decks = g_ptr_array_new_with_free_func (g_free);
  stmt = flash_store_prepare (self, "SELECT id, name, description, tags FROM decks WHERE (?1 = 0 "
                                    "OR id = ?1) ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  out = g_string_new (NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_ptr_array_add (decks, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (decks, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (decks, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_ptr_array_add (decks, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_string_free (out, TRUE);
      flash_store_set_error (self, rc, error);
      return NULL;
    }

  /* One Markdown file is one deck: several decks would import back as one. */
  if (decks->len > 4)
    {
      g_string_free (out, TRUE);
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "the collection has %u decks; export them one at a time", decks->len / 4);
      return NULL;
    }

  for (guint d = 0; d < decks->len; d += 4)
    {
      gint64 id = *(gint64 *) g_ptr_array_index (decks, d);
      const char *name = g_ptr_array_index (decks, d + 1);
      const char *description = g_ptr_array_index (decks, d + 2);
      const char *tags = g_ptr_array_index (decks, d + 3);
      g_auto(GStrv) open = g_new0 (char *, 1);

      cards = flash_store_list_cards (self, id, error);
      if (cards == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (out->len > 0)
        g_string_append (out, "\n");
      g_string_append_printf (out, "---\ntitle: \"%s\"\n", name);
      if (tags != NULL && *tags != '\0')
        {
          g_auto(GStrv) list = g_strsplit (tags, " ", -1);
          g_autofree char *joined = g_strjoinv (", ", list);

          g_string_append_printf (out, "tags: [%s]\n", joined);
        }
      g_string_append (out, "---\n");
      /* Without a title heading to hang it on, the description goes first. */
      if (description != NULL && *description != '\0' && !context_starts_with (cards, name))
        g_string_append_printf (out, "\n%s\n", description);

      for (guint i = 0; i < cards->len; i++)
        {
          FlashCard *card = g_ptr_array_index (cards, i);
          g_auto(GStrv) crumbs = g_strsplit (card->context, " › ", -1);
          guint depth = g_strv_length (crumbs);
          guint same = 0;

          while (same < depth && open[same] != NULL && g_str_equal (open[same], crumbs[same]))
            same++;
          for (guint level = same; level < depth; level++)
            {
              g_string_append_printf (out, "\n%.*s %s\n", (int) MIN (level + 1, 6), "######",
                                      crumbs[level]);
              /* The deck's own text belongs under its title heading, as it was imported. */
              if (level == 0 && i == 0 && description != NULL && *description != '\0'
                  && g_str_equal (crumbs[0], name))
                g_string_append_printf (out, "\n%s\n", description);
            }
          g_strfreev (open);
          open = g_strdupv (crumbs);
          g_string_append_printf (out, "\n%.*s %s\n\n%s\n", (int) MIN (depth + 1, 6), "######",
                                  card->question, card->answer);
        }
      g_clear_pointer (&cards, g_ptr_array_unref);
    }
  return g_string_free (out, FALSE);
}

static void
append_tsv_field (GString    *out,
                  const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\\')
        g_string_append (out, "\\\\");
      else
        g_string_append_c (out, *p);
    }
}

char *
flash_store_export_tsv (FlashStore  *self,
                        gint64       deck_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  cards = flash_store_list_cards (self, deck_id, error);
  if (cards == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < cards->len; i++)
    {
      FlashCard *card = g_ptr_array_index (cards, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", card->id);
      append_tsv_field (out, card->deck_name);
      g_string_append_c (out, '\t');
      append_tsv_field (out, card->context);
      g_string_append_c (out, '\t');
      append_tsv_field (out, card->question);
      g_string_append_c (out, '\t');
      append_tsv_field (out, card->answer);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
