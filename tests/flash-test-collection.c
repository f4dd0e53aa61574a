/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-collection.c: a collection in a folder of its own, and reading it directly. */
#include "flash-test-collection.h"
#include "flash-test-util.h"

#include <sqlite3.h>
#include <string.h>

void
flash_test_collection_set_up (FlashTestCollection *f,
                              gconstpointer        data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("flash-collection-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "collection.db", NULL);
}

void
flash_test_collection_tear_down (FlashTestCollection *f,
                                 gconstpointer        data)
{
  flash_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db, g_free);
}

char *
flash_test_write_sheet (FlashTestCollection *f,
                        const char          *name,
                        guint                sections,
                        const char          *variant)
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

gint64
flash_test_raw_int (const char *path,
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

void
flash_test_raw_exec (const char *path,
                     const char *sql)
{
  sqlite3 *db = flash_test_raw_open (path);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

char *
flash_test_dump (const char *path)
{
  sqlite3 *db = flash_test_raw_open (path);
  sqlite3_stmt *tables = NULL;
  GString *out = g_string_new (NULL);

  /* The full-text index is derived from the cards (and its shadow tables have no rowid). */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'cards\\_fts%' ESCAPE '\\' ORDER BY "
                                           "name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      /* A table WITHOUT ROWID (review_stats) is read in the order of its primary key. */
      gboolean has_rowid = strstr ((const char *) sqlite3_column_text (tables, 1),
                                   "WITHOUT ROWID") == NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"%s", name,
                                              has_rowid ? " ORDER BY rowid" : "");
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

void
flash_test_cli_ok (const char         *db,
                   const char * const *args)
{
  g_auto(FlashTestRun) run = { 0 };

  flash_test_cli_run (&run, db, FLASH_TEST_NOW, NULL, NULL, NULL, args);
  if (run.status != 0)
    g_printerr ("CLI stderr: %s\n", run.err);
  g_assert_cmpint (run.status, ==, 0);
}

void
flash_test_damage (const char *path)
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
