/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reliability.c: kills, full disks, read-only and damaged collections, concurrency, backups. */
#include "flash-test-util.h"
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "flash-backup.h"
#include "flash-store.h"
#include "flash-store-private.h"

#define TEST_NOW "2026-11-21T10:00:00Z"

/* The kill tests draw their moments from a fixed seed, so a failure can be replayed. */
#define KILL_SEED 20261121
#define KILLS     30

/* A big cheatsheet: BIG_SECTIONS × 100 cards. */
#define BIG_SECTIONS 60
#define BIG_CARDS    (BIG_SECTIONS * 100)

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("flash-reliability-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "collection.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  flash_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db, g_free);
}

/* Files ------------------------------------------------------------------------------------ */

/* A cheatsheet of @sections × 100 heading cards whose answers all mention @variant, so a test can
 * tell from the answers which import a collection holds. */
static char *
write_sheet (Fixture    *f,
             const char *name,
             guint       sections,
             const char *variant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("# Big\n");
  char *path = g_build_filename (f->dir, name, NULL);

  for (guint s = 0; s < sections; s++)
    {
      g_string_append_printf (text, "\n## Section %u\n", s);
      for (guint q = 0; q < 100; q++)
        g_string_append_printf (text, "\n### Question %u-%u\n\nAnswer %u-%u, variant %s, with a few "
                                "more words to give the card some weight.\n",
                                s, q, s, q, variant);
    }
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Direct SQLite access, to check the collection without going through the code under test ---- */

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = flash_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  /* A process killed before it created the schema leaves a collection without tables, which
   * holds no rows. */
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_assert_true (g_str_has_prefix (sqlite3_errmsg (db), "no such table"));
      sqlite3_close (db);
      return 0;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = flash_test_raw_open (path);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Every row of every table as text: two collections with the same dump hold the same data. */
static char *
dump (const char *path)
{
  sqlite3 *db = flash_test_raw_open (path);
  sqlite3_stmt *tables = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                           "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", name);
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (out, "%s\n", sqlite3_column_text (tables, 1));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          /* The marker of the day's full check is the open's bookkeeping, written by the first
           * open of a study day whatever the command: it is not the data a dump compares. */
          if (g_str_equal (name, "config")
              && g_strcmp0 ((const char *) sqlite3_column_text (rows, 0), "checked") == 0)
            continue;
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (out, "%s\t", sqlite3_column_text (rows, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Running the CLI ------------------------------------------------------------------------------ */

#define ARGS FLASH_TEST_ARGS

static void
cli_ok (const char         *db,
        const char * const *args)
{
  g_auto(FlashTestRun) run = { 0 };

  flash_test_cli_run (&run, db, TEST_NOW, NULL, NULL, NULL, args);
  if (run.status != 0)
    g_printerr ("CLI stderr: %s\n", run.err);
  g_assert_cmpint (run.status, ==, 0);
}

/* The time a whole run of the CLI takes, in microseconds, so kills can land anywhere in it. */
static gint64
time_cli (const char         *db,
          const char * const *args)
{
  gint64 start = g_get_monotonic_time ();

  cli_ok (db, args);
  return MAX (g_get_monotonic_time () - start, 1000);
}

/* Child set-up: the process may not write beyond this many bytes into any file, as on a full
 * disk. SIGXFSZ is ignored so the write fails with EFBIG instead of killing the process. */
static void
limit_file_size_cb (gpointer data)
{
  struct rlimit limit;

  limit.rlim_cur = limit.rlim_max = GPOINTER_TO_SIZE (data);
  setrlimit (RLIMIT_FSIZE, &limit);
  signal (SIGXFSZ, SIG_IGN);
}

/* Child set-up for root: root writes read-only files anyway, so the CLI runs as nobody. */
static void
drop_root_cb (gpointer data)
{
  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    _exit (125);
}

/* Kills --------------------------------------------------------------------------------------- */

static gint64
count_variant (const char *db,
               const char *variant)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM cards WHERE retired = 0 "
                                          "AND answer LIKE '%%variant %s,%%'", variant);

  return raw_int (db, sql);
}

/* Puts variant @variant of the big sheet at @path: the same file, so the same deck. */
static void
set_big_variant (Fixture    *f,
                 const char *path,
                 const char *variant)
{
  g_autofree char *name = g_strdup_printf ("big-%s.md", variant);
  g_autofree char *source = write_sheet (f, name, BIG_SECTIONS, variant);

  g_assert_cmpint (g_rename (source, path), ==, 0);
}

static void
test_kill_import (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *sheet = g_build_filename (f->dir, "big.md", NULL);
  g_autofree char *scratch = g_build_filename (f->dir, "scratch.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (KILL_SEED);
  guint interrupted = 0;
  gint64 span;

  /* The first import into an empty collection, the slowest kind, sets the window for kills. */
  set_big_variant (f, sheet, "A");
  span = time_cli (scratch, ARGS ("import", sheet));
  g_test_message ("a whole import takes %" G_GINT64_FORMAT " µs", span);

  for (guint i = 0; i < KILLS; i++)
    {
      GPid pid;
      gint64 a, b, decks;
      int status;

      /* Each import changes every answer, from A to B or back. */
      set_big_variant (f, sheet, i % 2 == 0 ? "A" : "B");
      pid = flash_test_cli_spawn (f->db, TEST_NOW, ARGS ("import", sheet));
      g_usleep (g_rand_int_range (rand, 0, (gint32) (span * 6 / 5)));
      kill (pid, SIGKILL);
      status = flash_test_wait (pid);
      g_spawn_close_pid (pid);
      if (WIFEXITED (status))
        g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      else
        interrupted++;

      /* Whatever the moment, the collection is sound and holds one whole import or none. */
      flash_test_assert_integrity (f->db);
      a = count_variant (f->db, "A");
      b = count_variant (f->db, "B");
      decks = raw_int (f->db, "SELECT COUNT(*) FROM decks");
      g_test_message ("kill %u: %s, decks %" G_GINT64_FORMAT ", variant A %" G_GINT64_FORMAT
                      ", variant B %" G_GINT64_FORMAT, i, WIFEXITED (status) ? "done" : "killed",
                      decks, a, b);
      g_assert_cmpint (raw_int (f->db, "SELECT COUNT(*) FROM cards WHERE retired = 0"), ==, a + b);
      g_assert_true ((decks == 0 && a == 0 && b == 0)
                     || (decks == 1 && a == BIG_CARDS && b == 0)
                     || (decks == 1 && a == 0 && b == BIG_CARDS));

      /* And the next import works. */
      if (i % 5 == 4)
        {
          set_big_variant (f, sheet, "B");
          cli_ok (f->db, ARGS ("import", sheet));
          g_assert_cmpint (count_variant (f->db, "B"), ==, BIG_CARDS);
        }
    }
  g_test_message ("%u of %u imports were killed while running", interrupted, KILLS);
  g_assert_cmpuint (interrupted, >, 0);
  set_big_variant (f, sheet, "A");
  cli_ok (f->db, ARGS ("import", sheet));
  g_assert_cmpint (count_variant (f->db, "A"), ==, BIG_CARDS);
  flash_test_assert_integrity (f->db);
}

static void
test_kill_grade (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sheet = write_sheet (f, "sheet.md", 1, "A");
  g_autoptr(GRand) rand = g_rand_new_with_seed (KILL_SEED);
  guint returned = 0;
  gint64 logged = 0;
  gint64 span;

  cli_ok (f->db, ARGS ("import", sheet));
  span = time_cli (f->db, ARGS ("grade", "100", "4"));
  logged = 1;

  for (guint i = 0; i < KILLS; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 1);
      g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM review_log WHERE card_id = %u",
                                              i + 1);
      GPid pid = flash_test_cli_spawn (f->db, TEST_NOW, ARGS ("grade", id, "4"));
      gint64 now_logged;
      int status;

      g_usleep (g_rand_int_range (rand, 0, (gint32) (span * 6 / 5)));
      kill (pid, SIGKILL);
      status = flash_test_wait (pid);
      g_spawn_close_pid (pid);

      flash_test_assert_integrity (f->db);
      now_logged = raw_int (f->db, "SELECT COUNT(*) FROM review_log");
      /* A grade is in the log whole or not at all, and certainly when the call returned. */
      g_assert_true (now_logged == logged || now_logged == logged + 1);
      g_assert_cmpint (raw_int (f->db, sql), ==, now_logged - logged);
      if (WIFEXITED (status))
        {
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          g_assert_cmpint (now_logged, ==, logged + 1);
          returned++;
        }
      logged = now_logged;
    }
  g_test_message ("%u of %u grades returned before the kill", returned, KILLS);
  cli_ok (f->db, ARGS ("grade", "99", "5"));
  g_assert_cmpint (raw_int (f->db, "SELECT COUNT(*) FROM review_log"), ==, logged + 1);
}

