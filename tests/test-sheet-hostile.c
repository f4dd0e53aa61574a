/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sheet-hostile.c: hostile cheatsheets are imported or refused clearly, inert, in linear time. */
#include "flash-test-util.h"
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "flash-sheet.h"
#include "flash-store.h"

#ifdef HAVE_FLASH_MARKUP
#include <pango/pango.h>

#include "flash-markup.h"
#endif

/* The size of the big cases; the linearity checks compare an eighth of it with all of it. */
#define DEEP       10000
#define WIDE       100000
#define LONG_LINE  (1024 * 1024)

/* How much longer eight times the input may take (see test_shape()). */
#define MAX_RATIO  32.0

/* A shape of hostile input, scaled by n. */
typedef char *(*MakeSheet) (guint n);

static char *
wrap_card (const char *body)
{
  return g_strconcat ("# Hostile\n\n## The card\n\n", body, "\n", NULL);
}

static char *
repeat (const char *unit,
        guint       n)
{
  GString *out = g_string_sized_new (strlen (unit) * n);

  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static char *
make_blockquotes (guint n)
{
  g_autofree char *prefix = repeat (">", n);
  g_autofree char *body = g_strconcat (prefix, " deep\n", NULL);

  return wrap_card (body);
}

static char *
make_lists (guint n)
{
  GString *body = g_string_new (NULL);
  g_autofree char *all = NULL;

  /* Each item indented under the one before. */
  for (guint i = 0; i < n; i++)
    {
      for (guint s = 0; s < MIN (i, 200u) * 2; s++)
        g_string_append_c (body, ' ');
      g_string_append (body, "- item\n");
    }
  all = g_string_free (body, FALSE);
  return wrap_card (all);
}

static char *
make_list_markers (guint n)
{
  g_autofree char *markers = repeat ("- ", n);
  g_autofree char *body = g_strconcat (markers, "x", NULL);

  return wrap_card (body);
}

static char *
make_emphasis (guint n)
{
  g_autofree char *open = repeat ("*_", n);
  g_autofree char *close = repeat ("_*", n);
  g_autofree char *body = g_strconcat (open, "x", close, NULL);

  return wrap_card (body);
}

static char *
make_brackets (guint n)
{
  g_autofree char *open = repeat ("[", n);
  g_autofree char *close = repeat ("](javascript:alert(1))", n);
  g_autofree char *body = g_strconcat (open, "x", close, NULL);

  return wrap_card (body);
}

static char *
make_html_nesting (guint n)
{
  g_autofree char *open = repeat ("<div><span>", n);
  g_autofree char *close = repeat ("</span></div>", n);
  g_autofree char *body = g_strconcat ("x ", open, "x", close, NULL);

  return wrap_card (body);
}

/* Inline tags the HTML pass converts or drops, paired, unpaired and misnested in one paragraph:
 * it must stay linear. */
static char *
make_html_pairs (guint n)
{
  g_autofree char *pairs = repeat ("<kbd>k</kbd> <b>b <i>i</b> x</i> <code>c</code><br>", n);
  g_autofree char *opens = repeat ("<b><code>", n);
  g_autofree char *body = g_strconcat (pairs, opens, "end", NULL);

  return wrap_card (body);
}

static char *
make_backticks (guint n)
{
  g_autofree char *ticks = repeat ("`a", n);

  return wrap_card (ticks);
}

/* n table rows of code spans full of pipes, then a row of backtick runs of every length up to
 * the square root of n that close nothing: the pipe pass must stay linear. */
static char *
make_table_code_spans (guint n)
{
  g_autofree char *rows = repeat ("| `a|b` ``c|`d`` | `x||y` |\n", n);
  g_autofree char *body = NULL;
  GString *table = g_string_new ("| a | b |\n|---|---|\n");

  g_string_append (table, rows);
  g_string_append (table, "| ");
  for (guint len = 1; len * len < n; len++)
    {
      for (guint i = 0; i < len; i++)
        g_string_append_c (table, '`');
      g_string_append (table, "x|");
    }
  g_string_append (table, " | y |\n");
  body = g_string_free (table, FALSE);
  return wrap_card (body);
}

/* In-page links the cleaner unlinks: unclosed openers, then one link, must not be quadratic. */
static char *
make_anchor_links (guint n)
{
  g_autofree char *open = repeat ("[`", n);
  g_autofree char *links = repeat ("[a](#a) ", n);
  g_autofree char *body = g_strconcat (open, " ", links, NULL);

  return wrap_card (body);
}

/* Wiki links and footnote references that never close, then ones that do: the notes pass looks
 * for each close once. */
static char *
make_wiki_and_footnotes (guint n)
{
  g_autofree char *open = repeat ("[[[^{{c1::", n);
  g_autofree char *links = repeat ("[[a]] [^n] ", n);
  g_autofree char *body = g_strconcat (open, " ", links, "\n\n[^n]: a note", NULL);

  return wrap_card (body);
}

/* Anki clozes that share one far "}}" with code before it: each looks for the "`" once. */
static char *
make_clozes (guint n)
{
  g_autofree char *clozes = repeat ("{{c1::a ", n);
  g_autofree char *body = g_strconcat ("- ", clozes, "`x` }}\n- b", NULL);

  return wrap_card (body);
}

/* A section of one-line captions that caption nothing: each is looked at once. */
static char *
make_captions (guint n)
{
  g_autofree char *captions = repeat ("Caption:\n\n", n);

  return wrap_card (captions);
}

/* Lines that open a footnote's definition and never close it, and a bullet whose dashes all sit
 * after an open parenthesis: each is looked at once. */
static char *
make_open_notes (guint n)
{
  g_autofree char *lines = repeat ("[^a\n", n);
  g_autofree char *dashes = repeat (" — a", n);
  g_autofree char *body = g_strconcat (lines, "\n- x (", dashes, "\n- y — b\n", NULL);

  return wrap_card (body);
}

/* Lines that almost end in an attribute list. */
static char *
make_attribute_lists (guint n)
{
  g_autofree char *braces = repeat ("{.a ", n);
  g_autofree char *lines = repeat ("x {.a #b c=\"d\"}\n{: .e}\n", n);
  g_autofree char *body = g_strconcat (braces, "}\n", lines, NULL);

  return wrap_card (body);
}

static char *
make_headings (guint n)
{
  GString *text = g_string_new ("# Many\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "\n%.*s Heading %u\n\nAnswer %u\n", (int) (i % 6) + 1, "######",
                            i, i);
  return g_string_free (text, FALSE);
}

static char *
make_long_line (guint n)
{
  g_autofree char *line = repeat ("word <b>&amp; ", n / 14);

  return wrap_card (line);
}

static char *
make_long_question (guint n)
{
  g_autofree char *line = repeat ("why ", n / 4);

  return g_strconcat ("# Hostile\n\n## ", line, "\n\nBecause.\n", NULL);
}

static char *
make_wide_table (guint n)
{
  GString *text = g_string_new ("# Table\n\n");

  for (guint row = 0; row < 3; row++)
    {
      for (guint c = 0; c < n; c++)
        g_string_append (text, row == 1 ? "|-" : row == 0 ? "|h" : "|<i>");
      g_string_append (text, "|\n");
    }
  return g_string_free (text, FALSE);
}

static char *
make_many_rows (guint n)
{
  GString *text = g_string_new ("# Table\n\n| Term | Meaning |\n|---|---|\n");

  for (guint r = 0; r < n; r++)
    g_string_append_printf (text, "| term %u | meaning %u |\n", r, r);
  return g_string_free (text, FALSE);
}

typedef struct
{
  const char *name;
  MakeSheet   make;
  guint       size;  /* the size the issue asks for */
  guint       probe; /* the size whose quarter and whole are timed first */
} Shape;

static const Shape shapes[] = {
  { "blockquotes", make_blockquotes, DEEP, DEEP },
  { "lists", make_lists, DEEP, DEEP },
  { "list-markers", make_list_markers, DEEP, DEEP },
  { "emphasis", make_emphasis, DEEP, DEEP },
  { "brackets", make_brackets, DEEP, DEEP },
  { "html-nesting", make_html_nesting, DEEP, DEEP },
  { "html-pairs", make_html_pairs, DEEP, DEEP },
  { "backticks", make_backticks, DEEP, DEEP },
  { "table-code-spans", make_table_code_spans, DEEP, DEEP },
  { "headings", make_headings, DEEP, DEEP },
  { "anchor-links", make_anchor_links, DEEP, DEEP },
  { "wiki-and-footnotes", make_wiki_and_footnotes, DEEP, DEEP },
  { "clozes", make_clozes, 4 * WIDE, 4 * WIDE },
  { "captions", make_captions, WIDE, WIDE },
  { "open-notes", make_open_notes, DEEP, DEEP },
  { "attribute-lists", make_attribute_lists, DEEP, DEEP },
  { "long-line", make_long_line, LONG_LINE, LONG_LINE },
  { "long-question", make_long_question, LONG_LINE, LONG_LINE },
  { "wide-table", make_wide_table, WIDE, 8000 },
  { "many-rows", make_many_rows, DEEP, DEEP },
};

/* Rendering ---------------------------------------------------------------------------------- */

#ifdef HAVE_FLASH_MARKUP
/* What the review page would show: markup that Pango accepts, with raw HTML as text. */
static char *
render_text (const char *markdown)
{
  g_autofree char *markup = flash_markup_from_markdown (markdown, -1, FLASH_MARKUP_NONE);
  g_autofree char *linked = flash_markup_from_markdown (markdown, -1, FLASH_MARKUP_LINKS);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  static const GMarkupParser no_parser = { 0 };
  g_autofree char *wrapped = g_strconcat ("<markup>", linked, "</markup>", NULL);
  char *text = NULL;

  pango_parse_markup (markup, -1, 0, NULL, &text, NULL, &error);
  g_assert_no_error (error);
  /* GtkLabel's <a href> markup is not Pango's, but it must be well-formed all the same. */
  context = g_markup_parse_context_new (&no_parser, 0, NULL, NULL);
  g_markup_parse_context_parse (context, wrapped, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  return text;
}
#endif

static void
render_sheet (const FlashSheet *sheet)
{
#ifdef HAVE_FLASH_MARKUP
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);
      g_autofree char *question = render_text (card->question);
      g_autofree char *answer = render_text (card->answer);

      g_assert_nonnull (question);
      g_assert_nonnull (answer);
    }
#endif
}

