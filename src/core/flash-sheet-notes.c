/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-notes.c: the author's notes around the text, line for line, before cmark-gfm sees
 * it (docs/cheatsheet-format.md, "What is ignored"): Obsidian's comments (`%% … %%`) and lines of
 * tags (`#grammar #verbs`) go, its wiki links (`[[Page|name]]`) show as their names, and a
 * footnote's text takes the place of its reference
 * ("…alkane.[^1]" reads "…alkane. (Lindlar's catalyst stops at the alkene.)"), its definition
 * line left blank. Code, fenced or in spans, is left as it is. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

/* A footnote's text longer than this is left out rather than put in the sentence. */
#define LONGEST_FOOTNOTE 240

/* "[^label]: text" at the start of @line: the label's length, and where the text starts. */
static gsize
footnote_definition (const char  *line,
                     gsize        len,
                     const char **text)
{
  const char *close;

  /* (Only this line is looked at: a file of "[^a" lines stays linear.) */
  if (len < 4 || !g_str_has_prefix (line, "[^")
      || (close = memchr (line + 2, ']', MIN (len - 2, 66))) == NULL || close == line + 2
      || close + 1 >= line + len || close[1] != ':')
    return 0;
  *text = close + 2;
  *text += strspn (*text, " \t");
  return (gsize) (close - (line + 2));
}

/* Whether @line (of @len bytes) opens or closes a fenced block, indented or not, as CommonMark
 * reads fences; @fence and @marker carry the open one's length and character. */
static gboolean
toggles_fence (const char *line,
               gsize       len,
               gsize      *fence,
               char       *marker)
{
  char found = 0;
  gsize n = flash_sheet_fence_length (line, line + len, &found);

  if (n == 0 || (*fence > 0 && (found != *marker || n < *fence)))
    return FALSE;
  if (*fence == 0)
    {
      *fence = n;
      *marker = found;
    }
  else
    *fence = 0;
  return TRUE;
}

/* Whether a footnote's definition goes on, indented, on the line after it (@next, when @exists):
 * such a note is left as it is. */
static gboolean
continues (const char *next,
           gboolean    exists)
{
  return exists && (g_str_has_prefix (next, "  ") || next[0] == '\t')
         && next[strspn (next, " \t")] != '\n' && next[strspn (next, " \t")] != '\0';
}

/* "#grammar #verbs #b1": a line of tags and nothing else. */
static gboolean
is_tag_line (const char *line,
             gsize       len)
{
  gsize i = 0;
  guint tags = 0;

  while (i < len)
    {
      if (line[i] == ' ' || line[i] == '\t')
        {
          i++;
          continue;
        }
      if (line[i] != '#' || i + 1 >= len || !g_ascii_isalpha (line[i + 1]))
        return FALSE;
      for (i++; i < len && (g_ascii_isalnum (line[i]) || strchr ("_-/", line[i]) != NULL); i++)
        ;
      if (i < len && line[i] != ' ' && line[i] != '\t')
        return FALSE;
      tags++;
    }
  return tags > 0;
}

/* Whether a line opens with "#" and a letter, as only a line of tags (or a paragraph that
 * CommonMark does not make a heading) does. */
static gboolean
has_tag_line (const char *text)
{
  for (const char *p = text; p != NULL; p = strchr (p, '\n'))
    {
      if (*p == '\n')
        p++;
      if (p[0] == '#' && g_ascii_isalpha (p[1]))
        return TRUE;
    }
  return FALSE;
}

/* Every footnote defined on a line of its own: label → text (the rest of that line). */
static GHashTable *
collect_footnotes (GPtrArray *lines)
{
  GHashTable *notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize fence = 0;
  char marker = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *end = strchr (line, '\n');
      gsize len = end != NULL ? (gsize) (end - line) : strlen (line);
      const char *text = NULL;
      gsize label;

      if (toggles_fence (line, len, &fence, &marker))
        continue;
      if (fence == 0 && (label = footnote_definition (line, len, &text)) > 0
          && !continues (g_ptr_array_index (lines, MIN (i + 1, lines->len - 1)),
                         i + 1 < lines->len))
        g_hash_table_replace (notes, g_strndup (line + 2, label),
                              g_strstrip (g_strndup (text, line + len - text)));
    }
  return notes;
}