/* Full disks and read-only collections ------------------------------------------------------------ */

static void
assert_mentions (const char *err,
                 const char *what)
{
  if (strstr (err, what) == NULL)
    g_printerr ("expected “%s” in: %s\n", what, err);
  g_assert_nonnull (strstr (err, what));
  /* One line, prefixed, never a damaged-collection scare. */
  g_assert_true (g_str_has_prefix (err, "flashsheet-cli: "));
  g_assert_null (strstr (err, "damaged"));
}

static void
test_full_disk_import (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *small = write_sheet (f, "small.md", 1, "A");
  g_autofree char *big = write_sheet (f, "big.md", BIG_SECTIONS, "B");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(FlashTestRun) run = { 0 };

  cli_ok (f->db, ARGS ("import", small));
  before = dump (f->db);

  /* 64 KiB lets SQLite set up its -shm file and start the -wal, then runs out mid-import. */
  flash_test_cli_run (&run, f->db, TEST_NOW, NULL, limit_file_size_cb, GSIZE_TO_POINTER (64 * 1024), ARGS ("import", big));
  g_assert_cmpint (run.status, ==, 1);
  assert_mentions (run.err, "disk full");
  g_assert_cmpstr (run.out, ==, "");
  after = dump (f->db);
  g_assert_cmpstr (before, ==, after);
  flash_test_assert_integrity (f->db);

  /* With space again, the same import works. */
  cli_ok (f->db, ARGS ("import", big));
  g_assert_cmpint (count_variant (f->db, "B"), ==, 100 * BIG_SECTIONS);
}

