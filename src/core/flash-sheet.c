/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet.c: the cheatsheet parser: sections and headings into cards, and the entry points. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "flash-html.h"
#include "flash-markdown.h"

G_DEFINE_QUARK (flash-sheet-error-quark, flash_sheet_error)

/* Cards --------------------------------------------------------------------------------------- */

void
flash_sheet_card_free (FlashSheetCard *card)
{
  g_free (card->key);
  g_free (card->context);
  g_free (card->question);
  g_free (card->answer);
  g_strfreev (card->tags);
  g_free (card);
}

static char *
slugify (const char *text)
{
  g_autofree char *folded = g_str_is_ascii (text) ? g_ascii_strdown (text, -1)
                                                  : g_utf8_strdown (text, -1);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean dash = FALSE;

  for (const char *p = folded; *p != '\0';)
    {
      /* Bytes below 0x80 are whole characters, read without decoding. */
      gboolean ascii = (guchar) *p < 0x80;
      const char *next = ascii ? p + 1 : g_utf8_next_char (p);

      if (ascii ? g_ascii_isalnum (*p) : g_unichar_isalnum (g_utf8_get_char (p)))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_len (out, p, next - p);
          dash = FALSE;
        }
      else
        dash = TRUE;
      p = next;
    }
  return g_string_free (out, FALSE);
}

char *
flash_sheet_normalise_question (const char *question)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (question != NULL, NULL);

  /* Most questions are ASCII, where case folding is a byte operation. */
  folded = g_str_is_ascii (question) ? g_ascii_strdown (question, -1) : g_utf8_casefold (question, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0';)
    {
      /* Bytes below 0x80 are whole characters; others are copied as the character they start. */
      gboolean ascii = (guchar) *p < 0x80;
      gunichar c = ascii ? (gunichar) *p : g_utf8_get_char (p);
      const char *next = ascii ? p + 1 : g_utf8_next_char (p);

      /* Formatting marks and escapes do not change which question it is. */
      if (c == '`' || c == '*' || c == '\\')
        ;
      else if (ascii ? g_ascii_isspace (*p) : g_unichar_isspace (c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, p, next - p);
        }
      p = next;
    }
  return g_string_free (out, FALSE);
}

static char *
current_context (Parser *self,
                 guint   depth)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < depth && i < self->crumbs->len; i++)
    {
      Crumb *crumb = g_ptr_array_index (self->crumbs, i);

      if (out->len > 0)
        g_string_append (out, CONTEXT_SEPARATOR);
      g_string_append (out, crumb->plain);
    }
  if (out->len == 0 && self->sheet->name != NULL)
    g_string_append (out, self->sheet->name);
  return g_string_free (out, FALSE);
}

static GStrv
current_tags (Parser *self,
              guint   depth)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < depth && i < self->crumbs->len; i++)
    {
      Crumb *crumb = g_ptr_array_index (self->crumbs, i);

      if (*crumb->slug != '\0')
        g_strv_builder_add (builder, crumb->slug);
    }
  return g_strv_builder_end (builder);
}

/* Adds a card whose context is the first @depth open headings. */
void
flash_sheet_add_card (Parser     *self,
                      guint       depth,
                      const char *question,
                      const char *answer,
                      int         line)
{
  FlashSheetCard *card;
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  guint seen;

  if (question == NULL || *question == '\0' || answer == NULL || *answer == '\0')
    return;

  card = g_new0 (FlashSheetCard, 1);
  if (self->cached_depth != (int) depth)
    {
      g_free (self->cached_context);
      g_strfreev (self->cached_tags);
      self->cached_context = current_context (self, depth);
      self->cached_tags = current_tags (self, depth);
      self->cached_depth = (int) depth;
    }
  card->context = g_strdup (self->cached_context);
  card->question = flash_sheet_unlink_anchors (question);
  card->answer = flash_sheet_unlink_anchors (answer);
  card->tags = g_strdupv (self->cached_tags);
  card->line = line > 0 ? (guint) line : 1;

  normal = flash_sheet_normalise_question (card->question);
  key = g_strconcat (card->context, KEY_SEPARATOR, normal, NULL);
  seen = GPOINTER_TO_UINT (g_hash_table_lookup (self->keys, key));
  g_hash_table_replace (self->keys, g_strdup (key), GUINT_TO_POINTER (seen + 1));
  /* The same question twice in one section still needs two keys that survive a re-import. */
  card->key = seen == 0 ? g_steal_pointer (&key) : g_strdup_printf ("%s" KEY_SEPARATOR "%u",
                                                                    key, seen + 1);

  g_ptr_array_add (self->sheet->cards, card);
}

