/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet.c: the cheatsheet parser, from the cmark-gfm AST to question/answer cards. */
#include "flash-sheet.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "flash-markdown.h"

G_DEFINE_QUARK (flash-sheet-error-quark, flash_sheet_error)

#define CONTEXT_SEPARATOR " › "
#define KEY_SEPARATOR     "\x1f"

typedef struct
{
  const char *text;        /* the Markdown after front matter was blanked out */
  gsize       length;
  GArray     *line_starts; /* gsize offsets; one extra entry at the end */
} Source;

typedef struct
{
  int        level;
  char      *plain;
} Crumb;

typedef struct
{
  Source      src;
  FlashSheet *sheet;
  GHashTable *keys;        /* key -> count, to keep keys unique within a sheet */
  GPtrArray  *crumbs;      /* Crumb*, the open headings */
  cmark_node *title;       /* the single H1, if there is one */
  /* The breadcrumb and tags of the last card, reused while the open headings stay the same:
   * a big sheet has thousands of cards under each heading. */
  int         cached_depth; /* -1 when nothing is cached */
  char       *cached_context;
  GStrv       cached_tags;
} Parser;

/* Inline rendering ------------------------------------------------------------------------ */

static gboolean
node_is (cmark_node *node,
         const char *type_string)
{
  return g_strcmp0 (cmark_node_get_type_string (node), type_string) == 0;
}

static void
append_escaped_text (GString    *out,
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
static void
append_inline (GString    *out,
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
        append_escaped_text (out, cmark_node_get_literal (node));
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
static void
append_inlines (GString    *out,
                cmark_node *first,
                gboolean    keep_breaks)
{
  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    append_inline (out, node, keep_breaks);
}

static char *
inlines_to_markdown (cmark_node *parent,
                     gboolean    keep_breaks)
{
  GString *out = g_string_new (NULL);

  append_inlines (out, cmark_node_first_child (parent), keep_breaks);
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

static char *
node_to_plain (cmark_node *node)
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
static char *
slice_block (const Source *src,
             cmark_node   *block)
{
  int first = cmark_node_get_start_line (block);
  int last = cmark_node_get_end_line (block);
  gboolean is_code = cmark_node_get_type (block) == CMARK_NODE_CODE_BLOCK;
  gsize n_lines = src->line_starts->len - 1;
  gsize indent = 0;
  GString *out = g_string_new (NULL);

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

      if (end > start && src->text[end - 1] == '\n')
        end--;
      if (!is_code && is_attribute_line (src->text + start, end - start))
        continue;
      while (skip < indent && start + skip < end && src->text[start + skip] == ' ')
        skip++;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, src->text + start + skip, (gssize) (end - start - skip));
    }

  /* Trailing blank lines belong to the gap between blocks, not to the block. */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
join_block (GString    *answer,
            const char *markdown)
{
  if (markdown == NULL || *markdown == '\0')
    return;
  if (answer->len > 0)
    g_string_append (answer, "\n\n");
  g_string_append (answer, markdown);
}

/* Cards --------------------------------------------------------------------------------------- */

static void
flash_sheet_card_free (FlashSheetCard *card)
{
  g_free (card->key);
  g_free (card->context);
  g_free (card->question);
  g_free (card->answer);
  g_strfreev (card->tags);
  g_free (card);
}

static char *
slugify (const char *text)
{
  g_autofree char *folded = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_unichar (out, c);
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  return g_string_free (out, FALSE);
}

char *
flash_sheet_normalise_question (const char *question)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (question != NULL, NULL);

  /* Most questions are ASCII, where case folding is a byte operation. */
  folded = g_str_is_ascii (question) ? g_ascii_strdown (question, -1) : g_utf8_casefold (question, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Formatting marks and escapes do not change which question it is. */
      if (c == '`' || c == '*' || c == '\\')
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
current_context (Parser *self,
                 guint   depth)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < depth && i < self->crumbs->len; i++)
    {
      Crumb *crumb = g_ptr_array_index (self->crumbs, i);

      if (out->len > 0)
        g_string_append (out, CONTEXT_SEPARATOR);
      g_string_append (out, crumb->plain);
    }
  if (out->len == 0 && self->sheet->name != NULL)
    g_string_append (out, self->sheet->name);
  return g_string_free (out, FALSE);
}

static GStrv
current_tags (Parser *self,
              guint   depth)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < depth && i < self->crumbs->len; i++)
    {
      Crumb *crumb = g_ptr_array_index (self->crumbs, i);
      g_autofree char *slug = slugify (crumb->plain);

      if (*slug != '\0')
        g_strv_builder_add (builder, slug);
    }
  return g_strv_builder_end (builder);
}

