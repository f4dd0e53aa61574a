/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-table.c: GFM tables: one card per row, the first column asks, the others answer;
 * a table whose header repeats (Symbol | Command | Symbol | Command) holds several tables side by
 * side, and each group of columns in a row is a card of its own. */
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
  /* A code block goes under its title, on lines of its own. */
  if (*title != '\0')
    g_string_append_printf (answer, g_str_has_prefix (value, "```") ? "**%s:**\n\n%s"
                                                                     : "**%s:** %s",
                            title, value);
  else
    g_string_append (answer, value);
}

/* The code of @part when it is one code span and nothing else ("`end`"), or NULL. */
static char *
only_code (const char *part)
{
  g_autofree char *text = g_strstrip (g_strdup (part));
  gsize length = strlen (text);
  gsize ticks = strspn (text, "`");
  char *inner;

  if (ticks == 0 || length < 2 * ticks + 1 || strspn (text + length - ticks, "`") != ticks
      || text[length - ticks - 1] == '`')
    return NULL;
  inner = g_strndup (text + ticks, length - 2 * ticks);
  if (ticks == 1 && strchr (inner, '`') != NULL)
    {
      g_free (inner);
      return NULL;
    }
  return inner;
}

/* A cell's Markdown as a card shows it: lines of code apart ("`for i in 1:10`<br>`end`") as a
 * code block when they answer, else the breaks as blanks. Takes @markdown. */
static char *
cell_value (char     *markdown,
            gboolean  answers)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) code = NULL;

  if (strstr (markdown, FLASH_SHEET_CELL_BREAK) == NULL)
    return markdown;
  parts = g_strsplit (markdown, FLASH_SHEET_CELL_BREAK, -1);
  code = g_string_new ("```\n");
  for (guint i = 0; answers && parts[i] != NULL; i++)
    {
      g_autofree char *line = only_code (parts[i]);

      if (line == NULL)
        {
          g_string_free (g_steal_pointer (&code), TRUE);
          break;
        }
      g_string_append_printf (code, "%s\n", line);
    }
  g_free (markdown);
  if (answers && code != NULL)
    {
      g_string_append (code, "```");
      return g_string_free (g_steal_pointer (&code), FALSE);
    }
  return g_strjoinv (" ", parts);
}

/* The width of the header's repeating group of columns: 2 for "Symbol | Command | Symbol |
 * Command", or the whole header when it does not repeat. */
