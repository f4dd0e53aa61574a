/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-split.c: a heading whose content is many independent facts becomes one card per
 * fact, along the author's own structure (docs/cheatsheet-format.md, "Many facts under one
 * heading"): a code block of "code  # comment" lines, code blocks each under its own caption, and
 * a long list of tips that each name some code. One program stays one card. */
#include "flash-sheet.h"
#include "flash-sheet-private.h"

#include <string.h>

/* Commented code lines --------------------------------------------------------------------- */

/* Where the comment of a "code  # comment" (or "//", "--") line starts, or NULL: after code and
 * two blanks at least, or one blank before "#", so that "#include" and "a#b" are code. */
/* Whether the "'" at @p opens a Rust lifetime ("&'a str", "'static"), not a quote: a name
 * follows it that no "'" closes. */
static gboolean
is_lifetime (const char *p,
             const char *end)
{
  const char *q = p + 1;

  if (q >= end || !(g_ascii_isalpha (*q) || *q == '_'))
    return FALSE;
  while (q < end && (g_ascii_isalnum (*q) || *q == '_'))
    q++;
  return q >= end || *q != '\'';
}

static const char *
trailing_comment (const char *line,
                  const char *end,
                  gboolean    rust)
{
  /* The last two: a comment after two blanks at least whose text touches its marker
   * ("S {x:y}  //create a struct"). */
  static const char *const markers[] = { " # ", " // ", " -- ", " /* ", "  //", "  #" };

  if (line >= end || g_ascii_isspace (line[0]))
    return NULL;
  for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
    {
      guint quotes = 0;
      const char *from = line;

      /* The first marker outside quotes: one after an unclosed quote is in a string. */
      for (const char *hit; (hit = g_strstr_len (from, end - from, markers[m])) != NULL;
           from = hit + 1)
        {
          const char *after = hit + strlen (markers[m]);

          for (const char *p = from; p < hit; p++)
            quotes += *p == '"' || (*p == '\'' && !(rust && is_lifetime (p, hit)));
          if (m >= 4 && (after >= end || !g_ascii_isalpha (*after)))
            continue;
          if (quotes % 2 == 0)
            return hit > line && end - after >= 3 ? hit : NULL;
        }
    }
  return NULL;
}

/* The text of the comment a trailing_comment() hit starts, without its marker or the "*" and "/"
 * that close a C comment. */
static char *
comment_text (const char *hit)
{
  const char *p = hit;
  char *text;
  gsize len;

  while (*p == ' ')
    p++;
  p += g_str_has_prefix (p, "#") ? 1 : 2;
  text = g_strstrip (g_strdup (p));
  len = strlen (text);

  if (len >= 2 && g_str_has_suffix (text, "*/"))
    text[len - 2] = '\0';
  return g_strchomp (text);
}

/* Whether a one-word comment shows a value rather than naming what the line does: "False",
 * "42", "'ab'", "[1, 2]". */
static gboolean
is_output (const char *comment)
{
  static const char *const values[] = { "True", "False", "None", "null", "nil", "undefined",
                                        "NaN", "true", "false" };

  if (!g_ascii_isalpha (comment[0]))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (g_str_equal (comment, values[i]))
      return TRUE;
  return FALSE;
}

/* A shell's block (or one without a language): its comment lines above a command say what the
 * command does, as trailing comments do. */