/* Adds a card whose context is the first @depth open headings. */
static void
add_card (Parser     *self,
          guint       depth,
          const char *question,
          const char *answer,
          int         line)
{
  FlashSheetCard *card;
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  guint seen;

  if (question == NULL || *question == '\0' || answer == NULL || *answer == '\0')
    return;

  card = g_new0 (FlashSheetCard, 1);
  if (self->cached_depth != (int) depth)
    {
      g_free (self->cached_context);
      g_strfreev (self->cached_tags);
      self->cached_context = current_context (self, depth);
      self->cached_tags = current_tags (self, depth);
      self->cached_depth = (int) depth;
    }
  card->context = g_strdup (self->cached_context);
  card->question = g_strdup (question);
  card->answer = g_strdup (answer);
  card->tags = g_strdupv (self->cached_tags);
  card->line = line > 0 ? (guint) line : 1;

  normal = flash_sheet_normalise_question (question);
  key = g_strconcat (card->context, KEY_SEPARATOR, normal, NULL);
  seen = GPOINTER_TO_UINT (g_hash_table_lookup (self->keys, key));
  g_hash_table_replace (self->keys, g_strdup (key), GUINT_TO_POINTER (seen + 1));
  /* The same question twice in one section still needs two keys that survive a re-import. */
  card->key = seen == 0 ? g_steal_pointer (&key) : g_strdup_printf ("%s" KEY_SEPARATOR "%u", key, seen + 1);

  g_ptr_array_add (self->sheet->cards, card);
}

/* Special blocks: tables, term lists, Q:/A: ------------------------------------------------- */

static gboolean
add_table_cards (Parser     *self,
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
    g_ptr_array_add (titles, inlines_to_markdown (cell, FALSE));

  for (cmark_node *row = cmark_node_next (header); row; row = cmark_node_next (row))
    {
      g_autofree char *question = NULL;
      GString *answer = g_string_new (NULL);
      cmark_node *cell = cmark_node_first_child (row);
      guint column = 1;

      if (cell == NULL)
        {
          g_string_free (answer, TRUE);
          continue;
        }
      question = inlines_to_markdown (cell, FALSE);
      for (cell = cmark_node_next (cell); cell; cell = cmark_node_next (cell), column++)
        {
          g_autofree char *value = inlines_to_markdown (cell, FALSE);
          const char *title = column < titles->len ? g_ptr_array_index (titles, column) : "";

          if (*value == '\0')
            continue;
          if (answer->len > 0)
            g_string_append (answer, "\n\n");
          if (*title != '\0')
            g_string_append_printf (answer, "**%s:** %s", title, value);
          else
            g_string_append (answer, value);
        }
      add_card (self, depth, question, answer->str, cmark_node_get_start_line (row));
      g_string_free (answer, TRUE);
    }
  return TRUE;
}

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
      if (!node_is (node, "text"))
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
            append_inline (term, before, FALSE);
          head = g_strndup (literal, hit - literal);
          append_escaped_text (term, head);
          rest = g_string_new (NULL);
          append_escaped_text (rest, hit + strlen (term_separators[i]));
          append_inlines (rest, cmark_node_next (node), FALSE);
          split->term = g_strstrip (g_string_free (term, FALSE));
          split->rest = g_strstrip (g_string_free (rest, FALSE));
          if (*split->term != '\0')
            return TRUE;
          term_split_clear (split);
          return FALSE;
        }
    }

  if (node_is (first, "code") || node_is (first, "strong"))
    {
      GString *rest = g_string_new (NULL);

      if (node_is (first, "strong"))
        {
          g_autofree char *inner = inlines_to_markdown (first, FALSE);

          split->term = g_strdup_printf ("**%s**", strip_trailing_colon (inner));
        }
      else
        {
          GString *term = g_string_new (NULL);

          append_inline (term, first, FALSE);
          split->term = g_string_free (term, FALSE);
        }
      append_inlines (rest, cmark_node_next (first), FALSE);
      split->rest = trim_separator (g_string_free (rest, FALSE));
      return TRUE;
    }

  /* "term: text", where the term is short enough to be a term and not a sentence. */
  if (!node_is (first, "text"))
    return FALSE;
  literal = cmark_node_get_literal (first);
  colon = strstr (literal, ": ");
  if (colon == NULL || colon == literal || colon - literal > 60)
    return FALSE;
  {
    g_autofree char *head = g_strndup (literal, colon - literal);
    GString *term = g_string_new (NULL);
    GString *rest = g_string_new (NULL);

    append_escaped_text (term, head);
    append_escaped_text (rest, colon + 2);
    append_inlines (rest, cmark_node_next (first), FALSE);
    split->term = g_strstrip (g_string_free (term, FALSE));
    split->rest = g_strstrip (g_string_free (rest, FALSE));
  }
  return *split->term != '\0';
}

