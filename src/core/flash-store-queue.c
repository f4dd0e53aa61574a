/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-queue.c: today's queue of due reviews, new cards and same-day repeats. */
#include "flash-store.h"
#include "flash-store-private.h"

#include <stdio.h>

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
  gint64 new_extra = 0;
  int rc;

  /* The day's totals (schema 4): no row until the day's first review. "Study More" is the day
   * and the new cards it added, in config ("extra_new", "DAY COUNT"). One statement reads both. */
  stmt = flash_store_prepare (self, "SELECT d.new, d.reviews, d.entries, (SELECT value FROM config "
                                    "WHERE key = 'extra_new') FROM (SELECT 1) LEFT JOIN "
                                    "review_days d ON d.day = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *extra = (const char *) sqlite3_column_text (stmt, 3);
      gint64 day = 0;
      gint64 count = 0;

      new_done = sqlite3_column_int64 (stmt, 0);
      reviews_done = sqlite3_column_int64 (stmt, 1);
      all_done = sqlite3_column_int64 (stmt, 2);
      if (extra != NULL && sscanf (extra, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &day,
                                   &count) == 2 && day == today && count > 0)
        new_extra = count;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);

  budget->new_left = (guint) MAX (0, self->limits.new_per_day + new_extra - new_done);
  budget->reviews_left = (guint) MAX (0, self->limits.reviews_per_day - reviews_done);
  budget->done_today = (guint) all_done;
  budget->new_extra = (guint) new_extra;
  return TRUE;
}

/* The decks with a daily limit of new cards of their own (schema 8), @deck_id's only unless it is
 * 0, with how many new cards each may still show today ("Study More" raises it as it raises the
 * collection's): deck id → that number. Today's first reviews are read from the log's day. */
