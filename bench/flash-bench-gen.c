/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-bench-gen.c: writes big cheatsheets and a large collection with years of review history. */
#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "flash-day.h"
#include "flash-sheet.h"
#include "flash-sm2.h"
#include "flash-store.h"

/* These mirror private constants of flash-store.c; check_history() proves they still agree. */
#define REPEAT_GAP    3
#define REVIEW_NEW    0
#define REVIEW_REVIEW 1
#define REVIEW_REPEAT 2

/* Units of a generated section, so that a sheet has an exact number of cards. */
#define ITEMS_PER_SECTION 6
#define TABLE_ROWS        5
#define TERMS_PER_LIST    6

static const char *const verbs[] = {
  "open", "close", "sort", "merge", "cache", "parse", "serialise", "profile", "retry", "stream",
  "validate", "schedule", "compress", "index", "mock", "patch", "freeze", "slice", "group", "zip",
};

static const char *const nouns[] = {
  "file", "socket", "dict", "list", "generator", "coroutine", "dataclass", "context manager",
  "iterator", "thread pool", "subprocess", "JSON document", "CSV row", "datetime", "path",
  "enum", "descriptor", "metaclass", "weak reference", "byte string",
};

static const char *const topics[] = {
  "Data model", "Collections", "Concurrency", "I/O", "Testing", "Packaging", "Typing",
  "Performance", "Standard library", "Error handling", "Functional tools", "Text processing",
};

static const char *const phrases[] = {
  "The obvious way is usually the right one here",
  "This keeps memory flat even for very large inputs",
  "Prefer the built-in, which is implemented in C",
  "Remember that the default argument is evaluated once",
  "It raises an exception instead of returning a sentinel",
  "Use it inside a `with` block so the resource is released",
  "The order of the result follows insertion order",
  "It is thread-safe only under the GIL",
};

static const char *
pick (GRand             *rand,
      const char *const *words,
      guint              n_words)
{
  return words[g_rand_int_range (rand, 0, (gint32) n_words)];
}

#define PICK(rand, words) pick ((rand), (words), G_N_ELEMENTS (words))

/* One "###" item: a question heading, a paragraph and a fenced Python block (one card). */
static void
append_item (GString *out,
             GRand   *rand,
             guint    number)
{
  const char *verb = PICK (rand, verbs);
  const char *noun = PICK (rand, nouns);
  guint lines = (guint) g_rand_int_range (rand, 2, 7);

  g_string_append_printf (out, "### Item %u: how do you %s a %s?\n\n", number, verb, noun);
  g_string_append_printf (out, "%s: call `%s_%s()` with **care**. %s; see "
                               "https://example.org/items/%u for the details.\n\n",
                          PICK (rand, phrases), verb, "thing", PICK (rand, phrases), number);
  g_string_append (out, "```python\n");
  g_string_append_printf (out, "def item_%u(values, *, limit=%u):\n", number,
                          (guint) g_rand_int_range (rand, 1, 1000));
  g_string_append_printf (out, "    \"\"\"%s the %s.\"\"\"\n", verb, noun);
  g_string_append (out, "    total = 0\n");
  for (guint i = 0; i < lines; i++)
    g_string_append_printf (out, "    total += sum(v * %u for v in values if v < limit)\n", i + 1);
  g_string_append (out, "    return total\n```\n\n");
}

/* A table under its own heading: one card per body row, none for the heading. */
static void
append_table (GString *out,
              GRand   *rand,
              guint    section,
              guint    rows)
{
  g_string_append_printf (out, "### Comparison %u\n\n", section);
  g_string_append (out, "| Tool | When | Note |\n| --- | --- | --- |\n");
  for (guint i = 0; i < rows; i++)
    g_string_append_printf (out, "| `tool_%u_%u` | When you %s a %s | %s |\n", section, i,
                            PICK (rand, verbs), PICK (rand, nouns), PICK (rand, phrases));
  g_string_append (out, "\n");
}