/* Adds the reverse of the card added last, if one was added since @before (front matter
 * `reverse:`): @question asks for what the forward card asked, and @answer (the forward card's
 * question when NULL) gives it. Its key is the forward key and FLASH_SHEET_REVERSE_MARK, so the
 * store knows the two as siblings and a re-import keeps its history while the item's term stays. */
void
flash_sheet_add_reverse_card (Parser     *self,
                              guint       before,
                              const char *question,
                              const char *answer)
{
  FlashSheetCard *forward;
  FlashSheetCard *card;
  g_autofree char *line = NULL;

  if (self->sheet->cards->len <= before || question == NULL)
    return;
  forward = g_ptr_array_index (self->sheet->cards, self->sheet->cards->len - 1);
  line = g_strstrip (g_strdelimit (g_strdup (question), "\r\n", ' '));
  if (*line == '\0')
    return;

  card = g_new0 (FlashSheetCard, 1);
  card->key = g_strconcat (forward->key, FLASH_SHEET_REVERSE_MARK, NULL);
  card->context = g_strdup (forward->context);
  card->question = flash_sheet_unlink_anchors (line);
  card->answer = answer != NULL ? flash_sheet_unlink_anchors (answer)
                                 : g_strdup (forward->question);
  card->tags = g_strdupv (forward->tags);
  card->line = forward->line;
  g_hash_table_replace (self->keys, g_strdup (card->key), GUINT_TO_POINTER (1));
  g_ptr_array_add (self->sheet->cards, card);
}

/* Sections ------------------------------------------------------------------------------------ */

/* The blocks under one heading (or before the first): tables, term lists and Q:/A: pairs become
 * cards of their own; what remains is the heading's own answer. */
typedef gboolean (*ListSplit) (Parser     *self,
                               guint       depth,
                               cmark_node *list,
                               GString    *remainder);

/* Makes cards of @list with @split; the items it left go in the heading's own answer, where the
 * list was (in @own, their text in @replaced). */
static gboolean
split_list (Parser     *self,
            guint       depth,
            cmark_node *list,
            ListSplit   split,
            GPtrArray  *own,
            GHashTable *replaced)
{
  GString *remainder = g_string_new (NULL);

  if (!split (self, depth, list, remainder))
    {
      g_string_free (remainder, TRUE);
      return FALSE;
    }
  if (remainder->len > 0)
    {
      g_ptr_array_add (own, list);
      g_hash_table_insert (replaced, list, g_string_free (remainder, FALSE));
    }
  else
    g_string_free (remainder, TRUE);
  return TRUE;
}

static Crumb *
own_crumb (Parser *self,
           guint   depth)
{
  return depth >= 1 && depth <= self->crumbs->len ? g_ptr_array_index (self->crumbs, depth - 1)
                                                  : NULL;
}

