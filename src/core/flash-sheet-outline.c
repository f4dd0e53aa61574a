/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-outline.c: an outliner's export (Logseq's pages are one tree of bullets, headings
 * included: "- ## Distances" with its notes indented under it) read as the sheet it stands for,
 * line for line, before cmark-gfm sees it (docs/cheatsheet-format.md, "Outlines"): each heading
 * bullet is a heading, the bullets under it move out one level, and the page's properties
 * ("tags:: astronomy") and the "#card" markers go. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

/* The "#" that opens a heading bullet's heading ("- ## Distances"), after its indent; or NULL. */
static const char *
heading_bullet (const char *line,
                gsize       len)
{
  const char *end = line + len;
  const char *p = line;
  gsize marks = 0;

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (end - p < 4 || p[0] != '-' || p[1] != ' ')
    return NULL;
  p += 2;
  while (p + marks < end && p[marks] == '#')
    marks++;
  return marks >= 1 && marks <= 6 && p + marks < end && p[marks] == ' ' ? p : NULL;
}

/* "tags:: astronomy", "- course:: ASTR 110": a property of the page or of a block. */
static gboolean
is_property (const char *line,
             gsize       len)
{
  const char *end = line + len;
  const char *p = line;

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (end - p >= 2 && p[0] == '-' && p[1] == ' ')
    p += 2;
  if (p >= end || !g_ascii_isalpha (*p))
    return FALSE;
  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '_'))
    p++;
  /* "tags:: x" or "collapsed::" at the line's end; "Vec::new()" is code. */
  return end - p >= 2 && p[0] == ':' && p[1] == ':' && (end - p == 2 || p[2] == ' ');
}

/* Whether @at is outside the code spans of the text from @start (an even count of backticks
 * before it: "`std::vector`" holds its "::"). */
static gboolean
outside_code (const char *start,
              const char *at)
{
  guint ticks = 0;

  for (const char *p = start; p < at; p++)
    ticks += *p == '`';
  return ticks % 2 == 0;
}

char *
flash_sheet_flatten_outline (const char *text)
{
  g_autoptr(GPtrArray) lines = NULL;
  GString *out;
  guint headings = 0;
  gssize base = 0; /* the indent of the bullets under the open heading, or -1 before the first */
  gboolean in_code = FALSE;

  if (strstr (text, "- #") == NULL)
    return NULL;
  lines = flash_sheet_line_starts (text);
  for (guint i = 0; i < lines->len && headings < 2; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *end = strchr (line, '\n');

      headings += heading_bullet (line, end != NULL ? (gsize) (end - line) : strlen (line)) != NULL;
    }
  /* One heading bullet is a list item that happens to start with "#". */
  if (headings < 2)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *end = strchr (line, '\n');
      gsize len = end != NULL ? (gsize) (end - line) : strlen (line);
      gsize indent = strspn (line, " \t");
      const char *heading = in_code ? NULL : heading_bullet (line, len);
      const char *body = line + MIN (indent, len);
      gboolean fence_line = g_str_has_prefix (body, "```") || g_str_has_prefix (body, "~~~")
                            || g_str_has_prefix (body, "- ```") || g_str_has_prefix (body, "- ~~~");

      /* Code in a bullet moves out with the bullet, as it is: no property, no "::". */
      if (fence_line)
        in_code = !in_code;
      if (heading != NULL)
        {
          g_string_append_len (out, heading, line + len - heading);
          base = -1;
        }
      else if (!in_code && !fence_line
               && (is_property (line, len) || (len - indent == 1 && line[indent] == '-')))
        /* A property, or the empty bullet an outliner leaves at a page's end. */
        ;
      else if (indent >= len)
        g_string_append_len (out, line, len);
      else
        {
          gsize strip;
          gsize keep = len;

          if (base < 0)
            base = (gssize) indent;
          strip = MIN (indent, (gsize) base);
          const char *pair;

          /* "What causes the seasons? #card": the outliner's flashcard mark. */
          if (len - strip >= 6 && memcmp (line + len - 6, " #card", 6) == 0)
            keep = len - 6;
          /* "apparent magnitude `m`:: how bright it looks": a block's own property, a term. */
          pair = in_code || fence_line ? NULL : g_strstr_len (line + strip, keep - strip, ":: ");
          if (pair != NULL && outside_code (line + strip, pair))
            {
              g_string_append_len (out, line + strip, pair + 1 - (line + strip));
              g_string_append_len (out, pair + 2, line + keep - (pair + 2));
            }
          else
            g_string_append_len (out, line + strip, keep - strip);
        }
      if (end != NULL)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