/* A term list under its own heading: one card per bullet. */
static void
append_terms (GString *out,
              GRand   *rand,
              guint    section,
              guint    terms)
{
  g_string_append_printf (out, "### Glossary %u\n\n", section);
  for (guint i = 0; i < terms; i++)
    g_string_append_printf (out, "- `term_%u_%u` — %s; it helps you %s a %s.\n", section, i,
                            PICK (rand, phrases), PICK (rand, verbs), PICK (rand, nouns));
  g_string_append (out, "\n");
}

/* Writes a cheatsheet that yields exactly @n_cards cards: mostly items, with a table every third
 * section and a term list every fourth, as hand-written cheatsheets mix them. */
static char *
make_sheet (const char *title,
            guint       n_cards,
            GRand      *rand)
{
  GString *out = g_string_sized_new (n_cards * 400);
  guint cards = 0;
  guint item = 0;

  g_string_append_printf (out, "---\ntitle: %s\ntags: [bench, python]\n---\n\n# %s\n\n"
                               "A generated cheatsheet for the benchmarks.\n\n", title, title);
  for (guint section = 1; cards < n_cards; section++)
    {
      g_string_append_printf (out, "## Section %u: %s\n\n", section, PICK (rand, topics));
      for (guint i = 0; i < ITEMS_PER_SECTION && cards < n_cards; i++, cards++)
        append_item (out, rand, ++item);
      if (section % 3 == 1 && n_cards - cards >= TABLE_ROWS)
        {
          append_table (out, rand, section, TABLE_ROWS);
          cards += TABLE_ROWS;
        }
      if (section % 4 == 2 && n_cards - cards >= TERMS_PER_LIST)
        {
          append_terms (out, rand, section, TERMS_PER_LIST);
          cards += TERMS_PER_LIST;
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_sheet (const char  *path,
             const char  *title,
             guint        n_cards,
             GRand       *rand,
             GError     **error)
{
  g_autofree char *text = make_sheet (title, n_cards, rand);
  g_autoptr(FlashSheet) sheet = NULL;

  if (!g_file_set_contents (path, text, -1, error))
    return FALSE;
  /* The parser is the judge of how many cards a sheet holds; a mismatch means the generator's
   * idea of the format has drifted from the parser's. */
  sheet = flash_sheet_load (path, error);
  if (sheet == NULL)
    return FALSE;
  if (sheet->cards->len != n_cards)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s: wrote %u cards but the parser found %u", path, n_cards, sheet->cards->len);
      return FALSE;
    }
  return TRUE;
}

/* Review history ---------------------------------------------------------------------------- */

typedef struct
{
  gint64        id;
  gboolean      scheduled;
  FlashSm2State sm2;
  FlashDay      due_day;
  FlashDay      first_day;
  FlashDay      repeat_day;
  gint64        repeat_seq;
} SimCard;

/* What one grade did, in the columns of review_log. */
typedef struct
{
  gint64  card_id;
  gint64  time;
  FlashDay day;
  int     grade;
  int     kind;
  SimCard before;
  SimCard after;
  int     answer_ms;
} SimReview;

typedef enum
{
  HISTORY_SQL,
  HISTORY_API,
} HistoryMode;

typedef struct
{
  HistoryMode   mode;
  FlashStore   *store; /* HISTORY_API */
  sqlite3      *db;    /* HISTORY_SQL */
  sqlite3_stmt *insert_log;
  guint         written;
} HistorySink;

/* The same decision as the store's plan_review(): the first grade of a day moves the schedule,
 * same-day repeats only decide whether the card comes back again. */
static void
sim_grade (SimCard   *card,
           FlashDay   today,
           int        grade,
           guint      done_today,
           SimReview *review)
{
  review->card_id = card->id;
  review->day = today;
  review->grade = grade;
  review->before = *card;
  if (card->scheduled && card->repeat_day == today)
    review->kind = REVIEW_REPEAT;
  else
    {
      FlashSm2State next;

      review->kind = card->scheduled ? REVIEW_REVIEW : REVIEW_NEW;
      flash_sm2_apply (&card->sm2, grade, &next);
      card->sm2 = next;
      card->due_day = today + next.interval;
      if (!card->scheduled)
        card->first_day = today;
      card->scheduled = TRUE;
    }
  card->repeat_day = flash_sm2_needs_repeat (grade) ? today : 0;
  card->repeat_seq = card->repeat_day != 0 ? (gint64) done_today + 1 + REPEAT_GAP : 0;
  review->after = *card;
}

static gboolean
sink_review (HistorySink      *sink,
             const SimReview  *review,
             GError          **error)
{
  sqlite3_stmt *stmt = sink->insert_log;
  int rc;

  sink->written++;
  if (sink->mode == HISTORY_API)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (review->time);

      return flash_store_record_review (sink->store, review->card_id, review->grade, now,
                                        review->answer_ms, NULL, error);
    }

  sqlite3_bind_int64 (stmt, 1, review->card_id);
  sqlite3_bind_int64 (stmt, 2, review->time);
  sqlite3_bind_int (stmt, 3, review->day);
  sqlite3_bind_int (stmt, 4, review->grade);
  sqlite3_bind_int (stmt, 5, review->kind);
  sqlite3_bind_int (stmt, 6, review->before.scheduled ? review->before.sm2.reps : -1);
  sqlite3_bind_double (stmt, 7, review->before.sm2.ef);
  sqlite3_bind_int (stmt, 8, review->before.sm2.interval);
  sqlite3_bind_int (stmt, 9, review->before.due_day);
  sqlite3_bind_int (stmt, 10, review->before.first_day);
  sqlite3_bind_int (stmt, 11, review->before.repeat_day);
  sqlite3_bind_int64 (stmt, 12, review->before.repeat_seq);
  sqlite3_bind_int (stmt, 13, review->after.sm2.reps);
  sqlite3_bind_double (stmt, 14, review->after.sm2.ef);
  sqlite3_bind_int (stmt, 15, review->after.sm2.interval);
  sqlite3_bind_int (stmt, 16, review->after.due_day);
  sqlite3_bind_int (stmt, 17, review->answer_ms);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "inserting a review: %s",
                   sqlite3_errmsg (sink->db));
      return FALSE;
    }
  return TRUE;
}

