/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-queue.c: today's queue (order, limits, step 7 repeats), grading, undo and statistics. */
#include "flash-store.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

typedef struct
{
  char       *path;
  FlashStore *store;
  gint64      deck_id;
} Fixture;

/* Ten items A0…A9 in file order. */
static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = NULL;
  GString *text = g_string_new ("# Deck\n\n");
  FlashImportResult result = { 0 };
  int fd;

  for (int i = 0; i < 10; i++)
    g_string_append_printf (text, "## A%d\n\nAnswer %d.\n\n", i, i);
  sheet = flash_sheet_parse (text->str, -1, "/queue/deck.md", &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);

  fd = g_file_open_tmp ("flash-queue-XXXXXX.db", &fx->path, &error);
  g_assert_no_error (error);
  close (fd);
  g_unlink (fx->path);
  fx->store = flash_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_import_sheet (fx->store, sheet, &result, &error));
  fx->deck_id = result.deck_id;
  flash_import_result_clear (&result);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fx->path, "-shm", NULL);

  flash_store_close (fx->store);
  g_unlink (fx->path);
  g_unlink (wal);
  g_unlink (shm);
  g_free (fx->path);
}

static GDateTime *
at (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDateTime *time = flash_clock_parse (iso, &error);

  g_assert_no_error (error);
  return time;
}

/* The queue as question names, e.g. "A0 A1 A2". */
static char *
queue_string (Fixture   *fx,
              GDateTime *now,
              guint      limit)
{
  g_autoptr(GArray) queue = flash_store_today_queue (fx->store, 0, now, limit, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (queue);
  for (guint i = 0; i < queue->len; i++)
    {
      g_autoptr(FlashCard) card = flash_store_get_card (fx->store, g_array_index (queue, gint64, i), NULL);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, card->question);
    }
  return g_string_free (out, FALSE);
}

static gint64
first_in_queue (Fixture   *fx,
                GDateTime *now)
{
  g_autoptr(GArray) queue = flash_store_today_queue (fx->store, 0, now, 1, NULL);

  g_assert_cmpuint (queue->len, ==, 1);
  return g_array_index (queue, gint64, 0);
}

static void
grade_first (Fixture   *fx,
             GDateTime *now,
             int        grade)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = flash_store_record_review (fx->store, first_in_queue (fx, now), grade, now, 500, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
set_limits (Fixture *fx,
            int      new_per_day,
            int      reviews_per_day)
{
  FlashLimits limits;

  flash_store_get_limits (fx->store, &limits);
  limits.new_per_day = new_per_day;
  limits.reviews_per_day = reviews_per_day;
  g_assert_true (flash_store_set_limits (fx->store, &limits, NULL));
}

static void
test_new_limit_and_order (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) day1 = at ("2026-11-21T10:00:00Z");
  g_autofree char *queue = NULL;
  FlashDayCounts counts;

  set_limits (fx, 4, 200);
  queue = queue_string (fx, day1, 0);
  g_assert_cmpstr (queue, ==, "A0 A1 A2 A3");
  g_assert_true (flash_store_today_counts (fx->store, 0, day1, &counts, NULL));
  g_assert_cmpuint (counts.new_cards, ==, 4);
  g_assert_cmpuint (counts.due, ==, 0);

  /* Two new cards studied: two more remain for today, not four. */
  grade_first (fx, day1, 5);
  grade_first (fx, day1, 5);
  g_free (queue);
  queue = queue_string (fx, day1, 0);
  g_assert_cmpstr (queue, ==, "A2 A3");
  g_free (queue);
  queue = queue_string (fx, day1, 1);
  g_assert_cmpstr (queue, ==, "A2");
}

