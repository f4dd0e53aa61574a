/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-anki.c: Anki packages written from a collection: the zip's entries, collection.anki2 in
 * schema 11 (notes, cards, the log, the deck tree), stable guids, Anki's checksum, no scripts,
 * and a package written whole or not at all. */
#include "flash-test-store.h"
#include "flash-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <zstd.h>

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
  g_autofree char *code = NULL;
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
  code = raw_text (db, "SELECT flds FROM notes WHERE sfld LIKE 'Print%'");
  g_assert_nonnull (strstr (code, "<pre><code class=\"language-sh\">pwd\n</code></pre>"));

  /* The deck tree, and the graded card's schedule: a review due the next day, EF 2.5. */
  decks = raw_text (db, "SELECT decks FROM col");
  g_assert_nonnull (strstr (decks, "\"name\":\"Tools\""));
  g_assert_nonnull (strstr (decks, "\"name\":\"Tools::Git\""));
  g_assert_nonnull (strstr (decks, "\"name\":\"Tools::Shell\""));
  g_assert_cmpint (raw_int (db, "SELECT COUNT(*) FROM cards WHERE type = 2 AND queue = 2 AND "
                                "ivl = 1 AND factor = 2500"), ==, 1);
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

/* The field scanners on what strangers write: entities, a link cut by a block, no closing. */
static void
test_html_and_cloze (void)
{
  g_autofree char *entities = flash_anki_html_to_markdown ("&#27;&#65;&#x1F600;&#99999999;&#x;B");
  g_autofree char *cut = flash_anki_html_to_markdown ("   <a href=\"https://x\"><p>link</a> t");
  g_autofree char *script = flash_anki_html_to_markdown ("a<SCRIPT>x</Script >b<style>y");
  g_autofree char *open = flash_anki_cloze ("{{c1::never closed and {{c2::", 1, FALSE);
  g_autofree char *hint = flash_anki_cloze ("{{c1::Paris::capital}} of {{c2::France}}", 1, FALSE);

  g_assert_cmpstr (entities, ==, "A\U0001F600&#99999999;&#x;B");
  g_assert_cmpstr (cut, ==, "[link](https://x) t");
  g_assert_cmpstr (script, ==, "ab");
  g_assert_cmpstr (open, ==, "{{c1::never closed and {{c2::");
  g_assert_cmpstr (hint, ==, "[capital] of France");
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

/* Writes a zip at @path of @n entries: names[i] holding data[i] (sizes[i] bytes, -1: a string). */
static void
write_zip (const char         *path,
           guint               n,
           const char * const *names,
           const char * const *data,
           const gssize       *sizes)
{
  const FlashArchiveCalls *la = flash_archive_calls (NULL);
  struct archive *zip = la->write_new ();

  g_assert_cmpint (la->write_set_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (la->write_open_filename (zip, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = la->entry_new ();
      gsize size = sizes[i] >= 0 ? (gsize) sizes[i] : strlen (data[i]);

      la->entry_set_pathname (entry, names[i]);
      la->entry_set_size (entry, (la_int64_t) size);
      la->entry_set_filetype (entry, AE_IFREG);
      la->entry_set_perm (entry, 0644);
      g_assert_cmpint (la->write_header (zip, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (la->write_data (zip, data[i], size), ==, (la_ssize_t) size);
      la->entry_free (entry);
    }
  g_assert_cmpint (la->write_close (zip), ==, ARCHIVE_OK);
  la->write_free (zip);
}

/* A database at @path made by @sql; its bytes. */
static GBytes *
make_database (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
  return flash_test_read_bytes (path);
}

/* Anki's tables that schema 11 and 18 share, as Anki creates them. */
#define ANKI_TABLES \
    "CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm " \
    "integer not null, ver integer not null, dty integer not null, usn integer not null, ls " \
    "integer not null, conf text not null, models text not null, decks text not null, dconf text " \
    "not null, tags text not null);" \
    "CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod " \
    "integer not null, usn integer not null, tags text not null, flds text not null, " \
    "sfld integer not null, csum integer not null, flags integer not null, data text not null);" \
    "CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord " \
    "integer not null, mod integer not null, usn integer not null, type integer not null, queue " \
    "integer not null, due integer not null, ivl integer not null, factor integer not null, reps " \
    "integer not null, lapses integer not null, left integer not null, odue integer not null, " \
    "odid integer not null, flags integer not null, data text not null);" \
    "CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, " \
    "ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not " \
    "null, time integer not null, type integer not null);"

/* Schema 11 as Anki 2.1 writes it, with a Basic-and-reversed and a Cloze note type, a deck
 * "Lang::Spanish", HTML fields, a reviewed card and its log. Anki's day: crt is 10 days ago. */
static char *
schema11_sql (gint64 now)
{
  return g_strdup_printf (
    ANKI_TABLES
    "CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);"
    "INSERT INTO col VALUES (1, %" G_GINT64_FORMAT ", 0, 0, 11, 0, 0, 0, '{}', "
    "'{\"10\": {\"id\": 10, \"name\": \"Basic (and reversed card)\", \"type\": 0, \"tmpls\": "
    "[{\"ord\": 0}, {\"ord\": 1}], \"flds\": [{\"name\": \"Front\"}, {\"name\": \"Back\"}]}, "
    "\"20\": {\"id\": 20, \"name\": \"Cloze\", \"type\": 1, \"tmpls\": [{\"ord\": 0}], \"flds\": "
    "[{\"name\": \"Text\"}, {\"name\": \"Back Extra\"}]}}', "
    "'{\"1\": {\"id\": 1, \"name\": \"Default\"}, \"5\": {\"id\": 5, \"name\": "
    "\"Lang::Spanish\"}}',"
    " '{}', '{}');"
    "INSERT INTO notes VALUES (100, 'guidA', 10, 0, 0, ' Vocab ', "
    "'<b>perro</b>' || char(31) || 'dog<br>a pet &amp; friend<script>alert(1)</script>', "
    "'perro', 0, 0, '');"
    "INSERT INTO notes VALUES (200, 'guidB', 20, 0, 0, '', "
    "'{{c1::Madrid}} is the capital of {{c2::Spain::country}}' || char(31) || 'Geography', "
    "'x', 0, 0, '');"
    "INSERT INTO cards VALUES (1000, 100, 5, 0, 0, 0, 2, 2, 13, 7, 2300, 4, 1, 0, 0, 0, 2, '');"
    "INSERT INTO cards VALUES (1001, 100, 5, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '');"
    "INSERT INTO cards VALUES (2000, 200, 5, 0, 0, 0, 0, -1, 2, 0, 0, 0, 0, 0, 0, 0, 0, '');"
    "INSERT INTO cards VALUES (2001, 200, 5, 1, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, '');"
    "INSERT INTO revlog VALUES (%" G_GINT64_FORMAT ", 1000, 0, 3, 1, 0, 2500, 4000, 0);"
    "INSERT INTO revlog VALUES (%" G_GINT64_FORMAT ", 1000, 0, 1, 1, 3, 2300, 9000, 1);"
    "INSERT INTO revlog VALUES (%" G_GINT64_FORMAT ", 1000, 0, 4, 7, 1, 2300, 5000, 1);",
    now - 10 * 86400, (now - 9 * 86400) * 1000, (now - 6 * 86400) * 1000,
    (now - 4 * 86400) * 1000);
}

static FlashCard *
card_with_key (FlashTestStore *fx,
               const char     *question)
{
  gint64 id = flash_test_store_card_id (fx, question);

  g_assert_cmpint (id, >, 0);
  return flash_store_get_card (fx->store, id, NULL);
}

/* A package as other Anki tooling writes it: reversed cards, cloze deletions, HTML, a schedule,
 * a suspended card, media, and the log; reading it again keeps what was reviewed here. */
static void
test_import_schema11 (FlashTestStore *fx,
                      gconstpointer   data)
{
  gint64 now = g_date_time_to_unix (fx->now);
  g_autofree char *sql = schema11_sql (now);
  g_autofree char *db_path = g_build_filename (fx->dir, "c.anki2", NULL);
  g_autofree char *package_path = g_build_filename (fx->dir, "spanish.apkg", NULL);
  g_autoptr(GBytes) db = make_database (db_path, sql);
  const char *names[] = { "collection.anki2", "media", "0", "1" };
  const char *contents[] = { g_bytes_get_data (db, NULL), "{\"0\": \"a.jpg\", \"1\": \"b.mp3\"}",
                             "jpeg", "mp3" };
  const gssize sizes[] = { (gssize) g_bytes_get_size (db), -1, -1, -1 };
  g_autoptr(FlashAnkiPackage) package = NULL;
  g_autoptr(GArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashCard) perro = NULL;
  g_autoptr(FlashCard) dog = NULL;
  g_autoptr(FlashCard) madrid = NULL;
  g_autoptr(FlashCard) spain = NULL;
  FlashDay today = flash_store_day_for (fx->store, fx->now);

  write_zip (package_path, 4, names, contents, sizes);
  package = flash_anki_read (package_path, fx->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (package->media, ==, 2);
  g_assert_cmpstr (package->collection, ==, "collection.anki2");
  g_assert_true (flash_store_import_anki (fx->store, package, fx->now, &results, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (g_array_index (results, FlashImportResult, 0).deck_name, ==, "Lang");
  g_assert_cmpuint (g_array_index (results, FlashImportResult, 0).added, ==, 4);

  perro = card_with_key (fx, "**perro**");
  g_assert_cmpstr (perro->answer, ==, "dog\na pet & friend");
  g_assert_cmpstr (perro->context, ==, "Lang › Spanish");
  g_assert_cmpstr (perro->tags, ==, "vocab");
  /* Reviewed in Anki: a review due in 3 days (due 13, Anki's day 10), 7 days, EF 2.3, its log
   * of three answers (Good, Again, Easy) as 4, 1, 5 on Flashsheet's scale, flag 2. */
  g_assert_false (perro->is_new);
  g_assert_cmpint (perro->due_day, ==, today + 3);
  g_assert_cmpint (perro->sm2.interval, ==, 7);
  g_assert_cmpfloat_with_epsilon (perro->sm2.ef, 2.3, 1e-9);
  g_assert_cmpint (perro->lapses, ==, 1);
  g_assert_cmpint (perro->flag, ==, 2);
  {
    g_autoptr(GPtrArray) log = flash_store_card_log (fx->store, perro->id, 10, NULL);

    g_assert_cmpuint (log->len, ==, 3);
    g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (log, 0))->grade, ==, 5);
    g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (log, 1))->grade, ==, 1);
    g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (log, 2))->grade, ==, 4);
  }

  /* The reversed card asks the back; cloze numbers make a card each, the other shown. */
  dog = card_with_key (fx, "dog\na pet & friend");
  g_assert_cmpstr (dog->answer, ==, "**perro**");
  g_assert_true (dog->is_new);
  madrid = card_with_key (fx, "[...] is the capital of Spain");
  g_assert_cmpstr (madrid->answer, ==, "**Madrid** is the capital of Spain\n\nGeography");
  g_assert_true (madrid->suspended);
  spain = card_with_key (fx, "Madrid is the capital of [country]");

  /* The history an import brought is not undone as if it were a grade given here. */
  g_assert_false (flash_store_undo_last (fx->store, NULL, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Read again after a review here: nothing new, the review kept, no log twice. */
  flash_test_store_grade (fx, dog->id, FLASH_GRADE_GOOD);
  g_clear_pointer (&results, g_array_unref);
  g_assert_true (flash_store_import_anki (fx->store, package, fx->now, &results, &error));
  g_assert_cmpuint (g_array_index (results, FlashImportResult, 0).added, ==, 0);
  g_assert_cmpuint (g_array_index (results, FlashImportResult, 0).unchanged, ==, 4);
  {
    g_autoptr(GPtrArray) log = flash_store_card_log (fx->store, perro->id, 10, NULL);
    g_autoptr(GPtrArray) dog_log = flash_store_card_log (fx->store, dog->id, 10, NULL);

    g_assert_cmpuint (log->len, ==, 3);
    g_assert_cmpuint (dog_log->len, ==, 1);
  }
}

/* Export, then import into another collection: the same cards, schedules and log. */
static void
test_round_trip (FlashTestStore *fx,
                 gconstpointer   data)
{
  g_autofree char *path = flash_test_store_write (fx, "tools.md", sheet);
  g_autofree char *package_path = g_build_filename (fx->dir, "tools.apkg", NULL);
  g_autofree char *other_path = g_build_filename (fx->dir, "other.db", NULL);
  g_autoptr(FlashAnkiPackage) package = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) log_before = NULL;
  g_autoptr(GPtrArray) log_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = g_date_time_add_days (fx->now, 1);
  FlashStore *other;
  gint64 stash;

  flash_test_store_import (fx, path, NULL);
  stash = flash_test_store_card_id (fx, "What does `git stash` do?");
  flash_test_store_grade (fx, stash, FLASH_GRADE_GOOD);
  g_assert_true (flash_store_record_review (fx->store, stash, FLASH_GRADE_EASY, later, 0, NULL,
                                            &error));
  g_assert_true (flash_anki_export (fx->store, 0, package_path, later, &error));
  package = flash_anki_read (package_path, later, &error);
  g_assert_no_error (error);
  other = flash_store_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_import_anki (other, package, later, NULL, &error));
  g_assert_no_error (error);

  before = flash_store_list_cards (fx->store, 0, NULL);
  after = flash_store_list_cards (other, 0, NULL);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      const FlashCard *a = g_ptr_array_index (before, i);
      const FlashCard *b = g_ptr_array_index (after, i);

      g_assert_cmpstr (a->question, ==, b->question);
      g_assert_cmpstr (a->answer, ==, b->answer);
      g_assert_cmpstr (a->context, ==, b->context);
      g_assert_cmpint (a->is_new, ==, b->is_new);
      g_assert_cmpint (a->due_day, ==, b->due_day);
      g_assert_cmpint (a->sm2.interval, ==, b->sm2.interval);
      g_assert_cmpfloat_with_epsilon (a->sm2.ef, b->sm2.ef, 1e-3);
    }
  log_before = flash_store_list_log (fx->store, 0, NULL);
  log_after = flash_store_list_log (other, 0, NULL);
  g_assert_cmpuint (log_before->len, ==, 2);
  g_assert_cmpuint (log_after->len, ==, 2);
  for (guint i = 0; i < log_before->len; i++)
    {
      const FlashLogEntry *a = g_ptr_array_index (log_before, i);
      const FlashLogEntry *b = g_ptr_array_index (log_after, i);

      g_assert_cmpint (a->time, ==, b->time);
      g_assert_cmpint (a->grade, ==, b->grade);
      g_assert_cmpint (a->interval_after, ==, b->interval_after);
    }
  flash_store_close (other);
}

/* Bad packages are refused with a clear error and change nothing. */
static void
test_hostile (FlashTestStore *fx,
              gconstpointer   data)
{
  gint64 now = g_date_time_to_unix (fx->now);
  g_autofree char *sql = schema11_sql (now);
  g_autofree char *db_path = g_build_filename (fx->dir, "c.anki2", NULL);
  g_autofree char *trigger_path = g_build_filename (fx->dir, "t.anki2", NULL);
  g_autofree char *trigger_sql = g_strconcat (sql, "CREATE TRIGGER t AFTER INSERT ON notes BEGIN "
                                              "DELETE FROM cards; END;", NULL);
  g_autoptr(GBytes) db = make_database (db_path, sql);
  g_autoptr(GBytes) trigger_db = make_database (trigger_path, trigger_sql);
  g_autofree char *zeros = g_malloc0 (40 << 20);
  g_autofree char *junk = g_build_filename (fx->dir, "junk.apkg", NULL);
  const struct { const char *name; const char *entry; const char *data; gssize size;
                 const char *why; } cases[] = {
    { "traversal.apkg", "../collection.anki2", g_bytes_get_data (db, NULL),
      (gssize) g_bytes_get_size (db), "leaves the package" },
    { "nested.apkg", "dir/collection.anki2", g_bytes_get_data (db, NULL),
      (gssize) g_bytes_get_size (db), "leaves the package" },
    { "other.apkg", "readme.txt", "hello", -1, "holds no Anki collection" },
    { "trigger.apkg", "collection.anki2", g_bytes_get_data (trigger_db, NULL),
      (gssize) g_bytes_get_size (trigger_db), "triggers or views" },
    { "damaged.apkg", "collection.anki2", "SQLite format 3\\0garbage garbage garbage", 40,
      "damaged" },
    { "bomb.apkg", "collection.anki2", zeros, 40 << 20, "zip bomb" },
  };

  g_assert_true (g_file_set_contents (junk, "not a zip at all", -1, NULL));
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (flash_anki_read (junk, fx->now, &error));
    g_assert_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "not a zip file"));
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fx->dir, cases[i].name, NULL);
      g_autoptr(GError) error = NULL;

      write_zip (path, 1, &cases[i].entry, &cases[i].data, &cases[i].size);
      g_assert_null (flash_anki_read (path, fx->now, &error));
      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "(none)");
      g_assert_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].why));
    }
  g_assert_true (flash_store_is_empty (fx->store));
}