static void
flush_section (Parser     *self,
               cmark_node *heading,
               GPtrArray  *blocks)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  g_autoptr(GHashTable) replaced = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint depth = self->crumbs->len;
  guint first_special = self->sheet->cards->len;
  guint taken;
  g_autofree char *question = NULL;
  g_autofree char *parent_context = NULL;
  g_autofree char *grand_context = NULL;
  g_autofree char *asked_with = NULL; /* what the question shows besides the heading */
  const char *remark;
  g_autofree char *definition = NULL;
  gboolean asks = heading != NULL && heading != self->title
                  && g_str_has_suffix (((Crumb *) g_ptr_array_index (self->crumbs,
                                                                     depth - 1))->plain, "?");
  GString *answer;

  /* A table of contents, "See also" or "License" leads elsewhere or is not knowledge. */
  if (heading != NULL && heading != self->title
      && flash_sheet_is_navigation_heading (
           ((Crumb *) g_ptr_array_index (self->crumbs, depth - 1))->plain,
           depth >= (self->title != NULL ? 3u : 2u)))
    {
      g_ptr_array_set_size (blocks, 0);
      return;
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      cmark_node *block = g_ptr_array_index (blocks, i);
      cmark_node_type type = cmark_node_get_type (block);

      if (type == CMARK_NODE_HTML_BLOCK
          && (taken = flash_sheet_add_details_card (self, depth, blocks, i, own)) > 0)
        {
          i += taken - 1;
          continue;
        }
      if (flash_sheet_is_debris (block))
        continue;
      /* Under a heading that asks ("What is the difference between…?") a table answers it,
       * unless it is a lookup ("When to use which collection?" over the needs); a query's
       * result rows are no items. */
      if (flash_sheet_node_is (block, "table")
          && (!asks || flash_sheet_table_is_lookup (self, depth, block))
          && !flash_sheet_table_is_data (self, depth, blocks, i)
          && flash_sheet_add_table_cards (self, depth, block))
        continue;
      /* Under a heading that asks, the section is its one answer: its lists, terms and
       * commented code are not items of their own. */
      if (asks && (type == CMARK_NODE_LIST || type == CMARK_NODE_PARAGRAPH
                   || type == CMARK_NODE_CODE_BLOCK))
        {
          /* "**Answer:**" on a line of its own says what the whole card is. */
          if (!flash_sheet_is_answer_label (block))
            g_ptr_array_add (own, block);
          continue;
        }
      if (type == CMARK_NODE_LIST
          && (taken = flash_sheet_add_command_cards (
                self, depth, block, i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL))
               > 0)
        {
          i += taken - 1;
          continue;
        }
      if (type == CMARK_NODE_LIST && flash_sheet_add_question_list_cards (self, depth, block))
        continue;
      /* A list of terms, or a long one of tips: its other items stay in the heading's answer. */
      if (type == CMARK_NODE_LIST
          && (split_list (self, depth, block, flash_sheet_add_term_list_cards, own, replaced)
              || split_list (self, depth, block, flash_sheet_split_long_list, own, replaced)))
        continue;

      if (flash_sheet_paragraph_starts_with_marker (block, 'Q'))
        {
          cmark_node *last = flash_sheet_add_qa_card (self, depth, block);

          if (last != NULL)
            {
              while (i + 1 < blocks->len && g_ptr_array_index (blocks, i) != last)
                i++;
              continue;
            }
        }
      if (type == CMARK_NODE_PARAGRAPH && flash_sheet_add_bold_question_card (self, depth, block))
        continue;
      if (type == CMARK_NODE_CODE_BLOCK && heading != NULL && heading != self->title
          && flash_sheet_add_key_block_cards (self, depth, block))
        continue;
      if (flash_sheet_is_todo (block) || flash_sheet_is_back_link (block)
          || (cmark_node_previous (block) != NULL
              && cmark_node_get_type (cmark_node_previous (block)) == CMARK_NODE_HEADING
              && cmark_node_get_heading_level (cmark_node_previous (block)) == 1
              && flash_sheet_is_page_properties (block)))
        continue;
      if (type == CMARK_NODE_PARAGRAPH
          && (taken = flash_sheet_add_definitions (self, depth, blocks, i)) > 0)
        {
          i += taken - 1;
          continue;
        }
      g_ptr_array_add (own, block);
    }

  flash_sheet_drop_footer (own);

  /* A rule between sections is the page's layout, not part of either answer,
   * nor a reason to keep the commands before it together. */
  while (own->len > 0 && cmark_node_get_type (g_ptr_array_index (own, own->len - 1))
                           == CMARK_NODE_THEMATIC_BREAK)
    g_ptr_array_set_size (own, own->len - 1);
  while (own->len > 0 && cmark_node_get_type (g_ptr_array_index (own, 0))
                           == CMARK_NODE_THEMATIC_BREAK)
    g_ptr_array_remove_index (own, 0);

  /* "Related", "Resources": a list of links there is a way elsewhere, not knowledge. */
  if (heading != NULL && heading != self->title
      && flash_sheet_is_links_heading (((Crumb *) g_ptr_array_index (self->crumbs,
                                                                     depth - 1))->plain)
      && flash_sheet_is_links_section (own))
    {
      g_ptr_array_set_size (blocks, 0);
      return;
    }

  /* Commands with comments, or caption and code pairs, and nothing else: a card each, and none
   * for the heading; a remark after the commands is the heading's card. */
  if (heading != NULL && heading != self->title && !asks)
    {
      const char *own_heading = ((Crumb *) g_ptr_array_index (self->crumbs, depth - 1))->markdown;
      guint notes = 0;
      gboolean split = flash_sheet_split_commented_code (self, depth, own, &notes);

      if (!split)
        {
          /* The other splits too leave a remark after the code to the heading's card. */
          g_autoptr(GPtrArray) body = g_ptr_array_copy (own, NULL, NULL);

          while (notes < 2 && body->len > 1
                 && flash_sheet_is_note (g_ptr_array_index (body, body->len - 1)))
            {
              g_ptr_array_set_size (body, body->len - 1);
              notes++;
            }
          flash_sheet_drop_link_lists (body);
          split = flash_sheet_split_captioned_code (self, depth, own_heading, body)
                  || flash_sheet_split_term_lists (self, depth, body)
                  || flash_sheet_split_code_blocks (self, depth, own_heading, body);
        }
      if (split && notes > 0)
        g_ptr_array_remove_range (own, 0, own->len - notes);
      else if (split)
        {
          g_ptr_array_set_size (blocks, 0);
          return;
        }
    }

  /* A caption or an introduction of a list or table that became cards says nothing alone. */
  if (own->len > 0 && own->len < blocks->len)
    flash_sheet_drop_captions (own);

  /* "### Q4. What will this print?", its code, then "**Answer:** …": the label goes, and the
   * code before it belongs to the question. */
  if (heading != NULL && heading != self->title)
    for (guint i = 0; i < own->len; i++)
      {
        char *text = flash_sheet_answer_without_label (self, g_ptr_array_index (own, i));
        Crumb *own_crumb = g_ptr_array_index (self->crumbs, depth - 1);

        if (text == NULL)
          continue;
        gboolean code_before = i > 0;

        g_hash_table_insert (replaced, g_ptr_array_index (own, i), text);
        /* Only code shows what is asked about; a table or prose before the label answers. */
        for (guint j = 0; j < i; j++)
          code_before = code_before && cmark_node_get_type (g_ptr_array_index (own, j))
                                         == CMARK_NODE_CODE_BLOCK;
        if (code_before && g_str_has_suffix (own_crumb->plain, "?"))
          {
            GString *asked = g_string_new (NULL);

            for (guint j = 0; j < i; j++)
              {
                g_autofree char *markdown = flash_sheet_slice_block (&self->src,
                                                                     g_ptr_array_index (own, j));

                flash_sheet_join_block (asked, markdown);
              }
            asked_with = g_string_free (asked, FALSE);
            g_ptr_array_remove_range (own, 0, i);
          }
        break;
      }

  answer = g_string_new (NULL);
  if (!flash_sheet_only_links (own, FALSE))
    for (guint i = 0; i < own->len; i++)
      {
        cmark_node *block = g_ptr_array_index (own, i);
        const char *kept = g_hash_table_lookup (replaced, block);
        g_autofree char *markdown = kept == NULL ? flash_sheet_slice_block (&self->src, block)
                                                 : NULL;

        flash_sheet_join_block (answer, kept != NULL ? kept : markdown);
      }

  if (heading != NULL && (heading == self->title
                          || (self->sheet->cards->len == 0 && self->sheet->description == NULL
                              && own_crumb (self, depth) != NULL
                              && flash_sheet_is_introduction (own_crumb (self, depth)->plain,
                                                              own))))
    {
      /* The title heading's own text describes the deck, and so does a blog post's
       * "Introduction" before any card; neither is a card. */
      if (answer->len > 0)
        self->sheet->description = flash_sheet_unquote (answer->str);
    }
  else if (heading != NULL && answer->len > 0 && depth >= 2
           && (parent_context = current_context (self, depth - 1)) != NULL
           && (depth < 3 || (grand_context = current_context (self, depth - 2)) != NULL)
           && flash_sheet_join_output (self->sheet,
                                       ((Crumb *) g_ptr_array_index (self->crumbs,
                                                                     depth - 1))->plain,
                                       parent_context, grand_context,
                                       depth >= 3 ? ((Crumb *) g_ptr_array_index (self->crumbs,
                                                                                  depth - 2))
                                                    ->markdown : NULL,
                                       own, answer->str))
    {
      /* Appended to the card of the code it shows the output of. */
    }
  else if (heading != NULL && answer->len > 0)
    {
      guint before = self->sheet->cards->len;
      guint card_depth = depth - 1;
      Crumb *own_crumb = g_ptr_array_index (self->crumbs, depth - 1);

      if (depth >= 2 && flash_sheet_is_label_heading (own_crumb->plain))
        question = flash_sheet_name_after_parent (
          ((Crumb *) g_ptr_array_index (self->crumbs, depth - 2))->markdown, own_crumb->markdown);
      else if (asked_with != NULL)
        question = g_strdup_printf ("%s\n\n%s", own_crumb->markdown, asked_with);
      else if (self->sheet->cards->len > first_special
               && (remark = flash_sheet_remark_label (own)) != NULL)
        /* The section's items became cards; a "Tip: …" left after them asks as "5xx — tip". */
        question = flash_sheet_name_after_parent (own_crumb->markdown, remark);
      else if (self->sheet->cards->len > first_special
               && flash_sheet_leftover_term (own, &question, &definition))
        {
          /* "Strong bases: …" left after the acids became cards asks about strong bases, in
           * the section's context. */
          g_string_assign (answer, definition);
          card_depth = depth;
        }
      else
        question = g_strdup (own_crumb->markdown);
      /* The heading's own card comes before the cards made from its table or list. */
      flash_sheet_add_card (self, card_depth, question, answer->str,
                            cmark_node_get_start_line (heading));
      if (self->sheet->cards->len > before && first_special < before)
        {
          gpointer card = g_ptr_array_steal_index (self->sheet->cards, before);

          g_ptr_array_insert (self->sheet->cards, (int) first_special, card);
        }
    }
  g_string_free (answer, TRUE);
  g_ptr_array_set_size (blocks, 0);
}

