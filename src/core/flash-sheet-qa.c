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

/* Where the text after a "Q:" marker (@letter 'Q' or 'A') starts in @markdown: plain or set in
 * bold or italics ("**Q:** …", "**Q**: …", "_A:_ …"); NULL when @markdown does not start so. */
/* The words that mark a question ('Q') or its answer ('A'): "Q:", and the exercises' and
 * problems' own ("Exercise 3.1:", "Answer:", "Solution:"). */
static const char *const *
marker_words (char letter)
{
  static const char *const questions[] = { "Q", "Question", "Exercise", "Problem", NULL };
  static const char *const answers[] = { "A", "Answer", "Solution", NULL };

  return letter == 'Q' ? questions : answers;
}

/* Where @text continues after one of @letter's words and its number, if any ("Exercise 3.1"),
 * when a colon, the end or the close of its bold or italics comes next; NULL otherwise. */
static const char *
after_marker_word (const char *text,
                   char        letter)
{
  const char *const *words = marker_words (letter);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (text, words[i]))
      {
        const char *p = text + strlen (words[i]);

        if (i > 0 && *p == ' ' && g_ascii_isdigit (p[1]))
          p += 1 + strspn (p + 1, "0123456789.");
        /* (A bold "**Q**" ends where its colon follows: "**Q**: …".) */
        if (*p == ':' || *p == '\0' || *p == '*' || *p == '_')
          return p;
      }
  return NULL;
}

static const char *
after_marker (const char *markdown,
              char        letter)
{
  const char *p = markdown;
  const char *end;

  while (*p == ' ' || *p == '\t')
    p++;
  p += MIN (strspn (p, "*_"), 2);
  if ((end = after_marker_word (p, letter)) == NULL)
    return NULL;
  p = end;
  p += MIN (strspn (p, "*_"), 2);
  if (*p++ != ':')
    return NULL;
  p += MIN (strspn (p, "*_"), 2);
  return p;
}

static char *
strip_marker (const char *markdown,
              char        letter)
{
  const char *rest = after_marker (markdown, letter);
  char *text = g_strstrip (g_strdup (rest != NULL ? rest : markdown));
  gsize lead = strspn (markdown + strspn (markdown, " \t"), "*_");
  gsize length = strlen (text);

  /* "**Q: Does it compress?**": the bold that opened before the marker closes at the end. */
  if (rest != NULL && lead > 0 && lead <= 2 && rest[-1] == ':' && length > lead
      && strspn (text + length - lead, "*_") == lead)
    {
      text[length - lead] = '\0';
      g_strchomp (text);
    }
  return text;
}

gboolean
flash_sheet_paragraph_starts_with_marker (cmark_node *block,
                                          char        letter)
{
  cmark_node *first;
  const char *text;
  const char *end;

  if (block == NULL || cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH
      || (first = cmark_node_first_child (block)) == NULL)
    return FALSE;
  if (flash_sheet_node_is (first, "text"))
    return (end = after_marker_word (cmark_node_get_literal (first), letter)) != NULL
           && *end == ':';
  /* **Q:** or **Q**: */
  if (cmark_node_get_type (first) != CMARK_NODE_STRONG
      && cmark_node_get_type (first) != CMARK_NODE_EMPH)
    return FALSE;
  text = cmark_node_first_child (first) != NULL
         && cmark_node_first_child (first) == cmark_node_last_child (first)
         && flash_sheet_node_is (cmark_node_first_child (first), "text")
         ? cmark_node_get_literal (cmark_node_first_child (first)) : NULL;
  /* **Q:**, and "**Q: Does it compress?**", the whole question in bold. */
  if (text != NULL && (end = after_marker_word (text, letter)) != NULL && *end == ':')
    return TRUE;
  return text != NULL && after_marker_word (text, letter) != NULL
         && *after_marker_word (text, letter) == '\0' && cmark_node_next (first) != NULL
         && flash_sheet_node_is (cmark_node_next (first), "text")
         && cmark_node_get_literal (cmark_node_next (first))[0] == ':';
}