static void
test_full_disk_grade (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *sheet = write_sheet (f, "sheet.md", 1, "A");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *app;

  cli_ok (f->db, ARGS ("import", sheet));
  cli_ok (f->db, ARGS ("grade", "1", "4"));
  before = dump (f->db);

  /* Nothing at all can be written: the CLI fails opening the collection. */
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, TEST_NOW, NULL, limit_file_size_cb, GSIZE_TO_POINTER (0), ARGS ("grade", "2", "4"));
    g_assert_cmpint (run.status, ==, 1);
    assert_mentions (run.err, "disk full");
  }

  /* With the collection open elsewhere (the app), its -shm exists and the -wal is empty; the
   * grade then fails writing its first page. */
  app = flash_test_raw_open (f->db);
  g_assert_cmpint (sqlite3_exec (app, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, TEST_NOW, NULL, limit_file_size_cb, GSIZE_TO_POINTER (4096), ARGS ("grade", "2", "4"));
    g_assert_cmpint (run.status, ==, 1);
    assert_mentions (run.err, "disk full");
    g_assert_cmpstr (run.out, ==, "");
  }
  sqlite3_close (app);

  after = dump (f->db);
  g_assert_cmpstr (before, ==, after);
  flash_test_assert_integrity (f->db);
  cli_ok (f->db, ARGS ("grade", "2", "4"));
  g_assert_cmpint (raw_int (f->db, "SELECT COUNT(*) FROM review_log"), ==, 2);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sheet = write_sheet (f, "sheet.md", 1, "A");
  g_autofree char *other = write_sheet (f, "other.md", 2, "B");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GSpawnChildSetupFunc setup = NULL;
  const char *const *commands[] = {
    ARGS ("import", other),
    ARGS ("grade", "1", "4"),
  };

  cli_ok (f->db, ARGS ("import", sheet));
  before = dump (f->db);

  /* Root ignores file modes, so as root the CLI runs as nobody, who must reach the files. */
  if (geteuid () == 0)
    {
      setup = drop_root_cb;
      g_assert_cmpint (g_chmod (other, 0644), ==, 0);
    }
  g_assert_cmpint (g_chmod (f->db, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(FlashTestRun) run = { 0 };

      flash_test_cli_run (&run, f->db, TEST_NOW, NULL, setup, NULL, commands[i]);
      if (run.status == 125)
        {
          g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
          g_test_skip ("cannot run the CLI as nobody");
          return;
        }
      g_assert_cmpint (run.status, ==, 1);
      assert_mentions (run.err, "read-only");
    }

  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (f->db, 0644), ==, 0);
  after = dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* Damaged and foreign files ------------------------------------------------------------------- */

