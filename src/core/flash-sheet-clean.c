/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-clean.c: what real-world cheatsheets carry that is not content: attribute lists,
 * separator rows, badges, navigation and in-page links (docs/cheatsheet-format.md). */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

/* Attribute lists ----------------------------------------------------------------------------- */

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* One token of an attribute list: .class, #id or key=value (the value bare or quoted). Returns
 * where it ends, or NULL. */
static const char *
scan_attribute (const char *p,
                const char *end)
{
  const char *start;

  if (*p == '.' || *p == '#')
    {
      start = ++p;
      while (p < end && is_name_char (*p))
        p++;
      return p > start ? p : NULL;
    }
  start = p;
  while (p < end && (is_name_char (*p) || *p == ':'))
    p++;
  if (p == start || p >= end || *p != '=' || !g_ascii_isalpha (*start))
    return NULL;
  p++;
  if (p < end && (*p == '"' || *p == '\''))
    {
      const char *close = memchr (p + 1, *p, (gsize) (end - p - 1));

      return close != NULL ? close + 1 : NULL;
    }
  start = p;
  while (p < end && !g_ascii_isspace (*p) && *p != '"' && *p != '\'')
    p++;
  return p > start ? p : NULL;
}

/* The text between "{" and "}" is a kramdown ("{: .a}"), Pandoc or markdown-it-attrs ("{.a #b
 * k=v}") attribute list. */
static gboolean
is_attribute_list (const char *p,
                   const char *end)
{
  guint tokens = 0;

  if (p < end && *p == ':')
    p++;
  while (p < end)
    {
      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if ((p = scan_attribute (p, end)) == NULL)
        return FALSE;
      tokens++;
      if (p < end && !g_ascii_isspace (*p))
        return FALSE;
    }
  return tokens > 0;
}

gsize
flash_sheet_fence_length (const char *line,
                          const char *end,
                          char       *marker)
{
  const char *p = line;
  gsize n = 0;

  while (p < end && *p == ' ' && p - line < 3)
    p++;
  if (p >= end || (*p != '`' && *p != '~'))
    return 0;
  *marker = *p;
  while (p + n < end && p[n] == *marker)
    n++;
  return n >= 3 ? n : 0;
}

/* Where an attribute list at the end of the line [line, end) starts (with the blanks before
 * it), or NULL. A line that is only one gives its start. */
static const char *
trailing_attributes (const char *line,
                     const char *end)
{
  const char *close = end;
  const char *open;
  guint ticks = 0;

  while (close > line && g_ascii_isspace (close[-1]))
    close--;
  if (close == line || close[-1] != '}')
    return NULL;
  close--;
  for (open = close; open > line && open[-1] != '{' && open[-1] != '}'; open--)
    ;
  if (open == line || open[-1] != '{')
    return NULL;
  open--;
  /* "{{ x }}" is a template, and a "{" inside a code span is code. */
  if ((open > line && open[-1] == '{') || !is_attribute_list (open + 1, close))
    return NULL;
  for (const char *p = line; p < open; p++)
    ticks += *p == '`';
  if (ticks % 2 != 0)
    return NULL;
  while (open > line && (open[-1] == ' ' || open[-1] == '\t'))
    open--;
  return open;
}

/* A line that is only a Liquid tag of a Jekyll page ("{% raw %}", "{%- include toc.html -%}"):
 * the site's template, which a published page never shows. */
static gboolean
is_liquid_line (const char *line,
                const char *end)
{
  /* At the line's start only: an indented one is code in a list item or an indented block. */
  while (end > line && g_ascii_isspace (end[-1]))
    end--;
  return end - line >= 5 && line[0] == '{' && line[1] == '%' && end[-1] == '}' && end[-2] == '%'
         && memchr (line + 2, '\n', (gsize) (end - line - 2)) == NULL
         && g_strstr_len (line + 2, end - line - 4, "%}") == NULL;
}

