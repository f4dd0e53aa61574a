/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-pipes.c: pipe tables as their authors meant them (docs/cheatsheet-format.md): a "|"
 * inside a code span does not split a cell, and rows of cells without a header row are a table.
 * GFM reads both the other way, so this pass rewrites the text before cmark-gfm sees it. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

/* What a line is, as a row of a pipe table. */
typedef struct
{
  const char *start;
  gsize       len;
  guint       cells;     /* cells, counting "|" outside code spans; 0: no "|" at all */
  gboolean    delimiter; /* every cell is :?-+:? (the row under a header) */
  gboolean    edged;     /* starts and ends with "|" */
  gboolean    blank;
  gboolean    code;      /* inside a fenced code block, or a fence */
  gboolean    heading;
  gboolean    table;     /* a row of a table: its code spans get their "|" escaped */
  guint       add_header; /* cells of a header row to add before it, or 0 */
  gboolean    add_delimiter;
} Row;

typedef struct
{
  gsize at;
  gsize len;
  gsize closer; /* index of the run that closes it, or G_MAXSIZE */
} Run;

/* The backtick runs of [p, p + len) and, for each, the next run of the same length: the one
 * that closes it if it opens a code span (CommonMark), found in one pass from the right. */
static GArray *
backtick_runs (const char *p,
               gsize       len)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GHashTable) later = NULL; /* length → index + 1 */

  /* Most rows hold no code at all. */
  if (memchr (p, '`', len) == NULL)
    return runs;
  later = g_hash_table_new (NULL, NULL);

  for (gsize i = 0; i < len;)
    {
      Run run = { i, 0, G_MAXSIZE };

      if (p[i] != '`' || (i > 0 && p[i - 1] == '\\'))
        {
          i++;
          continue;
        }
      while (i < len && p[i] == '`')
        {
          i++;
          run.len++;
        }
      g_array_append_val (runs, run);
    }
  for (guint r = runs->len; r-- > 0;)
    {
      Run *run = &g_array_index (runs, Run, r);
      gpointer key = GSIZE_TO_POINTER (run->len);
      guint next = GPOINTER_TO_UINT (g_hash_table_lookup (later, key));

      if (next > 0)
        run->closer = next - 1;
      g_hash_table_insert (later, key, GUINT_TO_POINTER (r + 1));
    }
  return runs;
}

static gboolean
is_delimiter_cell (const char *p,
                   const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (p < end && *p == ':')
    p++;
  if (end > p && end[-1] == ':')
    end--;
  if (p >= end)
    return FALSE;
  for (; p < end; p++)
    if (*p != '-')
      return FALSE;
  return TRUE;
}

/* Reads @row's cells; with @out, appends the line with every "|" inside a code span escaped. */
static void
walk_row (Row     *row,
          GString *out)
{
  const char *p = row->start;
  gsize len = row->len;
  g_autoptr(GArray) runs = backtick_runs (p, len);
  gsize lead = 0;
  gsize trail = len;
  gsize cell_start;
  guint pipes = 0;
  guint r = 0;

  while (lead < len && (p[lead] == ' ' || p[lead] == '\t'))
    lead++;
  while (trail > lead && (p[trail - 1] == ' ' || p[trail - 1] == '\t'))
    trail--;
  row->edged = trail - lead >= 2 && p[lead] == '|' && p[trail - 1] == '|' && p[trail - 2] != '\\';
  row->delimiter = TRUE;
  cell_start = lead + (lead < trail && p[lead] == '|');

  for (gsize i = 0; i < len; i++)
    {
      if (r < runs->len && g_array_index (runs, Run, r).at == i)
        {
          Run run = g_array_index (runs, Run, r);

          if (run.closer == G_MAXSIZE)
            {
              r++;
              if (out != NULL)
                g_string_append_len (out, p + i, (gssize) run.len);
              i += run.len - 1;
              continue;
            }
          /* The whole span, its pipes escaped. */
          {
            Run close = g_array_index (runs, Run, run.closer);

            for (gsize j = i; j < close.at + close.len; j++)
              {
                if (out != NULL && p[j] == '|' && (j == 0 || p[j - 1] != '\\'))
                  g_string_append_c (out, '\\');
                if (out != NULL)
                  g_string_append_c (out, p[j]);
              }
            row->delimiter = FALSE;
            i = close.at + close.len - 1;
            r = (guint) run.closer + 1;
            continue;
          }
        }
      if (p[i] == '|' && (i == 0 || p[i - 1] != '\\') && i >= lead && i < trail)
        {
          if (i > lead && i + 1 < trail)
            {
              row->delimiter = row->delimiter && is_delimiter_cell (p + cell_start, p + i);
              cell_start = i + 1;
            }
          pipes++;
        }
      if (out != NULL)
        g_string_append_c (out, p[i]);
    }
  if (pipes == 0)
    {
      row->cells = 0;
      row->delimiter = FALSE;
      return;
    }
  /* The last cell, before the closing "|" if there is one. */
  row->delimiter = row->delimiter
                   && is_delimiter_cell (p + cell_start,
                                         p + trail - (trail > lead + 1 && p[trail - 1] == '|'));
  row->cells = pipes + 1 - (p[lead] == '|') - (trail > lead + 1 && p[trail - 1] == '|');
}

