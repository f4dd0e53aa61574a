/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sheet-real.c: the shapes of real-world cheatsheets (written here, in the styles of
 * devhints, quickref, tldr and READMEs), each with the exact cards it must give. */
#include "flash-test-util.h"

#include <string.h>

static FlashSheet *
parse_ok (const char *markdown)
{
  return flash_test_parse_ok (markdown, "/decks/real.md");
}

/* Asserts the cards' questions and answers, in order: @expected is question, answer, … NULL. */
static void
assert_cards (FlashSheet         *sheet,
              const char * const *expected)
{
  guint n = 0;

  while (expected[2 * n] != NULL)
    n++;
  for (guint i = 0; i < MIN (n, sheet->cards->len); i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

      g_assert_cmpstr (card->question, ==, expected[2 * i]);
      g_assert_cmpstr (card->answer, ==, expected[2 * i + 1]);
    }
  g_assert_cmpuint (sheet->cards->len, ==, n);
}


/* Class 1: a body row of dashes is a divider the author pasted; a `---` operator is content. */
static void
test_separator_rows (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Operators\n\n"
    "| Operator | Meaning |\n|---|---|\n"
    "| `+` | add |\n"
    "|---|---|\n"
    "| :--- | --- |\n"
    "| `---` | YAML document start |\n"
    "| -- | decrement in C |\n");
  const char *const expected[] = {
    "`+`", "**Meaning:** add",
    "`---`", "**Meaning:** YAML document start",
    "--", "**Meaning:** decrement in C",
    NULL,
  };

  assert_cards (sheet, expected);
}

/* Class 2: kramdown, Pandoc and markdown-it-attrs attribute lists are never shown. */
static void
test_attribute_lists (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Vim {.title}\n\n"
    "## Motions {.cols-2}\n\n"
    "### Words {: .-three-column}\n\n"
    "`w` next word\n{: .-setup}\n\n"
    "```go\n{.kept}\nfmt.Println(\"{{ .Name }}\")\n```\n"
    "{: data-line=\"4\"}\n\n"
    "### Templates {#tpl .row-span-2 data-x='a b'}\n\n"
    "Write `{{ .Name }}` or `{.x}` literally {x}\n");

  g_assert_cmpstr (sheet->name, ==, "Vim");
  g_assert_cmpuint (sheet->cards->len, ==, 2);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "Words");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->context, ==, "Vim › Motions");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==,
                   "`w` next word\n\n```go\n{.kept}\nfmt.Println(\"{{ .Name }}\")\n```");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->question, ==, "Templates");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->answer, ==,
                   "Write `{{ .Name }}` or `{.x}` literally {x}");
  /* Line numbers still point into the file. */
  g_assert_cmpuint (flash_test_sheet_card (sheet, 1)->line, ==, 16);
}

/* Class 5: tables of contents, "See also" and licences give no card; in-page links are text. */
static void
test_navigation (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Git\n\n"
    "## Table of Contents\n\n- [Branches](#branches)\n- [Tags](#tags)\n\n"
    "## Branches\n\n"
    "`git switch -c NAME` makes one; see [Tags](#tags) for releases.\n\n"
    "- [Docs](https://git-scm.com/docs)\n- [Book](https://git-scm.com/book)\n\n"
    "See: [Tags](#tags)\n\n"
    "## Tags\n\nA name for a commit.\n\n"
    "## See also\n\nThe [Pro Git](https://git-scm.com/book) book.\n\n"
    "## License:\n\nMIT\n");
  const char *const expected[] = {
    "Branches", "`git switch -c NAME` makes one; see Tags for releases.",
    "Tags", "A name for a commit.",
    NULL,
  };

  assert_cards (sheet, expected);
}

