/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-terms.c: term lists: a bullet list of "term — text" entries, one card per term. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

static const char *const term_separators[] = { " — ", " – ", NULL };
/* The arrows of study notes ("Add reactant → shifts right"), after a colon: in "IP hash: same
 * client → same server" the colon ends the term. */
static const char *const arrow_separators[] = { " → ", " -> ", NULL };

typedef struct
{
  char    *term;
  char    *rest;
  gboolean dash;  /* split at " — " or " – ", or after a bold term and a separator */
} TermSplit;

static void
term_split_clear (TermSplit *split)
{
  g_clear_pointer (&split->term, g_free);
  g_clear_pointer (&split->rest, g_free);
}

guint
flash_sheet_count_words (const char *text)
{
  guint words = 1;

  for (const char *p = text; *p != '\0'; p++)
    words += *p == ' ' && p[1] != ' ' && p[1] != '\0';
  return words;
}

/* Drops the ":", "-", "=" or dash that joins a term to its text. */
static char *
trim_separator (char *rest)
{
  char *p = rest;

  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      /* ", not …" after a bold term goes on from it: the comma is no part of the answer. */
      if (*p == ':' || *p == '-' || *p == ',' || *p == ';' || (*p == '=' && p[1] == ' '))
        p++;
      else if (g_str_has_prefix (p, "—"))
        p += strlen ("—");
      else if (g_str_has_prefix (p, "–"))
        p += strlen ("–");
      else
        break;
    }
  memmove (rest, p, strlen (p) + 1);
  return g_strstrip (rest);
}

static char *
strip_trailing_colon (char *text)
{
  g_strchomp (text);
  while (*text != '\0' && text[strlen (text) - 1] == ':')
    {
      text[strlen (text) - 1] = '\0';
      g_strchomp (text);
    }
  return text;
}

/* Whether @rest (what follows a leading term) starts with a separator: ":", "-", "—", "–" or an
 * "=" and a blank (`` `NF`  = the number of fields ``). */
static gboolean
starts_with_separator (const char *rest)
{
  while (*rest == ' ')
    rest++;
  return *rest == ':' || *rest == '-' || g_str_has_prefix (rest, "—")
         || g_str_has_prefix (rest, "–") || g_str_has_prefix (rest, "= ");
}

/* The inlines from @first up to @stop (excluded) as Markdown, then @head: a term. A link in it
 * gives its text; where it leads stays off the card's question. */
static char *
markdown_before (cmark_node *first,
                 cmark_node *stop,
                 const char *head)
{
  GString *out = g_string_new (NULL);

  for (cmark_node *node = first; node != stop; node = cmark_node_next (node))
    if (flash_sheet_node_is (node, "link"))
      flash_sheet_append_inlines (out, cmark_node_first_child (node), FALSE);
    else
      flash_sheet_append_inline (out, node, FALSE);
  flash_sheet_append_escaped_text (out, head);
  return g_strstrip (g_string_free (out, FALSE));
}

/* How far @text (@len bytes) takes the depth of parentheses from @depth. */
static int
paren_depth (const char *text,
             gsize       len,
             int         depth)
{
  for (gsize i = 0; i < len; i++)
    depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
  return depth;
}

/* The first @separator in @literal outside parentheses (@depth open before it), or NULL. The
 * depth is carried from one hit to the next, so a long line stays linear. */
static const char *
outside_parentheses (const char *literal,
                     const char *separator,
                     int         depth)
{
  const char *scanned = literal;

  for (const char *hit = strstr (literal, separator); hit != NULL;
       hit = strstr (hit + 1, separator))
    {
      depth = paren_depth (scanned, hit - scanned, depth);
      scanned = hit;
      if (depth <= 0)
        return hit;
    }
  return NULL;
}

/* "term — text" (an en dash works too) anywhere in the bullet's top-level text; or, with
 * @separator ": ", a short term before the first colon. A separator inside parentheses
 * ("**Fail-safe** (better: *weakly consistent*) iterators") is part of the text. */
