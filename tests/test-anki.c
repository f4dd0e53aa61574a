/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-anki.c: Anki packages written from a collection: the zip's entries, collection.anki2 in
 * schema 11 (notes, cards, the log, the deck tree), stable guids, Anki's checksum, no scripts,
 * and a package written whole or not at all. */
#include "flash-test-store.h"
#include "flash-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "flash-anki.h"
#include "flash-archive.h"

static const char sheet[] =
  "# Tools\n\n## Git\n\n### What does `git stash` do?\n\nShelves the changes.\n\n"
  "### Danger\n\nCareful **now**.\n\n<script>alert(1)</script>\n\n"
  "## Shell\n\n### Print the working directory\n\n```sh\npwd\n```\n";

/* The entries of the zip at @path, name → contents. */
static GHashTable *
read_zip (const char *path)
{
  const FlashArchiveCalls *la = flash_archive_calls (NULL);
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) bytes = flash_test_read_bytes (path);
  struct archive *zip;
  struct archive_entry *entry;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_assert_nonnull (la);
  zip = la->read_new ();
  g_assert_cmpint (la->read_support_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (la->read_open_memory (zip, data, size), ==, ARCHIVE_OK);
  while (la->read_next_header (zip, &entry) == ARCHIVE_OK)
    {
      GByteArray *contents = g_byte_array_new ();
      char buffer[8192];
      la_ssize_t n;

      while ((n = la->read_data (zip, buffer, sizeof buffer)) > 0)
        g_byte_array_append (contents, (const guint8 *) buffer, (guint) n);
      g_hash_table_insert (entries, g_strdup (la->entry_pathname (entry)),
                           g_byte_array_free_to_bytes (contents));
    }
  la->read_free (zip);
  return entries;
}

