/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: runs flashsheet-cli as a script would and checks its output and exit status. */
#include "flash-test-collection.h"
#include "flash-test-util.h"
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "flash-store.h"

/* A Saturday morning; with TZ=UTC and days starting at 04:00 it is study day 2026-11-21. */
#define TEST_NOW "2026-11-21T10:00:00Z"

/* dir: a private temporary directory; db: the collection in it. */
typedef FlashTestCollection Fixture;

static const char *
cli_path (void)
{
  const char *path = g_getenv ("FLASHSHEET_CLI");

  g_assert_nonnull (path);
  return path;
}

static char *
deck_path (const char *name)
{
  const char *dir = g_getenv ("FLASHSHEET_DECKS_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Runs the CLI with @args (NULL-terminated). @env holds NAME=VALUE overrides, or NAME alone to
 * unset; the clock is TEST_NOW unless overridden, and times are UTC. */
static void
run_full (FlashTestRun       *run,
          const char         *db,
          const char * const *env,
          const char * const *args)
{
  flash_test_cli_run (run, db, TEST_NOW, env, NULL, NULL, args);
}

#define ARGS(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* Runs the CLI on the fixture's collection. */
#define cli(run, f, ...) run_full ((run), (f)->db, NULL, ARGS (__VA_ARGS__))

/* Runs a command that must succeed silently on stderr, and returns its stdout. */
static char *
cli_ok (Fixture            *f,
        const char * const *args)
{
  g_auto(FlashTestRun) run = { 0 };

  run_full (&run, f->db, NULL, args);
  if (run.status != 0)
    g_printerr ("stderr: %s\n", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return g_steal_pointer (&run.out);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  /* Every line of the CLI's output ends with a line break. */
  g_assert_true (*text == '\0' || text[strlen (text) - 1] == '\n');
  return n;
}

static guint
count_fields (const char *line)
{
  guint n = 1;

  for (const char *p = line; *p != '\0'; p++)
    if (*p == '\t')
      n++;
  return n;
}

static void
import_bundled (Fixture *f)
{
  g_autofree char *python = deck_path ("python-deep-dive.md");
  g_autofree char *senior = deck_path ("senior-python.md");
  g_autofree char *out = cli_ok (f, ARGS ("import", python, senior));
}

/* Opens the fixture's collection in this process to compare the CLI with the core API. */
static FlashStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  FlashStore *store = flash_store_open (f->db, &error);

  g_assert_no_error (error);
  return store;
}

static GDateTime *
test_now (void)
{
  g_autoptr(GError) error = NULL;
  GDateTime *now = flash_clock_parse (TEST_NOW, &error);

  g_assert_no_error (error);
  return now;
}

static void
test_version (void)
{
  g_auto(FlashTestRun) run = { 0 };

  run_full (&run, NULL, NULL, ARGS ("--version"));
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "flashsheet-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_help (void)
{
  const char *commands[] = {
    "import [--format md|html] FILE…|-", "decks", "cards [--deck NAME]", "show ID",
    "due [--deck NAME] [--section S] [--tag T] [--ahead DAYS] [--limit N]\n",
    "rename-deck NAME NEW-NAME",
    "grade ID GRADE", "undo", "log [--deck NAME]", "stats",
    "export [--deck NAME] --format md|tsv|apkg [--output FILE]", "simulate [--scheduler sm2|fsrs] GRADES", "schedule ID",
    "scheduler [sm2|fsrs] [--retention R] [--fuzz on|off]", "--db PATH", "--now ISO8601",
    "--version", "FLASHSHEET_NOW",
  };
  g_auto(FlashTestRun) run = { 0 };
  g_auto(FlashTestRun) after = { 0 };

  run_full (&run, NULL, NULL, ARGS ("--help"));
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Usage: flashsheet-cli "));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strstr (run.out, commands[i]) == NULL)
      g_error ("--help does not mention “%s”:\n%s", commands[i], run.out);

  /* --help after a command shows the same help rather than running the command. */
  run_full (&after, NULL, NULL, ARGS ("grade", "--help"));
  g_assert_cmpint (after.status, ==, 0);
  g_assert_cmpstr (after.out, ==, run.out);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char * const *cases[] = {
    ARGS ("frobnicate"),
    ARGS ("--frobnicate", "decks"),
    ARGS ("decks", "--frobnicate"),
    ARGS ("decks", "extra"),
    ARGS ("decks", "--deck", "Senior Python"),
    ARGS ("cards", "--deck"),
    ARGS ("cards", "--deck="),
    ARGS ("cards", "--deck", "A", "--deck", "B"),
    ARGS ("import"),
    ARGS ("show"),
    ARGS ("show", "abc"),
    ARGS ("show", "0"),
    ARGS ("show", "1", "2"),
    ARGS ("due", "--limit", "x"),
    ARGS ("due", "--limit", "0"),
    ARGS ("due", "--limit", "-3"),
    ARGS ("due", "--limit"),
    ARGS ("grade"),
    ARGS ("grade", "1"),
    ARGS ("grade", "1", "6"),
    ARGS ("grade", "1", "-1"),
    ARGS ("grade", "1", "x"),
    ARGS ("grade", "1", "4.5"),
    ARGS ("grade", "one", "4"),
    ARGS ("undo", "1"),
    ARGS ("log", "--limit", "3"),
    ARGS ("stats", "now"),
    ARGS ("export"),
    ARGS ("export", "--format", "pdf"),
    ARGS ("simulate"),
    ARGS ("simulate", "5,9"),
    ARGS ("simulate", "5,,4"),
    ARGS ("simulate", "5,4,"),
    ARGS ("simulate", "five"),
    ARGS ("simulate", "5", "4"),
    ARGS ("--now", "yesterday", "decks"),
    ARGS ("--now"),
  };

  import_bundled (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(FlashTestRun) run = { 0 };
      g_autofree char *joined = g_strjoinv (" ", (char **) cases[i]);

      g_test_message ("flashsheet-cli %s", joined);
      run_full (&run, f->db, NULL, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "flashsheet-cli: "));
      g_assert_nonnull (strstr (run.err, "Usage: flashsheet-cli"));
    }

  /* No command at all is wrong usage too, and needs no collection. */
  {
    g_auto(FlashTestRun) run = { 0 };

    run_full (&run, NULL, NULL, ARGS ("--db", f->db));
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Usage: flashsheet-cli"));
  }
}

static const char expected_import[] =
  "Python Deep Dive: 27 cards (27 added, 0 updated, 0 unchanged, 0 retired)\n"
  "Senior Python: 17 cards (17 added, 0 updated, 0 unchanged, 0 retired)\n";

static const char expected_reimport[] =
  "Python Deep Dive: 27 cards (0 added, 0 updated, 27 unchanged, 0 retired)\n"
  "Senior Python: 17 cards (0 added, 0 updated, 17 unchanged, 0 retired)\n";

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *python = deck_path ("python-deep-dive.md");
  g_autofree char *senior = deck_path ("senior-python.md");
  g_autofree char *first = cli_ok (f, ARGS ("import", python, senior));
  g_autofree char *again = cli_ok (f, ARGS ("import", python, senior));

  g_assert_cmpstr (first, ==, expected_import);
  g_assert_cmpstr (again, ==, expected_reimport);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.md", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.md", NULL);
  g_autofree char *latin1 = g_build_filename (f->dir, "latin1.md", NULL);
  g_autofree char *binary = g_build_filename (f->dir, "binary.md", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.md", NULL);
  g_autofree char *python = deck_path ("python-deep-dive.md");
  g_autofree char *decks_before = NULL;
  static const char nul_text[] = "# Broken\n\n## Question\n\nAn answer\0with a NUL byte.\n";
  const char *bad[] = { missing, folder, latin1, binary, empty };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_file (latin1, "# Caf\xe9\n\n## Question\n\nAnswer \xe9t\xe9.\n", -1);
  write_file (binary, nul_text, sizeof nul_text - 1);
  write_file (empty, "# Only a Title\n\nA description and no cards at all.\n", -1);

  {
    g_autofree char *out = cli_ok (f, ARGS ("import", python));
  }
  decks_before = cli_ok (f, ARGS ("decks"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(FlashTestRun) run = { 0 };
      g_autofree char *decks_after = NULL;
      g_autofree char *base = g_path_get_basename (bad[i]);

      g_test_message ("import %s", bad[i]);
      cli (&run, f, "import", bad[i]);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "flashsheet-cli: "));
      if (strstr (run.err, base) == NULL)
        g_error ("the error for %s does not name the file: %s", base, run.err);
      g_assert_cmpuint (count_lines (run.err), ==, 1);

      decks_after = cli_ok (f, ARGS ("decks"));
      g_assert_cmpstr (decks_after, ==, decks_before);
    }
}