static gboolean
deck_new_caps (FlashStore            *self,
               gint64                 deck_id,
               FlashDay               today,
               const FlashDayBudget  *budget,
               GHashTable            *caps,
               GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = flash_store_prepare (self, "SELECT d.id, d.new_per_day - (SELECT COUNT(*) FROM "
                                    "review_log l JOIN cards c ON c.id = l.card_id WHERE l.day = "
                                    "?1 AND l.kind = 0 AND c.deck_id = d.id) FROM decks d WHERE "
                                    "d.new_per_day IS NOT NULL AND (?2 = 0 OR d.id = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, deck_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      gint64 left = sqlite3_column_int64 (stmt, 1) + budget->new_extra;

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (caps, id, GUINT_TO_POINTER ((guint) CLAMP (left, 0, G_MAXINT)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

static GHashTable *
caps_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* @limit, or less for a deck whose own limit leaves fewer. */
static guint
capped (GHashTable *caps,
        gint64      deck_id,
        guint       limit)
{
  gpointer left;

  if (!g_hash_table_lookup_extended (caps, &deck_id, NULL, &left))
    return limit;
  return MIN (limit, GPOINTER_TO_UINT (left));
}

gboolean
flash_store_deck_takes_new (FlashStore *self,
                            gint64      deck_id)
{
  sqlite3_stmt *stmt;
  gint64 takes = 1;

  if (deck_id == 0)
    return TRUE;
  stmt = flash_store_prepare (self, "SELECT coalesce (new_per_day, 1) > 0 FROM decks WHERE id = ?1",
                              NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  if (!flash_store_query_int64 (self, stmt, 1, &takes, NULL))
    return TRUE;
  return takes != 0;
}

gboolean
flash_store_deck_new_left (FlashStore            *self,
                           gint64                 deck_id,
                           FlashDay               today,
                           const FlashDayBudget  *budget,
                           guint                 *left,
                           GError               **error)
{
  g_autoptr(GHashTable) caps = caps_new ();

  g_return_val_if_fail (deck_id != 0, FALSE);

  if (!deck_new_caps (self, deck_id, today, budget, caps, error))
    return FALSE;
  *left = capped (caps, deck_id, budget->new_left);
  return TRUE;
}

/* The cards a due review does not count today: retired ones (of deck ?2 in the first form),
 * those repeated later today, and those buried for the day or suspended (BURIED_TODAY, ?1
 * today). */
#define REPEATED_TODAY "SELECT card_id FROM schedule WHERE repeat_day = ?1 AND repeat_day > 0"
#define BURIED_TODAY "SELECT id FROM cards WHERE bury_day = ?1 AND bury_day > 0 UNION ALL " \
  "SELECT id FROM cards WHERE suspended = 1"
#define NOT_DUE_IN_DECK                                                                          \
  "(SELECT id FROM cards WHERE deck_id = ?2 AND retired = 1 UNION ALL " REPEATED_TODAY           \
  " UNION ALL " BURIED_TODAY ")"
#define NOT_DUE_TODAY                                                                            \
  "(SELECT id FROM cards WHERE retired = 1 UNION ALL " REPEATED_TODAY " UNION ALL " BURIED_TODAY \
  ")"

/* Most overdue first; the card id breaks ties so the order is stable. One deck gets its own
 * statement so that SQLite can walk that deck's part of the index only. Retired cards and today's
 * repeats are few, so excluding them by list keeps the walk inside the covering index instead of
 * reading each due card's row (docs/performance.md). */
#define DUE_IN_DECK "FROM schedule WHERE deck_id = ?2 AND due_day <= ?1 AND card_id NOT IN " \
  NOT_DUE_IN_DECK " ORDER BY due_day, card_id LIMIT ?3"
#define DUE_ALL "FROM schedule WHERE due_day <= ?1 AND card_id NOT IN " NOT_DUE_TODAY \
  " ORDER BY due_day, card_id LIMIT ?3"
/* In file order. A range of deck ids (one deck, or all) walks the partial index in order either
 * way. */
#define NEW_IN_DECKS "FROM cards WHERE is_new = 1 AND retired = 0 AND deck_id BETWEEN ?1 AND ?2 " \
  "AND id NOT IN (SELECT id FROM cards WHERE bury_day = ?4 AND bury_day > 0 UNION ALL "        \
  "SELECT id FROM cards WHERE suspended = 1) ORDER BY deck_id, position LIMIT ?3"
/* The queue of all decks interleaves new cards: each deck's first (by its place in its file),
 * then each deck's second, and so on, decks in the order they were added, so that one deck does
 * not take the whole day's limit. The order is a fixed one, so the days that follow go on where
 * today stopped; one walk of its own index (schema 8) reads it. */
#define NEW_INTERLEAVED "SELECT id FROM cards WHERE is_new = 1 AND retired = 0 AND id NOT IN " \
  "(SELECT id FROM cards WHERE bury_day = ?2 AND bury_day > 0 UNION ALL "                    \
  "SELECT id FROM cards WHERE suspended = 1) ORDER BY position, deck_id LIMIT ?1"
/* "repeat_day > 0" lets SQLite use the partial index: it cannot know that ?1 is positive. */
#define REPEATS_ALL "FROM schedule s JOIN cards c ON c.id = s.card_id WHERE s.repeat_day = ?1 " \
  "AND s.repeat_day > 0 AND c.retired = 0 AND c.bury_day <> ?1 AND c.suspended = 0"
#define REPEATS REPEATS_ALL " AND (?2 = 0 OR s.deck_id = ?2) ORDER BY s.repeat_seq, s.card_id"
/* Counting needs no row: the deck list counts every deck's queue. */
#define COUNT_OF(rows) "SELECT COUNT(*) FROM (SELECT 1 " rows ")"

gboolean
flash_store_collect_ids (FlashStore   *self,
                         sqlite3_stmt *stmt,
                         GArray       *ids,
                         GArray       *seqs,
                         guint        *count,
                         GError      **error)
{
  gint64 n = 0;
  int rc;

  if (ids == NULL)
    {
      if (!flash_store_query_int64 (self, stmt, 0, &n, error))
        return FALSE;
      *count = (guint) n;
      return TRUE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (seqs != NULL)
        {
          gint64 seq = sqlite3_column_int64 (stmt, 1);

          g_array_append_val (seqs, seq);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  *count = ids->len;
  return TRUE;
}

/* Each part of the queue goes to @ids (and @seqs) or, with @ids NULL, is only counted. */
static gboolean
due_ids (FlashStore  *self,
         gint64       deck_id,
         FlashDay     today,
         guint        limit,
         GArray      *ids,
         guint       *count,
         GError     **error)
{
  static const char *const sql[2][2] = {
    { COUNT_OF (DUE_ALL), COUNT_OF (DUE_IN_DECK) },
    { "SELECT card_id " DUE_ALL, "SELECT card_id " DUE_IN_DECK },
  };
  sqlite3_stmt *stmt;

  stmt = flash_store_prepare (self, sql[ids != NULL][deck_id != 0], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  if (deck_id != 0)
    sqlite3_bind_int64 (stmt, 2, deck_id);
  sqlite3_bind_int64 (stmt, 3, limit);
  return flash_store_collect_ids (self, stmt, ids, NULL, count, error);
}

typedef struct
{
  gint64 id;
  gint64 position;
  gint64 deck_id;
} NewCard;

static int
compare_new_cards (gconstpointer a,
                   gconstpointer b)
{
  const NewCard *x = a;
  const NewCard *y = b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->deck_id < y->deck_id ? -1 : x->deck_id > y->deck_id;
}

/* The interleaved new cards of every deck when some decks have limits of their own: each deck's
 * first ones up to what it may still show, merged in the order NEW_INTERLEAVED walks. */
static gboolean
capped_new_ids (FlashStore  *self,
                FlashDay     today,
                guint        limit,
                GHashTable  *caps,
                GArray      *ids,
                guint       *count,
                GError     **error)
{
  g_autoptr(GArray) decks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (NewCard));
  sqlite3_stmt *stmt;
  guint n_decks = 0;
  guint n = 0;
  int rc;

  stmt = flash_store_prepare (self, "SELECT id FROM decks WHERE new_cards > 0 ORDER BY id", error);
  if (stmt == NULL || !flash_store_collect_ids (self, stmt, decks, NULL, &n_decks, error))
    return FALSE;
  stmt = flash_store_prepare (self, "SELECT id, position " NEW_IN_DECKS, error);
  if (stmt == NULL)
    return FALSE;
  for (guint d = 0; d < decks->len; d++)
    {
      gint64 deck_id = g_array_index (decks, gint64, d);
      guint deck_limit = capped (caps, deck_id, limit);

      if (deck_limit == 0)
        continue;
      sqlite3_bind_int64 (stmt, 1, deck_id);
      sqlite3_bind_int64 (stmt, 2, deck_id);
      sqlite3_bind_int64 (stmt, 3, deck_limit);
      sqlite3_bind_int (stmt, 4, today);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          NewCard card = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                           deck_id };

          g_array_append_val (cards, card);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return flash_store_set_error (self, rc, error);
    }
  g_array_sort (cards, compare_new_cards);
  for (; n < cards->len && n < limit; n++)
    if (ids != NULL)
      g_array_append_val (ids, g_array_index (cards, NewCard, n).id);
  *count = n;
  return TRUE;
}

/* Today's new cards of one deck (0: all, interleaved), at most @limit and what a deck's own limit
 * (@caps) leaves it. */
static gboolean
new_ids (FlashStore  *self,
         gint64       deck_id,
         FlashDay     today,
         guint        limit,
         GHashTable  *caps,
         GArray      *ids,
         guint       *count,
         GError     **error)
{
  sqlite3_stmt *stmt;

  if (deck_id == 0 && g_hash_table_size (caps) > 0)
    return capped_new_ids (self, today, limit, caps, ids, count, error);
  if (deck_id != 0)
    limit = capped (caps, deck_id, limit);
  if (limit == 0)
    {
      *count = 0;
      return TRUE;
    }
  /* Counting needs no order: one walk of the index counts every deck's. */
  if (deck_id == 0 && ids != NULL)
    {
      stmt = flash_store_prepare (self, NEW_INTERLEAVED, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, limit);
      sqlite3_bind_int (stmt, 2, today);
      return flash_store_collect_ids (self, stmt, ids, NULL, count, error);
    }
  stmt = flash_store_prepare (self, ids != NULL ? "SELECT id " NEW_IN_DECKS
                                                : COUNT_OF (NEW_IN_DECKS), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deck_id != 0 ? deck_id : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, deck_id != 0 ? deck_id : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int (stmt, 4, today);
  return flash_store_collect_ids (self, stmt, ids, NULL, count, error);
}

/* Same-day repeats with the place in the queue where each comes back. */
static gboolean
repeat_ids (FlashStore  *self,
            gint64       deck_id,
            FlashDay     today,
            GArray      *ids,
            GArray      *seqs,
            guint       *count,
            GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = flash_store_prepare (self, ids != NULL ? "SELECT s.card_id, s.repeat_seq " REPEATS
                                                : COUNT_OF (REPEATS), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, deck_id);
  return flash_store_collect_ids (self, stmt, ids, seqs, count, error);
}

/* What today's queue of one deck (0: all) is made of, each part in study order; or, read with
 * @count_only, only the size of each part. */
typedef struct
{
  GArray *due;     /* scheduled reviews, most overdue first */
  GArray *fresh;   /* new cards, in file order */
  GArray *repeats; /* same-day repeats */
  GArray *seqs;    /* each repeat's place, as a count of the day's log entries */
  guint   n_due;
  guint   n_fresh;
  guint   n_repeats;
} QueueParts;

static void
queue_parts_clear (QueueParts *parts)
{
  g_clear_pointer (&parts->due, g_array_unref);
  g_clear_pointer (&parts->fresh, g_array_unref);
  g_clear_pointer (&parts->repeats, g_array_unref);
  g_clear_pointer (&parts->seqs, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QueueParts, queue_parts_clear)

static gboolean
read_parts (FlashStore            *self,
            gint64                 deck_id,
            FlashDay               today,
            const FlashDayBudget  *budget,
            guint                  review_limit,
            guint                  new_limit,
            gboolean               count_only,
            QueueParts            *parts,
            GError               **error)
{
  g_autoptr(GHashTable) caps = caps_new ();

  if (!count_only)
    {
      parts->due = g_array_new (FALSE, FALSE, sizeof (gint64));
      parts->fresh = g_array_new (FALSE, FALSE, sizeof (gint64));
      parts->repeats = g_array_new (FALSE, FALSE, sizeof (gint64));
      parts->seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  /* A limit of 0 (today's budget spent) needs no statement. */
  return (review_limit == 0
          || due_ids (self, deck_id, today, review_limit, parts->due, &parts->n_due, error))
         && (new_limit == 0
             || (deck_new_caps (self, deck_id, today, budget, caps, error)
                 && new_ids (self, deck_id, today, new_limit, caps, parts->fresh,
                             &parts->n_fresh, error)))
         && repeat_ids (self, deck_id, today, parts->repeats, parts->seqs, &parts->n_repeats,
                        error);
}

static GArray *
read_queue (FlashStore  *self,
            gint64       deck_id,
            FlashDay     today,
            guint        limit,
            GError     **error)
{
  g_auto(QueueParts) parts = { 0 };
  FlashDayBudget budget;

  /* A caller that wants the next few cards needs no more than that many of each kind. */
  if (!flash_store_day_budget (self, today, &budget, error)
      || !read_parts (self, deck_id, today, &budget,
                      limit > 0 ? MIN (budget.reviews_left, limit) : budget.reviews_left,
                      limit > 0 ? MIN (budget.new_left, limit) : budget.new_left, FALSE, &parts,
                      error))
    return NULL;

  return flash_store_merge_queue (g_steal_pointer (&parts.due), parts.fresh, parts.repeats,
                                  parts.seqs, budget.done_today, limit);
}

GArray *
flash_store_merge_queue (GArray       *due,
                         const GArray *fresh,
                         const GArray *repeats,
                         const GArray *seqs,
                         guint         done_today,
                         guint         limit)
{
  GArray *queue = due;

  g_array_append_vals (queue, fresh->data, fresh->len);
  /* A repeat waits until REPEAT_GAP other cards have been graded since it was re-queued. */
  for (guint i = 0; i < repeats->len; i++)
    {
      gint64 at = g_array_index (seqs, gint64, i) - (gint64) done_today;

      at = CLAMP (at, (gint64) i, (gint64) queue->len);
      g_array_insert_val (queue, (guint) at, g_array_index (repeats, gint64, i));
    }

  if (limit > 0 && queue->len > limit)
    g_array_set_size (queue, limit);
  return queue;
}

GArray *
flash_store_today_queue (FlashStore  *self,
                         gint64       deck_id,
                         GDateTime   *now,
                         guint        limit,
                         GError     **error)
{
  GArray *queue;
  gboolean began;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  began = flash_store_read_begin (self);
  queue = read_queue (self, deck_id, flash_store_day_for (self, now), limit, error);
  flash_store_read_end (self, began);
  return queue;
}

/* Reads a statement of (deck id, count) rows, ?1 today, into @counts: deck id → count. */
static gboolean
count_by_deck (FlashStore  *self,
               const char  *sql,
               FlashDay     today,
               GHashTable  *counts,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = flash_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *deck_id = g_new (gint64, 1);

      *deck_id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (counts, deck_id, GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

/* The deck list's counts: each deck's due reviews, capped by today's budget, walk that deck's part
 * of the index (less those that do not count today); new cards are the deck's kept count less
 * those buried today or suspended, capped; today's repeats and those new cards, which are few,
 * are read for all decks at once (docs/performance.md). */
gboolean
flash_store_deck_counts (FlashStore            *self,
                         GPtrArray             *decks,
                         FlashDay               today,
                         const FlashDayBudget  *budget,
                         GError               **error)
{
  g_autoptr(GHashTable) repeats = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_autoptr(GHashTable) buried = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  g_autoptr(GHashTable) excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  g_autoptr(GHashTable) caps = caps_new ();
  sqlite3_stmt *stmt = NULL;

  if (!deck_new_caps (self, 0, today, budget, caps, error)
      || !count_by_deck (self, "SELECT s.deck_id, COUNT(*) " REPEATS_ALL " GROUP BY s.deck_id",
                         today, repeats, error)
      || !count_by_deck (self, "SELECT deck_id, COUNT(*) FROM cards WHERE id IN (" BURIED_TODAY
                               ") AND is_new = 1 AND retired = 0 GROUP BY deck_id",
                         today, buried, error))
    return FALSE;

  /* The due cards that do not count today (retired, repeated later today, buried, suspended)
   * are few: counted for all decks at once, each deck's walk of its due reviews needs no test per
   * card, only room in its cap for those it must leave out. */
  if (budget->reviews_left > 0)
    {
      if (!count_by_deck (self, "SELECT deck_id, COUNT(*) FROM schedule WHERE due_day <= ?1 AND "
                                "card_id IN " NOT_DUE_TODAY " GROUP BY deck_id",
                          today, excluded, error))
        return FALSE;
      stmt = flash_store_prepare (self, "SELECT COUNT(*) FROM (SELECT 1 FROM schedule WHERE "
                                        "deck_id = ?2 AND due_day <= ?1 LIMIT ?3)", error);
      if (stmt == NULL)
        return FALSE;
    }
  for (guint i = 0; i < decks->len; i++)
    {
      FlashDeckInfo *info = g_ptr_array_index (decks, i);
      guint n_repeats = GPOINTER_TO_UINT (g_hash_table_lookup (repeats, &info->id));
      guint n_buried = GPOINTER_TO_UINT (g_hash_table_lookup (buried, &info->id));
      guint n_excluded = GPOINTER_TO_UINT (g_hash_table_lookup (excluded, &info->id));
      gint64 n_walked = 0;
      guint n_due = 0;

      if (budget->reviews_left > 0)
        {
          sqlite3_bind_int (stmt, 1, today);
          sqlite3_bind_int64 (stmt, 2, info->id);
          sqlite3_bind_int64 (stmt, 3, (gint64) budget->reviews_left + n_excluded);
          if (!flash_store_query_int64 (self, stmt, 0, &n_walked, error))
            return FALSE;
          n_due = (guint) MIN (MAX (n_walked - n_excluded, 0), budget->reviews_left);
        }
      info->new_today = MIN (info->new_cards - MIN (n_buried, info->new_cards),
                             capped (caps, info->id, budget->new_left));
      info->due_today = n_due + n_repeats;
    }
  return TRUE;
}

gboolean
flash_store_today_counts (FlashStore      *self,
                          gint64           deck_id,
                          GDateTime       *now,
                          FlashDayCounts  *counts,
                          GError         **error)
{
  g_auto(QueueParts) parts = { 0 };
  FlashDayBudget budget;
  FlashDay today;
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  today = flash_store_day_for (self, now);
  began = flash_store_read_begin (self);
  ok = flash_store_day_budget (self, today, &budget, error)
       && read_parts (self, deck_id, today, &budget, budget.reviews_left, budget.new_left, TRUE,
                      &parts, error);
  flash_store_read_end (self, began);
  if (!ok)
    return FALSE;
  counts->due = parts.n_due;
  counts->new_cards = parts.n_fresh;
  counts->learning = parts.n_repeats;
  counts->done_today = budget.done_today;
  return TRUE;
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
      if (new_count > 0 && self->limits.new_per_day > 0
          && flash_store_deck_takes_new (self, deck_id))
        day = today + 1;
    }
  return (FlashDay) day;
}

gboolean
flash_store_study_more (FlashStore  *self,
                        GDateTime   *now,
                        guint        n_new,
                        GError     **error)
{
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;
  FlashDay today;
  gint64 extra = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (n_new == 0 || n_new > 10000)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "study more takes 1 to 10000 new cards (%u given)", n_new);
      return FALSE;
    }
  today = flash_store_day_for (self, now);
  if (!flash_store_begin (self, error))
    return FALSE;
  /* What today already added stays: the new cards are added to it, in one transaction. */
  stmt = flash_store_prepare (self, "SELECT value FROM config WHERE key = 'extra_new'", error);
  ok = stmt != NULL;
  if (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      gint64 day = 0;
      gint64 count = 0;

      if (text != NULL
          && sscanf (text, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &day, &count) == 2
          && day == today && count > 0)
        extra = count;
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  if (ok)
    {
      value = g_strdup_printf ("%d %" G_GINT64_FORMAT, today, extra + n_new);
      stmt = flash_store_prepare (self, "INSERT INTO config (key, value) VALUES ('extra_new', ?1) "
                                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
      ok = flash_store_step_done (self, stmt, error);
    }
  if (!ok || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