static gboolean
split_at (cmark_node *first,
          const char *separator,
          gsize       max_term,
          TermSplit  *split)
{
  gsize plain = 0;
  int depth = 0;

  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    {
      g_autofree char *head = NULL;
      const char *literal;
      const char *hit;
      GString *rest;

      if (!flash_sheet_node_is (node, "text"))
        {
          g_autofree char *text = flash_sheet_node_to_plain (node);

          plain += strlen (text);
          if (!flash_sheet_node_is (node, "code"))
            depth = paren_depth (text, strlen (text), depth);
          continue;
        }
      literal = cmark_node_get_literal (node);
      hit = outside_parentheses (literal, separator, depth);
      if (hit == NULL)
        {
          plain += strlen (literal);
          depth = paren_depth (literal, strlen (literal), depth);
          continue;
        }
      if (plain + (gsize) (hit - literal) > max_term)
        return FALSE;
      head = g_strndup (literal, hit - literal);
      split->term = markdown_before (first, node, head);
      rest = g_string_new (NULL);
      flash_sheet_append_escaped_text (rest, hit + strlen (separator));
      flash_sheet_append_inlines (rest, cmark_node_next (node), FALSE);
      split->rest = g_strstrip (g_string_free (rest, FALSE));
      if (*split->term != '\0')
        return TRUE;
      term_split_clear (split);
      return FALSE;
    }
  return FALSE;
}

/* Where @separator first comes in the bullet's top-level text outside parentheses, in bytes of
 * plain text, or G_MAXSIZE. */
static gsize
separator_offset (cmark_node *first,
                  const char *separator)
{
  gsize plain = 0;
  int depth = 0;

  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    {
      const char *literal;
      const char *hit;

      if (!flash_sheet_node_is (node, "text"))
        {
          g_autofree char *text = flash_sheet_node_to_plain (node);

          plain += strlen (text);
          if (!flash_sheet_node_is (node, "code"))
            depth = paren_depth (text, strlen (text), depth);
          continue;
        }
      literal = cmark_node_get_literal (node);
      hit = outside_parentheses (literal, separator, depth);
      if (hit != NULL)
        return plain + (gsize) (hit - literal);
      plain += strlen (literal);
      depth = paren_depth (literal, strlen (literal), depth);
    }
  return G_MAXSIZE;
}

/* "**は (wa)** topic marker — "as for X"": the author's bold marks the term; the dash further
 * on is part of what it means. A parenthesis between ("**Cache-aside** (lazy loading) — …")
 * still belongs to the term, which the dash rule then finds. */
/* "**W**ishes": a bold letter or syllable inside a word is the word's, not a term. */
static gboolean
bold_in_word (cmark_node *first)
{
  cmark_node *next = cmark_node_next (first);

  return flash_sheet_node_is (first, "strong") && next != NULL && flash_sheet_node_is (next, "text")
         && g_unichar_isalnum (g_utf8_get_char (cmark_node_get_literal (next)));
}

static gboolean
bold_before_dash (cmark_node *first,
                  TermSplit  *split)
{
  g_autofree char *inner = NULL;
  GString *rest;
  gboolean parenthesis;

  if (!flash_sheet_node_is (first, "strong") || bold_in_word (first)
      || !flash_sheet_node_is (cmark_node_next (first), "text")
      || starts_with_separator (cmark_node_get_literal (cmark_node_next (first)))
      || !split_at (cmark_node_next (first), term_separators[0], G_MAXSIZE, split))
    return FALSE;
  parenthesis = g_str_has_prefix (split->term, "(") && g_str_has_suffix (split->term, ")");
  term_split_clear (split);
  if (parenthesis)
    return FALSE;
  inner = flash_sheet_inlines_to_markdown (first, FALSE);
  rest = g_string_new (NULL);
  flash_sheet_append_inlines (rest, cmark_node_next (first), FALSE);
  split->term = g_strdup_printf ("**%s**", g_strstrip (inner));
  split->rest = trim_separator (g_string_free (rest, FALSE));
  split->dash = TRUE;
  return TRUE;
}