/* A bad file among good ones fails alone: the others are imported and the status is 1. */
static void
test_import_partial (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *python = deck_path ("python-deep-dive.md");
  g_autofree char *senior = deck_path ("senior-python.md");
  g_autofree char *missing = g_build_filename (f->dir, "missing.md", NULL);
  g_autofree char *decks = NULL;
  g_auto(FlashTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  cli (&run, f, "import", python, missing, senior);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected_import);
  g_assert_true (g_str_has_prefix (run.err, "flashsheet-cli: "));
  g_assert_nonnull (strstr (run.err, "missing.md"));

  decks = cli_ok (f, ARGS ("decks"));
  lines = g_strsplit (decks, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
}

static void
test_decks (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *empty = cli_ok (f, ARGS ("decks"));
  g_autofree char *out = NULL;
  g_autoptr(FlashStore) store = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  /* A fresh collection has no decks, and no header line either. */
  g_assert_cmpstr (empty, ==, "");

  import_bundled (f);
  out = cli_ok (f, ARGS ("decks"));
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (count_lines (out), ==, 2);
  g_assert_cmpuint (count_fields (lines[0]), ==, 5);
  g_assert_nonnull (strstr (lines[0], "\tPython Deep Dive\t27\t27\t"));
  g_assert_nonnull (strstr (lines[1], "\tSenior Python\t17\t17\t"));

  store = open_store (f);
  infos = flash_store_list_decks (store, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < infos->len; i++)
    {
      const FlashDeckInfo *info = g_ptr_array_index (infos, i);

      g_string_append_printf (expected, "%" G_GINT64_FORMAT "\t%s\t%u\t%u\t%u\n",
                              info->id, info->name, info->total, info->new_cards,
                              info->due_today);
    }
  g_assert_cmpstr (out, ==, expected->str);
}

static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *all = NULL;
  g_autofree char *senior = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(FlashTestRun) run = { 0 };

  import_bundled (f);
  all = cli_ok (f, ARGS ("cards"));
  g_assert_cmpuint (count_lines (all), ==, 44);
  lines = g_strsplit (all, "\n", -1);
  for (guint i = 0; i < 44; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_true (g_ascii_isdigit (fields[0][0]));
      g_assert_true (strcmp (fields[1], "Python Deep Dive") == 0 ||
                     strcmp (fields[1], "Senior Python") == 0);
      g_assert_cmpstr (fields[3], !=, "");
    }
  g_assert_nonnull (strstr (all, "\tPython Deep Dive\tPython Deep Dive › Internals\tGIL\n"));

  senior = cli_ok (f, ARGS ("cards", "--deck", "Senior Python"));
  g_assert_cmpuint (count_lines (senior), ==, 17);
  g_assert_null (strstr (senior, "\tPython Deep Dive\t"));
  {
    /* --deck=NAME is the same as --deck NAME. */
    g_autofree char *same = cli_ok (f, ARGS ("cards", "--deck=Senior Python"));

    g_assert_cmpstr (same, ==, senior);
  }

  cli (&run, f, "cards", "--deck", "No Such Deck");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "flashsheet-cli: "));
}