/* A package shaped like current Anki's: collection.anki21b (zstd, schema 18: note types, fields,
 * templates and decks in tables of their own, deck names split by 0x1f) beside a decoy
 * collection.anki2 whose one note asks to update Anki, and a meta entry saying which to read. */
static void
test_import_anki21b (FlashTestStore *fx,
                     gconstpointer   data)
{
  gint64 now = g_date_time_to_unix (fx->now);
  g_autofree char *modern_path = g_build_filename (fx->dir, "modern.db", NULL);
  g_autofree char *decoy_path = g_build_filename (fx->dir, "decoy.db", NULL);
  g_autofree char *package_path = g_build_filename (fx->dir, "modern.apkg", NULL);
  g_autofree char *modern_sql = g_strdup_printf (
    ANKI_TABLES
    "INSERT INTO col VALUES (1, %" G_GINT64_FORMAT ", 0, 0, 18, 0, 0, 0, '', '', '', '', '');"
    "CREATE TABLE notetypes (id integer not null primary key, name text not null, mtime_secs "
    "integer not null, usn integer not null, config blob not null);"
    "CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null, config "
    "blob not null, primary key (ntid, ord)) without rowid;"
    "CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null, "
    "mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, "
    "ord)) without rowid;"
    "CREATE TABLE decks (id integer primary key not null, name text not null, mtime_secs integer "
    "not null, usn integer not null, common blob not null, kind blob not null);"
    "INSERT INTO notetypes VALUES (1, 'Basic', 0, 0, x'0800');"
    "INSERT INTO notetypes VALUES (2, 'Cloze', 0, 0, x'0801');"
    "INSERT INTO fields VALUES (1, 0, 'Front', x''), (1, 1, 'Back', x''), (2, 0, 'Text', x''), "
    "(2, 1, 'Back Extra', x'');"
    "INSERT INTO templates VALUES (1, 0, 'Card 1', 0, 0, x''), (2, 0, 'Cloze', 0, 0, x'');"
    "INSERT INTO decks VALUES (1, 'Default', 0, 0, x'', x''), (7, 'Rust' || char(31) || "
    "'Ownership', 0, 0, x'', x'');"
    "INSERT INTO notes VALUES (1, 'g1', 1, 0, 0, '', 'What moves a value?' || char(31) || "
    "'Assignment <i>without</i> <code>Copy</code>', '', 0, 0, '');"
    "INSERT INTO notes VALUES (2, 'g2', 2, 0, 0, '', 'A value has {{c1::one}} owner' || char(31), "
    "'', 0, 0, '');"
    "INSERT INTO cards VALUES (10, 1, 7, 0, 0, 0, 2, 2, 12, 4, 2500, 3, 0, 0, 0, 0, 0, "
    "'{\"s\":4.5,\"d\":5.25}');"
    "INSERT INTO cards VALUES (20, 2, 7, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '');",
    now - 10 * 86400);
  g_autoptr(GBytes) modern = make_database (modern_path, modern_sql);
  g_autofree char *decoy_sql = schema11_sql (now);
  g_autoptr(GBytes) decoy = make_database (decoy_path, decoy_sql);
  gsize bound = ZSTD_compressBound (g_bytes_get_size (modern));
  g_autofree char *packed = g_malloc (bound);
  gsize packed_size = ZSTD_compress (packed, bound, g_bytes_get_data (modern, NULL),
                                     g_bytes_get_size (modern), 3);
  const char *names[] = { "collection.anki2", "collection.anki21b", "meta", "media" };
  const char *contents[] = { g_bytes_get_data (decoy, NULL), packed, "\x08\x03", "" };
  const gssize sizes[] = { (gssize) g_bytes_get_size (decoy), (gssize) packed_size, 2, 0 };
  g_autoptr(FlashAnkiPackage) package = NULL;
  g_autoptr(GArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashCard) moves = NULL;
  g_autoptr(FlashCard) owner = NULL;

  g_assert_false (ZSTD_isError (packed_size));
  write_zip (package_path, 4, names, contents, sizes);
  package = flash_anki_read (package_path, fx->now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (package->collection, ==, "collection.anki21b");
  g_assert_true (flash_store_import_anki (fx->store, package, fx->now, &results, &error));
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (g_array_index (results, FlashImportResult, 0).deck_name, ==, "Rust");
  /* Nothing of the decoy's. */
  g_assert_cmpint (flash_test_store_card_id (fx, "**perro**"), ==, 0);

  moves = card_with_key (fx, "What moves a value?");
  g_assert_cmpstr (moves->answer, ==, "Assignment *without* `Copy`");
  g_assert_cmpstr (moves->context, ==, "Rust › Ownership");
  g_assert_cmpint (moves->sm2.interval, ==, 4);
  g_assert_cmpint (moves->due_day, ==, flash_store_day_for (fx->store, fx->now) + 2);
  g_assert_cmpfloat_with_epsilon (moves->fsrs.stability, 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (moves->fsrs.difficulty, 5.25, 1e-9);
  owner = card_with_key (fx, "A value has [...] owner");
  g_assert_cmpstr (owner->answer, ==, "A value has **one** owner");
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
  ADD ("/anki/import-schema11", test_import_schema11);
  ADD ("/anki/round-trip", test_round_trip);
  ADD ("/anki/hostile", test_hostile);
  ADD ("/anki/import-anki21b", test_import_anki21b);
#undef ADD
  g_test_add_func ("/anki/checksum-and-guid", test_checksum_and_guid);
  g_test_add_func ("/anki/html-and-cloze", test_html_and_cloze);
  return g_test_run ();
}