static gboolean
is_shell (const char *info)
{
  static const char *const shells[] = { "", "bash", "sh", "shell", "zsh", "console", "fish",
                                        "powershell", "ps1", "bat", "cmd" };

  for (guint i = 0; i < G_N_ELEMENTS (shells); i++)
    if (g_ascii_strcasecmp (info != NULL ? info : "", shells[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether (stripped) @lines[@i] is a comment of two words or more ("# start everything in the
 * background") over a command without a comment of its own, @lines[*@next]. */
static gboolean
comment_above (char **lines,
               guint  i,
               guint *next)
{
  const char *line = lines[i];
  guint j = i + 1;

  if (!(g_str_has_prefix (line, "# ") || g_str_has_prefix (line, "// "))
      || strchr (strchr (line, ' ') + 1, ' ') == NULL)
    return FALSE;
  while (lines[j] != NULL && *g_strstrip (lines[j]) == '\0')
    j++;
  if (lines[j] == NULL || lines[j][0] == '#' || g_str_has_prefix (lines[j], "//")
      || trailing_comment (lines[j], lines[j] + strlen (lines[j]), FALSE) != NULL)
    return FALSE;
  *next = j;
  return TRUE;
}

/* A comment line that names a group of the commands under it ("toml", "jsonl (json-lines)"):
 * three words at most, no label ("Note: …") and no editor's mode line ("-*- coding -*-"); or
 * NULL. */
static char *
group_name (const char *comment)
{
  g_autofree char *name = g_strstrip (g_strdup (comment));
  guint words = 1;

  for (const char *p = name; *p != '\0'; p++)
    words += *p == ' ';
  if (*name == '\0' || words > 3 || strchr (name, ':') != NULL || strstr (name, "-*-") != NULL)
    return NULL;
  return g_steal_pointer (&name);
}

/* The "O(1)" that closes @comment after " - ", " — " or in parentheses ("Add to rear - O(1)",
 * "lookup (O(log n))"), cut off @comment; or NULL. */
static char *
split_cost (char *comment)
{
  gsize length = strlen (comment);
  char *open = g_strrstr (comment, "O(");
  char *cut;
  char *cost;

  if (open == NULL || open == comment || strchr (" (-", open[-1]) == NULL || length < 4
      || comment[length - 1] != ')')
    return NULL;
  cut = open;
  /* "(O(log n))": the outer parentheses go with it. */
  if (cut[-1] == '(' && comment[length - 2] == ')')
    cut--;
  cost = cut == open ? g_strdup (open) : g_strndup (open, strlen (open) - 1);
  while (cut > comment && strchr (" -,", cut[-1]) != NULL)
    cut--;
  /* An em dash before it: "Add at start — O(1)". */
  if (cut - comment >= 3 && memcmp (cut - 3, "—", 3) == 0)
    cut -= 3;
  while (cut > comment && cut[-1] == ' ')
    cut--;
  if (cut == comment)
    {
      g_free (cost);
      return NULL;
    }
  *cut = '\0';
  return cost;
}

/* Whether @block is a list of commands, each saying what it does, and if @add, adds a card per
 * command. */
static gboolean
split_commented_code (Parser     *self,
                      guint       depth,
                      cmark_node *block,
                      gboolean    add)
{
  const char *literal = cmark_node_get_literal (block);
  const char *info = cmark_node_get_fence_info (block);
  g_auto(GStrv) lines = NULL;
  g_autofree char *previous = NULL; /* the question of the line before */
  g_autofree char *group = NULL;    /* the comment over the lines since the last blank one */
  gboolean shell = is_shell (info);
  gboolean rust = info != NULL && (g_ascii_strcasecmp (info, "rust") == 0
                                   || g_ascii_strcasecmp (info, "rs") == 0);
  g_autofree char *prelude = NULL; /* the setup lines before the first comment */
  g_autofree char *cost = NULL;    /* the current line's "O(1)", taken off its comment */
  guint commented = 0;
  guint named = 0;
  guint code = 0;
  guint setup = 0;
  guint next = 0;

  if (literal == NULL || cmark_node_get_type (block) != CMARK_NODE_CODE_BLOCK
      || (strstr (literal, " # ") == NULL && strstr (literal, " //") == NULL
          && strstr (literal, " -- ") == NULL && strstr (literal, " /* ") == NULL
          && strstr (literal, "  #") == NULL))
    return FALSE;
  lines = g_strsplit (literal, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      const char *hit;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if ((hit = trailing_comment (line, line + strlen (line), rust)) != NULL)
        {
          g_autofree char *comment = comment_text (hit);

          /* "# False", "# 42", "# [1, 2]" annotate output, and "= 1 1 0%" a value: the
           * block shows what lines give. */
          if ((strchr (comment, ' ') == NULL && is_output (comment)) || comment[0] == '='
              || g_str_has_prefix (comment, "→") || g_str_has_prefix (comment, "->"))
            return FALSE;
          named += strchr (comment, ' ') == NULL;
          commented++;
        }
      else if (shell && comment_above (lines, i, &next))
        {
          commented++;
          i = next;
        }
      else if (line[0] != '#' && !g_str_has_prefix (line, "//"))
        {
          code++;
          /* "Queue<Integer> q = new LinkedList<>();" before the commented calls on q. */
          setup += commented == 0;
        }
    }
  /* What the lines work on, a line or two opening the block before four commented ones, goes
   * with each of them; under a comment of its own ("# make a list") it is a program's step. */
  if (setup > 2 || shell || commented < 4 || lines[0] == NULL || lines[0][0] == '#'
      || g_str_has_prefix (lines[0], "//"))
    setup = 0;
  /* A list of commands, each saying what it does (a one-word name, "# grep", in one line of
   * three at most); a program has lines of plain code too. */
  if (commented < 3 || (code - setup) * 5 > commented || named * 3 > commented)
    return FALSE;
  if (!add)
    return TRUE;
  if (setup > 0)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) first = NULL;

      for (guint i = 0, taken = 0; lines[i] != NULL && taken < setup; i++)
        if (*lines[i] != '\0')
          {
            g_strv_builder_add (builder, lines[i]);
            taken++;
          }
      first = g_strv_builder_end (builder);
      prelude = g_strjoinv ("\n", first);
    }

  previous = NULL;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *hit = trailing_comment (line, line + strlen (line), rust);
      g_autofree char *command = NULL;
      g_autofree char *comment = NULL;
      g_autofree char *answer = NULL;
      const char *rest;
      GString *question;

      /* "# toml" over the toml commands names their group, up to the next blank line: "rq -t
       * # output as json" asks "toml — output as json", not what the yaml one asks too. */
      if (*line == '\0')
        g_clear_pointer (&group, g_free);
      else if (hit == NULL && (g_str_has_prefix (line, "# ") || g_str_has_prefix (line, "// "))
               && !(shell && comment_above (lines, i, &next)))
        {
          g_free (group);
          group = group_name (strchr (line, ' ') + 1);
          continue;
        }
      else if (hit == NULL && !(shell && comment_above (lines, i, &next)))
        /* A command without a comment between ends the group ("# install" over "brew
         * install jq" names no jq command after it). */
        g_clear_pointer (&group, g_free);
      if (hit == NULL && shell && comment_above (lines, i, &next))
        {
          /* "# start everything in the background" over "docker compose up -d". */
          command = g_strdup (lines[next]);
          comment = g_strdup (strchr (line, ' ') + 1);
          i = next;
        }
      else if (hit == NULL)
        continue;
      else
        {
          command = g_strchomp (g_strndup (line, hit - line));
          comment = comment_text (hit);
        }
      question = g_string_new (NULL);
      /* "...and remove named volumes" goes on from the line before: ask with both. */
      rest = comment;
      if (g_str_has_prefix (rest, "...") || g_str_has_prefix (rest, "…"))
        {
          rest += g_str_has_prefix (rest, "...") ? 3 : strlen ("…");
          rest += strspn (rest, " ");
          if (previous != NULL)
            g_string_append_printf (question, "%s, ", previous);
        }
      /* "Add to rear - O(1)": the cost is what the card teaches, not what it asks with. */
      g_free (cost);
      cost = split_cost (comment);
      flash_sheet_append_escaped_text (question, rest);
      if (group != NULL && g_ascii_strncasecmp (question->str, group, strlen (group)) != 0)
        {
          g_autofree char *grouped = flash_sheet_name_after_parent (group, question->str);

          g_string_assign (question, grouped);
        }
      /* "# grep" names the command the line stands for: "Files — grep". */
      else if (strchr (rest, ' ') == NULL && depth > 0 && depth <= self->crumbs->len)
        {
          g_autofree char *named_question = flash_sheet_name_after_parent (
            ((Crumb *) g_ptr_array_index (self->crumbs, depth - 1))->markdown, question->str);

          g_string_assign (question, named_question);
        }
      g_free (previous);
      previous = g_strdup (question->str);
      answer = g_strdup_printf ("```%s\n%s%s%s\n```%s%s%s", info != NULL ? info : "",
                                prelude != NULL ? prelude : "", prelude != NULL ? "\n" : "",
                                command, cost != NULL ? "\n\n`" : "", cost != NULL ? cost : "",
                                cost != NULL ? "`" : "");
      flash_sheet_add_card (self, depth, question->str, answer, cmark_node_get_start_line (block));
      g_string_free (question, TRUE);
    }
  return TRUE;
}

/* A caption: a paragraph of one line ("Append an item:") of @longest characters at most, before
 * its code block. One caption over a block of commented commands is short (80): a longer line
 * is prose that explains them together. A caption of each of several blocks may be longer. */
static gboolean is_caption (cmark_node *block,
                            guint       longest);

/* A remark after the commands ("> **Warning** `--force` skips…", "Add `-n NS` for another
 * namespace."): not one of them, and no reason to keep them in one card. */
gboolean
flash_sheet_is_note (cmark_node *block)
{
  char *term = NULL;
  char *definition = NULL;

  if (cmark_node_get_type (block) == CMARK_NODE_BLOCK_QUOTE)
    return TRUE;
  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  if (flash_sheet_bold_term (block, TRUE, &term, &definition))
    {
      g_free (term);
      g_free (definition);
      return FALSE;
    }
  return TRUE;
}

gboolean
flash_sheet_split_commented_code (Parser    *self,
                                  guint      depth,
                                  GPtrArray *blocks,
                                  guint     *notes)
{
  guint first = 0;
  guint end = blocks->len;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);

  /* Remarks at the end stay for the heading's card, when the commands before them split. */
  *notes = 0;
  while (*notes < 2 && end > 1 && flash_sheet_is_note (g_ptr_array_index (blocks, end - 1))
         && (cmark_node_get_type (g_ptr_array_index (blocks, end - 2)) == CMARK_NODE_CODE_BLOCK
             || flash_sheet_is_note (g_ptr_array_index (blocks, end - 2))))
    {
      end--;
      (*notes)++;
    }

  /* Only code, or one caption before it: prose around the commands explains them together. A
   * bold term after them ("**Bind mount vs volume:** …") is a fact of its own, a card too. The
   * caption is looked at last, as it costs most. */
  while (end > 0 && cmark_node_get_type (g_ptr_array_index (blocks, end - 1))
                      == CMARK_NODE_PARAGRAPH)
    {
      char *term = NULL;
      char *definition = NULL;

      if (!flash_sheet_bold_term (g_ptr_array_index (blocks, end - 1), TRUE, &term,
                                  &definition))
        break;
      g_ptr_array_insert (terms, 0, definition);
      g_ptr_array_insert (terms, 0, term);
      if (flash_sheet_is_label_heading (term))
        return FALSE;
      end--;
    }
  if (end > 0 && cmark_node_get_type (g_ptr_array_index (blocks, 0)) == CMARK_NODE_PARAGRAPH)
    first = 1;
  if (end <= first || (*notes > 0 && terms->len > 0))
    {
      *notes = 0;
      return FALSE;
    }
  for (guint i = first; i < end; i++)
    if (!split_commented_code (self, depth, g_ptr_array_index (blocks, i), FALSE))
      {
        *notes = 0;
        return FALSE;
      }
  if (first == 1 && !is_caption (g_ptr_array_index (blocks, 0), 80))
    {
      *notes = 0;
      return FALSE;
    }
  for (guint i = first; i < end; i++)
    split_commented_code (self, depth, g_ptr_array_index (blocks, i), TRUE);
  for (guint i = 0; i + 1 < terms->len; i += 2)
    flash_sheet_add_card (self, depth, g_ptr_array_index (terms, i),
                          g_ptr_array_index (terms, i + 1),
                          cmark_node_get_start_line (g_ptr_array_index (blocks, end + i / 2)));
  return TRUE;
}

/* Captioned code blocks -------------------------------------------------------------------- */

static gboolean
is_caption (cmark_node *block,
            guint       longest)
{
  g_autofree char *plain = NULL;

  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  for (cmark_node *node = cmark_node_first_child (block); node; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_SOFTBREAK
        || cmark_node_get_type (node) == CMARK_NODE_LINEBREAK)
      return FALSE;
  plain = g_strstrip (flash_sheet_node_to_plain (block));
  if (g_utf8_strlen (plain, -1) > longest)
    return FALSE;
  /* A caption is one sentence: two already explain more than they ask ("e.g. a dump" is one). */
  for (const char *p = strstr (plain, ". "); p != NULL; p = strstr (p + 1, ". "))
    if (g_ascii_isupper (p[2]))
      return FALSE;
  return TRUE;
}

/* Whether a caption asks for its code on its own: not a step of one procedure ("First check the
 * list…", "Then apply…"), and not giving the code away ("…use the `-u` option"). */
/* Whether @plain opens with the word of a step of one procedure ("First …", "Then …"). */
static gboolean
is_step (const char *plain)
{
  static const char *const steps[] = {
    "first", "then", "next", "finally", "after that", "afterwards", "now", "lastly", "second",
  };
  g_autofree char *folded = g_ascii_strdown (plain, -1);

  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_has_prefix (folded, steps[i])
        && !g_ascii_isalnum (folded[strlen (steps[i])]))
      return TRUE;
  return FALSE;
}

