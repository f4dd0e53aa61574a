/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-admonitions.c: MkDocs' and Python-Markdown's admonitions ("!!! warning "Title"" and
 * the lines indented under it; "???" for a collapsible one) read as a quote with its title in
 * bold, line for line, before cmark-gfm sees the text: CommonMark would make the marker a
 * paragraph and the note under it a code block. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

/* The title an admonition line gives ("Common mistake", or the kind, "Warning", without one; ""
 * for an explicit empty title), or NULL when @line is not one. */
static char *
admonition_title (const char *line,
                  gsize       len)
{
  g_autofree char *copy = g_strndup (line, len);
  const char *p = copy;
  const char *kind;
  gsize kind_len;

  if (!g_str_has_prefix (p, "!!! ") && !g_str_has_prefix (p, "??? ")
      && !g_str_has_prefix (p, "???+ "))
    return NULL;
  p = strchr (p, ' ') + 1;
  while (*p == ' ')
    p++;
  kind = p;
  while (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
    p++;
  kind_len = p - kind;
  if (kind_len == 0)
    return NULL;
  /* Further classes ("!!! note inline end") may follow the kind. */
  while (*p == ' ' || g_ascii_isalnum (*p) || *p == '-' || *p == '_')
    p++;
  if (*p == '"')
    {
      const char *close = strrchr (p + 1, '"');

      if (close == NULL || *g_strstrip ((char *) close + 1) != '\0')
        return NULL;
      return g_strstrip (g_strndup (p + 1, close - p - 1));
    }
  if (*p != '\0')
    return NULL;
  {
    char *title = g_strndup (kind, kind_len);

    title[0] = g_ascii_toupper (title[0]);
    g_strdelimit (title, "-_", ' ');
    return title;
  }
}

/* The title of a GitHub or Obsidian alert's first line, "> [!WARNING]" ("Warning") or
 * "> [!note]- Exam tip" ("Exam tip"), or NULL when @line is not one. */
static char *
alert_title (const char *line,
             gsize       len)
{
  g_autofree char *copy = g_strndup (line, len);
  char *p = copy;
  char *kind;
  char *close;

  while (*p == ' ')
    p++;
  if (!g_str_has_prefix (p, "> [!") || (close = strchr (p, ']')) == NULL)
    return NULL;
  kind = p + strlen ("> [!");
  *close = '\0';
  for (const char *k = kind; *k != '\0'; k++)
    if (!g_ascii_isalpha (*k) && *k != '-')
      return NULL;
  if (*kind == '\0')
    return NULL;
  p = close + 1;
  if (*p == '+' || *p == '-')
    p++;
  g_strstrip (p);
  if (*p != '\0')
    return g_strdup (p);
  {
    char *title = g_ascii_strdown (kind, -1);

    title[0] = g_ascii_toupper (title[0]);
    return title;
  }
}

/* How many columns a content line is indented by, up to 4 (a tab is 4). */
static gsize
indent_of (const char *line,
           gsize       len,
           gsize      *bytes)
{
  gsize columns = 0;

  *bytes = 0;
  while (*bytes < len && columns < 4 && (line[*bytes] == ' ' || line[*bytes] == '\t'))
    columns += line[(*bytes)++] == '\t' ? 4 : 1;
  return columns;
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

char *
flash_sheet_convert_admonitions (const char *text)
{
  g_autoptr(GPtrArray) lines = NULL;
  GString *out;
  gboolean changed = FALSE;
  char fence = 0;

  if (strstr (text, "!!! ") == NULL && strstr (text, "??? ") == NULL
      && strstr (text, "???+ ") == NULL && strstr (text, "> [!") == NULL)
    return NULL;
  lines = flash_sheet_line_starts (text);
  out = g_string_sized_new (strlen (text) + 64);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *end = strchr (line, '\n');
      gsize len = end != NULL ? (gsize) (end - line) : strlen (line);
      g_autofree char *title = NULL;
      guint last;

      /* Nothing inside a fenced code block is an admonition. */
      if ((g_str_has_prefix (line, "```") || g_str_has_prefix (line, "~~~"))
          && (fence == 0 || fence == line[0]))
        fence = fence == 0 ? line[0] : 0;
      if (fence == 0 && (title = alert_title (line, len)) != NULL)
        {
          /* "> [!TIP]": GitHub's and Obsidian's alerts, already quotes, get their title. */
          changed = TRUE;
          g_string_append_printf (out, "> **%s:**", title);
          if (end != NULL)
            g_string_append_c (out, '\n');
          continue;
        }
      if (fence != 0 || (title = admonition_title (line, len)) == NULL)
        {
          g_string_append_len (out, line, len + (end != NULL));
          continue;
        }
      /* Its content: the lines indented by four under it, blank lines between them. */
      last = i;
      for (guint j = i + 1; j < lines->len; j++)
        {
          const char *next = g_ptr_array_index (lines, j);
          const char *next_end = strchr (next, '\n');
          gsize next_len = next_end != NULL ? (gsize) (next_end - next) : strlen (next);
          gsize bytes;

          if (is_blank (next, next_len))
            continue;
          if (indent_of (next, next_len, &bytes) < 4)
            break;
          last = j;
        }
      changed = TRUE;
      g_string_append (out, "> ");
      if (*title != '\0')
        g_string_append_printf (out, "**%s:**", title);
      g_string_append_c (out, '\n');
      for (guint j = i + 1; j <= last; j++)
        {
          const char *next = g_ptr_array_index (lines, j);
          const char *next_end = strchr (next, '\n');
          gsize next_len = next_end != NULL ? (gsize) (next_end - next) : strlen (next);
          gsize bytes;

          indent_of (next, next_len, &bytes);
          g_string_append (out, is_blank (next, next_len) ? ">" : "> ");
          if (!is_blank (next, next_len))
            g_string_append_len (out, next + bytes, next_len - bytes);
          g_string_append_c (out, '\n');
        }
      i = last;
    }
  if (!changed)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}
