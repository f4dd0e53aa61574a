/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-cram.c: cramming any set of cards now, in random or weakest-first order, with its
 * own log: the schedule and the review log stay as they are (docs/interview.md). */
#include "flash-store.h"
#include "flash-store-private.h"

/* Fisher–Yates with GLib's seeded generator (a Mersenne Twister): the same seed and the same
 * cards give the same order on every machine. */
static void
shuffle (GArray  *ids,
         guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = ids->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gint64 tmp = g_array_index (ids, gint64, i - 1);

      g_array_index (ids, gint64, i - 1) = g_array_index (ids, gint64, j);
      g_array_index (ids, gint64, j) = tmp;
    }
}

GArray *
flash_store_cram_queue (FlashStore             *self,
                        const FlashCardSearch  *search,
                        FlashCramOrder          order,
                        guint32                 seed,
                        guint                   limit,
                        GDateTime              *now,
                        GError                **error)
{
  FlashCardSearch ordered;
  GArray *ids;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (search != NULL, NULL);

  ordered = *search;
  ordered.order = order == FLASH_CRAM_WEAKEST ? FLASH_CARD_ORDER_WEAKEST
                                             : FLASH_CARD_ORDER_POSITION;
  /* Random needs every card before it can choose; weakest first stops at the limit. */
  ids = flash_store_search (self, &ordered, now, order == FLASH_CRAM_WEAKEST ? limit : 0, error);
  if (ids == NULL)
    return NULL;
  if (order == FLASH_CRAM_RANDOM)
    shuffle (ids, seed);
  if (limit > 0 && ids->len > limit)
    g_array_set_size (ids, limit);
  return ids;
}

typedef struct
{
  gint64 id;
  gint64 lapses;
  double ef;    /* 0: new, after every scheduled card */
  guint  index; /* for a stable order */
} Strength;

static int
compare_weakest (gconstpointer a,
                 gconstpointer b)
{
  const Strength *x = a;
  const Strength *y = b;

  if (x->lapses != y->lapses)
    return x->lapses > y->lapses ? -1 : 1;
  if ((x->ef == 0) != (y->ef == 0))
    return x->ef == 0 ? 1 : -1;
  if (x->ef != y->ef)
    return x->ef < y->ef ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

gboolean
flash_store_cram_order (FlashStore      *self,
                        GArray          *card_ids,
                        FlashCramOrder   order,
                        guint32          seed,
                        GError         **error)
{
  g_autoptr(GArray) strengths = NULL;
  sqlite3_stmt *stmt;
  gboolean began;
  int rc = SQLITE_OK;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (card_ids != NULL, FALSE);

  if (order == FLASH_CRAM_RANDOM)
    {
      shuffle (card_ids, seed);
      return TRUE;
    }
  stmt = flash_store_prepare (self, "SELECT coalesce (s.lapses, 0), coalesce (s.ef, 0) FROM cards "
                                    "c LEFT JOIN schedule s ON s.card_id = c.id WHERE c.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  strengths = g_array_sized_new (FALSE, FALSE, sizeof (Strength), card_ids->len);
  began = flash_store_read_begin (self);
  for (guint i = 0; i < card_ids->len; i++)
    {
      Strength strength = { g_array_index (card_ids, gint64, i), -1, 0, i };

      sqlite3_bind_int64 (stmt, 1, strength.id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          strength.lapses = sqlite3_column_int64 (stmt, 0);
          strength.ef = sqlite3_column_double (stmt, 1);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_reset (stmt);
      if (rc != SQLITE_OK)
        break;
      g_array_append_val (strengths, strength);
    }
  flash_store_read_end (self, began);
  if (rc != SQLITE_OK)
    return flash_store_set_error (self, rc, error);
  g_array_sort (strengths, compare_weakest);
  for (guint i = 0; i < strengths->len; i++)
    g_array_index (card_ids, gint64, i) = g_array_index (strengths, Strength, i).id;
  return TRUE;
}

gboolean
flash_store_record_cram (FlashStore  *self,
                         gint64       card_id,
                         int          grade,
                         GDateTime   *now,
                         int          answer_ms,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (grade < 0 || grade > 5)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "a grade is a number from 0 to 5, not %d", grade);
      return FALSE;
    }
  if (!flash_store_begin (self, error))
    return FALSE;
  stmt = flash_store_prepare (self, "INSERT INTO cram_log (card_id, time, grade, answer_ms) "
                                    "SELECT id, ?2, ?3, ?4 FROM cards WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, card_id);
      sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (now));
      sqlite3_bind_int (stmt, 3, grade);
      sqlite3_bind_int (stmt, 4, MAX (answer_ms, 0));
    }
  if (stmt == NULL || !flash_store_step_done (self, stmt, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      flash_store_rollback (self);
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                   "no card with id %" G_GINT64_FORMAT, card_id);
      return FALSE;
    }
  return flash_store_commit (self, error);
}
