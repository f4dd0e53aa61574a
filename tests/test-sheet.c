/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sheet.c: every rule of the cheatsheet parser, and every kind of bad input. */
#include "flash-test-util.h"

#include <string.h>

#include <glib/gstdio.h>

static FlashSheet *
parse_ok (const char *markdown)
{
  return flash_test_parse_ok (markdown, "/decks/test.md");
}

static void
test_deck_name (void)
{
  g_autoptr(FlashSheet) from_front = NULL;
  g_autoptr(FlashSheet) from_h1 = NULL;
  g_autoptr(FlashSheet) from_setext = NULL;
  g_autoptr(FlashSheet) from_file = NULL;

  from_front = parse_ok ("---\ntitle: \"Front Title\"\ntags: [python, study]\n---\n# Heading\n\n## Q\n\nA.\n");
  g_assert_cmpstr (from_front->name, ==, "Front Title");
  g_assert_cmpuint (g_strv_length (from_front->tags), ==, 2);
  g_assert_cmpstr (from_front->tags[0], ==, "python");
  g_assert_cmpstr (from_front->tags[1], ==, "study");
  /* Front matter is never shown on a card. */
  g_assert_null (strstr (flash_test_sheet_card (from_front, 0)->answer, "title"));
  g_assert_cmpuint (flash_test_sheet_card (from_front, 0)->line, ==, 7);

  from_h1 = parse_ok ("Intro\n\n# The *Deck*\n\nAbout it.\n\n## Item\n\nText.\n");
  g_assert_cmpstr (from_h1->name, ==, "The Deck");
  g_assert_cmpstr (from_h1->description, ==, "About it.");

  from_setext = parse_ok ("Setext Deck\n===========\n\n## Item\n\nText.\n");
  g_assert_cmpstr (from_setext->name, ==, "Setext Deck");

  from_file = parse_ok ("## Item\n\nText.\n");
  g_assert_cmpstr (from_file->name, ==, "test");
}

static void
test_headings (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Python\n\n"
    "## Internals\n\n"
    "### GIL\n\nA mutex.\n\n```python\nimport sys\n```\n\n"
    "### Memory\n\nRefcounts.\n\n"
    "#### Deeper\n\nGenerations.\n\n"
    "## Empty section\n\n"
    "## `__slots__`\n\nNo dict.\n");

  g_assert_cmpuint (sheet->cards->len, ==, 4);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "GIL");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->context, ==, "Python › Internals");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==,
                   "A mutex.\n\n```python\nimport sys\n```");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->tags[0], ==, "python");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->tags[1], ==, "internals");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->question, ==, "Memory");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->answer, ==, "Refcounts.");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->question, ==, "Deeper");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->context, ==, "Python › Internals › Memory");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 3)->question, ==, "`__slots__`");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 3)->context, ==, "Python");
}

static void
test_several_h1 (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok ("# One\n\nFirst.\n\n# Two\n\nSecond.\n");

  /* With more than one H1 they are sections, and each with text is a card; the first names the
   * deck no more than the second does: the file does. */
  g_assert_cmpstr (sheet->name, ==, "test");
  g_assert_cmpuint (sheet->cards->len, ==, 2);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "One");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->context, ==, "test");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->answer, ==, "Second.");
}

/* A sheet without a title of its own is named after its file; a folder's README or index after
 * the folder ("docker/README.md" is the docker sheet). */
static void
test_file_names (void)
{
  g_autoptr(FlashSheet) readme = flash_test_parse_ok ("# Run\n\nStart it.\n\n# Stop\n\nEnd it.\n",
                                                      "/sheets/docker/README.md");
  g_autoptr(FlashSheet) index = flash_test_parse_ok ("## Run\n\nStart it.\n",
                                                     "/sheets/kubectl/index.md");
  g_autoptr(FlashSheet) plain = flash_test_parse_ok ("## Run\n\nStart it.\n",
                                                     "/sheets/git-tips.md");
  g_autoptr(FlashSheet) titled = flash_test_parse_ok ("# Docker\n\n## Run\n\nStart it.\n",
                                                      "/sheets/docker/README.md");

  g_assert_cmpstr (readme->name, ==, "docker");
  g_assert_cmpstr (flash_test_sheet_card (readme, 1)->question, ==, "Stop");
  g_assert_cmpstr (index->name, ==, "kubectl");
  g_assert_cmpstr (plain->name, ==, "git-tips");
  g_assert_cmpstr (titled->name, ==, "Docker");
}

