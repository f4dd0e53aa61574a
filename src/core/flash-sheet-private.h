/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet-private.h: the parser's state and helpers, shared by the flash-sheet-*.c files. */
#pragma once

#include <cmark-gfm.h>

#include "flash-sheet.h"

G_BEGIN_DECLS

#define CONTEXT_SEPARATOR " › "
#define KEY_SEPARATOR     "\x1f"

typedef struct
{
  const char *text;        /* the Markdown after front matter was blanked out */
  gsize       length;
  GArray     *line_starts; /* gsize offsets; one extra entry at the end */
  GHashTable *rewritten;   /* blocks whose inline HTML was converted, or NULL: not sliced */
} Source;

typedef struct
{
  int        level;
  char      *plain;
  char      *markdown; /* the heading's inlines as Markdown, for a label heading's card */
  char      *slug;     /* the tag it gives the cards below it */
} Crumb;

typedef struct
{
  Source      src;
  FlashSheet *sheet;
  GHashTable *keys;        /* key -> count, to keep keys unique within a sheet */
  GPtrArray  *crumbs;      /* Crumb*, the open headings */
  cmark_node *title;       /* the single H1, if there is one */
  /* The breadcrumb and tags of the last card, reused while the open headings stay the same:
   * a big sheet has thousands of cards under each heading. */
  int         cached_depth; /* -1 when nothing is cached */
  char       *cached_context;
  GStrv       cached_tags;
} Parser;

/* flash-sheet.c: every kind of item ends as a card under the open headings. */
void        flash_sheet_add_card              (Parser       *self,
                                               guint         depth,
                                               const char   *question,
                                               const char   *answer,
                                               int           line);

/* flash-sheet-inline.c: inlines back to Markdown or to plain text, and a block's own lines. */
void        flash_sheet_add_reverse_card      (Parser       *self,
                                               guint         before,
                                               const char   *question,
                                               const char   *answer);

gboolean    flash_sheet_node_is               (cmark_node   *node,
                                               const char   *type_string);
void        flash_sheet_append_escaped_text   (GString      *out,
                                               const char   *text);
void        flash_sheet_append_inline         (GString      *out,
                                               cmark_node   *root,
                                               gboolean      keep_breaks);
void        flash_sheet_append_inlines        (GString      *out,
                                               cmark_node   *first,
                                               gboolean      keep_breaks);
char       *flash_sheet_inlines_to_markdown   (cmark_node   *parent,
                                               gboolean      keep_breaks);
char       *flash_sheet_node_to_plain         (cmark_node   *node);
char       *flash_sheet_slice_block           (const Source *src,
                                               cmark_node   *block);
void        flash_sheet_join_block            (GString      *answer,
                                               const char   *markdown);
/* Where each line of @text starts (pointers into it), for the passes that go line by line. */
GPtrArray  *flash_sheet_line_starts           (const char   *text);

/* The kinds of item besides a heading with text: each returns whether it took the block. */
gboolean    flash_sheet_add_table_cards       (Parser       *self,
                                               guint         depth,
                                               cmark_node   *table);
/* Whether the table at @blocks[@index] shows data rather than items: after a caption such as
 * "**Result:**" (a query's rows), or under a heading such as "Table `orders`" or "Sample data".
 * It then stays in the heading's answer. */
/* Whether a table under a heading that asks is a lookup of its own rows rather than the answer:
 * three rows or more, and the heading compares nothing ("difference", "vs", "compare"). */
gboolean    flash_sheet_table_is_lookup       (Parser       *self,
                                               guint         depth,
                                               cmark_node   *table);
gboolean    flash_sheet_table_is_data         (Parser       *self,
                                               guint         depth,
                                               GPtrArray    *blocks,
                                               guint         index);
/* Two terms or more defined in a row from @blocks[@from] ("**Term**: …", "Term" and ": …",
 * "term :: …"), a card each; returns how many blocks they took. */
guint       flash_sheet_add_definitions       (Parser       *self,
                                               guint         depth,
                                               GPtrArray    *blocks,
                                               guint         from);
