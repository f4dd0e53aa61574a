/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the collection: imports and re-imports, history, migrations, refusals. */
#include "flash-test-util.h"
#include "flash-test-collection.h"
#include "flash-test-store.h"
#include "flash-backup.h"
#include "flash-store.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

typedef FlashTestStore Fixture;

static guint
log_length (Fixture *fx)
{
  g_autoptr(GPtrArray) log = flash_store_list_log (fx->store, 0, NULL);

  return log->len;
}

static const char deck_v1[] =
  "# Deck\n\n## Section\n\n### Alpha\n\nFirst answer.\n\n### Beta\n\nSecond answer.\n\n"
  "### Gamma\n\nThird answer.\n\n### Delta\n\nFourth answer.\n";

static void
test_import (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", deck_v1);
  FlashImportResult result = { 0 };
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(FlashCard) card = NULL;

  g_assert_true (flash_store_is_empty (fx->store));
  flash_test_store_import (fx, path, &result);
  g_assert_cmpstr (result.deck_name, ==, "Deck");
  g_assert_cmpuint (result.total, ==, 4);
  g_assert_cmpuint (result.added, ==, 4);
  g_assert_cmpuint (result.updated + result.unchanged + result.retired, ==, 0);
  flash_import_result_clear (&result);
  g_assert_false (flash_store_is_empty (fx->store));

  decks = flash_store_list_decks (fx->store, fx->now, NULL);
  g_assert_cmpuint (decks->len, ==, 1);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->total, ==, 4);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->new_today, ==, 4);

  card = flash_store_get_card (fx->store, flash_test_store_card_id (fx, "Beta"), NULL);
  g_assert_cmpstr (card->answer, ==, "Second answer.");
  g_assert_cmpstr (card->context, ==, "Deck › Section");
  g_assert_true (card->is_new);

  /* The same file again changes nothing. */
  flash_test_store_import (fx, path, &result);
  g_assert_cmpuint (result.unchanged, ==, 4);
  g_assert_cmpuint (result.added + result.updated + result.retired, ==, 0);
  flash_import_result_clear (&result);
}

/* Re-importing a changed file updates in place, follows renames and retires removed items, and
 * never loses review history. */
static void
test_reimport_keeps_history (Fixture       *fx,
                             gconstpointer  data)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", deck_v1);
  FlashImportResult result = { 0 };
  gint64 alpha, beta, gamma, delta;
  g_autoptr(FlashCard) card = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GError) error = NULL;

  flash_test_store_import (fx, path, NULL);
  alpha = flash_test_store_card_id (fx, "Alpha");
  beta = flash_test_store_card_id (fx, "Beta");
  gamma = flash_test_store_card_id (fx, "Gamma");
  delta = flash_test_store_card_id (fx, "Delta");
  flash_test_store_grade (fx, alpha, 5);
  flash_test_store_grade (fx, beta, 4);
  flash_test_store_grade (fx, gamma, 5);
  flash_test_store_grade (fx, delta, 5);

  /* Alpha's answer changes, Beta is renamed, Gamma is removed, Epsilon is new. */
  g_file_set_contents (path,
                       "# Deck\n\n## Section\n\n### Alpha\n\nFirst answer, revised.\n\n"
                       "### Beta renamed\n\nSecond answer.\n\n### Delta\n\nFourth answer.\n\n"
                       "### Epsilon\n\nFifth answer.\n", -1, NULL);
  flash_test_store_import (fx, path, &result);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpuint (result.unchanged, ==, 1);
  g_assert_cmpuint (result.retired, ==, 1);
  g_assert_cmpuint (result.total, ==, 4);
  flash_import_result_clear (&result);

  card = flash_store_get_card (fx->store, alpha, NULL);
  g_assert_cmpstr (card->answer, ==, "First answer, revised.");
  g_assert_false (card->is_new);
  g_assert_cmpint (card->sm2.reps, ==, 1);
  g_clear_pointer (&card, flash_card_free);

  card = flash_store_get_card (fx->store, beta, NULL);
  g_assert_cmpstr (card->question, ==, "Beta renamed");
  g_assert_cmpint (card->sm2.reps, ==, 1);
  g_clear_pointer (&card, flash_card_free);

  card = flash_store_get_card (fx->store, gamma, &error);
  g_assert_no_error (error);
  g_assert_true (card->retired);
  g_clear_pointer (&card, flash_card_free);

  /* Retired cards leave study but keep their history. */
  active = flash_store_list_cards (fx->store, 0, NULL);
  g_assert_cmpuint (active->len, ==, 4);
  g_assert_cmpuint (log_length (fx), ==, 4);
  g_assert_cmpint (flash_test_store_card_id (fx, "Gamma"), ==, 0);
  {
    g_autoptr(GPtrArray) decks = flash_store_list_decks (fx->store, fx->now, NULL);
    FlashDeckInfo *info = decks->pdata[0];

    /* Four active cards, of which only Epsilon was never reviewed; all four reviews count. */
    g_assert_cmpuint (info->total, ==, 4);
    g_assert_cmpuint (info->new_cards, ==, 1);
    g_assert_cmpuint (info->reviews, ==, 4);
  }

  /* Bringing Gamma back revives the same card. */
  g_file_set_contents (path, deck_v1, -1, NULL);
  flash_test_store_import (fx, path, &result);
  g_assert_cmpint (flash_test_store_card_id (fx, "Gamma"), ==, gamma);
  g_assert_cmpint (flash_test_store_card_id (fx, "Beta"), ==, beta);
  g_assert_cmpuint (result.retired, ==, 1); /* Epsilon */
  flash_import_result_clear (&result);
}

