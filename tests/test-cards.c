/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cards.c: finding and fixing cards: search, filters and orders, card actions, edits
 * against re-imports, lapses, and the schema-6 migration. */
#include "flash-test-util.h"
#include "flash-test-collection.h"
#include "flash-test-store.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

typedef FlashTestStore Fixture;

static const char sheet[] =
  "# Deck\n\n## Strings\n\n### Résumé\n\nA summary of a career.\n\n"
  "### Slicing\n\nUse `s[1:3]` to take a part.\n\n"
  "## Numbers\n\n### Integers\n\nWhole numbers, of any size.\n\n"
  "### Floats\n\nBinary fractions; 0.1 is not exact.\n";

/* The questions @search finds, joined by "|". */
static char *
found (Fixture               *fx,
       const FlashCardSearch *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = flash_store_search (fx->store, search, fx->now, 0, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FlashCard) card = flash_store_get_card (fx->store, g_array_index (ids, gint64, i),
                                                        NULL);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", card->question);
    }
  return g_string_free (out, FALSE);
}

static void
assert_found (Fixture               *fx,
              const FlashCardSearch *search,
              const char            *expected)
{
  g_autofree char *questions = found (fx, search);

  g_assert_cmpstr (questions, ==, expected);
}

static void
assert_text_finds (Fixture    *fx,
                   const char *text,
                   const char *expected)
{
  FlashCardSearch search = { .text = text };

  assert_found (fx, &search, expected);
}

static void
import_sheet (Fixture *fx)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", sheet);

  flash_test_store_import (fx, path, NULL);
}

/* Words anywhere in the text, the last one a prefix, accents folded; hostile text is words. */
static void
test_search_text (Fixture       *fx,
                  gconstpointer  data)
{
  static const char *const hostile[] = {
    "\"", "NEAR(", "*", "a OR", "question:x", "\"unbalanced", "-", "AND", "(((", "^", NULL
  };

  import_sheet (fx);
  g_assert_true (flash_store_has_search_index (fx->store));
  assert_text_finds (fx, "resume", "Résumé");
  assert_text_finds (fx, "career summ", "Résumé");
  assert_text_finds (fx, "fra", "Floats");
  assert_text_finds (fx, "s 1 3", "Slicing");
  /* The context and the tags are searched too. */
  assert_text_finds (fx, "numbers", "Integers|Floats");
  assert_text_finds (fx, "nothing-like-it", "");
  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      FlashCardSearch search = { .text = hostile[i] };
      g_autoptr(GArray) ids = flash_store_search (fx->store, &search, fx->now, 0, &error);

      g_assert_no_error (error);
      g_assert_nonnull (ids);
    }
  g_assert_null (flash_store_search_query ("\"*( )"));
  {
    g_autofree char *query = flash_store_search_query ("NEAR(a, \"b");
    g_assert_cmpstr (query, ==, "\"NEAR\" \"a\" \"b\"*");
  }
}

/* Deck, section, tag and state filters, and the orders, all in SQL. */
/* An import indexes its new cards in one statement at the end (the insert trigger is dropped for
 * it and made again): the index holds every card, passes FTS5's own check, and still follows a
 * card added or edited afterwards. */
static void
test_search_index_after_import (Fixture       *fx,
                                gconstpointer  data)
{
  g_autofree char *other = flash_test_store_write (fx, "other.md",
                                                   "# Other\n\n## S\n\n### Zeta\n\nZ.\n");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  char *message = NULL;

  import_sheet (fx);
  flash_test_store_import (fx, other, NULL);
  assert_text_finds (fx, "zeta", "Zeta");
  assert_text_finds (fx, "numbers", "Integers|Floats");
  g_assert_true (g_file_set_contents (other, "# Other\n\n## S\n\n### Zeta\n\nZ.\n\n"
                                             "### Omega\n\nLast.\n", -1, NULL));
  flash_test_store_import (fx, other, NULL);
  assert_text_finds (fx, "omega", "Omega");
  {
    FlashCardSearch search = { .text = "zeta" };
    g_autoptr(GArray) ids = flash_store_search (fx->store, &search, fx->now, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_true (flash_store_edit_card (fx->store, g_array_index (ids, gint64, 0),
                                          "Zeta, the last but one", NULL, &error));
    g_assert_no_error (error);
  }
  assert_text_finds (fx, "last but", "Zeta, the last but one");

  db = flash_test_raw_open (fx->db_path);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO cards_fts (cards_fts, rank) VALUES "
                                     "('integrity-check', 1)", NULL, NULL, &message), ==,
                   SQLITE_OK);
  g_assert_null (message);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                             "'cards_fts_insert'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