/* Cards whose question has a line break or a tab still take one line of `cards` output. */
static void
test_cards_fold (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sheet = g_build_filename (f->dir, "tabs.md", NULL);
  g_autofree char *out = NULL;

  write_file (sheet,
              "# Tabs\n\n"
              "## Terms\n\n"
              "| Term | Meaning |\n"
              "| --- | --- |\n"
              "| a\tb | first |\n"
              "| c | second |\n", -1);
  g_free (cli_ok (f, ARGS ("import", sheet)));
  out = cli_ok (f, ARGS ("cards"));
  g_assert_cmpuint (count_lines (out), ==, 2);
  g_assert_cmpuint (count_fields (out), ==, 4 + 3);
}

static void
test_show (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(FlashStore) store = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FlashTestRun) run = { 0 };

  import_bundled (f);
  store = open_store (f);
  cards = flash_store_list_cards (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 44);

  for (guint i = 0; i < cards->len; i++)
    {
      const FlashCard *card = g_ptr_array_index (cards, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, card->id);
      g_autofree char *out = cli_ok (f, ARGS ("show", id));
      g_autofree char *expected = g_strconcat (card->question, "\n\n", card->answer,
                                               g_str_has_suffix (card->answer, "\n") ? "" : "\n",
                                               NULL);

      g_assert_cmpstr (out, ==, expected);
    }

  cli (&run, f, "show", "999999");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "flashsheet-cli: "));
}