/* Due reviews come first, most overdue first, and the review limit caps them. */
static void
test_due_order_and_review_limit (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GDateTime) day1 = at ("2026-11-21T10:00:00Z");
  g_autoptr(GDateTime) day2 = at ("2026-11-22T10:00:00Z");
  g_autoptr(GDateTime) day10 = at ("2026-11-30T10:00:00Z");
  g_autofree char *queue = NULL;

  set_limits (fx, 3, 200);
  grade_first (fx, day1, 5); /* A0 due day 2 */
  grade_first (fx, day1, 5); /* A1 due day 2 */
  grade_first (fx, day1, 5); /* A2 due day 2 */
  /* Day 2: A0 A1 A2 are due (I = 1); A1 again at once, due day 8. */
  queue = queue_string (fx, day2, 0);
  g_assert_cmpstr (queue, ==, "A0 A1 A2 A3 A4 A5");
  g_free (queue);
  {
    g_autoptr(GError) error = NULL;
    gint64 a1 = g_array_index (flash_store_today_queue (fx->store, 0, day2, 2, NULL), gint64, 1);

    g_assert_true (flash_store_record_review (fx->store, a1, 4, day2, 0, NULL, &error));
  }
  /* Day 10: A0, A2 due since day 2, A1 since day 8; new cards after them. */
  set_limits (fx, 1, 2);
  queue = queue_string (fx, day10, 0);
  g_assert_cmpstr (queue, ==, "A0 A2 A3");
}

/* SM-2 step 7: a card graded below 4 comes back a few cards later the same day, without
 * changing its schedule, until it gets a 4 or 5. */
