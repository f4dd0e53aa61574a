/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-details.c: a collapsible section, <details> with a <summary>, is how many sheets of
 * interview questions hide an answer until the reader asks for it: the summary is the question,
 * what the section holds (Markdown or HTML) the answer (docs/cheatsheet-format.md). */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

#include "flash-markdown.h"

/* Where the tag @name ("details", "/summary") opens in @text, case-insensitively, or NULL. */
static const char *
find_tag (const char *text,
          const char *name)
{
  gsize length = strlen (name);

  for (const char *p = strchr (text, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (g_ascii_strncasecmp (p + 1, name, length) == 0
        && (p[1 + length] == '>' || g_ascii_isspace (p[1 + length]) || p[1 + length] == '/'))
      return p;
  return NULL;
}

/* How much deeper in <details> the end of @text is than its start. */
static int
details_depth (const char *text)
{
  int depth = 0;

  for (const char *p = text; (p = find_tag (p, "details")) != NULL; p++)
    depth++;
  for (const char *p = text; (p = find_tag (p, "/details")) != NULL; p++)
    depth--;
  return depth;
}

/* @html up to @end without its tags, the few entities a hand-written page uses decoded, each line
 * stripped, blank lines dropped. */
static char *
text_of (const char *html,
         const char *end)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
    { "&nbsp;", " " },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GString *joined = g_string_new (NULL);

  for (const char *p = html; p < end && *p != '\0';)
    {
      const char *close;

      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!')
          && (close = memchr (p, '>', end - p)) != NULL)
        {
          p = close + 1;
          continue;
        }
      if (*p == '&')
        {
          guint i;

          for (i = 0; i < G_N_ELEMENTS (entities); i++)
            if (g_str_has_prefix (p, entities[i].entity))
              break;
          if (i < G_N_ELEMENTS (entities))
            {
              g_string_append (out, entities[i].text);
              p += strlen (entities[i].entity);
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  lines = g_strsplit (out->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      {
        if (joined->len > 0)
          g_string_append_c (joined, '\n');
        g_string_append (joined, lines[i]);
      }
  return g_string_free (joined, FALSE);
}

/* The summary's HTML as a question in Markdown: its inline tags read as the rest of the sheet's
 * are, and bold around all of it dropped (a summary is often set in bold to look like one). */
static char *
summary_question (const char *html,
                  const char *end)
{
  g_autofree char *inner = g_strndup (html, end - html);
  g_autoptr(cmark_node) document = NULL;
  cmark_node *paragraph;
  GHashTable *changed;
  char *question;
  gsize length;

  g_strdelimit (inner, "\n", ' ');
  document = flash_markdown_parse (g_strstrip (inner), -1);
  paragraph = cmark_node_first_child (document);
  if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return text_of (html, end);
  changed = flash_sheet_convert_inline_html (document);
  g_clear_pointer (&changed, g_hash_table_unref);
  question = g_strstrip (flash_sheet_inlines_to_markdown (paragraph, FALSE));
  length = strlen (question);
  if (length > 4 && g_str_has_prefix (question, "**") && g_str_has_suffix (question, "**")
      && strstr (question + 2, "**") == question + length - 2)
    {
      memmove (question, question + 2, length - 4);
      question[length - 4] = '\0';
    }
  return question;
}

/* A summary that names no question, only the reveal: "Answer", "Show solution", "Click to
 * expand". */
static gboolean
is_reveal_label (const char *question)
{
  static const char *const labels[] = {
    "answer", "answers", "the answer", "solution", "solutions", "show answer", "show the answer",
    "show solution", "see answer", "see the answer", "reveal", "reveal answer", "click to expand",
    "click to show", "click to reveal", "click to see", "click here", "expand", "show", "toggle",
    "output", "result", "explanation", "spoiler", "view answer", "view solution",
  };
  g_autofree char *plain = g_ascii_strdown (question, -1);
  char *p = plain;
  gsize length;

  while (*p != '\0' && !g_ascii_isalnum (*p))
    p++;
  length = strlen (p);
  while (length > 0 && !g_ascii_isalnum (p[length - 1]))
    p[--length] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (p, labels[i]))
      return TRUE;
  return FALSE;
}

/* For a summary that only says "Answer": the question is what the sheet put just before it, a
 * paragraph and the code under it ("**1. What does this print?**" and a code block), taken back
 * from the heading's own blocks, @own. NULL when nothing is there to ask with. */
static char *
question_before (Parser    *self,
                 GPtrArray *own)
{
  g_autoptr(GString) question = g_string_new (NULL);
  guint first = own->len;
  cmark_node *lead;

  while (first > 0 && cmark_node_get_type (g_ptr_array_index (own, first - 1))
                        == CMARK_NODE_CODE_BLOCK)
    first--;
  if (first == 0 || cmark_node_get_type (g_ptr_array_index (own, first - 1))
                      != CMARK_NODE_PARAGRAPH)
    return NULL;
  lead = g_ptr_array_index (own, --first);
  {
    g_autofree char *markdown = flash_sheet_inlines_to_markdown (lead, FALSE);
    gsize length = strlen (g_strstrip (markdown));

    /* Bold around all of it, and a number in front, are the page's layout. */
    if (length > 4 && g_str_has_prefix (markdown, "**") && g_str_has_suffix (markdown, "**")
        && strstr (markdown + 2, "**") == markdown + length - 2)
      {
        memmove (markdown, markdown + 2, length - 4);
        markdown[length - 4] = '\0';
      }
    flash_sheet_strip_section_number (markdown);
    g_string_append (question, g_strstrip (markdown));
  }
  for (guint i = first + 1; i < own->len; i++)
    {
      g_autofree char *markdown = flash_sheet_slice_block (&self->src, g_ptr_array_index (own, i));

      flash_sheet_join_block (question, markdown);
    }
  g_ptr_array_set_size (own, first);
  return g_string_free (g_steal_pointer (&question), FALSE);
}

guint
flash_sheet_add_details_card (Parser    *self,
                              guint      depth,
                              GPtrArray *blocks,
                              guint      from,
                              GPtrArray *own)
{
  cmark_node *block = g_ptr_array_index (blocks, from);
  const char *literal = cmark_node_get_literal (block);
  const char *open;
  const char *summary;
  const char *summary_end;
  const char *tail;
  g_autofree char *question = NULL;
  g_autofree char *tail_text = NULL;
  g_autoptr(GString) answer = g_string_new (NULL);
  int open_sections;
  guint i;

  if (cmark_node_get_type (block) != CMARK_NODE_HTML_BLOCK || literal == NULL)
    return 0;
  open = literal + strspn (literal, " \t\n");
  if (find_tag (open, "details") != open || (summary = find_tag (open, "summary")) == NULL
      || (summary = strchr (summary, '>')) == NULL
      || (summary_end = find_tag (summary, "/summary")) == NULL
      || (tail = strchr (summary_end, '>')) == NULL)
    return 0;
  question = summary_question (summary + 1, summary_end);
  tail++;

  /* What follows the summary in its own HTML block, then the blocks up to the closing tag. */
  open_sections = 1 + details_depth (tail);
  tail_text = text_of (tail, tail + strlen (tail));
  flash_sheet_join_block (answer, tail_text);
  for (i = from + 1; i < blocks->len && open_sections > 0; i++)
    {
      cmark_node *next = g_ptr_array_index (blocks, i);

      if (cmark_node_get_type (next) == CMARK_NODE_HTML_BLOCK)
        {
          const char *html = cmark_node_get_literal (next);
          g_autofree char *text = text_of (html, html + strlen (html));

          open_sections += details_depth (html);
          flash_sheet_join_block (answer, text);
        }
      else
        {
          g_autofree char *markdown = flash_sheet_slice_block (&self->src, next);

          flash_sheet_join_block (answer, markdown);
        }
    }
  if (*question == '\0' || answer->len == 0)
    return 0;
  if (is_reveal_label (question))
    {
      char *before = question_before (self, own);

      if (before != NULL)
        {
          g_free (question);
          question = before;
        }
      else if (own->len == 0 && depth > 0 && depth <= self->crumbs->len)
        {
          /* Nothing before it under "### What is the ISR?": the heading asks, as the heading's
           * own card would. */
          g_free (question);
          question = g_strdup (((Crumb *) g_ptr_array_index (self->crumbs, depth - 1))->markdown);
          depth--;
        }
    }
  flash_sheet_add_card (self, depth, question, answer->str, cmark_node_get_start_line (block));
  return i - from;
}