/* A bullet list in which every item starts with a term gives one card per item. */
static gboolean
add_term_list_cards (Parser     *self,
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
          g_autofree char *markdown = slice_block (&self->src, block);

          join_block (answer, markdown);
        }
      add_card (self, depth, split->term, answer->str, cmark_node_get_start_line (item));
      g_string_free (answer, TRUE);
      term_split_clear (split);
      g_free (split);
    }
  return TRUE;
}

static gboolean
paragraph_starts_with (cmark_node *block,
                       const char *prefix)
{
  cmark_node *first;

  if (block == NULL || cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  first = cmark_node_first_child (block);
  return first != NULL && node_is (first, "text")
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
static cmark_node *
add_qa_card (Parser     *self,
             guint       depth,
             cmark_node *q_block)
{
  g_autofree char *q_markdown = inlines_to_markdown (q_block, TRUE);
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

      if (!paragraph_starts_with (a_block, "A:"))
        return NULL;
      question = strip_prefix (q_markdown, "Q:");
      a_markdown = slice_block (&self->src, a_block);
      answer = g_string_new (NULL);
      {
        g_autofree char *stripped = strip_prefix (a_markdown, "A:");

        join_block (answer, stripped);
      }
      last = a_block;
      for (cmark_node *next = cmark_node_next (a_block);
           next != NULL && cmark_node_get_type (next) != CMARK_NODE_HEADING
           && !paragraph_starts_with (next, "Q:");
           next = cmark_node_next (next))
        {
          g_autofree char *markdown = slice_block (&self->src, next);

          join_block (answer, markdown);
          last = next;
        }
    }

  g_strdelimit (question, "\n", ' ');
  add_card (self, depth, question, answer->str, cmark_node_get_start_line (q_block));
  g_string_free (answer, TRUE);
  return last;
}

static gboolean
is_html_comment (cmark_node *block)
{
  const char *literal = cmark_node_get_literal (block);

  while (literal != NULL && g_ascii_isspace (*literal))
    literal++;
  return literal != NULL && g_str_has_prefix (literal, "<!--");
}

/* TRUE when the blocks hold nothing but links (and punctuation): a table of contents. */
static gboolean
only_links (GPtrArray *blocks)
{
  gboolean any_link = FALSE;

  for (guint i = 0; i < blocks->len; i++)
    {
      cmark_iter *iter = cmark_iter_new (g_ptr_array_index (blocks, i));
      cmark_event_type ev;
      guint in_link = 0;
      gboolean content = FALSE;

      while (!content && (ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
        {
          cmark_node *node = cmark_iter_get_node (iter);
          cmark_node_type type = cmark_node_get_type (node);

          if (type == CMARK_NODE_LINK)
            {
              in_link += ev == CMARK_EVENT_ENTER ? 1 : -1;
              any_link = TRUE;
            }
          else if (ev != CMARK_EVENT_ENTER)
            continue;
          else if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK
                   || type == CMARK_NODE_IMAGE || type == CMARK_NODE_THEMATIC_BREAK)
            content = TRUE;
          else if ((type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) && in_link == 0)
            {
              for (const char *p = cmark_node_get_literal (node); *p != '\0'; p++)
                if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
                  content = TRUE;
            }
        }
      cmark_iter_free (iter);
      if (content)
        return FALSE;
    }
  return any_link;
}

/* Sections ------------------------------------------------------------------------------------ */

/* The blocks under one heading (or before the first): tables, term lists and Q:/A: pairs become
 * cards of their own; what remains is the heading's own answer. */
static void
flush_section (Parser     *self,
               cmark_node *heading,
               GPtrArray  *blocks)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  guint depth = self->crumbs->len;
  guint first_special = self->sheet->cards->len;
  g_autofree char *question = NULL;
  GString *answer;

  for (guint i = 0; i < blocks->len; i++)
    {
      cmark_node *block = g_ptr_array_index (blocks, i);
      cmark_node_type type = cmark_node_get_type (block);

      if (type == CMARK_NODE_HTML_BLOCK && is_html_comment (block))
        continue;
      if (node_is (block, "table") && add_table_cards (self, depth, block))
        continue;
      if (type == CMARK_NODE_LIST && add_term_list_cards (self, depth, block))
        continue;
      if (paragraph_starts_with (block, "Q:"))
        {
          cmark_node *last = add_qa_card (self, depth, block);

          if (last != NULL)
            {
              while (i + 1 < blocks->len && g_ptr_array_index (blocks, i) != last)
                i++;
              continue;
            }
        }
      g_ptr_array_add (own, block);
    }

  answer = g_string_new (NULL);
  if (!only_links (own))
    for (guint i = 0; i < own->len; i++)
      {
        g_autofree char *markdown = slice_block (&self->src, g_ptr_array_index (own, i));

        join_block (answer, markdown);
      }

  if (heading != NULL && heading == self->title)
    {
      /* The title heading's own text describes the deck; it is not a card. */
      if (answer->len > 0)
        self->sheet->description = g_strdup (answer->str);
    }
  else if (heading != NULL && answer->len > 0)
    {
      guint before = self->sheet->cards->len;

      question = inlines_to_markdown (heading, FALSE);
      /* The heading's own card comes before the cards made from its table or list. */
      add_card (self, depth - 1, question, answer->str, cmark_node_get_start_line (heading));
      if (self->sheet->cards->len > before && first_special < before)
        {
          gpointer card = g_ptr_array_steal_index (self->sheet->cards, before);

          g_ptr_array_insert (self->sheet->cards, (int) first_special, card);
        }
    }
  g_string_free (answer, TRUE);
  g_ptr_array_set_size (blocks, 0);
}

static void
crumb_free (Crumb *crumb)
{
  g_free (crumb->plain);
  g_free (crumb);
}

static void
open_heading (Parser     *self,
              cmark_node *heading)
{
  int level = cmark_node_get_heading_level (heading);
  Crumb *crumb;

  while (self->crumbs->len > 0)
    {
      Crumb *top = g_ptr_array_index (self->crumbs, self->crumbs->len - 1);

      if (top->level < level)
        break;
      g_ptr_array_remove_index (self->crumbs, self->crumbs->len - 1);
    }
  crumb = g_new0 (Crumb, 1);
  crumb->level = level;
  crumb->plain = node_to_plain (heading);
  g_ptr_array_add (self->crumbs, crumb);
  self->cached_depth = -1;
}

/* Front matter -------------------------------------------------------------------------------- */

static char *
unquote (const char *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));
  gsize len = strlen (copy);

  if (len >= 2 && (copy[0] == '"' || copy[0] == '\'') && copy[len - 1] == copy[0])
    return g_strndup (copy + 1, len - 2);
  return g_steal_pointer (&copy);
}

