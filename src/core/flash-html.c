/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-html.c: a cheatsheet saved from a browser, read with libxml2's HTML parser and written
 * out as the Markdown the card rules read (docs/cheatsheet-format.md, "Saved web pages"). The page
 * is untrusted: the parser never touches the network, nothing it references is loaded, scripts,
 * styles, forms and page furniture are dropped, and a page the parser could not read whole is
 * refused rather than half imported. */
#include "flash-html.h"

#include <dlfcn.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "flash-sheet.h"

/* libxml2 is loaded when the first page is read, not linked: linked, it and the ICU and C++
 * libraries it needs cost every flashsheet-cli process about a millisecond before main(), more
 * than the whole of a `due` at 100,000 cards (docs/performance.md, "Start-up"). Only the calls
 * below go through the library; the tree it returns is read through its public structs. The
 * name is the one of the ABI the headers describe: 2.14 changed it from libxml2.so.2. */
#if LIBXML_VERSION >= 21400
#define LIBXML_SONAME "libxml2.so.16"
#else
#define LIBXML_SONAME "libxml2.so.2"
#endif

typedef struct
{
  __typeof__ (htmlNewParserCtxt)  *new_parser;
  __typeof__ (htmlCtxtReadMemory) *read_memory;
  __typeof__ (htmlFreeParserCtxt) *free_parser;
  __typeof__ (xmlFreeDoc)         *free_doc;
} LibXml;

static gboolean
load_symbol (void       *library,
             const char *name,
             void      **symbol)
{
  *symbol = dlsym (library, name);
  return *symbol != NULL;
}

/* The library's calls, or NULL with @error set when it cannot be loaded. */
static const LibXml *
libxml (const char  *display,
        GError     **error)
{
  static LibXml calls;
  static gsize loaded;
  static gboolean usable;

  if (g_once_init_enter (&loaded))
    {
      void *library = dlopen (LIBXML_SONAME, RTLD_NOW | RTLD_LOCAL);

      usable = library != NULL
               && load_symbol (library, "htmlNewParserCtxt", (void **) &calls.new_parser)
               && load_symbol (library, "htmlCtxtReadMemory", (void **) &calls.read_memory)
               && load_symbol (library, "htmlFreeParserCtxt", (void **) &calls.free_parser)
               && load_symbol (library, "xmlFreeDoc", (void **) &calls.free_doc);
      g_once_init_leave (&loaded, 1);
    }
  if (!usable)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_READ,
                   "%s: cannot be read: web pages are read with libxml2 (" LIBXML_SONAME
                   "), which could not be loaded", display);
      return NULL;
    }
  return &calls;
}

typedef struct
{
  GString *out;
  guint    indent; /* spaces before each line: the content of the list item being written */
  gboolean quoted; /* inside a quote: its headings are its title, not sections */
} Writer;

/* libxml2's HTML parser gives element names in lower case. */
static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

typedef enum
{
  KIND_INLINE,
  KIND_BLOCK,
  KIND_DROPPED, /* page furniture and active content: never part of a card */
} Kind;

static char *attribute (xmlNode    *node,
                        const char *name);

/* Whether @node's class or id holds one of @words, as a token ("share-buttons" holds "share"). */
static gboolean
has_class_word (xmlNode            *node,
                const char * const *words,
                gsize               n_words)
{
  const char *const names[] = { "class", "id" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *value = attribute (node, names[n]);
      g_auto(GStrv) tokens = value != NULL ? g_strsplit_set (value, " \t\n-_", -1) : NULL;

      for (guint t = 0; tokens != NULL && tokens[t] != NULL; t++)
        for (guint w = 0; w < n_words; w++)
          if (g_ascii_strcasecmp (tokens[t], words[w]) == 0)
            return TRUE;
    }
  return FALSE;
}

/* A block whose class or id names page furniture ("share-buttons", "related", "breadcrumb",
 * "page-nav"): sites mark their widgets so, where the element itself is a plain <div>. */