static void
test_due (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(FlashStore) store = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autofree char *limited = NULL;
  g_autofree char *senior = NULL;

  import_bundled (f);
  out = cli_ok (f, ARGS ("due"));

  store = open_store (f);
  queue = flash_store_today_queue (store, 0, now, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, >, 5);
  for (guint i = 0; i < queue->len; i++)
    {
      g_autoptr(FlashCard) card = flash_store_get_card (store,
                                                        g_array_index (queue, gint64, i),
                                                        &error);

      g_assert_no_error (error);
      g_string_append_printf (expected, "%" G_GINT64_FORMAT "\t%s\t%s\n",
                              card->id, card->deck_name, card->question);
    }
  g_assert_cmpstr (out, ==, expected->str);

  /* --limit keeps the first N of the same order. */
  limited = cli_ok (f, ARGS ("due", "--limit", "5"));
  g_assert_cmpuint (count_lines (limited), ==, 5);
  g_assert_true (g_str_has_prefix (out, limited));

  senior = cli_ok (f, ARGS ("due", "--deck", "Senior Python"));
  g_assert_cmpuint (count_lines (senior), >, 0);
  g_assert_null (strstr (senior, "\tPython Deep Dive\t"));
}

/* Returns the id of the first card in today's queue, as text. */
static char *
first_due (Fixture *f)
{
  g_autofree char *out = cli_ok (f, ARGS ("due", "--limit", "1"));
  const char *tab = strchr (out, '\t');

  g_assert_nonnull (tab);
  return g_strndup (out, tab - out);
}

static void
test_grade_log_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *graded = NULL;
  g_autofree char *log = NULL;
  g_autofree char *expected_log = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *expected_undo = NULL;
  g_autofree char *log_after = NULL;
  g_autofree char *due_before = NULL;
  g_autofree char *due_after = NULL;
  g_auto(FlashTestRun) nothing = { 0 };
  g_auto(FlashTestRun) unknown = { 0 };

  import_bundled (f);
  {
    g_autofree char *empty_log = cli_ok (f, ARGS ("log"));

    g_assert_cmpstr (empty_log, ==, "");
  }

  id = first_due (f);
  due_before = cli_ok (f, ARGS ("due"));

  /* A new card graded 4: n = 1, EF = 2.5 + 0.1 − 1 × (0.08 + 0.02) = 2.5, I = 1 day. */
  graded = cli_ok (f, ARGS ("grade", id, "4"));
  g_assert_cmpstr (graded, ==, "1\t2.5000\t1\t2026-11-22\n");

  log = cli_ok (f, ARGS ("log"));
  expected_log = g_strdup_printf ("2026-11-21T10:00:00Z\t%s\t4\t1\t2.5000\n", id);
  g_assert_cmpstr (log, ==, expected_log);
  {
    g_autofree char *python_log = cli_ok (f, ARGS ("log", "--deck", "Python Deep Dive"));
    g_autofree char *senior_log = cli_ok (f, ARGS ("log", "--deck", "Senior Python"));
    g_autofree char *pair = g_strconcat (python_log, senior_log, NULL);

    g_assert_cmpstr (pair, ==, expected_log);
  }

  /* The graded card has left today's queue. */
  {
    g_autofree char *due_now = cli_ok (f, ARGS ("due"));
    g_autofree char *line_start = g_strconcat (id, "\t", NULL);

    g_assert_false (g_str_has_prefix (due_now, line_start));
  }

  undone = cli_ok (f, ARGS ("undo"));
  expected_undo = g_strconcat (id, "\n", NULL);
  g_assert_cmpstr (undone, ==, expected_undo);
  log_after = cli_ok (f, ARGS ("log"));
  g_assert_cmpstr (log_after, ==, "");
  due_after = cli_ok (f, ARGS ("due"));
  g_assert_cmpstr (due_after, ==, due_before);

  cli (&nothing, f, "undo");
  g_assert_cmpint (nothing.status, ==, 1);
  g_assert_cmpstr (nothing.out, ==, "");
  g_assert_true (g_str_has_prefix (nothing.err, "flashsheet-cli: "));
  g_assert_cmpuint (count_lines (nothing.err), ==, 1);

  cli (&unknown, f, "grade", "999999", "4");
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_true (g_str_has_prefix (unknown.err, "flashsheet-cli: "));
}

