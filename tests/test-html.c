/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-html.c: saved web pages: the Markdown they are read as, their cards, and hostile pages. */
#include "flash-test-util.h"
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "flash-html.h"
#include "flash-sheet.h"
#include "flash-store.h"

static const char page[] =
  "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Git Tips</title>\n"
  "<script>alert(\"x\")</script><style>body { display: none }</style></head><body>\n"
  "<header><nav><a href=\"/\">Home</a></nav></header><main>\n"
  "<h2>Branches</h2>\n<h3>Create a branch</h3>\n"
  "<p>Use <code>git switch -c name</code>; see <a href=\"https://git-scm.com/docs\">the docs</a>"
  " or <a href=\"#top\">the top</a>.</p>\n"
  "<pre><code class=\"language-bash\">git switch -c feature\ngit push -u origin feature\n"
  "</code></pre>\n"
  "<h3>Delete a branch</h3>\n<p>Merged only:<br><kbd>git branch -d name</kbd></p>\n"
  "<h2>Commands</h2>\n<table><thead><tr><th>Command</th><th>What it does</th></tr></thead>\n"
  "<tbody><tr><td><code>git status</code></td><td>Shows the <b>working tree</b></td></tr>\n"
  "<tr><td><code>a|b</code></td><td>line<br>break</td></tr></tbody></table>\n"
  "<h2>Terms</h2>\n<dl><dt>HEAD</dt><dd>The current commit</dd><dt>Index</dt>"
  "<dd>The staging area</dd></dl>\n"
  "<h2>Tips</h2>\n<ul><li><p>Commit early</p></li><li>Write <em>good</em> messages</li></ul>\n"
  "<p>- not a list &amp; &lt;b&gt; not a tag, 1. not a number</p>\n"
  "<img src=\"http://tracker.example/pixel.gif\"></main><footer>Copyright</footer>\n"
  "<form><input name=\"q\"><button>Go</button></form></body></html>\n";

/* The page reads as the Markdown a cheatsheet author would write: sections, code, a table, a term
 * list; scripts, styles, navigation, forms, images and in-page links leave nothing. */
static void
test_markdown (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = flash_html_to_markdown (page, strlen (page), "page.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (markdown, ==,
                   "# Git Tips\n\n"
                   "## Branches\n\n### Create a branch\n\n"
                   "Use `git switch -c name`; see [the docs](https://git-scm.com/docs) or the "
                   "top.\n\n"
                   "```bash\ngit switch -c feature\ngit push -u origin feature\n```\n\n"
                   "### Delete a branch\n\nMerged only:\\\n`git branch -d name`\n\n"
                   "## Commands\n\n| Command | What it does |\n|---|---|\n"
                   "| `git status` | Shows the **working tree** |\n"
                   "| `a|b` | line break |\n\n"
                   "## Terms\n\n- HEAD — The current commit\n- Index — The staging area\n\n"
                   "## Tips\n\n- Commit early\n- Write *good* messages\n\n"
                   "\\- not a list \\& \\<b\\> not a tag, 1. not a number\n\n");
}

static char *
write_page (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("flash-html-XXXXXX", &error);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_page (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  flash_test_remove_tree (dir);
}

/* A .html file imports by the same card rules as Markdown. */
static void
test_cards (void)
{
  g_autofree char *path = write_page ("git.HTML", page, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = flash_sheet_load (path, &error);
  const char *const questions[] = {
    "Create a branch", "Delete a branch", "`git status`", "`a|b`", "HEAD", "Index", "Tips",
  };

  g_assert_no_error (error);
  g_assert_cmpstr (sheet->name, ==, "Git Tips");
  g_assert_cmpuint (sheet->cards->len, ==, G_N_ELEMENTS (questions));
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    g_assert_cmpstr (flash_test_sheet_card (sheet, i)->question, ==, questions[i]);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 3)->answer, ==, "**What it does:** line break");
  g_assert_true (flash_html_is_page (path));
  g_assert_false (flash_html_is_page ("notes.md"));
  remove_page (path);
}

