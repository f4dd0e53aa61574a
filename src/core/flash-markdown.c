/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markdown.c: the one way Flashsheet parses Markdown (cmark-gfm, its options and extensions). */
#include "flash-markdown.h"

#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

static cmark_parser *
new_parser (void)
{
  static const char *const extensions[] = { "table", "strikethrough", "autolink" };
  cmark_parser *parser;

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extensions[i]);

      /* They are built into cmark-gfm-extensions, which we link: missing is a broken install. */
      g_assert (extension != NULL);
      cmark_parser_attach_syntax_extension (parser, extension);
    }
  return parser;
}

cmark_node *
flash_markdown_parse (const char *markdown,
                      gssize      length)
{
  cmark_parser *parser;
  cmark_node *document;

  if (markdown == NULL)
    markdown = "";
  if (length < 0)
    length = (gssize) strlen (markdown);

  parser = new_parser ();
  cmark_parser_feed (parser, markdown, (size_t) length);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  return document;
}

char *
flash_markdown_to_html (const char *markdown)
{
  cmark_parser *parser = new_parser ();
  cmark_node *document;
  char *html;
  char *copy;

  if (markdown == NULL)
    markdown = "";
  cmark_parser_feed (parser, markdown, strlen (markdown));
  document = cmark_parser_finish (parser);
  /* Without CMARK_OPT_UNSAFE raw HTML is left out and javascript: and similar links emptied. */
  html = cmark_render_html (document, CMARK_OPT_DEFAULT,
                            cmark_parser_get_syntax_extensions (parser));
  copy = g_strdup (html);
  free (html);
  cmark_node_free (document);
  cmark_parser_free (parser);
  return copy;
}