/* The last of the code spans joined to @code as one key or name: "`Ctrl` + `f`", "`:q!` or
 * `ZQ`", "`h`, `j`, `k`, `l`", "`yy` / `Y`". @code itself when none is. */
static cmark_node *
last_joined_code (cmark_node *code)
{
  static const char *const joins[] = { "+", "or", "and", ",", ", or", ", and", "/", "then", "" };
  cmark_node *last = code;

  for (;;)
    {
      cmark_node *between = cmark_node_next (last);
      cmark_node *next = between != NULL ? cmark_node_next (between) : NULL;
      g_autofree char *word = NULL;
      gboolean joined = FALSE;

      if (next == NULL || !flash_sheet_node_is (between, "text")
          || !flash_sheet_node_is (next, "code"))
        return last;
      word = g_strstrip (g_strdup (cmark_node_get_literal (between)));
      for (guint i = 0; i < G_N_ELEMENTS (joins) && !joined; i++)
        joined = g_str_equal (word, joins[i]);
      if (!joined)
        return last;
      last = next;
    }
}

/* The full-width colon of Chinese and Japanese text, which takes no blank after it. */
#define WIDE_COLON "\xef\xbc\x9a"

/* Whether @markdown has ": " (or a full-width colon) outside its code spans. */
static gboolean
has_label_colon (const char *markdown)
{
  gboolean code = FALSE;

  for (const char *p = markdown; *p != '\0'; p++)
    if (*p == '`')
      code = !code;
    else if (!code && ((p[0] == ':' && p[1] == ' ') || g_str_has_prefix (p, WIDE_COLON)))
      return TRUE;
  return FALSE;
}

/* Whether @markdown has a comma or a semicolon outside its code spans: a clause, not a name. */
static gboolean
has_clause_mark (const char *markdown)
{
  gboolean code = FALSE;

  for (const char *p = markdown; *p != '\0'; p++)
    if (*p == '`')
      code = !code;
    else if (!code && (*p == ',' || *p == ';'))
      return TRUE;
  return FALSE;
}

/* The first of a dash, a colon (after a short phrase), an arrow or an equals sign (after a short
 * name) ends the term. TRUE when the bullet is decided: a term (@split filled) or, with
 * @split->term NULL, none (a record of labelled fields, a sign inside a sentence). */
static gboolean
split_at_first_separator (cmark_node *first,
                          TermSplit  *split)
{
  gsize dash_at = G_MAXSIZE;
  gsize colon_at;
  gsize wide_colon_at;
  gboolean wide = FALSE;
  gsize arrow_at = G_MAXSIZE;

  /* The first separator ends the term: "`LAST_VALUE(col)`: the last value — careful" at the
   * colon, "Wohin? → **Akkusativ**: *Ich lege…*" at the arrow. */
  for (guint i = 0; term_separators[i] != NULL; i++)
    dash_at = MIN (dash_at, separator_offset (first, term_separators[i]));
  for (guint i = 0; arrow_separators[i] != NULL; i++)
    arrow_at = MIN (arrow_at, separator_offset (first, arrow_separators[i]));
  colon_at = separator_offset (first, ": ");
  wide_colon_at = separator_offset (first, WIDE_COLON);
  if (wide_colon_at < colon_at)
    {
      wide = TRUE;
      colon_at = wide_colon_at;
    }
  if (colon_at > 60)
    colon_at = G_MAXSIZE;
  for (guint i = 0; term_separators[i] != NULL && dash_at < MIN (colon_at, arrow_at); i++)
    if (split_at (first, term_separators[i], G_MAXSIZE, split))
      {
        split->dash = TRUE;
        return TRUE;
      }
  /* A colon after more than a short phrase is inside a sentence; a second colon after it makes
   * the item a record of labelled fields ("acid: HCl, its conjugate base: Cl⁻"), not a term. */
  if (colon_at < arrow_at && split_at (first, wide ? WIDE_COLON : ": ", 60, split))
    {
      /* "**Environment**: …", a bold term before the colon, names its subject. */
      split->dash = flash_sheet_node_is (first, "strong") && flash_sheet_node_is (
                      cmark_node_next (first), "text")
                    && g_str_has_prefix (cmark_node_get_literal (cmark_node_next (first)),
                                         wide ? WIDE_COLON : ":");
      if (has_label_colon (split->rest))
        term_split_clear (split);
      return TRUE;
    }
  for (guint i = 0; arrow_separators[i] != NULL; i++)
    if (split_at (first, arrow_separators[i], G_MAXSIZE, split))
      return TRUE;
  /* "major = root + M3 + P5", a short name before an equals sign (code keeps its own); "Normal
   * 60–100 bpm; <60 = bradycardia" has its sign inside a sentence. */
  if (split_at (first, " = ", 30, split))
    {
      if (has_clause_mark (split->term))
        term_split_clear (split);
      return TRUE;
    }
  return FALSE;
}