/* Failed answers: n drops to 0 and I to 1, EF still moves (here 2.5 − 0.54 = 1.96). */
static void
test_grade_fail (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *graded = NULL;

  import_bundled (f);
  id = first_due (f);
  graded = cli_ok (f, ARGS ("grade", id, "1"));
  g_assert_cmpstr (graded, ==, "0\t1.9600\t1\t2026-11-22\n");
}

static void
test_clock (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *log = NULL;
  g_autofree char *expected = NULL;
  g_auto(FlashTestRun) env_run = { 0 };
  g_auto(FlashTestRun) both_run = { 0 };
  g_auto(FlashTestRun) bad_env = { 0 };
  g_auto(FlashTestRun) bad_env_simulate = { 0 };

  import_bundled (f);
  id = first_due (f);

  /* FLASHSHEET_NOW alone sets the clock. */
  run_full (&env_run, f->db, ARGS ("FLASHSHEET_NOW=2026-03-01T08:00:00Z"), ARGS ("grade", id, "5"));
  g_assert_cmpint (env_run.status, ==, 0);
  g_assert_cmpstr (env_run.out, ==, "1\t2.6000\t1\t2026-03-02\n");

  /* --now wins over FLASHSHEET_NOW. */
  run_full (&both_run, f->db, ARGS ("FLASHSHEET_NOW=2026-03-01T08:00:00Z"),
            ARGS ("--now", "2026-03-10T09:30:00Z", "grade", id, "5"));
  g_assert_cmpint (both_run.status, ==, 0);
  g_assert_cmpstr (both_run.out, ==, "2\t2.7000\t6\t2026-03-16\n");

  log = cli_ok (f, ARGS ("log"));
  expected = g_strdup_printf ("2026-03-01T08:00:00Z\t%s\t5\t1\t2.6000\n"
                              "2026-03-10T09:30:00Z\t%s\t5\t6\t2.7000\n", id, id);
  g_assert_cmpstr (log, ==, expected);

  /* The option also goes after the command, and a time before 04:00 belongs to the day before. */
  {
    g_autofree char *late = cli_ok (f, ARGS ("grade", id, "5", "--now=2026-03-17T02:00:00Z"));

    g_assert_cmpstr (late, ==, "3\t2.8000\t16\t2026-04-01\n");
  }

  /* An unreadable FLASHSHEET_NOW is wrong usage, but only for commands that read the clock. */
  run_full (&bad_env, f->db, ARGS ("FLASHSHEET_NOW=soon"), ARGS ("decks"));
  g_assert_cmpint (bad_env.status, ==, 2);
  g_assert_nonnull (strstr (bad_env.err, "FLASHSHEET_NOW"));
  run_full (&bad_env_simulate, f->db, ARGS ("FLASHSHEET_NOW=soon"), ARGS ("simulate", "5"));
  g_assert_cmpint (bad_env_simulate.status, ==, 0);
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  const char *keys[] = {
    "decks", "cards", "new", "reviews", "reviews_today", "due_today", "due_tomorrow",
    "retention_30d", "streak",
  };
  g_autoptr(FlashStore) store = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  FlashStats stats;

  fresh = cli_ok (f, ARGS ("stats"));
  g_assert_cmpstr (fresh, ==,
                   "decks\t0\ncards\t0\nnew\t0\nreviews\t0\nreviews_today\t0\ndue_today\t0\n"
                   "due_tomorrow\t0\nretention_30d\t-\nstreak\t0\n");

  import_bundled (f);
  before = cli_ok (f, ARGS ("stats"));
  lines = g_strsplit (before, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (keys) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *prefix = g_strconcat (keys[i], "\t", NULL);

      g_assert_true (g_str_has_prefix (lines[i], prefix));
    }

  store = open_store (f);
  g_assert_true (flash_store_get_stats (store, now, &stats, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("decks\t2\ncards\t44\nnew\t44\nreviews\t0\nreviews_today\t0\n"
                              "due_today\t%u\ndue_tomorrow\t%u\nretention_30d\t-\nstreak\t0\n",
                              stats.due_today, stats.due_tomorrow);
  g_assert_cmpstr (before, ==, expected);

  /* Two new cards learnt yesterday, then reviewed today: one remembered (4), one forgotten (1).
   * Retention counts reviews of learnt cards only, so it is 50 %. */
  {
    g_autofree char *queue = cli_ok (f, ARGS ("due", "--limit", "2"));
    g_auto(GStrv) queue_lines = g_strsplit (queue, "\n", -1);
    g_auto(GStrv) first = g_strsplit (queue_lines[0], "\t", 2);
    g_auto(GStrv) second = g_strsplit (queue_lines[1], "\t", 2);

    g_free (cli_ok (f, ARGS ("--now", "2026-11-20T10:00:00Z", "grade", first[0], "4")));
    g_free (cli_ok (f, ARGS ("--now", "2026-11-20T10:00:00Z", "grade", second[0], "4")));
    g_free (cli_ok (f, ARGS ("grade", first[0], "4")));
    g_free (cli_ok (f, ARGS ("grade", second[0], "1")));
  }

  after = cli_ok (f, ARGS ("stats"));
  g_assert_nonnull (strstr (after, "\nnew\t42\n"));
  g_assert_nonnull (strstr (after, "\nreviews\t4\nreviews_today\t2\n"));
  g_assert_nonnull (strstr (after, "\nretention_30d\t50.0\nstreak\t2\n"));
}

static void
test_export_markdown (Fixture       *f,
                      gconstpointer  data)
{
  const char *decks[] = { "Python Deep Dive", "Senior Python" };
  Fixture copy = { 0 };

  import_bundled (f);
  flash_test_collection_set_up (&copy, NULL);

  for (guint d = 0; d < G_N_ELEMENTS (decks); d++)
    {
      g_autofree char *markdown = cli_ok (f, ARGS ("export", "--deck", decks[d], "--format", "md"));
      g_autofree char *file = g_strdup_printf ("%s/export-%u.md", copy.dir, d);
      g_autofree char *imported = NULL;
      g_autofree char *original_cards = NULL;
      g_autofree char *copied_cards = NULL;
      g_auto(GStrv) original_lines = NULL;
      g_auto(GStrv) copied_lines = NULL;

      write_file (file, markdown, -1);
      imported = cli_ok (&copy, ARGS ("import", file));
      g_assert_true (g_str_has_prefix (imported, decks[d]));
      g_assert_true (g_str_has_suffix (imported, " added, 0 updated, 0 unchanged, 0 retired)\n"));

      /* The same cards in the same order; ids may differ, so compare the rest of each line and
       * then the full text of each card. */
      original_cards = cli_ok (f, ARGS ("cards", "--deck", decks[d]));
      copied_cards = cli_ok (&copy, ARGS ("cards", "--deck", decks[d]));
      original_lines = g_strsplit (original_cards, "\n", -1);
      copied_lines = g_strsplit (copied_cards, "\n", -1);
      g_assert_cmpuint (g_strv_length (copied_lines), ==, g_strv_length (original_lines));
      for (guint i = 0; original_lines[i] != NULL && original_lines[i][0] != '\0'; i++)
        {
          const char *original_tab = strchr (original_lines[i], '\t');
          const char *copied_tab = strchr (copied_lines[i], '\t');
          g_autofree char *original_id = g_strndup (original_lines[i],
                                                    original_tab - original_lines[i]);
          g_autofree char *copied_id = g_strndup (copied_lines[i], copied_tab - copied_lines[i]);
          g_autofree char *original_show = cli_ok (f, ARGS ("show", original_id));
          g_autofree char *copied_show = cli_ok (&copy, ARGS ("show", copied_id));

          g_assert_cmpstr (copied_tab, ==, original_tab);
          g_assert_cmpstr (copied_show, ==, original_show);
        }
    }

  flash_test_collection_tear_down (&copy, NULL);
}

static void
test_export_tsv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *all = NULL;
  g_autofree char *senior = NULL;

  import_bundled (f);
  all = cli_ok (f, ARGS ("export", "--format", "tsv"));
  g_assert_cmpuint (count_lines (all), ==, 44);
  senior = cli_ok (f, ARGS ("export", "--format=tsv", "--deck", "Senior Python"));
  g_assert_cmpuint (count_lines (senior), ==, 17);
}

static void
test_simulate (void)
{
  g_auto(FlashTestRun) run = { 0 };

  /* By hand: I = 1 when n = 0, 6 when n = 1, else round (I × EF_old); q < 3 resets n and I;
   * EF += 0.1 − (5 − q)(0.08 + (5 − q) × 0.02), never below 1.3. */
  run_full (&run, NULL, NULL, ARGS ("simulate", "5,4,3,0,4"));
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "5\t1\t2.6000\t1\n"
                   "4\t2\t2.6000\t6\n"
                   "3\t3\t2.4600\t16\n"
                   "0\t0\t1.6600\t1\n"
                   "4\t1\t1.6600\t1\n");
}

