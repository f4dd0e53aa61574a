/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reliability.c: kills, full disks, read-only, damaged and foreign collections. */
#include "flash-test-collection.h"
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
#include "flash-sheet.h"
#include "flash-store.h"
#include "flash-store-private.h"

/* The kill tests draw their moments from a fixed seed, so a failure can be replayed. */
#define KILL_SEED 20261121
#define KILLS     30

/* A big cheatsheet: BIG_SECTIONS × 100 cards. */
#define BIG_SECTIONS 60
#define BIG_CARDS    (BIG_SECTIONS * 100)

typedef FlashTestCollection Fixture;

/* Running the CLI ------------------------------------------------------------------------------ */

#define ARGS FLASH_TEST_ARGS

/* The time a whole run of the CLI takes, in microseconds, so kills can land anywhere in it. */
static gint64
time_cli (const char         *db,
          const char * const *args)
{
  gint64 start = g_get_monotonic_time ();

  flash_test_cli_ok (db, args);
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

  return flash_test_raw_int (db, sql);
}

/* Puts variant @variant of the big sheet at @path: the same file, so the same deck. */
static void
set_big_variant (Fixture    *f,
                 const char *path,
                 const char *variant)
{
  g_autofree char *name = g_strdup_printf ("big-%s.md", variant);
  g_autofree char *source = flash_test_write_sheet (f, name, BIG_SECTIONS, variant);

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
      pid = flash_test_cli_spawn (f->db, FLASH_TEST_NOW, ARGS ("import", sheet));
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
      decks = flash_test_raw_int (f->db, "SELECT COUNT(*) FROM decks");
      g_test_message ("kill %u: %s, decks %" G_GINT64_FORMAT ", variant A %" G_GINT64_FORMAT
                      ", variant B %" G_GINT64_FORMAT, i, WIFEXITED (status) ? "done" : "killed",
                      decks, a, b);
      g_assert_cmpint (flash_test_raw_int (f->db, "SELECT COUNT(*) FROM cards WHERE retired = 0"), ==, a + b);
      g_assert_true ((decks == 0 && a == 0 && b == 0)
                     || (decks == 1 && a == BIG_CARDS && b == 0)
                     || (decks == 1 && a == 0 && b == BIG_CARDS));

      /* And the next import works. */
      if (i % 5 == 4)
        {
          set_big_variant (f, sheet, "B");
          flash_test_cli_ok (f->db, ARGS ("import", sheet));
          g_assert_cmpint (count_variant (f->db, "B"), ==, BIG_CARDS);
        }
    }
  g_test_message ("%u of %u imports were killed while running", interrupted, KILLS);
  g_assert_cmpuint (interrupted, >, 0);
  set_big_variant (f, sheet, "A");
  flash_test_cli_ok (f->db, ARGS ("import", sheet));
  g_assert_cmpint (count_variant (f->db, "A"), ==, BIG_CARDS);
  flash_test_assert_integrity (f->db);
}

static void
test_kill_grade (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sheet = flash_test_write_sheet (f, "sheet.md", 1, "A");
  g_autoptr(GRand) rand = g_rand_new_with_seed (KILL_SEED);
  guint returned = 0;
  gint64 logged = 0;
  gint64 span;

  flash_test_cli_ok (f->db, ARGS ("import", sheet));
  span = time_cli (f->db, ARGS ("grade", "100", "4"));
  logged = 1;

  for (guint i = 0; i < KILLS; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 1);
      g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM review_log WHERE card_id = %u",
                                              i + 1);
      GPid pid = flash_test_cli_spawn (f->db, FLASH_TEST_NOW, ARGS ("grade", id, "4"));
      gint64 now_logged;
      int status;

      g_usleep (g_rand_int_range (rand, 0, (gint32) (span * 6 / 5)));
      kill (pid, SIGKILL);
      status = flash_test_wait (pid);
      g_spawn_close_pid (pid);

      flash_test_assert_integrity (f->db);
      now_logged = flash_test_raw_int (f->db, "SELECT COUNT(*) FROM review_log");
      /* A grade is in the log whole or not at all, and certainly when the call returned. */
      g_assert_true (now_logged == logged || now_logged == logged + 1);
      g_assert_cmpint (flash_test_raw_int (f->db, sql), ==, now_logged - logged);
      if (WIFEXITED (status))
        {
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          g_assert_cmpint (now_logged, ==, logged + 1);
          returned++;
        }
      logged = now_logged;
    }
  g_test_message ("%u of %u grades returned before the kill", returned, KILLS);
  flash_test_cli_ok (f->db, ARGS ("grade", "99", "5"));
  g_assert_cmpint (flash_test_raw_int (f->db, "SELECT COUNT(*) FROM review_log"), ==, logged + 1);
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
  g_autofree char *small = flash_test_write_sheet (f, "small.md", 1, "A");
  g_autofree char *big = flash_test_write_sheet (f, "big.md", BIG_SECTIONS, "B");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(FlashTestRun) run = { 0 };

  flash_test_cli_ok (f->db, ARGS ("import", small));
  before = flash_test_dump (f->db);

  /* 64 KiB lets SQLite set up its -shm file and start the -wal, then runs out mid-import. */
  flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, limit_file_size_cb, GSIZE_TO_POINTER (64 * 1024), ARGS ("import", big));
  g_assert_cmpint (run.status, ==, 1);
  assert_mentions (run.err, "disk full");
  g_assert_cmpstr (run.out, ==, "");
  after = flash_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
  flash_test_assert_integrity (f->db);

  /* With space again, the same import works. */
  flash_test_cli_ok (f->db, ARGS ("import", big));
  g_assert_cmpint (count_variant (f->db, "B"), ==, 100 * BIG_SECTIONS);
}

