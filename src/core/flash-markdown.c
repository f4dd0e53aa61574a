/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markdown.c: the one way Flashsheet parses Markdown (cmark-gfm, its options and extensions). */
#include "flash-markdown.h"

#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

cmark_node *
flash_markdown_parse (const char *markdown,
                      gssize      length)
{
  static const char *const extensions[] = { "table", "strikethrough", "autolink" };
  cmark_parser *parser;
  cmark_node *document;

  if (markdown == NULL)
    markdown = "";
  if (length < 0)
    length = (gssize) strlen (markdown);

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extensions[i]);

      /* They are built into cmark-gfm-extensions, which we link: missing is a broken install. */
      g_assert (extension != NULL);
      cmark_parser_attach_syntax_extension (parser, extension);
    }
  cmark_parser_feed (parser, markdown, (size_t) length);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  return document;
}
