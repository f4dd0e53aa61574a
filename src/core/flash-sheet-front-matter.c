/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-front-matter.c: YAML front matter (title, tags, reverse), blanked out of the
 * text. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>


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

/* "reverse: terms", "tables" or "all" (also "true", "yes"); anything else adds no reverse card. */
static FlashSheetReverse
parse_reverse (const char *value)
{
  g_autofree char *word = unquote (value);
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (strcmp (lower, "terms") == 0)
    return FLASH_SHEET_REVERSE_TERMS;
  if (strcmp (lower, "tables") == 0)
    return FLASH_SHEET_REVERSE_TABLES;
  if (strcmp (lower, "all") == 0 || strcmp (lower, "true") == 0 || strcmp (lower, "yes") == 0)
    return FLASH_SHEET_REVERSE_TERMS | FLASH_SHEET_REVERSE_TABLES;
  return 0;
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
void
flash_sheet_take_front_matter (char       *text,
                               FlashSheet *sheet)
{
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_autofree char *title = NULL;
  const char *line;
  const char *end = NULL;
  gboolean in_tags = FALSE;
  FlashSheetReverse reverse = 0;

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
          else if (g_str_has_prefix (current, "reverse:"))
            reverse = parse_reverse (current + strlen ("reverse:"));
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
  sheet->reverse = reverse;
}

/* The deck's name without front matter ----------------------------------------------------- */

char *
flash_sheet_name_from_path (const char *source)
{
  g_autofree char *base = g_path_get_basename (source);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  /* "docker/README.md" is the docker sheet: a folder's README or index is named after it. */
  if (g_ascii_strcasecmp (base, "readme") == 0 || g_ascii_strcasecmp (base, "index") == 0)
    {
      g_autofree char *folder = g_path_get_dirname (source);
      g_autofree char *parent = g_path_get_basename (folder);

      if (*parent != '\0' && !g_str_equal (parent, ".") && !g_str_equal (parent, "/"))
        return g_steal_pointer (&parent);
    }
  return g_steal_pointer (&base);
}

/* Whether a level-one heading says it is the sheet's title ("Git Cheat Sheet", "Docker notes"),
 * among others that are sections. */
gboolean
flash_sheet_heading_names_sheet (cmark_node *heading)
{
  static const char *const words[] = {
    "cheat sheet", "cheatsheet", "cheat-sheet", "notes", "guide", "reference", "handbook",
    "tips", "tricks", "primer", "crash course",
  };
  g_autofree char *plain = flash_sheet_node_to_plain (heading);
  g_autofree char *folded = g_utf8_casefold (plain, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}