static void
crumb_free (Crumb *crumb)
{
  g_free (crumb->plain);
  g_free (crumb->markdown);
  g_free (crumb->slug);
  g_free (crumb);
}

static void
open_heading (Parser     *self,
              cmark_node *heading)
{
  int level = cmark_node_get_heading_level (heading);
  Crumb *crumb;

  while (self->crumbs->len > 0)
    {
      Crumb *top = g_ptr_array_index (self->crumbs, self->crumbs->len - 1);

      if (top->level < level)
        break;
      g_ptr_array_remove_index (self->crumbs, self->crumbs->len - 1);
    }
  crumb = g_new0 (Crumb, 1);
  crumb->level = level;
  crumb->plain = flash_sheet_node_to_plain (heading);
  crumb->markdown = flash_sheet_inlines_to_markdown (heading, FALSE);
  flash_sheet_strip_section_number (crumb->plain);
  flash_sheet_strip_section_number (crumb->markdown);
  crumb->slug = slugify (crumb->plain);
  g_ptr_array_add (self->crumbs, crumb);
  self->cached_depth = -1;
}

/* Entry points ------------------------------------------------------------------------------- */

static char *
normalise_newlines (const char *text,
                    gsize       length)
{
  GString *out = g_string_sized_new (length + 1);
  const char *end;

  /* A UTF-8 byte order mark is not content. */
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  end = text + length;
  /* Copied a run at a time: most files have no carriage return at all. */
  while (text < end)
    {
      const char *cr = memchr (text, '\r', end - text);

      g_string_append_len (out, text, (cr != NULL ? cr : end) - text);
      if (cr == NULL)
        break;
      g_string_append_c (out, '\n');
      text = cr + 1 < end && cr[1] == '\n' ? cr + 2 : cr + 1;
    }
  return g_string_free (out, FALSE);
}

