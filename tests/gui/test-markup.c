/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-markup.c: the cmark-gfm inline to Pango markup converter, including injection attempts. */

#include <string.h>

#include <pango/pango.h>

#include "flash-markup.h"

/* GtkLabel handles <a> itself and hands the rest to Pango. The checks do the
 * same: a GMarkup pass takes the links out (recording their attributes, which
 * GMarkup unescapes) and rebuilds the rest for pango_parse_markup(). */
typedef struct
{
  GString   *rebuilt;
  GPtrArray *hrefs;
  GPtrArray *titles;
} LinkStrip;

static void
strip_start_element (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  LinkStrip *strip = user_data;

  if (strcmp (element_name, "markup") == 0)
    return;

  if (strcmp (element_name, "a") == 0)
    {
      const char *title = NULL;

      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (strcmp (attribute_names[i], "href") == 0)
            g_ptr_array_add (strip->hrefs, g_strdup (attribute_values[i]));
          else if (strcmp (attribute_names[i], "title") == 0)
            title = attribute_values[i];
          else
            g_assert_not_reached ();
        }
      g_ptr_array_add (strip->titles, g_strdup (title));
      return;
    }

  g_string_append_printf (strip->rebuilt, "<%s", element_name);
  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      g_autofree char *value = g_markup_escape_text (attribute_values[i], -1);

      g_string_append_printf (strip->rebuilt, " %s=\"%s\"", attribute_names[i], value);
    }
  g_string_append_c (strip->rebuilt, '>');
}

static void
strip_end_element (GMarkupParseContext  *context,
                   const char           *element_name,
                   gpointer              user_data,
                   GError              **error)
{
  LinkStrip *strip = user_data;

  if (strcmp (element_name, "markup") != 0 && strcmp (element_name, "a") != 0)
    g_string_append_printf (strip->rebuilt, "</%s>", element_name);
}

static void
strip_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  LinkStrip *strip = user_data;
  g_autofree char *escaped = g_markup_escape_text (text, text_len);

  g_string_append (strip->rebuilt, escaped);
}

static const GMarkupParser strip_parser = {
  strip_start_element, strip_end_element, strip_text, NULL, NULL,
};

/* Checks that @markup is what GtkLabel accepts and returns its plain text. */
static char *
check_markup (const char *markup,
              GPtrArray  *hrefs,
              GPtrArray  *titles)
{
  g_autoptr(GPtrArray) own_hrefs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) own_titles = g_ptr_array_new_with_free_func (g_free);
  LinkStrip strip = { g_string_new (NULL), hrefs ? hrefs : own_hrefs, titles ? titles : own_titles };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
  g_autofree char *rebuilt = NULL;
  char *text = NULL;

  context = g_markup_parse_context_new (&strip_parser, 0, &strip, NULL);
  g_markup_parse_context_parse (context, wrapped, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  rebuilt = g_string_free (strip.rebuilt, FALSE);
  pango_parse_markup (rebuilt, -1, 0, NULL, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  return text;
}

static char *
markup_of (const char       *markdown,
           FlashMarkupFlags  flags)
{
  return flash_markup_from_markdown (markdown, -1, flags);
}

static void
assert_plain (const char *markdown,
              const char *expected)
{
  g_autofree char *markup = markup_of (markdown, FLASH_MARKUP_LINKS);
  g_autofree char *plain_markup = markup_of (markdown, FLASH_MARKUP_NONE);
  g_autofree char *text = check_markup (markup, NULL, NULL);
  g_autofree char *plain_text = check_markup (plain_markup, NULL, NULL);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (plain_text, ==, expected);
}

static void
test_markup_inline_styles (void)
{
  g_autofree char *markup = markup_of ("*em* **strong** ~~gone~~ `code`", FLASH_MARKUP_NONE);

  g_assert_nonnull (strstr (markup, "<i>em</i>"));
  g_assert_nonnull (strstr (markup, "<b>strong</b>"));
  g_assert_nonnull (strstr (markup, "<s>gone</s>"));
  g_assert_nonnull (strstr (markup, "<tt>"));
  g_assert_nonnull (strstr (markup, "code"));
  assert_plain ("*em* **strong** ~~gone~~ `code`", "em strong gone code");
  assert_plain ("***both*** _under_ __twice__", "both under twice");
}

static void
test_markup_breaks (void)
{
  /* A soft break is a space, a hard break (two spaces or a backslash) a newline. */
  assert_plain ("one\ntwo", "one two");
  assert_plain ("one  \ntwo", "one\ntwo");
  assert_plain ("one\\\ntwo", "one\ntwo");
}

static void
test_markup_links (void)
{
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *markup = markup_of ("[the docs](https://docs.python.org/3/ \"Python\") and "
                                       "https://example.org/x", FLASH_MARKUP_LINKS);
  g_autofree char *plain = markup_of ("[the docs](https://docs.python.org/3/)", FLASH_MARKUP_NONE);
  g_autofree char *text = check_markup (markup, hrefs, titles);

  g_assert_cmpstr (text, ==, "the docs and https://example.org/x");
  g_assert_cmpuint (hrefs->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (hrefs, 0), ==, "https://docs.python.org/3/");
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Python");
  g_assert_cmpstr (g_ptr_array_index (hrefs, 1), ==, "https://example.org/x");
  g_assert_null (g_ptr_array_index (titles, 1));

  /* Without the flag a link is only underlined, which plain Pango accepts. */
  g_assert_null (strstr (plain, "<a"));
  g_assert_nonnull (strstr (plain, "<u>the docs</u>"));
}

static void
test_markup_image_alt_only (void)
{
  g_autofree char *markup = markup_of ("before ![a *diagram*](https://example.org/x.png \"t\") after",
                                       FLASH_MARKUP_LINKS);
  g_autofree char *text = check_markup (markup, NULL, NULL);

  g_assert_cmpstr (text, ==, "before a diagram after");
  g_assert_null (strstr (markup, "example.org"));
  g_assert_null (strstr (markup, "<a"));
  g_assert_null (strstr (markup, "<i>"));
}

static void
test_markup_injection_text (void)
{
  /* Inline HTML and entities-looking text must come out literally. */
  assert_plain ("a < b && c > d", "a < b && c > d");
  assert_plain ("<b>not bold</b> </span> <span foreground=\"red\">x",
                "<b>not bold</b> </span> <span foreground=\"red\">x");
  assert_plain ("fish &amp chips &lt;", "fish &amp chips <");
  assert_plain ("**bold <i>** end", "bold <i> end");
  assert_plain ("<script>alert(1)</script> text", "<script>alert(1)</script> text");
}

static void
test_markup_injection_code (void)
{
  g_autofree char *markup = markup_of ("`</span></tt><b>&amp;` x", FLASH_MARKUP_LINKS);
  g_autofree char *text = check_markup (markup, NULL, NULL);

  g_assert_cmpstr (text, ==, "</span></tt><b>&amp; x");
  assert_plain ("```\n</span> & <b>\n```", "</span> & <b>");
}

static void
test_markup_injection_link (void)
{
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *markup = markup_of ("[<b>t</b> & x](https://e.org/?a=1&b=\"><b>x "
                                       "\"</span> & <i>\")", FLASH_MARKUP_LINKS);
  g_autofree char *text = check_markup (markup, hrefs, titles);

  g_assert_cmpstr (text, ==, "<b>t</b> & x");
  g_assert_cmpuint (hrefs->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (hrefs, 0), ==, "https://e.org/?a=1&b=\"><b>x");
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "</span> & <i>");
}

