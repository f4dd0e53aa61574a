/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-decks.c: checks that the bundled decks turn into exactly the cards a user is promised. */

#include <string.h>

#include <glib/gstdio.h>

#include "flash-sheet.h"
#include "flash-store.h"

/* U+203A, the breadcrumb separator, spelt out in UTF-8 so the source stays ASCII. */
#define SEP " \xe2\x80\xba "

#define PDD "Python Deep Dive"
#define SP "Senior Python"

typedef struct
{
  const char *context;
  const char *question;
} ExpectedCard;

typedef struct
{
  const char         *file_name;
  const char         *name;
  const ExpectedCard *cards;
  gsize               n_cards;
  guint               n_code_blocks; /* one example per item whose seed had one */
} ExpectedDeck;

static const ExpectedCard python_deep_dive_cards[] = {
  { PDD SEP "Internals", "GIL" },
  { PDD SEP "Internals", "Memory" },
  { PDD SEP "Internals", "Object Model" },
  { PDD SEP "Concurrency Models", "asyncio" },
  { PDD SEP "Concurrency Models", "threading" },
  { PDD SEP "Concurrency Models", "multiprocessing" },
  { PDD SEP "Concurrency Models", "concurrent.futures" },
  { PDD SEP "Code Patterns", "Decorator with args" },
  { PDD SEP "Code Patterns", "Context Manager" },
  { PDD SEP "Code Patterns", "Generator Pipeline" },
  { PDD SEP "Code Patterns", "Async Pattern" },
  { PDD SEP "Essential Dunder Methods", "`__init__`" },
  { PDD SEP "Essential Dunder Methods", "`__repr__`" },
  { PDD SEP "Essential Dunder Methods", "`__str__`" },
  { PDD SEP "Essential Dunder Methods", "`__eq__` / `__hash__`" },
  { PDD SEP "Essential Dunder Methods", "`__len__`" },
  { PDD SEP "Essential Dunder Methods", "`__getitem__`" },
  { PDD SEP "Essential Dunder Methods", "`__iter__` / `__next__`" },
  { PDD SEP "Essential Dunder Methods", "`__enter__` / `__exit__`" },
  { PDD SEP "Essential Dunder Methods", "`__call__`" },
  { PDD SEP "Essential Dunder Methods", "`__slots__`" },
  { PDD SEP "Modern Type Hints", "`x: int = 5`" },
  { PDD SEP "Modern Type Hints", "`list[str]`" },
  { PDD SEP "Modern Type Hints", "`str | None`" },
  { PDD SEP "Modern Type Hints", "`TypeVar('T')`" },
  { PDD SEP "Modern Type Hints", "`Protocol`" },
  { PDD SEP "Modern Type Hints", "`@dataclass`" },
};

static const ExpectedCard senior_python_cards[] = {
  { SP SEP "Async internals", "Coroutine = generator + protocol" },
  { SP SEP "Async internals", "Event loop" },
  { SP SEP "Async internals", "gather vs wait" },
  { SP SEP "Async internals", "TaskGroup (3.11+)" },
  { SP SEP "GIL + concurrency", "GIL purpose" },
  { SP SEP "GIL + concurrency", "Thread for I/O" },
  { SP SEP "GIL + concurrency", "Process for CPU" },
  { SP SEP "GIL + concurrency", "Free-threading (3.13+)" },
  { SP SEP "Descriptors + metaclasses", "Descriptor protocol" },
  { SP SEP "Descriptors + metaclasses", "Metaclass = class of a class" },
  { SP SEP "Descriptors + metaclasses", "`__slots__`" },
  { SP SEP "Perf", "cProfile" },
  { SP SEP "Perf", "memray" },
  { SP SEP "Perf", "functools.cache" },
  { SP SEP "Perf", "Vectorise with numpy" },
  { SP SEP "Architecture review", "ADR template" },
  { SP SEP "Architecture review", "Code review heuristics" },
};

static const ExpectedDeck python_deep_dive = {
  .file_name = "python-deep-dive.md",
  .name = "Python Deep Dive",
  .cards = python_deep_dive_cards,
  .n_cards = G_N_ELEMENTS (python_deep_dive_cards),
  .n_code_blocks = 7,
};

