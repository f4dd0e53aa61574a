/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-processes.c: one collection, many processes and connections, and nothing lost. */
#include "flash-test-util.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "flash-backup.h"
#include "flash-day.h"
#include "flash-store.h"

#define YESTERDAY "2026-11-20T10:00:00Z"
#define TEST_NOW  "2026-11-21T10:00:00Z"
#define ARGS      FLASH_TEST_ARGS

typedef struct
{
  char *dir;
  char *db;
  char *sheet;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("# Many\n");

  f->dir = g_dir_make_tmp ("flash-processes-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "collection.db", NULL);
  f->sheet = g_build_filename (f->dir, "many.md", NULL);
  for (guint i = 1; i <= 200; i++)
    g_string_append_printf (text, "\n## Question %u\n\nAnswer %u.\n", i, i);
  g_file_set_contents (f->sheet, text->str, text->len, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  flash_clock_set_override (NULL);
  flash_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db, g_free);
  g_clear_pointer (&f->sheet, g_free);
}

static char * G_GNUC_WARN_UNUSED_RESULT
cli_ok (const char         *db,
        const char         *now,
        const char * const *args)
{
  g_auto(FlashTestRun) run = { 0 };

  flash_test_cli_run (&run, db, now, NULL, NULL, NULL, args);
  if (run.status != 0)
    g_printerr ("CLI stderr: %s\n", run.err);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* The reviews another process sees: `flashsheet-cli log`. */
static guint
cli_reviews (Fixture *f)
{
  g_autofree char *log = cli_ok (f->db, TEST_NOW, ARGS ("log"));

  return count_lines (log);
}

static void
set_clock (const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  flash_clock_set_override (now);
}

static void
grade (FlashStore *store,
       gint64      card)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (TEST_NOW, NULL);
  g_autoptr(GError) error = NULL;

  flash_store_record_review (store, card, 4, now, 1000, NULL, &error);
  g_assert_no_error (error);
}

static guint64
inode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (guint64) st.st_ino;
}

/* Whether this process holds a POSIX lock on @path, as /proc/locks lists it: a live SQLite
 * connection in WAL mode always does. */
static gboolean
holds_lock (const char *path)
{
  g_autofree char *locks = NULL;
  g_autofree char *mine = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (g_file_get_contents ("/proc/locks", &locks, NULL, NULL));
  mine = g_strdup_printf (" %d %02x:%02x:%" G_GUINT64_FORMAT " ", (int) getpid (),
                          major (st.st_dev), minor (st.st_dev), (guint64) st.st_ino);
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "POSIX") != NULL && strstr (lines[i], mine) != NULL)
      return TRUE;
  return FALSE;
}

/* While any connection of this process is open, the -wal it writes to is the one on disk. */
static void
assert_wal_alive (const char *db,
                  guint64     wal_inode)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (inode_of (wal), ==, wal_inode);
  g_assert_true (holds_lock (db));
}

/* Two stores on one path in this process, one with its check in a thread (as the app opens a
 * collection it checked yesterday), while CLI processes open, write and close it; the stores are
 * closed in both orders. The CLI's last close must never believe it is the last connection and
 * unlink the WAL that this process still writes to. */
