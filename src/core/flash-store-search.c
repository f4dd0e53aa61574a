/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-search.c: finding cards: SQLite's full-text index over the text the user sees
 * (question, answer, context, tags; edits included), filters and orders in SQL
 * (docs/browsing.md). Text from the user is never SQL: it becomes quoted words, bound. */
#include "flash-store.h"
#include "flash-store-private.h"

#include <string.h>

/* An external-content FTS5 table over cards, kept in step by triggers in the same transaction
 * as every import, edit and delete; prefix indexes of 2 to 5 characters make the last word's
 * prefix match quick (a longer prefix merges its few terms' lists; schema 8 added 4 and 5). */
static const char *const search_index[] = {
  "CREATE VIRTUAL TABLE cards_fts USING fts5 (question, answer, context, tags, content = 'cards', "
  "content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5')",
  "CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards BEGIN INSERT INTO cards_fts (rowid, "
  "question, answer, context, tags) VALUES (NEW.id, NEW.question, NEW.answer, NEW.context, "
  "NEW.tags); END",
  "CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN INSERT INTO cards_fts (cards_fts, "
  "rowid, question, answer, context, tags) VALUES ('delete', OLD.id, OLD.question, OLD.answer, "
  "OLD.context, OLD.tags); END",
  "CREATE TRIGGER cards_fts_update AFTER UPDATE OF question, answer, context, tags ON cards BEGIN "
  "INSERT INTO cards_fts (cards_fts, rowid, question, answer, context, tags) VALUES ('delete', "
  "OLD.id, OLD.question, OLD.answer, OLD.context, OLD.tags); INSERT INTO cards_fts (rowid, "
  "question, answer, context, tags) VALUES (NEW.id, NEW.question, NEW.answer, NEW.context, "
  "NEW.tags); END",
  "INSERT INTO cards_fts (cards_fts) VALUES ('rebuild')",
  NULL
};

gboolean
flash_store_create_search_index (FlashStore  *self,
                                 GError     **error)
{
  /* Without FTS5 (a SQLite built without it) searching scans the cards instead. */
  if (!sqlite3_compileoption_used ("ENABLE_FTS5"))
    return TRUE;
  for (guint i = 0; search_index[i] != NULL; i++)
    if (!flash_store_exec (self, search_index[i], error))
      return FALSE;
  return TRUE;
}

/* Schema 8: the index of schema 6 made again with the prefix indexes it has now. */
gboolean
flash_store_rebuild_search_index (FlashStore  *self,
                                  GError     **error)
{
  static const char *const drop[] = {
    "DROP TRIGGER IF EXISTS cards_fts_insert", "DROP TRIGGER IF EXISTS cards_fts_delete",
    "DROP TRIGGER IF EXISTS cards_fts_update", "DROP TABLE cards_fts", NULL
  };

  if (!flash_store_has_search_index (self))
    return TRUE;
  for (guint i = 0; drop[i] != NULL; i++)
    if (!flash_store_exec (self, drop[i], error))
      return FALSE;
  return flash_store_create_search_index (self, error);
}

/* search_index[1], the trigger that indexes each new card. */
#define INSERT_TRIGGER 1

gboolean
flash_store_pause_search_index (FlashStore  *self,
                                gint64      *max_id,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  *max_id = -1;
  if (!flash_store_has_search_index (self))
    return TRUE;
  stmt = flash_store_prepare (self, "SELECT coalesce (max (id), 0) FROM cards", error);
  if (stmt == NULL || !flash_store_query_int64 (self, stmt, 0, max_id, error))
    return FALSE;
  /* FTS5 writes its pending terms out at the end of every statement that fires a trigger into
   * it: 95 µs a card, ten times the rest of an import. */
  return flash_store_exec (self, "DROP TRIGGER cards_fts_insert", error);
}

gboolean
flash_store_resume_search_index (FlashStore  *self,
                                 gint64       max_id,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  if (max_id < 0)
    return TRUE;
  stmt = flash_store_prepare (self, "INSERT INTO cards_fts (rowid, question, answer, context, "
                                    "tags) SELECT id, question, answer, context, tags FROM cards "
                                    "WHERE id > ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, max_id);
  return flash_store_step_done (self, stmt, error)
         && flash_store_exec (self, search_index[INSERT_TRIGGER], error);
}

gboolean
flash_store_has_search_index (FlashStore *self)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  stmt = flash_store_prepare (self, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'cards_fts'",
                              NULL);
  return stmt != NULL && flash_store_query_int64 (self, stmt, 0, &found, NULL) && found > 0
         && sqlite3_compileoption_used ("ENABLE_FTS5");
}

/* The words of @text: runs of letters and digits (what the index's tokenizer keeps). */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return words;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return words;
}