/* A paragraph that defines a bold term: "**Latency**" and, on its next line, ": the time…"
 * (Pandoc's and kramdown's definition lists), "**MSS** — the largest…" on one line, and with
 * @colon_inside "**MSS:** the largest…" (which is also how a table row's fields read). */
gboolean    flash_sheet_bold_term             (cmark_node   *paragraph,
                                               gboolean      colon_inside,
                                               char        **term,
                                               char        **definition);
/* Whether the open heading names a procedure or an order ("Install", "Variable precedence",
 * "Location matching order"), whose numbered items are one card: their order is the point. */
gboolean    flash_sheet_names_an_order        (Parser       *self,
                                               guint         depth);
/* A term list's cards; with @remainder, a bullet list two thirds of whose items (two or more)
 * are terms splits too, the other items appended to @remainder as a list. */
gboolean    flash_sheet_add_term_list_cards   (Parser       *self,
                                               guint         depth,
                                               cmark_node   *list,
                                               GString      *remainder);
gboolean    flash_sheet_paragraph_starts_with (cmark_node   *block,
                                               const char   *prefix);
/* A paragraph that starts "Q:" (@letter 'Q') or "A:", plain or in bold ("**Q:**", "**Q**:"). */
gboolean    flash_sheet_paragraph_starts_with_marker (cmark_node *block,
                                                      char        letter);
/* A list whose every item is a question ("**What is …?**", "What is …?") and its answer. */
gboolean    flash_sheet_add_question_list_cards (Parser     *self,
                                                 guint       depth,
                                                 cmark_node *list);
/* "**Answer:** It prints false.": the paragraph's text after its label, or NULL without one. */
char       *flash_sheet_answer_without_label (Parser     *self,
                                              cmark_node *block);
/* "**Why is len("😀") 2 in JavaScript?**" and, on the next line of the paragraph, its answer. */
gboolean    flash_sheet_add_bold_question_card (Parser     *self,
                                                guint       depth,
                                                cmark_node *paragraph);
/* A Q: paragraph and its A: answer; returns the last block it used, or NULL. */
cmark_node *flash_sheet_add_qa_card           (Parser       *self,
                                               guint         depth,
                                               cmark_node   *q_block);

gboolean    flash_sheet_only_links            (GPtrArray    *blocks,
                                               gboolean      skip_lead);

/* A tldr-style "- Description:" list followed by a paragraph that is one code span. */
guint       flash_sheet_add_command_cards     (Parser       *self,
                                               guint         depth,
                                               cmark_node   *list,
                                               cmark_node   *next);
/* A deck description without the "> " of a block quote (tldr pages quote theirs). */
char       *flash_sheet_unquote               (const char   *markdown);

/* flash-sheet-qa.c: a paragraph that is only "Answer:" ("**Answer:**", "Solution", "A:"). */
gboolean    flash_sheet_is_answer_label       (cmark_node   *block);

/* flash-sheet-terms.c: words apart by single blanks ("a  b" is two, "" one). */
guint       flash_sheet_count_words           (const char   *text);

/* "## Output" (or "Result") with only code under it (@own), right after a sibling section whose
 * card (the last one, in @context) ends with code, or as the first child of the section of that
 * card (in @parent_context, asking @parent_question): @answer is appended to that card under the
 * heading's name ("**Output:**"), rather than being a card of its own. */
gboolean    flash_sheet_join_output           (FlashSheet   *sheet,
                                               const char   *heading,
                                               const char   *context,
                                               const char   *parent_context,
                                               const char   *parent_question,
                                               GPtrArray    *own,
                                               const char   *answer);

/* flash-sheet-front-matter.c: the deck's name without front matter. A file's name without its
 * extension; a folder's README or index is named after the folder. */
char       *flash_sheet_name_from_path        (const char   *source);
/* Whether a level-one heading says it is the sheet's title ("Git Cheat Sheet", "Docker notes")
 * among others that are sections. */
gboolean    flash_sheet_heading_names_sheet   (cmark_node   *heading);

/* flash-sheet-clean.c: what is not content. strip_attributes blanks attribute lists ("{.a}",
 * "{: .b}") and lines of Liquid tags ("{% raw %}") outside code, keeping every line. */
