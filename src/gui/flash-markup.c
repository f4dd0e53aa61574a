/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-markup.c: converts cmark-gfm inline nodes into escaped Pango markup (no GTK). */

#include <string.h>

#include "flash-markup.h"

/* Emphasis can nest as deep as the input allows. Pango copes, but a label with
 * thousands of nested attributes is slow to lay out and useless to read, so
 * styling stops here while the text itself is still shown. */
#define FLASH_MARKUP_MAX_TAG_DEPTH 32

/* A subtle grey that reads on light and dark backgrounds alike. */
#define FLASH_MARKUP_CODE_OPEN  "<tt><span bgcolor=\"#8080802e\">"
#define FLASH_MARKUP_CODE_CLOSE "</span></tt>"

/**
 * flash_markup_is_node_type:
 *
 * Extension node types (tables, strikethrough) are registered at run time and
 * Debian's headers do not declare them, so they are recognised by name.
 */
gboolean
flash_markup_is_node_type (cmark_node *node,
                           const char *type_string)
{
  const char *name;

  if (node == NULL)
    return FALSE;

  name = cmark_node_get_type_string (node);
  return name != NULL && strcmp (name, type_string) == 0;
}

static void
append_escaped (GString    *markup,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  escaped = g_markup_escape_text (text, -1);
  g_string_append (markup, escaped);
}

/* Appends a code literal without its final newline, which cmark keeps. */
static void
append_escaped_block_literal (GString    *markup,
                              cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  g_autofree char *escaped = NULL;
  gsize len;

  if (literal == NULL)
    return;

  len = strlen (literal);
  while (len > 0 && (literal[len - 1] == '\n' || literal[len - 1] == '\r'))
    len--;

  escaped = g_markup_escape_text (literal, len);
  g_string_append (markup, escaped);
}

/* Opens or closes the tag of a styling container. Both directions derive the
 * same decision from the same node and depths, so tags always balance. */
static void
append_container_tag (GString          *markup,
                      cmark_node       *node,
                      gboolean          entering,
                      gboolean          is_link_outermost,
                      FlashMarkupFlags  flags)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_EMPH:
      g_string_append (markup, entering ? "<i>" : "</i>");
      break;

    case CMARK_NODE_STRONG:
      g_string_append (markup, entering ? "<b>" : "</b>");
      break;

    case CMARK_NODE_LINK:
      {
        const char *url = cmark_node_get_url (node);
        const char *title = cmark_node_get_title (node);
        gboolean as_link = (flags & FLASH_MARKUP_LINKS) != 0 && is_link_outermost &&
                           url != NULL && url[0] != '\0';

        if (!as_link)
          {
            g_string_append (markup, entering ? "<u>" : "</u>");
          }
        else if (!entering)
          {
            g_string_append (markup, "</a>");
          }
        else
          {
            g_autofree char *tag = NULL;

            /* The URL and title come from the card: escape them like text. */
            if (title != NULL && title[0] != '\0')
              tag = g_markup_printf_escaped ("<a href=\"%s\" title=\"%s\">", url, title);
            else
              tag = g_markup_printf_escaped ("<a href=\"%s\">", url);
            g_string_append (markup, tag);
          }
      }
      break;

    default:
      if (flash_markup_is_node_type (node, "strikethrough"))
        g_string_append (markup, entering ? "<s>" : "</s>");
      break;
    }
}

static gboolean
is_styling_container (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      return TRUE;

    default:
      return flash_markup_is_node_type (node, "strikethrough");
    }
}

/**
 * flash_markup_append_inlines:
 * @markup: the string to append to
 * @block: a leaf block (paragraph, heading, table cell) whose inlines to convert
 * @flags: how to render links
 *
 * Appends the inline content of @block as Pango markup in which every piece of
 * text from the card is escaped. Images show their alt text, raw HTML shows as
 * literal text. The walk uses a cmark iterator, not recursion, so deeply nested
 * input cannot exhaust the stack and the work stays linear.
 */
