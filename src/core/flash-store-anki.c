/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-anki.c: an Anki package's decks, cards, schedules and review log imported in one
 * transaction (docs/anki.md). A card that already has reviews here keeps them: a package read
 * again updates the cards' text by guid and leaves their schedules as they are. */
#include "flash-store.h"
#include "flash-store-private.h"

#include "flash-anki.h"

static gint64
find_card (FlashStore  *self,
           gint64       deck_id,
           const char  *key,
           gboolean    *reviewed,
           GError     **error)
{
  sqlite3_stmt *stmt = flash_store_prepare (self, "SELECT id, EXISTS (SELECT 1 FROM review_log l "
                                                  "WHERE l.card_id = cards.id) OR EXISTS (SELECT 1 "
                                                  "FROM schedule s WHERE s.card_id = cards.id) "
                                                  "FROM cards WHERE deck_id = ?1 AND key = ?2 AND "
                                                  "retired = 0", error);
  gint64 id = 0;
  int rc;

  *reviewed = FALSE;
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, deck_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *reviewed = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      flash_store_set_error (self, rc, error);
      return -1;
    }
  return id;
}

/* SM-2's repetitions in a row for a card Anki scheduled at @interval days: enough that SM-2 goes
 * on from the interval (n ≥ 2 multiplies it by EF), as Anki keeps no such count. */
static int
sm2_reps (int interval)
{
  return interval >= 6 ? 3 : interval > 1 ? 2 : 1;
}

/* A card's log as imported so far: what its next entry's "before" columns say. */
typedef struct
{
  gint64   card_id;
  gint64   deck_id;
  FlashDay first_day;
  FlashDay previous_day;
  int      entries;
  int      reps;
  double   ef;
  int      interval;
  FlashDay due;
} Chain;