/* Importing --------------------------------------------------------------------------------- */

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("flash-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Parses @text; when it gives cards, imports them into a fresh collection and renders them.
 * Returns the error of a refusal, which must be the parser's and say something. */
static GError *
import_text (const char *text,
             gsize       length)
{
  g_autoptr(FlashSheet) sheet = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  GError *error = NULL;
  FlashStore *store;
  FlashImportResult result = { 0 };

  sheet = flash_sheet_parse (text, (gssize) length, "hostile.md", &error);
  if (sheet == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == FLASH_SHEET_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "hostile.md: "));
      return error;
    }
  g_assert_cmpuint (sheet->cards->len, >, 0);

  dir = temp_dir ();
  db = g_build_filename (dir, "collection.db", NULL);
  store = flash_store_open (db, &error);
  g_assert_no_error (error);
  flash_store_import_sheet (store, sheet, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.total, ==, sheet->cards->len);
  flash_import_result_clear (&result);
  flash_store_close (store);
  flash_test_remove_tree (dir);

  render_sheet (sheet);
  return NULL;
}

/* Parsing and rendering @shape at size n, in microseconds of CPU time: the best of five tries, so
 * that a busy machine does not fail the test. */
static gint64
time_shape (const Shape *shape,
            guint        n)
{
  g_autofree char *text = shape->make (n);
  gint64 best = G_MAXINT64;

  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(FlashSheet) sheet = NULL;
      gint64 start = flash_test_cpu_time ();

      sheet = flash_sheet_parse (text, -1, "hostile.md", NULL);
      if (sheet != NULL)
        render_sheet (sheet);
      best = MIN (best, flash_test_cpu_time () - start);
    }
  return MAX (best, 1);
}

