/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-deck-page.h: one deck: its description and counts, its sections, and what can be done
 * with it (study it, browse it or a section of it, delete it). */
#pragma once

#include <adwaita.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_DECK_PAGE (flash_deck_page_get_type ())

G_DECLARE_FINAL_TYPE (FlashDeckPage, flash_deck_page, FLASH, DECK_PAGE, AdwBin)

/* Shows @deck (borrowed for the call only) and the sections @store has for it. The page's
 * buttons activate the window's actions: win.study-deck, win.browse-deck ((xs): the deck and a
 * section, "" for all of it) and win.delete-deck. */
void        flash_deck_page_show              (FlashDeckPage       *self,
                                               FlashStore          *store,
                                               const FlashDeckInfo *deck);
gint64      flash_deck_page_get_deck_id       (FlashDeckPage       *self);
/* The number of section rows shown, for the window tests. */
guint       flash_deck_page_get_n_sections    (FlashDeckPage       *self);

G_END_DECLS