static void
test_markup_injection_image_alt (void)
{
  assert_plain ("![<b>&</span>](x.png)", "<b>&</span>");
  assert_plain ("![`</tt>`](x.png)", "</tt>");
}

static void
test_markup_raw_html_block (void)
{
  assert_plain ("<div onclick=\"x\">\n<b>hi</b>\n</div>", "<div onclick=\"x\">\n<b>hi</b>\n</div>");
  assert_plain ("<!-- comment -->", "<!-- comment -->");
}

static void
test_markup_flat_blocks (void)
{
  assert_plain ("# Title\n\npara\n\n- item\n\n> quote", "Title\npara\nitem\nquote");
  assert_plain ("| a | b |\n|---|---|\n| 1 | 2 |", "a | b\n1 | 2");
}

static void
test_markup_bad_input (void)
{
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;

  /* Invalid UTF-8 is replaced by the parser; control characters survive escaping. */
  markup = markup_of ("bad \xff\xfe byte \x01\x02 *x*", FLASH_MARKUP_LINKS);
  g_assert_true (g_utf8_validate (markup, -1, NULL));
  text = check_markup (markup, NULL, NULL);
  g_assert_nonnull (strstr (text, "byte"));

  g_clear_pointer (&markup, g_free);
  markup = flash_markup_from_markdown ("nul\0byte", 8, FLASH_MARKUP_LINKS);
  g_assert_true (g_utf8_validate (markup, -1, NULL));
  g_clear_pointer (&text, g_free);
  text = check_markup (markup, NULL, NULL);
  g_assert_true (g_str_has_prefix (text, "nul"));

  g_clear_pointer (&markup, g_free);
  markup = flash_markup_from_markdown (NULL, 0, FLASH_MARKUP_NONE);
  g_assert_cmpstr (markup, ==, "");
}

static void
test_markup_deep_nesting (void)
{
  GString *input = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;

  /* Thousands of nested emphasis, links and quotes: balanced, bounded markup. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (input, "*[");
  g_string_append (input, "deep");
  for (guint i = 0; i < 2000; i++)
    g_string_append (input, "](https://e.org)*");
  g_string_append (input, "\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (input, "> ");
  g_string_append (input, "quoted\n");

  markup = markup_of (input->str, FLASH_MARKUP_LINKS);
  text = check_markup (markup, NULL, NULL);
  g_assert_nonnull (strstr (text, "deep"));
  g_assert_nonnull (strstr (text, "quoted"));
  g_string_free (input, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markup/inline-styles", test_markup_inline_styles);
  g_test_add_func ("/markup/breaks", test_markup_breaks);
  g_test_add_func ("/markup/links", test_markup_links);
  g_test_add_func ("/markup/image-alt-only", test_markup_image_alt_only);
  g_test_add_func ("/markup/injection/text", test_markup_injection_text);
  g_test_add_func ("/markup/injection/code", test_markup_injection_code);
  g_test_add_func ("/markup/injection/link", test_markup_injection_link);
  g_test_add_func ("/markup/injection/image-alt", test_markup_injection_image_alt);
  g_test_add_func ("/markup/raw-html-block", test_markup_raw_html_block);
  g_test_add_func ("/markup/flat-blocks", test_markup_flat_blocks);
  g_test_add_func ("/markup/bad-input", test_markup_bad_input);
  g_test_add_func ("/markup/deep-nesting", test_markup_deep_nesting);

  return g_test_run ();
}