typedef struct
{
  gint64                 time;  /* Anki's id: milliseconds */
  guint                  order;
  Chain                 *chain;
  const FlashAnkiReview *review;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static gboolean
import_entry (FlashStore   *self,
              const Entry  *entry,
              GError      **error)
{
  const FlashAnkiReview *review = entry->review;
  Chain *chain = entry->chain;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (review->time);
  sqlite3_stmt *stmt;
  FlashDay day;
  int kind;
  int reps_after;

  if (when == NULL)
    return TRUE;
  day = flash_store_day_for (self, when);
  kind = chain->entries == 0 ? REVIEW_NEW : day == chain->previous_day ? REVIEW_REPEAT
                                                                       : REVIEW_REVIEW;
  reps_after = review->grade < 3 ? 0 : MAX (chain->reps, 0) + 1;
  if (chain->entries == 0)
    chain->first_day = day;
  stmt = flash_store_prepare (self, "INSERT INTO review_log (card_id, time, day, grade, kind, "
                                    "reps_before, ef_before, interval_before, due_before, "
                                    "first_day_before, repeat_day_before, repeat_seq_before, "
                                    "reps_after, ef_after, interval_after, due_after, answer_ms, "
                                    "buried_card, deck_id, hour, button, imported) VALUES (?1, "
                                    "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, 0, ?11, ?12, ?13, "
                                    "?14, ?15, 0, ?16, CAST (strftime ('%H', ?2, 'unixepoch', "
                                    "'localtime') AS INTEGER), ?17, 1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chain->card_id);
  sqlite3_bind_int64 (stmt, 2, review->time);
  sqlite3_bind_int (stmt, 3, day);
  sqlite3_bind_int (stmt, 4, review->grade);
  sqlite3_bind_int (stmt, 5, kind);
  sqlite3_bind_int (stmt, 6, chain->reps);
  sqlite3_bind_double (stmt, 7, chain->ef);
  sqlite3_bind_int (stmt, 8, chain->interval);
  sqlite3_bind_int (stmt, 9, chain->due);
  sqlite3_bind_int (stmt, 10, chain->first_day);
  sqlite3_bind_int (stmt, 11, reps_after);
  sqlite3_bind_double (stmt, 12, review->ef);
  sqlite3_bind_int (stmt, 13, review->interval);
  sqlite3_bind_int (stmt, 14, day + review->interval);
  sqlite3_bind_int (stmt, 15, review->answer_ms);
  sqlite3_bind_int64 (stmt, 16, chain->deck_id);
  sqlite3_bind_int (stmt, 17, flash_fsrs_button_for_grade (review->grade));
  if (!flash_store_step_done (self, stmt, error))
    return FALSE;
  chain->entries++;
  chain->previous_day = day;
  chain->reps = reps_after;
  chain->ef = review->ef;
  chain->interval = review->interval;
  chain->due = day + review->interval;
  stmt = flash_store_prepare (self, "UPDATE decks SET reviews = reviews + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chain->deck_id);
  return flash_store_step_done (self, stmt, error);
}

static gboolean
import_schedule (FlashStore           *self,
                 const Chain          *chain,
                 const FlashAnkiCard  *card,
                 FlashDay              today,
                 GError              **error)
{
  FlashDay first_day = chain->entries > 0 ? chain->first_day : today;
  gint64 card_id = chain->card_id;
  gint64 deck_id = chain->deck_id;
  sqlite3_stmt *stmt;
  int reviews = chain->entries;

  if (card->scheduled)
    {
      stmt = flash_store_prepare (self, "INSERT INTO schedule (card_id, reps, ef, interval, "
                                        "due_day, first_day, deck_id, lapses, stability, "
                                        "difficulty, reviews) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                        "?7, ?8, ?9, ?10, ?11)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, card_id);
      sqlite3_bind_int (stmt, 2, sm2_reps (card->interval));
      sqlite3_bind_double (stmt, 3, card->ef);
      sqlite3_bind_int (stmt, 4, card->interval);
      sqlite3_bind_int (stmt, 5, today + card->due_offset);
      sqlite3_bind_int (stmt, 6, MIN (first_day, today));
      sqlite3_bind_int64 (stmt, 7, deck_id);
      sqlite3_bind_int (stmt, 8, card->lapses);
      if (flash_fsrs_state_is_set (&card->fsrs))
        {
          sqlite3_bind_double (stmt, 9, card->fsrs.stability);
          sqlite3_bind_double (stmt, 10, card->fsrs.difficulty);
        }
      sqlite3_bind_int (stmt, 11, MAX (reviews, card->reps));
      if (!flash_store_step_done (self, stmt, error))
        return FALSE;
    }
  stmt = flash_store_prepare (self, "UPDATE cards SET is_new = ?2, suspended = ?3, flag = ?4 WHERE "
                                    "id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  sqlite3_bind_int (stmt, 2, card->scheduled ? 0 : 1);
  sqlite3_bind_int (stmt, 3, card->suspended);
  sqlite3_bind_int (stmt, 4, card->flag);
  return flash_store_step_done (self, stmt, error);
}

gboolean
flash_store_import_anki (FlashStore              *self,
                         const FlashAnkiPackage  *package,
                         GDateTime               *now,
                         GArray                 **results,
                         GError                 **error)
{
  g_autoptr(GArray) local = g_array_new (FALSE, TRUE, sizeof (FlashImportResult));
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autofree Chain *chains = NULL;
  FlashDay today;
  gint64 indexed_up_to = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (package != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  g_array_set_clear_func (local, (GDestroyNotify) flash_import_result_clear);
  chains = g_new0 (Chain, package->cards->len + 1);
  today = flash_store_day_for (self, now);
  if (!flash_store_begin (self, error))
    return FALSE;
  ok = flash_store_pause_search_index (self, &indexed_up_to, error);
  for (guint i = 0; ok && i < package->sheets->len; i++)
    {
      FlashImportResult result = { 0 };

      ok = flash_store_import_sheet_locked (self, g_ptr_array_index (package->sheets, i), &result,
                                            error);
      g_array_append_val (local, result);
    }
  ok = ok && flash_store_resume_search_index (self, indexed_up_to, error);
  /* The cards that take the package's history: the ones not reviewed here yet. */
  for (guint i = 0; ok && i < package->cards->len; i++)
    {
      const FlashAnkiCard *card = g_ptr_array_index (package->cards, i);
      Chain *chain = &chains[i];
      gboolean reviewed;

      chain->deck_id = g_array_index (local, FlashImportResult, card->sheet).deck_id;
      chain->card_id = find_card (self, chain->deck_id, card->key, &reviewed, error);
      chain->reps = -1;
      chain->ef = 2.5;
      if (chain->card_id < 0)
        ok = FALSE;
      else if (reviewed)
        chain->card_id = 0;
      for (guint r = 0; ok && chain->card_id > 0 && r < card->log->len; r++)
        {
          const FlashAnkiReview *review = &g_array_index (card->log, FlashAnkiReview, r);
          Entry entry = { review->id, entries->len, chain, review };

          g_array_append_val (entries, entry);
        }
    }
  /* The log in the order the reviews were given, across cards, as it was written. */
  g_array_sort (entries, compare_entries);
  for (guint i = 0; ok && i < entries->len; i++)
    ok = import_entry (self, &g_array_index (entries, Entry, i), error);
  for (guint i = 0; ok && i < package->cards->len; i++)
    if (chains[i].card_id > 0)
      ok = import_schedule (self, &chains[i], g_ptr_array_index (package->cards, i), today,
                            error);
  if (!ok || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  if (results != NULL)
    *results = g_steal_pointer (&local);
  return TRUE;
}