static void
test_step7_requeue (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = at ("2026-11-21T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *queue = NULL;
  g_autoptr(FlashCard) card = NULL;
  FlashReviewResult result;
  FlashDayCounts counts;
  gint64 a0 = first_in_queue (fx, now);

  set_limits (fx, 6, 200);
  g_assert_true (flash_store_record_review (fx->store, a0, 1, now, 0, &result, &error));
  g_assert_true (result.repeat);
  g_assert_cmpint (result.after.interval, ==, 1);
  queue = queue_string (fx, now, 0);
  g_assert_cmpstr (queue, ==, "A1 A2 A3 A0 A4 A5");
  g_assert_true (flash_store_today_counts (fx->store, 0, now, &counts, NULL));
  g_assert_cmpuint (counts.learning, ==, 1);
  g_assert_cmpuint (counts.new_cards, ==, 5);

  grade_first (fx, now, 4); /* A1 */
  g_free (queue);
  queue = queue_string (fx, now, 0);
  g_assert_cmpstr (queue, ==, "A2 A3 A0 A4 A5");
  grade_first (fx, now, 4); /* A2 */
  grade_first (fx, now, 4); /* A3 */
  g_assert_cmpint (first_in_queue (fx, now), ==, a0);

  /* The same-day repeat graded Hard: still comes back; EF and interval untouched. */
  g_assert_true (flash_store_record_review (fx->store, a0, 3, now, 0, &result, &error));
  g_assert_true (result.repeat);
  card = flash_store_get_card (fx->store, a0, NULL);
  g_assert_cmpfloat_with_epsilon (card->sm2.ef, 1.96, 1e-9);
  g_assert_cmpint (card->sm2.interval, ==, 1);
  g_assert_cmpint (card->sm2.reps, ==, 0);
  g_clear_pointer (&card, flash_card_free);
  g_free (queue);
  queue = queue_string (fx, now, 0);
  g_assert_cmpstr (queue, ==, "A4 A5 A0");

  /* Good ends the repeats; the schedule is still the one from the first grade. */
  grade_first (fx, now, 4);
  grade_first (fx, now, 4);
  g_assert_cmpint (first_in_queue (fx, now), ==, a0);
  g_assert_true (flash_store_record_review (fx->store, a0, 5, now, 0, &result, &error));
  g_assert_false (result.repeat);
  card = flash_store_get_card (fx->store, a0, NULL);
  g_assert_cmpfloat_with_epsilon (card->sm2.ef, 1.96, 1e-9);
  g_assert_cmpint (card->sm2.interval, ==, 1);
  g_free (queue);
  queue = queue_string (fx, now, 0);
  g_assert_cmpstr (queue, ==, "");
}

/* Undo restores the card's previous state exactly and removes the log entry. */
static void
test_undo (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GDateTime) day1 = at ("2026-11-21T10:00:00Z");
  g_autoptr(GDateTime) day2 = at ("2026-11-22T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashCard) before = NULL;
  g_autoptr(FlashCard) after = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *queue_before = NULL;
  g_autofree char *queue_after = NULL;
  gint64 a0 = first_in_queue (fx, day1);
  gint64 undone = 0;

  g_assert_false (flash_store_undo_last (fx->store, &undone, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Undo of a first review makes the card new again. */
  grade_first (fx, day1, 4);
  g_assert_true (flash_store_undo_last (fx->store, &undone, &error));
  g_assert_cmpint (undone, ==, a0);
  after = flash_store_get_card (fx->store, a0, NULL);
  g_assert_true (after->is_new);
  g_clear_pointer (&after, flash_card_free);

  /* Undo of a later review restores n, EF, I, due day and the queue. */
  grade_first (fx, day1, 4);
  before = flash_store_get_card (fx->store, a0, NULL);
  queue_before = queue_string (fx, day2, 0);
  g_assert_true (flash_store_record_review (fx->store, a0, 1, day2, 0, NULL, &error));
  g_assert_true (flash_store_undo_last (fx->store, &undone, &error));
  after = flash_store_get_card (fx->store, a0, NULL);
  g_assert_cmpint (after->sm2.reps, ==, before->sm2.reps);
  g_assert_cmpfloat (after->sm2.ef, ==, before->sm2.ef);
  g_assert_cmpint (after->sm2.interval, ==, before->sm2.interval);
  g_assert_cmpint (after->due_day, ==, before->due_day);
  g_assert_cmpint (after->repeat_day, ==, before->repeat_day);
  queue_after = queue_string (fx, day2, 0);
  g_assert_cmpstr (queue_after, ==, queue_before);
  log = flash_store_list_log (fx->store, 0, NULL);
  g_assert_cmpuint (log->len, ==, 1);
}

/* Every grade is in the file when the call returns: a second connection sees it at once. */
static void
test_grade_is_committed (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = at ("2026-11-21T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  FlashStore *other;

  grade_first (fx, now, 5);
  other = flash_store_open (fx->path, &error);
  g_assert_no_error (error);
  log = flash_store_list_log (other, 0, NULL);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpint (((FlashLogEntry *) log->pdata[0])->grade, ==, 5);
  g_assert_cmpint (((FlashLogEntry *) log->pdata[0])->answer_ms, ==, 500);
  flash_store_close (other);

  g_assert_false (flash_store_record_review (fx->store, 999999, 4, now, 0, NULL, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (flash_store_record_review (fx->store, first_in_queue (fx, now), 6, now, 0, NULL, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
}

/* The day starts at 04:00: a 02:00 session counts for the day before. */
static void
test_day_start_hour (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) evening = at ("2026-11-21T22:00:00Z");
  g_autoptr(GDateTime) night = at ("2026-11-22T02:00:00Z");
  g_autoptr(GDateTime) morning = at ("2026-11-22T05:00:00Z");
  FlashDayCounts counts;

  g_setenv ("TZ", "UTC", TRUE);
  set_limits (fx, 2, 200);
  grade_first (fx, evening, 5);
  grade_first (fx, night, 5);
  /* Both count for the 21st: no new cards left at 02:00, two again after 04:00. */
  g_assert_true (flash_store_today_counts (fx->store, 0, night, &counts, NULL));
  g_assert_cmpuint (counts.new_cards, ==, 0);
  g_assert_cmpuint (counts.done_today, ==, 2);
  g_assert_true (flash_store_today_counts (fx->store, 0, morning, &counts, NULL));
  g_assert_cmpuint (counts.new_cards, ==, 2);
  g_assert_cmpuint (counts.due, ==, 2);
}

/* Each deck's counts in the deck list are the ones its own queue gives, with today's repeats,
 * the new-card budget shared by all decks, and a deck without reviews. */
static void
assert_deck_list_matches_queues (Fixture   *fx,
                                 GDateTime *now)
{
  g_autoptr(GPtrArray) decks = flash_store_list_decks (fx->store, now, NULL);

  g_assert_nonnull (decks);
  g_assert_cmpuint (decks->len, ==, 2);
  for (guint i = 0; i < decks->len; i++)
    {
      FlashDeckInfo *info = decks->pdata[i];
      FlashDayCounts counts;

      g_assert_true (flash_store_today_counts (fx->store, info->id, now, &counts, NULL));
      g_assert_cmpuint (info->due_today, ==, counts.due + counts.learning);
      g_assert_cmpuint (info->new_today, ==, counts.new_cards);
    }
}

static void
test_deck_list_counts (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) day1 = at ("2026-11-20T10:00:00Z");
  g_autoptr(GDateTime) day2 = at ("2026-11-21T10:00:00Z");
  g_autoptr(FlashSheet) sheet = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  FlashImportResult result = { 0 };

  sheet = flash_sheet_parse ("# Other\n\n## B0\n\nb.\n\n## B1\n\nb.\n", -1, "/queue/b.md", NULL);
  g_assert_true (flash_store_import_sheet (fx->store, sheet, &result, NULL));
  flash_import_result_clear (&result);
  set_limits (fx, 3, 200);
  assert_deck_list_matches_queues (fx, day1);

  grade_first (fx, day1, 5);
  grade_first (fx, day1, 2); /* repeats today */
  grade_first (fx, day1, 5);
  decks = flash_store_list_decks (fx->store, day1, NULL);
  /* New cards take turns across decks: "Deck"'s first, "Other"'s first (its repeat waits today),
   * "Deck"'s second; the day's three new cards are spent. */
  g_assert_cmpstr (((FlashDeckInfo *) decks->pdata[0])->name, ==, "Deck");
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->due_today, ==, 0);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->new_today, ==, 0);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[1])->due_today, ==, 1);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[1])->new_today, ==, 0);
  assert_deck_list_matches_queues (fx, day1);

  /* The next day: three new cards again, capped by what each deck has. */
  g_clear_pointer (&decks, g_ptr_array_unref);
  decks = flash_store_list_decks (fx->store, day2, NULL);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->new_today, ==, 3);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[1])->new_today, ==, 1);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->due_today, >, 0);
  assert_deck_list_matches_queues (fx, day2);

  /* A due review that does not count today (here suspended) is left out of its deck's count,
   * and leaves room under the day's cap for the next one. */
  {
    g_autoptr(GArray) queue = flash_store_today_queue (fx->store, fx->deck_id, day2, 0, NULL);
    gint64 first = g_array_index (queue, gint64, 0);
    guint due = ((FlashDeckInfo *) decks->pdata[0])->due_today;

    g_assert_cmpuint (due, ==, 2);
    g_assert_true (flash_store_set_suspended (fx->store, &first, 1, TRUE, NULL));
    for (int cap = 1; cap <= 200; cap += 199)
      {
        g_autoptr(GPtrArray) now_decks = NULL;

        set_limits (fx, 3, cap);
        now_decks = flash_store_list_decks (fx->store, day2, NULL);
        g_assert_cmpuint (((FlashDeckInfo *) now_decks->pdata[0])->due_today, ==, 1);
        assert_deck_list_matches_queues (fx, day2);
      }
  }
}

