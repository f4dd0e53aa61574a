/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-definitions.c: definition lists: a bold term and its text, a term on a line of its
 * own over its definition, key lists and indented definitions, and plain blocks that are tables
 * of keys ("zz    center cursor line"), one card per term or key. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

/* Definition lists ------------------------------------------------------------------------- */

gboolean
flash_sheet_bold_term (cmark_node  *paragraph,
                       gboolean     colon_inside,
                       char       **term,
                       char       **definition)
{
  static const char *const separators[] = { ":", "—", "–", "-" };
  cmark_node *strong = cmark_node_first_child (paragraph);
  g_autoptr(GString) rest = g_string_new (NULL);
  const char *p;

  if (cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH || strong == NULL
      || cmark_node_get_type (strong) != CMARK_NODE_STRONG || cmark_node_next (strong) == NULL)
    return FALSE;
  flash_sheet_append_inlines (rest, cmark_node_next (strong), FALSE);
  p = rest->str;
  while (g_ascii_isspace (*p))
    p++;
  /* "**Bind mount vs volume:** a bind mount maps…": the colon inside the bold. */
  {
    g_autofree char *text = flash_sheet_inlines_to_markdown (strong, FALSE);
    gsize length = strlen (text);

    if (colon_inside && length > 1 && text[length - 1] == ':' && *p != '\0' && p > rest->str
        && g_utf8_strlen (text, -1) <= 61)
      {
        text[length - 1] = '\0';
        *term = g_strstrip (g_steal_pointer (&text));
        *definition = g_strstrip (g_strdup (p));
        return TRUE;
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (g_str_has_prefix (p, separators[i]) && g_ascii_isspace (p[strlen (separators[i])]))
      {
        g_autofree char *text = flash_sheet_inlines_to_markdown (strong, FALSE);

        p = g_strstrip (g_strdup (p + strlen (separators[i])));
        if (*text == '\0' || *p == '\0' || g_utf8_strlen (text, -1) > 60)
          {
            g_free ((char *) p);
            return FALSE;
          }
        *term = g_steal_pointer (&text);
        *definition = (char *) p;
        return TRUE;
      }
  return FALSE;
}

/* A term of a definition list written without bold: one short line that is not a sentence. */
static gboolean
is_plain_term (const char *line)
{
  gsize length = strlen (line);

  return length > 0 && g_utf8_strlen (line, -1) <= 60 && strchr (".:;!?,", line[length - 1]) == NULL
         && line[0] != ':';
}

/* Appends @definitions (lines opening with ": ", each with the lines that continue it) to @answer
 * as paragraphs; FALSE when the first line does not open one. */
static gboolean
append_definitions (GString     *answer,
                    char *const *lines)
{
  if (lines[0] == NULL || lines[0][0] != ':' || !g_ascii_isspace (lines[0][1]))
    return FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (line[0] == ':' && g_ascii_isspace (line[1]))
        {
          if (answer->len > 0)
            g_string_append (answer, "\n\n");
          line = line + 2;
        }
      else
        g_string_append_c (answer, ' ');
      g_string_append (answer, line + strspn (line, " "));
    }
  return TRUE;
}

/* @line without the blanks around it and the backslash of a hard break at its end. */
static char *
bare_line (const char *line)
{
  char *text = g_strstrip (g_strdup (line));
  gsize length = strlen (text);

  if (length > 0 && text[length - 1] == '\\')
    text[length - 1] = '\0';
  return g_strchomp (text);
}


/* A line that is nothing but a term: all in bold ("**E0382: use of moved value**", the term its
 * text) or one code span ("`ip a`", the term the span), a hard break after it allowed. */
static char *
line_term (const char *line)
{
  g_autofree char *text = bare_line (line);
  gsize length = strlen (text);

  if (length < 3 || g_utf8_strlen (text, -1) > 120)
    return NULL;
  if (length > 4 && g_str_has_prefix (text, "**") && g_str_has_suffix (text, "**")
      && strstr (text + 2, "**") == text + length - 2 && text[2] != ' ' && text[length - 3] != ' ')
    {
      /* "**Q: Should the receiver close it?**": the marker is not part of the question. */
      gsize skip = (text[2] == 'Q' && (text[3] == ':' || text[3] == '.') && text[4] == ' ') ? 3 : 0;

      return g_strstrip (g_strndup (text + 2 + skip, length - 4 - skip));
    }
  if (text[0] == '`' && text[1] != '`' && strchr (text + 1, '`') == text + length - 1)
    return g_steal_pointer (&text);
  return NULL;
}

static gboolean
is_blank (const char *line)
{
  return line[strspn (line, " \t")] == '\0';
}

/* "`\"ap` paste from register a": a line opening with a code span, then words. The span is
 * the term (with @term), the words the definition. */
static gboolean
code_line (const char *line,
           char      **term,
           char      **definition)
{
  const char *end;
  g_autofree char *text = bare_line (line);

  if (text[0] != '`' || text[1] == '`' || (end = strchr (text + 1, '`')) == NULL
      || end[1] != ' ' || !g_unichar_isalpha (g_utf8_get_char (g_strchug ((char *) end + 1))))
    return FALSE;
  if (term != NULL)
    {
      *term = g_strndup (text, end + 1 - text);
      *definition = g_strstrip (g_strdup (end + 1));
    }
  return TRUE;
}

/* "pick   = use commit": a short name (30 bytes, four words at most), an equals sign, what it
 * means. */
static gboolean
equals_line (const char  *line,
             char       **term,
             char       **definition)
{
  g_autofree char *text = bare_line (line);
  char *mark = strstr (text, " = ");

  if (mark == NULL || mark == text || mark - text > 30 || strchr (text, '`') != NULL)
    return FALSE;
  *mark = '\0';
  g_strchomp (text);
  if (*text == '\0' || strchr (text, '=') != NULL || *g_strstrip (mark + 3) == '\0'
      || flash_sheet_count_words (text) > 4)
    return FALSE;
  if (term != NULL)
    {
      *term = g_strdup (text);
      *definition = g_strdup (g_strstrip (mark + 3));
    }
  return TRUE;
}

/* A line of a key list: "`"ap` paste from register a", or "prefix % = split left/right". */
static gboolean
key_list_line (const char  *line,
               char       **term,
               char       **definition)
{
  return code_line (line, term, definition) || equals_line (line, term, definition);
}

/* The definitions @blocks[@i] starts, as term and definition pairs added to @pairs: a bold term
 * (flash_sheet_bold_term()); "Term" and ": definition" lines in one paragraph or, Pandoc's
 * loose form, in two;
 * or a paragraph of "term :: definition" lines, a pair each. Returns how many blocks it used. */
static guint
definitions_at (GPtrArray *blocks,
                guint      i,
                GPtrArray *pairs)
{
  cmark_node *paragraph = g_ptr_array_index (blocks, i);
  g_autofree char *markdown = NULL;
  g_auto(GStrv) lines = NULL;
  char *term = NULL;
  char *definition = NULL;
  g_autoptr(GString) answer = NULL;

  /* "**When:** …" with the colon inside is also how a table row's fields read: not taken. */
  if (flash_sheet_bold_term (paragraph, FALSE, &term, &definition))
    {
      g_ptr_array_add (pairs, term);
      g_ptr_array_add (pairs, definition);
      return 1;
    }
  if (cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return 0;
  markdown = flash_sheet_inlines_to_markdown (paragraph, TRUE);
  lines = g_strsplit (markdown, "\n", -1);

  /* Three lines or more, each a code span and what it does or a name, "=" and its meaning
   * (lines joined by <br>). */
  if (g_strv_length (lines) >= 3)
    {
      guint l = 0;
      guint n_code = 0;

      /* (A <br> and the line break after it leave a blank line.) */
      for (; lines[l] != NULL && (is_blank (lines[l]) || key_list_line (lines[l], NULL, NULL));
           l++)
        n_code += !is_blank (lines[l]);
      if (lines[l] == NULL && n_code >= 3)
        {
          for (l = 0; lines[l] != NULL; l++)
            {
              char *line_term_text = NULL;
              char *line_definition = NULL;

              if (is_blank (lines[l]))
                continue;
              key_list_line (lines[l], &line_term_text, &line_definition);
              g_ptr_array_add (pairs, line_term_text);
              g_ptr_array_add (pairs, line_definition);
            }
          return 1;
        }
    }

  /* "**E0382: use of moved value**" or "`ip a`" on a line, what it means on the next. */
  if (lines[0] != NULL && lines[1] != NULL && lines[1][0] != ':'
      && (term = line_term (lines[0])) != NULL)
    {
      g_autofree char *rest = g_strjoinv ("\n", lines + 1);

      if (flash_sheet_is_label_heading (term) || *g_strstrip (rest) == '\0')
        {
          g_free (term);
          return 0;
        }
      g_ptr_array_add (pairs, term);
      /* Its answer without an "A:" marker. */
      g_ptr_array_add (pairs, g_strdup (g_str_has_prefix (rest, "A: ") ? rest + 3 : rest));
      return 1;
    }

  if (strstr (markdown, " :: ") != NULL)
    {
      guint added = 0;

      for (guint l = 0; lines[l] != NULL; l++)
        {
          char *mark = strstr (lines[l], " :: ");

          if (mark == NULL || mark == lines[l])
            break;
          *mark = '\0';
          if (!is_plain_term (g_strstrip (lines[l])) || *g_strstrip (mark + 4) == '\0')
            break;
          added++;
        }
      if (added == 0 || lines[added] != NULL)
        return 0;
      for (guint l = 0; l < added; l++)
        {
          g_ptr_array_add (pairs, g_strdup (lines[l]));
          g_ptr_array_add (pairs, g_strdup (lines[l] + strlen (lines[l]) + 4));
        }
      return 1;
    }

  if (lines[0] == NULL || !is_plain_term (g_strstrip (lines[0])))
    return 0;
  answer = g_string_new (NULL);
  if (lines[1] != NULL && append_definitions (answer, lines + 1))
    {
      g_ptr_array_add (pairs, g_strdup (lines[0]));
      g_ptr_array_add (pairs, g_string_free (g_steal_pointer (&answer), FALSE));
      return 1;
    }
  if (lines[1] == NULL && i + 1 < blocks->len
      && cmark_node_get_type (g_ptr_array_index (blocks, i + 1)) == CMARK_NODE_PARAGRAPH)
    {
      g_autofree char *next = flash_sheet_inlines_to_markdown (g_ptr_array_index (blocks, i + 1),
                                                               TRUE);
      g_auto(GStrv) next_lines = g_strsplit (next, "\n", -1);

      if (append_definitions (answer, next_lines))
        {
          g_ptr_array_add (pairs, g_strdup (lines[0]));
          g_ptr_array_add (pairs, g_string_free (g_steal_pointer (&answer), FALSE));
          return 2;
        }
    }
  return 0;
}

/* "git rebase main" and, indented under it, what it does: the author's own lines of the
 * paragraph show the indent cmark-gfm takes away. A command (lower case, or with "-", "~", ".",
 * "/" or "$") is shown as code. */
static gboolean
indented_definition (Parser     *self,
                     cmark_node *paragraph,
                     GPtrArray  *pairs)
{
  g_autofree char *markdown = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) meaning = NULL;
  const char *head;

  if (cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  markdown = flash_sheet_slice_block (&self->src, paragraph);
  lines = g_strsplit (markdown, "\n", -1);
  head = lines[0];
  if (head == NULL || lines[1] == NULL || g_ascii_isspace (head[0]) || strchr (head, '`') != NULL
      || g_utf8_strlen (head, -1) > 80)
    return FALSE;
  meaning = g_string_new (NULL);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], "  ") || is_blank (lines[i]))
        return FALSE;
      if (meaning->len > 0)
        g_string_append_c (meaning, ' ');
      g_string_append (meaning, g_strstrip (lines[i]));
    }
  g_strchomp (lines[0]);
  if (g_ascii_islower (head[0]) || strpbrk (head, "-~./$") != NULL)
    g_ptr_array_add (pairs, g_strdup_printf ("`%s`", head));
  else
    g_ptr_array_add (pairs, g_strdup (head));
  g_ptr_array_add (pairs, g_string_free (g_steal_pointer (&meaning), FALSE));
  return TRUE;
}