static gboolean
is_standalone_caption (cmark_node *caption,
                       cmark_node *code)
{
  g_autofree char *plain = flash_sheet_node_to_plain (caption);
  const char *literal = cmark_node_get_literal (code);

  if (is_step (plain))
    return FALSE;
  for (cmark_node *node = cmark_node_first_child (caption); node; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_CODE && literal != NULL
        && strlen (cmark_node_get_literal (node)) >= 2
        && strstr (literal, cmark_node_get_literal (node)) != NULL)
      return FALSE;
  return TRUE;
}

gboolean
flash_sheet_split_captioned_code (Parser     *self,
                                  guint       depth,
                                  const char *heading,
                                  GPtrArray  *blocks)
{
  guint pairs = 0;

  /* Caption, code, caption, code…: two pairs at least, and nothing else. */
  if (blocks->len < 4 || blocks->len % 2 != 0)
    return FALSE;
  for (guint i = 0; i < blocks->len; i += 2)
    if (cmark_node_get_type (g_ptr_array_index (blocks, i + 1)) != CMARK_NODE_CODE_BLOCK)
      return FALSE;
  for (guint i = 0; i < blocks->len; i += 2)
    {
      if (!is_caption (g_ptr_array_index (blocks, i), 160)
          || !is_standalone_caption (g_ptr_array_index (blocks, i),
                                     g_ptr_array_index (blocks, i + 1)))
        return FALSE;
      pairs++;
    }

  for (guint i = 0; i < blocks->len; i += 2)
    {
      cmark_node *caption = g_ptr_array_index (blocks, i);
      g_autofree char *label = flash_sheet_inlines_to_markdown (caption, FALSE);
      g_autofree char *question = flash_sheet_name_after_parent (heading, label);
      g_autofree char *answer = flash_sheet_slice_block (&self->src,
                                                         g_ptr_array_index (blocks, i + 1));

      flash_sheet_add_card (self, depth, question, answer, cmark_node_get_start_line (caption));
    }
  return pairs > 0;
}

