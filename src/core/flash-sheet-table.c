/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-table.c: GFM tables: one card per row, the first column asks, the others answer. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

#include <cmark-gfm-core-extensions.h>


static void
append_cell (GString    *answer,
             const char *title,
             const char *value)
{
  if (answer->len > 0)
    g_string_append (answer, "\n\n");
  if (*title != '\0')
    g_string_append_printf (answer, "**%s:** %s", title, value);
  else
    g_string_append (answer, value);
}

gboolean
flash_sheet_add_table_cards (Parser     *self,
                             guint       depth,
                             cmark_node *table)
{
  cmark_node *header;
  g_autoptr(GPtrArray) titles = NULL;

  if (cmark_gfm_extensions_get_table_columns (table) < 2)
    return FALSE;
  header = cmark_node_first_child (table);
  if (header == NULL || !cmark_gfm_extensions_get_table_row_is_header (header)
      || cmark_node_next (header) == NULL)
    return FALSE;

  titles = g_ptr_array_new_with_free_func (g_free);
  for (cmark_node *cell = cmark_node_first_child (header); cell; cell = cmark_node_next (cell))
    g_ptr_array_add (titles, flash_sheet_inlines_to_markdown (cell, FALSE));

  for (cmark_node *row = cmark_node_next (header); row; row = cmark_node_next (row))
    {
      g_autofree char *question = NULL;
      g_autofree char *first_value = NULL;
      g_autoptr(GString) answer = g_string_new (NULL);
      g_autoptr(GString) reverse = g_string_new (NULL);
      cmark_node *cell = cmark_node_first_child (row);
      guint before = self->sheet->cards->len;
      guint column = 1;

      if (cell == NULL || flash_sheet_is_separator_row (row))
        continue;
      question = flash_sheet_inlines_to_markdown (cell, FALSE);
      for (cell = cmark_node_next (cell); cell; cell = cmark_node_next (cell), column++)
        {
          g_autofree char *value = flash_sheet_inlines_to_markdown (cell, FALSE);
          const char *title = column < titles->len ? g_ptr_array_index (titles, column) : "";

          if (*value == '\0')
            continue;
          append_cell (answer, title, value);
          /* The reverse card asks with the first answering cell and answers with the others. */
          if (first_value == NULL)
            first_value = g_strdup (value);
          else
            append_cell (reverse, title, value);
        }
      flash_sheet_add_card (self, depth, question, answer->str, cmark_node_get_start_line (row));
      if ((self->sheet->reverse & FLASH_SHEET_REVERSE_TABLES) && first_value != NULL)
        {
          g_autoptr(GString) back = g_string_new (question);

          if (reverse->len > 0)
            g_string_append_printf (back, "\n\n%s", reverse->str);
          flash_sheet_add_reverse_card (self, before, first_value, back->str);
        }
    }
  return TRUE;
}
