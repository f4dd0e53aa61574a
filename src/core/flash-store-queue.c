/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-queue.c: today's queue of due reviews, new cards and same-day repeats. */
#include "flash-store.h"
#include "flash-store-private.h"

gboolean
flash_store_day_budget (FlashStore      *self,
                        FlashDay         today,
                        FlashDayBudget  *budget,
                        GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 new_done = 0;
  gint64 reviews_done = 0;
  gint64 all_done = 0;

  stmt = flash_store_prepare (self, "SELECT COUNT(*) FROM review_log WHERE day = ?1 AND kind = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int (stmt, 2, REVIEW_NEW);
  if (!flash_store_query_int64 (self, stmt, 0, &new_done, error))
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int (stmt, 2, REVIEW_REVIEW);
  if (!flash_store_query_int64 (self, stmt, 0, &reviews_done, error))
    return FALSE;
  stmt = flash_store_prepare (self, "SELECT COUNT(*) FROM review_log WHERE day = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  if (!flash_store_query_int64 (self, stmt, 0, &all_done, error))
    return FALSE;

  budget->new_left = (guint) MAX (0, self->limits.new_per_day - new_done);
  budget->reviews_left = (guint) MAX (0, self->limits.reviews_per_day - reviews_done);
  budget->done_today = (guint) all_done;
  return TRUE;
}

/* Appends the ids a query yields to @ids. */
static gboolean
collect_ids (FlashStore   *self,
             sqlite3_stmt *stmt,
             GArray       *ids,
             GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
due_ids (FlashStore  *self,
         gint64       deck_id,
         FlashDay     today,
         guint        limit,
         GArray      *ids,
         GError     **error)
{
  sqlite3_stmt *stmt;

  if (limit == 0)
    return TRUE;
  /* Most overdue first; the card id breaks ties so the order is stable. One deck gets its own
   * statement so that SQLite can walk that deck's part of the index only. */
  if (deck_id != 0)
    stmt = flash_store_prepare (self, "SELECT s.card_id FROM schedule s JOIN cards c ON c.id = "
                                      "s.card_id WHERE s.deck_id = ?2 AND s.due_day <= ?1 AND "
                                      "s.repeat_day != ?1 AND c.retired = 0 ORDER BY s.due_day, "
                                      "s.card_id LIMIT ?3",
                                      error);
  else
    stmt = flash_store_prepare (self, "SELECT s.card_id FROM schedule s JOIN cards c ON c.id = "
                                      "s.card_id WHERE s.due_day <= ?1 AND s.repeat_day != ?1 AND "
                                      "c.retired = 0 ORDER BY s.due_day, s.card_id LIMIT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  if (deck_id != 0)
    sqlite3_bind_int64 (stmt, 2, deck_id);
  sqlite3_bind_int64 (stmt, 3, limit);
  return collect_ids (self, stmt, ids, error);
}

static gboolean
new_ids (FlashStore  *self,
         gint64       deck_id,
         guint        limit,
         GArray      *ids,
         GError     **error)
{
  sqlite3_stmt *stmt;

  if (limit == 0)
    return TRUE;
  if (deck_id != 0)
    {
      stmt = flash_store_prepare (self, "SELECT id FROM cards WHERE is_new = 1 AND retired = 0 AND "
                                        "deck_id = ?1 ORDER BY deck_id, position LIMIT ?2", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, deck_id);
    }
  else
    stmt = flash_store_prepare (self, "SELECT id FROM cards WHERE is_new = 1 AND retired = 0 ORDER "
                                      "BY deck_id, position LIMIT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, limit);
  return collect_ids (self, stmt, ids, error);
}

/* Same-day repeats with the place in the queue where each comes back. */
static gboolean
repeat_ids (FlashStore  *self,
            gint64       deck_id,
            FlashDay     today,
            GArray      *ids,
            GArray      *seqs,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* "repeat_day > 0" lets SQLite use the partial index: it cannot know that ?1 is positive. */
  stmt = flash_store_prepare (self, "SELECT s.card_id, s.repeat_seq FROM schedule s JOIN cards c "
                                    "ON c.id = s.card_id WHERE s.repeat_day = ?1 AND s.repeat_day "
                                    "> 0 AND c.retired = 0 AND (?2 = 0 OR s.deck_id = ?2) ORDER BY "
                                    "s.repeat_seq, s.card_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 seq = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (seqs, seq);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

GArray *
flash_store_today_queue (FlashStore  *self,
                         gint64       deck_id,
                         GDateTime   *now,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GArray) repeats = NULL;
  g_autoptr(GArray) seqs = NULL;
  FlashDayBudget budget;
  FlashDay today;
  guint review_limit;
  guint new_limit;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  today = flash_store_day_for (self, now);
  if (!flash_store_day_budget (self, today, &budget, error))
    return NULL;

  queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  repeats = g_array_new (FALSE, FALSE, sizeof (gint64));
  seqs = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* A caller that wants the next few cards needs no more than that many of each kind. */
  review_limit = limit > 0 ? MIN (budget.reviews_left, limit) : budget.reviews_left;
  new_limit = limit > 0 ? MIN (budget.new_left, limit) : budget.new_left;
  if (!due_ids (self, deck_id, today, review_limit, queue, error)
      || !new_ids (self, deck_id, new_limit, queue, error)
      || !repeat_ids (self, deck_id, today, repeats, seqs, error))
    return NULL;

  /* A repeat waits until REPEAT_GAP other cards have been graded since it was re-queued. */
  for (guint i = 0; i < repeats->len; i++)
    {
      gint64 seq = g_array_index (seqs, gint64, i);
      gint64 at = seq - (gint64) budget.done_today;
      guint place;

      at = CLAMP (at, (gint64) i, (gint64) queue->len);
      place = (guint) at;
      g_array_insert_val (queue, place, g_array_index (repeats, gint64, i));
    }

  if (limit > 0 && queue->len > limit)
    g_array_set_size (queue, limit);
  return g_steal_pointer (&queue);
}

gboolean
flash_store_counts_within (FlashStore            *self,
                           gint64                 deck_id,
                           FlashDay               today,
                           const FlashDayBudget  *budget,
                           FlashDayCounts        *counts,
                           GError               **error)
{
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GArray) repeats = NULL;
  g_autoptr(GArray) seqs = NULL;

  due = g_array_new (FALSE, FALSE, sizeof (gint64));
  fresh = g_array_new (FALSE, FALSE, sizeof (gint64));
  repeats = g_array_new (FALSE, FALSE, sizeof (gint64));
  seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!due_ids (self, deck_id, today, budget->reviews_left, due, error)
      || !new_ids (self, deck_id, budget->new_left, fresh, error)
      || !repeat_ids (self, deck_id, today, repeats, seqs, error))
    return FALSE;

  counts->due = due->len;
  counts->new_cards = fresh->len;
  counts->learning = repeats->len;
  counts->done_today = budget->done_today;
  return TRUE;
}

gboolean
flash_store_today_counts (FlashStore      *self,
                          gint64           deck_id,
                          GDateTime       *now,
                          FlashDayCounts  *counts,
                          GError         **error)
{
  FlashDayBudget budget;
  FlashDay today;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  today = flash_store_day_for (self, now);
  return flash_store_day_budget (self, today, &budget, error)
         && flash_store_counts_within (self, deck_id, today, &budget, counts, error);
}

FlashDay
flash_store_next_due_day (FlashStore  *self,
                          gint64       deck_id,
                          GDateTime   *now,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  FlashDay today;
  gint64 day = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  today = flash_store_day_for (self, now);
  stmt = flash_store_prepare (self, "SELECT MIN(s.due_day) FROM schedule s JOIN cards c ON c.id = "
                                    "s.card_id WHERE s.due_day > ?1 AND c.retired = 0 AND (?2 = 0 "
                                    "OR c.deck_id = ?2)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, deck_id);
  if (!flash_store_query_int64 (self, stmt, 0, &day, error))
    return 0;
  /* New cards not allowed today are due tomorrow. */
  if (day == 0 || day > today + 1)
    {
      gint64 new_count = 0;

      stmt = flash_store_prepare (self, "SELECT COUNT(*) FROM (SELECT 1 FROM cards WHERE is_new = "
                                        "1 AND retired = 0 AND (?1 = 0 OR deck_id = ?1) LIMIT 1)",
                                  error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, deck_id);
      if (!flash_store_query_int64 (self, stmt, 0, &new_count, error))
        return 0;
      if (new_count > 0 && self->limits.new_per_day > 0)
        day = today + 1;
    }
  return (FlashDay) day;
}