/* Credits between the pairs ------------------------------------------------------------------ */

void
flash_sheet_drop_link_lists (GPtrArray *blocks)
{
  guint kept = 0;

  /* The links went as debris before: a caption left over them captions nothing. One pass, the
   * blocks kept moved down, so that a section of a thousand captions stays linear. */
  for (guint i = 0; i < blocks->len; i++)
    {
      cmark_node *block = g_ptr_array_index (blocks, i);
      cmark_node *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;
      gboolean orphan = FALSE;

      if ((next == NULL || cmark_node_get_type (next) == CMARK_NODE_PARAGRAPH)
          && is_caption (block, 40))
        {
          g_autofree char *plain = flash_sheet_node_to_plain (block);

          orphan = g_str_has_suffix (g_strchomp (plain), ":");
        }
      if (!orphan)
        blocks->pdata[kept++] = block;
    }
  g_ptr_array_set_size (blocks, kept);
}

/* Terms over lists ----------------------------------------------------------------------- */

/* A term on a line of its own: one short phrase with no sentence's end ("Deadlock", "Race
 * condition:"). */
static gboolean
is_term_line (cmark_node *block)
{
  g_autofree char *plain = NULL;
  gsize length;
  guint words = 1;

  if (!is_caption (block, 60))
    return FALSE;
  plain = g_strstrip (flash_sheet_node_to_plain (block));
  /* "First prepare the branch", "Then tag it": steps of one procedure, not terms. */
  if (is_step (plain))
    return FALSE;
  length = strlen (plain);
  if (length == 0 || strchr (".?!;,", plain[length - 1]) != NULL)
    return FALSE;
  for (const char *p = plain; *p != '\0'; p++)
    words += *p == ' ';
  return words <= 6;
}