/* Overwrites eight pages in the middle of @path with a pattern, as a failing disk might. */
static void
damage (const char *path)
{
  g_autoptr(GBytes) bytes = flash_test_read_bytes (path);
  gsize size = g_bytes_get_size (bytes);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  g_autoptr(GError) error = NULL;
  gsize start = (size / 2) & ~(gsize) 4095;

  g_assert_cmpuint (size, >, 64 * 4096);
  for (gsize i = start; i < start + 8 * 4096; i++)
    data[i] = (guint8) (0xa5 ^ i);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sheet = write_sheet (f, "sheet.md", BIG_SECTIONS, "A");
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FlashTestRun) run = { 0 };
  FlashStore *store;

  cli_ok (f->db, ARGS ("import", sheet));
  damage (f->db);
  before = flash_test_read_bytes (f->db);

  store = flash_store_open (f->db, &error);
  g_assert_null (store);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged"));

  flash_test_cli_run (&run, f->db, TEST_NOW, NULL, NULL, NULL, ARGS ("grade", "1", "4"));
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "flashsheet-cli: "));
  g_assert_nonnull (strstr (run.err, "damaged"));

  /* Never written to, and never backed up over the good backups either. */
  after = flash_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

static void
test_foreign (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sheet = write_sheet (f, "sheet.md", 1, "A");
  g_autofree char *text_db = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  /* Not a database at all. */
  g_file_set_contents (text_db, "My notes, not a database.\n", -1, &error);
  g_assert_no_error (error);
  before = flash_test_read_bytes (text_db);
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, text_db, TEST_NOW, NULL, NULL, NULL, ARGS ("import", sheet));
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "not a Flashsheet collection"));
  }
  after = flash_test_read_bytes (text_db);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);

  /* From a newer Flashsheet. */
  cli_ok (f->db, ARGS ("import", sheet));
  raw_exec (f->db, "PRAGMA user_version = 99");
  before = flash_test_read_bytes (f->db);
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, TEST_NOW, NULL, NULL, NULL, ARGS ("grade", "1", "4"));
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "newer version"));
  }
  after = flash_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
}

/* Backups ----------------------------------------------------------------------------------- */

static FlashStore *
open_with_cards (Fixture *f)
{
  g_autofree char *sheet = write_sheet (f, "sheet.md", 1, "A");
  g_autoptr(GError) error = NULL;
  FlashImportResult result = { 0 };
  FlashStore *store;

  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);
  flash_store_import_file (store, sheet, &result, &error);
  g_assert_no_error (error);
  flash_import_result_clear (&result);
  return store;
}

static void
grade_cards (FlashStore *store,
             guint       first,
             guint       count)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (TEST_NOW, NULL);

  for (guint id = first; id < first + count; id++)
    {
      g_autoptr(GError) error = NULL;

      flash_store_record_review (store, id, 4, now, 0, NULL, &error);
      g_assert_no_error (error);
    }
}

static guint
backup_count (Fixture *f)
{
  g_autoptr(GPtrArray) list = flash_backup_list (f->db);

  return list->len;
}

static void
backup_daily_at (FlashStore *store,
                 const char *iso)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (when);
  flash_backup_daily (store, when, &error);
  g_assert_no_error (error);
}