char *
flash_sheet_strip_attributes (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 1);
  gsize fence = 0;
  char fence_marker = 0;
  const char *line = text;

  while (*line != '\0')
    {
      const char *newline = strchr (line, '\n');
      const char *end = newline != NULL ? newline : line + strlen (line);
      const char *cut = NULL;
      char marker = 0;
      gsize n = flash_sheet_fence_length (line, end, &marker);

      if (fence > 0)
        {
          if (n >= fence && marker == fence_marker)
            fence = 0;
        }
      else if (n > 0)
        {
          fence = n;
          fence_marker = marker;
        }
      else if (is_liquid_line (line, end))
        /* The line stays, empty, so that every card keeps its line number. */
        cut = line;
      else
        cut = trailing_attributes (line, end);
      g_string_append_len (out, line, (cut != NULL ? cut : end) - line);
      if (newline == NULL)
        break;
      g_string_append_c (out, '\n');
      line = newline + 1;
    }
  return g_string_free (out, FALSE);
}

/* Separator rows ------------------------------------------------------------------------------ */

gboolean
flash_sheet_is_separator_row (cmark_node *row)
{
  gboolean dashes = FALSE;

  for (cmark_node *cell = cmark_node_first_child (row); cell; cell = cmark_node_next (cell))
    for (cmark_node *node = cmark_node_first_child (cell); node; node = cmark_node_next (node))
      {
        const char *literal;

        /* A code span "---" is an operator, not a divider. */
        if (!flash_sheet_node_is (node, "text"))
          return FALSE;
        for (literal = cmark_node_get_literal (node); *literal != '\0'; literal++)
          {
            if (*literal == '-' || *literal == '=')
              dashes = TRUE;
            else if (*literal != ':' && *literal != '|' && *literal != '+'
                     && !g_ascii_isspace (*literal))
              return FALSE;
          }
      }
  return dashes;
}

/* Navigation and badges ----------------------------------------------------------------------- */

/* @plain case-folded, without the blanks around it and one trailing ":". */
static char *
fold_heading (const char *plain)
{
  char *folded = g_utf8_casefold (plain, -1);
  char *p = folded;

  /* "📝 License", "→ See also": a symbol in front is decoration. */
  while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  memmove (folded, p, strlen (p) + 1);
  g_strstrip (folded);
  if (g_str_has_suffix (folded, ":"))
    folded[strlen (folded) - 1] = '\0';
  return g_strstrip (folded);
}