guint
flash_sheet_add_definitions (Parser    *self,
                            guint      depth,
                            GPtrArray *blocks,
                            guint      from)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (int));
  guint end = from;
  guint used;

  /* A run of definitions ends at debris ("**Last Updated**: …" under a "**Note**: …"). */
  for (; end < blocks->len && !flash_sheet_is_debris (g_ptr_array_index (blocks, end))
         && ((used = indented_definition (self, g_ptr_array_index (blocks, end), pairs) ? 1 : 0) > 0
             || (used = definitions_at (blocks, end, pairs)) > 0);
       end += used)
    {
      int line = cmark_node_get_start_line (g_ptr_array_index (blocks, end));

      while (lines->len < pairs->len / 2)
        g_array_append_val (lines, line);
    }
  /* Two at least: one bold opening is emphasis in prose. */
  if (pairs->len < 4)
    return 0;
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    flash_sheet_add_card (self, depth, g_ptr_array_index (pairs, i),
                          g_ptr_array_index (pairs, i + 1), g_array_index (lines, int, i / 2));
  return end - from;
}

/* Key tables --------------------------------------------------------------------------------- */

/* "    zz    center cursor line", "chmod u+x script.sh    add execute for the owner": a key
 * or a command (single blanks inside it), two blanks or more, then words. */