void
flash_sheet_free (FlashSheet *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->source);
  g_free (self->description);
  g_strfreev (self->tags);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_free (self);
}

static FlashSheet *
parse_checked (const char  *text,
               gsize        length,
               const char  *source,
               const char  *display,
               const char  *fallback_name,
               GError     **error)
{
  g_autoptr(FlashSheet) sheet = NULL;
  g_autofree char *clean = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GArray) line_starts = NULL;
  cmark_node *document;
  cmark_node *heading = NULL;
  const char *bad;
  Parser parser = { 0 };
  guint h1_count = 0;
  gboolean late_title = FALSE;
  gsize clean_len;

  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_BINARY,
                   "%s: is a binary file (it contains NUL bytes), not a Markdown cheatsheet",
                   display);
      return NULL;
    }
  if (!g_utf8_validate_len (text, length, &bad))
    {
      guint line = 1;

      for (const char *p = text; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_UTF8,
                   "%s: is not valid UTF-8 (line %u); save it as UTF-8 and import it again",
                   display, line);
      return NULL;
    }

  /* cmark-gfm's table extension takes quadratic time in the number of columns: rows wider than
   * any real cheatsheet's are refused before it sees them. */
  {
    const char *end = text + length;
    guint line = 1;

    /* Line by line with memchr(): this runs over every byte of the file. */
    for (const char *start = text; start < end; line++)
      {
        const char *newline = memchr (start, '\n', end - start);
        const char *stop = newline != NULL ? newline : end;
        guint pipes = 0;

        for (const char *p = start; (p = memchr (p, '|', stop - p)) != NULL; p++)
          if (++pipes > FLASH_SHEET_MAX_COLUMNS)
            {
              g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                           "%s: line %u has more than %u table columns, too many for a "
                           "cheatsheet", display, line, FLASH_SHEET_MAX_COLUMNS);
              return NULL;
            }
        if (newline == NULL)
          break;
        start = newline + 1;
      }
  }

  sheet = g_new0 (FlashSheet, 1);
  sheet->source = g_strdup (source);
  sheet->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_sheet_card_free);
  sheet->tags = g_new0 (char *, 1);

  clean = normalise_newlines (text, length);
  flash_sheet_take_front_matter (clean, sheet);
  {
    char *flat = flash_sheet_flatten_outline (clean);

    if (flat != NULL)
      {
        g_free (clean);
        clean = flat;
      }
  }
  {
    char *stripped = flash_sheet_strip_attributes (clean);

    g_free (clean);
    char *converted = flash_sheet_convert_html_blocks (stripped);

    if (converted != NULL)
      {
        g_free (stripped);
        stripped = converted;
      }
    converted = flash_sheet_convert_admonitions (stripped);
    if (converted != NULL)
      {
        g_free (stripped);
        stripped = converted;
      }
    converted = flash_sheet_take_notes (stripped);
    if (converted != NULL)
      {
        g_free (stripped);
        stripped = converted;
      }
    clean = flash_sheet_fix_pipe_tables (stripped);
    g_free (stripped);
  }
  clean_len = strlen (clean);

  line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  {
    const char *end = clean + clean_len;
    gsize zero = 0;

    g_array_append_val (line_starts, zero);
    for (const char *newline = clean; (newline = memchr (newline, '\n', end - newline)) != NULL;
         newline++)
      {
        gsize next = (gsize) (newline - clean) + 1;

        g_array_append_val (line_starts, next);
      }
    if (clean_len == 0 || clean[clean_len - 1] != '\n')
      g_array_append_val (line_starts, clean_len);
  }

  document = flash_markdown_parse (clean, (gssize) clean_len);
  flash_sheet_drop_heading_images (document);
  parser.src.rewritten = flash_sheet_convert_inline_html (document);

  for (cmark_node *node = cmark_node_first_child (document); node; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) == 1)
      {
        if (h1_count++ == 0)
          parser.title = node;
      }
    else if (cmark_node_get_type (node) == CMARK_NODE_HEADING && h1_count == 0)
      late_title = TRUE;
  /* Only a single H1 is a title; several H1s are the sections of the sheet, and the first of
   * them names no more of it than the others do: the deck is named after its file. So is a
   * sheet whose one H1 comes after its sections ("# Links" at the end). */
  if (h1_count == 1 && late_title)
    parser.title = NULL;
  else if (h1_count != 1)
    {
      /* "# Git Cheat Sheet" over "# Setup", "# Branches" still names the sheet. */
      if (sheet->name == NULL && parser.title != NULL
          && flash_sheet_heading_names_sheet (parser.title))
        sheet->name = flash_sheet_node_to_plain (parser.title);
      parser.title = NULL;
    }
  else if (sheet->name == NULL && parser.title != NULL)
    sheet->name = flash_sheet_node_to_plain (parser.title);
  if (sheet->name == NULL || *sheet->name == '\0')
    {
      g_free (sheet->name);
      /* The absolute path, so that "README.md" imported from its own folder is named after it. */
      sheet->name = fallback_name != NULL
                    ? g_strdup (fallback_name)
                    : flash_sheet_name_from_path (source != NULL ? source : display);
    }

  parser.src.text = clean;
  parser.src.length = clean_len;
  parser.src.line_starts = line_starts;
  parser.sheet = sheet;
  parser.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser.crumbs = g_ptr_array_new_with_free_func ((GDestroyNotify) crumb_free);
  parser.cached_depth = -1;

  blocks = g_ptr_array_new ();
  for (cmark_node *node = cmark_node_first_child (document); node; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        {
          flush_section (&parser, heading, blocks);
          open_heading (&parser, node);
          heading = node;
        }
      else
        g_ptr_array_add (blocks, node);
    }
  flush_section (&parser, heading, blocks);

  g_clear_pointer (&parser.src.rewritten, g_hash_table_unref);
  g_hash_table_unref (parser.keys);
  g_ptr_array_unref (parser.crumbs);
  g_free (parser.cached_context);
  g_strfreev (parser.cached_tags);
  cmark_node_free (document);

  if (sheet->cards->len == 0)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NO_CARDS,
                   "%s: no cards found (a card is a heading with text under it, a table row, "
                   "a term list entry or a Q:/A: pair)",
                   display);
      return NULL;
    }
  return g_steal_pointer (&sheet);
}