static void
test_two_stores_one_process (Fixture       *f,
                             gconstpointer  data)
{
  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *wal = NULL;
      FlashStore *stores[2];
      FlashStore *first;
      FlashStore *second;
      guint64 wal_inode;
      guint expected;

      /* A fresh collection for each order. */
      if (order > 0)
        {
          fixture_tear_down (f, NULL);
          fixture_set_up (f, NULL);
        }
      wal = g_strconcat (f->db, "-wal", NULL);
      g_free (cli_ok (f->db, YESTERDAY, ARGS ("import", f->sheet)));

      set_clock (TEST_NOW);
      stores[0] = flash_store_open_deferred (f->db, &error);
      g_assert_no_error (error);
      stores[1] = flash_store_open (f->db, &error);
      g_assert_no_error (error);
      g_assert_true (flash_store_wait_checked (stores[0], &error));
      g_assert_no_error (error);
      grade (stores[0], 1);
      wal_inode = inode_of (wal);
      assert_wal_alive (f->db, wal_inode);

      /* A reader and a writer come and go. */
      g_assert_cmpuint (cli_reviews (f), ==, 1);
      assert_wal_alive (f->db, wal_inode);
      g_free (cli_ok (f->db, TEST_NOW, ARGS ("grade", "2", "4")));
      assert_wal_alive (f->db, wal_inode);
      grade (stores[1], 3);
      g_assert_cmpuint (cli_reviews (f), ==, 3);
      assert_wal_alive (f->db, wal_inode);

      first = stores[order];
      second = stores[1 - order];
      flash_store_close (first);
      g_free (cli_ok (f->db, TEST_NOW, ARGS ("decks")));
      assert_wal_alive (f->db, wal_inode);
      grade (second, 4);
      expected = 4;
      g_assert_cmpuint (cli_reviews (f), ==, expected);
      assert_wal_alive (f->db, wal_inode);
      flash_store_close (second);

      g_assert_cmpuint (cli_reviews (f), ==, expected);
      flash_test_assert_integrity (f->db);
      flash_clock_set_override (NULL);
    }
}

/* The CLI grades 50 cards, one process each, while this process (the app) holds the collection
 * open and grades 50 others: each waits for the other's lock and no grade is lost. */
static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = flash_test_cli_environ (TEST_NOW, NULL);
  FlashStore *store;
  GPid pid = 0;
  int status;

  g_free (cli_ok (f->db, TEST_NOW, ARGS ("import", f->sheet)));
  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);

  g_ptr_array_add (argv, g_strdup ("/bin/sh"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup ("cli=$1; db=$2; shift 2; for id in \"$@\"; do "
                                   "\"$cli\" --db \"$db\" grade \"$id\" 4 >/dev/null || exit 1; done"));
  g_ptr_array_add (argv, g_strdup ("sh"));
  g_ptr_array_add (argv, g_strdup (g_getenv ("FLASHSHEET_CLI")));
  g_ptr_array_add (argv, g_strdup (f->db));
  for (guint id = 51; id <= 100; id++)
    g_ptr_array_add (argv, g_strdup_printf ("%u", id));
  g_ptr_array_add (argv, NULL);
  g_spawn_async (NULL, (char **) argv->pdata, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                 &error);
  g_assert_no_error (error);

  for (guint id = 1; id <= 50; id++)
    grade (store, id);
  status = flash_test_wait (pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_cmpuint (cli_reviews (f), ==, 100);
  flash_store_close (store);
  flash_test_assert_integrity (f->db);
}

/* A writer that cannot get the lock within the busy timeout fails with "busy" and changes
 * nothing; once the lock is free the same command works. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  static const char *const short_wait[] = { "FLASHSHEET_BUSY_TIMEOUT_MS=200", NULL };
  g_auto(FlashTestRun) run = { 0 };
  sqlite3 *holder;

  g_free (cli_ok (f->db, TEST_NOW, ARGS ("import", f->sheet)));
  g_free (cli_ok (f->db, TEST_NOW, ARGS ("grade", "1", "4")));
  holder = flash_test_raw_open (f->db);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  flash_test_cli_run (&run, f->db, TEST_NOW, short_wait, NULL, NULL, ARGS ("grade", "2", "4"));
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the collection is busy"));
  g_assert_null (strstr (run.err, "damaged"));
  g_assert_cmpstr (run.out, ==, "");
  flash_test_run_clear (&run);

  /* Readers are never blocked by a writer. */
  flash_test_cli_run (&run, f->db, TEST_NOW, short_wait, NULL, NULL, ARGS ("log"));
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  flash_test_run_clear (&run);

  g_assert_cmpint (sqlite3_exec (holder, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);
  g_free (cli_ok (f->db, TEST_NOW, ARGS ("grade", "2", "4")));
  g_assert_cmpuint (cli_reviews (f), ==, 2);
}

/* A restore replaces the collection's files, so it waits while any store has the collection open
 * and gives up with "busy" when the wait runs out, having changed nothing. */
static void
test_restore_waits (Fixture       *f,
                    gconstpointer  data)
{
  static const char *const short_wait[] = { "FLASHSHEET_BUSY_TIMEOUT_MS=300", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *out = NULL;
  g_auto(FlashTestRun) run = { 0 };
  FlashStore *store;
  GPid pid;
  int status;

  g_free (cli_ok (f->db, TEST_NOW, ARGS ("import", f->sheet)));
  out = cli_ok (f->db, TEST_NOW, ARGS ("backup"));
  backup = g_strstrip (g_steal_pointer (&out));
  g_free (cli_ok (f->db, TEST_NOW, ARGS ("grade", "1", "4")));

  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);
  flash_test_cli_run (&run, f->db, TEST_NOW, short_wait, NULL, NULL, ARGS ("restore", backup));
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "busy"));
  g_assert_nonnull (strstr (run.err, "close it and try again"));
  flash_test_run_clear (&run);
  /* Nothing changed: the review is there, and the open store still writes. */
  g_assert_cmpuint (cli_reviews (f), ==, 1);
  grade (store, 2);
  g_assert_cmpuint (cli_reviews (f), ==, 2);

  /* With the default wait, a restore started while the store is open goes ahead once it closes. */
  pid = flash_test_cli_spawn (f->db, TEST_NOW, ARGS ("restore", backup));
  g_usleep (300 * 1000);
  g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
  flash_store_close (store);
  status = flash_test_wait (pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpuint (cli_reviews (f), ==, 0);
  flash_test_assert_integrity (f->db);
}