void
flash_markup_append_inlines (GString          *markup,
                             cmark_node       *block,
                             FlashMarkupFlags  flags)
{
  cmark_iter *iter;
  cmark_event_type event;
  guint depth = 0;
  guint image_depth = 0;
  guint link_depth = 0;

  g_return_if_fail (markup != NULL);
  g_return_if_fail (block != NULL);

  iter = cmark_iter_new (block);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      gboolean entering = event == CMARK_EVENT_ENTER;

      if (node == block)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          append_escaped (markup, cmark_node_get_literal (node));
          break;

        case CMARK_NODE_CODE:
          if (image_depth == 0)
            g_string_append (markup, FLASH_MARKUP_CODE_OPEN);
          append_escaped (markup, cmark_node_get_literal (node));
          if (image_depth == 0)
            g_string_append (markup, FLASH_MARKUP_CODE_CLOSE);
          break;

        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (markup, ' ');
          break;

        case CMARK_NODE_LINEBREAK:
          g_string_append_c (markup, '\n');
          break;

        default:
          if (is_styling_container (node))
            {
              gboolean is_image = cmark_node_get_type (node) == CMARK_NODE_IMAGE;
              gboolean is_link = cmark_node_get_type (node) == CMARK_NODE_LINK;

              if (!entering)
                {
                  depth--;
                  if (is_image)
                    image_depth--;
                  if (is_link)
                    link_depth--;
                }

              /* An image shows only its alt text, so nothing inside it is styled. */
              if (!is_image && image_depth == 0 && depth < FLASH_MARKUP_MAX_TAG_DEPTH)
                append_container_tag (markup, node, entering, link_depth == 0, flags);

              if (entering)
                {
                  depth++;
                  if (is_image)
                    image_depth++;
                  if (is_link)
                    link_depth++;
                }
            }
          break;
        }
    }
  cmark_iter_free (iter);
}

/**
 * flash_markup_from_inlines:
 *
 * Returns: (transfer full): the markup of the inline content of @block
 */
char *
flash_markup_from_inlines (cmark_node       *block,
                           FlashMarkupFlags  flags)
{
  GString *markup = g_string_new (NULL);

  flash_markup_append_inlines (markup, block, flags);
  return g_string_free (markup, FALSE);
}

static void
append_separator (GString *markup,
                  gsize    start)
{
  if (markup->len > start)
    g_string_append_c (markup, '\n');
}

/**
 * flash_markup_append_flat:
 * @markup: the string to append to
 * @root: any node
 * @flags: how to render links
 *
 * Appends the text of every block below @root, one block per line, without any
 * block structure. The Markdown view uses it for content nested deeper than it
 * is willing to indent; it walks with an iterator, so depth costs nothing.
 */
void
flash_markup_append_flat (GString          *markup,
                          cmark_node       *root,
                          FlashMarkupFlags  flags)
{
  cmark_iter *iter;
  cmark_event_type event;
  gsize start;

  g_return_if_fail (markup != NULL);
  g_return_if_fail (root != NULL);

  start = markup->len;
  iter = cmark_iter_new (root);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          append_separator (markup, start);
          flash_markup_append_inlines (markup, node, flags);
          break;

        case CMARK_NODE_CODE_BLOCK:
          append_separator (markup, start);
          g_string_append (markup, "<tt>");
          append_escaped_block_literal (markup, node);
          g_string_append (markup, "</tt>");
          break;

        case CMARK_NODE_HTML_BLOCK:
          append_separator (markup, start);
          append_escaped_block_literal (markup, node);
          break;

        default:
          if (flash_markup_is_node_type (node, "table_cell"))
            {
              if (cmark_node_previous (node) != NULL)
                g_string_append (markup, " | ");
              else
                append_separator (markup, start);
              flash_markup_append_inlines (markup, node, flags);
            }
          break;
        }
    }
  cmark_iter_free (iter);
}

/**
 * flash_markup_from_markdown:
 *
 * Parses @markdown and returns the flat markup of the whole document. This is
 * the entry point for fuzzing the converter without GTK.
 *
 * Returns: (transfer full): Pango markup
 */
char *
flash_markup_from_markdown (const char       *markdown,
                            gssize            length,
                            FlashMarkupFlags  flags)
{
  g_autoptr(cmark_node) document = flash_markdown_parse (markdown, length);
  GString *markup = g_string_new (NULL);

  flash_markup_append_flat (markup, document, flags);
  return g_string_free (markup, FALSE);
}