/* A search given up before it starts says so and finds nothing; one let run finds what
 * flash_store_search() finds. */
static void
test_search_cancelled (Fixture       *fx,
                       gconstpointer  data)
{
  FlashCardSearch search = { .text = "numbers" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) expected = NULL;
  gint stop = 1;

  import_sheet (fx);
  ids = flash_store_search_cancellable (fx->store, &search, fx->now, 0, &stop, &error);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_CANCELLED);
  g_assert_null (ids);
  g_clear_error (&error);
  stop = 0;
  ids = flash_store_search_cancellable (fx->store, &search, fx->now, 0, &stop, &error);
  g_assert_no_error (error);
  expected = flash_store_search (fx->store, &search, fx->now, 0, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), expected->data,
                   expected->len * sizeof (gint64));
}

static void
test_search_filters (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *other = flash_test_store_write (fx, "other.md",
                                                   "# Other\n\n## S\n\n### Zeta\n\nZ.\n");
  g_autoptr(GError) error = NULL;
  FlashCardSearch search = { 0 };
  gint64 integers;

  import_sheet (fx);
  flash_test_store_import (fx, other, NULL);
  assert_found (fx, &search, "Résumé|Slicing|Integers|Floats|Zeta");
  search.deck_id = flash_store_find_deck (fx->store, "Other", NULL);
  assert_found (fx, &search, "Zeta");
  search.deck_id = 0;
  search.section = "Deck › Numbers";
  assert_found (fx, &search, "Integers|Floats");
  search.section = "Deck › Num";
  assert_found (fx, &search, "");
  search.section = NULL;
  /* "tag:NAME" among the words is the tag filter (any case); "tag:" alone is a word. */
  assert_text_finds (fx, "tag:numbers", "Integers|Floats");
  assert_text_finds (fx, "float tag:Numbers", "Floats");
  assert_text_finds (fx, "tag:strings tag:numbers whole", "Integers");
  assert_text_finds (fx, "tag:nosuchtag", "");
  assert_text_finds (fx, "tag:", "");
  /* Each section once, in file order, with its cards; a deleted card's gone with it. */
  {
    g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
    g_auto(GStrv) sections = flash_store_list_sections (fx->store,
                                                        flash_store_find_deck (fx->store, "Deck",
                                                                               NULL), counts,
                                                        &error);
    g_autofree char *joined = NULL;
    gint64 zeta = flash_test_store_card_id (fx, "Zeta");

    g_assert_no_error (error);
    joined = g_strjoinv ("|", sections);
    g_assert_cmpstr (joined, ==, "Deck › Strings|Deck › Numbers");
    g_assert_cmpuint (counts->len, ==, 2);
    g_assert_cmpuint (g_array_index (counts, guint, 0), ==, 2);
    g_assert_true (flash_store_delete_cards (fx->store, &zeta, 1, NULL));
    g_clear_pointer (&sections, g_strfreev);
    sections = flash_store_list_sections (fx->store, flash_store_find_deck (fx->store, "Other",
                                                                            NULL), NULL, &error);
    g_assert_cmpuint (g_strv_length (sections), ==, 0);
    g_assert_true (flash_store_undelete_cards (fx->store, &zeta, 1, NULL));
  }
  search.tag = "strings";
  assert_found (fx, &search, "Résumé|Slicing");
  search.tag = NULL;

  integers = flash_test_store_card_id (fx, "Integers");
  flash_test_store_grade (fx, integers, 1); /* repeats today */
  search.filter = FLASH_CARD_FILTER_LEARNING;
  assert_found (fx, &search, "Integers");
  search.filter = FLASH_CARD_FILTER_NEW;
  assert_found (fx, &search, "Résumé|Slicing|Floats|Zeta");
  g_assert_true (flash_store_set_flag (fx->store, &integers, 1, 3, &error));
  search.filter = FLASH_CARD_FILTER_FLAGGED;
  assert_found (fx, &search, "Integers");
  search.filter = FLASH_CARD_FILTER_ALL;
  search.order = FLASH_CARD_ORDER_DUE;
  assert_found (fx, &search, "Integers|Résumé|Slicing|Floats|Zeta");
  search.order = FLASH_CARD_ORDER_ADDED;
  assert_found (fx, &search, "Zeta|Floats|Integers|Slicing|Résumé");
  g_assert_false (flash_store_set_flag (fx->store, &integers, 1, 8, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
}

static guint
queue_length (Fixture *fx)
{
  g_autoptr(GArray) queue = flash_store_today_queue (fx->store, 0, fx->now, 0, NULL);

  return queue->len;
}

/* Suspend, bury, reset and delete, each on several cards, all or nothing. */
static void
test_actions (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fx->now, 1);
  g_autoptr(FlashCard) card = NULL;
  g_autoptr(GPtrArray) log = NULL;
  FlashImportResult result = { 0 };
  FlashCardSearch everything = { 0 };
  gint64 ids[2];
  gint64 missing[2];

  import_sheet (fx);
  path = g_build_filename (fx->dir, "deck.md", NULL);
  ids[0] = flash_test_store_card_id (fx, "Résumé");
  ids[1] = flash_test_store_card_id (fx, "Slicing");
  missing[0] = ids[0];
  missing[1] = 99999;
  g_assert_cmpuint (queue_length (fx), ==, 4);

  g_assert_true (flash_store_set_suspended (fx->store, ids, 2, TRUE, &error));
  g_assert_cmpuint (queue_length (fx), ==, 2);
  {
    g_autoptr(GPtrArray) decks = flash_store_list_decks (fx->store, fx->now, NULL);
    g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->new_today, ==, 2);
  }
  g_assert_true (flash_store_set_suspended (fx->store, ids, 2, FALSE, &error));
  /* A due review, suspended, is not due; a repeat neither. */
  {
    gint64 floats = flash_test_store_card_id (fx, "Floats");
    gint64 integers = flash_test_store_card_id (fx, "Integers");
    g_autoptr(GArray) due = NULL;
    g_autoptr(GArray) repeats = NULL;

    flash_test_store_grade (fx, floats, 4);
    flash_test_store_grade (fx, integers, 1);
    g_assert_true (flash_store_set_suspended (fx->store, &floats, 1, TRUE, &error));
    g_assert_true (flash_store_set_suspended (fx->store, &integers, 1, TRUE, &error));
    due = flash_store_today_queue (fx->store, 0, tomorrow, 0, NULL);
    g_assert_cmpuint (due->len, ==, 2);
    repeats = flash_store_today_queue (fx->store, 0, fx->now, 0, NULL);
    /* Two new cards; the suspended repeat is not among them. */
    g_assert_cmpuint (repeats->len, ==, 2);
    g_assert_true (flash_store_set_suspended (fx->store, &floats, 1, FALSE, &error));
    g_assert_true (flash_store_set_suspended (fx->store, &integers, 1, FALSE, &error));
    g_assert_true (flash_store_reset_cards (fx->store, &floats, 1, &error));
    g_assert_true (flash_store_reset_cards (fx->store, &integers, 1, &error));
  }
  g_assert_true (flash_store_bury_cards (fx->store, ids, 1, fx->now, &error));
  g_assert_cmpuint (queue_length (fx), ==, 3);
  {
    g_autoptr(GArray) queue = flash_store_today_queue (fx->store, 0, tomorrow, 0, NULL);
    g_assert_cmpuint (queue->len, ==, 4);
  }
  /* One missing card: nothing changes. */
  g_assert_false (flash_store_set_suspended (fx->store, missing, 2, TRUE, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  card = flash_store_get_card (fx->store, ids[0], NULL);
  g_assert_false (card->suspended);
  g_clear_pointer (&card, flash_card_free);

  /* Reset: new again, the log kept. */
  flash_test_store_grade (fx, ids[1], 4);
  g_assert_true (flash_store_reset_cards (fx->store, &ids[1], 1, &error));
  card = flash_store_get_card (fx->store, ids[1], NULL);
  g_assert_true (card->is_new);
  g_clear_pointer (&card, flash_card_free);
  log = flash_store_list_log (fx->store, 0, NULL);
  g_assert_cmpuint (log->len, ==, 3);

  /* Delete: gone from search and queue, its deck's count drops, a re-import does not bring it
   * back, undelete does. */
  g_assert_true (flash_store_delete_cards (fx->store, ids, 2, &error));
  g_assert_no_error (error);
  assert_found (fx, &everything, "Integers|Floats");
  {
    g_autoptr(GPtrArray) decks = flash_store_list_decks (fx->store, fx->now, NULL);
    g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->total, ==, 2);
  }
  flash_test_store_import (fx, path, &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.total, ==, 2);
  flash_import_result_clear (&result);
  assert_found (fx, &everything, "Integers|Floats");
  g_assert_false (flash_store_delete_cards (fx->store, ids, 1, &error));
  g_clear_error (&error);
  g_assert_true (flash_store_undelete_cards (fx->store, ids, 2, &error));
  assert_found (fx, &everything, "Résumé|Slicing|Integers|Floats");
  {
    g_autoptr(GPtrArray) decks = flash_store_list_decks (fx->store, fx->now, NULL);
    g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->total, ==, 4);
  }
}