/* Without --db the collection is $XDG_DATA_HOME/flashsheet/collection.db. */
static void
test_default_db (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *data_home = g_build_filename (f->dir, "xdg-data", NULL);
  g_autofree char *env_data = g_strconcat ("XDG_DATA_HOME=", data_home, NULL);
  g_autofree char *expected = g_build_filename (data_home, "flashsheet", "collection.db", NULL);
  g_autofree char *python = deck_path ("python-deep-dive.md");
  g_auto(FlashTestRun) imported = { 0 };
  g_auto(FlashTestRun) decks = { 0 };

  run_full (&imported, NULL, ARGS (env_data), ARGS ("import", python));
  g_assert_cmpstr (imported.err, ==, "");
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));

  run_full (&decks, NULL, ARGS (env_data), ARGS ("decks"));
  g_assert_cmpint (decks.status, ==, 0);
  g_assert_nonnull (strstr (decks.out, "\tPython Deep Dive\t27\t"));
}

static void
test_bad_db (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_auto(FlashTestRun) on_text = { 0 };
  g_auto(FlashTestRun) on_dir = { 0 };

  write_file (text, "This is not a SQLite database, just some notes that are long enough.\n", -1);
  run_full (&on_text, text, NULL, ARGS ("decks"));
  g_assert_cmpint (on_text.status, ==, 1);
  g_assert_cmpstr (on_text.out, ==, "");
  g_assert_true (g_str_has_prefix (on_text.err, "flashsheet-cli: "));

  run_full (&on_dir, f->dir, NULL, ARGS ("decks"));
  g_assert_cmpint (on_dir.status, ==, 1);
  g_assert_true (g_str_has_prefix (on_dir.err, "flashsheet-cli: "));
}