static void
test_bad_import_changes_nothing (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autofree char *good = flash_test_store_write (fx, "good.md", deck_v1);
  g_autofree char *bad = flash_test_store_write (fx, "bad.md",
                                                 "# Deck\n\n## Item\n\nOK\n\n## Other\n\n"
                                                 "\xff\xfe broken\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  flash_test_store_import (fx, good, NULL);
  /* Overwrite the good file with bad bytes: the re-import must fail and keep the old cards. */
  g_file_set_contents (good, "# Deck\n\n## Alpha\n\n\xc3\x28\n", -1, NULL);
  g_assert_false (flash_store_import_file (fx->store, good, NULL, &error));
  g_assert_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_UTF8);
  g_clear_error (&error);
  g_assert_false (flash_store_import_file (fx->store, bad, NULL, &error));
  g_assert_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_UTF8);
  cards = flash_store_list_cards (fx->store, 0, NULL);
  g_assert_cmpuint (cards->len, ==, 4);
}

/* A failure in the middle of an import rolls the whole file back. */
static void
test_import_is_atomic (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(FlashSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  sqlite3 *db;

  /* A trigger in a second connection makes the 3rd card insert fail. */
  g_assert_cmpint (sqlite3_open (fx->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER boom BEFORE INSERT ON cards "
                                     "WHEN NEW.position = 2 BEGIN SELECT RAISE(ABORT, 'boom'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sheet = flash_sheet_parse (deck_v1, -1, "/x/deck.md", &error);
  g_assert_no_error (error);
  g_assert_false (flash_store_import_sheet (fx->store, sheet, NULL, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_FAILED);
  decks = flash_store_list_decks (fx->store, fx->now, NULL);
  g_assert_cmpuint (decks->len, ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER boom", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_clear_error (&error);
  g_assert_true (flash_store_import_sheet (fx->store, sheet, NULL, &error));
  g_assert_no_error (error);
}

static void
test_delete_deck (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", deck_v1);
  g_autofree char *other = flash_test_store_write (fx, "other.md", "# Other\n\n## One\n\nText.\n");
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(GError) error = NULL;
  FlashImportResult result = { 0 };
  FlashDeckInfo *info;

  flash_test_store_import (fx, path, &result);
  flash_test_store_import (fx, other, NULL);
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Alpha"), 4);
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "One"), 4);

  decks = flash_store_list_decks (fx->store, fx->now, NULL);
  g_assert_cmpuint (decks->len, ==, 2);
  info = decks->pdata[0];
  g_assert_cmpstr (info->name, ==, "Deck");
  g_assert_cmpuint (info->total, ==, 4);
  g_assert_cmpuint (info->reviews, ==, 1);
  g_assert_cmpint (flash_store_find_deck (fx->store, "Deck", NULL), ==, result.deck_id);

  g_assert_true (flash_store_delete_deck (fx->store, result.deck_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&decks, g_ptr_array_unref);
  decks = flash_store_list_decks (fx->store, fx->now, NULL);
  g_assert_cmpuint (decks->len, ==, 1);
  g_assert_cmpuint (log_length (fx), ==, 1);
  g_assert_cmpint (flash_store_find_deck (fx->store, "Deck", &error), ==, 0);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  flash_import_result_clear (&result);
}

static void
test_limits_persist (Fixture       *fx,
                     gconstpointer  data)
{
  FlashLimits limits;
  FlashLimits bad = { -1, 5, 4 };
  g_autoptr(GError) error = NULL;

  flash_store_get_limits (fx->store, &limits);
  g_assert_cmpint (limits.new_per_day, ==, 20);
  g_assert_cmpint (limits.reviews_per_day, ==, 200);
  g_assert_cmpint (limits.day_start_hour, ==, 4);

  limits.new_per_day = 7;
  limits.day_start_hour = 6;
  g_assert_true (flash_store_set_limits (fx->store, &limits, &error));
  g_assert_false (flash_store_set_limits (fx->store, &bad, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);

  flash_store_close (fx->store);
  fx->store = flash_store_open (fx->db_path, NULL);
  flash_store_get_limits (fx->store, &limits);
  g_assert_cmpint (limits.new_per_day, ==, 7);
  g_assert_cmpint (limits.day_start_hour, ==, 6);
}

static char *
sha_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
}

static void
test_migrations (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *newer = g_build_filename (fx->dir, "newer.db", NULL);
  g_autofree char *not_db = g_build_filename (fx->dir, "notes.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  FlashStore *store;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  /* A fresh collection is created at the current schema version. */
  g_assert_cmpint (sqlite3_open (fx->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, FLASH_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* A collection from a newer Flashsheet is refused and left byte for byte as it was. */
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  before = sha_of_file (newer);
  store = flash_store_open (newer, &error);
  g_assert_null (store);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  after = sha_of_file (newer);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* A file that is not a database is refused without change. */
  g_file_set_contents (not_db, "these are my notes, not a database\n", -1, NULL);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = sha_of_file (not_db);
  store = flash_store_open (not_db, &error);
  g_assert_null (store);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE);
  after = sha_of_file (not_db);
  g_assert_cmpstr (before, ==, after);
}

/* The deck list's new-card count (kept by the store) against the cards counted one by one. */
static void
assert_new_cards_counted (Fixture *fx)
{
  g_autoptr(GPtrArray) decks = flash_store_list_decks (fx->store, fx->now, NULL);
  g_autoptr(GPtrArray) cards = flash_store_list_cards (fx->store, 0, NULL);
  FlashStats stats;
  guint all = 0;

  for (guint i = 0; i < decks->len; i++)
    {
      FlashDeckInfo *deck = g_ptr_array_index (decks, i);
      guint counted = 0;

      for (guint j = 0; j < cards->len; j++)
        {
          FlashCard *card = g_ptr_array_index (cards, j);

          counted += card->deck_id == deck->id && card->is_new;
        }
      g_assert_cmpuint (deck->new_cards, ==, counted);
      all += counted;
    }
  g_assert_true (flash_store_get_stats (fx->store, fx->now, &stats, NULL));
  g_assert_cmpuint (stats.new_cards, ==, all);
}

/* Every way a card is added, graded, undone, retired, brought back or deleted keeps each deck's
 * number of new cards. */
static void
test_new_card_counts (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", deck_v1);
  g_autofree char *other = flash_test_store_write (fx, "other.md",
                                                   "# Other\n\n## S\n\n### Zeta\n\nZ.\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decks = NULL;

  flash_test_store_import (fx, path, NULL);
  flash_test_store_import (fx, other, NULL);
  assert_new_cards_counted (fx);
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Alpha"), 5);
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Beta"), 1);
  assert_new_cards_counted (fx);
  g_assert_true (flash_store_undo_last (fx->store, NULL, &error));
  g_assert_no_error (error);
  assert_new_cards_counted (fx);

  /* Alpha (reviewed) and Gamma (new) leave the sheet, Epsilon joins; then both come back. */
  g_file_set_contents (path, "# Deck\n\n## Section\n\n### Beta\n\nSecond answer.\n\n"
                             "### Delta\n\nFourth answer.\n\n### Epsilon\n\nFifth.\n", -1, NULL);
  flash_test_store_import (fx, path, NULL);
  assert_new_cards_counted (fx);
  g_file_set_contents (path, deck_v1, -1, NULL);
  flash_test_store_import (fx, path, NULL);
  assert_new_cards_counted (fx);

  decks = flash_store_list_decks (fx->store, fx->now, NULL);
  g_assert_true (flash_store_delete_deck (fx->store, ((FlashDeckInfo *) decks->pdata[0])->id,
                                          &error));
  g_assert_no_error (error);
  assert_new_cards_counted (fx);
}

/* A term that today's rules read longer ("`cut`" became "`cut`, `paste` and `join`") keeps its
 * card and its reviews. */
static void
test_grown_term (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = flash_test_store_write (fx, "terms.md", "# T\n\n## Tools\n\n"
                                      "- `cut` — `paste` and `join`: data manipulation\n"
                                      "- `sort` — order lines\n");
  g_autoptr(GPtrArray) log = NULL;
  FlashImportResult result = { 0 };
  gint64 id;

  flash_test_store_import (fx, path, NULL);
  id = flash_test_store_card_id (fx, "`cut`");
  flash_test_store_grade (fx, id, 4);
  g_file_set_contents (path, "# T\n\n## Tools\n\n- `cut`, `paste` and `join`: data manipulation\n"
                             "- `sort` — order lines\n", -1, NULL);
  flash_test_store_import (fx, path, &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.retired, ==, 0);
  g_assert_cmpint (flash_test_store_card_id (fx, "`cut`, `paste` and `join`"), ==, id);
  log = flash_store_list_log (fx->store, 0, NULL);
  g_assert_cmpuint (log->len, ==, 1);
  flash_import_result_clear (&result);
}

/* A heading card that new rules split into a card per command gives its history to the first
 * command; when the commands are one card again, that card takes it back. */
static void
test_split_and_merge (Fixture       *fx,
                      gconstpointer  data)
{
  static const char commands[] = "```bash\ngit status  # show the working tree state\n"
                                 "git add -p  # stage changes hunk by hunk\n"
                                 "git push  # send commits to the remote\n```\n";
  g_autofree char *whole = g_strconcat ("# Git\n\n## Everyday\n\nThe commands of every day.\n"
                                        "Each says what it does.\n\n", commands, NULL);
  g_autofree char *parts = g_strconcat ("# Git\n\n## Everyday\n\n", commands, NULL);
  g_autofree char *path = flash_test_store_write (fx, "git.md", whole);
  g_autoptr(GPtrArray) log = NULL;
  FlashImportResult result = { 0 };
  gint64 id;

  flash_test_store_import (fx, path, NULL);
  id = flash_test_store_card_id (fx, "Everyday");
  flash_test_store_grade (fx, id, 4);

  g_file_set_contents (path, parts, -1, NULL);
  flash_test_store_import (fx, path, &result);
  g_assert_cmpuint (result.total, ==, 3);
  g_assert_cmpuint (result.split, ==, 1);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.retired, ==, 0);
  g_assert_cmpint (flash_test_store_card_id (fx, "show the working tree state"), ==, id);
  flash_import_result_clear (&result);

  g_file_set_contents (path, whole, -1, NULL);
  flash_test_store_import (fx, path, &result);
  g_assert_cmpuint (result.total, ==, 1);
  g_assert_cmpuint (result.merged, ==, 1);
  g_assert_cmpuint (result.retired, ==, 2);
  g_assert_cmpint (flash_test_store_card_id (fx, "Everyday"), ==, id);
  log = flash_store_list_log (fx->store, 0, NULL);
  g_assert_cmpuint (log->len, ==, 1);
  flash_import_result_clear (&result);
}

/* Undoing an import: a new deck goes again, an updated deck is as it was, reviews included. */
static void
test_undo_import (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", deck_v1);
  g_autofree char *other = flash_test_store_write (fx, "other.md",
                                                   "# Other\n\n## S\n\n### Zeta\n\nZ.\n");
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autofree char *canonical_other = g_canonicalize_filename (other, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FlashDeckSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  flash_test_store_import (fx, path, NULL);
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Alpha"), 4);
  before = flash_test_dump (fx->db_path);

  /* A new deck. */
  snapshot = flash_store_snapshot_deck (fx->store, canonical_other, &error);
  g_assert_no_error (error);
  flash_test_store_import (fx, other, NULL);
  g_assert_true (flash_store_restore_deck (fx->store, snapshot, &error));
  g_assert_no_error (error);
  after = flash_test_dump (fx->db_path);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&snapshot, flash_deck_snapshot_free);
  g_clear_pointer (&after, g_free);

  /* An updated deck: Alpha's answer changed, Beta gone, Omega added. */
  snapshot = flash_store_snapshot_deck (fx->store, canonical, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, "# Deck\n\n## Section\n\n### Alpha\n\nNew answer.\n\n"
                             "### Gamma\n\nThird.\n\n### Omega\n\nLast.\n", -1, NULL);
  flash_test_store_import (fx, path, NULL);
  g_assert_cmpint (flash_test_store_card_id (fx, "Omega"), >, 0);
  g_assert_true (flash_store_restore_deck (fx->store, snapshot, &error));
  g_assert_no_error (error);
  after = flash_test_dump (fx->db_path);
  g_assert_cmpstr (after, ==, before);
}

/* Writes tests/fixtures/@name (SQL a previous version's collection dumps to) into a collection
 * file under the fixture's folder, and returns its path. */
static char *
load_fixture (Fixture    *fx,
              const char *name)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", name, NULL);
  g_autofree char *path = g_build_filename (fx->dir, "old", "collection.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return g_steal_pointer (&path);
}

/* PRAGMA user_version of the file at @path, read apart from any store. */
static int
file_schema_version (const char *path)
{
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int version;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* A collection written by schema version 1 is backed up, then migrated with its history. */
static void
test_migration_from_v1 (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *old_path = load_fixture (fx, "collection-v1.sql");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GDateTime) day2 = flash_clock_parse ("2026-01-11T12:00:00Z", NULL);
  g_autoptr(FlashCard) card = NULL;
  FlashStore *store;

  store = flash_store_open (old_path, &error);
  g_assert_no_error (error);

  /* The version-1 file was copied before the migration touched it. */
  backups = flash_backup_list (old_path);
  g_assert_cmpuint (backups->len, >=, 1);
  g_assert_cmpint (file_schema_version (old_path), ==, FLASH_STORE_SCHEMA_VERSION);

  decks = flash_store_list_decks (store, day2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decks->len, ==, 1);
  g_assert_cmpstr (((FlashDeckInfo *) decks->pdata[0])->name, ==, "Migration Deck");
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->reviews, ==, 3);
  log = flash_store_list_log (store, 0, NULL);
  g_assert_cmpuint (log->len, ==, 3);
  card = flash_store_get_card (store, 1, NULL);
  g_assert_cmpint (card->sm2.reps, ==, 2);
  g_assert_cmpfloat_with_epsilon (card->sm2.ef, 2.6, 1e-9);

  /* One deck's queue reads the migrated schedule: card 2 (Again yesterday) is due today. */
  queue = flash_store_today_queue (store, ((FlashDeckInfo *) decks->pdata[0])->id, day2, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 2);
  g_assert_cmpint (g_array_index (queue, gint64, 0), ==, 2);
  g_assert_cmpint (g_array_index (queue, gint64, 1), ==, 3);
  flash_store_close (store);
}

/* A collection written by schema version 2 (Flashsheet 0.2 before schema 3) is backed up, then
 * migrated: the log's day index gains the grade, and every number it gave is the same. */
static void
test_migration_from_v2 (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *old_path = load_fixture (fx, "collection-v2.sql");
  g_autoptr(GDateTime) day2 = flash_clock_parse ("2026-01-11T12:00:00Z", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  FlashStats stats;
  sqlite3_stmt *stmt;
  FlashStore *store;
  sqlite3 *db;

  g_assert_cmpint (file_schema_version (old_path), ==, 2);
  store = flash_store_open (old_path, &error);
  g_assert_no_error (error);
  backups = flash_backup_list (old_path);
  g_assert_cmpuint (backups->len, >=, 1);
  g_assert_cmpint (file_schema_version (old_path), ==, FLASH_STORE_SCHEMA_VERSION);

  /* The figures version 2 printed for this file on that day (flashsheet-cli stats). */
  g_assert_true (flash_store_get_stats (store, day2, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.decks, ==, 1);
  g_assert_cmpuint (stats.cards, ==, 3);
  g_assert_cmpuint (stats.new_cards, ==, 1);
  g_assert_cmpuint (stats.reviews_total, ==, 4);
  g_assert_cmpuint (stats.reviews_today, ==, 2);
  g_assert_cmpuint (stats.due_today, ==, 0);
  g_assert_cmpuint (stats.due_tomorrow, ==, 1);
  g_assert_cmpfloat_with_epsilon (stats.retention_30d, 1.0, 1e-9);
  g_assert_cmpuint (stats.streak, ==, 2);
  log = flash_store_list_log (store, 0, NULL);
  g_assert_cmpuint (log->len, ==, 4);
  queue = flash_store_today_queue (store, 0, day2, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpint (g_array_index (queue, gint64, 0), ==, 3);

  /* The retention's count reads the index alone. */
  g_assert_cmpint (sqlite3_open (old_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM review_log "
                                       "WHERE day > 1 AND kind = 1 AND grade >= 3", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append (plan, (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (strstr (plan->str, "COVERING INDEX review_log_day"));
  flash_store_close (store);
}

/* The day totals of the collection at @path (schema 4) hold what its log says, day by day; returns
 * the number of days with a row. */
#define LOG_DAYS "SELECT day, COUNT(*), TOTAL(kind = 0), TOTAL(kind = 1), " \
  "TOTAL(kind = 1 AND grade >= 3), TOTAL(answer_ms) FROM review_log GROUP BY day"
#define DAY_ROWS "SELECT day, entries, new, reviews, recalled, answer_ms FROM review_days"
static int
assert_day_totals (const char *path)
{
  sqlite3_stmt *stmt;
  sqlite3 *db;
  int days;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT COUNT(*) FROM (" LOG_DAYS " EXCEPT "
                                       DAY_ROWS ")), (SELECT COUNT(*) FROM (" DAY_ROWS " EXCEPT "
                                       LOG_DAYS ")), (SELECT COUNT(*) FROM review_days)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  days = sqlite3_column_int (stmt, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return days;
}
#undef LOG_DAYS
#undef DAY_ROWS

/* A schema-3 collection, written by the CLI of that version on 2026-01-12 (a review and a new card
 * that repeats that day), migrated: the day totals are built from the log, and every number the
 * CLI printed that day is the same. */
static void
test_migration_from_v3 (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *old_path = load_fixture (fx, "collection-v3.sql");
  g_autoptr(GDateTime) day3 = flash_clock_parse ("2026-01-12T10:02:00Z", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GArray) queue = NULL;
  FlashDayCounts counts;
  FlashStats stats;
  FlashStore *store;

  g_assert_cmpint (file_schema_version (old_path), ==, 3);
  store = flash_store_open (old_path, &error);
  g_assert_no_error (error);
  backups = flash_backup_list (old_path);
  g_assert_cmpuint (backups->len, >=, 1);
  g_assert_cmpint (file_schema_version (old_path), ==, FLASH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (assert_day_totals (old_path), ==, 3);

  /* flashsheet-cli stats of version 3 on that day. */
  g_assert_true (flash_store_get_stats (store, day3, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.cards, ==, 3);
  g_assert_cmpuint (stats.new_cards, ==, 0);
  g_assert_cmpuint (stats.reviews_total, ==, 6);
  g_assert_cmpuint (stats.reviews_today, ==, 2);
  g_assert_cmpuint (stats.due_today, ==, 1);
  g_assert_cmpuint (stats.due_tomorrow, ==, 1);
  g_assert_cmpfloat_with_epsilon (stats.retention_30d, 1.0, 1e-9);
  g_assert_cmpuint (stats.streak, ==, 3);
  /* Its queue: the repeat of card 3; its budget: one new card and one review done. */
  queue = flash_store_today_queue (store, 0, day3, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpint (g_array_index (queue, gint64, 0), ==, 3);
  g_assert_true (flash_store_today_counts (store, 0, day3, &counts, &error));
  g_assert_cmpuint (counts.done_today, ==, 2);
  g_assert_cmpuint (counts.learning, ==, 1);
  flash_store_close (store);
}

/* A collection the schema-4 CLI wrote: every figure that CLI printed on its last day is the same
 * after the migration, and grading and undo work on the new columns. */
static void
test_migration_from_v4 (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *old_path = load_fixture (fx, "collection-v4.sql");
  g_autoptr(GDateTime) day4 = flash_clock_parse ("2026-01-13T09:02:00Z", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GArray) queue = NULL;
  FlashStats stats;
  FlashStore *store;
  gint64 undone = 0;

  g_assert_cmpint (file_schema_version (old_path), ==, 4);
  store = flash_store_open (old_path, &error);
  g_assert_no_error (error);
  backups = flash_backup_list (old_path);
  g_assert_cmpuint (backups->len, >=, 1);
  g_assert_cmpint (file_schema_version (old_path), ==, FLASH_STORE_SCHEMA_VERSION);

  /* flashsheet-cli stats of version 4 on that day. */
  g_assert_true (flash_store_get_stats (store, day4, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.cards, ==, 3);
  g_assert_cmpuint (stats.new_cards, ==, 0);
  g_assert_cmpuint (stats.reviews_total, ==, 8);
  g_assert_cmpuint (stats.reviews_today, ==, 2);
  g_assert_cmpuint (stats.due_today, ==, 1);
  g_assert_cmpuint (stats.due_tomorrow, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.retention_30d, 0.8, 1e-9);
  g_assert_cmpuint (stats.streak, ==, 4);
  /* Its queue: the repeat of card 1, which a grade and its undo leave as it was. */
  queue = flash_store_today_queue (store, 0, day4, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpint (g_array_index (queue, gint64, 0), ==, 1);
  g_assert_true (flash_store_record_review (store, 1, 4, day4, 500, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (flash_store_undo_last (store, &undone, &error));
  g_assert_cmpint (undone, ==, 1);
  g_clear_pointer (&queue, g_array_unref);
  queue = flash_store_today_queue (store, 0, day4, 0, &error);
  g_assert_cmpuint (queue->len, ==, 1);
  flash_store_close (store);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT COUNT(*) FROM cards WHERE bury_day > 0"),
                   ==, 0);
}

/* Grading, a repeat, undo and deleting a deck keep the day totals, and the budget, the streak and
 * the retention read from them follow. */
static void
test_day_totals (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", deck_v1);
  g_autofree char *other = flash_test_store_write (fx, "other.md",
                                                   "# Other\n\n## S\n\n### Zeta\n\nZ.\n");
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (fx->now, -1);
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (fx->now, -3);
  g_autoptr(GError) error = NULL;
  FlashDayCounts counts;
  FlashStats stats;

  flash_test_store_import (fx, path, NULL);
  flash_test_store_import (fx, other, NULL);
  g_assert_cmpint (assert_day_totals (fx->db_path), ==, 0);
  g_assert_true (flash_store_record_review (fx->store, flash_test_store_card_id (fx, "Gamma"), 4,
                                            long_ago, 500, NULL, &error));
  g_assert_true (flash_store_record_review (fx->store, flash_test_store_card_id (fx, "Alpha"), 5,
                                            yesterday, 500, NULL, &error));
  /* Gamma's first scheduled review, forgotten. */
  g_assert_true (flash_store_record_review (fx->store, flash_test_store_card_id (fx, "Gamma"), 2,
                                            yesterday, 500, NULL, &error));
  g_assert_no_error (error);
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Beta"), 1);
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Zeta"), 4);
  g_assert_cmpint (assert_day_totals (fx->db_path), ==, 3);
  g_assert_true (flash_store_get_stats (fx->store, fx->now, &stats, &error));
  g_assert_cmpuint (stats.reviews_today, ==, 2);
  g_assert_cmpuint (stats.streak, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.retention_30d, 0.0, 1e-9);
  g_assert_true (flash_store_today_counts (fx->store, 0, fx->now, &counts, &error));
  g_assert_cmpuint (counts.done_today, ==, 2);
  g_assert_cmpuint (counts.learning, ==, 1);

  /* The repeat of Beta, then undoing it and Zeta. */
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Beta"), 4);
  g_assert_cmpint (assert_day_totals (fx->db_path), ==, 3);
  g_assert_true (flash_store_undo_last (fx->store, NULL, &error));
  g_assert_true (flash_store_undo_last (fx->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_day_totals (fx->db_path), ==, 3);
  g_assert_true (flash_store_get_stats (fx->store, fx->now, &stats, &error));
  g_assert_cmpuint (stats.reviews_today, ==, 1);

  /* A day whose entries all go loses its row: the streak then counts from yesterday. */
  g_assert_true (flash_store_undo_last (fx->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_day_totals (fx->db_path), ==, 2);
  g_assert_true (flash_store_get_stats (fx->store, fx->now, &stats, &error));
  g_assert_cmpuint (stats.reviews_today, ==, 0);
  g_assert_cmpuint (stats.streak, ==, 1);

  /* Deleting the deck deletes its log, and the log's deletes keep the totals. */
  g_assert_true (flash_store_delete_deck (fx->store, flash_store_find_deck (fx->store, "Deck", NULL),
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_day_totals (fx->db_path), ==, 0);
  g_assert_true (flash_store_get_stats (fx->store, fx->now, &stats, &error));
  g_assert_cmpuint (stats.streak, ==, 0);
  g_assert_cmpfloat (stats.retention_30d, <, 0.0);
}

/* A collection big enough that damage in its middle misses the pages read on open. */
static char *
make_big_collection (Fixture *fx)
{
  g_autofree char *path = g_build_filename (fx->dir, "big", "collection.db", NULL);
  g_autoptr(FlashSheet) sheet = NULL;
  GString *text = g_string_new ("# Big\n\n");
  FlashStore *store;

  for (int i = 0; i < 1500; i++)
    g_string_append_printf (text, "## Item %d\n\n%d %s\n\n", i, i,
                            "A long enough answer to fill the pages of the collection file. "
                            "A long enough answer to fill the pages of the collection file.");
  sheet = flash_sheet_parse (text->str, -1, "/big.md", NULL);
  g_string_free (text, TRUE);
  store = flash_store_open (path, NULL);
  g_assert_true (flash_store_import_sheet (store, sheet, NULL, NULL));
  flash_store_close (store);
  return g_steal_pointer (&path);
}

/* The app opens large collections with the health check in a thread: reads go on at once, but a
 * damaged file is never written to, and a healthy one is backed up as on a normal open. */
static void
test_deferred_check (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = make_big_collection (fx);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  FlashLimits limits = { 5, 50, 3 };
  FlashStore *store;
  gsize size;
  guint8 *bytes;

  store = flash_store_open_deferred (path, &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_wait_checked (store, &error));
  g_assert_true (flash_store_set_limits (store, &limits, &error));
  g_assert_no_error (error);
  flash_store_close (store);
  backups = flash_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 1);

  /* Eight pages in the middle overwritten, as a failing disk might. */
  before = flash_test_read_bytes (path);
  size = g_bytes_get_size (before);
  g_assert_cmpuint (size, >, 64 * 4096);
  bytes = g_memdup2 (g_bytes_get_data (before, NULL), size);
  for (gsize i = (size / 2) & ~(gsize) 4095, n = 0; n < 8 * 4096; i++, n++)
    bytes[i] = (guint8) (0xa5 ^ i);
  g_assert_true (g_file_set_contents (path, (char *) bytes, size, NULL));
  g_free (bytes);
  g_clear_pointer (&before, g_bytes_unref);
  before = flash_test_read_bytes (path);

  store = flash_store_open_deferred (path, &error);
  g_assert_no_error (error);
  g_assert_false (flash_store_wait_checked (store, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  limits.new_per_day = 9;
  g_assert_false (flash_store_set_limits (store, &limits, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED);
  flash_store_close (store);

  after = flash_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* The damaged-collection dialog's other offer: a copy, opened read-only, without a check. */
static void
test_read_only_copy (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = make_big_collection (fx);
  g_autofree char *copy = g_build_filename (fx->dir, "cache", "copy.db", NULL);
  g_autoptr(GBytes) before = flash_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  FlashLimits limits = { 1, 2, 3 };
  FlashStore *store;

  store = flash_store_open_read_only_copy (path, copy, &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_is_read_only (store));
  cards = flash_store_list_cards (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1500);
  g_assert_false (flash_store_set_limits (store, &limits, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only copy"));
  flash_store_close (store);

  after = flash_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_export_round_trip (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("FLASHSHEET_DECKS_DIR"), "python-deep-dive.md", NULL);
  g_autofree char *markdown = NULL;
  g_autofree char *tsv = NULL;
  g_autoptr(FlashSheet) again = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  FlashImportResult result = { 0 };
  gint64 deck_id;

  flash_test_store_import (fx, path, &result);
  deck_id = result.deck_id;
  markdown = flash_store_export_markdown (fx->store, deck_id, &error);
  g_assert_no_error (error);
  cards = flash_store_list_cards (fx->store, deck_id, NULL);

  /* The export parses to the same cards, in the same order, with the same keys. */
  again = flash_sheet_parse (markdown, -1, result.deck_name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->name, ==, result.deck_name);
  {
    g_autoptr(FlashSheet) original = flash_sheet_load (path, NULL);

    g_assert_nonnull (original->description);
    g_assert_cmpstr (again->description, ==, original->description);
  }
  g_assert_cmpuint (again->cards->len, ==, cards->len);
  for (guint i = 0; i < cards->len; i++)
    {
      FlashCard *stored = g_ptr_array_index (cards, i);
      FlashSheetCard *parsed = g_ptr_array_index (again->cards, i);

      g_assert_cmpstr (parsed->context, ==, stored->context);
      g_assert_cmpstr (parsed->question, ==, stored->question);
      g_assert_cmpstr (parsed->answer, ==, stored->answer);
    }

  /* All decks in one Markdown file would import back as one deck, so that is refused. */
  {
    g_autofree char *other = flash_test_store_write (fx, "other.md",
                                                     "# Other\n\n## One\n\nText.\n");
    g_autofree char *all = NULL;

    flash_test_store_import (fx, other, NULL);
    all = flash_store_export_markdown (fx->store, 0, &error);
    g_assert_null (all);
    g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  tsv = flash_store_export_tsv (fx->store, deck_id, &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines) - 1, ==, cards->len);
  }
  flash_import_result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, flash_test_store_set_up, func, flash_test_store_tear_down)
  ADD ("/store/import", test_import);
  ADD ("/store/reimport-keeps-history", test_reimport_keeps_history);
  ADD ("/store/bad-import-changes-nothing", test_bad_import_changes_nothing);
  ADD ("/store/import-is-atomic", test_import_is_atomic);
  ADD ("/store/delete-deck", test_delete_deck);
  ADD ("/store/limits-persist", test_limits_persist);
  ADD ("/store/migrations", test_migrations);
  ADD ("/store/migration-from-v1", test_migration_from_v1);
  ADD ("/store/migration-from-v2", test_migration_from_v2);
  ADD ("/store/migration-from-v3", test_migration_from_v3);
  ADD ("/store/migration-from-v4", test_migration_from_v4);
  ADD ("/store/day-totals", test_day_totals);
  ADD ("/store/new-card-counts", test_new_card_counts);
  ADD ("/store/grown-term", test_grown_term);
  ADD ("/store/split-and-merge", test_split_and_merge);
  ADD ("/store/undo-import", test_undo_import);
  ADD ("/store/deferred-check", test_deferred_check);
  ADD ("/store/read-only-copy", test_read_only_copy);
  ADD ("/store/export-round-trip", test_export_round_trip);
#undef ADD

  return g_test_run ();
}