/* Of several level-one headings, a first that says it is the sheet's title still names it. */
static void
test_titled_sections (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok ("# Git Cheat Sheet\n\nDaily commands.\n\n"
                                          "# Setup\n\nInstall it.\n\n# Branches\n\nMake one.\n");

  g_assert_cmpstr (sheet->name, ==, "Git Cheat Sheet");
  g_assert_cmpuint (sheet->cards->len, ==, 3);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->question, ==, "Setup");
}

static void
test_table (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Deck\n\n## Models\n\nIntro line.\n\n"
    "| Module | When | Note |\n|---|---|---|\n"
    "| `asyncio` | I/O-bound | event loop |\n"
    "| threading | | GIL limits |\n\n"
    "| Only |\n|---|\n| one column |\n");

  /* Heading card (its remaining text, including the one-column table) then one card per row. */
  g_assert_cmpuint (sheet->cards->len, ==, 3);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "Models");
  g_assert_true (g_str_has_prefix (flash_test_sheet_card (sheet, 0)->answer, "Intro line."));
  g_assert_nonnull (strstr (flash_test_sheet_card (sheet, 0)->answer, "| one column |"));
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->question, ==, "`asyncio`");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->answer, ==,
                   "**When:** I/O-bound\n\n**Note:** event loop");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->context, ==, "Deck › Models");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->answer, ==, "**Note:** GIL limits");
}

static void
test_table_only_section (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok ("# Deck\n\n## T\n\n| A | B |\n|---|---|\n| x | y |\n");

  /* The heading has nothing left once the table is taken out: no card of its own. */
  g_assert_cmpuint (sheet->cards->len, ==, 1);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "x");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==, "**B:** y");
}

static void
test_term_list (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Deck\n\n## Dunders\n\n"
    "- `__init__`: Constructor\n"
    "- `__eq__` / `__hash__` — Equality and hashing\n"
    "- **Bold term:** explained\n"
    "- plain term: with a colon\n"
    "- dash term — with *emphasis*\n\n"
    "## Not terms\n\n- just a bullet\n- `code` then text\n\n"
    "## Sentences\n\n- `ls` lists files\n- `cd` changes directory\n");

  g_assert_cmpuint (sheet->cards->len, ==, 7);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "`__init__`");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==, "Constructor");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->question, ==, "`__eq__` / `__hash__`");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->answer, ==, "Equality and hashing");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->question, ==, "**Bold term**");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->answer, ==, "explained");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 3)->question, ==, "plain term");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 3)->answer, ==, "with a colon");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 4)->question, ==, "dash term");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 4)->answer, ==, "with *emphasis*");
  /* A list where one bullet has no term stays the heading's answer. */
  g_assert_cmpstr (flash_test_sheet_card (sheet, 5)->question, ==, "Not terms");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 5)->answer, ==,
                   "- just a bullet\n- `code` then text");
  /* A leading code span is a term only with a separator after it: these are sentences. */
  g_assert_cmpstr (flash_test_sheet_card (sheet, 6)->question, ==, "Sentences");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 6)->answer, ==,
                   "- `ls` lists files\n- `cd` changes directory");
}

static void
test_term_with_code_block (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# D\n\n## S\n\n- `gather` — returns results\n\n  ```python\n  await gather(a(), b())\n  ```\n"
    "- `wait` — returns sets\n");

  g_assert_cmpuint (sheet->cards->len, ==, 2);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==,
                   "returns results\n\n```python\nawait gather(a(), b())\n```");
}

static void
test_qa (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# D\n\n## Quiz\n\n"
    "Q: What does `await` do?\n\nA: Suspends the coroutine.\n\n```python\nawait x\n```\n\n"
    "Q: Same paragraph?\nA: Yes, **this** works.\n\n"
    "Q: No answer follows\n");

  g_assert_cmpuint (sheet->cards->len, ==, 3);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "Quiz");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==, "Q: No answer follows");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->question, ==, "What does `await` do?");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->answer, ==,
                   "Suspends the coroutine.\n\n```python\nawait x\n```");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->context, ==, "D › Quiz");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->question, ==, "Same paragraph?");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->answer, ==, "Yes, **this** works.");
}