static gboolean
key_line (const char *line,
          char      **key,
          char      **meaning,
          gboolean   *one_word)
{
  const char *p = line + strspn (line, " \t");
  const char *end = p;
  const char *text;

  while (*end != '\0' && *end != '\t' && !(end[0] == ' ' && (end[1] == ' ' || end[1] == '\t')))
    end++;
  if (end == p || end - p > 40 || (strncmp (end, "  ", 2) != 0 && *end != '\t'))
    return FALSE;
  text = end + strspn (end, " \t");
  if (!g_unichar_isalpha (g_utf8_get_char (text)) || strstr (text, "  ") != NULL
      || strchr (text, '`') != NULL)
    return FALSE;
  if (one_word != NULL)
    {
      const char *last = text + strlen (text);

      while (last > text && g_ascii_isspace (last[-1]))
        last--;
      *one_word = memchr (text, ' ', last - text) == NULL;
    }
  if (key != NULL)
    {
      *key = g_strdup_printf ("`%.*s`", (int) (end - p), p);
      *meaning = g_strchomp (g_strdup (text));
    }
  return TRUE;
}

/* The "KEY - meaning" pairs of a line, one or several side by side apart by three blanks or more
 * ("22    - SSH                    143 - IMAP"), appended to @pairs (key, meaning, …); FALSE
 * when the line is anything else. */
