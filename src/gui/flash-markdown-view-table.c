/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markdown-view-table.c: GFM tables in the Markdown view, as a grid of labels. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <cmark-gfm-core-extensions.h>

#include "flash-markdown-view-private.h"
#include "flash-markup.h"

/* Table cells longer than this wrap at this width. */
#define MAX_CELL_CHARS 32

/* cmark-gfm names the header row "table_header" and the others "table_row". */
static gboolean
is_table_row (cmark_node *node)
{
  return flash_markup_is_node_type (node, "table_row") ||
         flash_markup_is_node_type (node, "table_header");
}

/* The number of characters a cell shows, to decide whether it may wrap. */
static gsize
count_cell_chars (cmark_node *cell)
{
  cmark_iter *iter = cmark_iter_new (cell);
  cmark_event_type event;
  gsize n_chars = 0;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      const char *literal;

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          literal = cmark_node_get_literal (node);
          if (literal != NULL)
            n_chars += g_utf8_strlen (literal, -1);
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          n_chars++;
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  return n_chars;
}

GtkWidget *
flash_markdown_view_render_table (RenderContext *ctx,
                                  cmark_node    *node)
{
  guint n_columns = cmark_gfm_extensions_get_table_columns (node);
  const guint8 *alignments = cmark_gfm_extensions_get_table_alignments (node);
  GtkWidget *grid;
  GtkWidget *scroller;
  guint n_rows = 0;
  guint row_index = 0;

  for (cmark_node *row = cmark_node_first_child (node); row != NULL; row = cmark_node_next (row))
    if (is_table_row (row))
      n_rows++;

  grid = gtk_grid_new ();
  gtk_widget_add_css_class (grid, "md-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table"),
                                  -1);

  for (cmark_node *row = cmark_node_first_child (node); row != NULL; row = cmark_node_next (row))
    {
      gboolean is_header;
      cmark_node *cell;

      if (!is_table_row (row))
        continue;

      is_header = cmark_gfm_extensions_get_table_row_is_header (row);
      cell = cmark_node_first_child (row);

      /* Rows with fewer cells get empty ones, so the grid lines stay whole. */
      for (guint column = 0; column < n_columns; column++)
        {
          GtkWidget *label;
          float xalign = 0.0f;
          GtkJustification justify = GTK_JUSTIFY_LEFT;

          if (cell != NULL && flash_markup_is_node_type (cell, "table_cell"))
            {
              label = flash_markdown_view_label_for_inlines (ctx, cell);

              /* The scrolled window measures the table's height without a
               * width, which for wrapping labels means their narrowest
               * layout and a lot of empty space. So short cells do not wrap
               * and long ones wrap at a fixed width: then the height measured
               * is the height shown, and a wide table scrolls sideways. */
              if (count_cell_chars (cell) > MAX_CELL_CHARS)
                {
                  gtk_label_set_width_chars (GTK_LABEL (label), MAX_CELL_CHARS);
                  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CELL_CHARS);
                }
              else
                {
                  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
                }
              cell = cmark_node_next (cell);
            }
          else
            {
              label = flash_markdown_view_label (ctx, "");
            }

          if (alignments != NULL && alignments[column] == 'c')
            {
              xalign = 0.5f;
              justify = GTK_JUSTIFY_CENTER;
            }
          else if (alignments != NULL && alignments[column] == 'r')
            {
              xalign = 1.0f;
              justify = GTK_JUSTIFY_RIGHT;
            }

          gtk_label_set_xalign (GTK_LABEL (label), xalign);
          gtk_label_set_justify (GTK_LABEL (label), justify);
          gtk_widget_set_valign (label, GTK_ALIGN_FILL);
          gtk_widget_add_css_class (label, "md-table-cell");
          if (is_header)
            gtk_widget_add_css_class (label, "md-table-header");
          if (column + 1 == n_columns)
            gtk_widget_add_css_class (label, "md-last-column");
          if (row_index + 1 == n_rows)
            gtk_widget_add_css_class (label, "md-last-row");

          gtk_grid_attach (GTK_GRID (grid), label, column, row_index, 1, 1);
        }
      row_index++;
    }

  /* A wide table scrolls sideways instead of squeezing the whole card; like a code block's, the
   * scroller takes no focus. */
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "focusable", FALSE,
                           "hscrollbar-policy", GTK_POLICY_AUTOMATIC,
                           "vscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-width", TRUE,
                           "propagate-natural-height", TRUE,
                           "halign", GTK_ALIGN_START,
                           "child", grid,
                           NULL);
  gtk_widget_add_css_class (scroller, "md-table-frame");

  return scroller;
}