static gboolean
is_one_of (const char         *folded,
           const char * const *names,
           gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (strcmp (folded, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The longest name the two lists below hold, with room for blanks and a ":" around it: longer
 * headings are neither, and are not folded at all (a big sheet has thousands). */
#define LONGEST_NAME 24

gboolean
flash_sheet_is_navigation_heading (const char *plain,
                                   gboolean    nested)
{
  static const char *const names[] = {
    "contents", "table of contents", "toc", "see also", "also see", "license", "licence",
    "further reading", "contributing", "contributors", "acknowledgements", "acknowledgments",
    "credits", "changelog", "wrapping up", "final thoughts", "closing thoughts", "conclusion",
    "in conclusion", "todo", "todos", "to do", "to-do",
    "author", "authors", "about the author", "about me", "reporting bugs", "copyright",
    "how to contribute", "sponsors", "star history",
    /* The same in the languages sheets are written in most after English, where the word means
     * nothing else ("目录" is also a directory, "índice" an index). */
    "目次", "贡献", "贡献指南", "参与贡献", "许可证", "开源协议", "致谢", "ライセンス",
    "inhaltsverzeichnis", "lizenz", "licencia", "sommaire", "table des matières",
  };
  /* A page's own "References" or "Index" is at its top; under a topic ("Borrowing ›
   * References") the word names the topic's subject. */
  static const char *const top_names[] = { "index", "references", "comments" };
  g_autofree char *folded = NULL;

  if (strlen (plain) > LONGEST_NAME)
    return FALSE;
  folded = fold_heading (plain);
  return is_one_of (folded, names, G_N_ELEMENTS (names))
         || (!nested && is_one_of (folded, top_names, G_N_ELEMENTS (top_names)));
}

gboolean
flash_sheet_is_introduction (const char *plain,
                             GPtrArray  *blocks)
{
  g_autofree char *folded = NULL;

  if (plain == NULL || strlen (plain) > LONGEST_NAME || blocks->len == 0)
    return FALSE;
  folded = fold_heading (plain);
  if (!g_str_equal (folded, "introduction") && !g_str_equal (folded, "intro"))
    return FALSE;
  /* Prose that opens the post; a list, code or a table under it are things to learn. */
  for (guint i = 0; i < blocks->len; i++)
    if (cmark_node_get_type (g_ptr_array_index (blocks, i)) != CMARK_NODE_PARAGRAPH)
      return FALSE;
  return TRUE;
}

gboolean
flash_sheet_is_links_heading (const char *plain)
{
  /* Words that name a section of knowledge in some sheets ("Resources" in Kubernetes): such a
   * section goes only when it is a list of links. */
  static const char *const names[] = {
    "related", "related sheets", "related pages", "related links", "links", "useful links",
    "external links", "resources", "more resources", "further resources", "more",
    "relevant links", "helpful links", "other resources", "additional resources", "sources",
    "参考", "参考资料", "相关链接", "参考文献", "参考リンク",
  };
  g_autofree char *folded = NULL;

  if (strlen (plain) > LONGEST_NAME)
    return FALSE;
  folded = fold_heading (plain);
  return is_one_of (folded, names, G_N_ELEMENTS (names));
}

/* Whether every item of @list opens with a link: "[jq manual](…) (jqlang.github.io)". */
static gboolean
links_list (cmark_node *list)
{
  if (cmark_node_get_type (list) != CMARK_NODE_LIST || cmark_node_first_child (list) == NULL)
    return FALSE;
  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *paragraph = cmark_node_first_child (item);
      cmark_node *first = paragraph != NULL ? cmark_node_first_child (paragraph) : NULL;

      if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_LINK)
        return FALSE;
    }
  return TRUE;
}

gboolean
flash_sheet_is_links_section (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    if (!links_list (g_ptr_array_index (blocks, i)))
      return FALSE;
  return blocks->len > 0;
}

/* "Share this: [Twitter](…) [LinkedIn](…)": a short label ending in ":", then two links or more
 * with nothing but spaces and punctuation between them. */
static gboolean
is_link_row (cmark_node *paragraph)
{
  cmark_node *node = cmark_node_first_child (paragraph);
  const char *label = node != NULL && cmark_node_get_type (node) == CMARK_NODE_TEXT
                      ? cmark_node_get_literal (node) : NULL;
  g_autofree char *trimmed = label != NULL ? g_strstrip (g_strdup (label)) : NULL;
  guint links = 0;

  if (trimmed == NULL || !g_str_has_suffix (trimmed, ":") || strlen (trimmed) > 24)
    return FALSE;
  for (node = cmark_node_next (node); node; node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_LINK)
        links++;
      else if (type == CMARK_NODE_TEXT)
        {
          for (const char *p = cmark_node_get_literal (node); *p != '\0'; p++)
            if (g_ascii_isalnum (*p))
              return FALSE;
        }
      else if (type != CMARK_NODE_SOFTBREAK)
        return FALSE;
    }
  return links >= 2;
}

/* Label headings --------------------------------------------------------------------------- */

/* "2.1 Structs", "3. Types", "4) Loops", "Q4. What…": the number is the page's order, not the
 * subject. A bare "2 Types" keeps its number: "100 days of code" and "3 ways to…" mean it. */
void
flash_sheet_strip_section_number (char *heading)
{
  const char *p = heading;
  gboolean marked = FALSE;

  /* "Q4. What is …": a question's number. */
  if ((p[0] == 'Q' || p[0] == 'q') && g_ascii_isdigit (p[1]))
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
      if ((*p == '.' || *p == ':' || *p == ')') && p[1] == ' ')
        {
          p++;
          while (*p == ' ')
            p++;
          if (*p != '\0')
            memmove (heading, p, strlen (p) + 1);
        }
      return;
    }
  if (!g_ascii_isdigit (*p))
    return;
  for (;;)
    {
      while (g_ascii_isdigit (*p))
        p++;
      if (p[0] == '\\' && (p[1] == '.' || p[1] == ')'))
        p++;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        {
          p++;
          marked = TRUE;
          continue;
        }
      if (*p == '.' || *p == ')')
        {
          p++;
          marked = TRUE;
        }
      break;
    }
  if (!marked || *p != ' ')
    return;
  while (*p == ' ')
    p++;
  /* Something has to be left that is not a number: "1.5 " alone stays. */
  if (*p == '\0' || g_ascii_isdigit (*p))
    return;
  memmove (heading, p, strlen (p) + 1);
}