/* Class 8: a tldr page: each description and command is a card, the quote is the description. */
static void
test_tldr_page (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# tar\n\n"
    "> Archiving utility.\n> More information: <https://www.gnu.org/software/tar>.\n\n"
    "- [c]reate an archive and write it to a [f]ile:\n\n"
    "`tar cf {{path/to/target.tar}} {{path/to/file1 path/to/file2 ...}}`\n\n"
    "- E[x]tract a (compressed) archive [f]ile into the current directory:\n\n"
    "`tar xf {{path/to/source.tar[.gz|.bz2|.xz]}}`\n");
  const char *const expected[] = {
    /* The brackets are Markdown-escaped: the card shows them as the page does. */
    "\\[c\\]reate an archive and write it to a \\[f\\]ile",
    "```bash\ntar cf {{path/to/target.tar}} {{path/to/file1 path/to/file2 ...}}\n```",
    "E\\[x\\]tract a (compressed) archive \\[f\\]ile into the current directory",
    "```bash\ntar xf {{path/to/source.tar[.gz|.bz2|.xz]}}\n```",
    NULL,
  };

  assert_cards (sheet, expected);
  g_assert_cmpstr (sheet->description, ==,
                   "Archiving utility.\nMore information: <https://www.gnu.org/software/tar>.");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->context, ==, "tar");
}

/* Class 10: badges and logos under the title are neither a card nor the description. */
static void
test_title_matter (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# ripgrep\n\n"
    "[![Build](https://example.org/badge.svg)](https://example.org/ci) "
    "![Version](https://example.org/v.svg)\n\n"
    "<p align=\"center\"><img src=\"logo.png\" width=\"120\"></p>\n\n"
    "Search recursively, fast.\n\n"
    "## Case\n\n"
    "![shot](shot.png)\n\n`rg -i PATTERN` ignores case.\n");
  const char *const expected[] = {
    "Case", "`rg -i PATTERN` ignores case.",
    NULL,
  };

  assert_cards (sheet, expected);
  g_assert_cmpstr (sheet->description, ==, "Search recursively, fast.");
}

/* What must not change: a list item with a colon in a sentence, a real answer made of links. */
static void
test_unchanged_shapes (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Notes\n\n"
    "## Contents of a wheel\n\nA zip file: code and metadata.\n\n"
    "## Mirrors\n\nUse [PyPI](https://pypi.org) or [a mirror](https://example.org).\n");
  const char *const expected[] = {
    "Contents of a wheel", "A zip file: code and metadata.",
    "Mirrors", "Use [PyPI](https://pypi.org) or [a mirror](https://example.org).",
    NULL,
  };

  assert_cards (sheet, expected);
}

/* Class 9: a "|" inside a code span does not split its cell, and rows of cells without a header
 * row are a table; prose, fences and a lone row keep their pipes as they are. */
static void
test_pipe_tables (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Regex\n\n"
    "## Alternation\n\n"
    "| Pattern | Meaning |\n|---|---|\n"
    "| `(a|b)` | a or b |\n"
    "| ``x||y`` and `z` | empty alternative |\n\n"
    "## Shell\n\n"
    "| `ls` | list files |\n"
    "| `cd DIR` | change directory |\n"
    "| `a|b` | pipe |\n\n"
    "## Delimiter first\n\n"
    "|---|---|\n| `pwd` | print the working directory |\n\n"
    "## Prose\n\n"
    "Use `a|b` in prose.\n\n"
    "| one lone row | is text |\n\n"
    "```\n| `x|y` | in a fence |\n| a | b |\n```\n");
  const char *const expected[] = {
    "`(a|b)`", "**Meaning:** a or b",
    "`x||y` and `z`", "**Meaning:** empty alternative",
    "`ls`", "list files",
    "`cd DIR`", "change directory",
    "`a|b`", "pipe",
    "`pwd`", "print the working directory",
    "Prose", "Use `a|b` in prose.\n\n| one lone row | is text |\n\n"
    "```\n| `x|y` | in a fence |\n| a | b |\n```",
    NULL,
  };

  assert_cards (sheet, expected);
}

/* Class 4: a label heading ("Example", "Usage", "Notes") or a caption ending in ":" is named
 * after its parent, so that the question makes sense without the page; other headings, "JSON"
 * and code keep their own words. */
