/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-sheet.h: turns a Markdown cheatsheet into a deck of question/answer cards. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FLASH_SHEET_ERROR (flash_sheet_error_quark ())

typedef enum
{
  FLASH_SHEET_ERROR_NOT_FOUND,
  FLASH_SHEET_ERROR_NOT_REGULAR,
  FLASH_SHEET_ERROR_TOO_LARGE,
  FLASH_SHEET_ERROR_BINARY,
  FLASH_SHEET_ERROR_NOT_UTF8,
  FLASH_SHEET_ERROR_NO_CARDS,
  FLASH_SHEET_ERROR_READ,
  FLASH_SHEET_ERROR_MALFORMED, /* a web page the HTML parser could not read whole */
} FlashSheetError;

/* Files larger than this are refused before they are read. */
#define FLASH_SHEET_MAX_SIZE (32 * 1024 * 1024)
/* Lines with more "|" than this are refused: no real table is that wide. */
#define FLASH_SHEET_MAX_COLUMNS 1000

/* Ends the key of a reverse card: its forward card's key and this (front matter `reverse:`). */
#define FLASH_SHEET_REVERSE_MARK "\x1e" "reverse"

typedef enum
{
  FLASH_SHEET_REVERSE_TERMS  = 1 << 0,
  FLASH_SHEET_REVERSE_TABLES = 1 << 1,
} FlashSheetReverse;

typedef struct
{
  char  *key;      /* stable key: breadcrumb + U+001F + normalised question */
  char  *context;  /* breadcrumb, e.g. "Python Deep Dive › Internals" */
  char  *question; /* Markdown, one line */
  char  *answer;   /* Markdown */
  GStrv  tags;     /* slugs of the ancestor headings */
  guint  line;     /* line of the item in the source file, 1-based */
} FlashSheetCard;

typedef struct
{
  char              *name;        /* deck name */
  char              *source;      /* absolute path of the file (or the name given to parse(), or
                                   * a "paste:" key) */
  char              *description; /* Markdown below the title heading, may be NULL */
  GStrv              tags;        /* deck tags from front matter */
  FlashSheetReverse  reverse;     /* which cards also get a reverse card (front matter) */
  GPtrArray         *cards;       /* FlashSheetCard*, in file order */
} FlashSheet;

GQuark      flash_sheet_error_quark (void);

FlashSheet *flash_sheet_parse (const char  *text,
                               gssize       length,
                               const char  *source,
                               GError     **error);
FlashSheet *flash_sheet_load  (const char  *path,
                               GError     **error);
/* A sheet that has no file: pasted, or read from standard input; @html says it is a web page's
 * HTML rather than Markdown. Its source is "paste:" and a hash of its normalised text, so that
 * the same text imported again updates the same deck. @display names it in messages, and
 * @fallback_name names the deck when the text has no title. */
FlashSheet *flash_sheet_parse_pasted (const char  *text,
                                      gsize        length,
                                      gboolean     html,
                                      const char  *display,
                                      const char  *fallback_name,
                                      GError     **error);
void        flash_sheet_free  (FlashSheet  *self);
void        flash_sheet_card_free (FlashSheetCard *card);

char       *flash_sheet_normalise_question (const char *question);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlashSheet, flash_sheet_free)

G_END_DECLS
