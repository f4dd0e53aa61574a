/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-cards.c: flashsheet-cli's search, edit, card actions and `cards --state`, as whole
 * processes on a collection. */
#include "flash-test-collection.h"
#include "flash-test-util.h"

#include <string.h>

#include <glib/gstdio.h>

typedef FlashTestCollection Fixture;

static const char sheet[] =
  "# Deck\n\n## Strings\n\n### Résumé\n\nA summary of a career.\n\n"
  "### Slicing\n\nUse `s[1:3]` to take a part.\n\n"
  "## Numbers\n\n### Integers\n\nWhole numbers, of any size.\n";

static void
run (FlashTestRun       *result,
     Fixture            *f,
     const char * const *args)
{
  flash_test_cli_run (result, f->db, FLASH_TEST_NOW, NULL, NULL, NULL, args);
}

/* The output of a command that must succeed. */
static char *
out_of (Fixture            *f,
        const char * const *args)
{
  g_auto(FlashTestRun) result = { 0 };

  run (&result, f, args);
  if (result.status != 0)
    g_printerr ("stderr: %s\n", result.err);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  return g_steal_pointer (&result.out);
}

static void
assert_out (Fixture            *f,
            const char * const *args,
            const char         *expected)
{
  g_autofree char *out = out_of (f, args);

  g_assert_cmpstr (out, ==, expected);
}

static void
import_sheet (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "deck.md", NULL);

  g_assert_true (g_file_set_contents (path, sheet, -1, NULL));
  flash_test_cli_ok (f->db, FLASH_TEST_ARGS ("import", path));
}

/* Words, accents folded, the last one a prefix; hostile text is plain words or refused with
 * exit status 1, never an SQL or FTS5 error. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  static const char *const hostile[] = { "NEAR(", "a OR", "question:x", "\"unbalanced", NULL };
  static const char *const wordless[] = { "\"", "*", "(((", "-", NULL };

  import_sheet (f);
  assert_out (f, FLASH_TEST_ARGS ("search", "resume"), "1\tDeck\tRésumé\n");
  assert_out (f, FLASH_TEST_ARGS ("search", "who", "--limit", "1"), "3\tDeck\tIntegers\n");
  assert_out (f, FLASH_TEST_ARGS ("search", "zebra"), "");
  assert_out (f, FLASH_TEST_ARGS ("search", "numb"), "3\tDeck\tIntegers\n");
  assert_out (f, FLASH_TEST_ARGS ("search", "tag:strings"), "1\tDeck\tRésumé\n2\tDeck\tSlicing\n");
  assert_out (f, FLASH_TEST_ARGS ("search", "part tag:strings"), "2\tDeck\tSlicing\n");
  assert_out (f, FLASH_TEST_ARGS ("search", "a", "--limit", "1"), "1\tDeck\tRésumé\n");
  assert_out (f, FLASH_TEST_ARGS ("search", "s", "--deck", "Deck", "--limit", "2"),
              "1\tDeck\tRésumé\n2\tDeck\tSlicing\n");
  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_auto(FlashTestRun) result = { 0 };

      run (&result, f, FLASH_TEST_ARGS ("search", hostile[i]));
      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.err, ==, "");
    }
  for (guint i = 0; wordless[i] != NULL; i++)
    {
      g_auto(FlashTestRun) result = { 0 };

      run (&result, f, FLASH_TEST_ARGS ("search", "--", wordless[i]));
      g_assert_cmpint (result.status, ==, 1);
      g_assert_nonnull (strstr (result.err, "holds no word to search for"));
    }
}

/* The actions on several cards at once, all or nothing, and the states they leave. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_auto(FlashTestRun) missing = { 0 };
  g_auto(FlashTestRun) bad_flag = { 0 };
  g_auto(FlashTestRun) bad_state = { 0 };

  import_sheet (f);
  assert_out (f, FLASH_TEST_ARGS ("suspend", "1", "2"), "");
  assert_out (f, FLASH_TEST_ARGS ("cards", "--state", "suspended"),
              "1\tDeck\tDeck › Strings\tRésumé\n2\tDeck\tDeck › Strings\tSlicing\n");
  assert_out (f, FLASH_TEST_ARGS ("due"), "3\tDeck\tIntegers\n");
  assert_out (f, FLASH_TEST_ARGS ("unsuspend", "1", "2"), "");
  assert_out (f, FLASH_TEST_ARGS ("bury", "2"), "");
  assert_out (f, FLASH_TEST_ARGS ("cards", "--state", "buried"),
              "2\tDeck\tDeck › Strings\tSlicing\n");
  assert_out (f, FLASH_TEST_ARGS ("flag", "3"), "");
  assert_out (f, FLASH_TEST_ARGS ("cards", "--state", "flagged"),
              "3\tDeck\tDeck › Numbers\tIntegers\n");
  assert_out (f, FLASH_TEST_ARGS ("flag", "3", "0"), "");
  assert_out (f, FLASH_TEST_ARGS ("cards", "--state", "flagged"), "");

  /* One missing card: an error, and the other card unchanged. */
  run (&missing, f, FLASH_TEST_ARGS ("suspend", "1", "99"));
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no card with id 99"));
  assert_out (f, FLASH_TEST_ARGS ("cards", "--state", "suspended"), "");
  run (&bad_flag, f, FLASH_TEST_ARGS ("flag", "3", "9"));
  g_assert_cmpint (bad_flag.status, ==, 2);
  run (&bad_state, f, FLASH_TEST_ARGS ("cards", "--state", "sleeping"));
  g_assert_cmpint (bad_state.status, ==, 2);
  g_assert_nonnull (strstr (bad_state.err, "unknown state"));

  /* Reset keeps the log; delete survives a re-import. */
  g_free (out_of (f, FLASH_TEST_ARGS ("grade", "3", "4")));
  assert_out (f, FLASH_TEST_ARGS ("reset", "3"), "");
  assert_out (f, FLASH_TEST_ARGS ("cards", "--state", "new"),
              "1\tDeck\tDeck › Strings\tRésumé\n2\tDeck\tDeck › Strings\tSlicing\n"
              "3\tDeck\tDeck › Numbers\tIntegers\n");
  g_assert_cmpint (flash_test_raw_int (f->db, "SELECT COUNT(*) FROM review_log"), ==, 1);
  assert_out (f, FLASH_TEST_ARGS ("delete", "1"), "");
  import_sheet (f);
  assert_out (f, FLASH_TEST_ARGS ("search", "career"), "");
  assert_out (f, FLASH_TEST_ARGS ("decks"), "1\tDeck\t2\t2\t0\n");
}