static void
test_label_headings (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Python\n\n"
    "## Lists\n\nOrdered and mutable.\n\n"
    "### Example\n\n    xs = [1, 2]\n\n"
    "### With a default value:\n\n`d.get(k, 0)`\n\n"
    "## `dict.get`\n\n### Usage\n\n`d.get(key, default)`\n\n"
    "### JSON:\n\n`json.dumps(d)`\n\n"
    "## Notes\n\nKeep it short.\n\n"
    "## Exceptions\n\nRaised on errors.\n\n"
    "## Notation\n\nBig-O.\n");
  const char *const expected[] = {
    "Lists", "Ordered and mutable.",
    "Lists — example", "    xs = [1, 2]",
    "Lists — with a default value", "`d.get(k, 0)`",
    "`dict.get` — usage", "`d.get(key, default)`",
    "`dict.get` — JSON", "`json.dumps(d)`",
    "Python — notes", "Keep it short.",
    "Exceptions", "Raised on errors.",
    "Notation", "Big-O.",
    NULL,
  };

  assert_cards (sheet, expected);
}

/* Class 3: inline HTML reads as it looked on the page: <kbd> and <code> are code spans, <b> and
 * <i> emphasis, <br> a line break (a space in a table cell), <sup> a "^"; images, comments and
 * every other tag go, their text stays. Code spans and code blocks keep their tags. */
static void
test_inline_html (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Shortcuts\n\n"
    "## Copy <kbd>Ctrl</kbd>+<kbd>C</kbd>\n\n"
    "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>Then <b>paste</b> with <i>care</i>.\n\n"
    "## Powers\n\n"
    "2<sup>10</sup> is 1024 <!-- a comment --> and <span class=\"x\">H<sub>2</sub>O</span> "
    "is water.\n\n"
    "## Listing\n\n"
    "See <img src=\"http://example.org/x.png\"> the <code>ls -l</code> output.\n\n"
    "```html\n<b>kept</b>\n```\n\n"
    "Write `<b>` for bold.\n\n"
    "| Key | Action |\n|---|---|\n"
    "| <kbd>Esc</kbd> | leave<br>insert mode |\n\n"
    "## Unpaired\n\n"
    "An <b>open tag and a </i> stray close.\n");
  const char *const expected[] = {
    "Copy `Ctrl`+`C`", "Press `Ctrl`+`C`.  \nThen **paste** with *care*.",
    "Powers", "2^10 is 1024 and H2O is water.",
    "Listing", "See the `ls -l` output.\n\n```html\n<b>kept</b>\n```\n\nWrite `<b>` for bold.",
    "`Esc`", "**Action:** leave insert mode",
    "Unpaired", "An open tag and a stray close.",
    NULL,
  };

  assert_cards (sheet, expected);
}

/* Class 7: a leading link is a term; the text before ": " wins over a leading code span; a
 * leading code span is a term only when a separator follows; a long phrase before a colon is a
 * sentence. */
static void
test_term_rules (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Unix\n\n## Tools\n\n"
    "- [`gpg`](https://gnupg.org): encrypt files\n"
    "- `cut`, `paste` and `join`: data manipulation\n"
    "- `sed` - stream editor\n"
    "- [The awk book](https://example.org) — pattern scanning\n\n"
    "## Sentences\n\n- `ls` lists files\n- `cd` changes directory\n\n"
    "## Long\n\n"
    "- This is a long sentence about something that goes on and on before a colon: really\n"
    "- Short: yes\n");
  const char *const expected[] = {
    "`gpg`", "encrypt files",
    "`cut`, `paste` and `join`", "data manipulation",
    "`sed`", "stream editor",
    "The awk book", "pattern scanning",
    "Sentences", "- `ls` lists files\n- `cd` changes directory",
    "Long", "- This is a long sentence about something that goes on and on before a colon: "
    "really\n- Short: yes",
    NULL,
  };

  assert_cards (sheet, expected);
}

/* Class 6: many facts under one heading give a card each: commands with their comments, caption
 * and code pairs, a long list of tips that each name code (the code blanked in the question).
 * A program, commands explained by prose, annotated output and short or mixed lists stay whole. */