/* The questions of one deck's queue, e.g. "`e` `w`". */
static char *
deck_queue_string (Fixture   *fx,
                   gint64     deck_id,
                   GDateTime *now)
{
  g_autoptr(GArray) queue = flash_store_today_queue (fx->store, deck_id, now, 0, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (queue);
  for (guint i = 0; i < queue->len; i++)
    {
      g_autoptr(FlashCard) card = flash_store_get_card (fx->store, g_array_index (queue, gint64, i),
                                                        NULL);

      g_string_append_printf (out, "%s%s", out->len > 0 ? "|" : "", card->question);
    }
  return g_string_free (out, FALSE);
}

/* A reverse card and its forward card are siblings: grading one keeps the other out of the
 * day's queue (new or due), undo brings it back, and the next day it is there. */
static void
test_siblings (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GDateTime) day1 = at ("2026-11-20T10:00:00Z");
  g_autoptr(GDateTime) day2 = at ("2026-11-21T10:00:00Z");
  g_autoptr(GDateTime) day3 = at ("2026-11-22T10:00:00Z");
  g_autoptr(FlashSheet) sheet = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(GArray) queue_of_deck = NULL;
  FlashImportResult result = { 0 };
  gint64 deck_id;
  gint64 undone = 0;
  char *queue;

  sheet = flash_sheet_parse ("---\nreverse: terms\n---\n# Rev\n\n- `e`: end of word\n"
                             "- `w`: next word\n", -1, "/queue/rev.md", NULL);
  g_assert_true (flash_store_import_sheet (fx->store, sheet, &result, NULL));
  deck_id = result.deck_id;
  flash_import_result_clear (&result);

  queue = deck_queue_string (fx, deck_id, day1);
  g_assert_cmpstr (queue, ==, "`e`|end of word|`w`|next word");
  g_free (queue);
  queue_of_deck = flash_store_today_queue (fx->store, deck_id, day1, 1, NULL);
  g_assert_true (flash_store_record_review (fx->store, g_array_index (queue_of_deck, gint64, 0),
                                            4, day1, 500, NULL, NULL));
  queue = deck_queue_string (fx, deck_id, day1);
  g_assert_cmpstr (queue, ==, "`w`|next word");
  g_free (queue);
  /* The deck list counts the buried card out too. */
  decks = flash_store_list_decks (fx->store, day1, NULL);
  for (guint i = 0; i < decks->len; i++)
    if (((FlashDeckInfo *) decks->pdata[i])->id == deck_id)
      g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[i])->new_today, ==, 2);

  g_assert_true (flash_store_undo_last (fx->store, &undone, NULL));
  queue = deck_queue_string (fx, deck_id, day1);
  g_assert_cmpstr (queue, ==, "`e`|end of word|`w`|next word");
  g_free (queue);

  /* Graded again: the reverse card is new the next day, and grading it buries the due forward
   * card on the day after. */
  g_assert_true (flash_store_record_review (fx->store, undone, 4, day1, 500, NULL, NULL));
  queue = deck_queue_string (fx, deck_id, day2);
  g_assert_true (g_str_has_prefix (queue, "`e`|end of word"));
  g_free (queue);
  g_assert_true (flash_store_record_review (fx->store, undone + 1, 4, day2, 500, NULL, NULL));
  queue = deck_queue_string (fx, deck_id, day2);
  g_assert_null (strstr (queue, "`e`"));
  g_assert_null (strstr (queue, "end of word"));
  g_free (queue);
  queue = deck_queue_string (fx, deck_id, day3);
  g_assert_nonnull (strstr (queue, "`e`"));
  g_free (queue);
}