/* edit --question and --answer-file (a file, or "-"); the edit stays through a re-import. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *answer = g_build_filename (f->dir, "answer.md", NULL);
  g_auto(FlashTestRun) nothing = { 0 };
  g_auto(FlashTestRun) missing = { 0 };

  import_sheet (f);
  g_assert_true (g_file_set_contents (answer, "Any size:\n\n```python\n2 ** 100\n```\n", -1, NULL));
  assert_out (f, FLASH_TEST_ARGS ("edit", "3", "--question", "Python ints",
                                  "--answer-file", answer), "");
  assert_out (f, FLASH_TEST_ARGS ("show", "3"),
              "Python ints\n\nAny size:\n\n```python\n2 ** 100\n```\n");
  import_sheet (f);
  assert_out (f, FLASH_TEST_ARGS ("cards", "--state", "edited"),
              "3\tDeck\tDeck › Numbers\tPython ints\n");
  assert_out (f, FLASH_TEST_ARGS ("search", "python"), "3\tDeck\tPython ints\n");

  run (&nothing, f, FLASH_TEST_ARGS ("edit", "3"));
  g_assert_cmpint (nothing.status, ==, 2);
  run (&missing, f, FLASH_TEST_ARGS ("edit", "3", "--answer-file", "/nonexistent/answer.md"));
  g_assert_cmpint (missing.status, ==, 1);
}

/* `due` of one section (" > " standing for " › "), of a tag, and of the days ahead; `rename-deck`,
 * which re-imports keep; `deck-limit`; wrong numbers and names are refused. */