static void
test_toc_attributes_html (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# D\n\n## Contents\n\n- [One](#one)\n- [Two](#two)\n\n"
    "## One\n\nText.\n{: .note}\n\n{: #id .class}\n\n<!-- hidden -->\n\n"
    "## Two\n\n<div onclick=\"x()\">raw & <b>html</b></div>\n\n"
    "## Three\n\n<!-- only a comment -->\n");

  g_assert_cmpuint (sheet->cards->len, ==, 2);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "One");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==, "Text.");
  /* Other raw HTML is kept as text for the renderer to escape. */
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->answer, ==,
                   "<div onclick=\"x()\">raw & <b>html</b></div>");
}

static void
test_keys (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok ("# D\n\n## S\n\n### Same  Name\n\nOne.\n\n### same name\n\nTwo.\n");
  g_autofree char *normal = flash_sheet_normalise_question ("  `Same`   **Name** ");

  g_assert_cmpstr (normal, ==, "same name");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->key, ==, "D › S\x1fsame name");
  /* The same question twice in one section still gets two distinct keys. */
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->key, !=,
                   flash_test_sheet_card (sheet, 0)->key);
}

/* Raw HTML over two lines in a heading still gives a one-line question (a fuzzer finding). */
static void
test_question_is_one_line (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok ("# D\n\n## <span\nclass=\"x\">Title</span>\n\nText.\n\n<s\nA>\n-\n\nMore.\n");

  for (guint i = 0; i < sheet->cards->len; i++)
    g_assert_null (strchr (flash_test_sheet_card (sheet, i)->question, '\n'));
  /* A heading of nothing but a tag keeps it, as text (flash-sheet-html.c). */
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->question, ==, "\\<s A>");
}

static void
test_newlines_and_bom (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok ("\xef\xbb\xbf# D\r\n\r\n## Item\r\n\r\nLine one\r\nline two\r\n");

  g_assert_cmpstr (sheet->name, ==, "D");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==, "Line one\nline two");
}