static gboolean
dash_pairs (const char *line,
            GPtrArray  *pairs)
{
  const char *p = line + strspn (line, " \t");
  guint found = 0;

  while (*p != '\0')
    {
      const char *dash = strstr (p, " - ");
      const char *key_end;
      const char *meaning = dash != NULL ? dash + 3 : NULL;
      const char *end;

      if (dash == NULL)
        return FALSE;
      key_end = dash;
      while (key_end > p && key_end[-1] == ' ')
        key_end--;
      /* A key is short and one word ("20/21", "443"); its meaning runs to three blanks. */
      if (key_end == p || key_end - p > 16 || memchr (p, ' ', key_end - p) != NULL)
        return FALSE;
      meaning += strspn (meaning, " ");
      end = strstr (meaning, "   ");
      if (end == NULL)
        end = meaning + strlen (meaning);
      if (end == meaning || !g_unichar_isalnum (g_utf8_get_char (meaning)))
        return FALSE;
      g_ptr_array_add (pairs, g_strdup_printf ("`%.*s`", (int) (key_end - p), p));
      g_ptr_array_add (pairs, g_strchomp (g_strndup (meaning, end - meaning)));
      found++;
      p = end + strspn (end, " \t");
    }
  return found > 0;
}

/* @line split at runs of two blanks or more, its cells stripped. */
static GPtrArray *
column_cells (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *p = line + strspn (line, " \t");

  while (*p != '\0')
    {
      const char *end = p;

      while (*end != '\0' && *end != '\t' && !(end[0] == ' ' && end[1] == ' '))
        end++;
      g_ptr_array_add (cells, g_strndup (p, end - p));
      p = end + strspn (end, " \t");
    }
  return cells;
}

/* Whether @line is a rule drawn under a header: dashes, box-drawing lines or "=", five or more. */
static gboolean
is_rule_line (const char *line)
{
  guint marks = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == '=' || c == 0x2500 || c == 0x2501 || c == 0x2550)
        marks++;
      else if (c != ' ' && c != '+' && c != '|' && c != 0x253C)
        return FALSE;
    }
  return marks >= 5;
}

/* A table drawn in a plain block: a header of two columns or more apart by two blanks, a rule
 * under it, and two rows or more of as many cells: a card per row, as a Markdown table's. */