static void
test_backup_daily (Fixture       *f,
                   gconstpointer  data)
{
  FlashStore *store = open_with_cards (f);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *name = NULL;

  /* The store was empty when it opened, so it made no backup of its own. */
  g_assert_cmpuint (backup_count (f), ==, 0);
  backup_daily_at (store, "2025-01-10T09:00:00Z");
  g_assert_cmpuint (backup_count (f), ==, 1);
  backup_daily_at (store, "2025-01-10T21:30:00Z");
  g_assert_cmpuint (backup_count (f), ==, 1);
  backup_daily_at (store, "2025-01-11T08:00:00Z");
  list = flash_backup_list (f->db);
  g_assert_cmpuint (list->len, ==, 2);
  name = g_path_get_basename (g_ptr_array_index (list, 0));
  g_assert_cmpstr (name, ==, "collection-20250111-080000.db");
  flash_store_close (store);

  /* Opening a collection with cards makes today's backup. */
  store = flash_store_open (f->db, NULL);
  g_assert_nonnull (store);
  g_assert_cmpuint (backup_count (f), ==, 3);
  flash_store_close (store);
  store = flash_store_open (f->db, NULL);
  g_assert_cmpuint (backup_count (f), ==, 3);
  flash_store_close (store);
}

static void
test_backup_prune (Fixture       *f,
                   gconstpointer  data)
{
  FlashStore *store = open_with_cards (f);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stranger = g_build_filename (f->dir, "backups", "keep-me.txt", NULL);

  g_assert_cmpuint (flash_backup_get_keep (store), ==, FLASH_BACKUP_KEEP_DEFAULT);
  for (guint day = 1; day <= 9; day++)
    {
      g_autofree char *iso = g_strdup_printf ("2025-02-%02uT12:00:00Z", day);

      backup_daily_at (store, iso);
    }
  g_assert_cmpuint (backup_count (f), ==, 7);

  g_file_set_contents (stranger, "not a backup", -1, &error);
  g_assert_no_error (error);
  flash_backup_set_keep (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flash_backup_get_keep (store), ==, 3);
  flash_backup_set_keep (store, 0, &error);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  backup_daily_at (store, "2025-02-10T12:00:00Z");
  list = flash_backup_list (f->db);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (list, i));
      g_autofree char *expected = g_strdup_printf ("collection-202502%02u-120000.db", 10 - i);

      g_assert_cmpstr (name, ==, expected);
    }
  /* Files that are not backups are not ours to delete. */
  g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));
  flash_store_close (store);
}

static void
test_backup_before_migration (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  FlashStore *store;

  /* A SQLite file of another program (schema 0 with tables of its own) is not ours to migrate:
   * it is refused, unchanged. (A real migration, from schema 1, is backed up first:
   * /store/migration-from-v1.) */
  raw_exec (f->db, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('precious')");
  before = flash_test_read_bytes (f->db);
  store = flash_store_open (f->db, &error);
  g_assert_null (store);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE);
  after = flash_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));

  list = flash_backup_list (f->db);
  g_assert_cmpuint (list->len, ==, 0);
}

static guint
log_size (const char *db)
{
  return (guint) raw_int (db, "SELECT COUNT(*) FROM review_log");
}

static char *
find_replaced (Fixture *f)
{
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "replaced-") && g_str_has_suffix (name, ".db"))
      {
        g_assert_null (found);
        found = g_build_filename (dir, name, NULL);
      }
  g_assert_nonnull (found);
  return found;
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  FlashStore *store = open_with_cards (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *in_backup = NULL;
  g_autofree char *later = NULL;

  grade_cards (store, 1, 3);
  backup = flash_backup_now (store, &error);
  g_assert_no_error (error);
  in_backup = dump (backup);
  grade_cards (store, 4, 2);
  g_assert_true (flash_store_delete_deck (store, 1, &error));
  g_assert_no_error (error);
  flash_store_close (store);
  later = dump (f->db);

  g_assert_true (flash_backup_restore (f->db, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log_size (f->db), ==, 3);
  {
    g_autofree char *restored = dump (f->db);

    g_assert_cmpstr (restored, ==, in_backup);
  }
  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);
  grade_cards (store, 10, 1);
  flash_store_close (store);
  g_assert_cmpuint (log_size (f->db), ==, 4);

  /* The replaced collection was kept: restoring it undoes the restore. */
  replaced = find_replaced (f);
  {
    g_autofree char *kept = dump (replaced);

    g_assert_cmpstr (kept, ==, later);
  }
  g_assert_true (flash_backup_restore (f->db, replaced, &error));
  g_assert_no_error (error);
  {
    g_autofree char *undone = dump (f->db);

    g_assert_cmpstr (undone, ==, later);
  }
  flash_test_assert_integrity (f->db);
}