static const ExpectedDeck senior_python = {
  .file_name = "senior-python.md",
  .name = "Senior Python",
  .cards = senior_python_cards,
  .n_cards = G_N_ELEMENTS (senior_python_cards),
  .n_code_blocks = 17,
};

static FlashSheet *
load_deck (const char *file_name)
{
  const char *dir = g_getenv ("FLASHSHEET_DECKS_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  FlashSheet *sheet;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, file_name, NULL);
  sheet = flash_sheet_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);

  return sheet;
}

/* Skips the up to three spaces of indentation that CommonMark allows before a fence. */
static const char *
skip_fence_indent (const char *line)
{
  for (guint i = 0; i < 3 && *line == ' '; i++)
    line++;

  return line;
}

/* Returns the length of the run of backticks or tildes that opens @line, or 0 if it is too short
 * to be a fence. */
static gsize
fence_run (const char *line,
           char       *fence_char)
{
  gsize run = 0;

  if (*line != '`' && *line != '~')
    return 0;

  while (line[run] == *line)
    run++;
  if (run < 3)
    return 0;

  *fence_char = *line;

  return run;
}

/* Walks the fenced code blocks of an answer, asserting that each one is labelled python or bash
 * (so the review page can highlight it) and is closed. Returns how many there were. */
static guint
check_code_blocks (const FlashSheetCard *card)
{
  g_auto(GStrv) lines = g_strsplit (card->answer, "\n", -1);
  gsize open_run = 0;
  char open_char = 0;
  guint n_blocks = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = skip_fence_indent (lines[i]);
      char fence_char = 0;
      gsize run = fence_run (line, &fence_char);

      if (run == 0)
        continue;

      if (open_run == 0)
        {
          g_autofree char *info = g_strstrip (g_strdup (line + run));
          char *space = strpbrk (info, " \t");

          if (space != NULL)
            *space = '\0';

          if (g_strcmp0 (info, "python") != 0 && g_strcmp0 (info, "bash") != 0)
            g_test_fail_printf ("card \"%s\": code block with info string \"%s\", "
                                "want python or bash", card->question, info);

          open_run = run;
          open_char = fence_char;
          n_blocks++;
        }
      else if (fence_char == open_char && run >= open_run)
        {
          g_autofree char *rest = g_strstrip (g_strdup (line + run));

          if (*rest == '\0')
            open_run = 0;
        }
    }

  if (open_run != 0)
    g_test_fail_printf ("card \"%s\": code block is never closed", card->question);

  return n_blocks;
}

static gboolean
strv_contains_str (const char * const *strv,
                   const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}

static void
test_deck (gconstpointer data)
{
  const ExpectedDeck *expected = data;
  g_autoptr(FlashSheet) sheet = load_deck (expected->file_name);
  g_autoptr(GString) want = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *description = NULL;
  guint n_code_blocks = 0;
  guint last_line = 0;

  g_assert_cmpstr (sheet->name, ==, expected->name);
  g_assert_nonnull (sheet->description);
  description = g_strstrip (g_strdup (sheet->description));
  g_assert_cmpstr (description, !=, "");
  g_assert_true (strv_contains_str ((const char * const *) sheet->tags, "python"));

  /* Comparing the whole list as one string makes a failure show every card at once, which is far
   * easier to act on than the first differing index. */
  for (gsize i = 0; i < expected->n_cards; i++)
    g_string_append_printf (want, "%s | %s\n",
                            expected->cards[i].context, expected->cards[i].question);
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      const FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

      g_string_append_printf (got, "%s | %s\n", card->context, card->question);
    }
  g_assert_cmpstr (got->str, ==, want->str);
  g_assert_cmpuint (sheet->cards->len, ==, expected->n_cards);

  for (guint i = 0; i < sheet->cards->len; i++)
    {
      const FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      g_autofree char *answer = g_strstrip (g_strdup (card->answer));

      g_test_message ("checking card \"%s\"", card->question);

      g_assert_cmpstr (answer, !=, "");

      /* A term list card must have lost its term and its dash to the question. */
      g_assert_false (g_str_has_prefix (answer, "\xe2\x80\x94"));
      g_assert_null (strstr (card->question, "\xe2\x80\x94"));

      /* Re-importing relies on every key of a deck being distinct. */
      g_assert_nonnull (card->key);
      g_assert_cmpstr (card->key, !=, "");
      g_assert_false (g_hash_table_contains (keys, card->key));
      g_hash_table_add (keys, card->key);

      g_assert_cmpuint (card->line, >, 0);
      g_assert_cmpuint (card->line, >=, last_line);
      last_line = card->line;

      n_code_blocks += check_code_blocks (card);
    }

  g_assert_cmpuint (n_code_blocks, ==, expected->n_code_blocks);
}