char *
flash_store_search_query (const char *text)
{
  g_autoptr(GPtrArray) words = split_words (text);
  GString *query;

  if (words->len == 0)
    return NULL;
  query = g_string_new (NULL);
  /* Each word quoted (it holds no quote), so no operator or column filter can come from the user;
   * the last one a prefix, as the user is still typing it. */
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (query, "%s\"%s\"%s", i > 0 ? " " : "",
                            (const char *) g_ptr_array_index (words, i),
                            i + 1 == words->len ? "*" : "");
  return g_string_free (query, FALSE);
}

int
flash_store_get_leech_lapses (FlashStore *self)
{
  g_return_val_if_fail (self != NULL, 8);

  return self->leech_lapses;
}

gboolean
flash_store_set_leech_lapses (FlashStore  *self,
                              int          lapses,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  if (lapses < 1)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "a leech needs at least one lapse (%d given)", lapses);
      return FALSE;
    }
  if (!flash_store_begin (self, error))
    return FALSE;
  stmt = flash_store_prepare (self, "INSERT INTO config (key, value) VALUES ('leech_lapses', ?1) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    {
      flash_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, lapses);
  if (!flash_store_step_done (self, stmt, error) || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  self->leech_lapses = lapses;
  return TRUE;
}

static const char *
filter_sql (FlashCardFilter filter)
{
  switch (filter)
    {
    case FLASH_CARD_FILTER_NEW:
      return " AND c.is_new = 1";
    case FLASH_CARD_FILTER_LEARNING:
      return " AND s.repeat_day = ?5";
    case FLASH_CARD_FILTER_DUE:
      return " AND s.due_day <= ?5 AND c.suspended = 0";
    case FLASH_CARD_FILTER_SUSPENDED:
      return " AND c.suspended = 1";
    case FLASH_CARD_FILTER_BURIED:
      return " AND c.bury_day = ?5";
    case FLASH_CARD_FILTER_FLAGGED:
      return " AND c.flag > 0";
    case FLASH_CARD_FILTER_EDITED:
      return " AND c.edited = 1";
    case FLASH_CARD_FILTER_LAPSED:
      return " AND s.lapses > 0";
    case FLASH_CARD_FILTER_LEECH:
      return " AND s.lapses >= ?6";
    case FLASH_CARD_FILTER_SOURCE_CHANGED:
      return " AND c.source_changed = 1";
    case FLASH_CARD_FILTER_ALL:
    default:
      return "";
    }
}

static const char *
order_sql (FlashCardOrder order)
{
  switch (order)
    {
    case FLASH_CARD_ORDER_DUE:
      return " ORDER BY s.due_day IS NULL, s.due_day, c.id";
    case FLASH_CARD_ORDER_EASE:
      return " ORDER BY s.ef IS NULL, s.ef, c.id";
    case FLASH_CARD_ORDER_LAPSES:
      return " ORDER BY coalesce (s.lapses, 0) DESC, c.id";
    case FLASH_CARD_ORDER_ADDED:
      return " ORDER BY c.added DESC, c.id DESC";
    case FLASH_CARD_ORDER_WEAKEST:
      return " ORDER BY coalesce (s.lapses, 0) DESC, s.ef IS NULL, s.ef, c.id";
    case FLASH_CARD_ORDER_POSITION:
    default:
      return " ORDER BY c.deck_id, c.position, c.id";
    }
}

/* Escapes LIKE's wildcards in @word, for the scan without an index. */
static char *
like_pattern (const char *word)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* SQLite asks this every few thousand steps; non-zero interrupts the statement. */
static int
stopped_cb (void *data)
{
  return g_atomic_int_get ((const gint *) data);
}

static gboolean
set_error_if_stopped (const gint  *stop,
                      GError     **error)
{
  if (stop == NULL || !g_atomic_int_get (stop))
    return FALSE;
  g_set_error_literal (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_CANCELLED,
                       "The search was given up");
  return TRUE;
}

/* "tag:sec-a words": the last "tag:NAME" among the words asks for that tag (as a tag is
 * written, lower case); the others are the words to find. FALSE when there is none. */
static gboolean
take_tag (const char  *text,
          char       **words,
          char       **tag)
{
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GString) rest = g_string_new (NULL);

  if (text == NULL || strstr (text, "tag:") == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  tokens = g_strsplit_set (text, " \t", -1);
  *tag = NULL;
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_str_has_prefix (tokens[i], "tag:") && tokens[i][4] != '\0')
        {
          g_free (*tag);
          *tag = g_utf8_strdown (tokens[i] + 4, -1);
        }
      else if (*tokens[i] != '\0')
        g_string_append_printf (rest, "%s%s", rest->len > 0 ? " " : "", tokens[i]);
    }
  if (*tag == NULL)
    return FALSE;
  *words = g_string_free (g_steal_pointer (&rest), FALSE);
  return TRUE;
}

GArray *
flash_store_search (FlashStore             *self,
                    const FlashCardSearch  *search,
                    GDateTime              *now,
                    guint                   limit,
                    GError                **error)
{
  return flash_store_search_cancellable (self, search, now, limit, NULL, error);
}

