/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup.c: the daily backup, pruning, the backup before a migration, and restore. */
#include "flash-test-collection.h"
#include "flash-test-util.h"
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "flash-backup.h"
#include "flash-store.h"
#include "flash-store-private.h"

#define ARGS FLASH_TEST_ARGS

/* A big cheatsheet: BIG_SECTIONS × 100 cards. */
#define BIG_SECTIONS 60

typedef FlashTestCollection Fixture;

static FlashStore *
open_with_cards (Fixture *f)
{
  g_autofree char *sheet = flash_test_write_sheet (f, "sheet.md", 1, "A");
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
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (FLASH_TEST_NOW, NULL);

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
  flash_test_raw_exec (f->db, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('precious')");
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
  return (guint) flash_test_raw_int (db, "SELECT COUNT(*) FROM review_log");
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
  in_backup = flash_test_dump (backup);
  grade_cards (store, 4, 2);
  g_assert_true (flash_store_delete_deck (store, 1, &error));
  g_assert_no_error (error);
  flash_store_close (store);
  later = flash_test_dump (f->db);

  g_assert_true (flash_backup_restore (f->db, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log_size (f->db), ==, 3);
  {
    g_autofree char *restored = flash_test_dump (f->db);

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
    g_autofree char *kept = flash_test_dump (replaced);

    g_assert_cmpstr (kept, ==, later);
  }
  g_assert_true (flash_backup_restore (f->db, replaced, &error));
  g_assert_no_error (error);
  {
    g_autofree char *undone = flash_test_dump (f->db);

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
    g_autofree char *big = flash_test_write_sheet (f, "big.md", BIG_SECTIONS, "B");
    FlashImportResult result = { 0 };

    flash_store_import_file (store, big, &result, &error);
    g_assert_no_error (error);
    flash_import_result_clear (&result);
    flash_backup_to (store, broken, &error);
    g_assert_no_error (error);
  }
  flash_store_close (store);
  flash_test_damage (broken);
  {
    g_autoptr(GBytes) copy = flash_test_read_bytes (good);

    g_file_set_contents (newer, g_bytes_get_data (copy, NULL), g_bytes_get_size (copy), &error);
    g_assert_no_error (error);
  }
  flash_test_raw_exec (newer, "PRAGMA user_version = 99");
  g_file_set_contents (text, "# Not a database\n", -1, &error);
  g_assert_no_error (error);
  flash_test_raw_exec (foreign, "CREATE TABLE t (x)");

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
  g_autofree char *big = flash_test_write_sheet (f, "big.md", BIG_SECTIONS, "B");
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
  in_backup = flash_test_dump (backup);
  flash_store_close (store);

  flash_test_damage (f->db);
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
    g_autofree char *restored = flash_test_dump (f->db);

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
  g_autofree char *big = flash_test_write_sheet (f, "big.md", BIG_SECTIONS, "B");
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
  in_older = flash_test_dump (older);

  /* The newest backup was taken when the damage was already there. */
  flash_test_damage (newer);
  flash_test_damage (f->db);
  chosen = flash_backup_restore_newest (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen, ==, older);
  {
    g_autofree char *restored = flash_test_dump (f->db);

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
  g_autofree char *sheet = flash_test_write_sheet (f, "big.md", BIG_SECTIONS, "A");
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *in_backup = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(GError) error = NULL;

  flash_test_cli_ok (f->db, ARGS ("import", sheet));
  flash_test_cli_ok (f->db, ARGS ("grade", "1", "4"));
  {
    g_auto(FlashTestRun) run = { 0 };
    g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);

    flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, NULL, NULL, ARGS ("backup"));
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_str_has_suffix (run.out, ".db\n"));
    backup = g_strndup (run.out, strlen (run.out) - 1);
    g_assert_true (g_str_has_prefix (backup, dir));
    g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  }
  in_backup = flash_test_dump (backup);
  flash_test_cli_ok (f->db, ARGS ("grade", "2", "4"));
  flash_test_cli_ok (f->db, ARGS ("grade", "3", "4"));

  flash_test_cli_ok (f->db, ARGS ("restore", backup));
  g_assert_cmpuint (log_size (f->db), ==, 1);
  {
    g_autofree char *restored = flash_test_dump (f->db);

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

    flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, NULL, NULL, ARGS ("restore", text));
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "flashsheet-cli: "));
    g_assert_nonnull (strstr (run.err, "not a Flashsheet collection"));
    after = flash_test_read_bytes (f->db);
    g_assert_true (g_bytes_equal (before, after));
  }
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, NULL, NULL, ARGS ("restore"));
    g_assert_cmpint (run.status, ==, 2);
  }

  /* A damaged collection cannot be backed up, only replaced. */
  flash_test_damage (f->db);
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, NULL, NULL, ARGS ("backup"));
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "damaged"));
  }
  flash_test_cli_ok (f->db, ARGS ("restore", backup));
  flash_test_cli_ok (f->db, ARGS ("grade", "4", "4"));
  g_assert_cmpuint (log_size (f->db), ==, 2);
  flash_test_assert_integrity (f->db);
  /* --keep changes how many backups the collection keeps; out of range is a usage error. */
  flash_test_cli_ok (f->db, ARGS ("backup", "--keep", "2"));
  flash_test_cli_ok (f->db, ARGS ("backup", "--keep", "2"));
  g_assert_cmpuint (backup_count (f), ==, 2);
  {
    g_auto(FlashTestRun) run = { 0 };

    flash_test_cli_run (&run, f->db, FLASH_TEST_NOW, NULL, NULL, NULL, ARGS ("backup", "--keep", "0"));
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, flash_test_collection_set_up, func, \
              flash_test_collection_tear_down)
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