static void
test_restore_refused (Fixture       *f,
                      gconstpointer  data)
{
  FlashStore *store = open_with_cards (f);
  g_autofree char *good = NULL;
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "text.db", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  struct
  {
    const char *path;
    int         code;
  } cases[] = {
    { newer, FLASH_STORE_ERROR_TOO_NEW },
    { broken, FLASH_STORE_ERROR_DAMAGED },
    { text, FLASH_STORE_ERROR_NOT_DATABASE },
    { foreign, FLASH_STORE_ERROR_NOT_DATABASE },
    { missing, FLASH_STORE_ERROR_NOT_FOUND },
    { f->db, FLASH_STORE_ERROR_INVALID },
  };

  grade_cards (store, 1, 2);
  good = flash_backup_now (store, &error);
  g_assert_no_error (error);
  /* A big collection, so that damage lands on its pages. */
  {
    g_autofree char *big = write_sheet (f, "big.md", BIG_SECTIONS, "B");
    FlashImportResult result = { 0 };

    flash_store_import_file (store, big, &result, &error);
    g_assert_no_error (error);
    flash_import_result_clear (&result);
    flash_backup_to (store, broken, &error);
    g_assert_no_error (error);
  }
  flash_store_close (store);
  damage (broken);
  {
    g_autoptr(GBytes) copy = flash_test_read_bytes (good);

    g_file_set_contents (newer, g_bytes_get_data (copy, NULL), g_bytes_get_size (copy), &error);
    g_assert_no_error (error);
  }
  raw_exec (newer, "PRAGMA user_version = 99");
  g_file_set_contents (text, "# Not a database\n", -1, &error);
  g_assert_no_error (error);
  raw_exec (foreign, "CREATE TABLE t (x)");

  before = flash_test_read_bytes (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) after = NULL;

      g_assert_false (flash_backup_restore (f->db, cases[i].path, &error));
      g_assert_error (error, FLASH_STORE_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      after = flash_test_read_bytes (f->db);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_restore_damaged_collection (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *big = write_sheet (f, "big.md", BIG_SECTIONS, "B");
  g_autofree char *backup = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *in_backup = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;
  FlashImportResult result = { 0 };
  FlashStore *store;

  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);
  flash_store_import_file (store, big, &result, &error);
  g_assert_no_error (error);
  flash_import_result_clear (&result);
  grade_cards (store, 1, 5);
  backup = flash_backup_now (store, &error);
  g_assert_no_error (error);
  in_backup = dump (backup);
  flash_store_close (store);

  damage (f->db);
  damaged = flash_test_read_bytes (f->db);
  g_assert_null (flash_store_open (f->db, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  g_assert_true (flash_backup_restore (f->db, backup, &error));
  g_assert_no_error (error);
  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);
  flash_store_close (store);
  {
    g_autofree char *restored = dump (f->db);

    g_assert_cmpstr (restored, ==, in_backup);
  }
  /* Even a damaged collection is kept, byte for byte, for whoever wants to rescue it. */
  replaced = find_replaced (f);
  kept = flash_test_read_bytes (replaced);
  g_assert_true (g_bytes_equal (damaged, kept));
}

/* What the app offers for a damaged collection: the newest backup that is itself sound. */
static void
test_restore_newest (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *big = write_sheet (f, "big.md", BIG_SECTIONS, "B");
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *in_older = NULL;
  g_autoptr(GError) error = NULL;
  FlashImportResult result = { 0 };
  FlashStore *store;

  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_null (flash_backup_restore_newest (f->db, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  flash_store_import_file (store, big, &result, &error);
  g_assert_no_error (error);
  flash_import_result_clear (&result);
  backup_daily_at (store, "2025-03-01T12:00:00Z");
  grade_cards (store, 1, 4);
  backup_daily_at (store, "2025-03-02T12:00:00Z");
  flash_store_close (store);
  {
    g_autoptr(GPtrArray) list = flash_backup_list (f->db);

    g_assert_cmpuint (list->len, ==, 2);
    newer = g_strdup (g_ptr_array_index (list, 0));
    older = g_strdup (g_ptr_array_index (list, 1));
  }
  in_older = dump (older);

  /* The newest backup was taken when the damage was already there. */
  damage (newer);
  damage (f->db);
  chosen = flash_backup_restore_newest (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen, ==, older);
  {
    g_autofree char *restored = dump (f->db);

    g_assert_cmpstr (restored, ==, in_older);
  }
  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);
  flash_store_close (store);
}

/* flashsheet-cli backup and restore FILE, as a user repairing a collection by hand would. */
static void
test_cli_backup_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *sheet = write_sheet (f, "big.md", BIG_SECTIONS, "A");
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *in_backup = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(GError) error = NULL;

  cli_ok (f->db, ARGS ("import", sheet));
  cli_ok (f->db, ARGS ("grade", "1", "4"));
  {
    g_auto(FlashTestRun) run = { 0 };
    g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);

    flash_test_cli_run (&run, f->db, TEST_NOW, NULL, NULL, NULL, ARGS ("backup"));
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_str_has_suffix (run.out, ".db\n"));
    backup = g_strndup (run.out, strlen (run.out) - 1);
    g_assert_true (g_str_has_prefix (backup, dir));
    g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  }
  in_backup = dump (backup);
  cli_ok (f->db, ARGS ("grade", "2", "4"));
  cli_ok (f->db, ARGS ("grade", "3", "4"));

  cli_ok (f->db, ARGS ("restore", backup));
  g_assert_cmpuint (log_size (f->db), ==, 1);
  {
    g_autofree char *restored = dump (f->db);

    g_assert_cmpstr (restored, ==, in_backup);
  }
  replaced = find_replaced (f);
  g_assert_cmpuint (log_size (replaced), ==, 3);

  /* A file that is no backup is refused and the collection is left alone. */
  g_file_set_contents (text, "notes\n", -1, &error);
  g_assert_no_error (error);
  {
    g_auto(FlashTestRun) run = { 0 };
    g_autoptr(GBytes) before = flash_test_read_bytes (f->db);
    g_autoptr(GBytes) after = NULL;

    flash_test_cli_run (&run, f->db, TEST_NOW, NULL, NULL, NULL, ARGS ("restore", text));
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "flashsheet-cli: "));
    g_assert_nonnull (strstr (run.err, "not a Flashsheet collection"));
    after = flash_test_read_bytes (f->db);
    g_assert_true (g_bytes_equal (before, after));
  }
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, TEST_NOW, NULL, NULL, NULL, ARGS ("restore"));
    g_assert_cmpint (run.status, ==, 2);
  }

  /* A damaged collection cannot be backed up, only replaced. */
  damage (f->db);
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, TEST_NOW, NULL, NULL, NULL, ARGS ("backup"));
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "damaged"));
  }
  cli_ok (f->db, ARGS ("restore", backup));
  cli_ok (f->db, ARGS ("grade", "4", "4"));
  g_assert_cmpuint (log_size (f->db), ==, 2);
  flash_test_assert_integrity (f->db);
  /* --keep changes how many backups the collection keeps; out of range is a usage error. */
  cli_ok (f->db, ARGS ("backup", "--keep", "2"));
  cli_ok (f->db, ARGS ("backup", "--keep", "2"));
  g_assert_cmpuint (backup_count (f), ==, 2);
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, TEST_NOW, NULL, NULL, NULL, ARGS ("backup", "--keep", "0"));
    g_assert_cmpint (run.status, ==, 2);
  }
  g_assert_cmpuint (backup_count (f), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reliability/kill/import", test_kill_import);
  ADD ("/reliability/kill/grade", test_kill_grade);
  ADD ("/reliability/full-disk/import", test_full_disk_import);
  ADD ("/reliability/full-disk/grade", test_full_disk_grade);
  ADD ("/reliability/read-only", test_read_only);
  ADD ("/reliability/damaged", test_damaged);
  ADD ("/reliability/foreign", test_foreign);
  ADD ("/reliability/backup/daily", test_backup_daily);
  ADD ("/reliability/backup/prune", test_backup_prune);
  ADD ("/reliability/backup/before-migration", test_backup_before_migration);
  ADD ("/reliability/restore/round-trip", test_restore);
  ADD ("/reliability/restore/refused", test_restore_refused);
  ADD ("/reliability/restore/damaged-collection", test_restore_damaged_collection);
  ADD ("/reliability/restore/newest", test_restore_newest);
  ADD ("/reliability/cli/backup-restore", test_cli_backup_restore);
#undef ADD

  return g_test_run ();
}