/* collection.anki2 of the package at @path, written out to @dir. */
static char *
inner_database (const char *path,
                const char *dir)
{
  g_autoptr(GHashTable) entries = read_zip (path);
  GBytes *db = g_hash_table_lookup (entries, "collection.anki2");
  GBytes *media = g_hash_table_lookup (entries, "media");
  g_autofree char *out = g_build_filename (dir, "inner.anki2", NULL);

  g_assert_cmpuint (g_hash_table_size (entries), ==, 2);
  g_assert_nonnull (db);
  g_assert_nonnull (media);
  g_assert_cmpmem (g_bytes_get_data (media, NULL), g_bytes_get_size (media), "{}", 2);
  g_assert_true (g_file_set_contents (out, g_bytes_get_data (db, NULL),
                                      (gssize) g_bytes_get_size (db), NULL));
  return g_steal_pointer (&out);
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = flash_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  g_autofree char *text = raw_text (path, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static void
test_export (FlashTestStore *fx,
             gconstpointer   data)
{
  g_autofree char *path = flash_test_store_write (fx, "tools.md", sheet);
  g_autofree char *package = g_build_filename (fx->dir, "tools.apkg", NULL);
  g_autofree char *again = g_build_filename (fx->dir, "again.apkg", NULL);
  g_autofree char *db = NULL;
  g_autofree char *db_again = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *decks = NULL;
  g_autofree char *danger = NULL;
  g_autoptr(GError) error = NULL;
  gint64 stash;

  flash_test_store_import (fx, path, NULL);
  stash = flash_test_store_card_id (fx, "What does `git stash` do?");
  flash_test_store_grade (fx, stash, FLASH_GRADE_GOOD);
  g_assert_true (flash_anki_export (fx->store, 0, package, fx->now, &error));
  g_assert_no_error (error);
  db = inner_database (package, fx->dir);

  g_assert_cmpint (raw_int (db, "SELECT ver FROM col"), ==, 11);
  g_assert_cmpint (raw_int (db, "SELECT COUNT(*) FROM notes"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT COUNT(*) FROM cards"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT COUNT(*) FROM graves"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name "
                                "LIKE 'ix_%'"), ==, 7);

  /* Fields: the HTML of the Markdown, joined by 0x1f; code stays code. */
  fields = raw_text (db, "SELECT flds FROM notes WHERE sfld = 'What does git stash do?'");
  g_assert_cmpstr (fields, ==, "<p>What does <code>git stash</code> do?</p>\n\x1f"
                               "<p>Shelves the changes.</p>\n");
  g_assert_cmpint (raw_int (db, "SELECT csum FROM notes WHERE sfld = 'Danger'"), ==,
                   flash_anki_checksum ("<p>Danger</p>"));
  danger = raw_text (db, "SELECT flds FROM notes WHERE sfld = 'Danger'");
  g_assert_null (strstr (danger, "<script"));
  g_assert_nonnull (strstr (danger, "<strong>now</strong>"));
  g_assert_nonnull (strstr (raw_text (db, "SELECT flds FROM notes WHERE sfld LIKE 'Print%'"),
                            "<pre><code class=\"language-sh\">pwd\n</code></pre>"));

  /* The deck tree, and the graded card's schedule: a review due the next day, EF 2.5. */
  decks = raw_text (db, "SELECT decks FROM col");
  g_assert_nonnull (strstr (decks, "\"name\":\"Tools\""));
  g_assert_nonnull (strstr (decks, "\"name\":\"Tools::Git\""));
  g_assert_nonnull (strstr (decks, "\"name\":\"Tools::Shell\""));
  g_assert_cmpint (raw_int (db, "SELECT COUNT(*) FROM cards WHERE type = 2 AND queue = 2 AND ivl = 1 "
                                "AND factor = 2500"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT COUNT(*) FROM cards WHERE type = 0 AND queue = 0"), ==, 2);
  /* Due days count from col.crt, the day of the earliest last review: today, so due in 1. */
  g_assert_cmpint (raw_int (db, "SELECT due FROM cards WHERE type = 2"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT COUNT(*) FROM revlog WHERE ease = 3 AND ivl = 1 AND "
                                "type = 0"), ==, 1);

  /* A second export: the same guids, so that Anki updates the notes. */
  g_assert_true (flash_anki_export (fx->store, 0, again, fx->now, &error));
  db_again = inner_database (again, fx->dir);
  {
    g_autofree char *first = raw_text (db, "SELECT group_concat (guid) FROM notes ORDER BY id");
    g_autofree char *second = raw_text (db_again, "SELECT group_concat (guid) FROM notes ORDER BY "
                                                  "id");

    g_assert_cmpstr (first, ==, second);
  }
}

static void
test_checksum_and_guid (void)
{
  g_autofree char *a = flash_anki_guid ("/decks/a.md", "A › key");
  g_autofree char *b = flash_anki_guid ("/decks/a.md", "A › key");
  g_autofree char *c = flash_anki_guid ("/decks/b.md", "A › key");
  g_autofree char *stripped = flash_anki_strip_html ("<p>Tom &amp; <b>Jerry</b> &lt;3</p>");

  /* Python: int(hashlib.sha1(b"One").hexdigest()[:8], 16). */
  g_assert_cmpuint (flash_anki_checksum ("<p>One</p>"), ==, 3045808780u);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (stripped, ==, "Tom & Jerry <3");
}

/* A package is written whole or not at all: nothing is left where it could not be written, and a
 * collection without cards says so. */
static void
test_failures (FlashTestStore *fx,
               gconstpointer   data)
{
  g_autofree char *path = flash_test_store_write (fx, "tools.md", sheet);
  g_autofree char *missing = g_build_filename (fx->dir, "no", "such", "t.apkg", NULL);
  g_autofree char *empty = g_build_filename (fx->dir, "empty.apkg", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (flash_anki_export (fx->store, 0, empty, fx->now, &error));
  g_assert_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_EMPTY);
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  flash_test_store_import (fx, path, NULL);
  g_assert_false (flash_anki_export (fx->store, 0, missing, fx->now, &error));
  g_assert_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_WRITE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* The command line: `export --format apkg` needs --output, which only it takes. */
static void
test_cli (FlashTestStore *fx,
          gconstpointer   data)
{
  g_autofree char *path = flash_test_store_write (fx, "tools.md", sheet);
  g_autofree char *package = g_build_filename (fx->dir, "cli.apkg", NULL);
  g_auto(FlashTestRun) ok = { 0 };
  g_auto(FlashTestRun) no_output = { 0 };
  g_auto(FlashTestRun) md_output = { 0 };

  flash_test_store_import (fx, path, NULL);
  flash_test_cli_run (&ok, fx->db_path, "2026-11-21T10:00:00Z", NULL, NULL, NULL,
                      FLASH_TEST_ARGS ("export", "--format", "apkg", "--deck", "Tools", "--output",
                                       package));
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==, "");
  g_assert_true (g_file_test (package, G_FILE_TEST_IS_REGULAR));
  flash_test_cli_run (&no_output, fx->db_path, NULL, NULL, NULL, NULL,
                      FLASH_TEST_ARGS ("export", "--format", "apkg"));
  g_assert_cmpint (no_output.status, ==, 2);
  flash_test_cli_run (&md_output, fx->db_path, NULL, NULL, NULL, NULL,
                      FLASH_TEST_ARGS ("export", "--format", "md", "--output", package));
  g_assert_cmpint (md_output.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, FlashTestStore, NULL, flash_test_store_set_up, func, \
              flash_test_store_tear_down)
  ADD ("/anki/export", test_export);
  ADD ("/anki/failures", test_failures);
  ADD ("/anki/cli", test_cli);
#undef ADD
  g_test_add_func ("/anki/checksum-and-guid", test_checksum_and_guid);
  return g_test_run ();
}
