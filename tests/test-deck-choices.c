/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-deck-choices.c: choosing what to study: one section or tag of a deck within today's
 * limits, Review Ahead, renaming a deck (kept by re-imports), and the schema-7 and schema-8
 * migrations. */
#include "flash-test-util.h"
#include "flash-test-collection.h"
#include "flash-test-store.h"

#include "flash-day.h"

typedef FlashTestStore Fixture;

/* U+203A, the breadcrumb separator. */
#define SEP " \xe2\x80\xba "

static const char sheet[] =
  "# Deck\n\n## Strings\n\n### Split\n\nCut at a separator.\n\n### Join\n\nGlue with one.\n\n"
  "## Numbers\n\n### Round\n\nTo the nearest.\n\n### Floor\n\nDown.\n\n"
  "#### Negative floor\n\nTowards minus infinity.\n";

static void
import_sheet (Fixture *fx)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", sheet);

  flash_test_store_import (fx, path, NULL);
}

/* The questions of @ids, joined by "|". */
static char *
questions (Fixture *fx,
           GArray  *ids)
{
  GString *out = g_string_new (NULL);

  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FlashCard) card = flash_store_get_card (fx->store, g_array_index (ids, gint64, i),
                                                        NULL);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", card->question);
    }
  g_array_unref (ids);
  return g_string_free (out, FALSE);
}

static char *
scope_queue (Fixture               *fx,
             const FlashStudyScope *scope,
             guint                  limit)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = flash_store_scope_queue (fx->store, scope, fx->now, limit, &error);

  g_assert_no_error (error);
  return questions (fx, ids);
}