/* Grades drawn from a made-up but plausible learner: new cards are missed more often. */
static int
draw_grade (GRand *rand,
            int    kind)
{
  double r = g_rand_double (rand);

  if (kind == REVIEW_NEW)
    return r < 0.20 ? 1 : r < 0.45 ? 3 : r < 0.90 ? 4 : 5;
  if (kind == REVIEW_REPEAT)
    return r < 0.10 ? 1 : r < 0.25 ? 3 : r < 0.90 ? 4 : 5;
  return r < 0.08 ? 1 : r < 0.22 ? 3 : r < 0.78 ? 4 : 5;
}

static int
compare_due_cb (gconstpointer a,
                gconstpointer b)
{
  const SimCard *x = *(SimCard *const *) a;
  const SimCard *y = *(SimCard *const *) b;

  if (x->due_day != y->due_day)
    return x->due_day < y->due_day ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

typedef struct
{
  guint  days;          /* days of history, ending yesterday */
  guint  new_per_day;
  guint  reviews_per_day;
  double skip_share;    /* share of days without study */
} HistoryPlan;

/* Simulates a learner who studies today's queue most days (due cards, most overdue first, then new
 * cards interleaved across decks, then same-day repeats until each is recalled) and sends every
 * grade to @sink. @cards are in the order new cards are taken; returns the number of reviews. */
static gboolean
simulate_history (HistorySink        *sink,
                  GPtrArray          *cards,
                  const HistoryPlan  *plan,
                  FlashDay            today,
                  int                 day_start_hour,
                  GRand              *rand,
                  GError            **error)
{
  g_autoptr(GPtrArray) scheduled = g_ptr_array_new ();
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  g_autoptr(GPtrArray) repeats = g_ptr_array_new ();
  guint next_new = 0;

  for (FlashDay day = today - (FlashDay) plan->days; day < today; day++)
    {
      g_autoptr(GDateTime) start = flash_day_start_time (day, day_start_hour);
      gint64 clock = g_date_time_to_unix (start) + 6 * 3600;
      guint done = 0;
      guint n_due;

      if (g_rand_double (rand) < plan->skip_share)
        continue;

      g_ptr_array_set_size (due, 0);
      for (guint i = 0; i < scheduled->len; i++)
        {
          SimCard *card = g_ptr_array_index (scheduled, i);

          if (card->due_day <= day)
            g_ptr_array_add (due, card);
        }
      g_ptr_array_sort (due, compare_due_cb);
      if (due->len > plan->reviews_per_day)
        g_ptr_array_set_size (due, (gint) plan->reviews_per_day);
      for (guint i = 0; i < plan->new_per_day && next_new < cards->len; i++)
        {
          SimCard *card = g_ptr_array_index (cards, next_new++);

          g_ptr_array_add (scheduled, card);
          g_ptr_array_add (due, card);
        }
      n_due = due->len;

      g_ptr_array_set_size (repeats, 0);
      for (guint i = 0; i < n_due || repeats->len > 0; )
        {
          SimCard *waiting = repeats->len > 0 ? g_ptr_array_index (repeats, 0) : NULL;
          SimCard *card;
          SimReview review;

          /* A missed card comes back after a few others, or when nothing else is left. */
          if (i < n_due && (waiting == NULL || waiting->repeat_seq > done))
            card = g_ptr_array_index (due, i++);
          else
            card = g_ptr_array_steal_index (repeats, 0);

          clock += g_rand_int_range (rand, 4, 40);
          review.time = clock;
          review.answer_ms = g_rand_int_range (rand, 1500, 20000);
          sim_grade (card, day,
                     draw_grade (rand, card->repeat_day == day ? REVIEW_REPEAT
                                       : card->scheduled ? REVIEW_REVIEW : REVIEW_NEW),
                     done, &review);
          done++;
          if (!sink_review (sink, &review, error))
            return FALSE;
          if (card->repeat_day == day)
            g_ptr_array_add (repeats, card);
        }
    }
  return TRUE;
}

static sqlite3 *
open_raw (const char  *path,
          GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                   db != NULL ? sqlite3_errmsg (db) : "cannot open");
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
raw_exec (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", sql, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* Writes the simulated final state into schedule, cards.is_new and decks.reviews, as
 * save_state() and count_review() would. */
static gboolean
write_schedule (sqlite3    *db,
                GPtrArray  *cards,
                GError    **error)
{
  sqlite3_stmt *schedule = NULL;
  sqlite3_stmt *is_new = NULL;
  gboolean ok = TRUE;

  sqlite3_prepare_v2 (db, "INSERT INTO schedule (card_id, reps, ef, interval, due_day, first_day, "
                          "repeat_day, repeat_seq, deck_id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                          "(SELECT deck_id FROM cards WHERE id = ?1))",
                      -1, &schedule, NULL);
  sqlite3_prepare_v2 (db, "UPDATE cards SET is_new = 0 WHERE id = ?1", -1, &is_new, NULL);
  for (guint i = 0; ok && i < cards->len; i++)
    {
      SimCard *card = g_ptr_array_index (cards, i);

      if (!card->scheduled)
        continue;
      sqlite3_bind_int64 (schedule, 1, card->id);
      sqlite3_bind_int (schedule, 2, card->sm2.reps);
      sqlite3_bind_double (schedule, 3, card->sm2.ef);
      sqlite3_bind_int (schedule, 4, card->sm2.interval);
      sqlite3_bind_int (schedule, 5, card->due_day);
      sqlite3_bind_int (schedule, 6, card->first_day);
      sqlite3_bind_int (schedule, 7, card->repeat_day);
      sqlite3_bind_int64 (schedule, 8, card->repeat_seq);
      sqlite3_bind_int64 (is_new, 1, card->id);
      ok = sqlite3_step (schedule) == SQLITE_DONE && sqlite3_step (is_new) == SQLITE_DONE;
      sqlite3_reset (schedule);
      sqlite3_reset (is_new);
    }
  if (ok)
    ok = sqlite3_exec (db, "UPDATE decks SET reviews = (SELECT COUNT(*) FROM review_log l "
                           "JOIN cards c ON c.id = l.card_id WHERE c.deck_id = decks.id)",
                       NULL, NULL, NULL) == SQLITE_OK;
  /* A lapse is a scheduled review of a learnt card graded below 3, as grading counts it. */
  if (ok)
    ok = sqlite3_exec (db, "UPDATE schedule SET lapses = (SELECT COUNT(*) FROM review_log l WHERE "
                           "l.card_id = schedule.card_id AND l.kind = 1 AND l.reps_before > 0 "
                           "AND l.grade < 3)", NULL, NULL, NULL) == SQLITE_OK;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "writing the schedule: %s",
                 sqlite3_errmsg (db));
  sqlite3_finalize (schedule);
  sqlite3_finalize (is_new);
  return ok;
}