/* "--" ends the options, so a sheet whose name starts with "-" can be imported. */
static void
test_import_dash (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *python = deck_path ("python-deep-dive.md");
  g_autofree char *dashed = g_build_filename (f->dir, "-dashed.md", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FlashTestRun) run = { 0 };

  g_file_get_contents (python, &contents, NULL, &error);
  g_assert_no_error (error);
  write_file (dashed, contents, -1);
  g_assert_cmpint (g_chdir (f->dir), ==, 0);

  run_full (&run, f->db, NULL, ARGS ("import", "-dashed.md"));
  g_assert_cmpint (run.status, ==, 2);

  out = cli_ok (f, ARGS ("import", "--", "-dashed.md"));
  g_assert_cmpstr (out, ==,
                   "Python Deep Dive: 27 cards (27 added, 0 updated, 0 unchanged, 0 retired)\n");
  g_assert_cmpint (g_chdir (g_get_tmp_dir ()), ==, 0);
}

/* Output that cannot be written (here a full disk) is an error, not a silent success. */
static void
test_write_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;
  const char *argv[] = {
    "/bin/sh", "-c", "exec \"$0\" simulate 5,4 >/dev/full", cli_path (), NULL,
  };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &wait_status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
  g_assert_true (g_str_has_prefix (err, "flashsheet-cli: "));
}

