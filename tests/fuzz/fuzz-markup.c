/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-markup.c: libFuzzer target for Markdown → Pango markup: every output must parse. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>
#include <pango/pango.h>

#include "flash-markup.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Plain markup goes to pango_parse_markup() as a label would hand it on. */
static void
check_pango (const char *markup)
{
  g_autoptr(GError) error = NULL;

  if (!pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &error))
    {
      fprintf (stderr, "not Pango markup (%s):\n%s\n", error->message, markup);
      abort ();
    }
}

/* Markup with GtkLabel's <a href> is not Pango's, but it must still be well-formed. */
static void
check_well_formed (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  if (!g_markup_parse_context_parse (context, wrapped, -1, &error)
      || !g_markup_parse_context_end_parse (context, &error))
    {
      fprintf (stderr, "not well-formed (%s):\n%s\n", error->message, markup);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(cmark_node) document = NULL;
  cmark_iter *iter;
  cmark_event_type event;

  {
    g_autofree char *flat = flash_markup_from_markdown ((const char *) data, (gssize) size,
                                                        FLASH_MARKUP_NONE);
    g_autofree char *linked = flash_markup_from_markdown ((const char *) data, (gssize) size,
                                                          FLASH_MARKUP_LINKS);

    check_pango (flat);
    check_well_formed (linked);
  }

  /* The renderer converts block by block: each block's inlines on their own must parse too. */
  document = flash_markdown_parse ((const char *) data, (gssize) size);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event != CMARK_EVENT_ENTER)
        continue;
      if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING
          || flash_markup_is_node_type (node, "table_cell"))
        {
          g_autofree char *plain = flash_markup_from_inlines (node, FLASH_MARKUP_NONE);
          g_autofree char *linked = flash_markup_from_inlines (node, FLASH_MARKUP_LINKS);

          check_pango (plain);
          check_well_formed (linked);
        }
    }
  cmark_iter_free (iter);
  return 0;
}