/* One section's cards, with the sections under it, and no other; a tag's; counts that agree. */
static void
test_section_queue (Fixture       *fx,
                    gconstpointer  data)
{
  gint64 deck_id;
  FlashStudyScope numbers = { .section = "Deck" SEP "Numbers" };
  FlashStudyScope strings = { .section = "Deck" SEP "Strings" };
  FlashStudyScope tag = { .tag = "floor" };
  FlashStudyScope prefix_only = { .section = "Deck" SEP "Num" };
  FlashStudyScope whole = { 0 };
  FlashDayCounts counts;
  g_autofree char *all = NULL;
  g_autofree char *in_numbers = NULL;
  g_autofree char *first = NULL;
  g_autofree char *in_strings = NULL;
  g_autofree char *tagged = NULL;
  g_autofree char *none = NULL;
  g_autoptr(GError) error = NULL;

  import_sheet (fx);
  deck_id = flash_store_find_deck (fx->store, "Deck", NULL);
  numbers.deck_id = deck_id;
  all = scope_queue (fx, &whole, 0);
  g_assert_cmpstr (all, ==, "Split|Join|Round|Floor|Negative floor");
  in_numbers = scope_queue (fx, &numbers, 0);
  g_assert_cmpstr (in_numbers, ==, "Round|Floor|Negative floor");
  first = scope_queue (fx, &numbers, 1);
  g_assert_cmpstr (first, ==, "Round");
  tagged = scope_queue (fx, &tag, 0);
  g_assert_cmpstr (tagged, ==, "Negative floor");
  none = scope_queue (fx, &prefix_only, 0);
  g_assert_cmpstr (none, ==, "");
  g_assert_true (flash_store_scope_counts (fx->store, &numbers, fx->now, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.new_cards, ==, 3);
  g_assert_cmpuint (counts.due, ==, 0);

  /* Graded cards: a failed one comes back as a repeat of its section only; a suspended or buried
   * one stays out. */
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Round"), 1);
  g_assert_true (flash_store_set_suspended (fx->store, (gint64[]) { flash_test_store_card_id (
                                              fx, "Floor") }, 1, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&in_numbers, g_free);
  in_numbers = scope_queue (fx, &numbers, 0);
  g_assert_cmpstr (in_numbers, ==, "Negative floor|Round");
  in_strings = scope_queue (fx, &strings, 0);
  g_assert_cmpstr (in_strings, ==, "Split|Join");
  g_assert_true (flash_store_scope_counts (fx->store, &numbers, fx->now, &counts, &error));
  g_assert_cmpuint (counts.new_cards, ==, 1);
  g_assert_cmpuint (counts.learning, ==, 1);
  g_assert_cmpuint (counts.done_today, ==, 1);
}

/* A section's new cards come within the day's limit of new cards, which its grades spend. */
static void
test_section_within_limits (Fixture       *fx,
                            gconstpointer  data)
{
  FlashLimits limits = { .new_per_day = 2, .reviews_per_day = 100, .day_start_hour = 4 };
  FlashStudyScope numbers = { .section = "Deck" SEP "Numbers" };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_sheet (fx);
  g_assert_true (flash_store_set_limits (fx->store, &limits, &error));
  g_assert_no_error (error);
  before = scope_queue (fx, &numbers, 0);
  g_assert_cmpstr (before, ==, "Round|Floor");
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Split"), 5);
  after = scope_queue (fx, &numbers, 0);
  g_assert_cmpstr (after, ==, "Round");
}

/* Review Ahead: the reviews of the next days, soonest first, never today's, a new card or one
 * graded today; one graded ahead moves on and is not offered again that day. */
static void
test_review_ahead (Fixture       *fixture,
                   gconstpointer  data)
{
  Fixture *fx = fixture;
  FlashStudyScope whole = { 0 };
  FlashStudyScope strings = { .section = "Deck" SEP "Strings" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_add_days (fx->now, -3);
  g_autofree char *due = NULL;
  g_autofree char *ahead = NULL;
  g_autofree char *in_strings = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *after = NULL;
  FlashDay today = flash_store_day_for (fx->store, fx->now);
  const char *const graded[] = { "Split", "Join", "Round" };
  const int due_in[] = { 3, 0, 1 };
  GArray *ids;

  import_sheet (fx);
  /* Three days ago: three cards graded; now due in 3 days, today, and tomorrow. */
  for (guint i = 0; i < G_N_ELEMENTS (graded); i++)
    {
      g_autofree char *sql = NULL;
      gint64 id = flash_test_store_card_id (fx, graded[i]);

      g_assert_true (flash_store_record_review (fx->store, id, 4, before, 1000, NULL, &error));
      g_assert_no_error (error);
      sql = g_strdup_printf ("UPDATE schedule SET due_day = %d WHERE card_id = %" G_GINT64_FORMAT,
                             today + due_in[i], id);
      flash_test_raw_exec (fx->db_path, sql);
    }

  ids = flash_store_ahead_queue (fx->store, &whole, fx->now, 7, 0, &error);
  g_assert_no_error (error);
  ahead = questions (fx, ids);
  g_assert_cmpstr (ahead, ==, "Round|Split");
  ids = flash_store_ahead_queue (fx->store, &strings, fx->now, 7, 0, &error);
  in_strings = questions (fx, ids);
  g_assert_cmpstr (in_strings, ==, "Split");
  ids = flash_store_ahead_queue (fx->store, &whole, fx->now, 1, 0, &error);
  soon = questions (fx, ids);
  g_assert_cmpstr (soon, ==, "Round");
  /* Today's review is today's queue's, not one ahead. */
  ids = flash_store_scope_queue (fx->store, &whole, fx->now, 1, &error);
  due = questions (fx, ids);
  g_assert_cmpstr (due, ==, "Join");

  /* Round graded a day early: it is not offered again today. */
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Round"), 5);
  ids = flash_store_ahead_queue (fx->store, &whole, fx->now, 7, 0, &error);
  after = questions (fx, ids);
  g_assert_cmpstr (after, ==, "Split");
}

/* A renamed deck keeps its name through re-imports, even when the sheet's title changes; a blank
 * name is refused and changes nothing. */
static void
test_rename_deck (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(FlashCard) split = NULL;
  g_autofree char *path = NULL;
  g_autofree char *in_strings = NULL;
  FlashStudyScope strings = { .section = "My strings and numbers" SEP "Strings" };
  FlashImportResult result = { 0 };
  gint64 deck_id;

  import_sheet (fx);
  deck_id = flash_store_find_deck (fx->store, "Deck", NULL);
  g_assert_false (flash_store_rename_deck (fx->store, deck_id, "  \t", &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (flash_store_rename_deck (fx->store, deck_id + 100, "Other", &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (flash_store_rename_deck (fx->store, deck_id, "  My strings and numbers ",
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (flash_store_find_deck (fx->store, "My strings and numbers", NULL), ==, deck_id);
  /* The breadcrumbs begin with the new name, and a section is chosen by it. */
  split = flash_store_get_card (fx->store, flash_test_store_card_id (fx, "Split"), &error);
  g_assert_cmpstr (split->context, ==, "My strings and numbers" SEP "Strings");
  in_strings = scope_queue (fx, &strings, 0);
  g_assert_cmpstr (in_strings, ==, "Split|Join");

  /* Imported again, the same sheet changes nothing and is reported under the deck's name. */
  path = flash_test_store_write (fx, "deck.md", sheet);
  flash_test_store_import (fx, path, &result);
  g_assert_cmpstr (result.deck_name, ==, "My strings and numbers");
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 5);
  flash_import_result_clear (&result);

  g_free (path);
  path = flash_test_store_write (fx, "deck.md", "# Retitled\n\n## Strings\n\n### Split\n\nCut.\n");
  flash_test_store_import (fx, path, NULL);
  decks = flash_store_list_decks (fx->store, fx->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decks->len, ==, 1);
  g_assert_cmpstr (((FlashDeckInfo *) g_ptr_array_index (decks, 0))->name, ==,
                   "My strings and numbers");
  g_clear_pointer (&split, flash_card_free);
  split = flash_store_get_card (fx->store, flash_test_store_card_id (fx, "Split"), &error);
  g_assert_cmpstr (split->context, ==, "My strings and numbers" SEP "Strings");
  flash_test_assert_integrity (fx->db_path);
}

/* A collection the schema-6 CLI wrote: its edits, suspensions, reviews and search index stay;
 * its deck takes the sheet's title on re-import until it is renamed. */
static void
test_migration_from_v6 (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures",
                                               "collection-v6.sql", NULL);
  g_autofree char *old_path = g_build_filename (fx->dir, "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashCard) one = NULL;
  g_autoptr(FlashCard) two = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) day = flash_clock_parse ("2026-01-15T10:00:00Z", NULL);
  FlashCardSearch search = { .text = "edited" };
  FlashStats stats;
  FlashStore *store;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  flash_test_raw_exec (old_path, sql);
  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==, 6);
  store = flash_store_open (old_path, &error);
  g_assert_no_error (error);
  one = flash_store_get_card (store, 1, NULL);
  two = flash_store_get_card (store, 2, NULL);
  g_assert_cmpstr (one->question, ==, "One, edited");
  g_assert_true (one->edited);
  g_assert_true (two->suspended);
  ids = flash_store_search (store, &search, day, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (flash_store_get_stats (store, day, &stats, &error));
  g_assert_cmpuint (stats.reviews_total, ==, 11);
  g_assert_true (flash_store_rename_deck (store, 1, "Renamed", &error));
  g_assert_no_error (error);
  g_assert_cmpint (flash_store_find_deck (store, "Renamed", NULL), ==, 1);
  flash_store_close (store);
  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==,
                   FLASH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT renamed FROM decks WHERE id = 1"), ==, 1);
  flash_test_assert_integrity (old_path);
}

/* A deck's tags with their cards; a section's next review and new cards are its own, not the
 * deck's (the done page of a section's study says them). */
static void
test_scope_outlook (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) listed = g_string_new (NULL);
  g_auto(GStrv) tags = NULL;
  g_autoptr(GError) error = NULL;
  FlashStudyScope strings = { .section = "Deck" SEP "Strings" };
  FlashStudyScope whole = { 0 };
  FlashDay today = flash_store_day_for (fx->store, fx->now);
  gint64 has_new = 0;
  gint64 deck_id;

  import_sheet (fx);
  deck_id = flash_store_find_deck (fx->store, "Deck", NULL);
  tags = flash_store_list_tags (fx->store, deck_id, counts, &error);
  g_assert_no_error (error);
  for (guint i = 0; tags[i] != NULL; i++)
    g_string_append_printf (listed, "%s%s:%u", i > 0 ? " " : "", tags[i],
                            g_array_index (counts, guint, i));
  g_assert_cmpstr (listed->str, ==, "deck:5 floor:1 numbers:3 strings:2");

  g_assert_true (flash_store_scope_has_new (fx->store, &strings, &has_new, &error));
  g_assert_cmpint (has_new, ==, 1);
  for (const char *const *q = (const char *const[]) { "Split", "Join", NULL }; *q != NULL; q++)
    {
      g_autofree char *sql = NULL;
      gint64 id = flash_test_store_card_id (fx, *q);

      flash_test_store_grade (fx, id, 5);
      sql = g_strdup_printf ("UPDATE schedule SET due_day = %d WHERE card_id = %" G_GINT64_FORMAT,
                             today + 5, id);
      flash_test_raw_exec (fx->db_path, sql);
    }
  g_assert_true (flash_store_scope_has_new (fx->store, &strings, &has_new, &error));
  g_assert_cmpint (has_new, ==, 0);
  g_assert_true (flash_store_scope_has_new (fx->store, &whole, &has_new, &error));
  g_assert_cmpint (has_new, ==, 1);
  /* The deck's new cards come tomorrow; the section's next card in five days. */
  g_assert_cmpint (flash_store_scope_next_due_day (fx->store, &whole, fx->now, &error), ==,
                   today + 1);
  g_assert_cmpint (flash_store_scope_next_due_day (fx->store, &strings, fx->now, &error), ==,
                   today + 5);
  g_assert_no_error (error);
}

/* A deck's own daily limit of new cards holds within the collection's: in its queue, its
 * sections', the deck list's counts and the queue of all decks (the other decks take the rest);
 * its first reviews today count against it, Study More raises it, and -1 lifts it. */
static void
test_deck_new_limit (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *other_path = flash_test_store_write (fx, "other.md", "# Other\n\n## O1\n\no.\n\n"
                                                        "## O2\n\no.\n\n## O3\n\no.\n");
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(GError) error = NULL;
  FlashStudyScope numbers = { .section = "Deck" SEP "Numbers" };
  FlashLimits limits;
  gint64 deck_id;
  gint64 other_id;
  char *queue;

  import_sheet (fx);
  flash_test_store_import (fx, other_path, NULL);
  deck_id = flash_store_find_deck (fx->store, "Deck", NULL);
  numbers.deck_id = deck_id;
  flash_store_get_limits (fx->store, &limits);
  limits.new_per_day = 5;
  g_assert_true (flash_store_set_limits (fx->store, &limits, NULL));
  g_assert_false (flash_store_set_deck_new_limit (fx->store, deck_id,
                                                  FLASH_DECK_NEW_LIMIT_MAX + 1, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (flash_store_set_deck_new_limit (fx->store, deck_id + 100, 2, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (flash_store_set_deck_new_limit (fx->store, deck_id, 2, &error));
  g_assert_no_error (error);

  queue = questions (fx, flash_store_today_queue (fx->store, 0, fx->now, 0, NULL));
  g_assert_cmpstr (queue, ==, "Split|O1|Join|O2|O3");
  g_free (queue);
  queue = questions (fx, flash_store_today_queue (fx->store, deck_id, fx->now, 0, NULL));
  g_assert_cmpstr (queue, ==, "Split|Join");
  g_free (queue);
  queue = scope_queue (fx, &numbers, 0);
  g_assert_cmpstr (queue, ==, "Round|Floor");
  g_free (queue);
  decks = flash_store_list_decks (fx->store, fx->now, NULL);
  g_assert_cmpstr (((FlashDeckInfo *) decks->pdata[0])->name, ==, "Deck");
  g_assert_cmpint (((FlashDeckInfo *) decks->pdata[0])->new_per_day, ==, 2);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[0])->new_today, ==, 2);
  g_assert_cmpint (((FlashDeckInfo *) decks->pdata[1])->new_per_day, ==, -1);
  g_assert_cmpuint (((FlashDeckInfo *) decks->pdata[1])->new_today, ==, 3);

  /* A first review today counts against the deck's limit; Study More raises it. */
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Split"), 5);
  queue = questions (fx, flash_store_today_queue (fx->store, deck_id, fx->now, 0, NULL));
  g_assert_cmpstr (queue, ==, "Join");
  g_free (queue);
  g_assert_true (flash_store_study_more (fx->store, fx->now, 1, NULL));
  queue = questions (fx, flash_store_today_queue (fx->store, deck_id, fx->now, 0, NULL));
  g_assert_cmpstr (queue, ==, "Join|Round");
  g_free (queue);

  /* A deck that takes no new cards (Other, never studied) has none tomorrow either. */
  other_id = flash_store_find_deck (fx->store, "Other", NULL);
  g_assert_true (flash_store_set_deck_new_limit (fx->store, other_id, 0, NULL));
  g_assert_cmpint (flash_store_next_due_day (fx->store, other_id, fx->now, NULL), ==, 0);
  g_assert_true (flash_store_set_deck_new_limit (fx->store, other_id, -1, NULL));
  g_assert_cmpint (flash_store_next_due_day (fx->store, other_id, fx->now, NULL), ==,
                   flash_store_day_for (fx->store, fx->now) + 1);
  g_assert_true (flash_store_set_deck_new_limit (fx->store, deck_id, -1, NULL));
  queue = questions (fx, flash_store_today_queue (fx->store, deck_id, fx->now, 0, NULL));
  g_assert_cmpstr (queue, ==, "Join|Round|Floor|Negative floor");
  g_free (queue);
}

/* Schema 8 adds an index, the decks' own limits of new cards (none at first) and the tables of
 * cramming and interviews: the queue of all decks a schema-7 collection had (its fixture says
 * which) is the same after the migration, new cards interleaved across decks. */
static void
test_migration_from_v7 (Fixture       *fx,
                        gconstpointer  data)
{
  static const gint64 expected[] = { 1, 3, 4, 7, 5, 8, 6 };
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures",
                                               "collection-v7.sql", NULL);
  g_autofree char *old_path = g_build_filename (fx->dir, "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GDateTime) day = flash_clock_parse ("2026-01-20T10:00:00Z", NULL);
  FlashStore *store;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  flash_test_raw_exec (old_path, sql);
  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==, 7);
  store = flash_store_open (old_path, &error);
  g_assert_no_error (error);
  queue = flash_store_today_queue (store, 0, day, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < queue->len; i++)
    g_assert_cmpint (g_array_index (queue, gint64, i), ==, expected[i]);
  g_assert_cmpint (flash_store_find_deck (store, "Renamed Third", NULL), ==, 3);
  flash_store_close (store);
  g_assert_cmpint (flash_test_raw_int (old_path, "PRAGMA user_version"), ==,
                   FLASH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT COUNT(*) FROM sqlite_master WHERE "
                                                 "name = 'cards_new_order'"), ==, 1);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT COUNT(*) FROM decks WHERE new_per_day "
                                                 "IS NULL"), ==, 3);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                                 "'cards_fts' AND sql LIKE '%prefix = ''2 3 4 5''%'"),
                   ==, 1);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT COUNT(*) FROM cards_fts WHERE cards_fts "
                                                 "MATCH 'Epsil*'"), ==, 1);
  g_assert_cmpint (flash_test_raw_int (old_path, "SELECT COUNT(*) FROM sqlite_master WHERE name "
                                                 "IN ('cram_log', 'interviews', "
                                                 "'interview_topics', 'interview_questions')"),
                   ==, 4);
  flash_test_assert_integrity (old_path);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, flash_test_store_set_up, func, flash_test_store_tear_down)
  ADD ("/choices/section-queue", test_section_queue);
  ADD ("/choices/section-within-limits", test_section_within_limits);
  ADD ("/choices/review-ahead", test_review_ahead);
  ADD ("/choices/rename-deck", test_rename_deck);
  ADD ("/choices/scope-outlook", test_scope_outlook);
  ADD ("/choices/deck-new-limit", test_deck_new_limit);
  ADD ("/choices/migration-from-v6", test_migration_from_v6);
  ADD ("/choices/migration-from-v7", test_migration_from_v7);
#undef ADD

  return g_test_run ();
}