gboolean
flash_sheet_split_term_lists (Parser     *self,
                              guint       depth,
                              GPtrArray  *blocks)
{
  if (blocks->len < 4 || blocks->len % 2 != 0 || flash_sheet_only_links (blocks, FALSE))
    return FALSE;
  for (guint i = 0; i < blocks->len; i += 2)
    if (!is_term_line (g_ptr_array_index (blocks, i))
        || cmark_node_get_type (g_ptr_array_index (blocks, i + 1)) != CMARK_NODE_LIST)
      return FALSE;

  for (guint i = 0; i < blocks->len; i += 2)
    {
      cmark_node *term = g_ptr_array_index (blocks, i);
      g_autofree char *label = flash_sheet_inlines_to_markdown (term, FALSE);
      g_autofree char *answer = flash_sheet_slice_block (&self->src,
                                                         g_ptr_array_index (blocks, i + 1));

      /* The term asks on its own, as a term list's does. */
      g_strchomp (label);
      if (g_str_has_suffix (label, ":"))
        label[strlen (label) - 1] = '\0';
      flash_sheet_add_card (self, depth, label, answer, cmark_node_get_start_line (term));
    }
  return TRUE;
}

/* Code blocks that each say what they do ----------------------------------------------------- */

/* The text of a first line that is a comment of two words or more ("# Create a virtual
 * environment", "// Read a file"), or NULL: "#!/bin/sh", "#include" and "# x" are not one. */