FlashSheet *
flash_sheet_parse (const char  *text,
                   gssize       length,
                   const char  *source,
                   GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (text);
  if ((gsize) length > FLASH_SHEET_MAX_SIZE)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                   "%s: is larger than 32 MiB, too large for a cheatsheet", source);
      return NULL;
    }
  return parse_checked (text, (gsize) length, source, source, NULL, error);
}

FlashSheet *
flash_sheet_load (const char  *path,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, FLASH_SHEET_ERROR,
                   saved == ENOENT ? FLASH_SHEET_ERROR_NOT_FOUND : FLASH_SHEET_ERROR_READ,
                   "%s: %s", path, saved == ENOENT ? "no such file" : g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_REGULAR,
                   "%s: is a directory, not a Markdown file", path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_REGULAR,
                   "%s: is not a regular file", path);
      return NULL;
    }
  if (st.st_size > FLASH_SHEET_MAX_SIZE)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                   "%s: is larger than 32 MiB, too large for a cheatsheet", path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_READ,
                   "%s: cannot be read: %s", path, local_error->message);
      return NULL;
    }
  if (length > FLASH_SHEET_MAX_SIZE)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                   "%s: is larger than 32 MiB, too large for a cheatsheet", path);
      return NULL;
    }

  absolute = g_canonicalize_filename (path, NULL);
  /* A saved web page is read as the Markdown it shows. */
  if (flash_html_is_page (path))
    {
      g_autofree char *markdown = flash_html_to_markdown (contents, length, path, error);

      if (markdown == NULL)
        return NULL;
      return parse_checked (markdown, strlen (markdown), absolute, path, NULL, error);
    }
  return parse_checked (contents, length, absolute, path, NULL, error);
}