static void
add_tags (GStrvBuilder *tags,
          const char   *list)
{
  g_autofree char *copy = g_strstrip (g_strdup (list));
  g_auto(GStrv) parts = NULL;
  char *body = copy;

  if (*body == '[')
    body++;
  if (*body != '\0' && body[strlen (body) - 1] == ']')
    body[strlen (body) - 1] = '\0';
  parts = g_strsplit (body, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *tag = unquote (parts[i]);

      if (*tag != '\0')
        g_strv_builder_add (tags, tag);
    }
}

/* One line of @text starting at @line: its length without the newline, and where the next line
 * starts (NULL after the last line, which may have no newline). */
static gsize
line_length (const char  *line,
             const char **next)
{
  const char *newline = strchr (line, '\n');

  *next = newline != NULL ? newline + 1 : NULL;
  return newline != NULL ? (gsize) (newline - line) : strlen (line);
}

static gboolean
is_front_matter_fence (const char *line,
                       gsize       len)
{
  while (len > 3 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
    len--;
  return len == 3 && (strncmp (line, "---", 3) == 0 || strncmp (line, "...", 3) == 0);
}

/* Reads YAML front matter (title and tags only) and blanks it out in @text, keeping the line
 * count, so cmark never sees it and line numbers still match the file. Front matter without a
 * closing fence is not front matter: the file is then read as Markdown from its first line. */
static void
take_front_matter (char       *text,
                   FlashSheet *sheet)
{
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_autofree char *title = NULL;
  const char *line;
  const char *end = NULL;
  gboolean in_tags = FALSE;

  if (!g_str_has_prefix (text, "---\n"))
    return;

  for (line = text + strlen ("---\n"); line != NULL;)
    {
      const char *next;
      gsize len = line_length (line, &next);
      g_autofree char *current = NULL;

      if (is_front_matter_fence (line, len))
        {
          end = line + len;
          break;
        }
      current = g_strndup (line, len);
      if (in_tags && g_str_has_prefix (g_strchug (current), "- "))
        add_tags (tags, current + 2);
      else
        {
          in_tags = FALSE;
          if (g_str_has_prefix (current, "title:"))
            {
              g_free (title);
              title = unquote (current + strlen ("title:"));
            }
          else if (g_str_has_prefix (current, "tags:"))
            {
              add_tags (tags, current + strlen ("tags:"));
              in_tags = TRUE;
            }
        }
      line = next;
    }
  if (end == NULL)
    return;

  for (char *p = text; p < end; p++)
    if (*p != '\n')
      *p = ' ';
  if (title != NULL)
    {
      g_free (sheet->name);
      sheet->name = g_steal_pointer (&title);
    }
  g_strfreev (sheet->tags);
  sheet->tags = g_strv_builder_end (tags);
}

/* Entry points ------------------------------------------------------------------------------- */

static char *
normalise_newlines (const char *text,
                    gsize       length)
{
  GString *out = g_string_sized_new (length + 1);

  /* A UTF-8 byte order mark is not content. */
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3, length -= 3;
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
name_from_path (const char *source)
{
  g_autofree char *base = g_path_get_basename (source);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

void
flash_sheet_free (FlashSheet *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->source);
  g_free (self->description);
  g_strfreev (self->tags);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_free (self);
}

static FlashSheet *
parse_checked (const char  *text,
               gsize        length,
               const char  *source,
               const char  *display,
               GError     **error)
{
  g_autoptr(FlashSheet) sheet = NULL;
  g_autofree char *clean = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GArray) line_starts = NULL;
  cmark_node *document;
  cmark_node *heading = NULL;
  const char *bad;
  Parser parser = { 0 };
  guint h1_count = 0;
  gsize clean_len;

  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_BINARY,
                   "%s: is a binary file (it contains NUL bytes), not a Markdown cheatsheet",
                   display);
      return NULL;
    }
  if (!g_utf8_validate_len (text, length, &bad))
    {
      guint line = 1;

      for (const char *p = text; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_UTF8,
                   "%s: is not valid UTF-8 (line %u); save it as UTF-8 and import it again",
                   display, line);
      return NULL;
    }

  /* cmark-gfm's table extension takes quadratic time in the number of columns: rows wider than
   * any real cheatsheet's are refused before it sees them. */
  {
    guint line = 1;
    guint pipes = 0;

    for (gsize i = 0; i < length; i++)
      {
        if (text[i] == '\n')
          {
            line++;
            pipes = 0;
          }
        else if (text[i] == '|' && ++pipes > FLASH_SHEET_MAX_COLUMNS)
          {
            g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                         "%s: line %u has more than %u table columns, too many for a cheatsheet",
                         display, line, FLASH_SHEET_MAX_COLUMNS);
            return NULL;
          }
      }
  }

  sheet = g_new0 (FlashSheet, 1);
  sheet->source = g_strdup (source);
  sheet->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_sheet_card_free);
  sheet->tags = g_new0 (char *, 1);

  clean = normalise_newlines (text, length);
  take_front_matter (clean, sheet);
  clean_len = strlen (clean);

  line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  {
    gsize zero = 0;

    g_array_append_val (line_starts, zero);
    for (gsize i = 0; i < clean_len; i++)
      if (clean[i] == '\n')
        {
          gsize next = i + 1;

          g_array_append_val (line_starts, next);
        }
    if (clean_len == 0 || clean[clean_len - 1] != '\n')
      g_array_append_val (line_starts, clean_len);
  }

  document = flash_markdown_parse (clean, (gssize) clean_len);

  for (cmark_node *node = cmark_node_first_child (document); node; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) == 1)
      {
        if (h1_count++ == 0)
          parser.title = node;
        if (sheet->name == NULL)
          sheet->name = node_to_plain (node);
      }
  /* Only a single H1 is a title; several H1s are the sections of the sheet. */
  if (h1_count != 1)
    parser.title = NULL;
  if (sheet->name == NULL || *sheet->name == '\0')
    {
      g_free (sheet->name);
      sheet->name = name_from_path (display);
    }

  parser.src.text = clean;
  parser.src.length = clean_len;
  parser.src.line_starts = line_starts;
  parser.sheet = sheet;
  parser.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser.crumbs = g_ptr_array_new_with_free_func ((GDestroyNotify) crumb_free);
  parser.cached_depth = -1;

  blocks = g_ptr_array_new ();
  for (cmark_node *node = cmark_node_first_child (document); node; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        {
          flush_section (&parser, heading, blocks);
          open_heading (&parser, node);
          heading = node;
        }
      else
        g_ptr_array_add (blocks, node);
    }
  flush_section (&parser, heading, blocks);

  g_hash_table_unref (parser.keys);
  g_ptr_array_unref (parser.crumbs);
  g_free (parser.cached_context);
  g_strfreev (parser.cached_tags);
  cmark_node_free (document);

  if (sheet->cards->len == 0)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NO_CARDS,
                   "%s: no cards found (a card is a heading with text under it, a table row, "
                   "a term list entry or a Q:/A: pair)",
                   display);
      return NULL;
    }
  return g_steal_pointer (&sheet);
}

