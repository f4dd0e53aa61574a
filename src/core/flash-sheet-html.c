/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-html.c: inline HTML in a cheatsheet read as its author saw it on a web page
 * (docs/cheatsheet-format.md): <code> and <kbd> become code spans, <b> and <i> emphasis, <br> a
 * line break, a placeholder that is no element (<branch>) its text; every other tag, comment or
 * image is dropped and the text around it kept. The Markdown tree is changed in place; nothing
 * a tag references is ever loaded. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

#include "flash-html.h"

typedef enum
{
  TAG_OTHER,   /* dropped */
  TAG_CODE,    /* code, kbd, samp, tt, var: a code span */
  TAG_STRONG,  /* b, strong */
  TAG_EMPH,    /* i, em */
  TAG_SUP,     /* sup: "^" and its text */
  TAG_BREAK,   /* br */
  N_PAIRED = TAG_BREAK,
} TagKind;

typedef struct
{
  TagKind  kind;
  gboolean closing;
} Tag;

static Tag
read_tag (const char *literal)
{
  static const struct { const char *name; TagKind kind; } kinds[] = {
    { "code", TAG_CODE }, { "kbd", TAG_CODE }, { "samp", TAG_CODE }, { "tt", TAG_CODE },
    { "var", TAG_CODE }, { "b", TAG_STRONG }, { "strong", TAG_STRONG }, { "i", TAG_EMPH },
    { "em", TAG_EMPH }, { "sup", TAG_SUP }, { "br", TAG_BREAK },
  };
  Tag tag = { TAG_OTHER, FALSE };
  char name[8];
  gsize n = 0;
  const char *p = literal;

  if (p == NULL || *p++ != '<')
    return tag;
  if (*p == '/')
    {
      tag.closing = TRUE;
      p++;
    }
  while (g_ascii_isalnum (*p) && n < sizeof name - 1)
    name[n++] = g_ascii_tolower (*p++);
  name[n] = '\0';
  /* "<b>", "<br/>", "<kbd class=x>": the name ends at a blank, "/" or ">". */
  if (n == 0 || (*p != '>' && *p != '/' && !g_ascii_isspace (*p)))
    return tag;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (name, kinds[i].name) == 0)
      tag.kind = kinds[i].kind;
  return tag;
}

/* "<branch>", "<file name>", "<number>": a placeholder the author wrote outside code, not an
 * HTML element (which a page would hide). An open tag with neither attributes with values nor
 * the name of an element of HTML. */