static guint
column_group (GPtrArray *titles)
{
  for (guint width = 2; width <= titles->len / 2; width++)
    {
      gboolean repeats = titles->len % width == 0;

      for (guint i = width; repeats && i < titles->len; i++)
        repeats = *(const char *) g_ptr_array_index (titles, i) != '\0'
                  && g_ascii_strcasecmp (g_ptr_array_index (titles, i),
                                         g_ptr_array_index (titles, i % width)) == 0;
      if (repeats)
        return width;
    }
  return titles->len;
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Whether @cell is a number and nothing else ("5", "0.25", "1,024", "-3"). */
static gboolean
is_bare_number (const char *cell)
{
  gboolean digit = FALSE;

  for (const char *p = cell; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digit = TRUE;
    else if (strchr (".,-+ ", *p) == NULL)
      return FALSE;
  return digit;
}

/* Whether the row's other cells are amounts or empty ("**47,000**", "$12", "85 %"). */
static gboolean
sums_up (GPtrArray *cells,
         guint      width)
{
  for (guint i = 1; i < width && i < cells->len; i++)
    {
      g_autofree char *plain = g_strdup (g_ptr_array_index (cells, i));
      char *out = plain;

      /* Bold, currency signs (a "$", or any sign not ASCII: "€") and "%" around the amount. */
      for (const char *p = plain; *p != '\0'; p++)
        if (strchr ("*_$% ", *p) == NULL && (guchar) *p < 0x80)
          *out++ = *p;
      *out = '\0';
      if (*plain != '\0' && !is_bare_number (plain))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_total (const char *cell)
{
  static const char *const totals[] = { "total", "totals", "sum", "grand total", "subtotal" };
  g_autofree char *plain = g_strstrip (g_strdelimit (g_utf8_casefold (cell, -1), "*_:", ' '));

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (g_str_equal (plain, totals[i]))
      return TRUE;
  return FALSE;
}

/* One card of @row's cells from @first to @first + @width (fewer at the row's end). A first cell
 * that other rows share (@repeated: "`grid-column`" with "`1 / 3`", then with "`span 2`") asks
 * with the next cell too. */
static void
add_row_card (Parser     *self,
              guint       depth,
              GPtrArray  *titles,
              GPtrArray  *cells,
              guint       first,
              guint       width,
              gboolean    repeated,
              gboolean    compared,
              int         line)
{
  const char *question = g_ptr_array_index (cells, first);
  const char *asked_title = first < titles->len ? g_ptr_array_index (titles, first) : "";
  g_autofree char *labelled = NULL;
  g_autofree char *first_value = NULL;
  g_autoptr(GString) answer = g_string_new (NULL);
  g_autoptr(GString) reverse = g_string_new (NULL);
  guint before = self->sheet->cards->len;
  guint from = first + 1;

  if (*question == '\0' && first > 0)
    return;
  /* "| **Total** | **47,000** |" sums the rows up: no fact of its own; "| Sum | `\sum x_i` |"
   * in a table of symbols is one. */
  if (first == 0 && is_total (question) && sums_up (cells, width))
    return;
  if (repeated && *question != '\0' && width > 2 && first + 1 < cells->len
      && *(const char *) g_ptr_array_index (cells, first + 1) != '\0')
    {
      question = labelled = g_strdup_printf ("%s — %s", question,
                                             (const char *) g_ptr_array_index (cells, first + 1));
      from = first + 2;
    }
  for (guint column = from; column < first + width && column < cells->len; column++)
    {
      const char *value = g_ptr_array_index (cells, column);
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
  if (first > 0 && answer->len == 0)
    return;
  /* "5" alone asks nothing: "Semitones: 5" does; in a comparison ("IPv4 vs IPv6") "32 bits"
   * is IPv4's: "IPv4: 32 bits". */
  if (labelled == NULL && has_letter (asked_title) && (is_bare_number (question) || compared))
    question = labelled = g_strdup_printf ("%s: %s", asked_title, question);
  flash_sheet_add_card (self, depth, question, answer->str, line);
  if ((self->sheet->reverse & FLASH_SHEET_REVERSE_TABLES) && first_value != NULL)
    {
      g_autoptr(GString) back = g_string_new (question);

      if (reverse->len > 0)
        g_string_append_printf (back, "\n\n%s", reverse->str);
      flash_sheet_add_reverse_card (self, before, first_value, back->str);
    }
}

/* @text case-folded without what is in parentheses, the blanks around it and a trailing ":". */
static char *
fold_caption (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = folded; *p != '\0'; p++)
    {
      depth += *p == '(' ? 1 : *p == ')' && depth > 0 ? -1 : 0;
      if (depth == 0 && *p != ')')
        g_string_append_c (out, *p);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  while (out->len > 0 && (out->str[out->len - 1] == ':' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* A paragraph's first line as plain text: a caption on a line of its own may have more said
 * under it ("**Result:**", a break, "Same as ROLLUP plus…"). */
static char *
first_line (cmark_node *paragraph)
{
  GString *out = g_string_new (NULL);

  for (cmark_node *child = cmark_node_first_child (paragraph); child != NULL;
       child = cmark_node_next (child))
    {
      g_autofree char *plain = NULL;

      if (cmark_node_get_type (child) == CMARK_NODE_SOFTBREAK
          || cmark_node_get_type (child) == CMARK_NODE_LINEBREAK)
        break;
      if (cmark_node_get_type (child) == CMARK_NODE_TEXT
          || cmark_node_get_type (child) == CMARK_NODE_CODE)
        g_string_append (out, cmark_node_get_literal (child));
      else
        {
          plain = flash_sheet_node_to_plain (child);
          g_string_append (out, plain);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
starts_with_one_of (const char         *folded,
                    const char * const *words,
                    gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    if (g_str_has_prefix (folded, words[i])
        && (folded[strlen (words[i])] == '\0' || folded[strlen (words[i])] == ' '))
      return TRUE;
  return FALSE;
}

gboolean
flash_sheet_table_is_lookup (Parser     *self,
                             guint       depth,
                             cmark_node *table)
{
  static const char *const compares[] = {
    "difference", "differ", " vs", "versus", "compare", "comparison", "pros and cons",
  };
  g_autofree char *heading = NULL;
  guint rows = 0;

  if (depth < 1 || depth > self->crumbs->len)
    return FALSE;
  for (cmark_node *row = cmark_node_first_child (table); row; row = cmark_node_next (row))
    rows++;
  /* The header row is one of them. */
  if (rows < 4)
    return FALSE;
  heading = g_utf8_casefold (((Crumb *) g_ptr_array_index (self->crumbs, depth - 1))->plain, -1);
  for (guint i = 0; i < G_N_ELEMENTS (compares); i++)
    if (strstr (heading, compares[i]) != NULL)
      return FALSE;
  return TRUE;
}

gboolean
flash_sheet_table_is_data (Parser    *self,
                           guint      depth,
                           GPtrArray *blocks,
                           guint      index)
{
  static const char *const captions[] = {
    "result", "results", "output", "example result", "example results", "example output",
    "sample output", "sample result", "query result", "expected output", "expected result",
    "returns", "gives", "produces", "resulting table",
  };
  static const char *const headings[] = {
    "table", "sample data", "example data", "sample table", "example table", "dataset",
    "data set", "test data", "database for example", "example database", "sample database",
  };

  /* A caption that names what a query or program gave, right before it or before one
   * paragraph that says more about it. */
  for (guint back = 1; back <= 2 && back <= index; back++)
    {
      cmark_node *block = g_ptr_array_index (blocks, index - back);
      g_autofree char *plain = NULL;
      g_autofree char *folded = NULL;

      if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
        break;
      plain = first_line (block);
      folded = fold_caption (plain);
      /* "**Result:**", "Step 1 — GROUP BY result:", "Example output (hypothetical):", "We use
       * this sample table `sales`:"; a query's steps, "Step 2 — Apply HAVING total > 300:". */
      if ((flash_sheet_count_words (folded) <= 6
           && (starts_with_one_of (folded, captions, G_N_ELEMENTS (captions))
               || g_str_has_suffix (folded, " result") || g_str_has_suffix (folded, " results")
               || g_str_has_suffix (folded, " output")))
          || (flash_sheet_count_words (folded) <= 12
              && (strstr (folded, "sample table") != NULL || strstr (folded, "sample data") != NULL
                  || strstr (folded, "example data") != NULL
                  || (g_str_has_prefix (folded, "step ") && g_ascii_isdigit (folded[5])))))
        return TRUE;
    }
  /* "### Table `customers`", "## Sample data": the rows are what examples run on. */
  if (depth >= 1 && depth <= self->crumbs->len)
    {
      const Crumb *crumb = g_ptr_array_index (self->crumbs, depth - 1);
      g_autofree char *folded = fold_caption (crumb->plain);
      const char *p = folded;

      /* An emoji or a symbol in front is decoration. */
      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (flash_sheet_count_words (p) <= 4
          && starts_with_one_of (p, headings, G_N_ELEMENTS (headings)))
        return TRUE;
    }
  return FALSE;
}

/* "### IPv4 vs IPv6" over "| IPv4 | IPv6 |": two columns, each a side the heading compares. */
static gboolean
is_comparison (Parser    *self,
               guint      depth,
               GPtrArray *titles)
{
  g_autofree char *heading = NULL;

  if (titles->len != 2 || depth < 1 || depth > self->crumbs->len)
    return FALSE;
  heading = g_utf8_casefold (((Crumb *) g_ptr_array_index (self->crumbs, depth - 1))->plain, -1);
  if (strstr (heading, " vs") == NULL && strstr (heading, " versus ") == NULL)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *title = g_utf8_casefold (g_ptr_array_index (titles, i), -1);

      g_strstrip (title);
      if (*title == '\0' || strstr (heading, title) == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
flash_sheet_add_table_cards (Parser     *self,
                             guint       depth,
                             cmark_node *table)
{
  cmark_node *header;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) rows = NULL;   /* each row's cells */
  g_autoptr(GArray) lines = NULL;     /* each row's line */
  g_autoptr(GHashTable) seen = NULL;  /* first cell → whether another row has it too */
  gboolean compared;
  guint width;

  if (cmark_gfm_extensions_get_table_columns (table) < 2)
    return FALSE;
  header = cmark_node_first_child (table);
  if (header == NULL || !cmark_gfm_extensions_get_table_row_is_header (header)
      || cmark_node_next (header) == NULL)
    return FALSE;

  titles = g_ptr_array_new_with_free_func (g_free);
  for (cmark_node *cell = cmark_node_first_child (header); cell; cell = cmark_node_next (cell))
    g_ptr_array_add (titles, cell_value (flash_sheet_inlines_to_markdown (cell, FALSE), FALSE));
  width = column_group (titles);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  lines = g_array_new (FALSE, FALSE, sizeof (int));
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (cmark_node *row = cmark_node_next (header); row; row = cmark_node_next (row))
    {
      GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
      int line = cmark_node_get_start_line (row);

      if (cmark_node_first_child (row) == NULL || flash_sheet_is_separator_row (row))
        {
          g_ptr_array_unref (cells);
          continue;
        }
      for (cmark_node *cell = cmark_node_first_child (row); cell; cell = cmark_node_next (cell))
        g_ptr_array_add (cells, cell_value (flash_sheet_inlines_to_markdown (cell, FALSE),
                                            cells->len % width != 0));
      g_ptr_array_add (rows, cells);
      g_array_append_val (lines, line);
      /* Each first cell, and whether another row has it too. */
      for (guint first = 0; first < cells->len; first += width)
        {
          const char *key = g_ptr_array_index (cells, first);

          g_hash_table_insert (seen, (gpointer) key,
                               GINT_TO_POINTER (g_hash_table_contains (seen, key)));
        }
    }
  compared = is_comparison (self, depth, titles);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);

      for (guint first = 0; first < cells->len; first += width)
        add_row_card (self, depth, titles, cells, first, width,
                      GPOINTER_TO_INT (g_hash_table_lookup (seen, g_ptr_array_index (cells,
                                                                                     first))),
                      compared, g_array_index (lines, int, r));
    }
  return TRUE;
}
