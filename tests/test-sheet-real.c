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

  flash_test_assert_cards (sheet, expected);
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

/* Class 5: tables of contents, "See also" and licences (in English and in the languages sheets
 * are written in most besides) give no card; in-page links are text. */
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
    "## Relevant links\n\n- [Docs](https://git-scm.com/docs)\n\n"
    "## 贡献指南\n\n欢迎提交 PR。\n\n"
    "## Inhaltsverzeichnis\n\n- [Zweige](#zweige)\n\n"
    "## 目录\n\n用 `mkdir` 新建目录。\n\n"
    "## License:\n\nMIT\n");
  const char *const expected[] = {
    "Branches", "`git switch -c NAME` makes one; see Tags for releases.",
    "Tags", "A name for a commit.",
    "目录", "用 `mkdir` 新建目录。",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
}

/* Class 6: many facts under one heading give a card each: commands with their comments, caption
 * and code pairs, a long list of tips that each name code (the code blanked in the question).
 * A program, commands explained by prose, annotated output and lists with code in few of their
 * points stay whole; in a list of tips, the points without code stay the heading's. */
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
    mixed->str,
    "## Few\n\n- Use `ls` to list files\n- Be careful with globs\n- Quote your variables\n\n",
    NULL);
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
  /* Eleven tips of twelve: each its card, the point without code the heading's. */
  g_assert_cmpstr (flash_test_sheet_card (sheet, n)->question, ==, "Mixed");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->answer, ==, "- a tip without code");
  for (guint i = 0; i < 12; i++)
    if (i != 5)
      {
        g_autofree char *question = g_strdup_printf ("Use … to do %u", i);

        g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->question, ==, question);
      }
  /* One tip of three is a note of a few points. */
  g_assert_cmpstr (flash_test_sheet_card (sheet, n)->question, ==, "Few");
  g_assert_cmpstr (flash_test_sheet_card (sheet, n++)->answer, ==,
                   "- Use `ls` to list files\n- Be careful with globs\n- Quote your variables");
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

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
}

/* Class 6 continued: a list of three tips or more splits, and numbered tips too; two tips stay one
 * card with the rest, and numbered steps under a heading that names a procedure are one card. */
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
  g_string_append (text, "\n## Install steps\n\n");
  for (guint i = 1; i <= 6; i++)
    g_string_append_printf (text, "%u. Run `step-%u` to do step %u.\n", i, i, i);
  g_string_append (text, "\n## Two\n\n- Run `a` first.\n- Then `b` after it.\n"
                   "- Mind the gap.\n\n## Idioms\n\n");
  for (guint i = 1; i <= 3; i++)
    g_string_append_printf (text, "%u. Prefer `idiom-%u` in loops.\n", i, i);
  sheet = flash_test_parse_ok (text->str, "/real/tips.md");
  g_assert_cmpuint (sheet->cards->len, ==, 14);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "Run … to do thing 0.");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 5)->question, ==, "Run … to do thing 0.");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 5)->context, ==, "Tips › Four");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 9)->question, ==, "Install steps");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 10)->question, ==, "Two");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 11)->question, ==, "Prefer … in loops.");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 11)->answer, ==,
                   "`idiom-1`\n\nPrefer `idiom-1` in loops.");
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

  flash_test_assert_cards (sheet, expected);
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

  flash_test_assert_cards (sheet, expected);
}

/* tldr commands given as plain text (indented less than a code block) or as a code span on the
 * line after the description; a colon before an explanation in prose is no command. */
static void
test_command_shapes (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# scp\n\n> Copy files over SSH.\n\n"
    "- Send a file to a server:\n\n    scp notes.txt srv:/tmp/\n\n"
    "- Fetch a folder from a server:\n\n    scp -r srv:/var/log ./logs\n\n"
    "## Compress\n\n"
    "- Pack a folder into a gzip archive:\n  `tar czf site.tgz site/`\n"
    "- Unpack it somewhere else:\n  `tar xzf site.tgz -C /srv`\n\n"
    "## Prose\n\n"
    "- Why it matters:\n\n    Nobody reads the manual twice.\n\n"
    "- What to do:\n\n    Read it once, carefully.\n");
  const char *const expected[] = {
    "Send a file to a server", "```bash\nscp notes.txt srv:/tmp/\n```",
    "Fetch a folder from a server", "```bash\nscp -r srv:/var/log ./logs\n```",
    "Pack a folder into a gzip archive", "```bash\ntar czf site.tgz site/\n```",
    "Unpack it somewhere else", "```bash\ntar xzf site.tgz -C /srv\n```",
    "Prose", "- Why it matters:\n\n    Nobody reads the manual twice.\n\n"
    "- What to do:\n\n    Read it once, carefully.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpstr (sheet->description, ==, "Copy files over SSH.");
}

/* Glossaries: "term :: definition" lines, definition lists with plain terms (tight and loose),
 * and a <dl> written as HTML in the Markdown. One "word\n: text" alone is prose. */