static void
test_shape (gconstpointer data)
{
  const Shape *shape = data;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 small, big;

  /* Never slower than linear: eight times the input may take eight times as long, and more for
   * caches and noise (cmark-gfm alone grows faster than linearly on deep emphasis), but not the
   * sixty-four times of a quadratic algorithm: the gap is wide enough that a busy machine does
   * not close it. Times are compared, never taken as they are. */
#ifdef FLASH_SANITIZED
  /* Sanitizers slow our code and not the system libraries, so times compare nothing; the
   * memory checks still see every shape, at the size that is feasible under them. */
  text = shape->make (shape->probe);
  error = import_text (text, strlen (text));
  return;
#endif
  small = time_shape (shape, shape->probe / 8);
  big = time_shape (shape, shape->probe);
  g_test_message ("%s: %" G_GINT64_FORMAT " µs for %u, %" G_GINT64_FORMAT " µs for %u",
                  shape->name, small, shape->probe / 8, big, shape->probe);
  /* Below a few tens of milliseconds, caches and timer noise dominate; such inputs are fast
   * whatever the ratio says. */
  if (g_str_equal (shape->name, "wide-table"))
    {
      /* The same cells as a tall two-column table: a linear parser takes about as long. */
      static const Shape tall = { "tall-table", make_many_rows, 0, 0 };
      gint64 baseline = time_shape (&tall, shape->probe / 2);

      g_test_message ("tall table of the same cells: %" G_GINT64_FORMAT " µs", baseline);
      if ((big > 50000 && (double) big / small >= MAX_RATIO) || big > 8 * baseline)
        {
          /* Debian 12's cmark-gfm 0.29.0.gfm.6 table extension is quadratic in the number of
           * columns (25,000 columns take seconds, 100,000 minutes). The parser has to refuse
           * such rows before cmark sees them; until it does, this is a known failure. */
          g_test_incomplete ("tables with thousands of columns take quadratic time in cmark-gfm; "
                             "flash-sheet.c needs a guard (reported)");
          return;
        }
    }
  /* A busy machine (the whole suite runs in parallel on two cores) can slow the big input's
   * caches more than the small one's for a moment: a ratio over the bound is measured again,
   * twice at most, and the best counts. A quadratic shape stays far above it every time. */
  for (guint retry = 0; retry < 2 && big > 50000 && (double) big / small >= MAX_RATIO; retry++)
    {
      gint64 small_again = time_shape (shape, shape->probe / 8);
      gint64 big_again = time_shape (shape, shape->probe);

      g_test_message ("%s again: %" G_GINT64_FORMAT " µs, %" G_GINT64_FORMAT " µs", shape->name,
                      small_again, big_again);
      if ((double) big_again / small_again < (double) big / small)
        {
          small = small_again;
          big = big_again;
        }
    }
  if (big > 50000)
    g_assert_cmpfloat ((double) big / small, <, MAX_RATIO);

  text = shape->make (shape->size);
  error = import_text (text, strlen (text));
  if (error != NULL)
    g_test_message ("%s refused: %s", shape->name, error->message);
}