static char *
write_temp (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_load_fails (const char *path,
                   int         code,
                   const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = flash_sheet_load (path, &error);

  g_assert_null (sheet);
  g_assert_error (error, FLASH_SHEET_ERROR, code);
  g_test_message ("%s", error->message);
  /* Every message names the file. */
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
assert_parse_fails (const char *markdown,
                    gssize      length,
                    int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = flash_sheet_parse (markdown, length, "/decks/test.md", &error);

  g_assert_error (error, FLASH_SHEET_ERROR, code);
  g_assert_null (sheet);
}

/* Front matter at the very end of a file, a file of nothing but fences, CRLF and NUL bytes: each
 * is read or refused with a message, never a crash. */
/* Front matter "reverse:" adds a card per term or table row with question and answer swapped,
 * keyed after its forward card; a term of several blocks and a row of one cell get none. */
static void
test_reverse_cards (void)
{
  static const char *const sheet_text =
    "---\nreverse: %s\n---\n# Vim\n\n## Motions\n\n"
    "| Key | Action | Mode |\n| --- | --- | --- |\n| `e` | end of the word | normal |\n"
    "| `x` | | |\n\n"
    "## Editing\n\n- `dd`: delete the line\n- `p`: paste\n\n  after the cursor\n";
  g_autofree char *all_text = g_strdup_printf (sheet_text, "all");
  g_autofree char *terms_text = g_strdup_printf (sheet_text, "terms");
  g_autofree char *none_text = g_strdup_printf (sheet_text, "sometimes");
  g_autoptr(FlashSheet) all = parse_ok (all_text);
  g_autoptr(FlashSheet) terms = parse_ok (terms_text);
  g_autoptr(FlashSheet) none = parse_ok (none_text);
  const FlashSheetCard *forward;
  const FlashSheetCard *back;

  g_assert_cmpint (all->reverse, ==, FLASH_SHEET_REVERSE_TERMS | FLASH_SHEET_REVERSE_TABLES);
  g_assert_cmpuint (none->cards->len, ==, 3); /* `e`, `dd`, `p` ("`x`" has no answer) */
  g_assert_cmpuint (terms->cards->len, ==, 4);
  g_assert_cmpuint (all->cards->len, ==, 5);

  forward = flash_test_sheet_card (all, 0);
  back = flash_test_sheet_card (all, 1);
  g_assert_cmpstr (forward->question, ==, "`e`");
  g_assert_cmpstr (back->question, ==, "end of the word");
  g_assert_cmpstr (back->answer, ==, "`e`\n\n**Mode:** normal");
  g_assert_cmpstr (back->context, ==, forward->context);
  g_assert_true (g_str_has_suffix (back->key, FLASH_SHEET_REVERSE_MARK));
  g_assert_true (g_str_has_prefix (back->key, forward->key));

  back = flash_test_sheet_card (all, 3);
  g_assert_cmpstr (flash_test_sheet_card (all, 2)->question, ==, "`dd`");
  g_assert_cmpstr (back->question, ==, "delete the line");
  g_assert_cmpstr (back->answer, ==, "`dd`");
  g_assert_cmpstr (flash_test_sheet_card (all, 4)->question, ==, "`p`");
  g_assert_cmpstr (flash_test_sheet_card (terms, 2)->question, ==, "delete the line");
}

static void
test_front_matter_edges (void)
{
  g_autoptr(FlashSheet) crlf = NULL;
  g_autoptr(FlashSheet) unclosed = NULL;
  g_autoptr(FlashSheet) padded = NULL;

  /* The 16-byte file of the report: only front matter, no newline after the closing fence. */
  assert_parse_fails ("---\ntitle: X\n---", -1, FLASH_SHEET_ERROR_NO_CARDS);
  assert_parse_fails ("---\ntitle: X\n...", -1, FLASH_SHEET_ERROR_NO_CARDS);
  assert_parse_fails ("---\n---", -1, FLASH_SHEET_ERROR_NO_CARDS);
  assert_parse_fails ("---\n---\n", -1, FLASH_SHEET_ERROR_NO_CARDS);
  assert_parse_fails ("---", -1, FLASH_SHEET_ERROR_NO_CARDS);
  assert_parse_fails ("---\n", -1, FLASH_SHEET_ERROR_NO_CARDS);
  assert_parse_fails ("", 0, FLASH_SHEET_ERROR_NO_CARDS);
  assert_parse_fails ("---\r\ntitle: X\r\n---", -1, FLASH_SHEET_ERROR_NO_CARDS);
  assert_parse_fails ("---\ntitle: X\ntags:\n  - a", -1, FLASH_SHEET_ERROR_NO_CARDS);
  assert_parse_fails ("---\ntitle: X\n\0---\n", 18, FLASH_SHEET_ERROR_BINARY);
  assert_parse_fails ("---\n\0", 5, FLASH_SHEET_ERROR_BINARY);

  /* CRLF front matter closed at the end of a line, then a card whose last line has no newline. */
  crlf = parse_ok ("---\r\ntitle: Windows\r\ntags:\r\n  - a\r\n---\r\n## Q\r\n\r\nA.");
  g_assert_cmpstr (crlf->name, ==, "Windows");
  g_assert_cmpuint (g_strv_length (crlf->tags), ==, 1);
  g_assert_cmpstr (crlf->tags[0], ==, "a");
  g_assert_cmpuint (crlf->cards->len, ==, 1);
  g_assert_cmpstr (flash_test_sheet_card (crlf, 0)->answer, ==, "A.");

  /* An opening fence that is never closed is a thematic break, not front matter. */
  unclosed = parse_ok ("---\ntitle: Open\n\n## Q\n\nA.");
  g_assert_cmpstr (unclosed->name, ==, "test");
  g_assert_cmpuint (unclosed->cards->len, ==, 1);

  /* Trailing blanks after a closing fence still close it. */
  padded = parse_ok ("---\ntitle: Padded\n---  \n## Q\n\nA.\n");
  g_assert_cmpstr (padded->name, ==, "Padded");
  g_assert_null (strstr (flash_test_sheet_card (padded, 0)->answer, "Padded"));
}

static void
test_bad_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("flash-sheet-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.md", NULL);
  g_autofree char *latin1 = write_temp ("latin1.md", "# D\n\n## Item\n\ncaf\xe9\n", -1);
  g_autofree char *binary = write_temp ("binary.md", "# D\n\0\n## Item\n\nx\n", 17);
  g_autofree char *empty = write_temp ("empty.md", "# Only a title\n\nAnd some text.\n", -1);
  g_autofree char *big = g_build_filename (dir, "big.md", NULL);
  FILE *file;

  assert_load_fails (missing, FLASH_SHEET_ERROR_NOT_FOUND, "no such file");
  assert_load_fails (dir, FLASH_SHEET_ERROR_NOT_REGULAR, "directory");
  assert_load_fails (latin1, FLASH_SHEET_ERROR_NOT_UTF8, "line 5");
  assert_load_fails (binary, FLASH_SHEET_ERROR_BINARY, "NUL");
  assert_load_fails (empty, FLASH_SHEET_ERROR_NO_CARDS, "no cards");
  {
    GString *wide = g_string_new ("# D\n\n## Item\n\nText.\n\n");
    g_autofree char *wide_path = NULL;

    for (int i = 0; i <= FLASH_SHEET_MAX_COLUMNS; i++)
      g_string_append (wide, "| x ");
    wide_path = write_temp ("wide.md", wide->str, -1);
    g_string_free (wide, TRUE);
    assert_load_fails (wide_path, FLASH_SHEET_ERROR_TOO_LARGE, "line 7 has more than 1000 table columns");
    g_unlink (wide_path);
  }

  /* A sparse file over 32 MiB is refused before it is read. */
  file = g_fopen (big, "wb");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, FLASH_SHEET_MAX_SIZE + 1, SEEK_SET), ==, 0);
  fputc ('x', file);
  fclose (file);
  assert_load_fails (big, FLASH_SHEET_ERROR_TOO_LARGE, "32 MiB");

  g_unlink (big);
  g_unlink (latin1);
  g_unlink (binary);
  g_unlink (empty);
  g_rmdir (dir);
}