/* "**HashMap vs TreeMap:** …": the separator inside the bold. */
static gboolean
bold_ends_with_colon (cmark_node *strong)
{
  g_autofree char *inner = flash_sheet_inlines_to_markdown (strong, FALSE);

  g_strchomp (inner);
  return g_str_has_suffix (inner, ":");
}

/* Splits the first paragraph of a bullet into its term and the rest, as a term list wants, in
 * this order: "term — text"; "term: text" with a short term (which may hold code: "`cut`,
 * `paste` and `join`: …"); a leading code span or link followed by a separator (":", "-", "—");
 * a leading **bold** term. */
static gboolean
split_term (cmark_node *paragraph,
            TermSplit  *split)
{
  cmark_node *first = cmark_node_first_child (paragraph);
  cmark_node *after_code;

  if (first == NULL)
    return FALSE;
  if (bold_before_dash (first, split))
    return *split->rest != '\0';
  /* "`split(",")` - string → array": a leading code span and its separator come first. */
  after_code = flash_sheet_node_is (first, "code") ? cmark_node_next (last_joined_code (first))
                                                   : NULL;
  if (after_code == NULL || !flash_sheet_node_is (after_code, "text")
      || !starts_with_separator (cmark_node_get_literal (after_code)))
    {
      if (split_at_first_separator (first, split))
        return split->term != NULL;
    }
  if (flash_sheet_node_is (first, "code")
      || (flash_sheet_node_is (first, "strong") && !bold_in_word (first))
      || flash_sheet_node_is (first, "link"))
    {
      GString *rest = g_string_new (NULL);
      cmark_node *last = flash_sheet_node_is (first, "code") ? last_joined_code (first) : first;

      flash_sheet_append_inlines (rest, cmark_node_next (last), FALSE);
      /* "1. **Environment**: cron runs…" names its subject as a dash would, and so does the
       * dash itself after code ("1. `SUMIF(…)` — one condition"). */
      split->dash = (flash_sheet_node_is (first, "strong")
                     && (starts_with_separator (rest->str) || bold_ends_with_colon (first)))
                    || g_str_has_prefix (g_strchug (rest->str), "—")
                    || g_str_has_prefix (rest->str, "–");
      /* `code` alone, or a link, does not make a term: "`ls` lists files" is a sentence. */
      if (!flash_sheet_node_is (first, "strong") && !starts_with_separator (rest->str))
        {
          g_string_free (rest, TRUE);
          return FALSE;
        }
      if (flash_sheet_node_is (first, "code"))
        {
          GString *term = g_string_new (NULL);

          for (cmark_node *node = first; node != cmark_node_next (last);
               node = cmark_node_next (node))
            flash_sheet_append_inline (term, node, FALSE);
          split->term = g_strstrip (g_string_free (term, FALSE));
        }
      else
        {
          g_autofree char *inner = flash_sheet_inlines_to_markdown (first, FALSE);

          split->term = flash_sheet_node_is (first, "strong")
                          ? g_strdup_printf ("**%s**", strip_trailing_colon (inner))
                          : g_strdup (inner);
        }
      split->rest = trim_separator (g_string_free (rest, FALSE));
      return *split->term != '\0';
    }
  return FALSE;
}