static void
test_study_choices (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "deck.md", NULL);
  g_auto(FlashTestRun) blank = { 0 };
  g_auto(FlashTestRun) zero = { 0 };
  g_auto(FlashTestRun) missing = { 0 };
  g_auto(FlashTestRun) bad_limit = { 0 };
  g_autofree char *due = NULL;

  import_sheet (f);
  assert_out (f, FLASH_TEST_ARGS ("due", "--section", "Deck > Strings"),
              "1\tDeck\tRésumé\n2\tDeck\tSlicing\n");
  assert_out (f, FLASH_TEST_ARGS ("due", "--section", "Deck › Numbers", "--limit", "5"),
              "3\tDeck\tIntegers\n");
  assert_out (f, FLASH_TEST_ARGS ("due", "--tag", "numbers"), "3\tDeck\tIntegers\n");
  assert_out (f, FLASH_TEST_ARGS ("due", "--ahead", "7"), "");
  /* Graded Good two days before: due in five days, so in the week ahead, not in the next three
   * days. */
  for (guint i = 0; i < 2; i++)
    {
      g_auto(FlashTestRun) graded = { 0 };

      flash_test_cli_run (&graded, f->db, i == 0 ? "2026-11-19T10:00:00Z" : "2026-11-20T10:00:00Z",
                          NULL, NULL, NULL, FLASH_TEST_ARGS ("grade", "3", "4"));
      g_assert_cmpint (graded.status, ==, 0);
    }
  assert_out (f, FLASH_TEST_ARGS ("due", "--ahead", "7"), "3\tDeck\tIntegers\n");
  assert_out (f, FLASH_TEST_ARGS ("due", "--ahead", "3"), "");
  assert_out (f, FLASH_TEST_ARGS ("due", "--ahead", "7", "--section", "Deck > Strings"), "");
  run (&zero, f, FLASH_TEST_ARGS ("due", "--ahead", "0"));
  g_assert_cmpint (zero.status, ==, 2);

  assert_out (f, FLASH_TEST_ARGS ("rename-deck", "Deck", "Words and numbers"), "");
  g_assert_true (g_file_set_contents (path, "# New title\n\n## Strings\n\n### Résumé\n\nCV.\n", -1,
                                      NULL));
  flash_test_cli_ok (f->db, FLASH_TEST_ARGS ("import", path));
  assert_out (f, FLASH_TEST_ARGS ("decks"), "1\tWords and numbers\t1\t1\t0\n");
  run (&blank, f, FLASH_TEST_ARGS ("rename-deck", "Words and numbers", " "));
  g_assert_cmpint (blank.status, ==, 1);
  g_assert_nonnull (strstr (blank.err, "cannot be empty"));
  run (&missing, f, FLASH_TEST_ARGS ("rename-deck", "Deck", "Other"));
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no deck named"));

  /* A deck's own limit of new cards: shown, set, held by `due`, lifted. */
  assert_out (f, FLASH_TEST_ARGS ("deck-limit", "Words and numbers"), "none\n");
  assert_out (f, FLASH_TEST_ARGS ("deck-limit", "Words and numbers", "0"), "");
  assert_out (f, FLASH_TEST_ARGS ("deck-limit", "Words and numbers"), "0\n");
  assert_out (f, FLASH_TEST_ARGS ("due"), "");
  run (&bad_limit, f, FLASH_TEST_ARGS ("deck-limit", "Words and numbers", "10000"));
  g_assert_cmpint (bad_limit.status, ==, 2);
  g_assert_nonnull (strstr (bad_limit.err, "from 0 to 9999"));
  assert_out (f, FLASH_TEST_ARGS ("deck-limit", "Words and numbers", "none"), "");
  due = out_of (f, FLASH_TEST_ARGS ("due"));
  g_assert_nonnull (strstr (due, "Résumé"));
}

/* `cram` in a seeded order and weakest first, the schedule untouched; an interview started,
 * listed, answered (words and numbers, answers replacing answers) and reported; grade words in
 * `grade` too; wrong sessions, cards and empty selections refused. */