/* A page's own encoding is honoured: a UTF-16 byte order mark, a Latin-1 <meta charset>. */
static void
test_encodings (void)
{
  static const char latin1[] = "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title>"
                               "</head><body><h2>Men\xfc</h2><p>K\xe4se</p></body></html>";
  const char *utf8 = "<html><body><h1>Grüße</h1><h2>Ünïcode</h2><p>Text ✓</p></body></html>";
  g_autoptr(GString) utf16 = g_string_new ("\xff\xfe");
  g_autoptr(GError) error = NULL;
  g_autofree char *from_latin1 = NULL;
  g_autofree char *from_utf16 = NULL;
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);

  from_latin1 = flash_html_to_markdown (latin1, strlen (latin1), "latin1.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_latin1, ==, "# Café\n\n## Menü\n\nKäse\n\n");

  for (glong i = 0; i < n; i++)
    {
      g_string_append_c (utf16, (char) (units[i] & 0xff));
      g_string_append_c (utf16, (char) (units[i] >> 8));
    }
  from_utf16 = flash_html_to_markdown (utf16->str, utf16->len, "utf16.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_utf16, ==, "# Grüße\n\n## Ünïcode\n\nText ✓\n\n");
}

/* libxml2 stops at 256 levels and returns what it read: such a page is refused whole, and the
 * collection is unchanged. 200 levels read fine. */
/* @text in UTF-16 (little-endian unless @big), with a byte order mark if @bom. */
static GByteArray *
to_utf16 (const char *text,
          gboolean    big,
          gboolean    bom)
{
  gsize length = 0;
  g_autofree char *converted = g_convert (text, -1, big ? "UTF-16BE" : "UTF-16LE", "UTF-8", NULL,
                                          &length, NULL);
  GByteArray *bytes = g_byte_array_new ();

  g_assert_nonnull (converted);
  if (bom)
    g_byte_array_append (bytes, (const guint8 *) (big ? "\xfe\xff" : "\xff\xfe"), 2);
  g_byte_array_append (bytes, (const guint8 *) converted, (guint) length);
  return bytes;
}

/* What a browser puts on the clipboard: Firefox's text/html is UTF-16 with a byte order mark (or
 * none) and a <meta> saying UTF-8; it reads as the same sheet, with the same paste key, as the
 * UTF-8 text. */
static void
test_pasted_utf16 (void)
{
  static const char html[] = "<meta http-equiv=\"content-type\" content=\"text/html; "
                             "charset=utf-8\"><h2>Größe</h2><p>Ein <code>ß</code> und ein "
                             "€.</p><h2>Zwei</h2><p>Text.</p>";
  static const char markdown[] = "# Notizen\n\n## Größe\n\nEin `ß`.\n";
  g_autoptr(FlashSheet) plain = NULL;
  g_autoptr(GError) error = NULL;
  const gboolean shapes[][2] = { { FALSE, TRUE }, { TRUE, TRUE }, { FALSE, FALSE } };

  plain = flash_sheet_parse_pasted (html, strlen (html), TRUE, "paste", "Pasted", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plain->cards->len, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(GByteArray) bytes = to_utf16 (html, shapes[i][0], shapes[i][1]);
      g_autoptr(FlashSheet) sheet = flash_sheet_parse_pasted ((const char *) bytes->data,
                                                              bytes->len, TRUE, "paste", "Pasted",
                                                              &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sheet->source, ==, plain->source);
      g_assert_cmpuint (sheet->cards->len, ==, 2);
      g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->question, ==, "Größe");
      g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==, "Ein `ß` und ein €.");
    }
  {
    g_autoptr(GByteArray) bytes = to_utf16 (markdown, TRUE, TRUE);
    g_autoptr(FlashSheet) sheet = flash_sheet_parse_pasted ((const char *) bytes->data,
                                                            bytes->len, FALSE, "paste", "Pasted",
                                                            &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sheet->name, ==, "Notizen");
    g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==, "Ein `ß`.");
  }
  /* An odd byte after the mark is not UTF-16: a clear error. */
  {
    g_autoptr(FlashSheet) broken = flash_sheet_parse_pasted ("\xff\xfe\x41", 3, FALSE, "paste",
                                                             "Pasted", &error);

    g_assert_null (broken);
    g_assert_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_UTF8);
  }
}