static gboolean
is_furniture (xmlNode *node)
{
  static const char *const words[] = {
    "share", "sharing", "social", "related", "breadcrumb", "breadcrumbs", "cookie", "cookies",
    "newsletter", "comments", "advert", "ads", "sponsor", "subscribe", "toc", "sidebar", "nav",
    "navigation", "pager", "pagination", "bio", "author", "tabs",
  };

  return has_class_word (node, words, G_N_ELEMENTS (words));
}

/* Inline furniture of wikis: a heading's "[edit]" link ("mw-editsection") and the citation
 * markers after a sentence (<sup class="reference">[7]</sup>). */
static gboolean
is_inline_furniture (xmlNode *node)
{
  static const char *const words[] = { "editsection", "reference", "noprint", "cite" };

  return has_class_word (node, words, G_N_ELEMENTS (words));
}

/* An <aside> that is a note of the text ("admonition note", "callout warning"), not a sidebar:
 * it is read as a quote. */
static gboolean
is_note (xmlNode *node)
{
  static const char *const words[] = {
    "note", "admonition", "tip", "hint", "warning", "caution", "important", "callout", "info",
  };

  return has_class_word (node, words, G_N_ELEMENTS (words));
}

static Kind
kind_of (xmlNode *node)
{
  static const char *const dropped[] = {
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "iframe", "button", "select", "textarea", "input", "object", "embed", "canvas", "head",
    "audio", "video", "map", "dialog",
  };
  static const char *const blocks[] = {
    "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "ul",
  };
  static gsize kinds = 0; /* a GHashTable of name → Kind, made once */
  Kind kind;

  if (g_once_init_enter (&kinds))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
        g_hash_table_insert (table, (gpointer) dropped[i], GINT_TO_POINTER (KIND_DROPPED));
      for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
        g_hash_table_insert (table, (gpointer) blocks[i], GINT_TO_POINTER (KIND_BLOCK));
      g_once_init_leave (&kinds, (gsize) table);
    }
  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
    return KIND_DROPPED;
  if (node->type != XML_ELEMENT_NODE)
    return KIND_INLINE;
  kind = GPOINTER_TO_INT (g_hash_table_lookup ((GHashTable *) kinds, node->name));
  if (kind == KIND_BLOCK && node->properties != NULL && is_furniture (node))
    return KIND_DROPPED;
  if (kind == KIND_DROPPED && node->properties != NULL
      && is (node, "aside") && is_note (node))
    return KIND_BLOCK;
  if (kind == KIND_INLINE && node->properties != NULL && (is (node, "span") || is (node, "sup"))
      && is_inline_furniture (node))
    return KIND_DROPPED;
  return kind;
}

static gboolean
is_dropped (xmlNode *node)
{
  return kind_of (node) == KIND_DROPPED;
}

static gboolean
is_block (xmlNode *node)
{
  return kind_of (node) == KIND_BLOCK;
}

static gboolean
is_one_of (xmlNode            *node,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (is (node, names[i]))
      return TRUE;
  return FALSE;
}

static int
heading_level (xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE || g_ascii_tolower (node->name[0]) != 'h'
      || node->name[1] < '1' || node->name[1] > '6' || node->name[2] != '\0')
    return 0;
  return node->name[1] - '0';
}

/* Inline text ------------------------------------------------------------------------------- */

typedef enum
{
  IN_PARAGRAPH,
  IN_LINE, /* a heading or a table cell: one line, "|" escaped */
} InlineMode;

static void
append_space (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ' ');
}