/* Content ----------------------------------------------------------------------------------- */

static void
test_raw_html (void)
{
  static const char *const html[] = {
    "<script>alert('x')</script>",
    "<style>body { display: none }</style>",
    "<iframe src=\"file:///etc/passwd\"></iframe>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<!-- a comment -->",
    "<![CDATA[ data ]]>",
    "<?php echo 1; ?>",
    "<!DOCTYPE html>",
    "<b onclick=\"x\">bold</b>",
    "<span foreground=\"red\" size=\"999999\">pango attributes</span>",
    "<markup><big>pango tags</big></markup>",
    "<textarea>&lt;/textarea&gt;",
    "&amp; &lt; &gt; &quot; &#0; &#x110000; &#9999999999; &bogus;",
    "</b></i></span>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (html); i++)
    {
      /* As a block, inline in a sentence, in a question and in a table cell. */
      g_autofree char *text = g_strdup_printf ("# HTML\n\n## Block\n\n%s\n\n## Inline\n\nSee %s here.\n\n"
                                               "## Is %s safe?\n\nYes.\n\n| Term | Meaning |\n|---|---|\n"
                                               "| cell | %s |\n",
                                               html[i], html[i], html[i], html[i]);
      g_autoptr(FlashSheet) sheet = flash_sheet_parse (text, -1, "hostile.md", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (sheet);
      error = import_text (text, strlen (text));
      g_assert_no_error (error);
#ifdef HAVE_FLASH_MARKUP
      /* Raw HTML is shown as the text it is; no tag of it reaches Pango. */
      for (guint c = 0; c < sheet->cards->len; c++)
        {
          FlashSheetCard *card = g_ptr_array_index (sheet->cards, c);
          g_autofree char *markup = flash_markup_from_markdown (card->answer, -1, FLASH_MARKUP_NONE);

          g_assert_null (strstr (markup, "<script"));
          g_assert_null (strstr (markup, "<iframe"));
          g_assert_null (strstr (markup, "<img"));
          g_assert_null (strstr (markup, "<span foreground"));
          g_assert_null (strstr (markup, "<big"));
        }
      {
        g_autofree char *shown = render_text ("<script>alert('x')</script>");

        g_assert_nonnull (strstr (shown, "<script>"));
      }
#endif
    }
}

static void
test_links (void)
{
  static const char *const links[] = {
    "[js](javascript:alert(1))",
    "[JS](JavaScript:alert(1))",
    "[file](file:///etc/passwd)",
    "[data](data:text/html,<b>x</b>)",
    "<javascript:alert(1)>",
    "<file:///etc/passwd>",
    "[quote](http://x/\"><b>x</b>)",
    "[title](http://x \"a \\\" & < title\")",
    "![img](file:///etc/passwd)",
    "[ref][r]\n\n[r]: javascript:alert(1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *text = g_strdup_printf ("# Links\n\n## Where?\n\nThe answer is %s today.\n", links[i]);
      g_autoptr(GError) error = import_text (text, strlen (text));

      g_assert_no_error (error);
#ifdef HAVE_FLASH_MARKUP
      {
        g_autofree char *markup = flash_markup_from_markdown (links[i], -1, FLASH_MARKUP_LINKS);

        /* A link's target stays inside its escaped attribute; which schemes open is the view's
         * decision (tests/gui/test-markdown-view.c). Images are never fetched: no <img>. */
        g_assert_null (strstr (markup, "<b>x</b>"));
        g_assert_null (strstr (markup, "<img"));
      }
#endif
    }
}

/* Fuzzing finding (fuzz-sheet, minimised): raw HTML spanning lines in a setext heading. */
static void
test_question_one_line (void)
{
  static const char text[] = "# Sheet\n\n<s\nA>\n-\n)\n";
  g_autoptr(FlashSheet) sheet = flash_sheet_parse (text, -1, "hostile.md", NULL);

  g_assert_nonnull (sheet);
  for (guint i = 0; i < sheet->cards->len; i++)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

      /* flash-sheet.h promises a question of one line; exports write it as a heading. */
      if (strchr (card->question, '\n') != NULL)
        {
          g_test_incomplete ("a heading with multi-line raw HTML gives a question with a line "
                             "break (flash-sheet.c, reported)");
          return;
        }
    }
}

static void
test_nul (void)
{
  static const char text[] = "# NUL\n\n## Q\n\nA\0B\n";
  g_autoptr(GError) error = import_text (text, sizeof text - 1);

  g_assert_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "NUL"));
}

