/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-browser-page.h: the card browser: search, a state filter and an order, the cards found,
 * and the selected card with its schedule and actions. */
#pragma once

#include <adwaita.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_BROWSER_PAGE (flash_browser_page_get_type ())

G_DECLARE_FINAL_TYPE (FlashBrowserPage, flash_browser_page, FLASH, BROWSER_PAGE, AdwBin)

/* The collection to browse (NULL: none); the page never keeps it past the next call. */
void        flash_browser_page_set_store      (FlashBrowserPage *self,
                                               FlashStore       *store);
/* Runs the search again (the collection changed), keeping the search text and filters. */
void        flash_browser_page_refresh        (FlashBrowserPage *self);
void        flash_browser_page_focus_search   (FlashBrowserPage *self);
/* At a narrow width, from the card back to the list; FALSE when there is nothing to go back to
 * inside the page. */
gboolean    flash_browser_page_go_back        (FlashBrowserPage *self);

/* What the window tests look at and do. */
void        flash_browser_page_set_search     (FlashBrowserPage *self,
                                               const char       *text,
                                               FlashCardFilter   filter);
/* Shows the cards of one deck (0: all) and, unless NULL, one of its sections (a breadcrumb);
 * FALSE when there is no such deck or section. */
gboolean    flash_browser_page_set_scope      (FlashBrowserPage *self,
                                               gint64            deck_id,
                                               const char       *section);
guint       flash_browser_page_get_n_results  (FlashBrowserPage *self);
/* Whether a search typed or picked has not shown its first results yet (the rows show the last
 * search's); the rest of a long result may still come after. */
gboolean    flash_browser_page_is_searching   (FlashBrowserPage *self);
/* The selected card's id, or 0; selecting moves the detail to it. */
gint64      flash_browser_page_get_selected   (FlashBrowserPage *self);
void        flash_browser_page_select         (FlashBrowserPage *self,
                                               guint             position);
GtkWidget  *flash_browser_page_get_suspend_button (FlashBrowserPage *self);
/* The selected card's reviews as shown, one a line. */
const char *flash_browser_page_get_history    (FlashBrowserPage *self);
void        flash_browser_page_get_search     (FlashBrowserPage *self,
                                               FlashCardSearch  *search);

G_END_DECLS