gboolean
flash_sheet_is_label_heading (const char *plain)
{
  static const char *const names[] = {
    "example", "examples", "usage", "or", "inline", "diagram", "output", "notes", "note",
    "result", "results", "sample", "demo", "answer", "solution",
  };
  g_autofree char *folded = NULL;
  gsize len = strlen (plain);

  while (len > 0 && g_ascii_isspace (plain[len - 1]))
    len--;
  /* A caption ends in ":"; a label is one of the words a sheet repeats under many headings. */
  if (len > 1 && plain[len - 1] == ':')
    return TRUE;
  if (len > LONGEST_NAME)
    return FALSE;
  folded = fold_heading (plain);
  return is_one_of (folded, names, G_N_ELEMENTS (names));
}

/* Whether every word of @text, two words or more, opens with a capital letter. */
static gboolean
is_title_case (const char *text)
{
  guint words = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (p == text || p[-1] == ' ')
      {
        if (!g_ascii_isupper (*p))
          return FALSE;
        words++;
      }
  return words >= 2;
}

char *
flash_sheet_name_after_parent (const char *parent,
                               const char *label)
{
  g_autofree char *own = g_strstrip (g_strdup (label));
  gsize len = strlen (own);

  if (len > 0 && own[len - 1] == ':')
    own[--len] = '\0';
  g_strchomp (own);
  /* "Examples" reads as "Lists — examples"; "JSON", "`ls`" and a name in title case ("Redis
   * Healthcheck", where "Redis" may be a name) stay as written. */
  if (g_ascii_isupper (own[0]) && g_ascii_islower (own[1]) && !is_title_case (own))
    own[0] = g_ascii_tolower (own[0]);
  return g_strconcat (parent, " — ", own, NULL);
}

/* Only images (and links around them): badges and logos. */
static gboolean
only_images (cmark_node *paragraph)
{
  cmark_iter *iter = cmark_iter_new (paragraph);
  cmark_event_type ev;
  gboolean images = FALSE;
  gboolean other = FALSE;
  guint in_image = 0;

  while (!other && (ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_IMAGE)
        {
          in_image += ev == CMARK_EVENT_ENTER ? 1 : -1;
          images = TRUE;
        }
      else if (ev != CMARK_EVENT_ENTER || in_image > 0 || node == paragraph)
        continue;
      else if (type == CMARK_NODE_TEXT)
        {
          for (const char *p = cmark_node_get_literal (node); *p != '\0'; p++)
            if (!g_ascii_isspace (*p))
              other = TRUE;
        }
      else if (type != CMARK_NODE_LINK && type != CMARK_NODE_SOFTBREAK
               && type != CMARK_NODE_LINEBREAK)
        other = TRUE;
    }
  cmark_iter_free (iter);
  return images && !other;
}

/* An HTML block that only shows images (a centred logo, a row of badges). */
static gboolean
html_only_images (cmark_node *block)
{
  const char *p = cmark_node_get_literal (block);
  gboolean image = FALSE;

  while (p != NULL && *p != '\0')
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');

          if (close == NULL)
            return FALSE;
          image |= g_ascii_strncasecmp (p, "<img", 4) == 0;
          p = close + 1;
        }
      else if (!g_ascii_isspace (*p++))
        return FALSE;
    }
  return image;
}

void
flash_sheet_drop_heading_images (cmark_node *document)
{
  /* "# Awesome Shell Tips [![Awesome](…)](…)": a badge's alt text is no part of a name. */
  for (cmark_node *block = cmark_node_first_child (document); block;
       block = cmark_node_next (block))
    {
      cmark_node *next;

      if (cmark_node_get_type (block) != CMARK_NODE_HEADING)
        continue;
      for (cmark_node *node = cmark_node_first_child (block); node; node = next)
        {
          cmark_node_type type = cmark_node_get_type (node);

          next = cmark_node_next (node);
          if (type == CMARK_NODE_IMAGE || (type == CMARK_NODE_LINK && only_images (node)))
            cmark_node_free (node);
        }
    }
}

/* An HTML block that is page layout: line breaks alone ("</br>" under a list), or a "↥ back to
 * top" link to the page's own top in a <div align="right">. */