static FlashCard *
card_asking (Fixture    *fx,
             const char *question)
{
  return flash_store_get_card (fx->store, flash_test_store_card_id (fx, question), NULL);
}

/* An edit survives re-imports while its source item is unchanged; when the item changes, the
 * card keeps the user's text and is marked, until the user takes the new text or keeps theirs. */
static void
test_edit_and_reimport (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", sheet);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashCard) card = NULL;
  FlashImportResult result = { 0 };
  gint64 id;
  char *changed;

  flash_test_store_import (fx, path, NULL);
  id = flash_test_store_card_id (fx, "Floats");
  g_assert_true (flash_store_edit_card (fx->store, id, "Floating point", "IEEE 754 doubles.",
                                        &error));
  g_assert_no_error (error);
  assert_text_finds (fx, "ieee", "Floating point");
  assert_text_finds (fx, "binary fractions", "");

  /* The source unchanged: the edit stays, nothing to decide. */
  flash_test_store_import (fx, path, &result);
  g_assert_cmpuint (result.unchanged, ==, 4);
  flash_import_result_clear (&result);
  card = flash_store_get_card (fx->store, id, NULL);
  g_assert_cmpstr (card->question, ==, "Floating point");
  g_assert_true (card->edited);
  g_assert_false (card->source_changed);
  g_clear_pointer (&card, flash_card_free);

  /* The source item changed: the edit stays, the card is marked, the new text kept beside it. */
  {
    g_auto(GStrv) halves = g_strsplit (sheet, "0.1 is not exact", -1);

    changed = g_strjoinv ("0.5 is exact", halves);
  }
  g_file_set_contents (path, changed, -1, NULL);
  g_free (changed);
  flash_test_store_import (fx, path, &result);
  g_assert_cmpuint (result.updated, ==, 1);
  flash_import_result_clear (&result);
  card = flash_store_get_card (fx->store, id, NULL);
  g_assert_cmpstr (card->answer, ==, "IEEE 754 doubles.");
  g_assert_true (card->source_changed);
  g_assert_cmpstr (card->source_answer, ==, "Binary fractions; 0.5 is exact.");
  g_clear_pointer (&card, flash_card_free);
  {
    FlashCardSearch search = { .filter = FLASH_CARD_FILTER_SOURCE_CHANGED };
    assert_found (fx, &search, "Floating point");
  }

  /* Keep my edit; then another change of the source marks it again; then use the new text. */
  g_assert_true (flash_store_resolve_source_change (fx->store, id, FALSE, &error));
  card = flash_store_get_card (fx->store, id, NULL);
  g_assert_false (card->source_changed);
  g_assert_cmpstr (card->answer, ==, "IEEE 754 doubles.");
  g_clear_pointer (&card, flash_card_free);
  g_file_set_contents (path, sheet, -1, NULL);
  flash_test_store_import (fx, path, NULL);
  card = flash_store_get_card (fx->store, id, NULL);
  g_assert_true (card->source_changed);
  g_clear_pointer (&card, flash_card_free);
  g_assert_true (flash_store_resolve_source_change (fx->store, id, TRUE, &error));
  card = card_asking (fx, "Floats");
  g_assert_nonnull (card);
  g_assert_cmpint (card->id, ==, id);
  g_assert_cmpstr (card->answer, ==, "Binary fractions; 0.1 is not exact.");
  g_assert_false (card->edited);
  g_clear_pointer (&card, flash_card_free);

  /* An edit back to the source's text is no edit; an empty question is refused. */
  g_assert_true (flash_store_edit_card (fx->store, id, NULL, "Other.", &error));
  g_assert_true (flash_store_edit_card (fx->store, id, NULL, "Binary fractions; 0.1 is not exact.",
                                        &error));
  card = flash_store_get_card (fx->store, id, NULL);
  g_assert_false (card->edited);
  g_assert_false (flash_store_edit_card (fx->store, id, " \n", NULL, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
}

/* A lapse is a scheduled review graded below 3 after the card graduated; undo takes it back. */
static void
test_lapses (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GDateTime) later = g_date_time_add_days (fx->now, 10);
  g_autoptr(FlashCard) card = NULL;
  FlashCardSearch lapsed = { .filter = FLASH_CARD_FILTER_LAPSED };
  gint64 undone = 0;
  gint64 id;

  import_sheet (fx);
  id = flash_test_store_card_id (fx, "Integers");
  flash_test_store_grade (fx, id, 1);  /* a new card forgotten: no lapse */
  flash_test_store_grade (fx, id, 4);  /* its same-day repeat */
  assert_found (fx, &lapsed, "");
  g_assert_true (flash_store_record_review (fx->store, id, 4, later, 0, NULL, NULL));
  g_date_time_unref (later);
  later = g_date_time_add_days (fx->now, 30);
  g_assert_true (flash_store_record_review (fx->store, id, 2, later, 0, NULL, NULL));
  card = flash_store_get_card (fx->store, id, NULL);
  g_assert_cmpint (card->lapses, ==, 1);
  assert_found (fx, &lapsed, "Integers");
  g_assert_true (flash_store_set_leech_lapses (fx->store, 1, NULL));
  {
    FlashCardSearch leech = { .filter = FLASH_CARD_FILTER_LEECH };
    assert_found (fx, &leech, "Integers");
  }
  g_assert_true (flash_store_undo_last (fx->store, &undone, NULL));
  g_clear_pointer (&card, flash_card_free);
  card = flash_store_get_card (fx->store, id, NULL);
  g_assert_cmpint (card->lapses, ==, 0);
}

/* A collection the schema-5 CLI wrote: lapses from its log, the search index built. */
static void
test_migration_from_v5 (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures",
                                               "collection-v5.sql", NULL);
  g_autofree char *old_path = g_build_filename (fx->dir, "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashCard) one = NULL;
  g_autoptr(FlashCard) two = NULL;
  g_autoptr(FlashCard) three = NULL;
  g_autoptr(GDateTime) day = flash_clock_parse ("2026-01-14T09:02:00Z", NULL);
  FlashCardSearch search = { .text = "second" };
  FlashStats stats;
  FlashStore *store;
  GArray *ids;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  flash_test_raw_exec (old_path, sql);
  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==, 5);
  store = flash_store_open (old_path, &error);
  g_assert_no_error (error);
  one = flash_store_get_card (store, 1, NULL);
  two = flash_store_get_card (store, 2, NULL);
  three = flash_store_get_card (store, 3, NULL);
  g_assert_cmpint (one->lapses, ==, 1);
  g_assert_cmpint (two->lapses, ==, 0);
  g_assert_cmpint (three->lapses, ==, 1);
  ids = flash_store_search (store, &search, day, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 2);
  g_array_unref (ids);
  /* What flashsheet-cli stats of version 5 printed that day. */
  g_assert_true (flash_store_get_stats (store, day, &stats, &error));
  g_assert_cmpuint (stats.reviews_total, ==, 10);
  g_assert_cmpuint (stats.reviews_today, ==, 2);
  g_assert_cmpuint (stats.due_today, ==, 1);
  g_assert_cmpuint (stats.due_tomorrow, ==, 2);
  g_assert_cmpuint (stats.streak, ==, 5);
  flash_store_close (store);
  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==,
                   FLASH_STORE_SCHEMA_VERSION);
  flash_test_assert_integrity (old_path);
}