static char *
leading_comment (const char *literal)
{
  static const char *const markers[] = { "# ", "// ", "-- ", "; ", "/* " };
  const char *end = strchr (literal, '\n');
  g_autofree char *line = end != NULL ? g_strndup (literal, end - literal) : g_strdup (literal);

  for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
    if (g_str_has_prefix (line, markers[m]))
      {
        char *text = g_strstrip (g_strdup (line + strlen (markers[m])));

        if (g_str_has_suffix (text, "*/"))
          text[strlen (text) - 2] = '\0';
        g_strchomp (text);

        if (strchr (text, ' ') != NULL && end != NULL && end[1] != '\0')
          return text;
        g_free (text);
        return NULL;
      }
  return NULL;
}

/* The parts of a code block that each say what they do: the block itself when it opens with such
 * a comment, or, when blank lines divide it into groups that each open with one, each group.
 * NULL when some code has no comment before it. */
static GPtrArray *
commented_parts (const char *literal)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = leading_comment (literal);
  g_auto(GStrv) groups = NULL;

  if (first == NULL)
    return NULL;
  groups = g_strsplit (literal, "\n\n", -1);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *comment = NULL;

      if (*g_strstrip (groups[i]) == '\0')
        continue;
      if ((comment = leading_comment (groups[i])) == NULL)
        {
          /* A group without a comment belongs to the one before it: the block is one part. */
          g_ptr_array_set_size (parts, 0);
          g_ptr_array_add (parts, g_strdup (literal));
          return g_steal_pointer (&parts);
        }
      g_ptr_array_add (parts, g_strdup (groups[i]));
    }
  return g_steal_pointer (&parts);
}

static void
add_code_part (Parser     *self,
               guint       depth,
               const char *heading,
               cmark_node *block,
               const char *part)
{
  const char *info = cmark_node_get_fence_info (block);
  g_autofree char *comment = leading_comment (part);
  g_autoptr(GString) label = g_string_new (NULL);
  g_autofree char *question = NULL;
  g_autofree char *code = g_strchomp (g_strdup (strchr (part, '\n') + 1));
  g_autofree char *answer = NULL;
  g_autofree char *fence = NULL;
  guint longest = 0;

  /* A fence longer than any backtick run inside keeps the code whole. */
  for (guint run = 0, j = 0; code[j] != '\0'; j++)
    {
      run = code[j] == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  fence = g_strnfill (MAX (3, longest + 1), '`');
  flash_sheet_append_escaped_text (label, comment);
  question = flash_sheet_name_after_parent (heading, label->str);
  answer = g_strdup_printf ("%s%s\n%s\n%s", fence, info != NULL ? info : "", code, fence);
  flash_sheet_add_card (self, depth, question, answer, cmark_node_get_start_line (block));
}

gboolean
flash_sheet_split_code_blocks (Parser     *self,
                               guint       depth,
                               const char *heading,
                               GPtrArray  *blocks)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_full (blocks->len,
                                                     (GDestroyNotify) g_ptr_array_unref);
  guint n_parts = 0;
  guint first = 0;

  /* Code blocks and nothing else (a one-line caption before them that ends in a colon, "My
   * `~/.tmux.conf`:", says only where they come from; a sentence explains them together), two
   * parts at least, each opening with a comment that says what it does: one program written in
   * parts has code without such a comment. */
  if (blocks->len > 1
      && cmark_node_get_type (g_ptr_array_index (blocks, 0)) == CMARK_NODE_PARAGRAPH)
    {
      g_autofree char *caption = flash_sheet_node_to_plain (g_ptr_array_index (blocks, 0));

      if (!g_str_has_suffix (g_strchomp (caption), ":"))
        return FALSE;
      first = 1;
    }
  for (guint i = first; i < blocks->len; i++)
    {
      cmark_node *block = g_ptr_array_index (blocks, i);
      GPtrArray *found;

      if (cmark_node_get_type (block) != CMARK_NODE_CODE_BLOCK
          || (found = commented_parts (cmark_node_get_literal (block))) == NULL)
        return FALSE;
      g_ptr_array_add (parts, found);
      n_parts += found->len;
    }
  if (n_parts < 2 || (first == 1 && !is_caption (g_ptr_array_index (blocks, 0), 80)))
    return FALSE;
  for (guint i = first; i < blocks->len; i++)
    {
      GPtrArray *found = g_ptr_array_index (parts, i - first);

      for (guint j = 0; j < found->len; j++)
        add_code_part (self, depth, heading, g_ptr_array_index (blocks, i),
                       g_ptr_array_index (found, j));
    }
  return TRUE;
}