static void
test_split_cards (void)
{
  g_autoptr(GString) tips = g_string_new ("## Tips\n\n");
  g_autoptr(GString) mixed = g_string_new ("## Mixed\n\n");
  g_autoptr(FlashSheet) sheet = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (tips, "- Use `tool-%u` to do thing %u\n", i, i);
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (mixed, i == 5 ? "- a tip without code\n" : "- Use `m%u` to do %u\n",
                            i, i);
  g_string_append_c (tips, '\n');
  text = g_strconcat (
    "# Git\n\n"
    "## Everyday\n\nThe daily four:\n\n"
    "```bash\ngit status            # show the working tree state\n"
    "git add -p            # stage changes hunk by hunk\n"
    "git commit -m \"a # b\" # commit the staged changes\n```\n\n"
    "## Lists\n\nCreate a list:\n\n```python\nxs = [1, 2]\n```\n\n"
    "Append an item:\n\n```python\nxs.append(3)\n```\n\n",
    tips->str,
    "## A program\n\n```python\ndef main():\n    total = 0  # running sum\n"
    "    for x in range(10):\n        total += x\n    print(total)  # the answer\n```\n\n"
    "## Explained\n\nThese commands set up a repository from scratch, in this order, and each "
    "one is needed.\n\n```bash\ngit init       # make a new repository\n"
    "git add .      # stage every file\ngit commit     # record the first commit\n```\n\n"
    "## Output\n\n```python\nbool([])    # False\nbool([0])   # True\nlen('ab')   # 2\n```\n\n",
    mixed->str, NULL);
  sheet = parse_ok (text);

  g_assert_cmpstr (flash_test_sheet_card (sheet, n)->question, ==, "show the working tree state");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->answer, ==, "```bash\ngit status\n```");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->question, ==, "stage changes hunk by hunk");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n)->question, ==, "commit the staged changes");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->answer, ==,
                   "```bash\ngit commit -m \"a # b\"\n```");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n)->question, ==, "Lists — create a list");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->answer, ==, "```python\nxs = [1, 2]\n```");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->question, ==, "Lists — append an item");
  for (guint i = 0; i < 12; i++, n++)
    {
      g_autofree char *question = g_strdup_printf ("Use … to do thing %u", i);
      g_autofree char *answer = g_strdup_printf ("`tool-%u`\n\nUse `tool-%u` to do thing %u", i,
                                                 i, i);

      g_assert_cmpstr (flash_test_sheet_card (sheet, n)->question, ==, question);
      g_assert_cmpstr (flash_test_sheet_card (sheet, n)->answer, ==, answer);
    }
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->question, ==, "A program");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->question, ==, "Explained");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->question, ==, "Git — output");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->question, ==, "Mixed");
  g_assert_cmpuint (sheet->cards->len, ==, n);
}

/* Class 6, separate code blocks: each opening with a comment that says what it does is a card
 * named after the heading and the comment; a program in several blocks, a block without such a
 * comment, a shebang, or prose beside the blocks keep the heading whole. */
static void
test_code_block_cards (void)
{
  g_autoptr(FlashSheet) sheet = flash_test_parse_ok (
    "# Shell\n\n## Virtual environments\n\n"
    "```bash\n# Create an environment\npython3 -m venv .venv\n```\n\n"
    "```bash\n# Activate it in bash\nsource .venv/bin/activate\n```\n\n"
    "~~~sh\n// Print a `tick`\necho '```'\n~~~\n\n"
    "## Program\n\n```python\nimport os\n```\n\n```python\nprint(os.name)\n```\n\n"
    "## Scripts\n\n```bash\n#!/bin/sh\necho hi\n```\n\n```bash\n# Say hello twice\necho hi\n```\n\n"
    "## Explained\n\nBoth set up the project.\n\n"
    "```bash\n# Make the folder\nmkdir p\n```\n\n```bash\n# Enter the folder\ncd p\n```\n",
    "/real/shell.md");
  const char *const expected[] = {
    "Virtual environments — create an environment", "```bash\npython3 -m venv .venv\n```",
    "Virtual environments — activate it in bash", "```bash\nsource .venv/bin/activate\n```",
    "Virtual environments — print a \\`tick\\`", "````sh\necho '```'\n````",
    "Program", "```python\nimport os\n```\n\n```python\nprint(os.name)\n```",
    "Scripts", "```bash\n#!/bin/sh\necho hi\n```\n\n```bash\n# Say hello twice\necho hi\n```",
    "Explained", "Both set up the project.\n\n```bash\n# Make the folder\nmkdir p\n```\n\n"
    "```bash\n# Enter the folder\ncd p\n```",
    NULL
  };

  assert_cards (sheet, expected);
}