static void
test_stats (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GDateTime) day1 = at ("2026-11-20T10:00:00Z");
  g_autoptr(GDateTime) day2 = at ("2026-11-21T10:00:00Z");
  g_autoptr(GDateTime) day4 = at ("2026-11-23T10:00:00Z");
  FlashStats stats;

  grade_first (fx, day1, 5);
  grade_first (fx, day1, 5);
  grade_first (fx, day2, 5); /* a review (A0) */
  grade_first (fx, day2, 2); /* a lapse (A1) */

  g_assert_true (flash_store_get_stats (fx->store, day2, &stats, NULL));
  g_assert_cmpuint (stats.decks, ==, 1);
  g_assert_cmpuint (stats.cards, ==, 10);
  g_assert_cmpuint (stats.new_cards, ==, 8);
  g_assert_cmpuint (stats.reviews_total, ==, 4);
  g_assert_cmpuint (stats.reviews_today, ==, 2);
  g_assert_cmpuint (stats.streak, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.retention_30d, 0.5, 1e-9);
  g_assert_cmpuint (stats.due_today, ==, 1);     /* A1 repeats today */
  g_assert_cmpuint (stats.due_tomorrow, ==, 1);  /* A1, I = 1 */

  /* A day without study breaks the streak. */
  g_assert_true (flash_store_get_stats (fx->store, day4, &stats, NULL));
  g_assert_cmpuint (stats.streak, ==, 0);
  g_assert_cmpint (flash_store_next_due_day (fx->store, 0, day2, NULL), ==,
                   flash_store_day_for (fx->store, day2) + 1);
}