/* Page furniture marked by class or id (share buttons, related links, breadcrumbs) and the
 * permalinks beside headings are no part of a card. */
static void
test_furniture (void)
{
  static const char html[] =
    "<title>Docker</title><div class=\"breadcrumbs\"><a href=\"/\">Home</a> › Docker</div>"
    "<h2 id=\"images\">Images <a class=\"anchor\" href=\"#images\">#</a></h2>"
    "<h3>List images</h3><p>Use <code>docker images</code>.</p>"
    "<div class=\"share-buttons\">Share: <a href=\"https://t.example\">Twitter</a></div>"
    "<div id=\"related\"><h3>Related sheets</h3><ul><li><a href=\"/k\">kubectl</a></li></ul>"
    "</div><div class=\"shared-volumes\"><h3>Volumes</h3><p>Kept data.</p></div>";
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = flash_sheet_parse_pasted (html, strlen (html), TRUE, "page",
                                                          "Pasted", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sheet->cards->len, ==, 2);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->context, ==, "Docker › Images");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==, "Use `docker images`.");
  /* "shared" is not "share". */
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->question, ==, "Volumes");
}

/* An <aside> or <div> that is a note of the text reads as a quote; a sidebar <aside>, a page's
 * previous/next links ("page-nav"), code tabs and the author's bio are furniture. */
static void
test_notes_and_pager (void)
{
  static const char html[] =
    "<h1>argparse</h1><h2>Flags</h2><p>Use <code>store_true</code>.</p>"
    "<aside class=\"admonition note\"><p><code>--dry-run</code> is <code>args.dry_run</code>."
    "</p></aside><aside class=\"sidebar\"><p>Ads here</p></aside>"
    "<div class=\"page-nav\">« Tutorials … logging »</div>"
    "<div class=\"author-bio\"><p>Maria writes about Python.</p></div>"
    "<h2>Routes</h2><p>Mounts middleware.</p><ul class=\"tabs\"><li>JavaScript</li>"
    "<li>TypeScript</li></ul><div class=\"admonition admonition-warning\">"
    "<div class=\"admonition-heading\"><h5>warning</h5></div><div class=\"admonition-content\">"
    "<p>Order matters.</p></div></div>"
    "<h2><span class=\"mw-headline\">History</span><span class=\"mw-editsection\">[<a "
    "href=\"/w?action=edit\">edit</a>]</span></h2><p>Closed in 2013.<sup class=\"reference\">"
    "<a href=\"#cite_note-8\">[7]</a></sup></p>";
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = flash_sheet_parse_pasted (html, strlen (html), TRUE, "page",
                                                          "Pasted", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sheet->cards->len, ==, 3);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->answer, ==,
                   "Use `store_true`.\n\n> `--dry-run` is `args.dry_run`.");
  /* A wiki's "[edit]" links and citation marks are furniture too. */
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->question, ==, "History");
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->answer, ==, "Closed in 2013.");
  /* Code tabs are furniture; an admonition <div> is one quote, its heading its bold title. */
  g_assert_cmpstr (flash_test_sheet_card (sheet, 1)->answer, ==,
                   "Mounts middleware.\n\n> **warning**\n>\n> Order matters.");
}

/* A byte libxml2 cannot decode, in a page whose <meta charset> names nothing (found by
 * fuzz-html), becomes U+FFFD: the Markdown is always valid UTF-8. */
static void
test_undecodable_byte (void)
{
  static const char html[] = "<meta charset=>&\x8c<p>caf\xc3\xa9</p>";
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = flash_html_to_markdown (html, strlen (html), "page", &error);

  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  g_assert_nonnull (strstr (markdown, "\xef\xbf\xbd"));
}

