/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-remainder.c: what is left under a heading once its table, list or terms became
 * cards of their own (docs/cheatsheet-format.md, "What is ignored"): the caption that introduced
 * them goes, and a remark or a lone definition left behind asks in its own words rather than as
 * the heading, whose question it does not answer. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

/* Whether a sentence ends before the last one: "They freeze the loop. Options:" says something
 * before it points on ("e.g. " and "i.e. " end no sentence). */
static gboolean
says_more (const char *plain)
{
  for (const char *p = plain; (p = strpbrk (p, ".!?")) != NULL; p++)
    if (p[1] == ' ' && p[2] != '\0' && !(p - plain >= 3 && (g_str_has_prefix (p - 3, "e.g")
                                                            || g_str_has_prefix (p - 3, "i.e"))))
      return TRUE;
  return FALSE;
}

/* A paragraph all in bold, short, that ends no sentence: "**Common modes**". */
static gboolean
is_bold_only (cmark_node *block)
{
  cmark_node *only = cmark_node_first_child (block);
  g_autofree char *plain = NULL;
  gsize length;

  if (only == NULL || cmark_node_next (only) != NULL
      || cmark_node_get_type (only) != CMARK_NODE_STRONG)
    return FALSE;
  plain = g_strstrip (flash_sheet_node_to_plain (block));
  length = strlen (plain);
  return length > 0 && length <= 60 && strchr (".!?", plain[length - 1]) == NULL;
}

/* "These methods change the array in place:", "The following options exist", "Here are the
 * elements": words that only point at what comes next. */
static gboolean
is_introduction (const char *plain,
                 gboolean    is_bold_line)
{
  static const char *const openings[] = {
    "These ", "The following ", "Here are ", "Here is ", "Below ",
  };

  if (g_str_has_suffix (plain, ":"))
    return !says_more (plain);
  /* "**Common modes**" alone on its line names what follows, as a heading would. */
  if (is_bold_line)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    if (g_str_has_prefix (plain, openings[i]) && strchr (plain, '\n') == NULL
        && g_utf8_strlen (plain, -1) <= 160)
      return TRUE;
  return FALSE;
}

void
flash_sheet_drop_captions (GPtrArray *own)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < own->len; i++)
    g_hash_table_add (kept, g_ptr_array_index (own, i));
  for (guint i = own->len; i-- > 0;)
    {
      cmark_node *block = g_ptr_array_index (own, i);
      cmark_node *next = cmark_node_next (block);
      g_autofree char *plain = NULL;

      /* The block after it is no longer in the answer: it became cards (or was debris). */
      if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH || next == NULL
          || g_hash_table_contains (kept, next)
          || cmark_node_get_type (next) == CMARK_NODE_HEADING)
        continue;
      plain = g_strstrip (flash_sheet_node_to_plain (block));
      if (is_introduction (plain, is_bold_only (block)))
        g_ptr_array_remove_index (own, i);
    }
}

/* "TODO: add the nftables section", "FIXME …", "todo- pivot tables": the author's note to self
 * (in capitals, or in small letters with the dash glued on: "Todo apps" is a subject). */
gboolean
flash_sheet_is_todo (cmark_node *block)
{
  static const char *const marks[] = { "TODO", "FIXME" };
  static const char *const small[] = { "todo-", "fixme-" };
  g_autofree char *plain = NULL;

  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  plain = g_strchug (flash_sheet_node_to_plain (block));
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_prefix (plain, marks[i]) && strchr (": -", plain[strlen (marks[i])]) != NULL)
      return TRUE;
  /* In small letters the mark is glued to its note ("todo- add tv"): "todo: the `t` alias" and
   * "todo lists are…" speak of a todo tool. */
  for (guint i = 0; i < G_N_ELEMENTS (small); i++)
    if (g_str_has_prefix (plain, small[i]) && plain[strlen (small[i])] == ' ')
      return TRUE;
  return FALSE;
}

