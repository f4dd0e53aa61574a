/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-anki.h: Anki packages (.apkg): writing a collection's cards, schedules and review log as
 * one, and reading one into sheets and schedules for the store (docs/anki.md). */
#pragma once

#include <glib.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_ANKI_ERROR (flash_anki_error_quark ())

typedef enum
{
  FLASH_ANKI_ERROR_WRITE,   /* the package could not be written */
  FLASH_ANKI_ERROR_EMPTY,   /* nothing to export */
  FLASH_ANKI_ERROR_UNAVAILABLE, /* libarchive could not be loaded */
  FLASH_ANKI_ERROR_INVALID, /* not an Anki package, or a damaged or hostile one */
} FlashAnkiError;

GQuark   flash_anki_error_quark (void);

/* Writes the active cards of @deck_id (0: every deck) as an Anki package at @path, replacing
 * it whole or not at all: one Basic note type (Front, Back), the deck tree ("Deck::Section"),
 * each card's schedule and the review log. @now dates the package. */
gboolean flash_anki_export      (FlashStore  *store,
                                 gint64       deck_id,
                                 const char  *path,
                                 GDateTime   *now,
                                 GError     **error);

/* A note's guid for the card made from item @key of the sheet at @source: the same for every
 * export, so that Anki updates the note instead of adding another. */
char    *flash_anki_guid        (const char  *source,
                                 const char  *key);
/* Anki's checksum of a note's first field: the first 4 bytes of the SHA-1 of its text without
 * HTML, as an unsigned number. */
guint32  flash_anki_checksum    (const char  *html);
/* The text of @html without its tags, its entities decoded (Anki's sort field). */
char    *flash_anki_strip_html  (const char  *html);

/* Reading packages ---------------------------------------------------------------------- */

/* One review of an imported card, as Anki logged it. */
typedef struct
{
  gint64 time;        /* UTC seconds */
  gint64 id;          /* Anki's: the time in milliseconds, unique */
  int    grade;       /* on Flashsheet's scale: Anki's ease 1–4 as 1, 3, 4, 5 */
  int    interval;    /* days after, 0 for a learning step */
  int    last_interval;
  double ef;          /* after, 2.5 when Anki kept none */
  int    answer_ms;
} FlashAnkiReview;

/* An imported card's schedule, for the card @key of sheet @sheet. */
typedef struct
{
  guint          sheet;
  char          *key;
  gboolean       scheduled;   /* reviewed in Anki */
  int            interval;
  double         ef;
  int            reps;        /* Anki's reviews */
  int            lapses;
  int            due_offset;  /* days from today to its due day */
  gboolean       suspended;
  int            flag;
  FlashFsrsState fsrs;        /* from Anki's FSRS, or none */
  GArray        *log;         /* FlashAnkiReview, oldest first */
} FlashAnkiCard;

struct _FlashAnkiPackage
{
  GPtrArray *sheets;        /* FlashSheet*, one per top-level deck */
  GPtrArray *cards;         /* FlashAnkiCard* */
  guint      media;         /* media files in the package, not imported */
  guint      skipped;       /* cards of note types Flashsheet cannot show */
  char      *collection;    /* which collection file was read */
};

/* Whether @path names an Anki package (.apkg). */
gboolean          flash_anki_is_package     (const char        *path);
/* Reads the Anki package at @path as of @now (today's due dates). Refuses what is not a package,
 * unsafe entry names, zip bombs, damaged inner databases and ones with triggers or views. */
FlashAnkiPackage *flash_anki_read           (const char        *path,
                                             GDateTime         *now,
                                             GError           **error);
/* The same from memory (the fuzz target's way in); @display names it in messages. */
FlashAnkiPackage *flash_anki_read_bytes     (GBytes            *bytes,
                                             const char        *display,
                                             GDateTime         *now,
                                             GError           **error);
void              flash_anki_package_free   (FlashAnkiPackage  *package);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlashAnkiPackage, flash_anki_package_free)

/* flash-anki-html.c: a field's HTML as Markdown; a cloze note's text for cloze @number, as the
 * question ([...] or its hint) or the answer (the deletion in bold), other deletions as text. */
char             *flash_anki_html_to_markdown (const char      *html);
char             *flash_anki_cloze          (const char        *text,
                                             int                number,
                                             gboolean           answer);
GArray           *flash_anki_cloze_numbers  (const char        *text);

G_END_DECLS