static gboolean
is_placeholder (const char *literal)
{
  static const char *const elements[] = {
    "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
    "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code",
    "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl",
    "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins",
    "kbd", "label", "legend", "li", "link", "main", "map", "mark", "math", "meta", "meter", "nav",
    "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre",
    "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "slot",
    "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg",
    "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title",
    "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
  };
  g_autofree char *name = NULL;
  const char *p = literal;
  const char *start;

  if (p == NULL || *p++ != '<' || !g_ascii_isalpha (*p))
    return FALSE;
  start = p;
  while (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
    p++;
  name = g_ascii_strdown (start, p - start);
  if (strpbrk (p, "=\"'/") != NULL || literal[strlen (literal) - 1] != '>')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    if (strcmp (name, elements[i]) == 0)
      return FALSE;
  return TRUE;
}

/* The text of the nodes after @open up to @close, as a code span's literal would hold it: tags
 * inside it are dropped too. */
static char *
text_between (cmark_node *open,
              cmark_node *close)
{
  GString *text = g_string_new (NULL);

  for (cmark_node *node = cmark_node_next (open); node != NULL && node != close;
       node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
        g_string_append (text, cmark_node_get_literal (node));
      else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        g_string_append_c (text, ' ');
      else if (type != CMARK_NODE_HTML_INLINE)
        {
          g_autofree char *plain = flash_sheet_node_to_plain (node);

          g_string_append (text, plain);
        }
    }
  return g_string_free (text, FALSE);
}

/* Puts @node before @sibling, or frees it where the parent cannot hold it (a table cell holds no
 * line break). */
static gboolean
insert_before (cmark_node *sibling,
               cmark_node *node)
{
  if (cmark_node_insert_before (sibling, node))
    return TRUE;
  cmark_node_free (node);
  return FALSE;
}

static cmark_node *
new_text (const char *literal)
{
  cmark_node *node = cmark_node_new (CMARK_NODE_TEXT);

  cmark_node_set_literal (node, literal);
  return node;
}

/* Frees a tag that stands for nothing, and one of the two blanks it leaves between words. */
static void
drop (cmark_node *tag)
{
  cmark_node *prev = cmark_node_previous (tag);
  cmark_node *next = cmark_node_next (tag);

  if (prev != NULL && next != NULL && cmark_node_get_type (prev) == CMARK_NODE_TEXT
      && cmark_node_get_type (next) == CMARK_NODE_TEXT
      && g_str_has_suffix (cmark_node_get_literal (prev), " ")
      && cmark_node_get_literal (next)[0] == ' ')
    {
      g_autofree char *rest = g_strdup (cmark_node_get_literal (next) + 1);

      cmark_node_set_literal (next, rest);
    }
  cmark_node_free (tag);
}

/* Replaces the pair @open … @close of siblings by what it stands for. */
static void
convert_pair (cmark_node *open,
              cmark_node *close,
              TagKind     kind)
{
  cmark_node *node;

  if (kind == TAG_CODE)
    {
      g_autofree char *text = text_between (open, close);

      node = cmark_node_new (CMARK_NODE_CODE);
      cmark_node_set_literal (node, text);
      while (cmark_node_next (open) != close)
        cmark_node_free (cmark_node_next (open));
      insert_before (open, node);
    }
  else if (kind == TAG_STRONG || kind == TAG_EMPH)
    {
      node = cmark_node_new (kind == TAG_STRONG ? CMARK_NODE_STRONG : CMARK_NODE_EMPH);
      if (!insert_before (open, node))
        {
          drop (open);
          drop (close);
          return;
        }
      while (cmark_node_next (open) != close)
        {
          cmark_node *child = cmark_node_next (open);

          cmark_node_unlink (child);
          cmark_node_append_child (node, child);
        }
      /* Emphasis around nothing would print as "****". */
      if (cmark_node_first_child (node) == NULL)
        cmark_node_free (node);
    }
  else if (kind == TAG_SUP)
    insert_before (open, new_text ("^"));
  drop (open);
  drop (close);
}

/* A heading of nothing but tags would lose its card: its tags are kept as the text they are. */
static gboolean
keep_as_text (cmark_node *parent)
{
  if (cmark_node_get_type (parent) != CMARK_NODE_HEADING)
    return FALSE;
  for (cmark_node *node = cmark_node_first_child (parent); node; node = cmark_node_next (node))
    if (cmark_node_get_type (node) != CMARK_NODE_HTML_INLINE
        && cmark_node_get_type (node) != CMARK_NODE_SOFTBREAK)
      return FALSE;
  for (cmark_node *node = cmark_node_first_child (parent), *next; node; node = next)
    {
      next = cmark_node_next (node);
      if (cmark_node_get_type (node) == CMARK_NODE_HTML_INLINE)
        {
          g_autofree char *text = g_strdelimit (g_strdup (cmark_node_get_literal (node)), "\n",
                                                ' ');

          insert_before (node, new_text (text));
          cmark_node_free (node);
        }
    }
  return TRUE;
}

/* Converts the HTML children of @parent, left to right in one pass: a closing tag pairs with the
 * latest open tag of its kind; tags left unpaired are dropped. */
static void
convert_children (cmark_node *parent)
{
  cmark_node *open[N_PAIRED] = { NULL };
  cmark_node *node = cmark_node_first_child (parent);

  if (keep_as_text (parent))
    return;

  while (node != NULL)
    {
      cmark_node *next = cmark_node_next (node);
      Tag tag;

      if (cmark_node_get_type (node) != CMARK_NODE_HTML_INLINE)
        {
          node = next;
          continue;
        }
      tag = read_tag (cmark_node_get_literal (node));
      if (tag.kind == TAG_BREAK)
        {
          /* A table cell cannot break its line: a mark stands for the break, which the table's
           * cards read (code lines become a code block) and make a blank otherwise. */
          if (!insert_before (node, cmark_node_new (CMARK_NODE_LINEBREAK)))
            insert_before (node, new_text (FLASH_SHEET_CELL_BREAK));
          cmark_node_free (node);
        }
      else if (tag.kind == TAG_OTHER && is_placeholder (cmark_node_get_literal (node)))
        {
          insert_before (node, new_text (cmark_node_get_literal (node)));
          cmark_node_free (node);
        }
      else if (tag.kind == TAG_OTHER)
        drop (node);
      else if (!tag.closing)
        {
          /* An open tag that never closes is dropped at the end; a newer one takes its place. */
          if (open[tag.kind] != NULL)
            drop (open[tag.kind]);
          open[tag.kind] = node;
        }
      else if (open[tag.kind] == NULL)
        drop (node);
      else
        {
          /* Tags of other kinds opened inside the pair stay inside it, unpaired. */
          cmark_node *start = open[tag.kind];

          for (guint k = 0; k < N_PAIRED; k++)
            if (k != tag.kind && open[k] != NULL)
              {
                gboolean inside = FALSE;

                for (cmark_node *n = cmark_node_next (start); n != node && !inside;
                     n = cmark_node_next (n))
                  inside = n == open[k];
                if (inside)
                  {
                    drop (open[k]);
                    open[k] = NULL;
                  }
              }
          open[tag.kind] = NULL;
          convert_pair (start, node, tag.kind);
        }
      node = next;
    }
  for (guint k = 0; k < N_PAIRED; k++)
    if (open[k] != NULL)
      drop (open[k]);
}

typedef struct
{
  cmark_node *node;
  guint       depth;
} Parent;

/* The node types a cmark iterator enters without leaving (all others it enters and exits). */
static gboolean
is_leaf (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      return TRUE;
    default:
      return FALSE;
    }
}