static void
test_full_disk_grade (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *sheet = flash_test_write_sheet (f, "sheet.md", 1, "A");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *app;

  flash_test_cli_ok (f->db, ARGS ("import", sheet));
  flash_test_cli_ok (f->db, ARGS ("grade", "1", "4"));
  before = flash_test_dump (f->db);

  /* Nothing at all can be written: the CLI fails opening the collection. */
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, limit_file_size_cb, GSIZE_TO_POINTER (0), ARGS ("grade", "2", "4"));
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

    flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, limit_file_size_cb, GSIZE_TO_POINTER (4096), ARGS ("grade", "2", "4"));
    g_assert_cmpint (run.status, ==, 1);
    assert_mentions (run.err, "disk full");
    g_assert_cmpstr (run.out, ==, "");
  }
  sqlite3_close (app);

  after = flash_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
  flash_test_assert_integrity (f->db);
  flash_test_cli_ok (f->db, ARGS ("grade", "2", "4"));
  g_assert_cmpint (flash_test_raw_int (f->db, "SELECT COUNT(*) FROM review_log"), ==, 2);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sheet = flash_test_write_sheet (f, "sheet.md", 1, "A");
  g_autofree char *other = flash_test_write_sheet (f, "other.md", 2, "B");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GSpawnChildSetupFunc setup = NULL;
  const char *const *commands[] = {
    ARGS ("import", other),
    ARGS ("grade", "1", "4"),
  };

  flash_test_cli_ok (f->db, ARGS ("import", sheet));
  before = flash_test_dump (f->db);

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

      flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, setup, NULL, commands[i]);
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
  after = flash_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* Damaged and foreign files ------------------------------------------------------------------- */

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sheet = flash_test_write_sheet (f, "sheet.md", BIG_SECTIONS, "A");
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FlashTestRun) run = { 0 };
  FlashStore *store;

  flash_test_cli_ok (f->db, ARGS ("import", sheet));
  flash_test_damage (f->db);
  before = flash_test_read_bytes (f->db);

  store = flash_store_open (f->db, &error);
  g_assert_null (store);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged"));

  flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, NULL, NULL, ARGS ("grade", "1", "4"));
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
  g_autofree char *sheet = flash_test_write_sheet (f, "sheet.md", 1, "A");
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

    flash_test_cli_run (&run, text_db, FLASH_TEST_NOW, NULL, NULL, NULL, ARGS ("import", sheet));
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "not a Flashsheet collection"));
  }
  after = flash_test_read_bytes (text_db);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);

  /* From a newer Flashsheet. */
  flash_test_cli_ok (f->db, ARGS ("import", sheet));
  flash_test_raw_exec (f->db, "PRAGMA user_version = 99");
  before = flash_test_read_bytes (f->db);
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, NULL, NULL, ARGS ("grade", "1", "4"));
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "newer version"));
  }
  after = flash_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
}

typedef struct
{
  gint  *stop;
  gulong delay_usec;
} Stopper;

static gpointer
stop_later (gpointer data)
{
  Stopper *stopper = data;

  g_usleep (stopper->delay_usec);
  g_atomic_int_set (stopper->stop, 1);
  return NULL;
}

/* An import given up (before it starts, or from another thread while it runs, as the app's
 * Cancel does) changes nothing: the deck stays as it was, whole, and its search index too. */
static void
test_import_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "big.md", NULL);
  g_autoptr(GError) error = NULL;
  FlashStore *store;
  gint stop = 1;

  set_big_variant (f, path, "A");
  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_import_file (store, path, NULL, &error));
  set_big_variant (f, path, "B");

  for (guint delay = 0; delay <= 20000; delay += 5000)
    {
      g_autoptr(FlashSheet) sheet = flash_sheet_load (path, &error);
      FlashImportResult result = { 0 };
      Stopper stopper = { &stop, delay };
      GThread *thread = NULL;
      gboolean ok;

      g_assert_no_error (error);
      /* The first round is stopped before it starts; the others while they run, or not at all
       * when the import is quicker than the delay. */
      g_atomic_int_set (&stop, delay == 0);
      if (delay > 0)
        thread = g_thread_new ("stopper", stop_later, &stopper);
      ok = flash_store_import_sheet_cancellable (store, sheet, &stop, &result, &error);
      if (thread != NULL)
        g_thread_join (thread);
      g_test_message ("stopped after %u us: %s", delay, ok ? "imported" : "rolled back");
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (count_variant (f->db, "B"), ==, BIG_CARDS);
          flash_import_result_clear (&result);
          break;
        }
      g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpint (count_variant (f->db, "A"), ==, BIG_CARDS);
      g_assert_cmpint (count_variant (f->db, "B"), ==, 0);
      flash_test_raw_exec (f->db, "INSERT INTO cards_fts (cards_fts) VALUES ('integrity-check')");
    }
  flash_store_close (store);
  flash_test_assert_integrity (f->db);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, flash_test_collection_set_up, func, \
              flash_test_collection_tear_down)
  ADD ("/reliability/kill/import", test_kill_import);
  ADD ("/reliability/kill/grade", test_kill_grade);
  ADD ("/reliability/full-disk/import", test_full_disk_import);
  ADD ("/reliability/full-disk/grade", test_full_disk_grade);
  ADD ("/reliability/read-only", test_read_only);
  ADD ("/reliability/damaged", test_damaged);
  ADD ("/reliability/foreign", test_foreign);
  ADD ("/reliability/import-cancelled", test_import_cancelled);
#undef ADD

  return g_test_run ();
}