/* HTML text: runs of blanks are one space, and Markdown's own characters are escaped. */
static void
append_text (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          append_space (out);
          continue;
        }
      if (strchr ("\\`*_[]<>#|~!&", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_content (GString *text,
                xmlNode *node)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
      g_string_append (text, node->content != NULL ? (const char *) node->content : "");
    else if (node->type == XML_ELEMENT_NODE)
      append_content (text, node->children);
}

/* The text of @node and everything in it (libxml2's tree is at most 256 levels deep). */
static char *
text_content (xmlNode *node)
{
  GString *text = g_string_new (NULL);

  if (node->type == XML_ELEMENT_NODE)
    append_content (text, node->children);
  else if (node->content != NULL)
    g_string_append (text, (const char *) node->content);
  return g_string_free (text, FALSE);
}

/* The value of @node's attribute @name, or NULL. */
static char *
attribute (xmlNode    *node,
           const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (strcmp ((const char *) attr->name, name) == 0)
      {
        GString *value = g_string_new (NULL);

        append_content (value, attr->children);
        return g_string_free (value, FALSE);
      }
  return NULL;
}

static void
append_code_span (GString    *out,
                  const char *raw)
{
  g_autofree char *code = g_strdup (raw);
  guint longest = 0;
  guint run = 0;

  g_strdelimit (code, "\t\r\n", ' ');
  g_strstrip (code);
  if (*code == '\0')
    return;
  for (const char *p = code; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
  g_string_append (out, code[0] == '`' || code[strlen (code) - 1] == '`' ? " " : "");
  g_string_append (out, code);
  g_string_append (out, code[0] == '`' || code[strlen (code) - 1] == '`' ? " " : "");
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
}

static void append_inlines (GString    *out,
                            xmlNode    *first,
                            InlineMode  mode);

/* Wraps what @node's children write in @mark ("**", "*", "~~"), unless they write nothing. */
static void
append_marked (GString    *out,
               xmlNode    *node,
               const char *mark,
               InlineMode  mode)
{
  g_autoptr(GString) inner = g_string_new (NULL);
  g_autofree char *text = NULL;

  append_inlines (inner, node->children, mode);
  text = g_strstrip (g_strdup (inner->str));
  if (*text == '\0')
    return;
  if (inner->str[0] == ' ')
    append_space (out);
  g_string_append_printf (out, "%s%s%s", mark, text, mark);
  if (inner->len > 0 && inner->str[inner->len - 1] == ' ')
    g_string_append_c (out, ' ');
}

static gboolean
has_word_character (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
append_link (GString    *out,
             xmlNode    *node,
             InlineMode  mode)
{
  g_autofree char *href = attribute (node, "href");
  g_autoptr(GString) inner = g_string_new (NULL);
  g_autofree char *text = NULL;

  append_inlines (inner, node->children, mode);
  text = g_strstrip (g_strdup (inner->str));
  /* A permalink ("#", "¶", "§" or an icon beside a heading) says nothing without its page. */
  if (href != NULL && href[0] == '#' && !has_word_character (text))
    return;
  /* A link that leaves the page keeps its target; one inside the page, or of another scheme,
   * leads nowhere from a card. */
  if (*text != '\0' && href != NULL
      && (g_str_has_prefix (href, "https://") || g_str_has_prefix (href, "http://"))
      && strpbrk (href, " <>()\n") == NULL)
    g_string_append_printf (out, "[%s](%s)", text, href);
  else
    g_string_append (out, inner->str);
}

static void
append_inline (GString    *out,
               xmlNode    *node,
               InlineMode  mode)
{
  static const char *const code[] = { "code", "kbd", "samp", "tt", "var", NULL };

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    append_text (out, (const char *) node->content);
  else if (node->type != XML_ELEMENT_NODE || is_dropped (node) || is (node, "img"))
    return;
  else if (is (node, "br"))
    g_string_append (out, mode == IN_LINE ? " " : "\\\n");
  else if (is_one_of (node, code))
    {
      g_autofree char *text = text_content (node);

      append_code_span (out, text);
    }
  else if (is (node, "b") || is (node, "strong"))
    append_marked (out, node, "**", mode);
  else if (is (node, "i") || is (node, "em"))
    append_marked (out, node, "*", mode);
  else if (is (node, "s") || is (node, "del") || is (node, "strike"))
    append_marked (out, node, "~~", mode);
  else if (is (node, "sup"))
    {
      g_string_append_c (out, '^');
      append_inlines (out, node->children, mode);
    }
  else if (is (node, "a"))
    append_link (out, node, mode);
  else
    append_inlines (out, node->children, mode);
}

static void
append_inlines (GString    *out,
                xmlNode    *first,
                InlineMode  mode)
{
  for (xmlNode *node = first; node != NULL; node = node->next)
    append_inline (out, node, mode);
}

/* Blocks ------------------------------------------------------------------------------------ */

static void write_blocks (Writer  *w,
                          xmlNode *first);

static void
indent (Writer *w)
{
  for (guint i = 0; i < w->indent; i++)
    g_string_append_c (w->out, ' ');
}

/* Ends what was written with a blank line, so the next block starts on its own. */
static void
end_block (Writer *w)
{
  while (w->out->len > 0 && w->out->str[w->out->len - 1] == ' ')
    g_string_truncate (w->out, w->out->len - 1);
  if (w->out->len == 0)
    return;
  if (w->out->str[w->out->len - 1] != '\n')
    g_string_append_c (w->out, '\n');
  if (w->out->len < 2 || w->out->str[w->out->len - 2] != '\n')
    g_string_append_c (w->out, '\n');
}

/* A paragraph of @first up to @stop (excluded), if it says anything. */
static void
write_paragraph (Writer  *w,
                 xmlNode *first,
                 xmlNode *stop)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (xmlNode *node = first; node != stop; node = node->next)
    append_inline (text, node, IN_PARAGRAPH);
  g_strstrip (text->str);
  text->len = strlen (text->str);
  if (text->len == 0)
    return;
  end_block (w);
  indent (w);
  /* Text that starts like a list item ("- x", "+ x", "1. x") stays a paragraph. */
  {
    gsize digits = strspn (text->str, "0123456789");

    if (((text->str[0] == '-' || text->str[0] == '+') && text->str[1] == ' ')
        || (digits > 0 && (text->str[digits] == '.' || text->str[digits] == ')')
            && text->str[digits + 1] == ' '))
      {
        g_string_append_len (w->out, text->str, (gssize) digits);
        g_string_append_c (w->out, '\\');
        g_string_erase (text, 0, (gssize) digits);
      }
  }
  /* Continuation lines of a paragraph in a list item keep the item's indentation. */
  for (const char *p = text->str; *p != '\0'; p++)
    {
      g_string_append_c (w->out, *p);
      if (*p == '\n' && p[1] != '\0')
        indent (w);
    }
  end_block (w);
}

static void
write_heading (Writer  *w,
               xmlNode *node,
               int      level)
{
  g_autoptr(GString) text = g_string_new (NULL);

  append_inlines (text, node->children, IN_LINE);
  g_strstrip (text->str);
  if (text->str[0] == '\0')
    return;
  end_block (w);
  /* A note's own heading ("warning") titles it, in bold. */
  if (w->quoted)
    g_string_append_printf (w->out, "**%s**", text->str);
  else
    {
      for (int i = 0; i < level; i++)
        g_string_append_c (w->out, '#');
      g_string_append_printf (w->out, " %s", text->str);
    }
  end_block (w);
}

/* The language of a code block: "language-x" or "lang-x" (also on an inner <code>), or
 * highlight.js's "hljs x". */
static char *
code_language (xmlNode *pre)
{
  xmlNode *code = pre->children != NULL && is (pre->children, "code") ? pre->children : NULL;
  xmlNode *nodes[] = { pre, code };

  for (guint n = 0; n < G_N_ELEMENTS (nodes); n++)
    {
      g_autofree char *classes = nodes[n] != NULL ? attribute (nodes[n], "class") : NULL;
      g_auto(GStrv) words = NULL;
      char *language = NULL;

      if (classes == NULL)
        continue;
      words = g_strsplit_set (classes, " \t\n", -1);
      for (guint i = 0; words[i] != NULL && language == NULL; i++)
        {
          const char *word = words[i];

          if (g_str_has_prefix (word, "language-"))
            word += strlen ("language-");
          else if (g_str_has_prefix (word, "lang-"))
            word += strlen ("lang-");
          else if (!(g_strv_contains ((const char * const *) words, "hljs")
                     && strcmp (word, "hljs") != 0))
            continue;
          /* A fence's info string is one word of letters, digits, "+", "-" or "#". */
          if (*word != '\0' && strspn (word, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                             "0123456789+-#") == strlen (word))
            language = g_ascii_strdown (word, -1);
        }
      if (language != NULL)
        return language;
    }
  return NULL;
}

static void
write_code_block (Writer  *w,
                  xmlNode *pre)
{
  g_autofree char *code = text_content (pre);
  g_autofree char *language = code_language (pre);
  guint longest = 0;
  guint run = 0;
  gsize len;

  for (const char *p = code; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  /* A browser drops the newline right after <pre>; so do we, and the ones at the end. */
  len = strlen (code);
  while (len > 0 && (code[len - 1] == '\n' || code[len - 1] == '\r'))
    code[--len] = '\0';
  if (len == 0)
    return;
  end_block (w);
  indent (w);
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (w->out, '`');
  g_string_append_printf (w->out, "%s\n", language != NULL ? language : "");
  for (const char *line = code[0] == '\n' ? code + 1 : code; line != NULL;)
    {
      const char *newline = strchr (line, '\n');

      indent (w);
      g_string_append_len (w->out, line, newline != NULL ? newline - line : (gssize) strlen (line));
      g_string_append_c (w->out, '\n');
      line = newline != NULL ? newline + 1 : NULL;
    }
  indent (w);
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (w->out, '`');
  end_block (w);
}

static void
write_list (Writer  *w,
            xmlNode *list)
{
  gboolean ordered = is (list, "ol");
  guint number = 1;

  end_block (w);
  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      xmlNode *stop = item->children;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *marker = NULL;

      if (!is (item, "li"))
        continue;
      /* The item's own text is its leading inlines, or its first paragraph; its other blocks
       * follow, indented under it. */
      while (stop != NULL && !is_block (stop))
        stop = stop->next;
      for (xmlNode *node = item->children; node != stop; node = node->next)
        append_inline (text, node, IN_LINE);
      g_strstrip (text->str);
      if (text->str[0] == '\0' && stop != NULL && is (stop, "p"))
        {
          g_string_truncate (text, 0);
          append_inlines (text, stop->children, IN_LINE);
          g_strstrip (text->str);
          stop = stop->next;
        }
      marker = ordered ? g_strdup_printf ("%u. ", number++) : g_strdup ("- ");
      indent (w);
      g_string_append_printf (w->out, "%s%s\n", marker, text->str);
      if (stop != NULL)
        {
          guint outer = w->indent;

          w->indent += (guint) strlen (marker);
          write_blocks (w, stop);
          w->indent = outer;
        }
    }
  end_block (w);
}

/* <dl>: a term list, "- term — description". */
static void
write_definitions (Writer  *w,
                   xmlNode *list)
{
  g_autoptr(GString) term = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  end_block (w);
  for (xmlNode *node = list->children; node != NULL; node = node->next)
    {
      g_autoptr(GString) part = g_string_new (NULL);
      xmlNode *next = node->next;

      while (next != NULL && next->type != XML_ELEMENT_NODE)
        next = next->next;
      if (!is (node, "dt") && !is (node, "dd"))
        continue;
      append_inlines (part, node->children, IN_LINE);
      g_strstrip (part->str);
      part->len = strlen (part->str);
      if (is (node, "dt"))
        {
          if (term->len > 0)
            g_string_append (term, " / ");
          g_string_append (term, part->str);
        }
      else if (part->len > 0)
        {
          if (text->len > 0)
            g_string_append (text, "; ");
          g_string_append (text, part->str);
        }
      /* An entry ends at the next <dt> after its descriptions. */
      if (is (node, "dd") && (next == NULL || is (next, "dt")) && term->len > 0)
        {
          indent (w);
          g_string_append_printf (w->out, "- %s — %s\n", term->str, text->str);
          g_string_truncate (term, 0);
          g_string_truncate (text, 0);
        }
    }
  end_block (w);
}

static void
collect_rows (xmlNode   *node,
              GPtrArray *rows)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is (child, "tr"))
      g_ptr_array_add (rows, child);
    else if (is (child, "thead") || is (child, "tbody") || is (child, "tfoot"))
      collect_rows (child, rows);
}