static void
test_invalid_utf8 (void)
{
  static const char *const texts[] = {
    "# Bad\n\n## Q\n\nA \xff\xfe\n",
    "# Bad\n\n## Q \xc3\x28\n\nA\n",
    "# Bad\n\n## Q\n\nsurrogate \xed\xa0\x80\n",
    "# Bad\n\n## Q\n\ntoo big \xf4\x90\x80\x80\n",
    "# Bad\n\n## Q\n\noverlong \xc0\xaf\n",
    "# Caf\xe9\n\n## Q\n\nLatin-1\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = import_text (texts[i], strlen (texts[i]));

      g_assert_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_UTF8);
      g_assert_nonnull (strstr (error->message, "UTF-8"));
      g_assert_nonnull (strstr (error->message, "line "));
    }
}

static void
test_odd_but_valid (void)
{
  static const char *const texts[] = {
    /* Findings and tricky cases from the fuzzers' seed corpus (tests/fuzz/corpus). */
    "# \xe2\x80\xae reversed \xef\xbb\xbf\n\n## Zero\xe2\x80\x8bwidth \xcc\x81\n\ncombining\n",
    "# CRLF\r\n\r\n## Q\r\n\r\nA\r",
    "# T\n\n| Term | Meaning |\n|---|:-:|\n| `a|b` | **x** <br> y |\n|\n| only |\n",
    "---\ntitle: \"Quote \\\" & <x>\"\ntags: [a, , \"c d\", ]\n---\n\n# X\n\n## Y\n\nz\n",
    "# Code\n\n## Unclosed\n\n```\nnever closed\n",
    "# Q\n\nQ: What?\nA: That.\n\nQ: no answer\n\nA: no question\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = import_text (texts[i], strlen (texts[i]));

      if (error != NULL)
        g_test_message ("refused: %s", error->message);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sheet-hostile/shape/%s", shapes[i].name);

      g_test_add_data_func (path, &shapes[i], test_shape);
    }
  g_test_add_func ("/sheet-hostile/raw-html", test_raw_html);
  g_test_add_func ("/sheet-hostile/links", test_links);
  g_test_add_func ("/sheet-hostile/question-one-line", test_question_one_line);
  g_test_add_func ("/sheet-hostile/nul", test_nul);
  g_test_add_func ("/sheet-hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/sheet-hostile/odd-but-valid", test_odd_but_valid);

  return g_test_run ();
}
