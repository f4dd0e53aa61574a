/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-card-actions.h: what the browser and the study page do to a card, one way for both: the
 * change in the collection, the toast that says it, the delete's Undo, and the editor. */
#pragma once

#include <gtk/gtk.h>

#include "flash-store.h"

G_BEGIN_DECLS

/* Runs the card action @name on @card: "suspend" (suspends, or unsuspends a suspended card),
 * "bury", "flag" (flag 1, or none), "reset", "delete", "use-source" and "keep-edit" (a card whose
 * source changed). Says what it did in a toast from @widget (win.show-toast; a delete offers its
 * Undo with win.card-deleted). FALSE and a toast of the error when it failed. */
gboolean flash_card_action_run  (GtkWidget  *widget,
                                 FlashStore *store,
                                 FlashCard  *card,
                                 const char *name);

/* Opens the cheatsheet @card came from in the desktop's app for it; a pasted card, or a file
 * that is gone, is said in a toast. */
void     flash_card_action_open_source (GtkWidget *widget,
                                        FlashCard *card);

typedef void (*FlashCardSavedFunc) (GtkWidget *widget);

/* Opens the card editor for @card over @widget's window; saving writes what changed to @store
 * (borrowed: the editor is modal) and then calls @saved with @widget. */
void     flash_card_action_edit (GtkWidget          *widget,
                                 FlashStore         *store,
                                 FlashCard          *card,
                                 FlashCardSavedFunc  saved);

G_END_DECLS
