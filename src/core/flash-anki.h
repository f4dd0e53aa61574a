/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-anki.h: Anki packages (.apkg): writing a collection's cards, schedules and review log as
 * one (docs/anki.md). */
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

G_END_DECLS