static int
deeper_first (gconstpointer a,
              gconstpointer b)
{
  const Parent *pa = a;
  const Parent *pb = b;

  return pa->depth == pb->depth ? 0 : pa->depth > pb->depth ? -1 : 1;
}

GHashTable *
flash_sheet_convert_inline_html (cmark_node *document)
{
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (Parent));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTable *changed;
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type ev;
  guint depth = 0;

  /* One walk finds each container of inline HTML and its depth (containers are entered and
   * exited; leaves only entered). */
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev == CMARK_EVENT_EXIT)
        depth--;
      else if (cmark_node_get_type (node) == CMARK_NODE_HTML_INLINE)
        {
          Parent parent = { cmark_node_parent (node), depth };

          if (g_hash_table_add (seen, parent.node))
            g_array_append_val (parents, parent);
        }
      else if (!is_leaf (node))
        depth++;
    }
  cmark_iter_free (iter);
  if (parents->len == 0)
    return NULL;

  /* The deepest first: converting a pair may free what lies between its tags, and anything
   * inside that was converted already. Every block above a converted inline no longer matches
   * its source lines, so its answer is written out from the tree. */
  g_array_sort (parents, deeper_first);
  changed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < parents->len; i++)
    {
      cmark_node *parent = g_array_index (parents, Parent, i).node;

      for (cmark_node *up = parent; up != NULL && up != document; up = cmark_node_parent (up))
        if (!g_hash_table_add (changed, up))
          break;
      convert_children (parent);
      /* <kbd>⌘</kbd><kbd>P</kbd>: two spans side by side would be written as one, "`⌘``P`". */
      for (cmark_node *child = cmark_node_first_child (parent); child;
           child = cmark_node_next (child))
        if (cmark_node_get_type (child) == CMARK_NODE_CODE && cmark_node_next (child) != NULL
            && cmark_node_get_type (cmark_node_next (child)) == CMARK_NODE_CODE)
          {
            cmark_node *space = cmark_node_new (CMARK_NODE_TEXT);

            cmark_node_set_literal (space, " ");
            cmark_node_insert_after (child, space);
          }
    }
  return changed;
}

/* HTML blocks of structure --------------------------------------------------------------------- */

/* Each block is a page of its own to the HTML parser: a file of many thousands is a hostile one,
 * and the rest of its blocks stay as they are. */
#define MAX_HTML_BLOCKS 1000