/* A name, not a clause: "Life-threatening limb bleed", not "If blood soaks through, put a second
 * pad on top" (a step, whose dash goes on with it). */
static gboolean
is_short_term (const char *markdown)
{
  return strlen (markdown) <= 40 && flash_sheet_count_words (markdown) <= 5;
}

/* "Por", "Kepler's laws", "Options:": a short name that ends no sentence (a colon may close it),
 * the title of the list under it. */
static gboolean
is_outline_name (cmark_node *paragraph)
{
  g_autofree char *plain = g_strstrip (flash_sheet_node_to_plain (paragraph));
  gsize length = strlen (plain);

  if (length > 1 && plain[length - 1] == ':')
    plain[--length] = '\0';
  return length > 0 && is_short_term (plain) && strchr (".!?:,;", plain[length - 1]) == NULL;
}

static void
term_split_free (gpointer data)
{
  if (data != NULL)
    {
      term_split_clear (data);
      g_free (data);
    }
}

/* "- useState - State management", "- ls - list directory contents": a plain hyphen between
 * blanks ends a term of three words at most, when it does so in every bullet of the list (in
 * prose it joins clauses: "Install it - then restart"). NULL unless every item is one. */
static GPtrArray *
hyphen_splits (cmark_node *list)
{
  g_autoptr(GPtrArray) splits = g_ptr_array_new_with_free_func (term_split_free);

  if (cmark_node_get_list_type (list) != CMARK_BULLET_LIST)
    return NULL;
  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *paragraph = cmark_node_first_child (item);
      TermSplit *split = g_new0 (TermSplit, 1);

      g_ptr_array_add (splits, split);
      if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH
          || !split_at (cmark_node_first_child (paragraph), " - ", 30, split)
          || flash_sheet_count_words (split->term) > 3 || has_clause_mark (split->term)
          || *split->rest == '\0')
        return NULL;
    }
  return splits->len >= 2 ? g_steal_pointer (&splits) : NULL;
}

/* "- Strings" over a list of its own whose every item, two or more, is a term ("- `upper()`:
 * uppercase"): each term is a card of its own, the group's name (@paragraph) closing their
 * breadcrumb. */
static gboolean
add_group_terms (Parser     *self,
                 guint       depth,
                 cmark_node *paragraph,
                 cmark_node *list)
{
  Crumb *crumb;
  gboolean added;
  gsize length;

  /* A single use under a name ("- Por" over "- cause: *por ti*") is what the name answers. */
  if (depth != self->crumbs->len || cmark_node_first_child (list) == NULL
      || cmark_node_next (cmark_node_first_child (list)) == NULL)
    return FALSE;
  crumb = g_new0 (Crumb, 1);
  crumb->level = G_MAXINT;
  crumb->plain = g_strstrip (flash_sheet_node_to_plain (paragraph));
  length = strlen (crumb->plain);
  if (length > 0 && crumb->plain[length - 1] == ':')
    crumb->plain[length - 1] = '\0';
  crumb->markdown = flash_sheet_inlines_to_markdown (paragraph, FALSE);
  crumb->slug = g_strdup ("");
  g_ptr_array_add (self->crumbs, crumb);
  self->cached_depth = -1;
  added = flash_sheet_add_term_list_cards (self, depth + 1, list, NULL);
  g_ptr_array_remove_index (self->crumbs, self->crumbs->len - 1);
  self->cached_depth = -1;
  return added;
}

/* A bullet list in which every item starts with a term gives one card per item; a numbered one
 * when every item is "term — text". */
