/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-anki-html.c: an Anki note's fields as Flashsheet's Markdown: the tags Anki's editor
 * writes (b, i, code, pre, br, lists, links, paragraphs) become Markdown, every other tag is
 * dropped with its text kept, scripts and styles are dropped whole; and cloze deletions. Fields
 * come from strangers' packages: nothing here runs, loads or links to what they reference. */
#include "flash-anki.h"

#include <string.h>

typedef struct
{
  GString *out;
  GArray  *lists;   /* int: 0 for a bulleted list, else the next number of a numbered one */
  gboolean in_pre;
  gboolean in_code;
  char    *href;    /* the link being written, or NULL */
  gsize    link_at; /* where its text starts in out */
} Writer;

static void
append_text (Writer     *writer,
             const char *text,
             gsize       length)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
    { "&apos;", "'" }, { "&nbsp;", " " },
  };

  for (gsize i = 0; i < length;)
    {
      gboolean done = FALSE;

      if (text[i] == '&')
        {
          for (guint e = 0; e < G_N_ELEMENTS (entities) && !done; e++)
            {
              gsize n = strlen (entities[e].name);

              if (i + n <= length && strncmp (text + i, entities[e].name, n) == 0)
                {
                  g_string_append (writer->out, entities[e].text);
                  i += n;
                  done = TRUE;
                }
            }
          if (!done && i + 2 < length && text[i + 1] == '#')
            {
              const char *end = memchr (text + i, ';', MIN (length - i, 12));
              gboolean hex = text[i + 2] == 'x' || text[i + 2] == 'X';
              const char *digit = text + i + (hex ? 3 : 2);
              guint64 c = 0;
              gboolean digits = end != NULL && digit < end;

              for (const char *d = digit; digits && d < end; d++)
                {
                  int value = hex ? g_ascii_xdigit_value (*d) : g_ascii_digit_value (*d);

                  digits = value >= 0;
                  c = c * (hex ? 16 : 10) + (guint64) MAX (value, 0);
                  digits = digits && c <= 0x10FFFF;
                }
              if (digits)
                {
                  /* Control characters other than a line break or a tab are left out. */
                  if (g_unichar_validate ((gunichar) c) && (c >= 0x20 || c == '\n' || c == '\t')
                      && c != 0x7f)
                    g_string_append_unichar (writer->out, (gunichar) c);
                  i = (gsize) (end - text) + 1;
                  done = TRUE;
                }
            }
        }
      if (done)
        continue;
      /* Anki's editor keeps line breaks as <br>; a raw one is a space in HTML, kept in code. */
      if ((text[i] == '\n' || text[i] == '\r') && !writer->in_pre)
        g_string_append_c (writer->out, ' ');
      else
        g_string_append_c (writer->out, text[i]);
      i++;
    }
}

/* A line break that starts a new block: at most one blank line between blocks. */
static void
block_break (Writer *writer)
{
  while (writer->out->len > 0 && writer->out->str[writer->out->len - 1] == ' ')
    g_string_truncate (writer->out, writer->out->len - 1);
  /* A link being written starts no later than what is left. */
  writer->link_at = MIN (writer->link_at, writer->out->len);
  if (writer->out->len == 0 || g_str_has_suffix (writer->out->str, "\n\n"))
    return;
  g_string_append (writer->out, g_str_has_suffix (writer->out->str, "\n") ? "\n" : "\n\n");
}

static void
line_break (Writer *writer)
{
  if (writer->lists->len > 0)
    g_string_append_printf (writer->out, "\n%*s", (int) writer->lists->len * 2, "");
  else
    g_string_append (writer->out, "\n");
}