/* The tag names whose blocks are read as the web page's import reads them ("<h1 align=center>",
 * a README's title, is a heading; a list's items, even written without their list). */
static const char *const structure_tags[] = {
  "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
};

/* Which structure tag [line, end) opens at its start (after at most three blanks), or -1. */
static int
opens_structure (const char *line,
                 const char *end)
{
  const char *p = line;

  while (p < end && *p == ' ' && p - line < 3)
    p++;
  if (p >= end || *p != '<')
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (structure_tags); i++)
    {
      gsize n = strlen (structure_tags[i]);

      if ((gsize) (end - p) > n + 1 && g_ascii_strncasecmp (p + 1, structure_tags[i], n) == 0
          && (p[n + 1] == '>' || g_ascii_isspace (p[n + 1])))
        return (int) i;
    }
  return -1;
}

/* How many times <@name and </@name open in [line, end), as a change of depth. */
static int
depth_change (const char *line,
              const char *end,
              const char *name)
{
  gsize n = strlen (name);
  int change = 0;

  for (const char *p = line; (p = memchr (p, '<', end - p)) != NULL; p++)
    {
      gboolean closing = p + 1 < end && p[1] == '/';
      const char *at = p + 1 + closing;

      if ((gsize) (end - at) > n && g_ascii_strncasecmp (at, name, n) == 0
          && (at[n] == '>' || g_ascii_isspace (at[n])))
        change += closing ? -1 : 1;
    }
  return change;
}

char *
flash_sheet_convert_html_blocks (const char *text)
{
  GString *out = NULL;
  const char *copied = text;
  const char *line = text;
  gsize fence = 0;
  char fence_marker = 0;
  gboolean unclosed[G_N_ELEMENTS (structure_tags)] = { FALSE };
  guint converted = 0;

  while (*line != '\0')
    {
      const char *end = strchrnul (line, '\n');
      const char *next = *end == '\n' ? end + 1 : end;
      char marker = 0;
      gsize n = flash_sheet_fence_length (line, end, &marker);
      int tag;

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
      else if ((tag = opens_structure (line, end)) >= 0 && !unclosed[tag]
               && converted < MAX_HTML_BLOCKS)
        {
          const char *block_end = line;
          int depth = 0;
          guint lines = 0;

          /* The block runs to the line that closes what it opened; unclosed, it stays as it is. */
          do
            {
              const char *stop = strchrnul (block_end, '\n');

              depth += depth_change (block_end, stop, structure_tags[tag]);
              lines++;
              block_end = *stop == '\n' ? stop + 1 : stop;
            }
          while (depth > 0 && *block_end != '\0');
          /* A block that runs to the end once would run there again from any later line: each
           * tag's blocks are looked for to the end of the file once at most. */
          unclosed[tag] = depth > 0;
          converted++;
          if (depth <= 0)
            {
              /* "<li>200: OK</li>" on its own is an item of a list the page leaves implied. */
              g_autofree char *wrapped = g_str_equal (structure_tags[tag], "li")
                                         ? g_strdup_printf ("<ul>%.*s</ul>",
                                                            (int) (block_end - line), line)
                                         : NULL;
              g_autofree char *markdown = wrapped != NULL
                                          ? flash_html_to_markdown (wrapped, strlen (wrapped),
                                                                    "html", NULL)
                                          : flash_html_to_markdown (line, block_end - line,
                                                                    "html", NULL);

              if (markdown != NULL)
                {
                  guint written = 0;

                  if (out == NULL)
                    out = g_string_new (NULL);
                  g_string_append_len (out, copied, line - copied);
                  /* Blank lines around it, and as many lines as it had while it is shorter, so
                   * that the lines of the cards after it stay where the file has them. */
                  g_string_append_c (out, '\n');
                  for (const char *p = g_strstrip (markdown); *p != '\0'; p++)
                    written += *p == '\n';
                  g_string_append (out, markdown);
                  g_string_append (out, "\n\n");
                  for (written += 3; written < lines; written++)
                    g_string_append_c (out, '\n');
                  copied = line = block_end;
                  continue;
                }
            }
        }
      line = next;
    }
  if (out == NULL)
    return NULL;
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}