/* A collection of the previous schema, shown as a read-only copy (as a damaged one is): the copy
 * gets this version's schema, so the overview's queries run; the user's file is left as it was. */
static void
test_read_only_copy_of_v5 (Fixture       *fx,
                           gconstpointer  data)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures",
                                               "collection-v5.sql", NULL);
  g_autofree char *old_path = g_build_filename (fx->dir, "old.db", NULL);
  g_autofree char *copy_path = g_build_filename (fx->dir, "copy", "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(GDateTime) day = flash_clock_parse ("2026-01-14T09:02:00Z", NULL);
  FlashDayCounts counts;
  FlashStore *store;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  flash_test_raw_exec (old_path, sql);
  store = flash_store_open_read_only_copy (old_path, copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_is_read_only (store));
  decks = flash_store_list_decks (store, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decks->len, ==, 1);
  g_assert_true (flash_store_today_counts (store, 0, day, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.learning, ==, 1);
  flash_store_close (store);
  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==, 5);
}

/* One card's reviews, newest first and capped, none of another card's. */
static void
test_card_log (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 floats;
  gint64 other;

  import_sheet (fx);
  floats = flash_test_store_card_id (fx, "Floats");
  other = flash_test_store_card_id (fx, "Résumé");
  flash_test_store_grade (fx, floats, 5);
  flash_test_store_grade (fx, other, 4);
  flash_test_store_grade (fx, floats, 2);
  flash_test_store_grade (fx, floats, 4);
  all = flash_store_card_log (fx->store, floats, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (all, 0))->grade, ==, 4);
  g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (all, 2))->grade, ==, 5);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (all, i))->card_id, ==, floats);
  two = flash_store_card_log (fx->store, floats, 2, &error);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpint (((FlashLogEntry *) g_ptr_array_index (two, 1))->grade, ==, 2);
  none = flash_store_card_log (fx->store, flash_test_store_card_id (fx, "Slicing"), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, flash_test_store_set_up, func, flash_test_store_tear_down)
  ADD ("/cards/search-text", test_search_text);
  ADD ("/cards/search-filters", test_search_filters);
  ADD ("/cards/search-cancelled", test_search_cancelled);
  ADD ("/cards/search-index-after-import", test_search_index_after_import);
  ADD ("/cards/actions", test_actions);
  ADD ("/cards/edit-and-reimport", test_edit_and_reimport);
  ADD ("/cards/lapses", test_lapses);
  ADD ("/cards/card-log", test_card_log);
  ADD ("/cards/migration-from-v5", test_migration_from_v5);
  ADD ("/cards/read-only-copy-of-v5", test_read_only_copy_of_v5);
#undef ADD

  return g_test_run ();
}