/* The value of attribute @name in the tag text @tag (between < and >), or NULL. */
static char *
attribute (const char *tag,
           gsize       length,
           const char *name)
{
  g_autofree char *copy = g_strndup (tag, length);
  g_autofree char *lower = g_ascii_strdown (copy, -1);
  g_autofree char *needle = g_strconcat (name, "=", NULL);
  const char *at = strstr (lower, needle);
  const char *value;
  char quote;
  const char *end;

  if (at == NULL)
    return NULL;
  value = copy + (at - lower) + strlen (needle);
  quote = *value == '"' || *value == '\'' ? *value++ : ' ';
  end = strchr (value, quote);
  return g_strndup (value, end != NULL ? (gsize) (end - value) : strlen (value));
}

static gboolean
is_tag (const char *name,
        const char *wanted)
{
  return g_ascii_strcasecmp (name, wanted) == 0;
}

static void
open_or_close (Writer     *writer,
               const char *name,
               gboolean    closing,
               const char *tag,
               gsize       length)
{
  if (is_tag (name, "b") || is_tag (name, "strong"))
    g_string_append (writer->out, "**");
  else if (is_tag (name, "i") || is_tag (name, "em"))
    g_string_append_c (writer->out, '*');
  else if (is_tag (name, "code") && !writer->in_pre)
    {
      writer->in_code = !closing;
      g_string_append_c (writer->out, '`');
    }
  else if (is_tag (name, "pre"))
    {
      block_break (writer);
      g_string_append (writer->out, closing ? "\n```" : "```\n");
      writer->in_pre = !closing;
      if (closing)
        block_break (writer);
    }
  else if (is_tag (name, "br"))
    {
      if (writer->in_pre)
        g_string_append_c (writer->out, '\n');
      else
        line_break (writer);
    }
  else if (is_tag (name, "ul") || is_tag (name, "ol"))
    {
      if (!closing)
        {
          int kind = is_tag (name, "ol") ? 1 : 0;

          block_break (writer);
          g_array_append_val (writer->lists, kind);
        }
      else if (writer->lists->len > 0)
        {
          g_array_set_size (writer->lists, writer->lists->len - 1);
          block_break (writer);
        }
    }
  else if (is_tag (name, "li") && !closing && writer->lists->len > 0)
    {
      int *kind = &g_array_index (writer->lists, int, writer->lists->len - 1);

      if (writer->out->len > 0 && !g_str_has_suffix (writer->out->str, "\n"))
        g_string_append_c (writer->out, '\n');
      g_string_append_printf (writer->out, "%*s", (int) (writer->lists->len - 1) * 2, "");
      if (*kind > 0)
        g_string_append_printf (writer->out, "%d. ", (*kind)++);
      else
        g_string_append (writer->out, "- ");
    }
  else if (is_tag (name, "a"))
    {
      if (!closing)
        {
          g_free (writer->href);
          writer->href = attribute (tag, length, "href");
          writer->link_at = writer->out->len;
        }
      else if (writer->href != NULL)
        {
          writer->link_at = MIN (writer->link_at, writer->out->len);
          /* Only links a reader can follow safely stay links; the text stays either way. */
          if (g_str_has_prefix (writer->href, "https://")
              || g_str_has_prefix (writer->href, "http://")
              || g_str_has_prefix (writer->href, "mailto:"))
            {
              g_string_insert_c (writer->out, (gssize) writer->link_at, '[');
              g_string_append_printf (writer->out, "](%s)", writer->href);
            }
          g_clear_pointer (&writer->href, g_free);
        }
    }
  else if (is_tag (name, "p") || is_tag (name, "div") || is_tag (name, "h1") || is_tag (name, "h2")
           || is_tag (name, "h3") || is_tag (name, "table") || is_tag (name, "tr")
           || is_tag (name, "blockquote"))
    block_break (writer);
}

