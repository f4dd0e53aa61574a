/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-bench.c: times import, start-up, today's queue and grading on a large collection. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "flash-backup.h"
#include "flash-day.h"
#include "flash-markdown.h"
#include "flash-sheet.h"
#include "flash-stats.h"
#include "flash-store.h"

typedef struct
{
  char   *name;
  double  target_ms; /* 0: no target */
  GArray *samples;   /* gint64 microseconds of wall-clock time */
  GArray *cpu;       /* gint64 microseconds of this process's CPU time */
} Figure;

/* A point in time on both clocks. CPU time is what the code itself costs, which stays put when
 * the other programs on a shared machine slow the wall clock down. */
typedef struct
{
  gint64 wall;
  gint64 cpu;
} Stamp;

static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static Stamp
stamp_now (void)
{
  return (Stamp) { g_get_monotonic_time (), cpu_time_us () };
}

static GPtrArray *figures;

static void
figure_free (Figure *figure)
{
  g_free (figure->name);
  g_array_unref (figure->samples);
  g_array_unref (figure->cpu);
  g_free (figure);
}

static Figure *
figure_get (const char *name,
            double      target_ms)
{
  Figure *figure;

  for (guint i = 0; i < figures->len; i++)
    {
      figure = g_ptr_array_index (figures, i);
      if (g_str_equal (figure->name, name))
        return figure;
    }
  figure = g_new0 (Figure, 1);
  figure->name = g_strdup (name);
  figure->target_ms = target_ms;
  figure->samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  figure->cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (figures, figure);
  return figure;
}

static void
record_between (const char *name,
                double      target_ms,
                Stamp       start,
                Stamp       end)
{
  Figure *figure = figure_get (name, target_ms);
  gint64 wall = end.wall - start.wall;
  gint64 cpu = end.cpu - start.cpu;

  g_array_append_val (figure->samples, wall);
  g_array_append_val (figure->cpu, cpu);
}

static void
record (const char *name,
        double      target_ms,
        Stamp       start)
{
  record_between (name, target_ms, start, stamp_now ());
}

static int
compare_int64_cb (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms_of (GArray *s)
{
  guint n = s->len;

  g_array_sort (s, compare_int64_cb);
  if (n == 0)
    return 0;
  if (n % 2 == 1)
    return g_array_index (s, gint64, n / 2) / 1000.0;
  return (g_array_index (s, gint64, n / 2 - 1) + g_array_index (s, gint64, n / 2)) / 2000.0;
}

static double
median_ms (Figure *figure)
{
  return median_ms_of (figure->samples);
}

static double
median_cpu_ms (Figure *figure)
{
  return median_ms_of (figure->cpu);
}

static double
worst_ms (Figure *figure)
{
  GArray *s = figure->samples;

  g_array_sort (s, compare_int64_cb);
  return s->len > 0 ? g_array_index (s, gint64, s->len - 1) / 1000.0 : 0;
}

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("flashsheet-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* Parses @text the way flash-sheet.c does (flash_markdown_parse), and nothing else: this is the
 * floor that the whole import is compared with. */
static void
cmark_parse_only (const char *text,
                  gsize       length)
{
  cmark_node_free (flash_markdown_parse (text, (gssize) length));
}

static void
bench_import (const char *sheet_path,
              const char *scratch,
              guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_db = NULL;
  gsize length = 0;
  guint cards = 0;

  if (!g_file_get_contents (sheet_path, &text, &length, &error))
    die (sheet_path, error);
  /* The table lists figures in the order they are first met; the import comes first. */
  figure_get ("1. import into a fresh collection", 0);

  /* The three are interleaved so that a load change on the machine hits all of them alike. */
  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *name = g_strdup_printf ("import-%u.db", i);
      g_autofree char *db = g_build_filename (scratch, name, NULL);
      g_autoptr(FlashStore) store = NULL;
      g_autoptr(FlashSheet) sheet = NULL;
      FlashImportResult result = { 0 };
      Stamp start;

      start = stamp_now ();
      cmark_parse_only (text, length);
      record ("1a. cmark-gfm parse alone (in memory)", 0, start);

      /* The parser's share of the import: reading, cmark-gfm and building the cards. */
      start = stamp_now ();
      sheet = flash_sheet_load (sheet_path, &error);
      if (sheet == NULL)
        die (sheet_path, error);
      record ("1b. flash_sheet_load alone", 0, start);

      /* The store's share: the same sheet, already parsed, into another fresh collection. */
      {
        g_autofree char *sheet_name = g_strdup_printf ("import-sheet-%u.db", i);
        g_autofree char *sheet_db = g_build_filename (scratch, sheet_name, NULL);

        store = flash_store_open (sheet_db, &error);
        if (store == NULL)
          die (sheet_db, error);
        start = stamp_now ();
        if (!flash_store_import_sheet (store, sheet, NULL, &error))
          die (sheet_path, error);
        record ("1c. flash_store_import_sheet alone (parsed sheet)", 0, start);
        g_clear_pointer (&store, flash_store_close);
      }
      /* flash_store_import_file() frees its sheet before it returns, so that is timed too. */
      start = stamp_now ();
      g_clear_pointer (&sheet, flash_sheet_free);
      record ("1d. flash_sheet_free of the parsed sheet", 0, start);

      store = flash_store_open (db, &error);
      if (store == NULL)
        die (db, error);
      start = stamp_now ();
      if (!flash_store_import_file (store, sheet_path, &result, &error))
        die (sheet_path, error);
      record ("1. import into a fresh collection", 0, start);
      cards = result.total;
      flash_import_result_clear (&result);
      g_clear_pointer (&store, flash_store_close);
      g_free (last_db);
      last_db = g_steal_pointer (&db);
    }

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(FlashStore) store = flash_store_open (last_db, &error);
      FlashImportResult result = { 0 };
      Stamp start;

      if (store == NULL)
        die (last_db, error);
      start = stamp_now ();
      if (!flash_store_import_file (store, sheet_path, &result, &error))
        die (sheet_path, error);
      record ("2. re-import, file unchanged", 0, start);
      if (result.unchanged != result.total || result.added + result.updated + result.retired != 0)
        g_printerr ("flashsheet-bench: re-import changed cards (%u added, %u updated)\n",
                    result.added, result.updated);
      flash_import_result_clear (&result);
    }
  g_print ("Sheet: %s, %u cards, %.1f MB\n", sheet_path, cards, length / 1e6);
}