static void
test_cram_and_interview (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(FlashTestRun) empty = { 0 };
  g_auto(FlashTestRun) stranger = { 0 };
  g_auto(FlashTestRun) unknown = { 0 };
  g_auto(FlashTestRun) twice = { 0 };
  g_auto(FlashTestRun) ahead = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *log_before = NULL;
  g_autofree char *log_after = NULL;
  g_autofree char *id = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) rows = NULL;

  import_sheet (f);
  assert_out (f, FLASH_TEST_ARGS ("grade", "3", "again"), "0\t1.9600\t1\t2026-11-22\n");
  log_before = out_of (f, FLASH_TEST_ARGS ("log"));
  first = out_of (f, FLASH_TEST_ARGS ("cram", "--seed", "7"));
  second = out_of (f, FLASH_TEST_ARGS ("cram", "--seed", "7"));
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (g_strv_length (rows = g_strsplit (first, "\n", -1)), ==, 4);
  assert_out (f, FLASH_TEST_ARGS ("cram", "--order", "weakest", "--limit", "1"),
              "3\tDeck\tIntegers\n");
  assert_out (f, FLASH_TEST_ARGS ("cram", "--section", "Deck > Numbers"), "3\tDeck\tIntegers\n");
  run (&empty, f, FLASH_TEST_ARGS ("cram", "--tag", "nothing"));
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_nonnull (strstr (empty.err, "nothing to cram"));

  id = out_of (f, FLASH_TEST_ARGS ("interview", "start", "--section", "Deck > Strings", "--tag",
                                   "numbers", "--questions", "3", "--seed", "11"));
  g_assert_cmpstr (id, ==, "1\n");
  questions = out_of (f, FLASH_TEST_ARGS ("interview", "questions", "1"));
  g_assert_cmpuint (strlen (questions), >, 0);
  g_assert_nonnull (strstr (questions, "1\tDeck\tRésumé\n"));
  g_assert_nonnull (strstr (questions, "3\tDeck\tIntegers\n"));
  assert_out (f, FLASH_TEST_ARGS ("interview", "answer", "1", "1", "again", "--seconds", "4"), "");
  assert_out (f, FLASH_TEST_ARGS ("interview", "answer", "1", "1", "good", "--seconds", "4",
                                  "--note", "a summary"), "");
  assert_out (f, FLASH_TEST_ARGS ("interview", "answer", "1", "2", "1", "--seconds", "10"), "");
  assert_out (f, FLASH_TEST_ARGS ("interview", "answer", "1", "3", "hard", "--seconds", "2"), "");
  assert_out (f, FLASH_TEST_ARGS ("interview", "report", "1"),
              "#numbers\t1\t50.0\t2.0\nDeck › Strings\t2\t50.0\t7.0\n");
  list = out_of (f, FLASH_TEST_ARGS ("interview", "list"));
  g_assert_true (g_str_has_prefix (list, "1\t2026-11-21T"));
  g_assert_true (g_str_has_suffix (list, "\t3\t3\t50.0\n"));

  run (&stranger, f, FLASH_TEST_ARGS ("interview", "answer", "1", "99", "good"));
  g_assert_cmpint (stranger.status, ==, 1);
  g_assert_nonnull (strstr (stranger.err, "not a question of interview 1"));
  run (&unknown, f, FLASH_TEST_ARGS ("interview", "report", "5"));
  g_assert_cmpint (unknown.status, ==, 1);
  run (&twice, f, FLASH_TEST_ARGS ("due", "--tag", "a", "--tag", "b"));
  g_assert_cmpint (twice.status, ==, 2);
  run (&ahead, f, FLASH_TEST_ARGS ("cram", "--ahead", "3"));
  g_assert_cmpint (ahead.status, ==, 2);
  /* Neither cramming nor the interview wrote to the review log. */
  log_after = out_of (f, FLASH_TEST_ARGS ("log"));
  g_assert_cmpstr (log_after, ==, log_before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, flash_test_collection_set_up, func, \
              flash_test_collection_tear_down)
  ADD ("/cli-cards/search", test_search);
  ADD ("/cli-cards/actions", test_actions);
  ADD ("/cli-cards/edit", test_edit);
  ADD ("/cli-cards/study-choices", test_study_choices);
  ADD ("/cli-cards/cram-and-interview", test_cram_and_interview);
#undef ADD

  return g_test_run ();
}