GArray *
flash_store_search_cancellable (FlashStore             *self,
                                const FlashCardSearch  *search,
                                GDateTime              *now,
                                guint                   limit,
                                const gint             *stop,
                                GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *query = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *tag_words = NULL;
  g_autofree char *tag_name = NULL;
  FlashCardSearch tagged;
  gboolean indexed;
  gboolean by_index;
  sqlite3_stmt *stmt = NULL;
  gboolean began;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (search != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  /* "tag:NAME" among the words is the tag filter, unless the caller gave one. */
  if (take_tag (search->text, &tag_words, &tag_name))
    {
      tagged = *search;
      tagged.text = tag_words;
      if (tagged.tag == NULL || *tagged.tag == '\0')
        tagged.tag = tag_name;
      search = &tagged;
    }

  indexed = flash_store_has_search_index (self);
  query = flash_store_search_query (search->text);
  /* Words in file order are read from the index in its own order (card ids, which imports hand
   * out in file order), so that the first matches come without reading every match. */
  by_index = query != NULL && indexed && search->order == FLASH_CARD_ORDER_POSITION;
  if (query != NULL && indexed)
    g_string_append (sql, "SELECT c.id FROM cards_fts f JOIN cards c ON c.id = f.rowid LEFT JOIN "
                          "schedule s ON s.card_id = c.id WHERE f.cards_fts MATCH ?1");
  else
    g_string_append (sql, "SELECT c.id FROM cards c LEFT JOIN schedule s ON s.card_id = c.id "
                          "WHERE 1");
  g_string_append (sql, " AND c.deleted = 0 AND c.retired = 0");
  if (query != NULL && !indexed)
    {
      /* Each word somewhere in the card's text; parameters from ?10 on. */
      words = split_words (search->text);
      for (guint i = 0; i < words->len; i++)
        g_string_append_printf (sql, " AND (c.question LIKE ?%u ESCAPE '\\' OR c.answer LIKE ?%u "
                                     "ESCAPE '\\' OR c.context LIKE ?%u ESCAPE '\\' OR c.tags "
                                     "LIKE ?%u ESCAPE '\\')", 10 + i, 10 + i, 10 + i, 10 + i);
    }
  if (search->deck_id != 0)
    g_string_append (sql, " AND c.deck_id = ?2");
  if (search->section != NULL && *search->section != '\0')
    g_string_append (sql, " AND (c.context = ?3 OR substr (c.context, 1, length (?3) + 3) = ?3 || "
                          "' › ')");
  if (search->tag != NULL && *search->tag != '\0')
    g_string_append (sql, " AND instr (' ' || c.tags || ' ', ' ' || ?4 || ' ') > 0");
  g_string_append (sql, filter_sql (search->filter));
  g_string_append (sql, by_index ? " ORDER BY f.rowid" : order_sql (search->order));
  if (limit > 0)
    g_string_append (sql, " LIMIT ?7");

  /* The statement depends on the search, so it is prepared here rather than cached. */
  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      flash_store_set_error (self, rc, error);
      return NULL;
    }
  if (query != NULL && indexed)
    sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  for (guint i = 0; words != NULL && i < words->len; i++)
    sqlite3_bind_text (stmt, 10 + (int) i, like_pattern (g_ptr_array_index (words, i)), -1, g_free);
  sqlite3_bind_int64 (stmt, 2, search->deck_id);
  sqlite3_bind_text (stmt, 3, search->section, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, search->tag, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, flash_store_day_for (self, now));
  sqlite3_bind_int (stmt, 6, self->leech_lapses);
  sqlite3_bind_int64 (stmt, 7, limit);

  if (set_error_if_stopped (stop, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  if (stop != NULL)
    sqlite3_progress_handler (self->db, 4000, stopped_cb, (void *) stop);
  began = flash_store_read_begin (self);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  flash_store_read_end (self, began);
  if (stop != NULL)
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (set_error_if_stopped (stop, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      flash_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GStrv
flash_store_list_sections (FlashStore  *self,
                           gint64       deck_id,
                           GArray      *counts,
                           GError     **error)
{
  g_autoptr(GStrvBuilder) sections = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  /* Each breadcrumb once, in the order the sheet has them; a deck's cards are read through its
   * part of the index. */
  stmt = flash_store_prepare (self, "SELECT context, COUNT(*) FROM cards WHERE deck_id = ?1 AND "
                                    "retired = 0 AND deleted = 0 GROUP BY context ORDER BY "
                                    "MIN(position)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint n = (guint) sqlite3_column_int64 (stmt, 1);

      g_strv_builder_add (sections, (const char *) sqlite3_column_text (stmt, 0));
      if (counts != NULL)
        g_array_append_val (counts, n);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      flash_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (sections);
}

char *
flash_store_get_deck_description (FlashStore  *self,
                                  gint64       deck_id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  char *description = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = flash_store_prepare (self, "SELECT description FROM decks WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    description = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    flash_store_set_error (self, rc, error);
  return description;
}