/* The line of @markdown after the first that starts with an "A:" marker, or NULL. */
static const char *
inline_answer (const char *markdown)
{
  for (const char *p = strchr (markdown, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    if (after_marker (p + 1, 'A') != NULL)
      return p;
  return NULL;
}

/* "Q: …" (or "**Q:** …") followed by "A: …" (in the same paragraph after a line break, or in the
 * next paragraph plus the blocks after it up to the next Q:). Returns the last block used, or
 * NULL. */
cmark_node *
flash_sheet_add_qa_card (Parser     *self,
                         guint       depth,
                         cmark_node *q_block)
{
  g_autofree char *q_markdown = flash_sheet_inlines_to_markdown (q_block, TRUE);
  g_autofree char *question = NULL;
  GString *answer;
  const char *in_line = inline_answer (q_markdown);
  cmark_node *last = q_block;

  if (in_line != NULL)
    {
      g_autofree char *q_part = g_strndup (q_markdown, in_line - q_markdown);

      question = strip_marker (q_part, 'Q');
      answer = g_string_new (NULL);
      g_string_append (answer, after_marker (in_line + 1, 'A'));
      g_strstrip (answer->str);
      answer->len = strlen (answer->str);
      /* "A:" alone on its line: the answer is the list or the blocks that follow. */
      for (cmark_node *next = answer->len == 0 ? cmark_node_next (q_block) : NULL;
           next != NULL && cmark_node_get_type (next) != CMARK_NODE_HEADING
           && !flash_sheet_paragraph_starts_with_marker (next, 'Q');
           next = cmark_node_next (next))
        {
          g_autofree char *markdown = flash_sheet_slice_block (&self->src, next);

          flash_sheet_join_block (answer, markdown);
          last = next;
        }
    }
  else
    {
      cmark_node *a_block = cmark_node_next (q_block);
      gboolean marked = flash_sheet_paragraph_starts_with_marker (a_block, 'A');
      cmark_node *from = a_block;

      question = strip_marker (q_markdown, 'Q');
      /* A question without an "A:" is answered by what follows it, when it asks ("?"). */
      if (!marked && (a_block == NULL || !g_str_has_suffix (question, "?")
                      || cmark_node_get_type (a_block) == CMARK_NODE_HEADING
                      || flash_sheet_paragraph_starts_with_marker (a_block, 'Q')))
        return NULL;
      answer = g_string_new (NULL);
      if (marked)
        {
          g_autofree char *a_markdown = flash_sheet_slice_block (&self->src, a_block);
          g_autofree char *stripped = strip_marker (a_markdown, 'A');

          flash_sheet_join_block (answer, stripped);
          last = a_block;
          from = cmark_node_next (a_block);
        }
      for (cmark_node *next = from;
           next != NULL && cmark_node_get_type (next) != CMARK_NODE_HEADING
           && !flash_sheet_paragraph_starts_with_marker (next, 'Q');
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

char *
flash_sheet_answer_without_label (Parser     *self,
                                  cmark_node *block)
{
  g_autofree char *markdown = NULL;
  const char *rest;

  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return NULL;
  markdown = flash_sheet_slice_block (&self->src, block);
  /* "Answer:", plain or set in bold or italics; "Solution:" and "A:" are the Q:/A: pairs'. */
  rest = g_str_has_prefix (markdown + strspn (markdown, " \t*_"), "Answer")
         ? after_marker (markdown, 'A') : NULL;
  if (rest == NULL || *rest == '\0')
    return NULL;
  return g_strstrip (g_strdup (rest));
}

/* The question a paragraph starts with (the first of a list item's): its first line, when that
 * is all in bold ("**What is a closure?**", "**1. What is hoisting?**") or, unless @bold_only, a
 * plain question ("What is a closure?"), and something follows it (the rest of the paragraph,
 * or the blocks after it). @rest gets the rest of the paragraph. NULL when it does not start so. */
static char *
paragraph_question (cmark_node  *paragraph,
                    gboolean     bold_only,
                    char       **rest)
{
  g_autofree char *markdown = NULL;
  g_autofree char *line = NULL;
  const char *end;
  char *question;
  gsize length;

  *rest = NULL;
  if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return NULL;
  markdown = flash_sheet_inlines_to_markdown (paragraph, TRUE);
  end = strchr (markdown, '\n');
  line = g_strstrip (end != NULL ? g_strndup (markdown, end - markdown) : g_strdup (markdown));
  if (end == NULL && cmark_node_next (paragraph) == NULL)
    return NULL;
  length = strlen (line);
  if (length > 4 && g_str_has_prefix (line, "**") && strstr (line + 2, "**") == line + length - 2)
    question = g_strndup (line + 2, length - 4);
  else if (length > 4 && g_str_has_prefix (line, "**") && g_str_has_suffix (line, "**?")
           && strstr (line + 2, "**") == line + length - 3)
    {
      line[length - 3] = '?';
      question = g_strndup (line + 2, length - 4);
    }
  else if (!bold_only && length > 1 && line[length - 1] == '?' && !g_str_has_prefix (line, "**"))
    question = g_strdup (line);
  else
    return NULL;
  g_strstrip (question);
  flash_sheet_strip_section_number (question);
  if (*question == '\0')
    {
      g_free (question);
      return NULL;
    }
  *rest = end != NULL ? g_strstrip (g_strdup (end + 1)) : NULL;
  return question;
}

static char *
item_question (cmark_node  *item,
               char       **rest)
{
  return paragraph_question (cmark_node_first_child (item), FALSE, rest);
}

gboolean
flash_sheet_add_bold_question_card (Parser     *self,
                                    guint       depth,
                                    cmark_node *paragraph)
{
  g_autofree char *rest = NULL;
  g_autofree char *question = NULL;

  if (cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH
      || cmark_node_get_type (cmark_node_first_child (paragraph)) != CMARK_NODE_STRONG)
    return FALSE;
  question = paragraph_question (paragraph, TRUE, &rest);
  if (question == NULL || rest == NULL || *rest == '\0' || !g_str_has_suffix (question, "?"))
    return FALSE;
  flash_sheet_add_card (self, depth, question, rest, cmark_node_get_start_line (paragraph));
  return TRUE;
}

/* "1. **What is a closure?**" with the answer under it, in the item: a card per item, when every
 * item of the list (two at least) is a question with an answer. */
gboolean
flash_sheet_add_question_list_cards (Parser     *self,
                                     guint       depth,
                                     cmark_node *list)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rests = g_ptr_array_new_with_free_func (g_free);
  guint i = 0;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      char *rest;
      char *question = item_question (item, &rest);

      if (question == NULL)
        return FALSE;
      g_ptr_array_add (questions, question);
      g_ptr_array_add (rests, rest);
    }
  if (questions->len < 2)
    return FALSE;
  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item), i++)
    {
      g_autoptr(GString) answer = g_string_new (g_ptr_array_index (rests, i));

      for (cmark_node *block = cmark_node_next (cmark_node_first_child (item)); block;
           block = cmark_node_next (block))
        {
          g_autofree char *markdown = flash_sheet_slice_block (&self->src, block);

          flash_sheet_join_block (answer, markdown);
        }
      if (answer->len > 0)
        flash_sheet_add_card (self, depth, g_ptr_array_index (questions, i), answer->str,
                              cmark_node_get_start_line (item));
    }
  return TRUE;
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

/* A line of a shell command, not prose: it opens as a command does (a lowercase word, a path,
 * "$", "~", "./"), has an argument, ends without a sentence's stop, and has what words alone
 * do not: an option's dash, a path, a value, a pipe ("it runs one container" is prose). */
static gboolean
is_command_line (const char *line)
{
  gsize length = strlen (line);
  const char *space;

  while (*line == ' ')
    line++, length--;
  if (length < 2 || strchr (".!?:", line[length - 1]) != NULL)
    return FALSE;
  space = strchr (line, ' ');
  return (g_ascii_islower (line[0]) || line[0] == '.' || line[0] == '/' || line[0] == '$'
          || line[0] == '~')
         && space != NULL && strpbrk (space, "-=/.:|<>$\"'*~_0123456789") != NULL;
}

/* "expose deployment" with the command on the next line of the same paragraph, indented under
 * it or not ("1. expose deployment\n    k expose deploy web --port=80"): the first line
 * describes (eight words at most), every other line is a command. */
static gboolean
described_command (cmark_node *paragraph,
                   Command    *command)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) code = g_string_new (NULL);
  cmark_node *node = cmark_node_first_child (paragraph);
  g_auto(GStrv) lines = NULL;

  for (; node != NULL && cmark_node_get_type (node) != CMARK_NODE_SOFTBREAK
         && cmark_node_get_type (node) != CMARK_NODE_LINEBREAK; node = cmark_node_next (node))
    flash_sheet_append_inline (description, node, FALSE);
  if (node == NULL)
    return FALSE;
  /* What follows is taken as written: plain text, code spans without their backticks. */
  for (node = cmark_node_next (node); node != NULL; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_SOFTBREAK
        || cmark_node_get_type (node) == CMARK_NODE_LINEBREAK)
      g_string_append_c (code, '\n');
    else if (cmark_node_get_type (node) == CMARK_NODE_TEXT
             || cmark_node_get_type (node) == CMARK_NODE_CODE)
      g_string_append (code, cmark_node_get_literal (node));
    else
      {
        g_autofree char *plain = flash_sheet_node_to_plain (node);

        g_string_append (code, plain);
      }
  g_strstrip (description->str);
  description->len = strlen (description->str);
  if (description->len > 0 && description->str[description->len - 1] == ':')
    g_string_truncate (description, description->len - 1);
  g_strchomp (description->str);
  description->len = strlen (description->str);
  if (description->len == 0 || flash_sheet_count_words (description->str) > 8
      || strchr (".!?", description->str[description->len - 1]) != NULL)
    return FALSE;
  lines = g_strsplit (code->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (!is_command_line (lines[i]))
        return FALSE;
    }
  command->question = g_strdup (description->str);
  command->code = g_strjoinv ("\n", lines);
  command->info = g_strdup ("bash");
  return TRUE;
}

/* An item's description and its command: the first paragraph ends in ":", and the command is
 * the item's only other block, the code span that ends the paragraph on a line of its own
 * ("Create an archive:\n`tar cf a.tar dir`"), or, for the list's last item, @next; or, with
 * @plain_too, the description and the command are the lines of one paragraph. */
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
  if (plain_too && rest == NULL && described_command (text, command))
    return TRUE;
  command_clear (command);
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

gboolean
flash_sheet_is_answer_label (cmark_node *block)
{
  g_autofree char *plain = NULL;
  g_autofree char *folded = NULL;
  const char *const *words = marker_words ('A');

  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  plain = flash_sheet_node_to_plain (block);
  folded = g_utf8_casefold (plain, -1);
  g_strstrip (folded);
  if (g_str_has_suffix (folded, ":"))
    folded[strlen (folded) - 1] = '\0';
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (folded, words[i]) == 0)
      return TRUE;
  return FALSE;
}