/* The text a paste key is made of: the Markdown with its line ends and trailing blanks
 * normalised, and no blank lines around it, so that the same text copied twice matches. */
static char *
paste_key (const char *markdown)
{
  g_autofree char *normal = normalise_newlines (markdown, strlen (markdown));
  g_auto(GStrv) lines = g_strsplit (normal, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *hash = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (text, g_strchomp (lines[i]));
      g_string_append_c (text, '\n');
    }
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, g_strstrip (text->str), -1);
  hash[16] = '\0';
  return g_strconcat ("paste:", hash, NULL);
}

/* Text a browser or another program put on the clipboard as UTF-16 (Firefox's text/html, with a
 * byte order mark, or without one on some systems) is read as UTF-8. NULL when @text is not
 * UTF-16; @error set when it is, but cannot be converted. */
static char *
utf16_to_utf8 (const char  *text,
               gsize        length,
               gsize       *out_length,
               const char  *display,
               GError     **error)
{
  const guchar *bytes = (const guchar *) text;
  const char *charset = NULL;
  g_autoptr(GError) local_error = NULL;
  char *converted;

  if (length >= 2 && bytes[0] == 0xff && bytes[1] == 0xfe)
    charset = "UTF-16LE";
  else if (length >= 2 && bytes[0] == 0xfe && bytes[1] == 0xff)
    charset = "UTF-16BE";
  else if (length >= 2 && length % 2 == 0 && bytes[0] != 0 && bytes[1] == 0
           && !g_utf8_validate_len (text, length, NULL))
    charset = "UTF-16LE";
  if (charset == NULL)
    return NULL;
  if (bytes[0] >= 0xfe)
    {
      text += 2;
      length -= 2;
    }
  converted = g_convert (text, (gssize) length, "UTF-8", charset, NULL, out_length, &local_error);
  if (converted == NULL)
    g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_NOT_UTF8,
                 "%s: is not valid text (%s): %s", display, charset, local_error->message);
  return converted;
}