/* The queue of all decks interleaves their new cards (each deck's first, then each deck's
 * second), and the next day goes on where today stopped; one deck's queue keeps its file order. */
static void
test_interleaved_new (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) day1 = at ("2026-11-20T10:00:00Z");
  g_autoptr(GDateTime) day2 = at ("2026-11-21T10:00:00Z");
  g_autoptr(FlashSheet) sheet = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *own = NULL;
  FlashImportResult result = { 0 };

  sheet = flash_sheet_parse ("# Other\n\n## B0\n\nb.\n\n## B1\n\nb.\n", -1, "/queue/b.md", NULL);
  g_assert_true (flash_store_import_sheet (fx->store, sheet, &result, NULL));
  set_limits (fx, 3, 200);
  first = queue_string (fx, day1, 0);
  g_assert_cmpstr (first, ==, "A0 B0 A1");
  own = deck_queue_string (fx, result.deck_id, day1);
  g_assert_cmpstr (own, ==, "B0|B1");
  flash_import_result_clear (&result);
  for (guint i = 0; i < 3; i++)
    grade_first (fx, day1, 5);
  second = queue_string (fx, day2, 0);
  g_assert_cmpstr (second, ==, "A0 A1 B0 B1 A2 A3");
}

/* Study More adds new cards to today's limit, twice adds up, and the next day has its limit. */
static void
test_study_more (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) day1 = at ("2026-11-20T10:00:00Z");
  g_autoptr(GDateTime) day2 = at ("2026-11-21T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) more = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GArray) next_day = NULL;

  set_limits (fx, 3, 200);
  before = flash_store_today_queue (fx->store, 0, day1, 0, NULL);
  g_assert_cmpuint (before->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    grade_first (fx, day1, 5);
  g_assert_true (flash_store_study_more (fx->store, day1, 2, &error));
  g_assert_no_error (error);
  more = flash_store_today_queue (fx->store, 0, day1, 0, NULL);
  g_assert_cmpuint (more->len, ==, 2);
  g_assert_true (flash_store_study_more (fx->store, day1, 4, &error));
  again = flash_store_today_queue (fx->store, 0, day1, 0, NULL);
  g_assert_cmpuint (again->len, ==, 6);
  g_assert_false (flash_store_study_more (fx->store, day1, 0, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
  /* The next day: three reviews due and three new cards, the day's own limit. */
  next_day = flash_store_today_queue (fx->store, 0, day2, 0, NULL);
  g_assert_cmpuint (next_day->len, ==, 3 + 3);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/queue/new-limit-and-order", test_new_limit_and_order);
  ADD ("/queue/due-order-and-review-limit", test_due_order_and_review_limit);
  ADD ("/queue/step7-requeue", test_step7_requeue);
  ADD ("/queue/undo", test_undo);
  ADD ("/queue/grade-is-committed", test_grade_is_committed);
  ADD ("/queue/day-start-hour", test_day_start_hour);
  ADD ("/queue/deck-list-counts", test_deck_list_counts);
  ADD ("/queue/interleaved-new", test_interleaved_new);
  ADD ("/queue/study-more", test_study_more);
  ADD ("/queue/siblings", test_siblings);
  ADD ("/queue/stats", test_stats);
#undef ADD

  return g_test_run ();
}
