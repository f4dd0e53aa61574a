/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-scope.c: studying part of a deck (one section, one tag) within today's limits, and
 * reviewing ahead: the cards due in the next days (docs/scheduling.md, "Choosing what to study").
 * A whole deck's queue is flash-store-queue.c's. */
#include "flash-store.h"
#include "flash-store-private.h"

#include <stdlib.h>
#include <string.h>

/* The cards of the scope: ?2 the deck (0: all), ?5 a breadcrumb and everything under it, ?6 a tag
 * (each NULL for all). Sections and tags are few cards of a deck, read through the deck's part of
 * each index and filtered here. */
#define IN_SCOPE                                                                                  \
  " AND (?2 = 0 OR c.deck_id = ?2) AND (?5 IS NULL OR c.context = ?5 OR substr (c.context, 1, "  \
  "length (?5) + 3) = ?5 || ' › ') AND (?6 IS NULL OR instr (' ' || c.tags || ' ', ' ' || ?6 || " \
  "' ') > 0)"
/* Out of today's queue: retired, suspended, buried today (?1). */
#define STUDIED                                                                                   \
  " c.retired = 0 AND c.suspended = 0 AND NOT (c.bury_day = ?1 AND c.bury_day > 0)"
#define DUE_IN_SCOPE                                                                              \
  "SELECT s.card_id FROM schedule s JOIN cards c ON c.id = s.card_id WHERE s.due_day <= ?1 AND " \
  "NOT (s.repeat_day = ?1 AND s.repeat_day > 0) AND" STUDIED IN_SCOPE                            \
  " ORDER BY s.due_day, s.card_id LIMIT ?3"
#define NEW_IN_SCOPE                                                                              \
  "SELECT c.id FROM cards c WHERE c.is_new = 1 AND" STUDIED IN_SCOPE                             \
  " ORDER BY c.deck_id, c.position LIMIT ?3"
#define REPEATS_IN_SCOPE                                                                          \
  "SELECT s.card_id, s.repeat_seq FROM schedule s JOIN cards c ON c.id = s.card_id WHERE "       \
  "s.repeat_day = ?1 AND s.repeat_day > 0 AND" STUDIED IN_SCOPE                                  \
  " ORDER BY s.repeat_seq, s.card_id"
/* Reviews due after today (?1) and up to ?4, soonest first; a card graded today (a review ahead
 * moves it on, perhaps still within the days ahead) is not offered again. */
#define AHEAD_IN_SCOPE                                                                            \
  "SELECT s.card_id FROM schedule s JOIN cards c ON c.id = s.card_id WHERE s.due_day > ?1 AND "  \
  "s.due_day <= ?4 AND s.card_id NOT IN (SELECT card_id FROM review_log WHERE day = ?1) AND"     \
  STUDIED IN_SCOPE " ORDER BY s.due_day, s.card_id LIMIT ?3"

/* Runs one of the statements above for @scope; appends column 0 to @ids and column 1, if any, to
 * @seqs. @limit 0 reads every row. */
static gboolean
read_scope (FlashStore             *self,
            const char             *sql,
            const FlashStudyScope  *scope,
            FlashDay                today,
            guint                   limit,
            FlashDay                until,
            GArray                 *ids,
            GArray                 *seqs,
            GError                **error)
{
  sqlite3_stmt *stmt = flash_store_prepare (self, sql, error);
  guint count = 0;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, scope->deck_id);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int (stmt, 4, until);
  sqlite3_bind_text (stmt, 5, scope->section, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, scope->tag, -1, SQLITE_STATIC);
  ok = flash_store_collect_ids (self, stmt, ids, seqs, &count, error);
  /* The borrowed strings are let go with the statement's bindings. */
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
is_whole_deck (const FlashStudyScope *scope)
{
  return scope->section == NULL && scope->tag == NULL;
}

/* The scope's part of today's queue, within the day's budget (@budget, read by the caller). */
static GArray *
read_scope_queue (FlashStore             *self,
                  const FlashStudyScope  *scope,
                  FlashDay                today,
                  const FlashDayBudget   *budget,
                  guint                   limit,
                  GError                **error)
{
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) repeats = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint reviews = limit > 0 ? MIN (budget->reviews_left, limit) : budget->reviews_left;
  guint news = budget->new_left;

  /* A deck's own limit holds for its sections and tags too. */
  if (scope->deck_id != 0
      && !flash_store_deck_new_left (self, scope->deck_id, today, budget, &news, error))
    return NULL;
  if (limit > 0)
    news = MIN (news, limit);
  if ((reviews > 0 && !read_scope (self, DUE_IN_SCOPE, scope, today, reviews, 0, due, NULL, error))
      || (news > 0 && !read_scope (self, NEW_IN_SCOPE, scope, today, news, 0, fresh, NULL, error))
      || !read_scope (self, REPEATS_IN_SCOPE, scope, today, 0, 0, repeats, seqs, error))
    return NULL;
  return flash_store_merge_queue (g_steal_pointer (&due), fresh, repeats, seqs,
                                  budget->done_today, limit);
}

GArray *
flash_store_scope_queue (FlashStore             *self,
                         const FlashStudyScope  *scope,
                         GDateTime              *now,
                         guint                   limit,
                         GError                **error)
{
  FlashDayBudget budget;
  FlashDay today;
  GArray *queue = NULL;
  gboolean began;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (is_whole_deck (scope))
    return flash_store_today_queue (self, scope->deck_id, now, limit, error);
  today = flash_store_day_for (self, now);
  began = flash_store_read_begin (self);
  if (flash_store_day_budget (self, today, &budget, error))
    queue = read_scope_queue (self, scope, today, &budget, limit, error);
  flash_store_read_end (self, began);
  return queue;
}