/* Class 8 continued: tldr items whose command is indented into the item, and a last item whose
 * command follows the list; an item whose next paragraph is prose is no command. */
static void
test_tldr_indented (void)
{
  g_autoptr(FlashSheet) sheet = flash_test_parse_ok (
    "# rsync\n\n> Copy files.\n\n"
    "- Copy a file to a host:\n\n  `rsync file host:dir`\n\n"
    "- Show progress:\n\n    `rsync -ah --info=progress2 src dst`\n\n"
    "- Delete what the source no longer has:\n\n`rsync -a --delete src/ dst`\n\n"
    "## Find\n\n- List Markdown files:\n\n      find . -name '*.md'\n\n"
    "- Print sizes:\n\n  ```sh\n  du -sh *\n  ```\n\n"
    "## Notes\n\n- Remember:\n\n  trailing slashes matter.\n",
    "/real/rsync.md");
  const char *const expected[] = {
    "Copy a file to a host", "```bash\nrsync file host:dir\n```",
    "Show progress", "```bash\nrsync -ah --info=progress2 src dst\n```",
    "Delete what the source no longer has", "```bash\nrsync -a --delete src/ dst\n```",
    "List Markdown files", "```bash\nfind . -name '*.md'\n```",
    "Print sizes", "```sh\ndu -sh *\n```",
    "rsync — notes", "- Remember:\n\n  trailing slashes matter.",
    NULL
  };

  assert_cards (sheet, expected);
  g_assert_cmpstr (sheet->description, ==, "Copy files.");
}

/* Definition lists of bold terms, Pandoc's ("**Term**" then ": text") and "**Term** — text"
 * paragraphs: a card each, two in a row at least; one bold opening is emphasis in prose. */
static void
test_bold_terms (void)
{
  g_autoptr(FlashSheet) sheet = flash_test_parse_ok (
    "# Net\n\n## Performance\n\n**Latency**\n: The time a packet takes.\n\n"
    "**Jitter**\n: Variation in latency.\n\n"
    "## TCP\n\n**MSS** — the largest payload.\n\n**RTT** - the round-trip time.\n\n"
    "## Prose\n\n**Note** — this section is one thought.\n\nIt goes on here.\n",
    "/real/net.md");
  const char *const expected[] = {
    "Latency", "The time a packet takes.",
    "Jitter", "Variation in latency.",
    "MSS", "the largest payload.",
    "RTT", "the round-trip time.",
    "Prose", "**Note** — this section is one thought.\n\nIt goes on here.",
    NULL
  };

  assert_cards (sheet, expected);
}

/* Class 6 continued: a bullet list of five tips or more splits; four stay one card, and numbered
 * steps are one procedure however many. */
static void
test_short_tip_lists (void)
{
  g_autoptr(GString) text = g_string_new ("# Tips\n\n## Five\n\n");
  g_autoptr(FlashSheet) sheet = NULL;

  for (guint i = 0; i < 5; i++)
    g_string_append_printf (text, "- Run `tool-%u` to do thing %u.\n", i, i);
  g_string_append (text, "\n## Four\n\n");
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (text, "- Run `four-%u` to do thing %u.\n", i, i);
  g_string_append (text, "\n## Steps\n\n");
  for (guint i = 1; i <= 6; i++)
    g_string_append_printf (text, "%u. Run `step-%u` to do step %u.\n", i, i, i);
  sheet = flash_test_parse_ok (text->str, "/real/tips.md");
  g_assert_cmpuint (sheet->cards->len, ==, 7);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "Run … to do thing 0.");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 5)->question, ==, "Four");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 6)->question, ==, "Steps");
}