static void
remove_backups (const char *db_path)
{
  g_autoptr(GPtrArray) backups = flash_backup_list (db_path);

  for (guint i = 0; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
}

static void
bench_open (const char *db_path,
            guint       runs)
{
  g_autoptr(GError) error = NULL;

  figure_get ("3. open the collection (with quick_check)", 0);
  figure_get ("3a. PRAGMA quick_check alone", 0);
  /* The first start of a day also copies the collection into backups/ (flash-backup.c). */
  for (guint i = 0; i < MIN (runs, 5); i++)
    {
      Stamp start;
      FlashStore *store;

      remove_backups (db_path);
      start = stamp_now ();
      store = flash_store_open (db_path, &error);
      if (store == NULL)
        die (db_path, error);
      flash_store_close (store);
      record ("3b. first open of the day (with the daily backup)", 0, start);
    }

  /* Every later start that day finds today's backup and only checks the file. */
  for (guint i = 0; i < runs; i++)
    {
      Stamp start = stamp_now ();
      FlashStore *store = flash_store_open (db_path, &error);

      if (store == NULL)
        die (db_path, error);
      flash_store_close (store);
      record ("3. open the collection (with quick_check)", 0, start);
    }

  /* How much of the start-up is SQLite's own check of the file. */
  for (guint i = 0; i < runs; i++)
    {
      sqlite3 *db = NULL;
      Stamp start = stamp_now ();

      if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
          || sqlite3_exec (db, "PRAGMA quick_check(1)", NULL, NULL, NULL) != SQLITE_OK)
        die (db_path, NULL);
      sqlite3_close (db);
      record ("3a. PRAGMA quick_check alone", 0, start);
    }
}

static void
describe_collection (FlashStore *store,
                     GDateTime  *now)
{
  g_autoptr(GError) error = NULL;
  FlashStats stats;
  FlashDayCounts counts;
  g_autofree char *today = flash_day_to_iso (flash_store_day_for (store, now));

  if (!flash_store_get_stats (store, now, &stats, &error)
      || !flash_store_today_counts (store, 0, now, &counts, &error))
    die ("stats", error);
  g_print ("Collection: %u decks, %u cards (%u new), %u reviews in the log; today %s: "
           "%u due, %u new, %u overdue or due in all\n",
           stats.decks, stats.cards, stats.new_cards, stats.reviews_total, today, counts.due,
           counts.new_cards, stats.due_today);
}

