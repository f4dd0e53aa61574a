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

/* A tldr item's command: what it says to do, and the code that does it. */
typedef struct
{
  char *question;
  char *code;
  char *info;
} Command;

static void
command_clear (Command *command)
{
  g_clear_pointer (&command->question, g_free);
  g_clear_pointer (&command->code, g_free);
  g_clear_pointer (&command->info, g_free);
}

/* Markdown without a closing ":", or NULL when it does not end in one. */
static char *
without_colon (char *markdown)
{
  gsize length;

  g_strstrip (markdown);
  length = strlen (markdown);
  if (length < 2 || markdown[length - 1] != ':')
    {
      g_free (markdown);
      return NULL;
    }
  markdown[length - 1] = '\0';
  return g_strchomp (markdown);
}

/* A command written as plain text on a line of its own ("    rsync -a src/ dst/" indented
 * less than a code block): one line of text only, not a sentence. */
static char *
plain_command (cmark_node *paragraph)
{
  cmark_node *text = cmark_node_first_child (paragraph);
  const char *literal;
  gsize length;

  if (text == NULL || cmark_node_get_type (text) != CMARK_NODE_TEXT || cmark_node_next (text))
    return NULL;
  literal = cmark_node_get_literal (text);
  length = strlen (literal);
  if (length < 2 || strchr (".!?:", literal[length - 1]) != NULL)
    return NULL;
  return g_strdup (literal);
}

/* The command @block gives: a code block, a paragraph of one code span alone, or with
 * @plain_too a line of plain text. */
static gboolean
take_code (cmark_node *block,
           gboolean    plain_too,
           Command    *command)
{
  cmark_node *first = block != NULL ? cmark_node_first_child (block) : NULL;

  if (block == NULL)
    return FALSE;
  if (cmark_node_get_type (block) == CMARK_NODE_CODE_BLOCK)
    {
      const char *info = cmark_node_get_fence_info (block);

      command->code = g_strchomp (g_strdup (cmark_node_get_literal (block)));
      command->info = g_strdup (info != NULL && *info != '\0' ? info : "bash");
      return *command->code != '\0';
    }
  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH || first == NULL)
    return FALSE;
  if (cmark_node_get_type (first) == CMARK_NODE_CODE && cmark_node_next (first) == NULL)
    command->code = g_strdup (cmark_node_get_literal (first));
  else if (plain_too)
    command->code = plain_command (block);
  if (command->code == NULL)
    return FALSE;
  command->info = g_strdup ("bash");
  return TRUE;
}

/* An item's description and its command: the first paragraph ends in ":", and the command is
 * the item's only other block, the code span that ends the paragraph on a line of its own
 * ("Create an archive:\n`tar cf a.tar dir`"), or, for the list's last item, @next. */
static gboolean
item_command (cmark_node *item,
              cmark_node *next,
              gboolean    plain_too,
              Command    *command,
              gboolean   *took_next)
{
  cmark_node *text = cmark_node_first_child (item);
  cmark_node *rest = text != NULL ? cmark_node_next (text) : NULL;
  cmark_node *last = text != NULL ? cmark_node_last_child (text) : NULL;

  *took_next = FALSE;
  if (text == NULL || cmark_node_get_type (text) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  if (rest == NULL && last != NULL && cmark_node_get_type (last) == CMARK_NODE_CODE
      && cmark_node_previous (last) != NULL
      && cmark_node_get_type (cmark_node_previous (last)) == CMARK_NODE_SOFTBREAK)
    {
      g_autoptr(GString) before = g_string_new (NULL);

      for (cmark_node *node = cmark_node_first_child (text);
           node != cmark_node_previous (last); node = cmark_node_next (node))
        flash_sheet_append_inline (before, node, FALSE);
      command->question = without_colon (g_string_free (g_steal_pointer (&before), FALSE));
      command->code = g_strdup (cmark_node_get_literal (last));
      command->info = g_strdup ("bash");
      return command->question != NULL && *command->code != '\0';
    }
  command->question = without_colon (flash_sheet_inlines_to_markdown (text, FALSE));
  if (command->question == NULL)
    return FALSE;
  if (rest == NULL && cmark_node_next (item) == NULL)
    return (*took_next = take_code (next, plain_too, command));
  return rest != NULL && cmark_node_next (rest) == NULL && take_code (rest, plain_too, command);
}

/* tldr pages: each "- Description:" item with its command (see item_command()). A list whose
 * commands are plain text counts only when every item has one and there are two at least:
 * prose after a colon is an explanation. The command becomes a code block (a shell one unless its
 * fence says). Returns how many blocks it took (the list, and @next when its command was there),
 * 0 when @list is not such a list. */
guint
flash_sheet_add_command_cards (Parser     *self,
                               guint       depth,
                               cmark_node *list,
                               cmark_node *next)
{
  gboolean takes_next = FALSE;
  guint items = 0;
  int pass;

  for (pass = 0; pass < 2 && items == 0; pass++)
    for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
      {
        Command command = { 0 };
        gboolean took = FALSE;
        gboolean ok = item_command (item, next, pass == 1, &command, &took);

        command_clear (&command);
        if (!ok)
          {
            items = 0;
            break;
          }
        takes_next |= took;
        items++;
      }
  /* The loop left @pass one past the pass that found every command. */
  if (items == 0 || (pass == 2 && items < 2))
    return 0;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      Command command = { 0 };
      gboolean took = FALSE;
      g_autofree char *answer = NULL;

      if (!item_command (item, next, TRUE, &command, &took))
        continue;
      answer = g_strdup_printf ("```%s\n%s\n```", command.info, command.code);
      flash_sheet_add_card (self, depth, command.question, answer,
                            cmark_node_get_start_line (item));
      command_clear (&command);
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