/* Class 5 continued: "Also see" and "Contributing" sections, a "Resources" list of links (notes
 * after the links too) and a share row give no card; "Resources" with prose and a sentence of two
 * links stay; a badge in the title is no part of the deck's name. */
static void
test_link_sections (void)
{
  g_autoptr(FlashSheet) sheet = flash_test_parse_ok (
    "# Tools [![Awesome](https://badge.example/a.svg)](https://example.org)\n\n"
    "## Docker\n\nContainers.\n\nShare this: [Twitter](https://t.example) · "
    "[LinkedIn](https://l.example)\n\n"
    "## Resources\n\n- [Manual](https://m.example) _(m.example)_\n- [Play](https://p.example)\n\n"
    "## Also see\n\n- [Other sheet](https://o.example)\n\n"
    "## Contributing\n\nSend a pull request.\n\n"
    "## Pods\n\n### Resources\n\nCPU and memory requests.\n\n"
    "## Mirrors\n\nUse [PyPI](https://pypi.org) or [a mirror](https://example.org).\n",
    "/real/tools.md");
  const char *const expected[] = {
    "Docker", "Containers.",
    "Resources", "CPU and memory requests.",
    "Mirrors", "Use [PyPI](https://pypi.org) or [a mirror](https://example.org).",
    NULL
  };

  assert_cards (sheet, expected);
  g_assert_cmpstr (sheet->name, ==, "Tools");
}

/* Class 6 continued: one code block of groups divided by blank lines, each opening with a
 * comment, is a card per group; a group without a comment keeps the block whole. */
static void
test_code_block_groups (void)
{
  g_autoptr(FlashSheet) sheet = flash_test_parse_ok (
    "# Git\n\n## Stash\n\n```bash\n# Save work in progress\ngit stash push\n\n"
    "# List and re-apply\ngit stash list\ngit stash pop\n```\n\n"
    "## Setup\n\n```bash\n# Configure the name\ngit config user.name me\n\n"
    "git config user.email me@example.org\n```\n",
    "/real/git.md");
  const char *const expected[] = {
    "Stash — save work in progress", "```bash\ngit stash push\n```",
    "Stash — list and re-apply", "```bash\ngit stash list\ngit stash pop\n```",
    "Setup", "```bash\n# Configure the name\ngit config user.name me\n\n"
    "git config user.email me@example.org\n```",
    NULL
  };

  assert_cards (sheet, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheet-real/separator-rows", test_separator_rows);
  g_test_add_func ("/sheet-real/attribute-lists", test_attribute_lists);
  g_test_add_func ("/sheet-real/navigation", test_navigation);
  g_test_add_func ("/sheet-real/tldr-page", test_tldr_page);
  g_test_add_func ("/sheet-real/title-matter", test_title_matter);
  g_test_add_func ("/sheet-real/unchanged-shapes", test_unchanged_shapes);
  g_test_add_func ("/sheet-real/pipe-tables", test_pipe_tables);
  g_test_add_func ("/sheet-real/label-headings", test_label_headings);
  g_test_add_func ("/sheet-real/inline-html", test_inline_html);
  g_test_add_func ("/sheet-real/term-rules", test_term_rules);
  g_test_add_func ("/sheet-real/split-cards", test_split_cards);
  g_test_add_func ("/sheet-real/code-block-cards", test_code_block_cards);
  g_test_add_func ("/sheet-real/tldr-indented", test_tldr_indented);
  g_test_add_func ("/sheet-real/bold-terms", test_bold_terms);
  g_test_add_func ("/sheet-real/short-tip-lists", test_short_tip_lists);
  g_test_add_func ("/sheet-real/link-sections", test_link_sections);
  g_test_add_func ("/sheet-real/code-block-groups", test_code_block_groups);
  return g_test_run ();
}