char       *flash_sheet_strip_attributes      (const char   *text);
/* The length of the code fence that [line, end) opens or closes (three or more backticks or
 * tildes after at most three spaces, the kind in @marker), or 0. */
gsize       flash_sheet_fence_length          (const char   *line,
                                               const char   *end,
                                               char         *marker);
gboolean    flash_sheet_is_separator_row      (cmark_node   *row);
/* @nested: the heading is under a section of the page (level 3 or deeper, below a title). */
gboolean    flash_sheet_is_navigation_heading (const char   *plain,
                                               gboolean      nested);
gboolean    flash_sheet_is_links_heading      (const char   *plain);
gboolean    flash_sheet_is_links_section      (GPtrArray    *blocks);
/* "Example", "Usage", "Output:", a caption ending in ":": a heading that means nothing out of its
 * page, so its card is named after its parent: "Lists — example". */
gboolean    flash_sheet_is_label_heading      (const char   *plain);
/* "Introduction" (or "Intro") over prose alone: before the sheet's first card, what the deck is
 * about rather than a card. */
gboolean    flash_sheet_is_introduction       (const char   *plain,
                                               GPtrArray    *blocks);
/* Drops a leading section number ("2.1 ", "3. ") from a heading's text, in place. */
void        flash_sheet_strip_section_number  (char         *heading);
char       *flash_sheet_name_after_parent     (const char   *parent,
                                               const char   *label);
/* Comments, badges, "See:" tails and lists of links only. */
gboolean    flash_sheet_is_debris             (cmark_node   *block);
void        flash_sheet_drop_heading_images   (cmark_node   *document);
/* [text](#anchor) becomes text: an in-page link leads nowhere from a card. */
char       *flash_sheet_unlink_anchors        (const char   *markdown);

/* flash-sheet-pipes.c: a "|" in a code span of a table row is escaped, and rows of cells after
 * a break without a header row get an empty header (and a delimiter row) of their own. */
char       *flash_sheet_fix_pipe_tables       (const char   *text);

/* What a <br> in a table cell becomes, the cell's line being unbreakable in Markdown. */
#define FLASH_SHEET_CELL_BREAK "\x1f"

/* flash-sheet-html.c: converts the document's inline HTML in place (<code> and <kbd> to code
 * spans, <b>/<i> to emphasis, <br> to a line break, every other tag dropped); returns the set of
 * blocks it changed, or NULL if there was none. */
GHashTable *flash_sheet_convert_inline_html   (cmark_node   *document);

/* <dl> and <table> blocks in the Markdown, read as a saved web page's would be (a term list, a
 * table); NULL when @text has none. */
char       *flash_sheet_convert_html_blocks   (const char   *text);

/* flash-sheet-remainder.c: what is left under a heading once its items became cards. Drops
 * from @own the captions and introductions ("These methods…:") of blocks no longer in it. */
void        flash_sheet_drop_captions         (GPtrArray    *own);
/* A paragraph that is one run of italics: a page's footer, after a last rule. */
gboolean    flash_sheet_is_emphasis_only      (cmark_node   *block);
/* "TODO: …", "FIXME …": a note to self, not a card. */
gboolean    flash_sheet_is_todo               (cmark_node   *block);
/* The page's sign-off: short, all in italics or saying "thanks for reading", "good luck", "⭐
 * the repo"… */
gboolean    flash_sheet_is_sign_off           (cmark_node   *block,
                                               gboolean      strict);
/* "Created: January 14, 2024" and "Status: In progress": the properties a Notion page's export
 * lists right under its title (a level-1 heading), every line of the paragraph one. */
gboolean    flash_sheet_is_page_properties    (cmark_node   *block);
/* The page's footer, when @own ends the sheet: one to three sign-offs after its last rule (the
 * rule with them), or without a rule a last paragraph that signs off in words. */