static gboolean
add_drawn_table_cards (Parser     *self,
                       guint       depth,
                       GStrv       lines,
                       int         first)
{
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) row_lines = g_array_new (FALSE, FALSE, sizeof (int));
  guint i = 0;

  while (lines[i] != NULL && lines[i][strspn (lines[i], " \t")] == '\0')
    i++;
  if (lines[i] == NULL || lines[i + 1] == NULL || !is_rule_line (lines[i + 1]))
    return FALSE;
  header = column_cells (lines[i]);
  if (header->len < 2)
    return FALSE;
  for (guint r = i + 2; lines[r] != NULL; r++)
    {
      GPtrArray *cells;
      int line = first + (int) r;

      if (lines[r][strspn (lines[r], " \t")] == '\0' || is_rule_line (lines[r]))
        continue;
      cells = column_cells (lines[r]);
      if (cells->len != header->len)
        {
          g_ptr_array_unref (cells);
          return FALSE;
        }
      g_ptr_array_add (rows, cells);
      g_array_append_val (row_lines, line);
    }
  if (rows->len < 2)
    return FALSE;
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);
      const char *key = g_ptr_array_index (cells, 0);
      g_autoptr(GString) question = g_string_new (NULL);
      g_autoptr(GString) answer = g_string_new (NULL);

      /* "7" alone asks nothing: "Layer: 7" does. */
      if (strspn (key, "0123456789.,") == strlen (key))
        g_string_append_printf (question, "%s: ", (const char *) g_ptr_array_index (header, 0));
      flash_sheet_append_escaped_text (question, key);
      for (guint c = 1; c < cells->len; c++)
        {
          g_string_append_printf (answer, "%s**", answer->len > 0 ? "\n\n" : "");
          flash_sheet_append_escaped_text (answer, g_ptr_array_index (header, c));
          g_string_append (answer, ":** ");
          flash_sheet_append_escaped_text (answer, g_ptr_array_index (cells, c));
        }
      flash_sheet_add_card (self, depth, question->str, answer->str,
                            g_array_index (row_lines, int, r));
    }
  return TRUE;
}

/* A plain block whose every line is "KEY - meaning" pairs, three pairs at least: a card each. */
static gboolean
add_dash_pair_cards (Parser     *self,
                     guint       depth,
                     GStrv       lines,
                     int         first)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) line_of = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint before = pairs->len;

      if (lines[i][strspn (lines[i], " \t")] == '\0')
        continue;
      if (!dash_pairs (lines[i], pairs))
        return FALSE;
      for (guint k = before; k < pairs->len; k += 2)
        {
          int line = first + (int) i;

          g_array_append_val (line_of, line);
        }
    }
  if (pairs->len < 6)
    return FALSE;
  for (guint k = 0; k < pairs->len; k += 2)
    flash_sheet_add_card (self, depth, g_ptr_array_index (pairs, k),
                          g_ptr_array_index (pairs, k + 1), g_array_index (line_of, int, k / 2));
  return TRUE;
}

gboolean
flash_sheet_add_key_block_cards (Parser     *self,
                                 guint       depth,
                                 cmark_node *block)
{
  const char *info;
  const char *literal;
  g_auto(GStrv) lines = NULL;
  guint n_keys = 0;
  guint n_one_word = 0;
  int first;
  int fence_length = 0;
  int fence_offset = 0;
  char fence_char = 0;

  if (cmark_node_get_type (block) != CMARK_NODE_CODE_BLOCK
      || (literal = cmark_node_get_literal (block)) == NULL)
    return FALSE;
  info = cmark_node_get_fence_info (block);
  if (info != NULL && *info != '\0' && g_ascii_strcasecmp (info, "text") != 0
      && g_ascii_strcasecmp (info, "txt") != 0 && g_ascii_strcasecmp (info, "plaintext") != 0)
    return FALSE;
  lines = g_strsplit (literal, "\n", -1);
  /* A fenced block's first line is its fence; an indented one's is its first key. */
  first = cmark_node_get_start_line (block)
          + (cmark_node_get_fenced (block, &fence_length, &fence_offset, &fence_char) ? 1 : 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean one_word = FALSE;

      if (lines[i][strspn (lines[i], " \t")] == '\0')
        continue;
      if (!key_line (lines[i], NULL, NULL, &one_word))
        return add_dash_pair_cards (self, depth, lines, first)
               || add_drawn_table_cards (self, depth, lines, first);
      n_keys++;
      n_one_word += one_word;
    }
  /* A one-word meaning ("prompt") is one among others that say more; a block of them all is
   * code aligned in columns ("int    main"). */
  if (n_keys < 3 || n_one_word * 2 > n_keys)
    return FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *meaning = NULL;

      if (key_line (lines[i], &key, &meaning, NULL))
        flash_sheet_add_card (self, depth, key, meaning, first + (int) i);
    }
  return TRUE;
}