FlashSheet *
flash_sheet_parse_pasted (const char  *text,
                          gsize        length,
                          gboolean     html,
                          const char  *display,
                          const char  *fallback_name,
                          GError     **error)
{
  g_autofree char *markdown = NULL;
  g_autofree char *key = NULL;
  g_autofree char *utf8 = NULL;
  GError *local_error = NULL;
  gsize utf8_length = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (display != NULL && fallback_name != NULL, NULL);

  if (length > FLASH_SHEET_MAX_SIZE)
    {
      g_set_error (error, FLASH_SHEET_ERROR, FLASH_SHEET_ERROR_TOO_LARGE,
                   "%s: is larger than 32 MiB, too large for a cheatsheet", display);
      return NULL;
    }
  if ((utf8 = utf16_to_utf8 (text, length, &utf8_length, display, &local_error)) != NULL)
    {
      text = utf8;
      length = utf8_length;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  markdown = html ? flash_html_to_markdown (text, length, display, error)
                  : g_strndup (text, length);
  if (markdown == NULL)
    return NULL;
  /* A NUL would end the text early: parse_checked() refuses it from the bytes as given. */
  if (!html && memchr (text, '\0', length) != NULL)
    return parse_checked (text, length, display, display, fallback_name, error);
  key = paste_key (markdown);
  return parse_checked (markdown, strlen (markdown), key, display, fallback_name, error);
}