static void
write_table (Writer  *w,
             xmlNode *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint columns = 0;

  collect_rows (table, rows);
  for (guint r = 0; r < rows->len; r++)
    {
      guint n = 0;

      for (xmlNode *cell = ((xmlNode *) rows->pdata[r])->children; cell; cell = cell->next)
        n += is (cell, "td") || is (cell, "th");
      columns = MAX (columns, n);
    }
  if (columns == 0 || columns > FLASH_SHEET_MAX_COLUMNS)
    return;

  end_block (w);
  for (guint r = 0; r < rows->len; r++)
    {
      guint n = 0;

      indent (w);
      g_string_append_c (w->out, '|');
      for (xmlNode *cell = ((xmlNode *) rows->pdata[r])->children; cell; cell = cell->next)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          if (!is (cell, "td") && !is (cell, "th"))
            continue;
          append_inlines (text, cell->children, IN_LINE);
          g_strstrip (text->str);
          g_string_append_printf (w->out, " %s |", text->str);
          n++;
        }
      for (; n < columns; n++)
        g_string_append (w->out, "  |");
      g_string_append_c (w->out, '\n');
      /* The first row is the header, as in a table a page shows. */
      if (r == 0)
        {
          indent (w);
          g_string_append_c (w->out, '|');
          for (guint c = 0; c < columns; c++)
            g_string_append (w->out, "---|");
          g_string_append_c (w->out, '\n');
        }
    }
  end_block (w);
}