void        flash_sheet_drop_footer           (GPtrArray    *own);
/* "[⬆ Back to top](#title)": a link to a place on the page and nothing else, back up it. */
gboolean    flash_sheet_is_back_link          (cmark_node   *block);
/* "Tip" when @own is one remark ("Tip: …", "> **Note** …"), or NULL. */
const char *flash_sheet_remark_label          (GPtrArray    *own);
/* When @own is one definition ("Strong bases: …", "**Equivalence point**: …") or a sentence about
 * a bold term, its term and the rest (or the sentence), as Markdown. */
gboolean    flash_sheet_leftover_term         (GPtrArray    *own,
                                               char        **term,
                                               char        **definition);

/* flash-sheet-admonitions.c: "!!! note "Title"" and its indented lines as a quote, line for
 * line; NULL when @text has none. */
char       *flash_sheet_convert_admonitions   (const char   *text);
/* flash-sheet-outline.c: an outliner's page of bullets (two heading bullets at least, "- ## X")
 * as headings and the bullets under them, line for line; NULL when it is none. */
char       *flash_sheet_flatten_outline       (const char   *text);
/* flash-sheet-notes.c: Obsidian's comments and lines of tags out, footnotes into the sentences
 * that cite them, line for line; NULL when there is none. */
char       *flash_sheet_take_notes            (const char   *text);

/* flash-sheet-split.c: many facts under one heading, one card each. Code blocks of three or more
 * "code  # comment" lines each (little plain code, no prose but a caption) give a card per line;
 * caption and code block pairs (two or more, nothing else) a card per block; a list of three or
 * more tips that each hold a code span (two in three of its items at least) a card per tip, the
 * code span blanked in the question. */
/* A remark after commands or code (a quote, or a paragraph that is not a bold term). */
gboolean    flash_sheet_is_note               (cmark_node   *block);
/* @notes: how many blocks at the end (a paragraph or a quote, two at most, after the commands)
 * were left for the heading's own card. */
gboolean    flash_sheet_split_commented_code  (Parser       *self,
                                               guint         depth,
                                               GPtrArray    *blocks,
                                               guint        *notes);
gboolean    flash_sheet_split_captioned_code  (Parser       *self,
                                               guint         depth,
                                               const char   *heading,
                                               GPtrArray    *blocks);
/* Takes out of @blocks the one-line captions ending in ":" that caption nothing (a paragraph or
 * the end follows): "Credit to:" left between caption and code pairs once its links went as
 * debris, no reason to keep the pairs in one card. */
void        flash_sheet_drop_link_lists       (GPtrArray    *blocks);
/* "Deadlock", then a list of what it is; "Livelock", then its list…: a short term on a line of
 * its own over each list, two pairs at least and nothing else, gives a card per term. */
gboolean    flash_sheet_split_term_lists      (Parser       *self,
                                               guint         depth,
                                               GPtrArray    *blocks);
gboolean    flash_sheet_split_code_blocks     (Parser       *self,
                                               guint         depth,
                                               const char   *heading,
                                               GPtrArray    *blocks);
/* flash-sheet-definitions.c: a block of plain text (no language, or "text") that is a table of
 * keys or commands: three lines or more of "KEY  what it does", aligned by two spaces or more,
 * at most half of them saying it in one word; a card per key. */
gboolean    flash_sheet_add_key_block_cards   (Parser       *self,
                                               guint         depth,
                                               cmark_node   *block);
/* The items without code are appended to @remainder as a list, for the heading's own card. */
gboolean    flash_sheet_split_long_list       (Parser       *self,
                                               guint         depth,
                                               cmark_node   *list,
                                               GString      *remainder);

/* flash-sheet-details.c: "<details><summary>Question</summary> answer </details>" from
 * @blocks[@from], a card; returns how many blocks it took, 0 when it is not one. A summary that
 * only says "Answer" asks with the paragraph and code before it, taken from @own. */
guint       flash_sheet_add_details_card      (Parser       *self,
                                               guint         depth,
                                               GPtrArray    *blocks,
                                               guint         from,
                                               GPtrArray    *own);

/* flash-sheet-front-matter.c */
void        flash_sheet_take_front_matter     (char         *text,
                                               FlashSheet   *sheet);

G_END_DECLS