gboolean
flash_store_scope_counts (FlashStore             *self,
                          const FlashStudyScope  *scope,
                          GDateTime              *now,
                          FlashDayCounts         *counts,
                          GError                **error)
{
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GArray) repeats = NULL;
  g_autoptr(GArray) seqs = NULL;
  FlashDayBudget budget;
  FlashDay today;
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (is_whole_deck (scope))
    return flash_store_today_counts (self, scope->deck_id, now, counts, error);
  due = g_array_new (FALSE, FALSE, sizeof (gint64));
  fresh = g_array_new (FALSE, FALSE, sizeof (gint64));
  repeats = g_array_new (FALSE, FALSE, sizeof (gint64));
  seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  today = flash_store_day_for (self, now);
  began = flash_store_read_begin (self);
  ok = flash_store_day_budget (self, today, &budget, error)
       && (scope->deck_id == 0
           || flash_store_deck_new_left (self, scope->deck_id, today, &budget, &budget.new_left,
                                         error))
       && (budget.reviews_left == 0
           || read_scope (self, DUE_IN_SCOPE, scope, today, budget.reviews_left, 0, due, NULL,
                          error))
       && (budget.new_left == 0
           || read_scope (self, NEW_IN_SCOPE, scope, today, budget.new_left, 0, fresh, NULL,
                          error))
       && read_scope (self, REPEATS_IN_SCOPE, scope, today, 0, 0, repeats, seqs, error);
  flash_store_read_end (self, began);
  if (!ok)
    return FALSE;
  counts->due = due->len;
  counts->new_cards = fresh->len;
  counts->learning = repeats->len;
  counts->done_today = budget.done_today;
  return TRUE;
}

GArray *
flash_store_ahead_queue (FlashStore             *self,
                         const FlashStudyScope  *scope,
                         GDateTime              *now,
                         guint                   days,
                         guint                   limit,
                         GError                **error)
{
  g_autoptr(GArray) ids = NULL;
  FlashDay today;
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (days == 0)
    return g_steal_pointer (&ids);
  today = flash_store_day_for (self, now);
  began = flash_store_read_begin (self);
  ok = read_scope (self, AHEAD_IN_SCOPE, scope, today, limit, today + (FlashDay) MIN (days, 3650),
                   ids, NULL, error);
  flash_store_read_end (self, began);
  return ok ? g_steal_pointer (&ids) : NULL;
}

FlashDay
flash_store_scope_next_due_day (FlashStore             *self,
                                const FlashStudyScope  *scope,
                                GDateTime              *now,
                                GError                **error)
{
  sqlite3_stmt *stmt;
  FlashDay today;
  gint64 day = 0;
  gint64 has_new = 0;
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (scope != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  if (is_whole_deck (scope))
    return flash_store_next_due_day (self, scope->deck_id, now, error);
  today = flash_store_day_for (self, now);
  began = flash_store_read_begin (self);
  /* Buried or not, a card keeps its due day; suspended and retired ones are not due. */
  stmt = flash_store_prepare (self, "SELECT MIN(s.due_day) FROM schedule s JOIN cards c ON c.id "
                                    "= s.card_id WHERE s.due_day > ?1 AND c.retired = 0 AND "
                                    "c.suspended = 0" IN_SCOPE, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, today);
      sqlite3_bind_int64 (stmt, 2, scope->deck_id);
      sqlite3_bind_text (stmt, 5, scope->section, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, scope->tag, -1, SQLITE_STATIC);
      ok = flash_store_query_int64 (self, stmt, 0, &day, error);
      sqlite3_clear_bindings (stmt);
    }
  /* New cards not allowed today are due tomorrow. */
  if (ok && (day == 0 || day > today + 1))
    ok = flash_store_scope_has_new (self, scope, &has_new, error);
  flash_store_read_end (self, began);
  if (!ok)
    return 0;
  if (has_new > 0 && self->limits.new_per_day > 0
      && flash_store_deck_takes_new (self, scope->deck_id))
    day = today + 1;
  return (FlashDay) day;
}

gboolean
flash_store_scope_has_new (FlashStore             *self,
                           const FlashStudyScope  *scope,
                           gint64                 *has_new,
                           GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (has_new != NULL, FALSE);

  stmt = flash_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM cards c WHERE c.is_new = 1 AND "
                                    "c.retired = 0 AND c.suspended = 0" IN_SCOPE ")", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, scope->deck_id);
  sqlite3_bind_text (stmt, 5, scope->section, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, scope->tag, -1, SQLITE_STATIC);
  ok = flash_store_query_int64 (self, stmt, 0, has_new, error);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Tags are space-separated slugs (docs/cheatsheet-format.md); a deck has a few hundred cards with
 * a few tags each, so they are counted here rather than split in SQL. */
GStrv
flash_store_list_tags (FlashStore  *self,
                       gint64       deck_id,
                       GArray      *counts,
                       GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree const char **names = NULL;
  guint n_names = 0;
  GStrv tags;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = flash_store_prepare (self, "SELECT tags FROM cards WHERE deck_id = ?1 AND retired = 0 "
                                    "AND deleted = 0 AND tags <> ''", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) words = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), " ", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          {
            gpointer n = g_hash_table_lookup (seen, words[i]);

            g_hash_table_replace (seen, g_strdup (words[i]),
                                  GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
          }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      flash_store_set_error (self, rc, error);
      return NULL;
    }
  names = (const char **) g_hash_table_get_keys_as_array (seen, &n_names);
  qsort (names, n_names, sizeof (char *), compare_names);
  tags = g_new0 (char *, n_names + 1);
  for (guint i = 0; i < n_names; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, names[i]));

      tags[i] = g_strdup (names[i]);
      if (counts != NULL)
        g_array_append_val (counts, n);
    }
  return tags;
}