static void
write_quote (Writer  *w,
             xmlNode *quote)
{
  Writer inner = { g_string_new (NULL), 0, TRUE };
  g_auto(GStrv) lines = NULL;

  write_blocks (&inner, quote->children);
  g_strchomp (inner.out->str);
  lines = g_strsplit (inner.out->str, "\n", -1);
  g_string_free (inner.out, TRUE);
  if (lines[0] == NULL || *lines[0] == '\0')
    return;
  end_block (w);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      indent (w);
      g_string_append_printf (w->out, *lines[i] != '\0' ? "> %s\n" : ">\n", lines[i]);
    }
  end_block (w);
}

static void
write_block (Writer  *w,
             xmlNode *node)
{
  int level = heading_level (node);

  if (level > 0)
    write_heading (w, node, level);
  else if (is (node, "pre"))
    write_code_block (w, node);
  else if (is (node, "ul") || is (node, "ol"))
    write_list (w, node);
  else if (is (node, "dl"))
    write_definitions (w, node);
  else if (is (node, "table"))
    write_table (w, node);
  else if (is (node, "blockquote") || is (node, "aside")
           || (!w->quoted && is (node, "div") && node->properties != NULL && is_note (node)))
    write_quote (w, node);
  else if (is (node, "hr"))
    {
      end_block (w);
      g_string_append (w->out, "***");
      end_block (w);
    }
  else
    write_blocks (w, node->children);
}