static void
test_load_source_is_absolute (void)
{
  g_autofree char *path = write_temp ("abs.md", "# D\n\n## Item\n\nText.\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = flash_sheet_load (path, &error);

  g_assert_no_error (error);
  g_assert_true (g_path_is_absolute (sheet->source));
  g_unlink (path);
}

/* Hostile nesting must neither crash nor recurse without bound. */
static void
test_deep_nesting (void)
{
  GString *text = g_string_new ("# D\n\n## Deep\n\n");
  g_autoptr(FlashSheet) sheet = NULL;

  for (int i = 0; i < 10000; i++)
    g_string_append (text, "> ");
  g_string_append (text, "quote\n\n");
  for (int i = 0; i < 5000; i++)
    g_string_append (text, "*a ");
  g_string_append (text, "\n");
  sheet = parse_ok (text->str);
  g_assert_cmpuint (sheet->cards->len, ==, 1);
  g_string_free (text, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet/deck-name", test_deck_name);
  g_test_add_func ("/sheet/headings", test_headings);
  g_test_add_func ("/sheet/several-h1", test_several_h1);
  g_test_add_func ("/sheet/file-names", test_file_names);
  g_test_add_func ("/sheet/titled-sections", test_titled_sections);
  g_test_add_func ("/sheet/table", test_table);
  g_test_add_func ("/sheet/reverse-cards", test_reverse_cards);
  g_test_add_func ("/sheet/table-only-section", test_table_only_section);
  g_test_add_func ("/sheet/term-list", test_term_list);
  g_test_add_func ("/sheet/term-with-code-block", test_term_with_code_block);
  g_test_add_func ("/sheet/qa", test_qa);
  g_test_add_func ("/sheet/toc-attributes-html", test_toc_attributes_html);
  g_test_add_func ("/sheet/keys", test_keys);
  g_test_add_func ("/sheet/newlines-and-bom", test_newlines_and_bom);
  g_test_add_func ("/sheet/question-is-one-line", test_question_is_one_line);
  g_test_add_func ("/sheet/bad-input", test_bad_input);
  g_test_add_func ("/sheet/front-matter-edges", test_front_matter_edges);
  g_test_add_func ("/sheet/absolute-source", test_load_source_is_absolute);
  g_test_add_func ("/sheet/deep-nesting", test_deep_nesting);

  return g_test_run ();
}