FlashSheet *
flash_sheet_parse (const char  *text,
                   gssize       length,
                   const char  *source,
                   GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (text);
  if ((gsize) length > FLASH_SHEET_MAX_SIZE)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                   "%s: is larger than 32 MiB, too large for a cheatsheet", source);
      return NULL;
    }
  return parse_checked (text, (gsize) length, source, source, error);
}

FlashSheet *
flash_sheet_load (const char  *path,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, FLASH_SHEET_ERROR,
                   saved == ENOENT ? FLASH_SHEET_ERROR_NOT_FOUND : FLASH_SHEET_ERROR_READ,
                   "%s: %s", path, saved == ENOENT ? "no such file" : g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_REGULAR,
                   "%s: is a directory, not a Markdown file", path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_REGULAR,
                   "%s: is not a regular file", path);
      return NULL;
    }
  if (st.st_size > FLASH_SHEET_MAX_SIZE)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                   "%s: is larger than 32 MiB, too large for a cheatsheet", path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_READ,
                   "%s: cannot be read: %s", path, local_error->message);
      return NULL;
    }
  if (length > FLASH_SHEET_MAX_SIZE)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                   "%s: is larger than 32 MiB, too large for a cheatsheet", path);
      return NULL;
    }

  absolute = g_canonicalize_filename (path, NULL);
  return parse_checked (contents, length, absolute, path, error);
}