gboolean
flash_sheet_is_sign_off (cmark_node *block,
                         gboolean    strict)
{
  /* The first ones say nothing else; the others could be a sentence of the sheet ("Concrete is
   * made with cement"), so only a last rule before them makes them a footer. */
  static const char *const sign_offs[] = {
    "thanks for reading", "thank you for reading", "happy coding", "happy hacking",
    "happy learning", "star the repo", "⭐", "follow me", "if this helped", "if it helped",
    "if you found this", "if you liked", "subscribe to", "newsletter", "cross-posted",
    "originally published", "that's it for now", "that’s it for now", NULL,
  };
  static const char *const wishes[] = {
    "good luck", "best of luck", "all the best", "happy studying", NULL,
  };
  static const char *const after_rule[] = {
    "good luck", "prs welcome", "pull requests welcome", "made with", "coming soon", "open a pr",
    "open an issue", "back to top", "subscribe", NULL,
  };
  g_autofree char *plain = NULL;
  g_autofree char *folded = NULL;
  cmark_node *first = cmark_node_first_child (block);

  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH
      && cmark_node_get_type (block) != CMARK_NODE_HTML_BLOCK)
    return FALSE;
  plain = flash_sheet_node_to_plain (block);
  if (cmark_node_get_type (block) == CMARK_NODE_HTML_BLOCK)
    {
      g_free (plain);
      plain = g_strdup (cmark_node_get_literal (block));
    }
  if (plain == NULL || g_utf8_strlen (plain, -1) > 240)
    return FALSE;
  /* All in italics, perhaps a symbol after it: "*Thanks for reading!* 🦀". */
  if (first != NULL && cmark_node_get_type (first) == CMARK_NODE_EMPH)
    {
      gboolean only_symbols = TRUE;

      for (cmark_node *rest = cmark_node_next (first); rest != NULL && only_symbols;
           rest = cmark_node_next (rest))
        {
          const char *text = cmark_node_get_type (rest) == CMARK_NODE_TEXT
                             ? cmark_node_get_literal (rest) : "x";

          for (const char *p = text; *p != '\0' && only_symbols; p = g_utf8_next_char (p))
            only_symbols = !g_unichar_isalnum (g_utf8_get_char (p));
        }
      if (only_symbols)
        return TRUE;
    }
  folded = g_utf8_casefold (plain, -1);
  for (guint i = 0; sign_offs[i] != NULL; i++)
    if (strstr (folded, sign_offs[i]) != NULL)
      return TRUE;
  /* Opening a paragraph, a wish says nothing else: "Good luck with your exam! 🚀". */
  for (guint i = 0; wishes[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (folded), wishes[i]))
      return TRUE;
  for (guint i = 0; !strict && after_rule[i] != NULL; i++)
    if (strstr (folded, after_rule[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
flash_sheet_is_page_properties (cmark_node *block)
{
  static const char *const names[] = {
    "Created", "Created time", "Created by", "Last edited", "Last edited time", "Last edited by",
    "Tags", "Status", "Type", "Date", "Owner", "Author", "Updated", "Date created", "Property",
  };
  g_autofree char *plain = NULL;
  g_auto(GStrv) lines = NULL;

  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  plain = flash_sheet_node_to_plain (block);
  lines = g_strsplit (plain, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strstr (lines[i], ": ");
      gboolean known = FALSE;

      for (guint n = 0; colon != NULL && n < G_N_ELEMENTS (names); n++)
        known = known || ((gsize) (colon - lines[i]) == strlen (names[n])
                          && strncmp (lines[i], names[n], strlen (names[n])) == 0);
      if (!known)
        return FALSE;
    }
  return lines[0] != NULL;
}

gboolean
flash_sheet_is_back_link (cmark_node *block)
{
  cmark_node *only = cmark_node_first_child (block);
  g_autofree char *plain = NULL;
  g_autofree char *folded = NULL;
  const char *url;

  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH || only == NULL
      || cmark_node_next (only) != NULL || cmark_node_get_type (only) != CMARK_NODE_LINK
      || (url = cmark_node_get_url (only)) == NULL || url[0] != '#')
    return FALSE;
  plain = flash_sheet_node_to_plain (only);
  folded = g_utf8_casefold (plain, -1);
  return strstr (folded, "top") != NULL || strstr (folded, "contents") != NULL
         || strstr (folded, "back") != NULL;
}

gboolean
flash_sheet_is_emphasis_only (cmark_node *block)
{
  cmark_node *only = cmark_node_first_child (block);

  return cmark_node_get_type (block) == CMARK_NODE_PARAGRAPH && only != NULL
         && cmark_node_next (only) == NULL && cmark_node_get_type (only) == CMARK_NODE_EMPH;
}

const char *
flash_sheet_remark_label (GPtrArray *own)
{
  static const char *const labels[] = { "Tip", "Note", "Warning", "Hint", "Remember" };
  static const struct
  {
    const char *symbol;
    const char *label;
  } symbols[] = {
    { "💡", "Tip" }, { "⚠", "Warning" }, { "❗", "Warning" }, { "ℹ", "Note" }, { "📝", "Note" },
    { "📌", "Note" },
  };
  cmark_node *block;
  cmark_node *first;
  g_autofree char *plain = NULL;
  const char *start;

  if (own->len != 1)
    return NULL;
  block = g_ptr_array_index (own, 0);
  if (cmark_node_get_type (block) == CMARK_NODE_BLOCK_QUOTE)
    block = cmark_node_first_child (block);
  if (block == NULL || cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return NULL;
  plain = flash_sheet_node_to_plain (block);
  /* "💡 **Tip:** …": a symbol before the label is decoration. */
  start = plain;
  while (*start != '\0' && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  first = cmark_node_first_child (block);
  if (first != NULL && start != plain && cmark_node_get_type (first) == CMARK_NODE_TEXT)
    first = cmark_node_next (first);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_has_prefix (start, labels[i])
        && (start[strlen (labels[i])] == ':'
            /* "**Tip** Run `vimtutor`": the label in bold says it without a colon. */
            || (first != NULL && cmark_node_get_type (first) == CMARK_NODE_STRONG
                && g_ascii_isspace (start[strlen (labels[i])]))))
      return labels[i];
  /* "💡 304 is not really a redirect": the symbol is the label. */
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_str_has_prefix (g_strchug (plain), symbols[i].symbol))
      return symbols[i].label;
  return NULL;
}

/* "The **dominant 7th** (G B D F in C) wants to resolve to the tonic.": the sentence is about its
 * bold term, which asks; the whole sentence answers. */
static gboolean
bold_in_sentence (cmark_node  *paragraph,
                  char       **term,
                  char       **definition)
{
  static const char *const leads[] = { "", "The ", "A ", "An " };
  cmark_node *node = cmark_node_first_child (paragraph);
  cmark_node *before;

  /* The term opens a sentence, "The" or "A" before it at most: bold inside a sentence stresses
   * a word ("does **not** wait"). */
  while (node != NULL && cmark_node_get_type (node) != CMARK_NODE_STRONG)
    node = cmark_node_next (node);
  before = node != NULL ? cmark_node_previous (node) : NULL;
  if (before != NULL)
    {
      const char *text = flash_sheet_node_is (before, "text") ? cmark_node_get_literal (before)
                                                              : NULL;
      gboolean opens = FALSE;

      for (guint i = 0; text != NULL && i < G_N_ELEMENTS (leads) && !opens; i++)
        {
          g_autofree char *sentence = g_strconcat (". ", leads[i], NULL);

          opens = (*leads[i] != '\0' && g_str_equal (text, leads[i]))
                  || g_str_has_suffix (text, sentence);
        }
      if (!opens)
        return FALSE;
    }
  if (node == NULL || cmark_node_get_type (node) != CMARK_NODE_STRONG)
    return FALSE;
  {
    g_autofree char *bold = flash_sheet_inlines_to_markdown (node, FALSE);

    if (*g_strstrip (bold) == '\0' || g_utf8_strlen (bold, -1) > 40)
      return FALSE;
    *term = g_steal_pointer (&bold);
    *definition = flash_sheet_inlines_to_markdown (paragraph, FALSE);
    return TRUE;
  }
}

/* How many words [@start, @end) holds: a name has a few, a clause more. */
static guint
words_before (const char *start,
              const char *end)
{
  guint words = 0;

  for (const char *p = start; p < end; p++)
    if (*p != ' ' && (p == start || p[-1] == ' '))
      words++;
  return words;
}

gboolean
flash_sheet_leftover_term (GPtrArray  *own,
                           char      **term,
                           char      **definition)
{
  cmark_node *block;
  cmark_node *first;
  const char *literal;
  const char *colon;
  g_autoptr(GString) rest = NULL;

  if (own->len != 1 || cmark_node_get_type (block = g_ptr_array_index (own, 0))
                         != CMARK_NODE_PARAGRAPH
      || flash_sheet_paragraph_starts_with_marker (block, 'Q')
      || flash_sheet_paragraph_starts_with_marker (block, 'A'))
    return FALSE;
  /* "**Equivalence point**: moles of base = moles of acid", but not "**Answer:** …" */
  if (flash_sheet_bold_term (block, TRUE, term, definition))
    {
      if (!flash_sheet_is_label_heading (*term))
        return TRUE;
      g_clear_pointer (term, g_free);
      g_clear_pointer (definition, g_free);
      return FALSE;
    }
  /* "Strong bases: group 1 hydroxides": a short name, no sentence, before the colon. */
  first = cmark_node_first_child (block);
  if (first != NULL && !flash_sheet_node_is (first, "text"))
    first = NULL;
  if (first == NULL || strstr (cmark_node_get_literal (first), ": ") == NULL)
    return bold_in_sentence (block, term, definition);
  literal = cmark_node_get_literal (first);
  colon = strstr (literal, ": ");
  if (colon == NULL || colon == literal || colon - literal > 40
      || memchr (literal, '.', colon - literal) != NULL || words_before (literal, colon) > 3)
    return FALSE;
  rest = g_string_new (NULL);
  flash_sheet_append_escaped_text (rest, colon + 2);
  flash_sheet_append_inlines (rest, cmark_node_next (first), FALSE);
  g_strstrip (rest->str);
  if (rest->str[0] == '\0')
    return FALSE;
  {
    g_autofree char *name = g_strndup (literal, colon - literal);
    GString *escaped = g_string_new (NULL);

    flash_sheet_append_escaped_text (escaped, g_strstrip (name));
    *term = g_string_free (escaped, FALSE);
  }
  *definition = g_strdup (rest->str);
  return TRUE;
}

/* Whether @block is the sheet's last, but for a "Back to top" link that may close the page. */
static gboolean
ends_sheet (cmark_node *block)
{
  cmark_node *after = cmark_node_next (block);

  return after == NULL
         || (flash_sheet_is_back_link (after) && cmark_node_next (after) == NULL);
}

void
flash_sheet_drop_footer (GPtrArray *own)
{
  guint end = own->len;

  if (own->len == 0 || !ends_sheet (g_ptr_array_index (own, own->len - 1)))
    return;
  while (end > 0 && own->len - end < 3
         && flash_sheet_is_sign_off (g_ptr_array_index (own, end - 1), FALSE))
    end--;
  if (end < own->len && end > 0
      && cmark_node_get_type (g_ptr_array_index (own, end - 1)) == CMARK_NODE_THEMATIC_BREAK)
    {
      g_ptr_array_set_size (own, end - 1);
      return;
    }
  /* Without a rule, only a last paragraph of words that say nothing but sign off ("If you liked
   * this, subscribe…") goes. */
  end = own->len;
  if (flash_sheet_is_sign_off (g_ptr_array_index (own, end - 1), TRUE)
      && !flash_sheet_is_emphasis_only (g_ptr_array_index (own, end - 1)))
    g_ptr_array_set_size (own, end - 1);
}

/* Output under a heading of its own ---------------------------------------------------------- */

static gboolean
ends_with_code (const char *markdown)
{
  gsize length = strlen (markdown);

  while (length > 0 && g_ascii_isspace (markdown[length - 1]))
    length--;
  return length >= 3 && (strncmp (markdown + length - 3, "```", 3) == 0
                         || strncmp (markdown + length - 3, "~~~", 3) == 0);
}

gboolean
flash_sheet_join_output (FlashSheet *sheet,
                         const char *heading,
                         const char *context,
                         const char *parent_context,
                         const char *parent_question,
                         GPtrArray  *own,
                         const char *answer)
{
  static const char *const names[] = { "output", "result", "results", "console output" };
  g_autofree char *folded = g_utf8_casefold (heading, -1);
  g_autofree char *label = NULL;
  FlashSheetCard *previous;
  char *joined;
  gboolean named = FALSE;

  g_strstrip (folded);
  if (g_str_has_suffix (folded, ":"))
    folded[strlen (folded) - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    named = named || g_str_equal (folded, names[i]);
  if (!named || own->len == 0 || sheet->cards->len == 0)
    return FALSE;
  /* What a program printed is plain text or a terminal's; code in a language under "Output"
   * ("bool([])  # False") shows results of its own. */
  for (guint i = 0; i < own->len; i++)
    {
      cmark_node *block = g_ptr_array_index (own, i);
      const char *info = cmark_node_get_fence_info (block);

      if (cmark_node_get_type (block) != CMARK_NODE_CODE_BLOCK)
        return FALSE;
      if (info != NULL && *info != '\0')
        {
          static const char *const printed[] = {
            "text", "txt", "plaintext", "output", "console", "shell-session", "bash", "sh",
            "shell", "log",
          };
          gboolean plain = FALSE;

          gsize word = strcspn (info, " \t{");

          for (guint j = 0; j < G_N_ELEMENTS (printed); j++)
            plain = plain || (strlen (printed[j]) == word
                              && g_ascii_strncasecmp (info, printed[j], word) == 0);
          if (!plain)
            return FALSE;
        }
    }
  previous = g_ptr_array_index (sheet->cards, sheet->cards->len - 1);
  /* The program's card is the sibling before, or the parent whose first child this is. */
  if (!(g_str_equal (previous->context, context)
        || (parent_context != NULL && g_str_equal (previous->context, parent_context)
            && g_strcmp0 (previous->question, parent_question) == 0))
      || !ends_with_code (previous->answer)
      || g_str_has_suffix (previous->key, FLASH_SHEET_REVERSE_MARK))
    return FALSE;
  label = g_strstrip (g_strdup (heading));
  if (g_str_has_suffix (label, ":"))
    label[strlen (label) - 1] = '\0';
  joined = g_strdup_printf ("%s\n\n**%s:**\n\n%s", previous->answer, label, answer);
  g_free (previous->answer);
  previous->answer = joined;
  return TRUE;
}