static gboolean
starts_paragraph_break (const Row *row)
{
  return row == NULL || row->blank || row->heading || row->code;
}

/* Marks the rows of each table: after a delimiter row (with the header above it, or none), and
 * runs of two or more edged rows of the same number of cells after a break. */
static void
mark_tables (Row   *rows,
             guint  n)
{
  for (guint i = 0; i < n; i++)
    {
      Row *row = &rows[i];
      Row *above = i > 0 ? &rows[i - 1] : NULL;
      guint end = i + 1;

      if (row->code || row->table || row->cells == 0)
        continue;
      if (row->delimiter)
        {
          if (above != NULL && !starts_paragraph_break (above) && above->cells == row->cells)
            above->table = TRUE;
          else if (starts_paragraph_break (above))
            row->add_header = row->cells;
          else
            continue;
        }
      else
        {
          /* Rows of cells and no delimiter: two or more, after a break. */
          if (!row->edged || row->cells < 2 || !starts_paragraph_break (above))
            continue;
          while (end < n && rows[end].edged && rows[end].cells == row->cells
                 && !rows[end].delimiter && !rows[end].code)
            end++;
          if (end - i < 2 || (end < n && rows[end].delimiter))
            continue;
          row->add_header = row->cells;
          row->add_delimiter = TRUE;
        }
      row->table = TRUE;
      for (end = i + 1; end < n && !rows[end].blank && !rows[end].code && rows[end].cells > 0;
           end++)
        rows[end].table = TRUE;
      i = end - 1;
    }
}

char *
flash_sheet_fix_pipe_tables (const char *text)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  gsize text_len = strlen (text);
  GString *out;
  gsize fence = 0;
  char fence_marker = 0;

  if (memchr (text, '|', text_len) == NULL)
    return g_strdup (text);

  for (const char *line = text; line < text + text_len || line == text;)
    {
      const char *newline = memchr (line, '\n', (gsize) (text + text_len - line));
      const char *end = newline != NULL ? newline : text + text_len;
      Row row = { line, (gsize) (end - line) };
      char marker = 0;
      gsize n = flash_sheet_fence_length (line, end, &marker);

      row.code = fence > 0 || n > 0;
      if (fence > 0 && n >= fence && marker == fence_marker)
        fence = 0;
      else if (fence == 0 && n > 0)
        {
          fence = n;
          fence_marker = marker;
        }
      row.blank = TRUE;
      for (const char *p = line; p < end && row.blank; p++)
        row.blank = g_ascii_isspace (*p);
      row.heading = !row.code && row.len > 0 && line[0] == '#';
      /* Four spaces make an indented code block or a list's continuation: left as they are. */
      if (!row.code && !row.blank && memchr (line, '|', row.len) != NULL
          && strncmp (line, "    ", MIN (row.len, 4)) != 0)
        walk_row (&row, NULL);
      g_array_append_val (rows, row);
      if (newline == NULL)
        break;
      line = newline + 1;
    }

  mark_tables ((Row *) (void *) rows->data, rows->len);

  /* Most sheets have neither: their text stays as it is. */
  {
    gboolean change = FALSE;

    for (guint i = 0; i < rows->len && !change; i++)
      {
        Row *row = &g_array_index (rows, Row, i);

        change = row->add_header > 0 || (row->table && memchr (row->start, '`', row->len) != NULL);
      }
    if (!change)
      return g_strdup (text);
  }

  out = g_string_sized_new (text_len + 16);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (row->add_header > 0)
        {
          g_string_append_c (out, '|');
          for (guint c = 0; c < row->add_header; c++)
            g_string_append (out, "  |");
          g_string_append_c (out, '\n');
        }
      if (row->add_delimiter)
        {
          g_string_append_c (out, '|');
          for (guint c = 0; c < row->add_header; c++)
            g_string_append (out, "---|");
          g_string_append_c (out, '\n');
        }
      if (row->table)
        walk_row (row, out);
      else
        g_string_append_len (out, row->start, (gssize) row->len);
      if (row->start + row->len < text + text_len)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