static void
test_glossaries (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Terms\n\n## Colour\n\n"
    "Hue :: the kind of colour, as an angle\nChroma :: how far from grey it is\n\n"
    "## Print\n\nBleed\n:   Ink that runs past the trim line.\n\n"
    "Gutter\n\n:   The inner margin where pages meet\n    at the spine.\n\n"
    "## Web\n\n<dl>\n  <dt>Viewport</dt>\n  <dd>The visible part of a page.</dd>\n"
    "  <dt>Reflow</dt><dd>Laying a page out again.</dd>\n</dl>\n\n"
    "## One\n\nWidow\n: a lone line.\n");
  const char *const expected[] = {
    "Hue", "the kind of colour, as an angle",
    "Chroma", "how far from grey it is",
    "Bleed", "Ink that runs past the trim line.",
    "Gutter", "The inner margin where pages meet at the spine.",
    "Viewport", "The visible part of a page.",
    "Reflow", "Laying a page out again.",
    "One", "Widow\n: a lone line.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A <table> block in the Markdown is a table (a blank line inside it too); in a code block it is
 * code. The lines of the cards after it stay the file's. */
static void
test_html_table_block (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Keys\n\n## Moves\n\n"
    "<table>\n<tr><th>Key</th><th>Moves</th></tr>\n<tr><td><kbd>e</kbd></td>"
    "<td>to a word's end</td></tr>\n\n<tr><td>gg</td><td>to the top</td></tr>\n</table>\n\n"
    "## Markup\n\n```html\n<table><tr><td>x</td></tr></table>\n```\n");
  const char *const expected[] = {
    "`e`", "**Moves:** to a word's end",
    "gg", "**Moves:** to the top",
    "Markup", "```html\n<table><tr><td>x</td></tr></table>\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpuint (flash_test_sheet_card (sheet, 2)->line, ==, 12);
}

/* <details> with a <summary>: the summary asks, the section answers, Markdown or HTML inside. */
static void
test_details_sections (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Rust questions\n\n## Ownership\n\n"
    "<details>\n<summary>What does a move do?</summary>\n\n"
    "It transfers ownership; the old binding is unusable.\n\n```rust\nlet b = a;\n```\n\n"
    "</details>\n\n"
    "<details><summary><strong>Why is `Rc` not `Send`?</strong></summary>\n"
    "<p>Its count is not atomic &amp; threads would race.</p>\n</details>\n\n"
    "<details>\n<summary></summary>\nNo question.\n</details>\n");
  const char *const expected[] = {
    "Ownership", "<details>\n<summary></summary>\nNo question.\n</details>",
    "What does a move do?",
    "It transfers ownership; the old binding is unusable.\n\n```rust\nlet b = a;\n```",
    "Why is `Rc` not `Send`?", "Its count is not atomic & threads would race.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Section numbers are the page's order ("2.1 ", "3. "), not the subject; a rule at the end of a
 * section is layout; a CSS comment after each line says what the line does. */
static void
test_numbers_rules_comments (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Guide\n\n## 3. Layout\n\n### 3.1 Grid\n\nTwo dimensions.\n\n---\n\n"
    "### 3.2 Example\n\n```css\n.g { display: grid; }\n```\n\n"
    "## 100 days of code\n\nA challenge.\n\n"
    "## Centring\n\n```css\n.a { margin: auto; }     /* centre a block */\n"
    ".b { text-align: center; } /* centre its text */\n"
    ".c { place-items: center; } /* centre grid items */\n```\n");
  const char *const expected[] = {
    "Grid", "Two dimensions.",
    "Layout — example", "```css\n.g { display: grid; }\n```",
    "100 days of code", "A challenge.",
    "centre a block", "```css\n.a { margin: auto; }\n```",
    "centre its text", "```css\n.b { text-align: center; }\n```",
    "centre grid items", "```css\n.c { place-items: center; }\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->context, ==, "Guide › Layout");
}

/* Chinese and Japanese sheets write the full-width colon, with no blank after it. */
static void
test_wide_colon (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## 术语\n\n"
    "- 缓存：存放数据的地方\n"
    "- 队列：先进先出的结构\n"
    "- **Developer 路径**：L0 → L1 → L2。\n");
  const char *const expected[] = {
    "缓存", "存放数据的地方",
    "队列", "先进先出的结构",
    "**Developer 路径**", "L0 → L1 → L2。",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A glossary written as a term on a line of its own over a list of what it is: a card per term;
 * sentences and steps ("First …", "Then …") over lists are no terms, and their section stays one
 * card. */
static void
test_terms_over_lists (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Terms\n\n"
    "Process\n- program in execution\n\n"
    "Thread\n- smallest unit of execution\n- shared state is guarded\n\n"
    "Race condition:\n- two threads touch shared state\n\n"
    "## Not terms\n\n"
    "This is a sentence.\n- one\n\n"
    "Another sentence here.\n- two\n\n"
    "## Release\n\n"
    "First prepare the branch\n- merge main\n\n"
    "Then tag it\n- git tag v1\n");
  const char *const expected[] = {
    "Process", "- program in execution",
    "Thread", "- smallest unit of execution\n- shared state is guarded",
    "Race condition", "- two threads touch shared state",
    "Not terms", "This is a sentence.\n\n- one\n\nAnother sentence here.\n\n- two",
    "Release", "First prepare the branch\n\n- merge main\n\nThen tag it\n\n- git tag v1",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A Jekyll page's Liquid tags on lines of their own are its site's template; in code (indented
 * too), and in text, they are what the sheet teaches. */
static void
test_liquid_tags (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Templates\n\n"
    "{% raw %}\n"
    "```liquid\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n```\n"
    "{% endraw %}\n\n"
    "## Tags\n\n"
    "{%- include toc.html -%}\n\n"
    "Write `{% if %}` or {% if %} in text.\n\n"
    "## Includes\n\nThe include tag:\n\n    {% include footer.html %}\n");
  const char *const expected[] = {
    "Templates",
    "```liquid\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n```",
    "Tags", "Write `{% if %}` or {% if %} in text.",
    "Includes", "The include tag:\n\n    {% include footer.html %}",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A program, then "## Output" with what it printed: the output joins the program's card; code in
 * a language under "Output", or output after prose, stays a card of its own. */
static void
test_output_sections (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Heaps\n\n"
    "## Push\n\n```python\nheapq.heappush(h, 3)\nprint(h)\n```\n\n"
    "## Output\n\n```bash\n[3]\n```\n\n"
    "## Pop\n\nTake the smallest.\n\n"
    "## Output:\n\n```\n1\n```\n\n"
    "## Truth\n\n```python\nx = 1\n```\n\n"
    "## Result\n\n```python\nbool([])  # False\n```\n");
  const char *const expected[] = {
    "Push", "```python\nheapq.heappush(h, 3)\nprint(h)\n```\n\n**Output:**\n\n```bash\n[3]\n```",
    "Pop", "Take the smallest.",
    "Heaps — output", "```\n1\n```",
    "Truth", "```python\nx = 1\n```",
    "Heaps — result", "```python\nbool([])  # False\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* "### Output" as the first child of the program's heading joins the program's card too; under
 * a heading whose card ends in prose, or after another child, it stays a card of its own. */
static void
test_nested_output_sections (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# C\n\n"
    "## Hello\n\n```c\nputs (\"hi\");\n```\n\n"
    "### Output\n\n```\nhi\n```\n\n"
    "## Loops\n\nRepeat a block.\n\n"
    "#### Output:\n\n```text\n012\n```\n\n"
    "## Sizes\n\n```c\nsizeof (int);\n```\n\n"
    "### Notes\n\nUsually four.\n\n"
    "### Output\n\n```\n4\n```\n");
  const char *const expected[] = {
    "Hello", "```c\nputs (\"hi\");\n```\n\n**Output:**\n\n```\nhi\n```",
    "Loops", "Repeat a block.",
    "Loops — output", "```text\n012\n```",
    "Sizes", "```c\nsizeof (int);\n```",
    "Sizes — notes", "Usually four.",
    "Sizes — output", "```\n4\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A blog post's framing: its "Introduction" of prose before any card describes the deck, its
 * "🎉 Conclusion" is no card; an "Introduction" with a list is a section like the others. */
static void
test_blog_framing (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# React Hooks\n\n## Introduction\n\nHooks give function components state. 🚀\n\n"
    "## useState\n\nManages state.\n\n## 🎉 Conclusion\n\nMaster these hooks!\n");
  g_autoptr(FlashSheet) course = parse_ok (
    "# Networks\n\n## Useful\n\nA first card.\n\n## Introduction\n\nThe layers matter.\n");
  const char *const expected[] = {
    "useState", "Manages state.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpstr (sheet->description, ==, "Hooks give function components state. 🚀");
  g_assert_cmpuint (course->cards->len, ==, 2);
}

/* A page's bookkeeping ("**Last Updated**: …", "**Part of**: …") is no definition and no part of
 * an answer. */
static void
test_page_bookkeeping (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Patterns\n\n**Hash lookup**: O(1)\n\n**Tree walk**: O(log n)\n\n"
    "**Last Updated**: July 7, 2025  \n**Part of**: 30-Day DSA Challenge\n");
  const char *const expected[] = {
    "Hash lookup", "O(1)",
    "Tree walk", "O(log n)",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A sheet's one "#" heading after its sections ("# Links" at the end) names nothing: the deck is
 * named after its file. */
static void
test_late_level_one_heading (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Setup\n\n`ssh-keygen` makes keys.\n\n# Links\n\n- [man](https://example.com/ssh)\n");

  g_assert_cmpstr (sheet->name, ==, "real");
  g_assert_cmpuint (sheet->cards->len, ==, 1);
}

/* Under a heading that asks, a table of three rows or more is a lookup, a card per row, unless
 * the heading compares ("What is the difference…?"): then the table is its answer. */
static void
test_question_heading_lookup_tables (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## When to use which collection?\n\n| Need | Use |\n|---|---|\n"
    "| Fast random access | `ArrayList` |\n| Unique elements | `HashSet` |\n"
    "| A stack | `ArrayDeque` |\n\n"
    "## What is the difference between a list and a set?\n\n| List | Set |\n|---|---|\n"
    "| ordered | unordered |\n| duplicates | unique |\n| indexed | not indexed |\n");
  const char *const expected[] = {
    "Fast random access", "**Use:** `ArrayList`",
    "Unique elements", "**Use:** `HashSet`",
    "A stack", "**Use:** `ArrayDeque`",
    "What is the difference between a list and a set?",
    "| List | Set |\n|---|---|\n| ordered | unordered |\n| duplicates | unique |\n"
    "| indexed | not indexed |",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A line that opens a block of four commented calls or more, uncommented ("Queue<Integer> q =
 * …"), is what they work on: it goes with each card; a comment's closing cost ("- O(1)",
 * "(O(1))") is the answer's, not the question's. */
static void
test_commented_code_setup (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Queue\n\n```java\nQueue<Integer> q = new LinkedList<>();\n"
    "q.offer(5);      // add to the rear - O(1)\nq.poll();        // remove from the front (O(1))\n"
    "q.peek();        // view the front\nq.isEmpty();     // check if empty\n```\n");
  const char *const expected[] = {
    "add to the rear",
    "```java\nQueue<Integer> q = new LinkedList<>();\nq.offer(5);\n```\n\n`O(1)`",
    "remove from the front",
    "```java\nQueue<Integer> q = new LinkedList<>();\nq.poll();\n```\n\n`O(1)`",
    "view the front", "```java\nQueue<Integer> q = new LinkedList<>();\nq.peek();\n```",
    "check if empty", "```java\nQueue<Integer> q = new LinkedList<>();\nq.isEmpty();\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A numbered list of bold terms with the colon inside the bold ("1. **HashMap vs TreeMap:** …")
 * is a term list, as with the colon after it. */
static void
test_numbered_bold_colon_terms (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Tips\n\n1. **HashMap vs TreeMap:** Use `HashMap` unless you need sorted keys\n"
    "2. **Use getOrDefault():** Cleaner frequency counting\n\n"
    "## Steps\n\n1. Install: run the installer\n2. Start: open the app\n");
  const char *const expected[] = {
    "**HashMap vs TreeMap**", "Use `HashMap` unless you need sorted keys",
    "**Use getOrDefault()**", "Cleaner frequency counting",
    "Steps", "1. Install: run the installer\n2. Start: open the app",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A page written in HTML blocks: "<li>" items with no list around them are a list's items, so
 * "200: OK" is a term under its "<h3>" heading; a "<ul>" of them too. */
static void
test_html_list_items (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# HTTP\n\n<h3>2xx. Successful</h3>\n\n"
    "<li style=\"font-family: Roboto\">\n200: OK\n</li>\n\n"
    "<li style=\"font-family: Roboto\">\n201: Created\n</li>\n\n"
    "<h3>4xx</h3>\n\n<ul>\n<li>404: Not Found</li>\n<li>410: Gone</li>\n</ul>\n");
  const char *const expected[] = {
    "200", "OK",
    "201", "Created",
    "404", "Not Found",
    "410", "Gone",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->context, ==, "HTTP › 2xx. Successful");
}

/* A table of two sides that its heading compares ("IPv4 vs IPv6" over "| IPv4 | IPv6 |") asks
 * each row with the first side's name; another two-column table asks its first cell alone. */
static void
test_comparison_tables (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## IPv4 vs IPv6\n\n| IPv4 | IPv6 |\n|---|---|\n| 32 bits | 128 bits |\n"
    "| Router fragments | Only end hosts fragment |\n\n"
    "## Services\n\n| Name | Port |\n|---|---|\n| SSH | 22 |\n");
  const char *const expected[] = {
    "IPv4: 32 bits", "**IPv6:** 128 bits",
    "IPv4: Router fragments", "**IPv6:** Only end hosts fragment",
    "SSH", "**Port:** 22",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A regular expression's classes ("[[:digit:]]", "[[^abc]]") outside code stay as written; an
 * Obsidian wiki link shows as its name. */
static void
test_regex_classes (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Classes\n\n- [[:digit:]]: digits\n- [[^abc]]: none of a, b, c\n\n"
    "## Links\n\nSee [[Other note|the note]] and [[Plain]].\n");
  const char *const expected[] = {
    "\\[\\[:digit:\\]\\]", "digits",
    "\\[\\[^abc\\]\\]", "none of a, b, c",
    "Links", "See the note and Plain.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* "`code` = what it is" is a term and its text, however long the code: a list of them is a card
 * per item; "==" is no separator. */
static void
test_equals_terms (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Variables\n\n- `NF`  = The number of fields.\n- `NR`  = The record number.\n\n"
    "## One-liners\n\n"
    "- `awk 'NF > 0 {blank=0} NF == 0 {blank++} blank < 2'`   = Squeeze blank lines.\n"
    "- `awk '{if(NR>2) print $0}'`  = Print all but the first two lines.\n");
  const char *const expected[] = {
    "`NF`", "The number of fields.",
    "`NR`", "The record number.",
    "`awk 'NF > 0 {blank=0} NF == 0 {blank++} blank < 2'`", "Squeeze blank lines.",
    "`awk '{if(NR>2) print $0}'`", "Print all but the first two lines.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A placeholder written outside code ("<branch>", "Vec<T>") is text; an element of HTML
 * ("<span>") is dropped as a page would hide it. */
static void
test_placeholders (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Branches\n\n- git checkout <branch>: switch to a branch\n"
    "- git push origin <tag-name>: push a tag\n\n"
    "## Vectors\n\nA Vec<T> grows; <span>a</span> <u>b</u> <widget size=\"2\">c.\n");
  const char *const expected[] = {
    "git checkout \\<branch>", "switch to a branch",
    "git push origin \\<tag-name>", "push a tag",
    "Vectors", "A Vec\\<T\\> grows; a b c.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A totals row sums amounts up and gives no card; a row named "Sum" in a table of symbols is a
 * fact like the others. */
static void
test_totals_rows (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Budget\n\n| Item | Cost |\n|---|---|\n| Rent | $900 |\n| **Total** | **$900** |\n\n"
    "## Symbols\n\n| Name | LaTeX |\n|---|---|\n| Product | `\\prod` |\n"
    "| Sum | `\\sum_{i=1}^{n} x_i` |\n");
  const char *const expected[] = {
    "Rent", "**Cost:** $900",
    "Product", "**LaTeX:** `\\prod`",
    "Sum", "**LaTeX:** `\\sum_{i=1}^{n} x_i`",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Tables drawn in a plain block: "KEY - meaning" pairs, two side by side apart by three blanks,
 * and columns under a header and a rule ("Layer  Name", "─────"), a card per pair or row. */
static void
test_drawn_tables (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Ports\n\n```\n20/21 - FTP (Data/Control)    110 - POP3\n"
    "22    - SSH                    143 - IMAP\n80    - HTTP\n```\n\n"
    "## OSI\n\n```\nLayer    Name           PDU\n──────────────────────────\n"
    "  7      Application    Data\n  4      Transport      Segment\n```\n");
  const char *const expected[] = {
    "`20/21`", "FTP (Data/Control)",
    "`110`", "POP3",
    "`22`", "SSH",
    "`143`", "IMAP",
    "`80`", "HTTP",
    "Layer: 7", "**Name:** Application\n\n**PDU:** Data",
    "Layer: 4", "**Name:** Transport\n\n**PDU:** Segment",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A plain block of keys and what they do is a card per key though a few say it in one word
 * ("prompt"); a block of one-word columns is code aligned, not keys. */
static void
test_key_blocks_with_short_meanings (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Misc\n\n    :               prompt\n    ?               list all key bindings\n"
    "    ctrl+l ctrl+k   clear history\n\n"
    "## Types\n\n    int     main\n    char    name\n    long    size\n");
  const char *const expected[] = {
    "`:`", "prompt",
    "`?`", "list all key bindings",
    "`ctrl+l ctrl+k`", "clear history",
    "Types", "    int     main\n    char    name\n    long    size",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Rust's lifetimes ("'a", "&'a S") open no string, so their comments are found; a comment
 * touching its marker after two blanks ("S {x:y}  //create an instance") is one too; a shell
 * string's quote still hides what looks like a comment inside it. */
static void
test_comments_beside_lifetimes (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Lifetimes\n\n```rust\n"
    "&S                // shared reference\n"
    "'a                // lifetime parameter\n"
    "&'a S             // lives for 'a\n"
    "S {x:y}           //create an instance\n"
    "```\n\n"
    "## Echo\n\n```bash\n"
    "echo 'a # b'      # print a hash\n"
    "ls -la            # list all\n"
    "pwd               # where am I\n"
    "```\n");
  const char *const expected[] = {
    "shared reference", "```rust\n&S\n```",
    "lifetime parameter", "```rust\n'a\n```",
    "lives for 'a", "```rust\n&'a S\n```",
    "create an instance", "```rust\nS {x:y}\n```",
    "print a hash", "```bash\necho 'a # b'\n```",
    "list all", "```bash\nls -la\n```",
    "where am I", "```bash\npwd\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A list of what to do, each item's next line the command that does it (indented under it or
 * not), is a card per command, in a file without a heading too; a list with a line of prose
 * under an item is not. */
static void
test_described_commands (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "1. expose deployment\n    k expose deploy web --type=NodePort --port=80\n\n"
    "2. create pod:\n    k run nginx --image=nginx\n\n"
    "3. create and expose\n     kubectl create deployment redis --image=redis\n"
    "     kubectl expose deployment redis --port=6379\n");
  g_autoptr(FlashSheet) prose = parse_ok (
    "# Notes\n\n## Pods\n\n- create pod\n  it runs one container\n"
    "- delete pod\n  k delete pod nginx\n");
  const char *const expected[] = {
    "expose deployment", "```bash\nk expose deploy web --type=NodePort --port=80\n```",
    "create pod", "```bash\nk run nginx --image=nginx\n```",
    "create and expose", "```bash\nkubectl create deployment redis --image=redis\n"
    "kubectl expose deployment redis --port=6379\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpuint (prose->cards->len, ==, 1);
}

/* Under a heading that asks a question the section is its one answer: its term list and its
 * commented code stay in it, and an "**Answer:**" line of its own goes; under other headings the
 * same list is a card per term. */
static void
test_question_heading_answers (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# JS\n\n"
    "## What is the difference between `null` and `undefined`?\n\n**Answer:**\n"
    "- `undefined`: declared, not assigned\n- `null`: no value on purpose\n\n"
    "```js\nlet x;         // undefined\nlet y = null;  // null\n```\n\n"
    "## Values\n\n- `undefined`: declared, not assigned\n- `null`: no value on purpose\n");
  const char *const expected[] = {
    "What is the difference between `null` and `undefined`?",
    "- `undefined`: declared, not assigned\n- `null`: no value on purpose\n\n"
    "```js\nlet x;         // undefined\nlet y = null;  // null\n```",
    "`undefined`", "declared, not assigned",
    "`null`", "no value on purpose",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A table of what a query gave ("**Result:**", "Step 2 — Apply HAVING:") or of the data examples
 * run on ("### Table `sales`") stays in its heading's answer; a reference table, even after a
 * caption and code, is a card per row. */
static void
test_data_tables (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# SQL\n\n"
    "## Table `sales`\n\n| region | amount |\n|---|---|\n| West | 200 |\n| East | 500 |\n\n"
    "## GROUP BY\n\nGroups rows.\n\n```sql\nSELECT region, SUM(amount) FROM sales;\n```\n\n"
    "**Result:**  \nOne row a region.\n\n| region | total |\n|---|---|\n| West | 200 |\n\n"
    "## HAVING\n\n**Step 1 — Apply HAVING total > 300:**\n\n"
    "| region | total |\n|---|---|\n| East | 500 |\n\n"
    "## Options\n\n```\npsql [options]\n```\n\n**Options:**\n\n"
    "| Flag | Meaning |\n|---|---|\n| `-d` | database |\n| `-U` | user |\n");
  const char *const expected[] = {
    "Table `sales`", "| region | amount |\n|---|---|\n| West | 200 |\n| East | 500 |",
    "GROUP BY", "Groups rows.\n\n```sql\nSELECT region, SUM(amount) FROM sales;\n```\n\n"
    "**Result:**  \nOne row a region.\n\n| region | total |\n|---|---|\n| West | 200 |",
    "HAVING", "**Step 1 — Apply HAVING total > 300:**\n\n| region | total |\n|---|---|\n"
    "| East | 500 |",
    "Options", "```\npsql [options]\n```",
    "`-d`", "**Meaning:** database",
    "`-U`", "**Meaning:** user",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A name over a list of its own of two or more terms groups them: each term is a card, the name
 * closes its breadcrumb; a group of other bullets, or of one term, stays a card of the name. */
static void
test_grouped_terms (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Methods\n\n## Common\n\n"
    "- Strings\n  - `upper()`: an uppercase copy\n  - `lower()`: a lowercase copy\n"
    "- **Lists:**\n  - `append(x)` — add x at the end\n  - `pop()` — remove the last item\n"
    "- Sets\n  - unordered\n  - no duplicates\n"
    "- Dicts\n  - `get(k)`: the value or None\n\n"
    "## Flags\n\n- Options:\n  - `-c`: compact output\n  - `-S`: sort keys\n");
  const char *const expected[] = {
    "`upper()`", "an uppercase copy",
    "`lower()`", "a lowercase copy",
    "`append(x)`", "add x at the end",
    "`pop()`", "remove the last item",
    "Sets", "- unordered\n- no duplicates",
    "Dicts", "- `get(k)`: the value or None",
    "`-c`", "compact output",
    "`-S`", "sort keys",
    NULL,
  };
  const char *const contexts[] = {
    "Methods › Common › Strings", "Methods › Common › Strings",
    "Methods › Common › Lists", "Methods › Common › Lists",
    "Methods › Common", "Methods › Common",
    "Methods › Flags › Options", "Methods › Flags › Options",
  };

  flash_test_assert_cards (sheet, expected);
  for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
    g_assert_cmpstr (flash_test_sheet_card (sheet, i)->context, ==, contexts[i]);
}

/* A sentence that only points elsewhere ("For the full list see [x]", "More examples: [x]") is
 * no part of an answer, and a section of nothing else gives no card; a sentence with a link that
 * says something of its own stays. So is what a chat assistant said around the sheet. */
static void
test_pointer_sentences (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Tar\n\n"
    "## Create\n\n`tar -cf out.tar dir/`\n\n"
    "For the full list of options see [the manual](https://example.com/tar).\n\n"
    "## Options\n\nFor more options, refer to [tar(1)](https://example.com/man).\n\n"
    "## Extract\n\n`tar -xf out.tar`\n\n→ More examples: [here](https://example.com/x).\n\n"
    "## Origin\n\nSee [this post](https://example.com/p): tar began as a tape archiver.\n\n"
    "## Regex\n\n*(See `man 7 regex` for more info.)*\n\n"
    "## Perl\n\nSee `grep -P` for Perl regexes, which differ.\n\n"
    "## Flexbox\n\nSure! I'll integrate the clarifications into your cheatsheet.\n\n"
    "`display: flex` makes a flex container.\n\n"
    "## Why\n\nCheck out [the history](https://example.com/h) of tar, which began as a tape "
    "archiver for Unix in 1979 and still writes the same format.\n");
  const char *const expected[] = {
    "Create", "`tar -cf out.tar dir/`",
    "Extract", "`tar -xf out.tar`",
    "Origin", "See [this post](https://example.com/p): tar began as a tape archiver.",
    "Perl", "See `grep -P` for Perl regexes, which differ.",
    "Flexbox", "`display: flex` makes a flex container.",
    "Why", "Check out [the history](https://example.com/h) of tar, which began as a tape "
    "archiver for Unix in 1979 and still writes the same format.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A comment line over commented commands names their group, up to the next blank line or command
 * without a comment; a label ("Note: …") or a long comment names none. */
static void
test_grouped_commands (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## View\n\n"
    "```bash\n"
    "# toml\n"
    "<toml> | rq -t     # rq - to json\n"
    "<toml> | rq -tY    # rq - to yaml\n"
    "\n"
    "# yaml\n"
    "<yaml> | yq -o json  # yq - to json\n"
    "\n"
    "<csv> | csvlook    # csvlook table\n"
    "```\n\n"
    "## Query\n\n"
    "```bash\n"
    "# install\n"
    "brew install jq\n"
    "jq . file.json      # pretty-print a file\n"
    "jq '.a' file.json   # read one field\n"
    "jq keys file.json   # list the keys\n"
    "jq length file.json # count the items\n"
    "# Note: needs jq 1.6\n"
    "jq -c . file.json   # one line each\n"
    "```\n");
  const char *const expected[] = {
    "toml — rq - to json", "```bash\n<toml> | rq -t\n```",
    "toml — rq - to yaml", "```bash\n<toml> | rq -tY\n```",
    "yaml — yq - to json", "```bash\n<yaml> | yq -o json\n```",
    "csvlook table", "```bash\n<csv> | csvlook\n```",
    "pretty-print a file", "```bash\njq . file.json\n```",
    "read one field", "```bash\njq '.a' file.json\n```",
    "list the keys", "```bash\njq keys file.json\n```",
    "count the items", "```bash\njq length file.json\n```",
    "one line each", "```bash\njq -c . file.json\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Credits between caption and code pairs ("Credit to:" over a link) keep no pair from its card. */
static void
test_credits_between_pairs (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Docker\n\n## Healthchecks\n\n"
    "HTTP Healthcheck:\n\n```yaml\ntest: curl -f http://localhost\n```\n\n"
    "Credit to:\n- [gist](https://gist.github.com/x)\n\n"
    "Redis Healthcheck:\n\n```yaml\ntest: redis-cli ping\n```\n");
  const char *const expected[] = {
    "Healthchecks — HTTP Healthcheck", "```yaml\ntest: curl -f http://localhost\n```",
    "Healthchecks — Redis Healthcheck", "```yaml\ntest: redis-cli ping\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A README's layout in HTML blocks: a "</br>" line under a list, a right-aligned "↥ back to top"
 * link to the page's top. A link elsewhere stays. */
static void
test_html_layout (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# C++\n\n"
    "## Namespaces\n\nA **namespace** groups declarations.\n\n"
    "<div align=\"right\">\n  <b><a href=\"#top\">↥ back to top</a></b>\n</div>\n\n"
    "## Topics\n\n* [Arrays](#arrays)\n* [Strings](#strings)\n\n</br>\n\n"
    "## Static\n\n`static` members belong to the class.\n\n"
    "<div align=\"right\"><a href=\"https://isocpp.org\">isocpp.org</a></div>\n");
  const char *const expected[] = {
    "Namespaces", "A **namespace** groups declarations.",
    "Static", "`static` members belong to the class.\n\n"
    "<div align=\"right\"><a href=\"https://isocpp.org\">isocpp.org</a></div>",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A plain hyphen between blanks ends a short term when it does in every bullet; prose that joins
 * clauses with one ("Install it - then restart") stays the heading's. */
static void
test_hyphen_terms (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Hooks\n\n"
    "- useState - State management\n- useEffect - Side effects\n- `useRef` - DOM references\n\n"
    "## Steps\n\n"
    "- Install the package first - then restart\n- Open the settings - pick a theme\n");
  const char *const expected[] = {
    "useState", "State management",
    "useEffect", "Side effects",
    "`useRef`", "DOM references",
    "Steps", "- Install the package first - then restart\n- Open the settings - pick a theme",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Lines of code in a table cell, apart by <br>, answer as a code block; words apart by <br>
 * stay one line, as does a question's code. */
static void
test_cell_code_lines (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Loops\n\n"
    "| What | Code |\n|---|---|\n"
    "| Simple `for` loop | `for i in 1:10`<br>`    println(i)`<br>`end` |\n"
    "| `a`<br>`b` | first line<br>second line |\n");
  const char *const expected[] = {
    "Simple `for` loop", "**Code:**\n\n```\nfor i in 1:10\n    println(i)\nend\n```",
    "`a` `b`", "**Code:** first line second line",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* The sheet's last paragraph opening with a wish ("Good luck…") signs off, rule or none; one
 * inside the sheet is its text. */
static void
test_closing_wish (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Luck\n\nGood luck is no strategy.\n\n"
    "## Tips\n\nCount the page faults carefully.\n\nGood luck with your exam! 🚀\n");
  const char *const expected[] = {
    "Luck", "Good luck is no strategy.",
    "Tips", "Count the page faults carefully.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A name over a list of links to programs is an index of the repository, not a term. */
static void
test_names_over_links (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Programs\n\n"
    "* <b>Arrays</b></br>\n  * [Rotate an array](/src/RotateArray.java)\n"
    "  * [Find missing number](/src/Missing.java)\n"
    "* <b>Queues</b></br>\n  * [Queue from stacks](/src/Queue.java)\n\n"
    "## Sets\n\n"
    "- **Union**\n  - `a | b`\n- **Intersection**\n  - `a & b`\n");
  const char *const expected[] = {
    "Union", "- `a | b`",
    "Intersection", "- `a & b`",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
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
  g_test_add_func ("/sheet-real/command-shapes", test_command_shapes);
  g_test_add_func ("/sheet-real/glossaries", test_glossaries);
  g_test_add_func ("/sheet-real/html-table-block", test_html_table_block);
  g_test_add_func ("/sheet-real/details-sections", test_details_sections);
  g_test_add_func ("/sheet-real/numbers-rules-comments", test_numbers_rules_comments);
  g_test_add_func ("/sheet-real/wide-colon", test_wide_colon);
  g_test_add_func ("/sheet-real/terms-over-lists", test_terms_over_lists);
  g_test_add_func ("/sheet-real/liquid-tags", test_liquid_tags);
  g_test_add_func ("/sheet-real/output-sections", test_output_sections);
  g_test_add_func ("/sheet-real/nested-output-sections", test_nested_output_sections);
  g_test_add_func ("/sheet-real/pointer-sentences", test_pointer_sentences);
  g_test_add_func ("/sheet-real/grouped-terms", test_grouped_terms);
  g_test_add_func ("/sheet-real/data-tables", test_data_tables);
  g_test_add_func ("/sheet-real/question-heading-answers", test_question_heading_answers);
  g_test_add_func ("/sheet-real/described-commands", test_described_commands);
  g_test_add_func ("/sheet-real/comments-beside-lifetimes", test_comments_beside_lifetimes);
  g_test_add_func ("/sheet-real/drawn-tables", test_drawn_tables);
  g_test_add_func ("/sheet-real/totals-rows", test_totals_rows);
  g_test_add_func ("/sheet-real/placeholders", test_placeholders);
  g_test_add_func ("/sheet-real/equals-terms", test_equals_terms);
  g_test_add_func ("/sheet-real/regex-classes", test_regex_classes);
  g_test_add_func ("/sheet-real/comparison-tables", test_comparison_tables);
  g_test_add_func ("/sheet-real/html-list-items", test_html_list_items);
  g_test_add_func ("/sheet-real/numbered-bold-colon-terms", test_numbered_bold_colon_terms);
  g_test_add_func ("/sheet-real/commented-code-setup", test_commented_code_setup);
  g_test_add_func ("/sheet-real/blog-framing", test_blog_framing);
  g_test_add_func ("/sheet-real/late-level-one-heading", test_late_level_one_heading);
  g_test_add_func ("/sheet-real/page-bookkeeping", test_page_bookkeeping);
  g_test_add_func ("/sheet-real/question-heading-lookup-tables",
                   test_question_heading_lookup_tables);
  g_test_add_func ("/sheet-real/key-blocks-with-short-meanings",
                   test_key_blocks_with_short_meanings);
  g_test_add_func ("/sheet-real/grouped-commands", test_grouped_commands);
  g_test_add_func ("/sheet-real/credits-between-pairs", test_credits_between_pairs);
  g_test_add_func ("/sheet-real/html-layout", test_html_layout);
  g_test_add_func ("/sheet-real/hyphen-terms", test_hyphen_terms);
  g_test_add_func ("/sheet-real/cell-code-lines", test_cell_code_lines);
  g_test_add_func ("/sheet-real/closing-wish", test_closing_wish);
  g_test_add_func ("/sheet-real/names-over-links", test_names_over_links);
  return g_test_run ();
}