/* Children of a container: runs of inlines are paragraphs, blocks are written as they are. */
static void
write_blocks (Writer  *w,
              xmlNode *first)
{
  xmlNode *run = NULL;

  for (xmlNode *node = first; node != NULL; node = node->next)
    {
      if (is_dropped (node))
        {
          if (run != NULL)
            write_paragraph (w, run, node);
          run = NULL;
          continue;
        }
      if (!is_block (node))
        {
          if (run == NULL)
            run = node;
          continue;
        }
      if (run != NULL)
        write_paragraph (w, run, node);
      run = NULL;
      write_block (w, node);
    }
  if (run != NULL)
    write_paragraph (w, run, NULL);
}

/* The page ---------------------------------------------------------------------------------- */

static gboolean
has_h1 (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    if (!is_dropped (node) && (is (node, "h1") || has_h1 (node->children)))
      return TRUE;
  return FALSE;
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (is (node, name))
        return node;
      if ((found = find_element (node->children, name)) != NULL)
        return found;
    }
  return NULL;
}

char *
flash_html_to_markdown (const char  *html,
                        gsize        length,
                        const char  *display,
                        GError     **error)
{
  const LibXml *xml;
  htmlParserCtxtPtr ctxt;
  htmlDocPtr doc;
  xmlNode *root = NULL;
  xmlNode *body;
  Writer w = { NULL, 0, FALSE };
  const char *encoding = NULL;
  gboolean truncated;

  g_return_val_if_fail (html != NULL, NULL);

  if (length > FLASH_SHEET_MAX_SIZE)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                   "%s: is larger than 32 MiB, too large for a cheatsheet", display);
      return NULL;
    }
  /* A page that is valid UTF-8 without a byte order mark is read as UTF-8 (libxml2 would guess
   * Latin-1); otherwise its BOM or <meta charset> says. */
  if (g_utf8_validate_len (html, length, NULL)
      && !(length >= 3 && memcmp (html, "\xef\xbb\xbf", 3) == 0))
    encoding = "UTF-8";

  if ((xml = libxml (display, error)) == NULL)
    return NULL;
  ctxt = xml->new_parser ();
  if (ctxt == NULL)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_READ,
                   "%s: cannot be read: out of memory", display);
      return NULL;
    }
  doc = xml->read_memory (ctxt, html, (int) length, NULL, encoding,
                          HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  /* libxml2 stops at its nesting limit (256) and still returns what it read so far. */
  truncated = ctxt->errNo == XML_ERR_INTERNAL_ERROR || ctxt->errNo == XML_ERR_NO_MEMORY;
  xml->free_parser (ctxt);
  if (truncated)
    {
      xml->free_doc (doc);
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_MALFORMED,
                   "%s: is nested too deeply to be read whole (more than 256 levels); nothing "
                   "was imported", display);
      return NULL;
    }

  w.out = g_string_new (NULL);
  for (xmlNode *node = doc != NULL ? doc->children : NULL; node != NULL && root == NULL;
       node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      root = node;
  body = root != NULL ? find_element (root, "body") : NULL;
  /* The page's <title> names a deck whose page has no <h1>. */
  if (root != NULL && !has_h1 (body != NULL ? body->children : root))
    {
      xmlNode *title = find_element (root, "title");
      g_autofree char *text = title != NULL ? text_content (title) : NULL;

      if (text != NULL && *g_strstrip (text) != '\0')
        {
          g_string_append (w.out, "# ");
          append_text (w.out, text);
          end_block (&w);
        }
    }
  if (root != NULL)
    write_blocks (&w, body != NULL ? body->children : root->children);
  xml->free_doc (doc);
  /* libxml2 passes a byte it cannot decode through as it is when the page names no encoding it
   * knows ("<meta charset=>", found by fuzz-html): such a byte reads as U+FFFD. */
  if (!g_utf8_validate_len (w.out->str, w.out->len, NULL))
    {
      char *valid = g_utf8_make_valid (w.out->str, (gssize) w.out->len);

      g_string_free (w.out, TRUE);
      return valid;
    }
  return g_string_free (w.out, FALSE);
}

gboolean
flash_html_is_page (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm")
         || g_str_has_suffix (lower, ".xhtml");
}
