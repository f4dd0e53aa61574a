/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-browser-widgets.h: the card browser's small widgets: a row of the card list, drop-downs
 * with long names, the action buttons. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A question is one line of Markdown: shown as it reads in study, code as code. */
void                flash_browser_set_question   (GtkLabel          *label,
                                                  const char        *markdown);
/* A card list row: its question and, dimmed, where it is and its state (FlashCardItem). */
GtkListItemFactory *flash_browser_row_factory    (void);
/* A drop-down of @labels that a screen reader names @name, its button too. */
GtkWidget          *flash_browser_drop_down      (const char *const *labels,
                                                  const char        *name);
/* The rows of a drop-down whose names can be long (decks, sections): ellipsized on its button
 * (@ellipsize), whole in its list. */
GtkListItemFactory *flash_browser_choice_factory (gboolean           ellipsize);
/* A button with a mnemonic @label for @action, its key in @tooltip. */
GtkWidget          *flash_browser_action_button  (const char        *label,
                                                  const char        *action,
                                                  const char        *tooltip);

G_END_DECLS