static void
test_too_deep (void)
{
  g_autoptr(GString) deep = g_string_new ("<h2>Top</h2><p>kept</p>");
  g_autoptr(GString) fine = g_string_new ("<h2>Top</h2>");
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *dir = g_dir_make_tmp ("flash-html-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "collection.db", NULL);
  g_autofree char *path = NULL;
  FlashStore *store;

  for (guint i = 0; i < 300; i++)
    g_string_append (deep, "<div>");
  g_string_append (deep, "<h2>Deep</h2><p>lost</p>");
  for (guint i = 0; i < 200; i++)
    g_string_append (fine, "<div>");
  g_string_append (fine, "<h2>Deep</h2><p>found</p>");

  markdown = flash_html_to_markdown (deep->str, deep->len, "deep.html", &error);
  g_assert_null (markdown);
  g_assert_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_clear_error (&error);

  path = write_page ("deep.html", deep->str, (gssize) deep->len);
  store = flash_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_false (flash_store_import_file (store, path, NULL, &error));
  g_assert_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_true (flash_store_is_empty (store));
  flash_store_close (store);
  remove_page (path);
  flash_test_remove_tree (dir);

  g_clear_pointer (&markdown, g_free);
  markdown = flash_html_to_markdown (fine->str, fine->len, "fine.html", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (markdown, "## Deep\n\nfound"));
}

/* Reading (or refusing) @n copies of @unit, in microseconds of CPU time: the best of three. */
static gint64
time_page (const char *unit,
           guint       n)
{
  g_autoptr(GString) html = g_string_new ("<html><body><h2>Many</h2>");
  gint64 best = G_MAXINT64;

  for (guint i = 0; i < n; i++)
    g_string_append (html, unit);
  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = flash_test_cpu_time ();
      g_autofree char *markdown = flash_html_to_markdown (html->str, html->len, "big.html",
                                                          &error);

      /* Unclosed elements nest: such a page may be refused, with its reason. */
      if (error != NULL)
        g_assert_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_MALFORMED);
      best = MIN (best, flash_test_cpu_time () - start);
    }
  return MAX (best, 1);
}

/* Hostile pages: 100,000 elements, broken markup, huge attributes and entities read in linear
 * time (eight times the page may take eight times as long and more for caches, never the
 * sixty-four times of a quadratic reader); nothing is expanded or fetched. */
static void
test_hostile (void)
{
  static const char *const units[] = {
    "<p>para <b>bold</b></p>",
    "<ul><li>item <i>x",
    "<table><tr><td><code>a</code><td>b",
    "<div><span>",
    "<p class=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">&amp;&lt;",
    "<pre class=\"hljs\">x &lt; y</pre><dl><dt>t<dd>d",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *entities = NULL;
  static const char bomb[] = "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;"
                             "&a;&a;&a;&a;&a;&a;&a;\">]><p>&b;&b;&b;</p><img src=\"file:///etc/"
                             "passwd\"><iframe src=\"http://example.org\"></iframe>";

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gint64 small;
      gint64 big;

      /* Under sanitizers times compare nothing; the memory checks still see every page. */
#ifdef FLASH_SANITIZED
      small = big = time_page (units[i], 20000);
#else
      small = time_page (units[i], 12500);
      big = time_page (units[i], 100000);
#endif
      g_test_message ("%s: %" G_GINT64_FORMAT " µs for 12,500, %" G_GINT64_FORMAT
                      " µs for 100,000", units[i], small, big);
      if (big > 50000)
        g_assert_cmpfloat ((double) big / small, <, 32.0);
    }

  entities = flash_html_to_markdown (bomb, strlen (bomb), "bomb.html", &error);
  g_assert_no_error (error);
  g_assert_null (strstr (entities, "aaaaaaaaaa"));
  g_assert_null (strstr (entities, "passwd"));
  g_assert_null (strstr (entities, "example.org"));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/markdown", test_markdown);
  g_test_add_func ("/html/cards", test_cards);
  g_test_add_func ("/html/encodings", test_encodings);
  g_test_add_func ("/html/pasted-utf16", test_pasted_utf16);
  g_test_add_func ("/html/furniture", test_furniture);
  g_test_add_func ("/html/notes-and-pager", test_notes_and_pager);
  g_test_add_func ("/html/undecodable-byte", test_undecodable_byte);
  g_test_add_func ("/html/too-deep", test_too_deep);
  g_test_add_func ("/html/hostile", test_hostile);
  return g_test_run ();
}