static void
stdin_from_file_cb (gpointer path)
{
  int fd = open (path, O_RDONLY);

  dup2 (fd, 0);
  close (fd);
}

/* Runs "import [--format @format] -" with @input on standard input. */
static void
import_stdin (FlashTestRun *run,
              Fixture      *f,
              const char   *format,
              const char   *input)
{
  g_autofree char *path = g_build_filename (f->dir, "stdin", NULL);

  g_assert_true (g_file_set_contents (path, input, -1, NULL));
  flash_test_cli_run (run, f->db, TEST_NOW, NULL, stdin_from_file_cb, path,
                      format != NULL ? ARGS ("import", "--format", format, "-")
                                     : ARGS ("import", "-"));
}

/* "import -" reads a sheet from standard input; the same text again (line ends and trailing
 * blanks aside) updates its deck; --format html reads a web page; nothing to read is an error. */
static void
test_import_stdin (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(FlashTestRun) first = { 0 };
  g_auto(FlashTestRun) again = { 0 };
  g_auto(FlashTestRun) page = { 0 };
  g_auto(FlashTestRun) empty = { 0 };
  g_auto(FlashTestRun) bad = { 0 };
  g_autofree char *decks = NULL;

  import_stdin (&first, f, NULL, "## One\n\nFirst.\n");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, "Pasted on 2026-11-21: 1 cards (1 added, 0 updated, 0 unchanged, "
                                  "0 retired)\n");
  import_stdin (&again, f, "md", "## One\r\n\r\nFirst.  \r\n\r\n");
  g_assert_cmpstr (again.out, ==, "Pasted on 2026-11-21: 1 cards (0 added, 0 updated, 1 unchanged, "
                                  "0 retired)\n");
  import_stdin (&page, f, "html", "<title>Web</title><h2>Two</h2><p>Second.</p>");
  g_assert_cmpint (page.status, ==, 0);
  g_assert_cmpstr (page.out, ==, "Web: 1 cards (1 added, 0 updated, 0 unchanged, 0 retired)\n");
  decks = cli_ok (f, ARGS ("decks"));
  g_assert_nonnull (strstr (decks, "\tPasted on 2026-11-21\t1\t"));
  g_assert_nonnull (strstr (decks, "\tWeb\t1\t"));

  import_stdin (&empty, f, NULL, "");
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_nonnull (strstr (empty.err, "standard input: no cards found"));
  import_stdin (&bad, f, "pdf", "x");
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "unknown import format"));
}

int
main (int    argc,
      char **argv)
{
  /* The in-process comparisons must see the same study day as the CLI runs. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, flash_test_collection_set_up, (func), \
              flash_test_collection_tear_down)

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/simulate", test_simulate);
  g_test_add_func ("/cli/write-error", test_write_error);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/import", test_import);
  ADD ("/cli/import-bad", test_import_bad);
  ADD ("/cli/import-partial", test_import_partial);
  ADD ("/cli/import-dash", test_import_dash);
  ADD ("/cli/decks", test_decks);
  ADD ("/cli/cards", test_cards);
  ADD ("/cli/cards-fold", test_cards_fold);
  ADD ("/cli/show", test_show);
  ADD ("/cli/due", test_due);
  ADD ("/cli/grade-log-undo", test_grade_log_undo);
  ADD ("/cli/grade-fail", test_grade_fail);
  ADD ("/cli/clock", test_clock);
  ADD ("/cli/stats", test_stats);
  ADD ("/cli/import-stdin", test_import_stdin);
  ADD ("/cli/export-markdown", test_export_markdown);
  ADD ("/cli/export-tsv", test_export_tsv);
  ADD ("/cli/default-db", test_default_db);
  ADD ("/cli/bad-db", test_bad_db);

#undef ADD

  return g_test_run ();
}
