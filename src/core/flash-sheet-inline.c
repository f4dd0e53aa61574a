/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-inline.c: inlines back to Markdown or plain text; a block's own lines. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

/* Inline rendering ------------------------------------------------------------------------ */

gboolean
flash_sheet_node_is (cmark_node *node,
                     const char *type_string)
{
  return g_strcmp0 (cmark_node_get_type_string (node), type_string) == 0;
}

void
flash_sheet_append_escaped_text (GString    *out,
                                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_code_span (GString    *out,
                  const char *literal)
{
  guint longest = 0;
  guint run = 0;
  gboolean pad;

  for (const char *p = literal; *p != '\0'; p++)
    {
      run = (*p == '`') ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  pad = literal[0] == '`' || (literal[0] != '\0' && literal[strlen (literal) - 1] == '`');

  /* Two spans side by side (<kbd>⌘</kbd><kbd>P</kbd>) would read as one span with backticks in
   * it: a space keeps them two. */
  if (out->len > 0 && out->str[out->len - 1] == '`')
    g_string_append_c (out, ' ');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
  if (pad)
    g_string_append_c (out, ' ');
  g_string_append (out, literal);
  if (pad)
    g_string_append_c (out, ' ');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
}

static void
append_link_target (GString    *out,
                    cmark_node *node)
{
  const char *url = cmark_node_get_url (node);
  const char *title = cmark_node_get_title (node);

  g_string_append (out, "](");
  if (url != NULL && strpbrk (url, " ()<>") != NULL)
    {
      g_autofree char *safe = g_strdelimit (g_strdup (url), "<>\n", '_');

      g_string_append_printf (out, "<%s>", safe);
    }
  else if (url != NULL)
    g_string_append (out, url);
  if (title != NULL && *title != '\0')
    {
      g_autofree char *safe = g_strdelimit (g_strdup (title), "\"\n", '\'');

      g_string_append_printf (out, " \"%s\"", safe);
    }
  g_string_append_c (out, ')');
}

/* Renders one inline node and its descendants back to Markdown. It walks with a cmark iterator
 * rather than recursion, so hostile nesting cannot exhaust the stack. */
void
flash_sheet_append_inline (GString    *out,
                           cmark_node *root,
                           gboolean    keep_breaks)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      gboolean entering = ev == CMARK_EVENT_ENTER;
      const char *type = cmark_node_get_type_string (node);

      if (g_str_equal (type, "text"))
        flash_sheet_append_escaped_text (out, cmark_node_get_literal (node));
      else if (g_str_equal (type, "code"))
        append_code_span (out, cmark_node_get_literal (node));
      else if (g_str_equal (type, "html_inline"))
        {
          gsize at = out->len;

          g_string_append (out, cmark_node_get_literal (node));
          /* Raw HTML may span lines; a question is one line. */
          if (!keep_breaks)
            g_strdelimit (out->str + at, "\n", ' ');
        }
      else if (g_str_equal (type, "softbreak"))
        g_string_append (out, keep_breaks ? "\n" : " ");
      else if (g_str_equal (type, "linebreak"))
        g_string_append (out, keep_breaks ? "\\\n" : " ");
      else if (g_str_equal (type, "emph"))
        g_string_append_c (out, '*');
      else if (g_str_equal (type, "strong"))
        g_string_append (out, "**");
      else if (g_str_equal (type, "strikethrough"))
        g_string_append (out, "~~");
      else if (g_str_equal (type, "link") || g_str_equal (type, "image"))
        {
          if (!entering)
            append_link_target (out, node);
          else if (g_str_equal (type, "image"))
            g_string_append (out, "![");
          else
            g_string_append_c (out, '[');
        }
    }
  cmark_iter_free (iter);
}

/* Renders @first and its following siblings. */
void
flash_sheet_append_inlines (GString    *out,
                            cmark_node *first,
                            gboolean    keep_breaks)
{
  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    flash_sheet_append_inline (out, node, keep_breaks);
}

char *
flash_sheet_inlines_to_markdown (cmark_node *parent,
                                 gboolean    keep_breaks)
{
  GString *out = g_string_new (NULL);

  flash_sheet_append_inlines (out, cmark_node_first_child (parent), keep_breaks);
  return g_strstrip (g_string_free (out, FALSE));
}