static gboolean
html_is_layout (const char *literal)
{
  GString *text = g_string_new (NULL);
  g_autofree char *folded = NULL;
  gboolean tag = FALSE;
  gboolean layout;

  for (const char *p = literal; *p != '\0'; p++)
    if (*p == '<')
      tag = TRUE;
    else if (*p == '>')
      tag = FALSE;
    else if (!tag && !g_ascii_isspace (*p))
      g_string_append_c (text, *p);
  folded = g_utf8_casefold (text->str, -1);
  g_string_free (text, TRUE);
  layout = *folded == '\0' && (strstr (literal, "<br") != NULL || strstr (literal, "</br") != NULL);
  /* Blanks are gone from the text: "backtotop" and "↥backtotop" are what a back link says. */
  if (!layout && strlen (folded) <= 40 && strstr (literal, "href=\"#") != NULL)
    layout = strstr (folded, "top") != NULL || strstr (folded, "back") != NULL
             || strstr (folded, "contents") != NULL;
  return layout;
}

/* A sentence that only sends the reader elsewhere: "For the full list see [the docs](…).", "More
 * examples: [here](…)", "Refer to [the manual](…)". It has a link and few words of its own, and
 * opens with one of the phrases that point away; what it points at is not on the card. Without
 * a link it is "See … for more …". */
static gboolean
is_pointer (cmark_node *paragraph)
{
  static const char *const leads[] = {
    "for more", "for the full", "for full", "for a full", "for the complete", "for complete",
    "for a complete", "for further", "for details", "for the details", "for examples",
    "for a list", "for the list", "more info", "more information", "more details",
    "more examples", "further reading", "refer to", "check out", "read more", "learn more",
    "full list", "the full list", "a full list", "full documentation", "documentation:",
    "docs:", "source:", "sources:", "reference:", "references:",
  };
  cmark_iter *iter = cmark_iter_new (paragraph);
  g_autoptr(GString) own = g_string_new (NULL);
  g_autofree char *folded = NULL;
  cmark_event_type ev;
  gboolean link = FALSE;
  guint in_link = 0;
  guint words = 0;
  const char *p;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_LINK)
        {
          in_link += ev == CMARK_EVENT_ENTER ? 1 : -1;
          link = TRUE;
        }
      else if (ev == CMARK_EVENT_ENTER && in_link == 0
               && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE))
        g_string_append (own, cmark_node_get_literal (node));
      else if (ev == CMARK_EVENT_ENTER && in_link == 0
               && (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK))
        g_string_append_c (own, ' ');
    }
  cmark_iter_free (iter);
  folded = g_utf8_casefold (own->str, -1);
  /* An arrow, an emoji or a parenthesis in front is decoration. */
  for (p = folded; *p != '\0' && !g_ascii_isalpha (*p); p = g_utf8_next_char (p))
    ;
  for (const char *w = p; *w != '\0'; w++)
    if (g_ascii_isalnum (*w) && (w == p || !g_ascii_isalnum (w[-1])))
      words++;
  if (words > 14)
    return FALSE;
  /* Without a link, only "(See `man 7 regex` for more info.)": where to read more. */
  if (!link)
    return g_str_has_prefix (p, "see ")
           && (strstr (p, " for more") != NULL || strstr (p, " for details") != NULL
               || strstr (p, " for further") != NULL || strstr (p, " for the full") != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    if (g_str_has_prefix (p, leads[i]))
      return TRUE;
  return FALSE;
}

/* A page's bookkeeping: "**Last Updated**: July 7, 2025", "Last modified: …", "**Part of**: 30-Day
 * DSA Challenge" on its own. */
static gboolean
is_page_bookkeeping (cmark_node *paragraph)
{
  static const char *const labels[] = {
    "last updated", "last modified", "last update", "last edited", "updated on", "part of",
  };
  g_autofree char *plain = flash_sheet_node_to_plain (paragraph);
  g_autofree char *folded = NULL;

  if (strlen (plain) > 160)
    return FALSE;
  folded = g_utf8_casefold (plain, -1);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_has_prefix (folded, labels[i]) && strchr (folded, ':') != NULL
        && strchr (folded, ':') - folded <= (gssize) strlen (labels[i]) + 1)
      return TRUE;
  return FALSE;
}

/* What a chat assistant said around the sheet it wrote, pasted with it: "Sure! I'll integrate
 * the clarifications into your cheatsheet…", "Certainly, here is…". */