/* Appends @line (@len bytes) to @out without its comments, with its footnote references
 * replaced; *@in_comment carries a comment on to the next line. */
static void
append_line (GString     *out,
             const char  *line,
             gsize        len,
             GHashTable  *notes,
             gboolean    *in_comment)
{
  gboolean code = FALSE;
  /* The next "]]" and the last "[" before it, and the next "]", each found once for the line, so
   * that a line of a thousand "[" stays linear. */
  const char *wiki_close = NULL;
  const char *wiki_open = NULL;
  const char *bracket = NULL;
  const char *cloze_close = NULL;
  const char *cloze_tick = NULL; /* the next "`" after a cloze's "::", or the line's end */
  gboolean no_wiki_close = FALSE;
  gboolean no_bracket = FALSE;
  gboolean no_cloze_close = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (*in_comment)
        {
          if (line[i] == '%' && i + 1 < len && line[i + 1] == '%')
            {
              *in_comment = FALSE;
              i++;
            }
          continue;
        }
      if (line[i] == '`')
        code = !code;
      /* "%% to do %%" opens at the line's start or after a blank ("100%%" is text). */
      if (!code && line[i] == '%' && i + 1 < len && line[i + 1] == '%'
          && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
        {
          *in_comment = TRUE;
          i++;
          continue;
        }
      /* "{{c1::thick ascending limb}}", Anki's cloze (a hint after a second "::" left out): the
       * hidden words as code, which a list of such lines blanks as it does a tip's code. */
      if (!code && !no_cloze_close && line[i] == '{' && i + 4 < len && line[i + 1] == '{'
          && line[i + 2] == 'c' && g_ascii_isdigit (line[i + 3]))
        {
          const char *start = line + i + 3 + strspn (line + i + 3, "0123456789");
          const char *close = NULL;

          if (g_str_has_prefix (start, "::"))
            {
              if (cloze_close == NULL || cloze_close < start + 2)
                cloze_close = g_strstr_len (start + 2, line + len - start - 2, "}}");
              no_cloze_close = cloze_close == NULL;
              close = cloze_close;
            }

          /* Clozes that share one far "}}" share the search for a "`" before it too. */
          if (close != NULL && close > start + 2
              && (cloze_tick == NULL || cloze_tick < start + 2))
            {
              cloze_tick = memchr (start + 2, '`', (gsize) (line + len - (start + 2)));
              if (cloze_tick == NULL)
                cloze_tick = line + len;
            }
          if (close != NULL && close > start + 2 && cloze_tick > close)
            {
              const char *hint = g_strstr_len (start + 2, close - start - 2, "::");
              const char *end = hint != NULL ? hint : close;

              g_string_append_c (out, '`');
              g_string_append_len (out, start + 2, end - (start + 2));
              g_string_append_c (out, '`');
              i = (gsize) (close + 1 - line);
              continue;
            }
        }
      /* "![[diagram.png]]", "![[other note]]": an embed of another file, which a card cannot
       * show (and never fetches), goes whole. */
      if (!code && line[i] == '!' && i + 2 < len && line[i + 1] == '[' && line[i + 2] == '['
          && !no_wiki_close)
        {
          const char *close = g_strstr_len (line + i + 3, len - i - 3, "]]");

          if (close != NULL && memchr (line + i + 3, '[', close - (line + i + 3)) == NULL)
            {
              i = (gsize) (close + 1 - line);
              /* One blank is left of the two around it. */
              if (i + 1 < len && line[i + 1] == ' ' && out->len > 0
                  && out->str[out->len - 1] == ' ')
                i++;
              continue;
            }
        }
      /* "==marked words==", a highlight: strong, as it stands out on the page. It opens after
       * a blank or punctuation and closes before one, so that "x==y" stays as it is. */
      if (!code && line[i] == '=' && i + 2 < len && line[i + 1] == '='
          && (i == 0 || !g_ascii_isalnum (line[i - 1])) && line[i + 2] != ' '
          && line[i + 2] != '=')
        {
          const char *close = g_strstr_len (line + i + 2, len - i - 2, "==");
          gsize after = close != NULL ? (gsize) (close + 2 - line) : 0;

          if (close != NULL && close[-1] != ' ' && (after >= len || !g_ascii_isalnum (line[after]))
              && memchr (line + i + 2, '`', close - (line + i + 2)) == NULL)
            {
              g_string_append (out, "**");
              g_string_append_len (out, line + i + 2, close - (line + i + 2));
              g_string_append (out, "**");
              i = after - 1;
              continue;
            }
        }
      /* "[[Subjonctif]]", "[[notes/verbs|the verbs]]": a wiki link shows as its name; a
       * regular expression's class ("[[:alpha:]]", "[[^abc]]") is no link. */
      if (!code && !no_wiki_close && line[i] == '[' && i + 1 < len && line[i + 1] == '['
          && !(i + 2 < len && (line[i + 2] == ':' || line[i + 2] == '^' || line[i + 2] == '=')))
        {
          const char *start = line + i + 2;
          const char *close;

          if (wiki_close == NULL || wiki_close < start)
            {
              wiki_close = g_strstr_len (start, len - i - 2, "]]");
              no_wiki_close = wiki_close == NULL;
              for (wiki_open = wiki_close; wiki_open != NULL && wiki_open > line; wiki_open--)
                if (wiki_open[-1] == '[')
                  break;
              wiki_open = wiki_open != NULL && wiki_open > line ? wiki_open - 1 : NULL;
            }
          close = wiki_close;
          if (close != NULL && close > start && (wiki_open == NULL || wiki_open < start))
            {
              const char *bar = memchr (start, '|', close - start);

              if (bar != NULL)
                start = bar + 1;
              g_string_append_len (out, start, close - start);
              i = (gsize) (close + 1 - line);
              continue;
            }
        }
      if (!code && !no_bracket && line[i] == '[' && i + 1 < len && line[i + 1] == '^'
          && g_hash_table_size (notes) > 0)
        {
          g_autofree char *label = NULL;
          const char *note = NULL;

          if (bracket == NULL || bracket < line + i)
            {
              bracket = memchr (line + i, ']', len - i);
              no_bracket = bracket == NULL;
            }
          /* A label is a word or a number, not a line. */
          if (bracket != NULL && bracket - (line + i + 2) <= 64)
            label = g_strndup (line + i + 2, bracket - (line + i + 2));
          if (label != NULL)
            note = g_hash_table_lookup (notes, label);
          if (note != NULL)
            {
              if (*note != '\0' && g_utf8_strlen (note, -1) <= LONGEST_FOOTNOTE)
                g_string_append_printf (out, " (%s)", note);
              i = (gsize) (bracket - line);
              continue;
            }
        }
      g_string_append_c (out, line[i]);
    }
}