static void
append_plain (GString    *out,
              cmark_node *node)
{
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      const char *type = cmark_node_get_type_string (cur);

      if (ev != CMARK_EVENT_ENTER)
        continue;
      if (g_str_equal (type, "text") || g_str_equal (type, "code")
          || g_str_equal (type, "html_inline"))
        g_string_append (out, cmark_node_get_literal (cur));
      else if (g_str_equal (type, "softbreak") || g_str_equal (type, "linebreak"))
        g_string_append_c (out, ' ');
    }
  cmark_iter_free (iter);
}

char *
flash_sheet_node_to_plain (cmark_node *node)
{
  GString *out = g_string_new (NULL);

  append_plain (out, node);
  return g_strstrip (g_string_free (out, FALSE));
}

/* Source slicing ---------------------------------------------------------------------------- */

static gboolean
is_attribute_line (const char *line,
                   gsize       len)
{
  while (len > 0 && g_ascii_isspace (line[0]))
    line++, len--;
  while (len > 0 && g_ascii_isspace (line[len - 1]))
    len--;
  return len >= 3 && line[0] == '{' && line[1] == ':' && line[len - 1] == '}';
}

/* The author's own Markdown for a block, so answers keep their formatting exactly. Lines that are
 * only attributes of other dialects ({: .class}) are dropped outside code, and a block nested in a
 * list item loses the item's indentation so it reads as top-level Markdown. */
char *
flash_sheet_slice_block (const Source *src,
                         cmark_node   *block)
{
  int first = cmark_node_get_start_line (block);
  int last = cmark_node_get_end_line (block);
  gboolean is_code = cmark_node_get_type (block) == CMARK_NODE_CODE_BLOCK;
  gsize n_lines = src->line_starts->len - 1;
  gsize indent = 0;
  GString *out;

  /* A block whose inline HTML was converted no longer reads as its lines: it is written out from
   * the tree instead. */
  if (src->rewritten != NULL && g_hash_table_contains (src->rewritten, block))
    {
      char *markdown = cmark_render_commonmark (block, CMARK_OPT_DEFAULT, 0);
      char *copy = g_strdup (markdown);

      free (markdown);
      return g_strchomp (copy);
    }
  out = g_string_new (NULL);

  if (cmark_node_get_type (cmark_node_parent (block)) != CMARK_NODE_DOCUMENT
      && cmark_node_get_start_column (block) > 1)
    indent = (gsize) cmark_node_get_start_column (block) - 1;
  if (first < 1)
    first = 1;
  if ((gsize) first > n_lines)
    first = (int) n_lines;
  if (last < first)
    last = first;
  if ((gsize) last > n_lines)
    last = (int) n_lines;

  for (int i = first; i <= last && n_lines > 0; i++)
    {
      gsize start = g_array_index (src->line_starts, gsize, i - 1);
      gsize end = g_array_index (src->line_starts, gsize, i);
      gsize skip = 0;
      gsize column = 0;

      if (end > start && src->text[end - 1] == '\n')
        end--;
      if (!is_code && is_attribute_line (src->text + start, end - start))
        continue;
      /* A tab takes the column to the next multiple of four, as CommonMark counts it. */
      while (column < indent && start + skip < end
             && (src->text[start + skip] == ' ' || src->text[start + skip] == '\t'))
        {
          column = src->text[start + skip] == '\t' ? (column / 4 + 1) * 4 : column + 1;
          skip++;
        }
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, src->text + start + skip, (gssize) (end - start - skip));
    }

  /* Trailing blank lines belong to the gap between blocks, not to the block. */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

void
flash_sheet_join_block (GString    *answer,
                        const char *markdown)
{
  if (markdown == NULL || *markdown == '\0')
    return;
  if (answer->len > 0)
    g_string_append (answer, "\n\n");
  g_string_append (answer, markdown);
}

GPtrArray *
flash_sheet_line_starts (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();

  for (const char *p = text; *p != '\0';)
    {
      const char *newline = strchr (p, '\n');

      g_ptr_array_add (lines, (gpointer) p);
      if (newline == NULL)
        break;
      p = newline + 1;
    }
  return lines;
}