static GPtrArray *
load_sim_cards (sqlite3  *db,
                GError  **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The order in which the queue of all decks takes new cards: interleaved across decks. */
  sqlite3_prepare_v2 (db, "SELECT id FROM cards WHERE retired = 0 ORDER BY position, deck_id",
                      -1, &stmt, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SimCard *card = g_new0 (SimCard, 1);

      card->id = sqlite3_column_int64 (stmt, 0);
      flash_sm2_initial (&card->sm2);
      g_ptr_array_add (cards, card);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "reading cards: %s", sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&cards);
}

/* Adds the history to the collection at @path: through SQL in one transaction (fast), or through
 * flash_store_record_review() one grade at a time (slow, but the store's own code). */
static gboolean
add_history (const char         *path,
             HistoryMode         mode,
             const HistoryPlan  *plan,
             GDateTime          *now,
             guint32             seed,
             guint              *n_reviews,
             GError            **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) cards = NULL;
  HistorySink sink = { .mode = mode };
  FlashLimits limits;
  FlashDay today;
  gboolean ok;

  sink.db = open_raw (path, error);
  if (sink.db == NULL)
    return FALSE;
  cards = load_sim_cards (sink.db, error);
  if (cards == NULL)
    {
      sqlite3_close (sink.db);
      return FALSE;
    }

  if (mode == HISTORY_API)
    {
      sqlite3_close (sink.db);
      sink.db = NULL;
      sink.store = flash_store_open (path, error);
      if (sink.store == NULL)
        return FALSE;
      flash_store_get_limits (sink.store, &limits);
      today = flash_store_day_for (sink.store, now);
      ok = simulate_history (&sink, cards, plan, today, limits.day_start_hour, rand, error);
      flash_store_close (sink.store);
      *n_reviews = sink.written;
      return ok;
    }

  /* The collection is new, so the store's default limits apply. */
  limits.day_start_hour = 4;
  today = flash_day_for_time (now, limits.day_start_hour);
  ok = raw_exec (sink.db, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      sqlite3_prepare_v2 (sink.db, "INSERT INTO review_log (card_id, time, day, grade, kind, "
                                   "reps_before, ef_before, interval_before, due_before, "
                                   "first_day_before, repeat_day_before, repeat_seq_before, "
                                   "reps_after, ef_after, interval_after, due_after, answer_ms, "
                                   "deck_id, hour) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                   "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, (SELECT deck_id FROM "
                                   "cards WHERE id = ?1), CAST (strftime ('%H', ?2, 'unixepoch', "
                                   "'localtime') AS INTEGER))", -1, &sink.insert_log, NULL);
      ok = simulate_history (&sink, cards, plan, today, limits.day_start_hour, rand, error)
           && write_schedule (sink.db, cards, error)
           && raw_exec (sink.db, "COMMIT", error);
      sqlite3_finalize (sink.insert_log);
    }
  if (!ok)
    sqlite3_exec (sink.db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (sink.db);
  *n_reviews = sink.written;
  return ok;
}

/* Building a collection ---------------------------------------------------------------------- */

typedef struct
{
  guint       cards;
  guint       decks;
  HistoryPlan plan;
  HistoryMode mode;
  guint32     seed;
  GDateTime  *now;
} CollectionPlan;

static gboolean
build_collection (const char            *db_path,
                  const CollectionPlan  *plan,
                  GError               **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (plan->seed);
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autoptr(FlashStore) store = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_reviews = 0;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s: already exists", db_path);
      return FALSE;
    }
  store = flash_store_open (db_path, error);
  if (store == NULL)
    return FALSE;
  for (guint d = 0; d < plan->decks; d++)
    {
      g_autofree char *name = g_strdup_printf ("deck-%02u.md", d + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *title = g_strdup_printf ("Bench Deck %u", d + 1);
      guint n = plan->cards / plan->decks + (d < plan->cards % plan->decks ? 1 : 0);

      if (!write_sheet (path, title, n, rand, error)
          || !flash_store_import_file (store, path, NULL, error))
        return FALSE;
    }
  /* Closing checkpoints the write-ahead log, so the history goes into a single file. */
  g_clear_pointer (&store, flash_store_close);
  g_printerr ("flashsheet-bench-gen: %u cards in %u decks imported in %.1f s\n", plan->cards,
              plan->decks, (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  if (!add_history (db_path, plan->mode, &plan->plan, plan->now, plan->seed + 1, &n_reviews, error))
    return FALSE;
  g_printerr ("flashsheet-bench-gen: %u reviews over %u days written (%s) in %.1f s\n", n_reviews,
              plan->plan.days, plan->mode == HISTORY_SQL ? "SQL" : "store API",
              (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

/* Checking the SQL path against the store ------------------------------------------------------ */

static char *
dump_table (const char  *path,
            const char  *sql,
            GError     **error)
{
  sqlite3 *db = open_raw (path, error);
  sqlite3_stmt *stmt = NULL;
  GString *out;

  if (db == NULL)
    return NULL;
  out = g_string_new (NULL);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        for (int i = 0; i < sqlite3_column_count (stmt); i++)
          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                                  (const char *) sqlite3_column_text (stmt, i));
        g_string_append_c (out, '\n');
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Builds the same small collection twice, once with SQL and once through the store, and
 * requires identical review logs, schedules, new-card flags, review counts and statistics. */
static gboolean
check_history (const char  *dir,
               GDateTime   *now,
               GError     **error)
{
  static const char *const tables[] = {
    "SELECT * FROM review_log ORDER BY id",
    "SELECT * FROM schedule ORDER BY card_id",
    "SELECT id, is_new FROM cards ORDER BY id",
    "SELECT id, reviews FROM decks ORDER BY id",
    "SELECT * FROM review_stats ORDER BY deck_id, day, hour, maturity, grade",
  };
  CollectionPlan plan = {
    .cards = 600, .decks = 3, .seed = 7, .now = now,
    .plan = { .days = 90, .new_per_day = 20, .reviews_per_day = 200, .skip_share = 0.1 },
  };
  g_autofree char *sql_dir = g_build_filename (dir, "sql", NULL);
  g_autofree char *api_dir = g_build_filename (dir, "api", NULL);
  g_autofree char *sql_db = g_build_filename (sql_dir, "collection.db", NULL);
  g_autofree char *api_db = g_build_filename (api_dir, "collection.db", NULL);

  g_mkdir_with_parents (sql_dir, 0700);
  g_mkdir_with_parents (api_dir, 0700);
  plan.mode = HISTORY_SQL;
  if (!build_collection (sql_db, &plan, error))
    return FALSE;
  plan.mode = HISTORY_API;
  if (!build_collection (api_db, &plan, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *a = dump_table (sql_db, tables[i], error);
      g_autofree char *b = a != NULL ? dump_table (api_db, tables[i], error) : NULL;

      if (b == NULL)
        return FALSE;
      if (strlen (a) < 10 || g_strcmp0 (a, b) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "the SQL history differs from the store's for “%s” (%zu vs %zu bytes)",
                       tables[i], strlen (a), strlen (b));
          return FALSE;
        }
    }
  g_print ("flashsheet-bench-gen: the SQL history matches flash_store_record_review()\n");
  return TRUE;
}

/* Command line -------------------------------------------------------------------------------- */

static const char usage[] =
  "Usage:\n"
  "  flashsheet-bench-gen sheet [--cards N] [--seed S] FILE.md\n"
  "  flashsheet-bench-gen collection [--cards N] [--decks D] [--days N] [--reviews-per-day N]\n"
  "                       [--new-per-day N] [--history sql|api] [--now TIME] [--seed S] FILE.db\n"
  "  flashsheet-bench-gen check [--now TIME] DIR\n";

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *history = NULL;
  int cards = 10000;
  int decks = 10;
  int days = 3 * 365;
  int reviews_per_day = 200;
  int new_per_day = 20;
  int seed = 1;
  CollectionPlan plan = { 0 };
  GOptionEntry entries[] = {
    { "cards", 0, 0, G_OPTION_ARG_INT, &cards, "Cards in the sheet or collection", "N" },
    { "decks", 0, 0, G_OPTION_ARG_INT, &decks, "Decks in the collection (default 10)", "D" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days of review history (default 1095)", "N" },
    { "reviews-per-day", 0, 0, G_OPTION_ARG_INT, &reviews_per_day, "Review limit (200)", "N" },
    { "new-per-day", 0, 0, G_OPTION_ARG_INT, &new_per_day, "New cards a day (20)", "N" },
    { "history", 0, 0, G_OPTION_ARG_STRING, &history, "Write history with sql or api", "HOW" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, "Today, ISO 8601 (default now)", "TIME" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (1)", "S" },
    { NULL }
  };

  context = g_option_context_new ("sheet|collection|check PATH");
  g_option_context_set_summary (context, usage);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("flashsheet-bench-gen: %s\n", error->message);
      return 2;
    }
  if (argc != 3 || cards <= 0 || decks <= 0 || days < 0 || reviews_per_day < 0 || new_per_day < 0)
    {
      g_printerr ("%s", usage);
      return 2;
    }
  now = now_text != NULL ? flash_clock_parse (now_text, &error) : g_date_time_new_now_local ();
  if (now == NULL)
    {
      g_printerr ("flashsheet-bench-gen: %s\n", error->message);
      return 2;
    }

  plan.cards = (guint) cards;
  plan.decks = (guint) decks;
  plan.seed = (guint32) seed;
  plan.now = now;
  plan.mode = g_strcmp0 (history, "api") == 0 ? HISTORY_API : HISTORY_SQL;
  plan.plan.days = (guint) days;
  plan.plan.new_per_day = (guint) new_per_day;
  plan.plan.reviews_per_day = (guint) reviews_per_day;
  plan.plan.skip_share = 0.08;

  if (g_str_equal (argv[1], "sheet"))
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (plan.seed);

      if (!write_sheet (argv[2], "Bench Sheet", plan.cards, rand, &error))
        goto fail;
    }
  else if (g_str_equal (argv[1], "collection"))
    {
      if (!build_collection (argv[2], &plan, &error))
        goto fail;
    }
  else if (g_str_equal (argv[1], "check"))
    {
      if (!check_history (argv[2], now, &error))
        goto fail;
    }
  else
    {
      g_printerr ("%s", usage);
      return 2;
    }
  return 0;

fail:
  g_printerr ("flashsheet-bench-gen: %s\n", error->message);
  return 1;
}