char *
flash_sheet_take_notes (const char *text)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) notes = NULL;
  GString *out;
  gboolean in_comment = FALSE;
  gsize fence = 0;
  char marker = 0;

  if (strstr (text, "%%") == NULL && strstr (text, "[^") == NULL && strstr (text, "[[") == NULL
      && strstr (text, "{{c") == NULL && strstr (text, "==") == NULL && !has_tag_line (text))
    return NULL;
  lines = flash_sheet_line_starts (text);
  notes = collect_footnotes (lines);
  out = g_string_sized_new (strlen (text) + 64);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *end = strchr (line, '\n');
      gsize len = end != NULL ? (gsize) (end - line) : strlen (line);
      const char *note_text = NULL;
      gboolean fence_line = !in_comment && toggles_fence (line, len, &fence, &marker);
      gsize label;

      if (!fence_line && fence == 0 && !in_comment)
        {
          g_autofree char *name = NULL;

          label = footnote_definition (line, len, &note_text);
          name = label > 0 ? g_strndup (line + 2, label) : NULL;
          /* A used definition, or a line of tags: a blank line keeps the lines counted. */
          if ((name != NULL && g_hash_table_contains (notes, name)) || is_tag_line (line, len))
            len = 0;
        }
      /* Code (fenced, or indented by four) is left as it is. */
      if (fence_line || fence != 0
          || (!in_comment && (g_str_has_prefix (line, "    ") || line[0] == '\t')))
        g_string_append_len (out, line, len);
      else
        append_line (out, line, len, notes, &in_comment);
      if (end != NULL)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