/* The full check (every page read) runs once per study day per file: the first open of the day
 * records it, later opens of the same day skip it, the next day or a copy of the file (another
 * inode) runs it again, and a damaged file is refused on the day after the damage. */
static void
test_check_once_a_day (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *marker = NULL;
  g_autofree char *today = NULL;
  FlashStore *store;
  sqlite3 *raw;
  sqlite3_stmt *stmt = NULL;

  g_free (cli_ok (f->db, YESTERDAY, ARGS ("import", f->sheet)));
  g_free (cli_ok (f->db, YESTERDAY, ARGS ("decks")));

  set_clock (TEST_NOW);
  store = flash_store_open (f->db, &error);
  g_assert_no_error (error);
  flash_store_close (store);

  raw = flash_test_raw_open (f->db);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT value FROM config WHERE key = 'checked'", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  marker = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  today = g_strdup_printf ("%" G_GUINT64_FORMAT ":2026-11-21", inode_of (f->db));
  g_assert_cmpstr (marker, ==, today);
  /* Two backups: yesterday's and today's, each made with the day's check. */
  {
    g_autoptr(GPtrArray) backups = flash_backup_list (f->db);

    g_assert_cmpuint (backups->len, ==, 2);
  }

  /* A copy is another file: its first open checks it, whatever its marker says. */
  {
    g_autoptr(GBytes) bytes = flash_test_read_bytes (f->db);

    g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));
  }
  store = flash_store_open (copy, &error);
  g_assert_no_error (error);
  flash_store_close (store);
  raw = flash_test_raw_open (copy);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT value FROM config WHERE key = 'checked'", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), !=, marker);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);

  /* Damage in the middle of the file: today's opens rely on today's check, tomorrow's first
   * open finds the damage and refuses the file. */
  {
    g_autoptr(GBytes) bytes = flash_test_read_bytes (f->db);
    gsize size = g_bytes_get_size (bytes);
    g_autofree guint8 *broken = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

    g_assert_cmpuint (size, >, 8 * 4096);
    for (gsize i = 2 * 4096; i < size - 4096; i++)
      broken[i] = (guint8) (0xa5 ^ i);
    g_assert_true (g_file_set_contents (f->db, (char *) broken, size, NULL));
  }
  set_clock ("2026-11-22T10:00:00Z");
  g_assert_null (flash_store_open (f->db, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/processes/two-stores-one-process", test_two_stores_one_process);
  ADD ("/processes/two-processes", test_two_processes);
  ADD ("/processes/busy", test_busy);
  ADD ("/processes/restore-waits", test_restore_waits);
  ADD ("/processes/check-once-a-day", test_check_once_a_day);
#undef ADD

  return g_test_run ();
}
