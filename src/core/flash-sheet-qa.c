/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-qa.c: explicit Q:/A: pairs. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

gboolean
flash_sheet_paragraph_starts_with (cmark_node *block,
                                   const char *prefix)
{
  cmark_node *first;

  if (block == NULL || cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  first = cmark_node_first_child (block);
  return first != NULL && flash_sheet_node_is (first, "text")
         && g_str_has_prefix (cmark_node_get_literal (first), prefix);
}

static char *
strip_prefix (const char *markdown,
              const char *prefix)
{
  const char *p = markdown;

  while (g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, prefix))
    p += strlen (prefix);
  return g_strstrip (g_strdup (p));
}

/* "Q: …" followed by "A: …" (in the same paragraph after a line break, or in the next paragraph
 * plus the blocks after it up to the next Q:). Returns the last block used, or NULL. */
cmark_node *
flash_sheet_add_qa_card (Parser     *self,
                         guint       depth,
                         cmark_node *q_block)
{
  g_autofree char *q_markdown = flash_sheet_inlines_to_markdown (q_block, TRUE);
  g_autofree char *question = NULL;
  GString *answer;
  const char *inline_answer;
  cmark_node *last = q_block;

  inline_answer = strstr (q_markdown, "\nA:");
  if (inline_answer != NULL)
    {
      g_autofree char *q_part = g_strndup (q_markdown, inline_answer - q_markdown);

      question = strip_prefix (q_part, "Q:");
      answer = g_string_new (NULL);
      g_string_append (answer, inline_answer + strlen ("\nA:"));
      g_strstrip (answer->str);
      answer->len = strlen (answer->str);
    }
  else
    {
      cmark_node *a_block = cmark_node_next (q_block);
      g_autofree char *a_markdown = NULL;

      if (!flash_sheet_paragraph_starts_with (a_block, "A:"))
        return NULL;
      question = strip_prefix (q_markdown, "Q:");
      a_markdown = flash_sheet_slice_block (&self->src, a_block);
      answer = g_string_new (NULL);
      {
        g_autofree char *stripped = strip_prefix (a_markdown, "A:");

        flash_sheet_join_block (answer, stripped);
      }
      last = a_block;
      for (cmark_node *next = cmark_node_next (a_block);
           next != NULL && cmark_node_get_type (next) != CMARK_NODE_HEADING
           && !flash_sheet_paragraph_starts_with (next, "Q:");
           next = cmark_node_next (next))
        {
          g_autofree char *markdown = flash_sheet_slice_block (&self->src, next);

          flash_sheet_join_block (answer, markdown);
          last = next;
        }
    }

  g_strdelimit (question, "\n", ' ');
  flash_sheet_add_card (self, depth, question, answer->str, cmark_node_get_start_line (q_block));
  g_string_free (answer, TRUE);
  return last;
}

/* The description of a tldr item: its first paragraph's Markdown without the closing ":", or
 * NULL when the paragraph does not end in one. */
static char *
command_description (cmark_node *paragraph)
{
  g_autofree char *question = NULL;
  gsize length;

  if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return NULL;
  question = g_strstrip (flash_sheet_inlines_to_markdown (paragraph, FALSE));
  length = strlen (question);
  if (length < 2 || question[length - 1] != ':')
    return NULL;
  question[length - 1] = '\0';
  return g_strdup (g_strchomp (question));
}

/* The command a block is: a code block, or a paragraph made of one code span alone; or NULL. */
static cmark_node *
only_code (cmark_node *block)
{
  cmark_node *code = block != NULL ? cmark_node_first_child (block) : NULL;

  if (block != NULL && cmark_node_get_type (block) == CMARK_NODE_CODE_BLOCK)
    return block;
  if (block == NULL || cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH || code == NULL
      || cmark_node_get_type (code) != CMARK_NODE_CODE || cmark_node_next (code) != NULL)
    return NULL;
  return code;
}

/* tldr pages: each "- Description:" item with its command, a paragraph that is only a code
 * span or a code block, either inside the item (indented) or, for the list's last item, right
 * after the list. The command becomes a code block (a shell one unless its fence says). Returns how many blocks it took (the list, and @next when
 * its command was there), 0 when @list is not such a list. */
guint
flash_sheet_add_command_cards (Parser     *self,
                               guint       depth,
                               cmark_node *list,
                               cmark_node *next)
{
  gboolean takes_next = FALSE;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *text = cmark_node_first_child (item);
      cmark_node *command = text != NULL ? cmark_node_next (text) : NULL;
      g_autofree char *question = command_description (text);

      if (question == NULL)
        return 0;
      if (command == NULL && cmark_node_next (item) == NULL && only_code (next) != NULL)
        takes_next = TRUE;
      else if (command == NULL || cmark_node_next (command) != NULL || only_code (command) == NULL)
        return 0;
    }
  if (cmark_node_first_child (list) == NULL)
    return 0;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *text = cmark_node_first_child (item);
      cmark_node *command = cmark_node_next (text) != NULL ? cmark_node_next (text) : next;
      g_autofree char *question = command_description (text);
      cmark_node *code = only_code (command);
      const char *info = cmark_node_get_type (code) == CMARK_NODE_CODE_BLOCK
                         ? cmark_node_get_fence_info (code) : NULL;
      g_autofree char *literal = g_strchomp (g_strdup (cmark_node_get_literal (code)));
      g_autofree char *answer = g_strdup_printf ("```%s\n%s\n```",
                                                 info != NULL && *info != '\0' ? info : "bash",
                                                 literal);

      flash_sheet_add_card (self, depth, question, answer, cmark_node_get_start_line (item));
    }
  return takes_next ? 2 : 1;
}

char *
flash_sheet_unquote (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == '>')
      {
        const char *rest = lines[i] + 1 + (lines[i][1] == ' ');

        memmove (lines[i], rest, strlen (rest) + 1);
      }
    else
      return g_strdup (markdown);
  return g_strjoinv ("\n", lines);
}