gboolean
flash_sheet_add_term_list_cards (Parser     *self,
                                 guint       depth,
                                 cmark_node *list,
                                 GString    *remainder)
{
  g_autoptr(GPtrArray) splits = NULL;
  guint index = 0;
  guint n_terms = 0;
  guint short_terms = 0;

  if (cmark_node_first_child (list) == NULL)
    return FALSE;

  splits = g_ptr_array_new_with_free_func (term_split_free);
  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *paragraph = cmark_node_first_child (item);
      TermSplit *split = g_new0 (TermSplit, 1);
      gboolean more = paragraph != NULL && cmark_node_next (paragraph) != NULL;

      /* A numbered list is a term list only of "phrase — translation" items, or of bold terms
       * with a separator ("1. **Environment**: …"): "1. Install: …" is a step. A short name
       * over a list of its own ("- Por" and its uses indented under it) is a term too. */
      if (paragraph != NULL && cmark_node_get_type (paragraph) == CMARK_NODE_PARAGRAPH && more
          && cmark_node_get_type (cmark_node_next (paragraph)) == CMARK_NODE_LIST
          && !split_term (paragraph, split) && is_outline_name (paragraph))
        {
          term_split_clear (split);
          split->term = strip_trailing_colon (flash_sheet_inlines_to_markdown (paragraph, FALSE));
          split->rest = g_strdup ("");
        }
      else
        term_split_clear (split);
      if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH
          || (split->term == NULL && !split_term (paragraph, split))
          || (*split->rest == '\0' && !more)
          || (cmark_node_get_list_type (list) != CMARK_BULLET_LIST
              && (!split->dash || flash_sheet_names_an_order (self, depth))))
        {
          term_split_free (split);
          /* A numbered list is one list of terms or none. */
          if (cmark_node_get_list_type (list) != CMARK_BULLET_LIST)
            return FALSE;
          split = NULL;
        }
      n_terms += split != NULL;
      short_terms += split != NULL && is_short_term (split->term);
      g_ptr_array_add (splits, split);
    }
  /* Bullets of which two in three at least, two or more, are terms, each a short name: those are
   * cards, and the others ("- SADD / SREM / SISMEMBER") stay in the heading's answer. */
  if (n_terms < splits->len
      && (short_terms < n_terms || n_terms < 2 || n_terms * 3 < splits->len * 2
          || remainder == NULL))
    {
      g_ptr_array_unref (splits);
      if ((splits = hyphen_splits (list)) == NULL)
        return FALSE;
    }

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      TermSplit *split = g_ptr_array_index (splits, index++);
      GString *answer;
      cmark_node *more = cmark_node_next (cmark_node_first_child (item));
      guint before = self->sheet->cards->len;

      if (split == NULL)
        {
          /* The item's own lines, its marker with them. */
          g_autofree char *markdown = flash_sheet_slice_block (&self->src, item);

          g_string_append_printf (remainder, "%s%s", remainder->len > 0 ? "\n" : "", markdown);
          continue;
        }
      /* "**Arrays**" over a list of links to programs asks nothing the links answer. */
      if (*split->rest == '\0' && more != NULL)
        {
          g_autoptr(GPtrArray) blocks = g_ptr_array_new ();

          for (cmark_node *block = more; block; block = cmark_node_next (block))
            g_ptr_array_add (blocks, block);
          if (flash_sheet_only_links (blocks, FALSE))
            continue;
        }
      if (*split->rest == '\0' && more != NULL && cmark_node_next (more) == NULL
          && cmark_node_get_type (more) == CMARK_NODE_LIST
          && add_group_terms (self, depth, cmark_node_first_child (item), more))
        continue;
      answer = g_string_new (split->rest);

      for (cmark_node *block = more; block; block = cmark_node_next (block))
        {
          g_autofree char *markdown = flash_sheet_slice_block (&self->src, block);

          flash_sheet_join_block (answer, markdown);
        }
      flash_sheet_add_card (self, depth, split->term, answer->str,
                            cmark_node_get_start_line (item));
      /* "move to the end of the word" asks for `e`; a definition of several blocks asks too
       * much to be a question. */
      if ((self->sheet->reverse & FLASH_SHEET_REVERSE_TERMS) && more == NULL)
        flash_sheet_add_reverse_card (self, before, split->rest, NULL);
      g_string_free (answer, TRUE);
    }
  return TRUE;
}
