/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markdown-view-private.h: the view's struct and block helpers, for its sibling files. */
#pragma once

#include <gtk/gtk.h>
#include <cmark-gfm.h>

#include "flash-markdown-view.h"

G_BEGIN_DECLS

struct _FlashMarkdownView
{
  GtkWidget  parent_instance;

  char      *markdown;
  double     text_scale;
};

/* What every block renderer needs while one document is turned into widgets. */
typedef struct
{
  FlashMarkdownView *self;
  PangoAttrList     *attrs; /* the text scale for labels, or NULL at 1.0 */
} RenderContext;

/* flash-markdown-view.c: labels with the view's text scale, link handling and wrapping. */
GtkWidget *flash_markdown_view_label             (RenderContext *ctx,
                                                  const char    *markup);
GtkWidget *flash_markdown_view_label_for_inlines (RenderContext *ctx,
                                                  cmark_node    *node);

/* flash-markdown-view-code.c: a fenced or indented code block, highlighted, with a copy button. */
GtkWidget *flash_markdown_view_render_code       (RenderContext *ctx,
                                                  cmark_node    *node);
/* flash-markdown-view-table.c: a GFM table as a grid. */
GtkWidget *flash_markdown_view_render_table      (RenderContext *ctx,
                                                  cmark_node    *node);

G_END_DECLS
