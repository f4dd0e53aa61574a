/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-card-list.h: the cards a search found, as a GListModel whose items are read from the
 * collection only when a row shows them: 100,000 ids, a few dozen items. */
#pragma once

#include <gio/gio.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_CARD_ITEM (flash_card_item_get_type ())

G_DECLARE_FINAL_TYPE (FlashCardItem, flash_card_item, FLASH, CARD_ITEM, GObject)

gint64       flash_card_item_get_id       (FlashCardItem *self);
/* The card as read when the item was made; NULL when it could not be read. */
FlashCard   *flash_card_item_get_card     (FlashCardItem *self);
/* "Deck › Section · due in 3 days · suspended", for the row's second line. */
const char  *flash_card_item_get_subtitle (FlashCardItem *self);

#define FLASH_TYPE_CARD_LIST (flash_card_list_get_type ())

G_DECLARE_FINAL_TYPE (FlashCardList, flash_card_list, FLASH, CARD_LIST, GObject)

FlashCardList *flash_card_list_new     (void);
/* Shows the cards @ids (of @store, read on @today), replacing every item. */
void           flash_card_list_set_ids (FlashCardList *self,
                                        FlashStore    *store,
                                        FlashDay       today,
                                        GArray        *ids);
/* Shows @ids when the cards shown are their first ones: the rest come as new rows, and the rows
 * and the selection there stay. FALSE (nothing changed) when they are not. */
gboolean       flash_card_list_extend  (FlashCardList *self,
                                        GArray        *ids);
/* Forgets the item at @position, so that its row reads the card again (after an action). */
void           flash_card_list_reload_item (FlashCardList *self,
                                            guint          position);

G_END_DECLS