static void
bench_queue (FlashStore *store,
             GDateTime  *now,
             guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all_decks = flash_store_list_decks (store, now, &error);
  gint64 busy_deck = 0;
  gint64 quiet_deck = 0;
  guint most = 0;
  guint fewest = G_MAXUINT;

  if (all_decks == NULL || all_decks->len == 0)
    die ("list_decks", error);
  for (guint i = 0; i < all_decks->len; i++)
    {
      FlashDeckInfo *info = g_ptr_array_index (all_decks, i);

      if (busy_deck == 0 || info->reviews > most)
        {
          busy_deck = info->id;
          most = info->reviews;
        }
      if (quiet_deck == 0 || info->reviews < fewest)
        {
          quiet_deck = info->id;
          fewest = info->reviews;
        }
    }

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GArray) all = NULL;
      g_autoptr(GArray) one = NULL;
      g_autoptr(GPtrArray) decks = NULL;
      FlashDayCounts counts;
      FlashStats stats;
      Stamp start;

      start = stamp_now ();
      all = flash_store_today_queue (store, 0, now, 0, &error);
      record ("4. today_queue (all decks, no limit)", 5, start);
      start = stamp_now ();
      one = flash_store_today_queue (store, 0, now, 1, &error);
      record ("4. today_queue (all decks, limit 1)", 5, start);
      start = stamp_now ();
      if (all == NULL || one == NULL || !flash_store_today_counts (store, 0, now, &counts, &error))
        die ("today's queue", error);
      record ("4. today_counts (all decks)", 5, start);
      start = stamp_now ();
      decks = flash_store_list_decks (store, now, &error);
      if (decks == NULL)
        die ("list_decks", error);
      record ("4. list_decks", 5, start);
      start = stamp_now ();
      if (!flash_store_get_stats (store, now, &stats, &error))
        die ("get_stats", error);
      record ("4. get_stats", 5, start);
      start = stamp_now ();
      flash_store_next_due_day (store, 0, now, &error);
      if (error != NULL)
        die ("next_due_day", error);
      record ("4. next_due_day", 5, start);
    }

  /* flash_window_refresh() makes these three calls whenever the overview comes back: at start,
   * on "back" from studying, after an import or a deletion, and when the window is activated. */
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GPtrArray) decks = NULL;
      FlashDayCounts counts;
      FlashStats stats;
      Stamp start = stamp_now ();

      decks = flash_store_list_decks (store, now, &error);
      if (decks == NULL || !flash_store_today_counts (store, 0, now, &counts, &error)
          || !flash_store_get_stats (store, now, &stats, &error))
        die ("refresh", error);
      record ("4. overview refresh (list_decks, today_counts, get_stats)", 5, start);
    }

  /* The Statistics page reads everything it shows in one report, in its worker thread: the
   * target is a frame, though the window never waits for it. */
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(FlashStatsReport) every = NULL;
      g_autoptr(FlashStatsReport) busiest = NULL;
      Stamp start;

      start = stamp_now ();
      every = flash_store_stats_report (store, 0, now, &error);
      if (every == NULL)
        die ("stats report", error);
      record ("6. Statistics page's report (all decks)", 16.7, start);
      start = stamp_now ();
      busiest = flash_store_stats_report (store, busy_deck, now, &error);
      if (busiest == NULL)
        die ("stats report", error);
      record ("6. Statistics page's report (busiest deck)", 16.7, start);
    }

  /* Studying one deck: the busiest deck, and the quietest one, whose queue must still be found
   * among every other deck's overdue cards. */
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GArray) busy = NULL;
      g_autoptr(GArray) quiet = NULL;
      FlashDayCounts counts;
      Stamp start;

      start = stamp_now ();
      busy = flash_store_today_queue (store, busy_deck, now, 1, &error);
      record ("4. today_queue (busiest deck, limit 1)", 5, start);
      start = stamp_now ();
      quiet = flash_store_today_queue (store, quiet_deck, now, 1, &error);
      record ("4. today_queue (quietest deck, limit 1)", 5, start);
      start = stamp_now ();
      if (busy == NULL || quiet == NULL
          || !flash_store_today_counts (store, quiet_deck, now, &counts, &error))
        die ("one deck's queue", error);
      record ("4. today_counts (quietest deck)", 5, start);
    }
}

static void
bench_grade (FlashStore *store,
             GDateTime  *now,
             guint       runs)
{
  static const int grades[] = { 4, 4, 3, 5, 4, 1, 4, 5 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) first = flash_store_today_queue (store, 0, now, 1, &error);
  gint64 card_id;

  if (first == NULL || first->len == 0)
    die ("nothing to study today", error);
  card_id = g_array_index (first, gint64, 0);

  for (guint i = 0; i < runs; i++)
    {
      /* Each grade comes a few seconds after the previous one, within the same study day. */
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, 8.0 * (i + 1));
      g_autoptr(GArray) next = NULL;
      g_autoptr(FlashCard) card = NULL;
      Stamp start = stamp_now ();
      Stamp graded;

      if (!flash_store_record_review (store, card_id, grades[i % G_N_ELEMENTS (grades)], when, 5000,
                                      NULL, &error))
        die ("record_review", error);
      graded = stamp_now ();
      next = flash_store_today_queue (store, 0, when, 1, &error);
      if (next == NULL || next->len == 0)
        die ("the queue ran dry", error);
      card_id = g_array_index (next, gint64, 0);
      card = flash_store_get_card (store, card_id, &error);
      if (card == NULL)
        die ("get_card", error);
      record ("5. grade + next card (record, queue 1, get_card)", 5, start);
      record_between ("5a. record_review alone", 0, start, graded);
    }

  for (guint i = 0; i < runs; i++)
    {
      Stamp start = stamp_now ();

      if (!flash_store_undo_last (store, NULL, &error))
        die ("undo", error);
      record ("5b. undo_last", 0, start);
    }
}