/* Long lists of tips ----------------------------------------------------------------------- */

/* Three tips at least, and two in three of a list's items: a list of a few points with code in
 * one of them is a note, not a list of tips. */
#define MIN_TIPS 3

/* Whether the code span @code is an example ("…, e.g. `-rm old.log`", "(`'7' - '0'`)"), not
 * the tip's subject. */
static gboolean
is_example (cmark_node *code)
{
  static const char *const leads[] = { "e.g.", "e.g.,", "eg.", "for example", "for example,",
                                       "such as", "i.e.", "like" };
  cmark_node *before = cmark_node_previous (code);
  g_autofree char *text = NULL;

  if (before == NULL || !flash_sheet_node_is (before, "text"))
    return FALSE;
  text = g_ascii_strdown (cmark_node_get_literal (before), -1);
  g_strchomp (text);
  /* "…, i.e. flip bit 5 (`'A' ^ 0x20 == 'a'`)": a span in parentheses shows, it does not name. */
  if (g_str_has_suffix (text, "("))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    if (g_str_has_suffix (text, leads[i]))
      return TRUE;
  return FALSE;
}

/* The longest code span among @item's first paragraph's top-level inlines, when the paragraph
 * says something more than it: the tip's code, which its card asks for. NULL otherwise. */
static cmark_node *
tip_code (cmark_node *item)
{
  cmark_node *paragraph = cmark_node_first_child (item);
  cmark_node *best = NULL;
  gsize best_length = 0;
  gboolean words = FALSE;
  g_autofree char *plain = NULL;

  if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return NULL;
  for (cmark_node *node = cmark_node_first_child (paragraph); node; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_CODE
        && strlen (cmark_node_get_literal (node)) > best_length && !is_example (node))
      {
        best = node;
        best_length = strlen (cmark_node_get_literal (node));
      }
    else if (cmark_node_get_type (node) != CMARK_NODE_CODE)
      {
        g_autofree char *text = flash_sheet_node_to_plain (node);

        /* "`info locals`, `info args`": code and commas say nothing about the code. */
        for (const char *p = text; *p != '\0' && !words; p = g_utf8_next_char (p))
          words = g_unichar_isalpha (g_utf8_get_char (p)) && g_unichar_isalpha (
                    g_utf8_get_char (g_utf8_next_char (p)));
      }
  if (best == NULL || !words)
    return NULL;
  plain = flash_sheet_node_to_plain (paragraph);
  return strlen (plain) >= best_length + 8 ? best : NULL;
}

/* A tip whose code is a block under it: "The walrus operator avoids calling a function twice:"
 * and the code. Such an item asks with its words and the block answers; a first paragraph with
 * code of its own asks with that code instead, unless it ends in ":" (it introduces the block). */
static gboolean
is_block_tip (cmark_node *item)
{
  cmark_node *paragraph = cmark_node_first_child (item);
  cmark_node *after = paragraph != NULL ? cmark_node_next (paragraph) : NULL;
  g_autofree char *plain = NULL;

  if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH
      || after == NULL || cmark_node_get_type (after) != CMARK_NODE_CODE_BLOCK)
    return FALSE;
  plain = g_strchomp (flash_sheet_node_to_plain (paragraph));
  return tip_code (item) == NULL || g_str_has_suffix (plain, ":");
}

/* "Escape special characters: `\%`, `\$` and `\_`.": words, a colon, then only code spans and
 * the commas or "and" between them. The spans are equals, none the tip's code: the words ask and
 * the spans answer. Returns the words before the colon, or NULL. */
static char *
enumeration_tip (cmark_node *paragraph)
{
  cmark_node *first = cmark_node_first_child (paragraph);
  g_autofree char *lead = NULL;
  guint spans = 0;
  gsize length;

  if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_TEXT)
    return NULL;
  lead = g_strchomp (g_strdup (cmark_node_get_literal (first)));
  length = strlen (lead);
  if (length < 2 || lead[length - 1] != ':')
    return NULL;
  for (cmark_node *node = cmark_node_next (first); node; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_CODE)
      spans++;
    else if (cmark_node_get_type (node) == CMARK_NODE_TEXT)
      {
        g_autofree char *between = g_strstrip (g_strdup (cmark_node_get_literal (node)));

        if (strspn (between, ",;.") != strlen (between) && g_strcmp0 (between, "and") != 0
            && g_strcmp0 (between, "or") != 0 && g_strcmp0 (between, ", and") != 0
            && g_strcmp0 (between, ", or") != 0)
          return NULL;
      }
    else
      return NULL;
  if (spans < 2)
    return NULL;
  lead[length - 1] = '\0';
  return g_strchomp (g_steal_pointer (&lead));
}