static gboolean
is_assistant_chatter (cmark_node *paragraph)
{
  static const char *const openings[] = {
    "sure!", "sure,", "certainly!", "certainly,", "of course!", "of course,", "absolutely!",
    "absolutely,", "great question",
  };
  static const char *const offers[] = { "i'll ", "i’ll ", "i will ", "here's", "here’s",
                                        "here is", "let me ", "i've ", "i’ve " };
  g_autofree char *plain = flash_sheet_node_to_plain (paragraph);
  g_autofree char *folded = NULL;
  gboolean opens = FALSE;

  if (strlen (plain) > 400)
    return FALSE;
  folded = g_utf8_casefold (plain, -1);
  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    opens = opens || g_str_has_prefix (folded, openings[i]);
  for (guint i = 0; opens && i < G_N_ELEMENTS (offers); i++)
    if (strstr (folded, offers[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
flash_sheet_is_debris (cmark_node *block)
{
  cmark_node_type type = cmark_node_get_type (block);

  if (type == CMARK_NODE_HTML_BLOCK)
    {
      const char *literal = cmark_node_get_literal (block);

      while (literal != NULL && g_ascii_isspace (*literal))
        literal++;
      return literal == NULL || g_str_has_prefix (literal, "<!--") || html_only_images (block)
             || html_is_layout (literal);
    }
  if (type == CMARK_NODE_PARAGRAPH)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      if (only_images (block) || is_link_row (block) || is_assistant_chatter (block)
          || is_page_bookkeeping (block))
        return TRUE;
      /* "See: [x](#x)" leads to another part of the page. */
      g_ptr_array_add (one, block);
      return ((flash_sheet_paragraph_starts_with (block, "See:")
               || flash_sheet_paragraph_starts_with (block, "See also:")
               || flash_sheet_paragraph_starts_with (block, "See "))
              && flash_sheet_only_links (one, TRUE))
             || is_pointer (block);
    }
  if (type == CMARK_NODE_LIST)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, block);
      return flash_sheet_only_links (one, FALSE);
    }
  return FALSE;
}

/* In-page links ------------------------------------------------------------------------------- */

/* The first @c at or after @p, remembered in @cached so that a run of unmatched openers does
 * not search the rest of the text once each (which would be quadratic on hostile input). */
static const char *
next_char (const char  *p,
           char         c,
           const char **cached)
{
  if (*cached != NULL && (*cached >= p || **cached == '\0'))
    return **cached == '\0' ? NULL : *cached;
  *cached = strchr (p, c);
  if (*cached == NULL)
    *cached = p + strlen (p);
  return **cached == '\0' ? NULL : *cached;
}

char *
flash_sheet_unlink_anchors (const char *markdown)
{
  const char *tick = NULL;
  const char *bracket = NULL;
  const char *paren = NULL;
  const char *newline = NULL;
  gboolean in_fence = FALSE;
  const char *p = markdown;
  GString *out;

  if (strstr (markdown, "](#") == NULL)
    return g_strdup (markdown);
  out = g_string_sized_new (strlen (markdown));
  while (*p != '\0')
    {
      const char *line_end;

      if ((p == markdown || p[-1] == '\n')
          && (g_str_has_prefix (p, "```") || g_str_has_prefix (p, "~~~")))
        in_fence = !in_fence;
      line_end = next_char (p, '\n', &newline);
      if (line_end == NULL)
        line_end = p + strlen (p);
      if (!in_fence && *p == '`')
        {
          const char *close = next_char (p + 1, '`', &tick);
          const char *stop = close != NULL && close < line_end ? close + 1 : p + 1;

          g_string_append_len (out, p, stop - p);
          p = stop;
          continue;
        }
      if (!in_fence && *p == '[')
        {
          const char *text_end = next_char (p + 1, ']', &bracket);
          const char *close = text_end != NULL ? next_char (text_end, ')', &paren) : NULL;

          if (text_end != NULL && close != NULL && close < line_end
              && g_str_has_prefix (text_end, "](#"))
            {
              g_string_append_len (out, p + 1, text_end - p - 1);
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* TRUE when the blocks hold nothing but links (and punctuation): a table of contents. With
 * @skip_lead, text before the first link does not count ("See: [x](#x)"). */
gboolean
flash_sheet_only_links (GPtrArray *blocks,
                        gboolean   skip_lead)
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
          else if ((type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) && in_link == 0
                   && (any_link || !skip_lead))
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