static void
test_table_rows (void)
{
  g_autoptr(FlashSheet) sheet = load_deck (python_deep_dive.file_name);
  guint n_rows = 0;

  for (guint i = 0; i < sheet->cards->len; i++)
    {
      const FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

      if (g_strcmp0 (card->context, PDD SEP "Concurrency Models") != 0)
        continue;

      g_test_message ("checking row \"%s\"", card->question);

      /* The first column is the question; every other column is a labelled paragraph. */
      g_assert_nonnull (strstr (card->answer, "**When:**"));
      g_assert_nonnull (strstr (card->answer, "**Pattern:**"));
      g_assert_nonnull (strstr (card->answer, "**Note:**"));
      g_assert_null (strstr (card->answer, "**Module:**"));
      g_assert_true (strstr (card->answer, "**When:**") < strstr (card->answer, "**Pattern:**"));
      g_assert_true (strstr (card->answer, "**Pattern:**") < strstr (card->answer, "**Note:**"));
      n_rows++;
    }

  g_assert_cmpuint (n_rows, ==, 4);
}

/* Every fresh install imports the bundled decks, and updates import them again: the second
 * import must find every card where it left it, or users would lose their review history. */
static void
test_reimport (void)
{
  const ExpectedDeck *decks[] = { &python_deep_dive, &senior_python };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("flash-decks-XXXXXX", &error);
  g_autofree char *db_path = NULL;
  FlashStore *store;
  GDir *listing;
  const char *name;

  g_assert_no_error (error);
  db_path = g_build_filename (dir, "collection.db", NULL);
  store = flash_store_open (db_path, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (decks); i++)
      {
        g_autofree char *path = g_build_filename (g_getenv ("FLASHSHEET_DECKS_DIR"),
                                                  decks[i]->file_name, NULL);
        FlashImportResult result = { 0 };

        g_assert_true (flash_store_import_file (store, path, &result, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (result.deck_name, ==, decks[i]->name);
        g_assert_cmpuint (result.total, ==, decks[i]->n_cards);
        g_assert_cmpuint (result.added, ==, round == 0 ? decks[i]->n_cards : 0);
        g_assert_cmpuint (result.unchanged, ==, round == 0 ? 0 : decks[i]->n_cards);
        g_assert_cmpuint (result.updated, ==, 0);
        g_assert_cmpuint (result.retired, ==, 0);
        flash_import_result_clear (&result);
      }

  flash_store_close (store);

  /* The collection may leave journal files beside itself; the directory holds nothing else. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
  g_dir_close (listing);
  g_rmdir (dir);
}

static void
test_total (void)
{
  g_autoptr(FlashSheet) first = load_deck (python_deep_dive.file_name);
  g_autoptr(FlashSheet) second = load_deck (senior_python.file_name);

  g_assert_cmpuint (first->cards->len + second->cards->len, >=, 44);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/decks/python-deep-dive", &python_deep_dive, test_deck);
  g_test_add_data_func ("/decks/senior-python", &senior_python, test_deck);
  g_test_add_func ("/decks/table-rows", test_table_rows);
  g_test_add_func ("/decks/reimport", test_reimport);
  g_test_add_func ("/decks/total", test_total);

  return g_test_run ();
}