gboolean
flash_sheet_names_an_order (Parser *self,
                            guint   depth)
{
  static const char *const words[] = {
    "install", "setup", "set up", "setting up", "getting started", "quick start", "quickstart",
    "step", "how to", "build", "deploy", "tutorial", "walkthrough", "order", "precedence",
    "priority", "priorities", "ranking", "sequence", "lowest", "highest", "lifecycle",
  };
  g_autofree char *folded = NULL;

  if (depth == 0 || depth > self->crumbs->len)
    return FALSE;
  folded = g_utf8_strdown (((Crumb *) g_ptr_array_index (self->crumbs, depth - 1))->plain, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
flash_sheet_split_long_list (Parser     *self,
                             guint       depth,
                             cmark_node *list,
                             GString    *remainder)
{
  guint items = 0;
  guint tips = 0;

  if (cmark_node_get_type (list) != CMARK_NODE_LIST
      || (cmark_node_get_list_type (list) != CMARK_BULLET_LIST
          && flash_sheet_names_an_order (self, depth)))
    return FALSE;
  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      items++;
      tips += tip_code (item) != NULL || is_block_tip (item);
    }
  if (tips < MIN_TIPS || tips * 3 < items * 2)
    return FALSE;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *code = tip_code (item);
      cmark_node *paragraph = cmark_node_first_child (item);
      g_autoptr(GString) question = NULL;
      g_autoptr(GString) answer = NULL;
      g_autofree char *tip = NULL;

      if (is_block_tip (item))
        {
          g_autofree char *words = flash_sheet_inlines_to_markdown (paragraph, FALSE);
          gsize length = strlen (g_strchomp (words));

          if (length > 1 && words[length - 1] == ':')
            words[length - 1] = '\0';
          answer = g_string_new (NULL);
          for (cmark_node *block = cmark_node_next (paragraph); block;
               block = cmark_node_next (block))
            {
              g_autofree char *markdown = flash_sheet_slice_block (&self->src, block);

              flash_sheet_join_block (answer, markdown);
            }
          flash_sheet_add_card (self, depth, g_strchomp (words), answer->str,
                                cmark_node_get_start_line (item));
          continue;
        }
      if (code != NULL && (tip = enumeration_tip (paragraph)) != NULL)
        {
          g_autoptr(GString) words = g_string_new (NULL);

          flash_sheet_append_escaped_text (words, tip);
          answer = g_string_new (NULL);
          for (cmark_node *node = cmark_node_next (cmark_node_first_child (paragraph)); node;
               node = cmark_node_next (node))
            flash_sheet_append_inline (answer, node, FALSE);
          g_strstrip (answer->str);
          flash_sheet_add_card (self, depth, words->str, answer->str,
                                cmark_node_get_start_line (item));
          continue;
        }
      /* A point without code stays with the heading, in a list of its own. */
      if (code == NULL)
        {
          g_autofree char *markdown = flash_sheet_slice_block (&self->src, item);

          if (remainder->len > 0)
            g_string_append_c (remainder, '\n');
          g_string_append (remainder, markdown);
          continue;
        }

      /* "Use `git stash` to put work aside" asks "Use … to put work aside". */
      question = g_string_new (NULL);
      answer = g_string_new (NULL);
      tip = flash_sheet_inlines_to_markdown (paragraph, FALSE);
      for (cmark_node *node = cmark_node_first_child (paragraph); node;
           node = cmark_node_next (node))
        if (node == code)
          g_string_append (question, "…");
        else
          flash_sheet_append_inline (question, node, FALSE);
      g_strstrip (question->str);
      question->len = strlen (question->str);
      flash_sheet_append_inline (answer, code, FALSE);
      /* "Undo the last commit: `git reset --soft HEAD~1`" asks what comes before the colon, and
       * the code alone answers it; the whole tip follows where the code is inside it. */
      if (cmark_node_next (code) == NULL && g_str_has_suffix (question->str, ": …"))
        g_string_truncate (question, question->len - strlen (": …"));
      else
        g_string_append_printf (answer, "\n\n%s", tip);
      for (cmark_node *block = cmark_node_next (paragraph); block; block = cmark_node_next (block))
        {
          g_autofree char *markdown = flash_sheet_slice_block (&self->src, block);

          flash_sheet_join_block (answer, markdown);
        }
      flash_sheet_add_card (self, depth, question->str, answer->str,
                            cmark_node_get_start_line (item));
    }
  return TRUE;
}
