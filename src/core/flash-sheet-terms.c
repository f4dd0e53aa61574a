/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-terms.c: term lists: a bullet list of "term — text" entries, one card per term. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

static const char *const term_separators[] = { " — ", " – ", NULL };

typedef struct
{
  char *term;
  char *rest;
} TermSplit;

static void
term_split_clear (TermSplit *split)
{
  g_clear_pointer (&split->term, g_free);
  g_clear_pointer (&split->rest, g_free);
}

/* Drops the ":", "-" or dash that joins a term to its text. */
static char *
trim_separator (char *rest)
{
  char *p = rest;

  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (*p == ':' || *p == '-')
        p++;
      else if (g_str_has_prefix (p, "—"))
        p += strlen ("—");
      else if (g_str_has_prefix (p, "–"))
        p += strlen ("–");
      else
        break;
    }
  memmove (rest, p, strlen (p) + 1);
  return g_strstrip (rest);
}

static char *
strip_trailing_colon (char *text)
{
  g_strchomp (text);
  while (*text != '\0' && text[strlen (text) - 1] == ':')
    {
      text[strlen (text) - 1] = '\0';
      g_strchomp (text);
    }
  return text;
}

/* Splits the first paragraph of a bullet into its term and the rest, as a term list wants:
 * "term — text", a leading `code` or **bold** term, or "term: text". */
static gboolean
split_term (cmark_node *paragraph,
            TermSplit  *split)
{
  cmark_node *first = cmark_node_first_child (paragraph);
  const char *literal;
  const char *colon;

  if (first == NULL)
    return FALSE;

  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    {
      if (!flash_sheet_node_is (node, "text"))
        continue;
      literal = cmark_node_get_literal (node);
      for (guint i = 0; term_separators[i] != NULL; i++)
        {
          const char *hit = strstr (literal, term_separators[i]);
          g_autofree char *head = NULL;
          GString *term;
          GString *rest;

          if (hit == NULL)
            continue;
          term = g_string_new (NULL);
          for (cmark_node *before = first; before != node; before = cmark_node_next (before))
            flash_sheet_append_inline (term, before, FALSE);
          head = g_strndup (literal, hit - literal);
          flash_sheet_append_escaped_text (term, head);
          rest = g_string_new (NULL);
          flash_sheet_append_escaped_text (rest, hit + strlen (term_separators[i]));
          flash_sheet_append_inlines (rest, cmark_node_next (node), FALSE);
          split->term = g_strstrip (g_string_free (term, FALSE));
          split->rest = g_strstrip (g_string_free (rest, FALSE));
          if (*split->term != '\0')
            return TRUE;
          term_split_clear (split);
          return FALSE;
        }
    }

  if (flash_sheet_node_is (first, "code") || flash_sheet_node_is (first, "strong"))
    {
      GString *rest = g_string_new (NULL);

      if (flash_sheet_node_is (first, "strong"))
        {
          g_autofree char *inner = flash_sheet_inlines_to_markdown (first, FALSE);

          split->term = g_strdup_printf ("**%s**", strip_trailing_colon (inner));
        }
      else
        {
          GString *term = g_string_new (NULL);

          flash_sheet_append_inline (term, first, FALSE);
          split->term = g_string_free (term, FALSE);
        }
      flash_sheet_append_inlines (rest, cmark_node_next (first), FALSE);
      split->rest = trim_separator (g_string_free (rest, FALSE));
      return TRUE;
    }

  /* "term: text", where the term is short enough to be a term and not a sentence. */
  if (!flash_sheet_node_is (first, "text"))
    return FALSE;
  literal = cmark_node_get_literal (first);
  colon = strstr (literal, ": ");
  if (colon == NULL || colon == literal || colon - literal > 60)
    return FALSE;
  {
    g_autofree char *head = g_strndup (literal, colon - literal);
    GString *term = g_string_new (NULL);
    GString *rest = g_string_new (NULL);

    flash_sheet_append_escaped_text (term, head);
    flash_sheet_append_escaped_text (rest, colon + 2);
    flash_sheet_append_inlines (rest, cmark_node_next (first), FALSE);
    split->term = g_strstrip (g_string_free (term, FALSE));
    split->rest = g_strstrip (g_string_free (rest, FALSE));
  }
  return *split->term != '\0';
}

/* A bullet list in which every item starts with a term gives one card per item. */
gboolean
flash_sheet_add_term_list_cards (Parser     *self,
                                 guint       depth,
                                 cmark_node *list)
{
  g_autoptr(GPtrArray) splits = NULL;
  guint index = 0;

  if (cmark_node_get_list_type (list) != CMARK_BULLET_LIST || cmark_node_first_child (list) == NULL)
    return FALSE;

  splits = g_ptr_array_new ();
  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *paragraph = cmark_node_first_child (item);
      TermSplit *split = g_new0 (TermSplit, 1);
      gboolean more = paragraph != NULL && cmark_node_next (paragraph) != NULL;

      if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH
          || !split_term (paragraph, split) || (*split->rest == '\0' && !more))
        {
          term_split_clear (split);
          g_free (split);
          for (guint i = 0; i < splits->len; i++)
            term_split_clear (g_ptr_array_index (splits, i));
          g_ptr_array_set_free_func (splits, g_free);
          return FALSE;
        }
      g_ptr_array_add (splits, split);
    }

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      TermSplit *split = g_ptr_array_index (splits, index++);
      GString *answer = g_string_new (split->rest);

      for (cmark_node *block = cmark_node_next (cmark_node_first_child (item)); block;
           block = cmark_node_next (block))
        {
          g_autofree char *markdown = flash_sheet_slice_block (&self->src, block);

          flash_sheet_join_block (answer, markdown);
        }
      flash_sheet_add_card (self, depth, split->term, answer->str,
                            cmark_node_get_start_line (item));
      g_string_free (answer, TRUE);
      term_split_clear (split);
      g_free (split);
    }
  return TRUE;
}