static void
print_table (void)
{
  g_print ("\n| Benchmark | Runs | Median (ms) | Worst (ms) | CPU median (ms) | Target | Met |\n");
  g_print ("| --- | ---: | ---: | ---: | ---: | --- | --- |\n");
  for (guint i = 0; i < figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (figures, i);
      double median = median_ms (figure);
      double worst = worst_ms (figure);
      g_autofree char *target = figure->target_ms > 0
                                ? g_strdup_printf ("< %.0f ms", figure->target_ms)
                                : g_strdup ("");

      g_print ("| %s | %u | %.2f | %.2f | %.2f | %s | %s |\n", figure->name, figure->samples->len,
               median, worst, median_cpu_ms (figure), target,
               figure->target_ms <= 0 ? "" : median < figure->target_ms ? "yes" : "**no**");
    }
}

static void
print_ratio (void)
{
  Figure *import = figure_get ("1. import into a fresh collection", 0);
  Figure *cmark = figure_get ("1a. cmark-gfm parse alone (in memory)", 0);
  double wall = median_ms (cmark) > 0 ? median_ms (import) / median_ms (cmark) : 0;
  double cpu = median_cpu_ms (cmark) > 0 ? median_cpu_ms (import) / median_cpu_ms (cmark) : 0;

  if (wall > 0)
    g_print ("\nImport / cmark-gfm parse: %.1fx wall clock, %.1fx CPU (target <= 4x: %s)\n", wall,
             cpu, wall <= 4.0 ? "met" : cpu <= 4.0 ? "met in CPU time only" : "missed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(FlashStore) store = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *work_db = NULL;
  g_autofree char *only = NULL;
  int runs = 20;
  int import_runs = 5;
  GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_FILENAME, &sheet, "Cheatsheet to import", "FILE" },
    { "collection", 0, 0, G_OPTION_ARG_FILENAME, &collection, "Large collection", "FILE" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, "Study time, ISO 8601 (default now)", "TIME" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions of the fast benchmarks (20)", "N" },
    { "import-runs", 0, 0, G_OPTION_ARG_INT, &import_runs, "Repetitions of the imports (5)", "N" },
    { "scratch", 0, 0, G_OPTION_ARG_FILENAME, &scratch, "Folder for temporary files", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Run one group (for a profiler): import, open, "
      "queue or grade", "GROUP" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Times the core on a big sheet and a big collection. "
                                         "Make them with flashsheet-bench-gen.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (sheet == NULL || collection == NULL || scratch == NULL || runs < 1 || import_runs < 1)
    {
      g_printerr ("flashsheet-bench: --sheet, --collection and --scratch are required\n");
      return 2;
    }
  now = now_text != NULL ? flash_clock_parse (now_text, &error) : g_date_time_new_now_local ();
  if (now == NULL)
    die ("--now", error);
  if (g_mkdir_with_parents (scratch, 0700) != 0)
    die (scratch, NULL);

  figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);

  if (only == NULL || g_str_equal (only, "import"))
    bench_import (sheet, scratch, (guint) import_runs);

  /* Grading writes, so it works on a copy and the generated collection stays as it was. */
  work_db = g_build_filename (scratch, "collection.db", NULL);
  source = g_file_new_for_path (collection);
  copy = g_file_new_for_path (work_db);
  if (!g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    die (work_db, error);

  if (only == NULL || g_str_equal (only, "open"))
    bench_open (work_db, (guint) runs);

  store = flash_store_open (work_db, &error);
  if (store == NULL)
    die (work_db, error);
  describe_collection (store, now);
  if (only == NULL || g_str_equal (only, "queue"))
    bench_queue (store, now, (guint) runs);
  if (only == NULL || g_str_equal (only, "grade"))
    bench_grade (store, now, (guint) runs);

  print_table ();
  print_ratio ();
  g_ptr_array_unref (figures);
  return 0;
}
