/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markup.h: converts cmark-gfm inline nodes into escaped Pango markup (no GTK). */
#pragma once

#include <glib.h>
#include <cmark-gfm.h>

#include "flash-markdown.h"

G_BEGIN_DECLS

typedef enum
{
  FLASH_MARKUP_NONE  = 0,
  /* Emit links as GtkLabel's <a href="…"> elements. Without this flag links are
   * underlined text, which plain pango_parse_markup() accepts. */
  FLASH_MARKUP_LINKS = 1 << 0,
} FlashMarkupFlags;

void        flash_markup_append_inlines (GString          *markup,
                                         cmark_node       *block,
                                         FlashMarkupFlags  flags);
char       *flash_markup_from_inlines   (cmark_node       *block,
                                         FlashMarkupFlags  flags);

void        flash_markup_append_flat    (GString          *markup,
                                         cmark_node       *root,
                                         FlashMarkupFlags  flags);
char       *flash_markup_from_markdown  (const char       *markdown,
                                         gssize            length,
                                         FlashMarkupFlags  flags);

gboolean    flash_markup_is_node_type   (cmark_node       *node,
                                         const char       *type_string);


G_END_DECLS