char *
flash_anki_html_to_markdown (const char *html)
{
  Writer writer = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (int)) };
  const char *p = html != NULL ? html : "";

  while (*p != '\0')
    {
      const char *lt = strchr (p, '<');
      const char *gt;
      gboolean closing;
      const char *name;
      gsize name_length = 0;
      char tag_name[16];

      if (lt == NULL)
        {
          append_text (&writer, p, strlen (p));
          break;
        }
      append_text (&writer, p, (gsize) (lt - p));
      if (g_str_has_prefix (lt, "<!--"))
        {
          const char *end = strstr (lt, "-->");

          p = end != NULL ? end + 3 : lt + strlen (lt);
          continue;
        }
      gt = strchr (lt, '>');
      if (gt == NULL)
        break;
      closing = lt[1] == '/';
      name = lt + 1 + closing;
      while (g_ascii_isalnum (name[name_length]) && name_length + 1 < sizeof tag_name)
        name_length++;
      memcpy (tag_name, name, name_length);
      tag_name[name_length] = '\0';
      p = gt + 1;
      /* Scripts and styles go whole, their text with them. */
      if (!closing && (is_tag (tag_name, "script") || is_tag (tag_name, "style")))
        {
          const char *end = p;
          const char *after = NULL;

          /* The closing tag, in any letter case, without copying the rest of the field. */
          while ((end = strstr (end, "</")) != NULL)
            {
              if (g_ascii_strncasecmp (end + 2, tag_name, name_length) == 0)
                {
                  after = strchr (end, '>');
                  break;
                }
              end += 2;
            }
          p = after != NULL ? after + 1 : p + strlen (p);
          continue;
        }
      if (name_length > 0)
        open_or_close (&writer, tag_name, closing, lt + 1, (gsize) (gt - lt - 1));
    }
  g_free (writer.href);
  g_array_unref (writer.lists);
  return g_strstrip (g_string_free (writer.out, FALSE));
}

/* Anki's cloze deletions: {{cN::text}} or {{cN::text::hint}}. */
char *
flash_anki_cloze (const char *text,
                  int         number,
                  gboolean    answer)
{
  GString *out = g_string_new (NULL);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *open = strstr (p, "{{c");
      const char *colon;
      const char *close;
      const char *hint;
      int n;

      if (open == NULL || !g_ascii_isdigit (open[3]))
        {
          g_string_append (out, p);
          break;
        }
      n = (int) g_ascii_strtoll (open + 3, (char **) &colon, 10);
      close = strstr (open, "}}");
      if (close == NULL)
        {
          /* No deletion closes after here: the rest is text, scanned once. */
          g_string_append (out, p);
          break;
        }
      if (strncmp (colon, "::", 2) != 0)
        {
          g_string_append_len (out, p, open + 3 - p);
          p = open + 3;
          continue;
        }
      g_string_append_len (out, p, open - p);
      colon += 2;
      hint = g_strstr_len (colon, close - colon, "::");
      if (n == number && !answer)
        {
          if (hint != NULL)
            g_string_append_printf (out, "[%.*s]", (int) (close - hint - 2), hint + 2);
          else
            g_string_append (out, "[...]");
        }
      else
        {
          gsize length = (gsize) ((hint != NULL ? hint : close) - colon);

          if (n == number)
            g_string_append (out, "**");
          g_string_append_len (out, colon, (gssize) length);
          if (n == number)
            g_string_append (out, "**");
        }
      p = close + 2;
    }
  return g_string_free (out, FALSE);
}

/* The cloze numbers @text holds, ascending, without repeats. */
GArray *
flash_anki_cloze_numbers (const char *text)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (int));
  const char *p = text != NULL ? text : "";

  while ((p = strstr (p, "{{c")) != NULL)
    {
      char *end = NULL;
      int n = (int) g_ascii_strtoll (p + 3, &end, 10);
      gboolean seen = FALSE;

      p += 3;
      if (end == p || strncmp (end, "::", 2) != 0 || n <= 0 || n > 500)
        continue;
      for (guint i = 0; i < numbers->len && !seen; i++)
        seen = g_array_index (numbers, int, i) == n;
      if (!seen)
        {
          guint at = 0;

          while (at < numbers->len && g_array_index (numbers, int, at) < n)
            at++;
          g_array_insert_val (numbers, at, n);
        }
    }
  return numbers;
}
